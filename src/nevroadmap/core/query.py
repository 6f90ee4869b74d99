"""The one filter that the app, ``nevroadmap list`` and ``nevroadmap export`` share.

A :class:`RoadmapFilter` is a frozen value; :class:`FilterIndex` turns a
roadmap into numpy columns once, so a filter change on 100,000 milestones costs
a few vectorised passes instead of a Python loop.  :func:`matches` is the
plain reference definition that the index must agree with (tests check it).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable
from functools import cached_property
from itertools import repeat
from operator import attrgetter
from typing import Any

import numpy as np

from nevroadmap.core.names import status_name
from nevroadmap.core.i18n import _
from nevroadmap.core.model import STATUS_ORDER, DateSpan, Milestone, Roadmap, Status

__all__ = [
    "FilterIndex", "RoadmapFilter", "UnknownNameError", "apply_filter", "matches",
    "resolve_organizations", "resolve_technologies", "resolve_statuses", "search_text",
]


class UnknownNameError(ValueError):
    """A company, technology or status name that the dataset does not know."""


def _year(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{name}: a year must be a whole number, not {type(value).__name__}")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a year") from None
    if not number.is_integer():
        raise ValueError(f"{name}: {value!r} is not a whole year")
    return int(number)


@dataclasses.dataclass(frozen=True)
class RoadmapFilter:
    """What to show.  Empty sets mean "no restriction".

    Built from any iterables of ids and statuses (names of statuses too); the
    search text has its spaces collapsed; a year window that starts after it
    ends is a ``ValueError``.  Change one with :func:`dataclasses.replace`.
    """

    organizations: frozenset[str] = frozenset()
    technologies: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    year_from: int | None = None
    year_to: int | None = None
    text: str = ""

    def __post_init__(self) -> None:
        put = object.__setattr__  # frozen: normalised once, here
        put(self, "organizations", frozenset(self.organizations))
        put(self, "technologies", frozenset(self.technologies))
        put(self, "statuses", frozenset(Status(s) for s in self.statuses))
        put(self, "year_from", _year(self.year_from, "year_from"))
        put(self, "year_to", _year(self.year_to, "year_to"))
        put(self, "text", " ".join(str(self.text or "").split()))
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise ValueError(f"the year window starts after it ends (--from {self.year_from} is after --to {self.year_to})")

    @property
    def is_empty(self) -> bool:
        return self == RoadmapFilter()

    def words(self) -> list[str]:
        return self.text.lower().split()

    def _technology_names(self, roadmap: Roadmap) -> list[str]:
        """The chosen technologies by name; an area whose technologies are all chosen is named once, by its name."""
        left = set(self.technologies)
        areas = []
        for area in roadmap.areas:
            techs = {t.id for t in roadmap.technologies if t.area == area.id}
            if techs and techs <= left:
                areas.append(area.name)
                left -= techs
        return sorted(areas) + sorted(roadmap.tech_name(t) for t in left)

    def describe(self, roadmap: Roadmap) -> str:
        """A short line naming the filters that are on, or '' when none."""
        parts = []
        if self.organizations:
            parts.append(_("Companies: {names}").format(
                names=", ".join(sorted(roadmap.org_label(o) for o in self.organizations))))
        if self.technologies:
            parts.append(_("Technologies: {names}").format(names=", ".join(self._technology_names(roadmap))))
        if self.statuses:
            parts.append(_("Status: {names}").format(
                names=", ".join(status_name(s.value) for s in STATUS_ORDER if s in self.statuses)))
        if self.year_from is not None or self.year_to is not None:
            lo = self.year_from if self.year_from is not None else "…"
            hi = self.year_to if self.year_to is not None else "…"
            parts.append(_("Years: {lo}–{hi}").format(lo=lo, hi=hi))
        if self.text:
            parts.append(_("Search: “{text}”").format(text=self.text))
        return "; ".join(parts)


def search_text(roadmap: Roadmap, m: Milestone) -> str:
    """Everything a free-text search looks at, lower-cased, one field per line."""
    fields = [m.id, m.title, m.description or "", " ".join(m.tags), roadmap.tech_name(m.technology)]
    fields += [str(x) for x in m.metrics]
    fields += [roadmap.org_name(o) for o in roadmap.parties_of(m)]
    for c in roadmap.claims_for(m.id):
        fields += [c.statement, c.quote or ""]
        if c.speaker:
            p = roadmap.person_by_id.get(c.speaker)
            fields.append(p.name if p else c.speaker)
    return "\n".join(fields).lower()


def matches(roadmap: Roadmap, m: Milestone, f: RoadmapFilter) -> bool:
    """Reference definition of the filter, one milestone at a time."""
    if f.technologies and m.technology not in f.technologies:
        return False
    if f.statuses and m.status not in f.statuses:
        return False
    if not m.when.overlaps_years(f.year_from, f.year_to):
        return False
    if f.organizations and not set(roadmap.parties_of(m)) & f.organizations:
        return False
    if f.text:
        blob = search_text(roadmap, m)
        return all(w in blob for w in f.words())
    return True


def span_columns(spans: list[DateSpan]) -> dict[str, np.ndarray]:
    """Per-milestone date columns, computed once per distinct span.

    Spans come from a cached parser, so 100,000 milestones share a few
    thousand span objects; computing ``x0``/``x1`` (date arithmetic) only for
    those is ~20x cheaper than for every milestone.
    """
    n = len(spans)
    # distinct objects by identity, in C: np.unique of their ids (an id is a non-negative address)
    _ids, first, code = np.unique(np.fromiter(map(id, spans), np.uint64, n), return_index=True, return_inverse=True)
    reps: list[DateSpan] = [spans[i] for i in first.tolist()]
    table = {
        "x0": np.fromiter((s.x0 for s in reps), np.float64, len(reps)),
        "x1": np.fromiter((s.x1 for s in reps), np.float64, len(reps)),
        "open_start": np.fromiter((s.open_start for s in reps), bool, len(reps)),
        "open_end": np.fromiter((s.open_end for s in reps), bool, len(reps)),
        "approximate": np.fromiter((s.approximate for s in reps), bool, len(reps)),
        "exclusive": np.fromiter((s.exclusive for s in reps), bool, len(reps)),
        "single": np.fromiter((s.first == s.last for s in reps), bool, len(reps)),
    }
    return {k: v[code] for k, v in table.items()}


def _search_texts(roadmap: Roadmap) -> Iterable[str]:
    """:func:`search_text` of every milestone (same text, one at a time), with the lookups hoisted."""
    tech_name = {t.id: t.name for t in roadmap.technologies}
    org_name = {o.id: o.name for o in roadmap.organizations}
    person_name = {p.id: p.name for p in roadmap.people}
    by_ms = roadmap.claims_by_milestone
    for m, orgs in zip(roadmap.milestones, roadmap.milestone_parties):
        fields = [m.id, m.title, m.description or "", " ".join(m.tags), tech_name.get(m.technology, m.technology)]
        if m.metrics:
            fields += [str(x) for x in m.metrics]
        fields += [org_name.get(o, o) for o in orgs]
        for c in by_ms.get(m.id, ()):
            fields += [c.statement, c.quote or ""]
            if c.speaker:
                fields.append(person_name.get(c.speaker, c.speaker))
        yield "\n".join(fields).lower()


_TECHNOLOGY, _STATUS, _WHEN = attrgetter("technology"), attrgetter("status"), attrgetter("when")


class FilterIndex:
    """Column-wise view of a roadmap's milestones for fast filtering."""

    def __init__(self, roadmap: Roadmap) -> None:
        self.roadmap = roadmap
        ms = roadmap.milestones
        n = len(ms)
        self.tech_ids = [t.id for t in roadmap.technologies]
        tech_pos = {t: i for i, t in enumerate(self.tech_ids)}
        self.org_ids = [o.id for o in roadmap.organizations]
        status_pos = {s: i for i, s in enumerate(STATUS_ORDER)}
        self.tech = np.fromiter(map(tech_pos.get, map(_TECHNOLOGY, ms), repeat(-1)), np.int32, n)
        self.status = np.fromiter(map(status_pos.__getitem__, map(_STATUS, ms)), np.int8, n)
        cols = self.span_columns = span_columns(list(map(_WHEN, ms)))  # shared with the LayoutEngine
        self.lo = np.where(cols["open_start"], cols["x0"] - 1e-9, cols["x0"])  # deadlines count at their date
        self.hi = np.where(cols["open_end"], np.inf, cols["x1"])
        self._n = n

    # -- which organizations each milestone concerns (CSR columns), built on first use --
    @cached_property
    def _org_columns(self) -> tuple[np.ndarray, np.ndarray]:
        orgs_of = self.roadmap.milestone_parties  # who acts and who reports
        n = self._n
        org_pos = {o: i for i, o in enumerate(self.org_ids)}
        counts = np.fromiter((len(o) for o in orgs_of), np.int64, n)
        flat = [org_pos.get(o, -1) for os_ in orgs_of for o in os_]
        idx = np.asarray(flat, np.int64)
        ptr = np.zeros(n + 1, np.int64)
        np.cumsum(counts, out=ptr[1:])
        if len(idx) and (idx < 0).any():  # ids the roadmap does not define are left out
            keep = idx >= 0
            ptr = np.concatenate(([0], np.cumsum(keep, dtype=np.int64)))[ptr]
            idx = idx[keep]
        return ptr, idx

    @property
    def org_ptr(self) -> np.ndarray:
        """``org_idx[org_ptr[i]:org_ptr[i + 1]]`` are the organizations (positions in ``org_ids``) of milestone i."""
        return self._org_columns[0]

    @property
    def org_idx(self) -> np.ndarray:
        return self._org_columns[1]

    @cached_property
    def org_owner(self) -> np.ndarray:
        """The milestone of each entry of ``org_idx``."""
        ptr = self.org_ptr
        return np.repeat(np.arange(len(ptr) - 1), np.diff(ptr))

    @property
    def has_org_columns(self) -> bool:
        """Whether the organization columns are built (else the first use builds them)."""
        return "_org_columns" in self.__dict__

    @cached_property
    def _blob(self) -> tuple[bytes, list[int]]:
        """All search texts as one UTF-8 buffer (fast substring scans) and where each starts.

        UTF-8 is self-synchronising, so a word occurs in a text exactly when
        its encoding occurs in the text's encoding.
        """
        texts = [t.encode() for t in _search_texts(self.roadmap)]  # no list of the str texts on the way
        offsets = [0]
        pos = 0
        for t in texts:
            pos += len(t) + 1
            offsets.append(pos)
        texts.append(b"")  # the last text ends with "\n" too, without a second copy of the buffer
        return b"\n".join(texts), offsets

    def warm(self) -> None:
        """Build the organization columns and the search text now (else their first use does)."""
        self._org_columns  # noqa: B018 - cached properties
        self._blob  # noqa: B018

    def _text_mask(self, words: list[str], keep: np.ndarray | None = None) -> np.ndarray:
        """Milestones (among ``keep``) whose search text contains every word."""
        blob, off = self._blob
        cand = np.flatnonzero(keep) if keep is not None else np.arange(self._n)

        def has(w: bytes, ids: np.ndarray) -> np.ndarray:
            return np.fromiter((w in blob[off[i]:off[i + 1]] for i in ids.tolist()), bool, len(ids))

        # rarest word first (estimated on a sample), the others on its hits only
        todo = [w.encode() for w in dict.fromkeys(words)]
        sample = cand[:: max(1, len(cand) // 256)]
        rate = {w: float(has(w, sample).mean()) if len(sample) else 0.0 for w in todo}
        for w in sorted(todo, key=lambda w: rate[w]):
            if not len(cand):
                break
            if len(cand) * 8 < self._n:  # few candidates: look in each
                cand = cand[has(w, cand)]
                continue
            # one scan of the whole buffer, jumping to the next text after a hit
            found = []
            find, locate, append = blob.find, bisect.bisect_right, found.append
            pos = find(w)
            while pos >= 0:
                i = locate(off, pos) - 1
                append(i)
                pos = find(w, off[i + 1])
            cand = np.intersect1d(cand, np.asarray(found, np.int64), assume_unique=True)
        out = np.zeros(self._n, bool)
        out[cand] = True
        return out

    def mask(self, f: RoadmapFilter) -> np.ndarray:
        """Boolean array: which milestones (in roadmap order) the filter keeps."""
        keep = np.ones(self._n, bool)
        if f.technologies:
            wanted = [i for i, t in enumerate(self.tech_ids) if t in f.technologies]
            keep &= np.isin(self.tech, wanted)
        if f.statuses:
            keep &= np.isin(self.status, [i for i, s in enumerate(STATUS_ORDER) if s in f.statuses])
        if f.year_from is not None:
            keep &= self.hi > f.year_from
        if f.year_to is not None:
            keep &= self.lo < f.year_to + 1
        if f.organizations:
            sel = np.zeros(len(self.org_ids) + 1, bool)
            sel[[i for i, o in enumerate(self.org_ids) if o in f.organizations]] = True
            csum = np.concatenate(([0], np.cumsum(sel[self.org_idx], dtype=np.int64)))
            keep &= (csum[self.org_ptr[1:]] - csum[self.org_ptr[:-1]]) > 0
        if f.text and keep.any():
            keep = self._text_mask(f.words(), keep)
        return keep

    def indices(self, f: RoadmapFilter) -> np.ndarray:
        return np.flatnonzero(self.mask(f))


def apply_filter(roadmap: Roadmap, f: RoadmapFilter, index: FilterIndex | None = None) -> list[Milestone]:
    index = index or FilterIndex(roadmap)
    ms = roadmap.milestones
    return [ms[i] for i in index.indices(f)]


# -- names as people type them ---------------------------------------------
def _starts_word(q: str, label: str) -> bool:
    """``q`` starts somewhere in ``label`` at a word start ("state" in "solid-state", not "ai" in "main")."""
    import re

    return re.search(r"(?<![0-9a-z])" + re.escape(q), label) is not None


def _resolve(kind: str, names: Iterable[str], candidates: list[tuple[str, list[str]]]) -> frozenset[str]:
    """Match each name to ids: exact id or name first, else names where it starts a word."""
    out: set[str] = set()
    for raw in names:
        q = raw.strip().lower()
        if not q:
            raise UnknownNameError(f"empty {kind} name")
        exact = {cid for cid, labels in candidates if q in (s.lower() for s in labels)}
        if not exact:
            exact = {cid for cid, labels in candidates if any(_starts_word(q, s.lower()) for s in labels)}
        if not exact:
            vocab = [s for _, labels in candidates for s in labels]
            import difflib  # only for a name that is not known

            close = difflib.get_close_matches(raw, vocab, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise UnknownNameError(f"unknown {kind} {raw!r}{hint}")
        out |= exact
    return frozenset(out)


def resolve_organizations(roadmap: Roadmap, names: Iterable[str]) -> frozenset[str]:
    cands = [(o.id, [o.id, o.name] + [x for x in (o.short_name, o.native_name) if x]) for o in roadmap.organizations]
    return _resolve("company", names, cands)


def resolve_technologies(roadmap: Roadmap, names: Iterable[str]) -> frozenset[str]:
    """Technology ids for technology ids/names, or area ids/names (the whole area).

    An exact technology id or name wins over an area of the same name.
    """
    out: set[str] = set()
    cands = [(t.id, [t.id, t.name]) for t in roadmap.technologies]
    for raw in names:
        q = raw.strip().lower()
        if any(q in (t.id.lower(), t.name.lower()) for t in roadmap.technologies):
            out |= _resolve("technology", [raw], cands)
            continue
        area = [a.id for a in roadmap.areas if q in (a.id.lower(), a.name.lower())]
        if area:
            out |= {t.id for t in roadmap.technologies if t.area in area}
            continue
        out |= _resolve("technology", [raw], cands)
    return frozenset(out)


def resolve_statuses(names: Iterable[str]) -> frozenset[Status]:
    out = set()
    for raw in names:
        try:
            out.add(Status(raw.strip().lower()))
        except ValueError:
            raise UnknownNameError(
                f"unknown status {raw!r}; use one of {', '.join(s.value for s in STATUS_ORDER)}") from None
    return frozenset(out)
