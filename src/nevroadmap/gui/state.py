"""The one owner of what the app shows: roadmap, filter, grouping, selection.

Widgets receive an :class:`AppState` in their constructor, read from it,
change it by calling its setters and listen to its signals.  Signals fire only
when a value really changed, so syncing a control from the state never loops.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PySide6.QtCore import QObject, Signal

from nevroadmap.core.layout import GroupBy, LaneLayout, LayoutEngine
from nevroadmap.core.model import Roadmap
from nevroadmap.core.query import FilterIndex, RoadmapFilter

__all__ = ["AppState", "Selection", "Prepared", "prepare", "LABEL_YEARS_PER_CHAR"]

# Room a point's label takes on the time axis, per character, when lanes are
# packed: about one 7-pixel character at the default zoom of ~60 px per year.
LABEL_YEARS_PER_CHAR = 0.11


@dataclass(frozen=True)
class Selection:
    """What the details panel shows: a milestone or an organization."""

    kind: Literal["milestone", "organization"]
    id: str
    claim: str | None = None  # a milestone opened from one of its claims (the metrics pane): shown first

    @property
    def url(self) -> str:
        return f"{'milestone' if self.kind == 'milestone' else 'org'}:{self.id}"

    @classmethod
    def from_url(cls, url: str) -> Selection | None:
        """``milestone:ID`` or ``org:ID`` (the details panel's internal links)."""
        scheme, sep, rest = url.partition(":")
        if not sep or not rest:
            return None
        if scheme == "milestone":
            return cls("milestone", rest)
        if scheme == "org":
            return cls("organization", rest)
        return None


@dataclass
class Prepared:
    """A roadmap made ready to show: built off the GUI thread by :func:`prepare`.

    :func:`prepare` builds only what the first frame needs; :meth:`complete`
    builds the rest (the search text, the other grouping's packing, the claims
    per organization), which are otherwise built on first use.
    """

    roadmap: Roadmap
    index: FilterIndex
    engine: LayoutEngine
    org_claims: dict | None = None  # set once the claims per organization are built
    claim_table: tuple | None = None  # (claim rows, metric keys with counts) of the metrics pane, once built

    def complete(self, group_by: GroupBy = "technology", keep_going=lambda: True) -> bool:
        """Build the lazy parts now (safe in a worker thread); stops early when ``keep_going()`` is false.

        Returns whether everything was built.  Each part gives the same result
        as when it is built on first use (tests compare them).
        """
        steps = (
            lambda: self.index.warm(),
            lambda: self.engine.full("company" if group_by == "technology" else "technology"),
            self.organization_claims,
            self.claims_and_metrics,
        )
        for step in steps:
            if not keep_going():
                return False
            step()
        return True

    def claims_and_metrics(self) -> tuple[list, list]:
        """The claim rows and the metrics they give (:func:`~nevroadmap.core.claims.claim_rows`,
        :func:`~nevroadmap.core.claims.metric_keys`): what the metrics pane lists, built once."""
        if self.claim_table is None:
            from nevroadmap.core.claims import claim_rows, metric_keys

            rows = claim_rows(self.roadmap)
            self.claim_table = (rows, metric_keys(rows))
        return self.claim_table

    def organization_claims(self) -> dict:
        """The core rule's claims per organization (:attr:`Roadmap.claims_by_organization`), noted as built."""
        self.org_claims = self.roadmap.claims_by_organization
        return self.org_claims


def prepare(roadmap: Roadmap, group_by: GroupBy = "technology",
            label_years_per_char: float = LABEL_YEARS_PER_CHAR) -> Prepared:
    """The filter index and the packing of the shown grouping: what the first frame needs.

    Safe to call from a worker thread; :meth:`Prepared.complete` builds the rest.
    """
    index = FilterIndex(roadmap)
    engine = LayoutEngine(roadmap, label_years_per_char, columns=index.span_columns)
    engine.full(group_by)
    return Prepared(roadmap, index, engine)


class AppState(QObject):
    sigRoadmapChanged = Signal()
    sigFilterChanged = Signal()
    sigGroupByChanged = Signal()
    sigSelectionChanged = Signal()
    sigLayoutChanged = Signal()  # the lane layout to draw changed (roadmap, filter or grouping)
    sigHistoryChanged = Signal()  # back/forward availability
    sigPrepared = Signal()  # the roadmap's lazy indexes are built (Prepared.complete): counts can be shown

    def __init__(self, roadmap: Roadmap | None = None, parent: QObject | None = None,
                 label_years_per_char: float = LABEL_YEARS_PER_CHAR) -> None:
        super().__init__(parent)
        self.label_years_per_char = label_years_per_char
        self._filter = RoadmapFilter()
        self._group_by: GroupBy = "technology"
        self._selection: Selection | None = None
        self._back: list[Selection] = []
        self._forward: list[Selection] = []
        self._mask: np.ndarray | None = None
        self._layout: LaneLayout | None = None
        self._completed_elsewhere = False  # the loader's worker completes the Prepared shown
        self._set_prepared(prepare(roadmap or Roadmap(), self._group_by, label_years_per_char))

    # -- roadmap -------------------------------------------------------------
    @property
    def roadmap(self) -> Roadmap:
        return self._roadmap

    @property
    def index(self) -> FilterIndex:
        return self._index

    def set_roadmap(self, roadmap: Roadmap | Prepared) -> None:
        """Show another dataset; the filter keeps what still exists in it."""
        prepared = roadmap if isinstance(roadmap, Prepared) else prepare(roadmap, self._group_by, self.label_years_per_char)
        if prepared.roadmap is self._roadmap:
            return
        # a Prepared comes from the loader, whose worker completes it (AppState.sigPrepared)
        self._completed_elsewhere = isinstance(roadmap, Prepared)
        self._set_prepared(prepared)
        rm = prepared.roadmap
        f = self._filter
        kept = dataclasses.replace(
            f, organizations=frozenset(o for o in f.organizations if o in rm.organization_by_id),
            technologies=frozenset(t for t in f.technologies if t in rm.technology_by_id))
        filter_changed = kept != f
        self._filter = kept
        history = (self._back, self._forward)
        self._back = [s for s in self._back if self._exists(s)]
        self._forward = [s for s in self._forward if self._exists(s)]
        history_changed = (self._back, self._forward) != history
        sel_changed = self._selection is not None and not self._exists(self._selection)
        if sel_changed:
            self._selection = None
        # listeners re-read everything on sigRoadmapChanged (a selection with
        # the same id may now mean different text)
        self.sigRoadmapChanged.emit()
        if filter_changed:
            self.sigFilterChanged.emit()
        self.sigLayoutChanged.emit()
        if sel_changed:
            self.sigSelectionChanged.emit()
        if history_changed:
            self.sigHistoryChanged.emit()

    def note_completed(self, prepared: Prepared) -> None:
        """Called when ``prepared`` was completed (off the GUI thread); tells listeners if it is shown."""
        if prepared is self._prepared:
            self.sigPrepared.emit()

    def _set_prepared(self, prepared: Prepared) -> None:
        self._prepared = prepared
        self._roadmap = prepared.roadmap
        self._index = prepared.index
        self._engine = prepared.engine
        self._mask = None
        self._layout = None

    # -- filter ----------------------------------------------------------------
    @property
    def filter(self) -> RoadmapFilter:
        return self._filter

    def set_filter(self, f: RoadmapFilter) -> None:
        if f == self._filter:
            return
        self._filter = f
        self._mask = None
        self._layout = None
        self.sigFilterChanged.emit()
        self.sigLayoutChanged.emit()

    def update_filter(self, **changes) -> None:
        """Change some fields of the filter (validated like the CLI's)."""
        self.set_filter(dataclasses.replace(self._filter, **changes))

    def clear_filter(self) -> None:
        self.set_filter(RoadmapFilter())

    @property
    def mask(self) -> np.ndarray:
        if self._mask is None:
            self._mask = self._index.mask(self._filter)
        return self._mask

    @property
    def has_dataset(self) -> bool:
        """Whether a dataset is shown (one opened from somewhere, or with milestones), rather than the
        empty roadmap the window holds before anything loaded."""
        return bool(self.roadmap.origin or self.roadmap.milestones)

    @property
    def shown_count(self) -> int:
        return int(self.mask.sum())

    @property
    def total_count(self) -> int:
        return len(self._roadmap.milestones)

    def claim_table(self) -> tuple[list, list]:
        """The claim rows of the roadmap shown and the metrics they give (built once per dataset:
        by the loader's worker after the first frame of a big one, else here on first use)."""
        return self._prepared.claims_and_metrics()

    def claims_ready(self) -> bool:
        """Whether :meth:`claim_table` is built (it costs seconds at 100,000 milestones)."""
        return self._prepared.claim_table is not None

    def claims_coming(self) -> bool:
        """Whether the loader's worker is building :meth:`claim_table` (sigPrepared says when)."""
        return self._completed_elsewhere and not self.claims_ready()

    def is_shown(self, milestone_id: str) -> bool:
        pos = self._roadmap.milestone_index.get(milestone_id)
        return pos is not None and bool(self.mask[pos])

    # -- per-organization lookups (details panel) ------------------------------
    def milestones_of_organization(self, org_id: str) -> list[str]:
        """Ids of the milestones an organization is part of (own or claimed), in roadmap order."""
        idx = self._index
        try:
            pos = idx.org_ids.index(org_id)
        except ValueError:
            return []
        rows = np.flatnonzero(idx.org_idx == pos)
        items = np.searchsorted(idx.org_ptr, rows, side="right") - 1
        ms = self._roadmap.milestones
        return [ms[int(i)].id for i in np.unique(items)]

    def claims_by_organization(self) -> dict[str, tuple]:
        """Claims per organization they concern: the core rule (:attr:`Roadmap.claims_by_organization`)."""
        return self._roadmap.claims_by_organization

    # -- grouping and layout ---------------------------------------------------
    @property
    def group_by(self) -> GroupBy:
        return self._group_by

    def set_group_by(self, group_by: GroupBy) -> None:
        if group_by not in ("technology", "company"):
            raise ValueError(f"group_by must be 'technology' or 'company', not {group_by!r}")
        if group_by == self._group_by:
            return
        self._group_by = group_by
        self._layout = None
        self.sigGroupByChanged.emit()
        self.sigLayoutChanged.emit()

    def relabel(self) -> None:
        """The language changed: lay the lanes out anew, so band and lane names speak it."""
        self._layout = None
        self.sigLayoutChanged.emit()

    @property
    def layout(self) -> LaneLayout:
        if self._layout is None:
            self._layout = self._engine.layout(self._group_by, self.mask)
        return self._layout

    # -- selection and history ------------------------------------------------
    @property
    def selection(self) -> Selection | None:
        return self._selection

    @property
    def selected_milestone(self) -> str | None:
        s = self._selection
        return s.id if s is not None and s.kind == "milestone" else None

    def _exists(self, s: Selection) -> bool:
        if s.kind == "milestone":
            return s.id in self._roadmap.milestone_by_id
        return s.id in self._roadmap.organization_by_id

    def select(self, selection: Selection | None) -> None:
        """Show something in the details panel; remembers the previous one for Back."""
        if selection is not None and not self._exists(selection):
            selection = None
        if selection == self._selection:
            return
        if self._selection is not None:
            self._back.append(self._selection)
            del self._back[:-200]
        self._forward.clear()
        self._selection = selection
        self.sigSelectionChanged.emit()
        self.sigHistoryChanged.emit()

    def select_milestone(self, milestone_id: str | None) -> None:
        self.select(Selection("milestone", milestone_id) if milestone_id else None)

    def select_claim(self, milestone_id: str, claim_id: str | None) -> None:
        """Open a milestone at one of its claims (a mark clicked in the metrics pane)."""
        self.select(Selection("milestone", milestone_id, claim_id))

    def select_organization(self, org_id: str | None) -> None:
        self.select(Selection("organization", org_id) if org_id else None)

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def go_back(self) -> None:
        if not self._back:
            return
        if self._selection is not None:
            self._forward.append(self._selection)
        self._selection = self._back.pop()
        self.sigSelectionChanged.emit()
        self.sigHistoryChanged.emit()

    def go_forward(self) -> None:
        if not self._forward:
            return
        if self._selection is not None:
            self._back.append(self._selection)
        self._selection = self._forward.pop()
        self.sigSelectionChanged.emit()
        self.sigHistoryChanged.emit()
