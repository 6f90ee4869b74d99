"""The tooltip of a milestone on the timeline."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from nevroadmap.core.provenance import who_says
from nevroadmap.core.model import Roadmap

__all__ = ["milestone_tooltip"]


def milestone_tooltip(roadmap: Roadmap, index: int) -> str:
    """Rich-text tooltip; every piece of data text is escaped, never interpreted."""
    m = roadmap.milestones[index]
    orgs = ", ".join(roadmap.org_name(o) for o in roadmap.organizations_of(m))
    status = m.status.value.capitalize()
    lines = [f"<b>{html.escape(m.title)}</b>",
             f"{html.escape(str(m.when))} · {html.escape(status)} · {html.escape(roadmap.tech_name(m.technology))}"]
    if orgs:
        lines.append(html.escape(orgs))
    n = len(roadmap.claims_for(m.id))
    if n:
        # who claims it and when (issue 10): 'Claimed by Zhu Huarong (Changan), 2025-09-28; the article'
        tr = QCoreApplication.translate
        lines.append(html.escape(tr("Tooltips", "Claimed by %1").replace("%1", who_says(roadmap, m.id))))
        lines.append(html.escape(tr("Tooltips", "%n claim(s) — click for sources", "", n)))
    return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"

