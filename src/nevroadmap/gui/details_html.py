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

from nevroadmap.core.datefmt import format_period, format_when
from nevroadmap.core.dates import DateSpan
from nevroadmap.core.i18n import _, join, ngettext
from nevroadmap.core.model import Claim, Milestone, Organization, Roadmap, Source
from nevroadmap.core.names import kind_name, status_meaning, status_name
from nevroadmap.core.provenance import claims_in_said_order, drift, format_slip, independent_sources
from nevroadmap.core.safe_text import UNSAFE

__all__ = ["Colors", "esc", "safe_http_url", "explain_when", "milestone_html", "organization_html",
           "placeholder_html"]

MAX_LISTED = 300  # milestones listed on a company page (a long list makes the panel slow)
MAX_CLAIMS_LISTED = 100


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
    """The URL if it is a plain http(s) address with a host, else None: no spaces, no
    invisible characters (the terminal's rule, :data:`~nevroadmap.core.safe_text.UNSAFE`: a
    zero-width space or bidi control would make the shown link differ from the opened one)
    and no user part (``https://bank.example@evil.example`` opens evil.example)."""
    if not url:
        return None
    url = url.strip()
    if any(ch.isspace() for ch in url) or UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or not host or "@" in parts.netloc:
        return None
    return url


def _when(value) -> str:
    """A date of the data in the interface language (other values as they are)."""
    return format_when(value) if isinstance(value, DateSpan) else str(value)


def _para(text: str, color: str) -> str:
    return f'<p style="color:{color}">{esc(text)}</p>'


def _span(text: str, color: str) -> str:
    return f'<span style="color:{color}">{esc(text)}</span>'


def _heading(text: str) -> str:
    return f"<h3>{esc(text)}</h3>"


def _link(href: str, text: str) -> str:
    return f'<a href="{esc(href)}">{esc(text)}</a>'


def _url(url: str | None) -> str:
    """A clickable http(s) link, or the text itself (never a link) for anything else."""
    if not url:
        return ""
    safe = safe_http_url(url)
    note = _("(not a web address; not linked)")
    return _link(safe, safe) if safe else f"{esc(url)} <i>{esc(note)}</i>"


def explain_when(span: DateSpan) -> str:
    """A plain-language reading of a date and its uncertainty."""
    first, last = format_period(span.first), format_period(span.last)
    if span.open_start:
        text = (_("a deadline: some time before {first} begins") if span.exclusive
                else _("a deadline: by {first} at the latest; when it starts is not said"))
    elif span.open_end and span.exclusive:
        text = _("open-ended: some time after {first}, no end given")
    elif span.open_end:
        text = (_("open-ended: from {first} on") if not span.is_range
                else _("open-ended: from {first}, continuing past {last}"))
    elif span.is_range:
        text = _("a period from {first} to {last} (both included)")
    elif span.precision == "day":
        text = _("that exact day")
    elif span.precision == "month":
        text = _("in {first}; the day is not given")
    elif span.precision in ("quarter", "half"):
        text = _("in {first}; the month is not given")
    else:
        text = _("during {first}; the exact date is not given")
    text = text.format(first=first, last=last)
    if span.approximate:
        text = _("approximately: {text}").format(text=text)
    return text


def placeholder_html(colors: Colors, roadmap: Roadmap | None = None) -> str:
    hint = _("Click a milestone on the timeline to see what it is and who says so: "
             "every claim behind it with its speaker, date and source. "
             "Click a company name on the left of the timeline to see its profile.")
    extra = ""
    if roadmap is not None and roadmap.sources:
        extra = _para(_("Data: {summary}.").format(summary=roadmap.summary()), colors.muted)
    return f'<p style="color:{colors.muted}">{esc(hint)}</p>{extra}'


def _row(label: str, value_html: str, colors: Colors) -> str:
    if not value_html:
        return ""
    return (f'<tr><td style="color:{colors.muted}; padding-right:8px" valign="top">{esc(label)}</td>'
            f"<td>{value_html}</td></tr>")


def _org_links(roadmap: Roadmap, ids) -> str:
    return join(_link(f"org:{o}", roadmap.org_label(o)) if o in roadmap.organization_by_id else esc(o)
                for o in ids)


