"""HTML for the details panel: a milestone with every claim behind it, or a company.

Pure functions of the roadmap (no widgets), so they are easy to test.  Every
piece of data text goes through :func:`esc`: data files may hold HTML or
script, and it must show as the literal text.  Only http(s) URLs become
links; internal links are ``milestone:ID`` and ``org:ID``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from nevroadmap.core.claims import ARTICLE_VOICE
from nevroadmap.core.provenance import claims_in_said_order, drift, format_slip, independent_sources
from nevroadmap.core.dates import DateSpan
from nevroadmap.core.model import Claim, Milestone, Organization, Roadmap, Source, Status

__all__ = ["Colors", "esc", "safe_http_url", "explain_when", "milestone_html", "organization_html",
           "placeholder_html", "STATUS_TEXT"]

STATUS_TEXT = {
    Status.achieved: "achieved: reported as done",
    Status.announced: "announced: publicly announced, not yet done",
    Status.planned: "planned: an intention or a plan",
    Status.forecast: "forecast: a prediction, not a commitment",
}

MAX_LISTED = 300  # milestones listed on a company page (a long list makes the panel slow)
MAX_CLAIMS_LISTED = 100

KIND_TEXT = {"tech_company": "tech company", "battery_maker": "battery maker", "chip_maker": "chip maker",
             "energy_company": "energy company"}


@dataclass(frozen=True)
class Colors:
    text: str = "#1f2328"
    muted: str = "#59636e"
    link: str = "#0b62c4"
    quote_bg: str = "#f2f4f7"
    rule: str = "#d0d7de"
    warn: str = "#9a3b00"


def esc(text: object) -> str:
    """Data text as literal HTML text (quotes too, so it is safe inside attributes)."""
    return html.escape(str(text), quote=True)


def safe_http_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address with a host, else None."""
    if not url:
        return None
    url = url.strip()
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _link(href: str, text: str) -> str:
    return f'<a href="{esc(href)}">{esc(text)}</a>'


def _url(url: str | None) -> str:
    """A clickable http(s) link, or the text itself (never a link) for anything else."""
    if not url:
        return ""
    safe = safe_http_url(url)
    return _link(safe, safe) if safe else f"{esc(url)} <i>(not a web address; not linked)</i>"


def explain_when(span: DateSpan) -> str:
    """A plain-language reading of a date and its uncertainty."""
    first, last = str(span.first), str(span.last)
    if span.open_start:
        text = (f"a deadline: some time before {first} begins" if span.exclusive
                else f"a deadline: by {first} at the latest; when it starts is not said")
    elif span.open_end and span.exclusive:
        text = f"open-ended: some time after {first}, no end given"
    elif span.open_end:
        text = (f"open-ended: from {first} on" if not span.is_range
                else f"open-ended: from {first}, continuing past {last}")
    elif span.is_range:
        text = f"a period from {first} to {last} (both included)"
    else:
        unit = span.precision
        text = {"day": "that exact day", "month": f"in {first}; the day is not given",
                "quarter": f"in {first}; the month is not given", "half": f"in {first}; the month is not given",
                "year": f"during {first}; the exact date is not given"}[unit]
    if span.approximate:
        text = "approximately: " + text
    return text


def placeholder_html(colors: Colors, roadmap: Roadmap | None = None) -> str:
    hint = ("Click a milestone on the timeline to see what it is and who says so: "
            "every claim behind it with its speaker, date and source. "
            "Click a company name on the left of the timeline to see its profile.")
    extra = ""
    if roadmap is not None and roadmap.sources:
        extra = f'<p style="color:{colors.muted}">Data: {esc(roadmap.summary())}.</p>'
    return f'<p style="color:{colors.muted}">{esc(hint)}</p>{extra}'


def _row(label: str, value_html: str, colors: Colors) -> str:
    if not value_html:
        return ""
    return (f'<tr><td style="color:{colors.muted}; padding-right:8px" valign="top">{esc(label)}</td>'
            f"<td>{value_html}</td></tr>")


