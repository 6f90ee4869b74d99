"""What the status bar says when a dataset has loaded: loaded, reloaded or reopened, and what it dropped.

A reload (a save in an editor, F5) keeps the zoom: the window does not refit
the timeline, which keeps its time window and top row.  The filters, the
lane grouping and the selection live in the :class:`AppState`, which keeps what still exists in the new data;
:func:`dropped_note` names what it had to drop (a company or technology
filter that matches nothing, a selected milestone that is gone), for the
status bar.  :func:`loaded_message` puts the whole message together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from nevroadmap.core.model import Roadmap
from nevroadmap.core.query import RoadmapFilter
from nevroadmap.gui.state import AppState, Selection

__all__ = ["LoadReport", "dropped_note", "loaded_message"]


class LoadReport(QObject):
    """The texts (a QObject so that ``self.tr`` gives real ``%n`` plurals)."""

    def dropped_note(self, old: Roadmap, old_filter: RoadmapFilter, old_selection: Selection | None,
                     state: AppState) -> str:
        """One sentence per thing the new roadmap made the state drop ("" when nothing was dropped)."""
        parts = []
        gone_orgs = sorted(old_filter.organizations - state.filter.organizations)
        gone_techs = sorted(old_filter.technologies - state.filter.technologies)
        names = [old.org_name(o) for o in gone_orgs] + [old.tech_name(t) for t in gone_techs]
        if names:
            text = self.tr("%n filter(s) dropped, not in this dataset: %1.", "", len(names))
            parts.append(text.replace("%1", ", ".join(names)))
        if old_selection is not None and old_selection.kind == "milestone" and state.selection != old_selection:
            m = old.milestone_by_id.get(old_selection.id)
            parts.append(self.tr("The selected milestone “%1” is no longer in the data.").replace(
                "%1", m.title if m is not None else old_selection.id))
        return " ".join(parts)

    def loaded_message(self, path: str | None, roadmap: Roadmap, *, reopened: bool, reloaded: bool,
                       note: str) -> str:
        """"Reopened FILE" (the last session's dataset), "Reloaded NAME" or "Loaded <summary>", then ``note``."""
        if reopened and path is not None:
            text = self.tr("Reopened %1").replace("%1", path)
        elif reloaded:
            name = Path(path).name if path else self.tr("the bundled dataset")
            text = self.tr("Reloaded %1").replace("%1", name)
        else:
            text = self.tr("Loaded %1").replace("%1", roadmap.summary())
        return f"{text}. {note}" if note else text


def dropped_note(old: Roadmap, old_filter: RoadmapFilter, old_selection: Selection | None, state: AppState) -> str:
    return LoadReport().dropped_note(old, old_filter, old_selection, state)


def loaded_message(path: str | None, roadmap: Roadmap, *, reopened: bool, reloaded: bool, note: str) -> str:
    return LoadReport().loaded_message(path, roadmap, reopened=reopened, reloaded=reloaded, note=note)