def _source_html(src: Source | None, source_id: str, locator: str | None, colors: Colors) -> str:
    if src is None:
        return esc(source_id)
    parts = [f"<i>{esc(src.title)}</i>"]
    if src.publisher:
        parts.append(esc(src.publisher))
    if src.published:
        parts.append(esc(_("published {date}").format(date=_when(src.published))))
    out = ", ".join(parts)
    if src.event:
        ev = esc(src.event)
        details = ", ".join(esc(_when(x)) for x in (src.event_date, src.event_place) if x)
        out += "<br>" + esc(_("at {event}")).replace("{event}", ev) + (f" ({details})" if details else "")
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
        who = _span(_("the article, no speaker named"), colors.muted)
    table.append(_row(_("Who"), who, colors))
    table.append(_row(_("Claims"), _claimed_html(roadmap, c, milestone), colors))
    table.append(_row(_("For"), _org_links(roadmap, [org]) if org else "", colors))
    table.append(_row(_("Said"), esc(_when(c.said)) if c.said
                      else _span(_("date not given"), colors.muted), colors))
    table.append(_row(_("Source"), _source_html(roadmap.source_by_id.get(c.source), c.source, c.locator, colors), colors))
    if show_supports and c.supports:
        links = ", ".join(
            _link(f"milestone:{mid}", roadmap.milestone_by_id[mid].title) if mid in roadmap.milestone_by_id else esc(mid)
            for mid in c.supports)
        table.append(_row(_("About"), links, colors))
    rows.append('<table cellspacing="2">' + "".join(table) + "</table>")
    return "".join(rows)


def _drift_html(roadmap: Roadmap, m: Milestone, colors: Colors) -> str:
    points = drift(roadmap, m)
    if not points:
        return ""
    items = []
    for pt in points:
        who = roadmap.person_by_id[pt.claim.speaker].name if pt.claim.speaker in roadmap.person_by_id else (
            roadmap.org_name(roadmap.claim_organization(pt.claim) or "") or _("the article"))
        slip = format_slip(pt.slip)
        said = _("said {said}: {when}").format(said=_when(pt.said), when=_when(pt.when))
        note = f"{who}; {slip}" if slip != format_slip(0.0) else who  # no slip yet: nothing to say
        items.append(f"<li>{esc(said)}"
                     f' <span style="color:{colors.muted}">({esc(note)})</span></li>')
    total = format_slip(points[-1].slip)
    head = esc(_("Forecast over time: slipped {slip}").format(slip=total) if total != format_slip(0.0) else _("Forecast over time"))
    return f"<h3>{head}</h3><ul>{''.join(items)}</ul>"