def _org_links(roadmap: Roadmap, ids) -> str:
    return ", ".join(_link(f"org:{o}", roadmap.org_name(o)) if o in roadmap.organization_by_id else esc(o)
                     for o in ids)


def _source_html(src: Source | None, source_id: str, locator: str | None, colors: Colors) -> str:
    if src is None:
        return esc(source_id)
    parts = [f"<i>{esc(src.title)}</i>"]
    if src.publisher:
        parts.append(esc(src.publisher))
    if src.published:
        parts.append(f"published {esc(src.published)}")
    out = ", ".join(parts)
    if src.event:
        ev = esc(src.event)
        details = ", ".join(esc(x) for x in (src.event_date, src.event_place) if x)
        out += f"<br>at {ev}" + (f" ({details})" if details else "")
    if locator:
        out += f"<br>{esc(locator)}"
    if src.url:
        out += f"<br>{_url(src.url)}"
    return out


def _speaker_html(roadmap: Roadmap, c: Claim) -> str:
    if not c.speaker:
        return ""
    p = roadmap.person_by_id.get(c.speaker)
    if p is None:
        return esc(c.speaker)
    out = f"<b>{esc(p.name)}</b>"
    if p.native_name:
        out += f" ({esc(p.native_name)})"
    if p.title:
        out += f", {esc(p.title)}"
    return out


def _t(text: str) -> str:
    return QCoreApplication.translate("DetailsHtml", text)


def _claimed_html(roadmap: Roadmap, c: Claim, milestone: Milestone | None) -> str:
    """What a claim itself gives when it differs from the milestone: its date and figures."""
    bits = []
    if milestone is not None and c.when is not None and c.when != milestone.when:
        bits.append(f"<b>{esc(c.when)}</b>")
    bits += [(esc(x.name) + ": " if x.name else "") + esc(x) for x in c.metrics]
    return "; ".join(bits)


def claim_html(roadmap: Roadmap, c: Claim, colors: Colors, show_supports: bool = False,
               milestone: Milestone | None = None) -> str:
    rows = [f"<p>{esc(c.statement)}</p>"]
    if c.quote:
        rows.append(f'<table width="100%" cellpadding="6" style="background-color:{colors.quote_bg}">'
                    f"<tr><td><i>“{esc(c.quote)}”</i></td></tr></table>")
    table = []
    who = _speaker_html(roadmap, c)
    org = roadmap.claim_organization(c)
    if not who and not org:  # the source's own voice: say so rather than leave the line out
        who = f'<span style="color:{colors.muted}">{esc(_t(ARTICLE_VOICE))}</span>'
    table.append(_row(_t("Who"), who, colors))
    table.append(_row(_t("Claims"), _claimed_html(roadmap, c, milestone), colors))
    table.append(_row("For", _org_links(roadmap, [org]) if org else "", colors))
    table.append(_row("Said", esc(c.said) if c.said else f'<span style="color:{colors.muted}">date not given</span>', colors))
    table.append(_row("Source", _source_html(roadmap.source_by_id.get(c.source), c.source, c.locator, colors), colors))
    if show_supports and c.supports:
        links = ", ".join(
            _link(f"milestone:{mid}", roadmap.milestone_by_id[mid].title) if mid in roadmap.milestone_by_id else esc(mid)
            for mid in c.supports)
        table.append(_row("About", links, colors))
    rows.append('<table cellspacing="2">' + "".join(table) + "</table>")
    return "".join(rows)


def _drift_html(roadmap: Roadmap, m: Milestone, colors: Colors) -> str:
    points = drift(roadmap, m)
    if not points:
        return ""
    items = []
    for pt in points:
        who = roadmap.person_by_id[pt.claim.speaker].name if pt.claim.speaker in roadmap.person_by_id else (
            roadmap.org_name(roadmap.claim_organization(pt.claim) or "") or _t("the article"))
        slip = format_slip(pt.slip)
        items.append(f"<li>{esc(_t('said %1: %2').replace('%1', str(pt.said)).replace('%2', str(pt.when)))}"
                     f' <span style="color:{colors.muted}">({esc(who)}; {esc(slip)})</span></li>')
    total = format_slip(points[-1].slip)
    head = esc(_t("Forecast over time: slipped %1").replace("%1", total)) if total != "0" else esc(_t("Forecast over time"))
    return f"<h3>{head}</h3><ul>{''.join(items)}</ul>"


