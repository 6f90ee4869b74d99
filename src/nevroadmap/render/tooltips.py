"""The tooltip of a milestone on the timeline."""

from __future__ import annotations

import html

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
        lines.append(f"{n} claim{'s' * (n != 1)} — click for sources")
    return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"