def milestone_html(roadmap: Roadmap, m: Milestone, colors: Colors, shown: bool = True,
                   focus_claim: str | None = None) -> str:
    tech = roadmap.technology_by_id.get(m.technology)
    area = roadmap.area_by_id.get(tech.area) if tech else None
    tech_text = esc(roadmap.tech_name(m.technology)) + (f' <span style="color:{colors.muted}">({esc(area.name)})</span>' if area else "")
    out = [f"<h2>{esc(m.title)}</h2>"]
    if not shown:
        out.append(_para(_("Hidden on the timeline by the current filters."), colors.warn))
    rows = [
        _row(_("Technology"), tech_text, colors),
        _row(_("When"), f"<b>{esc(format_when(m.when))}</b> — {esc(explain_when(m.when))}", colors),
        _row(_("Status"), esc(status_meaning(m.status.value)), colors),
        _row(_("Metrics"), "<br>".join((esc(x.name) + ": " if x.name else "") + esc(x) for x in m.metrics), colors),
        _row(_("Organizations"), _org_links(roadmap, roadmap.organizations_of(m)), colors),
        _row(_("Reported by"), _org_links(roadmap, roadmap.reporters_of(m)), colors),
        _row(_("Tags"), esc(join(m.tags)) if m.tags else "", colors),
    ]
    out.append('<table cellspacing="2">' + "".join(rows) + "</table>")
    if m.description:
        out.append(f"<p>{esc(m.description)}</p>")
    out.append(_drift_html(roadmap, m, colors))
    claims = claims_in_said_order(roadmap, m.id)  # in the order they were said
    n_src = independent_sources(roadmap, m.id)
    if not claims:
        head = _("Who says so (no claim)")
    elif len(claims) == 1:
        head = _("Who says so (1 claim, 1 source)")
    elif n_src == 1:
        head = ngettext("Who says so ({n} claim, 1 independent source)",
                        "Who says so ({n} claims, 1 independent source)", len(claims)).format(n=len(claims))
    else:
        head = ngettext("Who says so ({claims} claims, {n} independent source)",
                        "Who says so ({claims} claims, {n} independent sources)", n_src).format(
            claims=len(claims), n=n_src)
    out.append(f"<h3>{esc(head)}</h3>")
    if not claims:
        out.append(_para(_("No claim in the data supports this milestone."), colors.warn))
    for i, c in enumerate(claims):
        if i:
            out.append(f'<hr style="color:{colors.rule}">')
        body = claim_html(roadmap, c, colors, milestone=m)
        if c.id == focus_claim:
            clicked = _("The claim you clicked:")
            body = (f'<a name="claim-{esc(c.id)}"></a><table width="100%" cellpadding="4" '
                    f'style="background-color:{colors.quote_bg}"><tr><td>'
                    f'<p style="color:{colors.muted}">{esc(clicked)}</p>{body}</td></tr></table>')
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
        _row(_("Also"), esc(" · ".join(names)), colors) if names else "",
        _row(_("Kind"), esc(kind_name(org.kind.value)), colors),
        _row(_("Country"), esc(org.country) if org.country else "", colors),
        _row(_("Part of"), _org_links(roadmap, [org.parent]) if org.parent else "", colors),
        _row(_("Website"), _url(org.url), colors),
    ]
    out.append('<table cellspacing="2">' + "".join(rows) + "</table>")
    if org.description:
        out.append(f"<p>{esc(org.description)}</p>")

    if milestone_ids is None:
        mine = [m for m, orgs in zip(roadmap.milestones, roadmap.milestone_parties) if org.id in orgs]
    else:
        mine = [roadmap.milestone_by_id[i] for i in milestone_ids if i in roadmap.milestone_by_id]
    out.append(_heading(_("Milestones on the roadmap ({n})").format(n=len(mine))))
    if mine:
        items = []
        mine = sorted(mine, key=lambda m: (m.when.x0, m.title))
        more = len(mine) - MAX_LISTED
        for m in mine[:MAX_LISTED]:
            hidden = "" if is_shown(m.id) else " " + _span(_("(hidden by filters)"), colors.muted)
            items.append(f"<li>{_link(f'milestone:{m.id}', m.title)} — {esc(format_when(m.when))}, "
                         f"{esc(status_name(m.status.value))}"
                         f' <span style="color:{colors.muted}">({esc(roadmap.tech_name(m.technology))})</span>{hidden}</li>')
        if more > 0:
            items.append(f'<li style="color:{colors.muted}">' + esc(_(
                "… and {n} more: filter by this company to see them all on the timeline").format(n=f"{more:,}"))
                + "</li>")
        out.append("<ul>" + "".join(items) + "</ul>")
    else:
        out.append(_para(_("None."), colors.muted))

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
    out.append(_heading(_("People ({n})").format(n=len(people))))
    if not people:
        out.append(_para(_("None in the data."), colors.muted))
    for p in people:
        head = f"<b>{esc(p.name)}</b>" + (f" ({esc(p.native_name)})" if p.native_name else "")
        if p.title:
            head += f", {esc(p.title)}"
        said = claims_by_speaker.get(p.id, [])
        out.append(f"<p>{head}</p>")
        if said:
            out.append(_claim_list(roadmap, said, colors, MAX_CLAIMS_LISTED // 4))
    if org_claims:
        other = _("Other claims for {name} ({n})").format(name=org.name, n=len(org_claims))
        out.append(f"<h3>{esc(other)}</h3>")
        out.append(_claim_list(roadmap, org_claims, colors, MAX_CLAIMS_LISTED, with_speaker=True))
    return "".join(out)


def _claim_list(roadmap: Roadmap, claims: list[Claim], colors: Colors, limit: int, with_speaker: bool = False) -> str:
    items = [f"<li>{_claim_line(roadmap, c, colors, with_speaker)}</li>" for c in claims[:limit]]
    if len(claims) > limit:
        more = _("… and {n} more claims").format(n=f"{len(claims) - limit:,}")
        items.append(f'<li style="color:{colors.muted}">{esc(more)}</li>')
    return "<ul>" + "".join(items) + "</ul>"


def _claim_line(roadmap: Roadmap, c: Claim, colors: Colors, with_speaker: bool = False) -> str:
    text = esc(c.statement)
    if with_speaker and c.speaker:
        text = _speaker_html(roadmap, c) + ": " + text
    bits = []
    if c.said:
        bits.append(esc(_when(c.said)))
    src = roadmap.source_by_id.get(c.source)
    bits.append(f"<i>{esc(src.title if src else c.source)}</i>")
    links = ", ".join(_link(f"milestone:{mid}", roadmap.milestone_by_id[mid].title)
                      for mid in c.supports if mid in roadmap.milestone_by_id)
    out = f'{text} <span style="color:{colors.muted}">({"; ".join(bits)})</span>'
    if links:
        out += f"<br>→ {links}"
    return out