def milestone_html(roadmap: Roadmap, m: Milestone, colors: Colors, shown: bool = True,
                   focus_claim: str | None = None) -> str:
    tech = roadmap.technology_by_id.get(m.technology)
    area = roadmap.area_by_id.get(tech.area) if tech else None
    tech_text = esc(roadmap.tech_name(m.technology)) + (f' <span style="color:{colors.muted}">({esc(area.name)})</span>' if area else "")
    out = [f"<h2>{esc(m.title)}</h2>"]
    if not shown:
        out.append(f'<p style="color:{colors.warn}">Hidden on the timeline by the current filters.</p>')
    rows = [
        _row("Technology", tech_text, colors),
        _row("When", f"<b>{esc(m.when)}</b> — {esc(explain_when(m.when))}", colors),
        _row("Status", esc(STATUS_TEXT.get(m.status, m.status.value)), colors),
        _row("Metrics", "<br>".join((esc(x.name) + ": " if x.name else "") + esc(x) for x in m.metrics), colors),
        _row(_t("Organizations"), _org_links(roadmap, roadmap.organizations_of(m)), colors),
        _row(_t("Reported by"), _org_links(roadmap, roadmap.reporters_of(m)), colors),
        _row("Tags", esc(", ".join(m.tags)) if m.tags else "", colors),
    ]
    out.append('<table cellspacing="2">' + "".join(rows) + "</table>")
    if m.description:
        out.append(f"<p>{esc(m.description)}</p>")
    out.append(_drift_html(roadmap, m, colors))
    claims = claims_in_said_order(roadmap, m.id)  # in the order they were said
    n_src = independent_sources(roadmap, m.id)
    tr = QCoreApplication.translate
    if not claims:
        head = tr("DetailsHtml", "Who says so (no claim)")
    elif len(claims) == 1:
        head = tr("DetailsHtml", "Who says so (1 claim, 1 source)")
    elif n_src == 1:
        head = tr("DetailsHtml", "Who says so (%n claims, 1 independent source)", "", len(claims))
    else:
        head = tr("DetailsHtml", "Who says so (%1 claims, %n independent sources)", "", n_src).replace(
            "%1", str(len(claims)))
    out.append(f"<h3>{esc(head)}</h3>")
    if not claims:
        out.append(f'<p style="color:{colors.warn}">No claim in the data supports this milestone.</p>')
    for i, c in enumerate(claims):
        if i:
            out.append(f'<hr style="color:{colors.rule}">')
        body = claim_html(roadmap, c, colors, milestone=m)
        if c.id == focus_claim:
            body = (f'<a name="claim-{esc(c.id)}"></a><table width="100%" cellpadding="4" '
                    f'style="background-color:{colors.quote_bg}"><tr><td>'
                    f'<p style="color:{colors.muted}">{esc(_t("The claim you clicked:"))}</p>{body}</td></tr></table>')
        out.append(body)
    return "".join(out)


