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

from PySide6.QtCore import QCoreApplication

from nevroadmap.core.model import Roadmap
from nevroadmap.core.query import RoadmapFilter
from nevroadmap.gui.state import AppState, Selection

__all__ = ["dropped_note", "loaded_message"]

_CONTEXT = "LoadReport"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CONTEXT, text, None, n)


def dropped_note(old: Roadmap, old_filter: RoadmapFilter, old_selection: Selection | None, state: AppState) -> str:
    """One sentence per thing the new roadmap made the state drop ("" when nothing was dropped)."""
    parts = []
    gone_orgs = sorted(old_filter.organizations - state.filter.organizations)
    gone_techs = sorted(old_filter.technologies - state.filter.technologies)
    names = [old.org_name(o) for o in gone_orgs] + [old.tech_name(t) for t in gone_techs]
    if names:
        parts.append(_tr("Filter(s) dropped, not in this dataset: %1.", len(names)).replace("%1", ", ".join(names)))
    if old_selection is not None and old_selection.kind == "milestone" and state.selection != old_selection:
        m = old.milestone_by_id.get(old_selection.id)
        parts.append(_tr("The selected milestone “%1” is no longer in the data.").replace(
            "%1", m.title if m is not None else old_selection.id))
    return " ".join(parts)


def loaded_message(path: str | None, roadmap: Roadmap, *, reopened: bool, reloaded: bool, note: str) -> str:
    """"Reopened FILE" (the last session's dataset), "Reloaded NAME" or "Loaded <summary>", then ``note``."""
    if reopened and path is not None:
        text = _tr("Reopened %1").replace("%1", path)
    elif reloaded:
        text = _tr("Reloaded %1").replace("%1", Path(path).name if path else _tr("the bundled dataset"))
    else:
        text = _tr("Loaded %1").replace("%1", roadmap.summary())
    return f"{text}. {note}" if note else text
