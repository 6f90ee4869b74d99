"""Tooltips: the one of a milestone on the timeline, and data text shown literally.

Qt guesses whether a tooltip is rich text; data text (a name holding
``<img src=...>``) must never be read as markup, so every tooltip that shows
data is built here with its data escaped.
"""

from __future__ import annotations

import html

from nevroadmap.core.datefmt import format_when
from nevroadmap.core.i18n import _, ngettext
from nevroadmap.core.model import Roadmap
from nevroadmap.core.names import status_name
from nevroadmap.core.provenance import who_says

__all__ = ["milestone_tooltip", "plain_tooltip", "TOOLTIP_LIMIT"]

TOOLTIP_LIMIT = 2000  # characters: a 20,000-character description makes no useful tooltip


def plain_tooltip(text: str | None) -> str:
    """``text`` as a tooltip Qt shows literally (empty text: no tooltip); line breaks kept."""
    if not text:
        return ""
    if len(text) > TOOLTIP_LIMIT:
        text = text[:TOOLTIP_LIMIT] + "…"
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def milestone_tooltip(roadmap: Roadmap, index: int) -> str:
    """Rich-text tooltip; every piece of data text is escaped, never interpreted."""
    m = roadmap.milestones[index]
    orgs = ", ".join(roadmap.org_label(o) for o in roadmap.organizations_of(m))
    lines = [f"<b>{html.escape(m.title)}</b>",
             f"{html.escape(format_when(m.when))} · {html.escape(status_name(m.status.value))} · "
             f"{html.escape(roadmap.tech_name(m.technology))}"]
    if orgs:
        lines.append(html.escape(orgs))
    n = len(roadmap.claims_for(m.id))
    if n:
        # who claims it and when (issue 10): 'Claimed by Zhu Huarong (Changan), 2025-09-28; the article'
        lines.append(html.escape(_("Claimed by {who}").format(who=who_says(roadmap, m.id))))
        lines.append(html.escape(ngettext("{n} claim — click for sources", "{n} claims — click for sources", n)
                                 .format(n=n)))
    return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"