def organization_html(roadmap: Roadmap, org: Organization, colors: Colors, is_shown=lambda mid: True,
                      milestone_ids: list[str] | None = None, claims: list[Claim] | None = None) -> str:
    """A company: profile, its milestones, its people and what they claimed.

    ``milestone_ids`` and ``claims`` (the claims speaking for it) may be passed
    precomputed; otherwise they are found by scanning the roadmap."""
    out = [f"<h2>{esc(org.name)}</h2>"]
    names = [x for x in (org.native_name, org.short_name) if x]
    rows = [
        _row("Also", esc(" · ".join(names)), colors) if names else "",
        _row("Kind", esc(KIND_TEXT.get(org.kind.value, org.kind.value.replace("_", " "))), colors),
        _row("Country", esc(org.country) if org.country else "", colors),
        _row("Part of", _org_links(roadmap, [org.parent]) if org.parent else "", colors),
        _row("Website", _url(org.url), colors),
    ]
    out.append('<table cellspacing="2">' + "".join(rows) + "</table>")
    if org.description:
        out.append(f"<p>{esc(org.description)}</p>")

    if milestone_ids is None:
        mine = [m for m, orgs in zip(roadmap.milestones, roadmap.milestone_parties) if org.id in orgs]
    else:
        mine = [roadmap.milestone_by_id[i] for i in milestone_ids if i in roadmap.milestone_by_id]
    out.append(f"<h3>Milestones on the roadmap ({len(mine)})</h3>")
    if mine:
        items = []
        mine = sorted(mine, key=lambda m: (m.when.x0, m.title))
        more = len(mine) - MAX_LISTED
        for m in mine[:MAX_LISTED]:
            hidden = "" if is_shown(m.id) else f' <span style="color:{colors.muted}">(hidden by filters)</span>'
            items.append(f"<li>{_link(f'milestone:{m.id}', m.title)} — {esc(m.when)}, {esc(m.status.value)}"
                         f' <span style="color:{colors.muted}">({esc(roadmap.tech_name(m.technology))})</span>{hidden}</li>')
        if more > 0:
            items.append(f'<li style="color:{colors.muted}">… and {more:,} more: filter by this company '
                         "to see them all on the timeline</li>")
        out.append("<ul>" + "".join(items) + "</ul>")
    else:
        out.append(f'<p style="color:{colors.muted}">None.</p>')

    people = [p for p in roadmap.people if p.organization == org.id]
    claims_by_speaker: dict[str, list[Claim]] = {}
    org_claims: list[Claim] = []
    if claims is None:
        claims = roadmap.claims_by_organization.get(org.id, ())  # the core rule: who a claim speaks for
    for c in claims:
        if c.speaker and c.speaker in roadmap.person_by_id and roadmap.person_by_id[c.speaker].organization == org.id:
            claims_by_speaker.setdefault(c.speaker, []).append(c)
        elif roadmap.claim_organization(c) == org.id:
            org_claims.append(c)
    out.append(f"<h3>People ({len(people)})</h3>")
    if not people:
        out.append(f'<p style="color:{colors.muted}">None in the data.</p>')
    for p in people:
        head = f"<b>{esc(p.name)}</b>" + (f" ({esc(p.native_name)})" if p.native_name else "")
        if p.title:
            head += f", {esc(p.title)}"
        said = claims_by_speaker.get(p.id, [])
        out.append(f"<p>{head}</p>")
        if said:
            out.append(_claim_list(roadmap, said, colors, MAX_CLAIMS_LISTED // 4))
    if org_claims:
        out.append(f"<h3>Other claims for {esc(org.name)} ({len(org_claims)})</h3>")
        out.append(_claim_list(roadmap, org_claims, colors, MAX_CLAIMS_LISTED, with_speaker=True))
    return "".join(out)


def _claim_list(roadmap: Roadmap, claims: list[Claim], colors: Colors, limit: int, with_speaker: bool = False) -> str:
    items = [f"<li>{_claim_line(roadmap, c, colors, with_speaker)}</li>" for c in claims[:limit]]
    if len(claims) > limit:
        items.append(f'<li style="color:{colors.muted}">… and {len(claims) - limit:,} more claims</li>')
    return "<ul>" + "".join(items) + "</ul>"


def _claim_line(roadmap: Roadmap, c: Claim, colors: Colors, with_speaker: bool = False) -> str:
    text = esc(c.statement)
    if with_speaker and c.speaker:
        text = _speaker_html(roadmap, c) + ": " + text
    bits = []
    if c.said:
        bits.append(esc(c.said))
    src = roadmap.source_by_id.get(c.source)
    bits.append(f"<i>{esc(src.title if src else c.source)}</i>")
    links = ", ".join(_link(f"milestone:{mid}", roadmap.milestone_by_id[mid].title)
                      for mid in c.supports if mid in roadmap.milestone_by_id)
    out = f'{text} <span style="color:{colors.muted}">({"; ".join(bits)})</span>'
    if links:
        out += f"<br>→ {links}"
    return out
