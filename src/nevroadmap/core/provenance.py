"""Who says so, and how a forecast moved: the provenance of a milestone's claims.

* :func:`claims_in_said_order` - a milestone's claims in the order they were said;
* :func:`drift` - how a milestone's claimed date moved over the dates said;
* :func:`who_says` - who claims a milestone and when, in one line (tooltips);
* :func:`source_notes` - numbered source footnotes (exports);
* :func:`independent_sources` - how many distinct sources back a milestone.

No Qt here; messages are marked with :mod:`nevroadmap.core.i18n`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from nevroadmap.core.dates import DateSpan
from nevroadmap.core.i18n import _
from nevroadmap.core.model import Claim, Milestone, Roadmap

__all__ = ["DriftPoint", "claims_in_said_order", "drift", "format_slip", "independent_sources", "source_notes",
           "target_year", "who_says"]


# -- forecasts over time ------------------------------------------------------------
def claims_in_said_order(roadmap: Roadmap, milestone_id: str) -> list[Claim]:
    """The claims behind a milestone in the order they were said (undated last, in data order)."""
    # claims_for keeps data order and the sort is stable: ties stay in data order
    return sorted(roadmap.claims_for(milestone_id), key=lambda c: c.said.x0 if c.said is not None else math.inf)


@dataclass(frozen=True, slots=True)
class DriftPoint:
    claim: Claim
    said: DateSpan
    when: DateSpan  # the date this claim gave
    slip: float  # years later (+) or earlier (-) than the first claimed date


def target_year(span: DateSpan) -> float:
    """Where a claimed date sits for measuring slips: the end of the period named."""
    return span.x1


def drift(roadmap: Roadmap, milestone: Milestone) -> list[DriftPoint]:
    """The dates claimed for a milestone, in the order said; empty when it never moved.

    Only dated claims count; the milestone's own date is the last word.
    """
    points: list[tuple[Claim, DateSpan, DateSpan]] = []
    for c in claims_in_said_order(roadmap, milestone.id):
        if c.said is None:
            continue
        points.append((c, c.said, c.when if c.when is not None else milestone.when))
    if len({str(w) for _, _, w in points}) < 2:
        return []
    first = target_year(points[0][2])
    return [DriftPoint(c, s, w, target_year(w) - first) for c, s, w in points]


def format_slip(years: float) -> str:
    """"+2 y", "-1 y", "+6 mo", "0"."""
    if abs(years) < 1 / 24:
        return "0"
    sign = "+" if years > 0 else "\u2212"
    a = abs(years)
    if a < 1:
        return _("{sign}{n} mo").format(sign=sign, n=round(a * 12))
    n = f"{a:.0f}" if abs(a - round(a)) < 0.05 else f"{a:.1f}"
    return _("{sign}{n} y").format(sign=sign, n=n)


def who_says(roadmap: Roadmap, milestone_id: str, limit: int = 3) -> str:
    """Who claims a milestone and when, in one line: "Zhu Huarong (Changan), 2025-09-28; the article"."""
    people = roadmap.person_by_id
    bits: list[str] = []
    for c in claims_in_said_order(roadmap, milestone_id):
        org = roadmap.claim_organization(c)
        o = roadmap.organization_by_id.get(org) if org else None
        org_name = (o.short_name or o.name) if o is not None else org
        if c.speaker:
            p = people.get(c.speaker)
            who = (p.name if p else c.speaker) + (f" ({org_name})" if org_name else "")
        else:
            who = org_name or _("the article")
        text = who + (f", {c.said}" if c.said else "")
        if text not in bits:
            bits.append(text)
    more = len(bits) - limit
    return "; ".join(bits[:limit]) + (_("; and {n} more").format(n=more) if more > 0 else "")


def source_notes(roadmap: Roadmap, milestone_ids: Iterable[str]) -> list[tuple[int, str, str]]:
    """Numbered source footnotes for the claims behind ``milestone_ids``: (number, source id, text).

    Numbered in the order first cited; the text names publisher, title, date and address.
    """
    seen: dict[str, int] = {}
    for mid in milestone_ids:
        for c in roadmap.claims_for(mid):
            seen.setdefault(c.source, len(seen) + 1)
    out = []
    for sid, n in seen.items():
        src = roadmap.source_by_id.get(sid)
        if src is None:
            out.append((n, sid, sid))
            continue
        bits = [f"{src.publisher}: {src.title}" if src.publisher else src.title]
        if src.published:
            bits.append(_("published {date}").format(date=src.published))
        elif src.event_date:
            bits.append(_("event {date}").format(date=src.event_date))
        if src.url:
            bits.append(src.url)
        out.append((n, sid, ", ".join(bits)))
    return out


def independent_sources(roadmap: Roadmap, milestone_id: str) -> int:
    """How many distinct sources the claims behind a milestone cite."""
    return len({c.source for c in roadmap.claims_for(milestone_id)})
