"""Claims as evidence: one row per claimed figure or date, grouped and compared.

A roadmap's numbers live on milestones (``Milestone.metrics``) and the claims
that support them say who gives them, when and where.  A claim may also give
its own date or figures (``Claim.when`` / ``Claim.metrics``): a forecast said
earlier that has since moved.  This module flattens that into
:class:`ClaimRow` records, one per (claim, milestone, figure), which the
metrics pane, the comparison view, the ``claims`` command and the details
panel all read.  The rules live here once:

* :func:`claim_rows` - what a claim claims (its own figures and date, else the
  milestone's);
* :class:`MetricKey` - which figures are "the same metric" (name and unit;
  scope tells China from global apart);
* :func:`comparison` - competing claims side by side, with disagreements;
* :func:`pick_metric` - the metric a ``--metric`` text names.

Who says so and how a forecast moved (drift, footnotes, independent sources)
are in :mod:`nevroadmap.core.provenance`.  No Qt here; messages are marked
with :mod:`nevroadmap.core.i18n`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from nevroadmap.core.datefmt import format_when
from nevroadmap.core.dates import DateSpan
from nevroadmap.core.i18n import _
from nevroadmap.core.model import Claim, Metric, Milestone, Roadmap, Status
from nevroadmap.core.safe_text import without_bidi_controls

__all__ = [
    "ARTICLE_VOICE", "ClaimRow", "ComparisonRow", "MetricKey", "MetricNotFound", "claim_rows",
    "COMPARISON_COLUMNS", "as_markdown", "as_tsv", "comparison", "comparison_cells", "find_metric",
    "metric_keys", "named_metric", "pick_metric", "rows_for_metric", "states_figure",
]

ARTICLE_VOICE = "the article, no speaker named"  # shown translated: article_voice()


def article_voice() -> str:
    """Who says a claim no speaker or organization is named for, in the current language."""
    return _("the article, no speaker named")


def figure_text(m: Metric) -> str:
    """A claimed figure in words, in the current language: "potentially over 400 Wh/kg", "超过 40%".

    The number and unit are the data's; the bound word is translated; the hedge word
    (the data's own, e.g. "potentially") is kept as the data has it."""
    def num(v: float) -> str:
        return f"{v:,.10g}" if abs(v) >= 10000 else f"{v:.10g}"

    text = num(m.value) if m.value_max is None else f"{num(m.value)}-{num(m.value_max)}"
    unit = without_bidi_controls(m.unit)  # data: no override of it turns the sentence around
    if unit:
        text += unit if unit in ("%", "x") else f" {unit}"
    if m.bound == "over":
        text = _("over {figure}").format(figure=text)
    elif m.bound == "at_least":
        text = _("at least {figure}").format(figure=text)
    elif m.bound == "under":
        text = _("under {figure}").format(figure=text)
    elif m.bound == "up_to":
        text = _("up to {figure}").format(figure=text)
    elif m.bound == "about":
        text = _("about {figure}").format(figure=text)
    if m.hedge and without_bidi_controls(m.hedge):
        text = _("{hedge} {figure}").format(hedge=without_bidi_controls(m.hedge), figure=text)
    return text

BOUND_WORDS = {"over": "over", "at_least": "at least", "under": "under", "up_to": "up to", "about": "about",
               "exact": ""}
# a bound is drawn as an arrow pointing where the true value may lie
BOUND_DIRECTION = {"over": 1, "at_least": 1, "under": -1, "up_to": -1, "about": 0, "exact": 0}


@dataclass(frozen=True, slots=True, order=True)
class MetricKey:
    """Which figures are one metric: same name and unit (case-insensitive); scope kept apart.

    ``scope=None`` on a key from :meth:`all_scopes` means every scope of it.
    """

    name: str
    unit: str
    scope: str | None = None

    @staticmethod
    def of(metric: Metric) -> MetricKey:
        return MetricKey((metric.name or "value").strip(), metric.unit.strip(), metric.scope)

    def same_metric(self, other: MetricKey) -> bool:
        return self.name.casefold() == other.name.casefold() and self.unit == other.unit

    def all_scopes(self) -> MetricKey:
        return MetricKey(self.name, self.unit, None)

    def label(self) -> str:
        """"energy density (Wh/kg) - China": name, unit and scope are data, set into one line without
        their bidi overrides (one in the unit reversed the rest of the picker's line)."""
        text = self.name
        if self.unit:
            text += f" ({self.unit})"
        if self.scope:
            text += f" - {self.scope}"
        return without_bidi_controls(text)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claimed figure (or, with ``metric`` None, one claimed date) with who claims it."""

    milestone: Milestone
    claim: Claim | None  # None: a milestone figure no claim in the data backs
    metric: Metric | None
    when: DateSpan  # the date claimed (the claim's own, else the milestone's)
    speaker: str | None  # the person's name
    speaker_title: str | None
    organization: str | None  # id of the organization the claim speaks for
    organization_name: str | None
    said: DateSpan | None
    source: str | None  # source id
    source_title: str | None
    source_url: str | None
    locator: str | None
    source_publisher: str | None = None
    own_date: bool = False  # the claim gives its own date (differs from the milestone's)
    index: int = field(default=0, compare=False)  # position of the claim in the data (said-order ties)

    # -- derived ----------------------------------------------------------
    @property
    def key(self) -> MetricKey | None:
        return MetricKey.of(self.metric) if self.metric is not None else None

    @property
    def value(self) -> float | None:
        return self.metric.value if self.metric is not None else None

    @property
    def value_max(self) -> float | None:
        return self.metric.value_max if self.metric is not None else None

    @property
    def bound(self) -> str:
        return self.metric.bound if self.metric is not None else "exact"

    @property
    def hedge(self) -> str | None:
        return self.metric.hedge if self.metric is not None else None

    @property
    def scope(self) -> str | None:
        return self.metric.scope if self.metric is not None else None

    @property
    def unit(self) -> str:
        return self.metric.unit if self.metric is not None else ""

    @property
    def achieved(self) -> bool:
        """An achieved figure (a result) rather than a forecast or plan."""
        return self.milestone.status == Status.achieved and not self.own_date

    @property
    def kind(self) -> str:
        return "achieved" if self.achieved else "forecast"

    @property
    def hedged(self) -> bool:
        return bool(self.hedge) or self.when.approximate

    @property
    def t0(self) -> float:
        return self.when.x0

    @property
    def t1(self) -> float:
        return self.when.x1

    @property
    def is_time_range(self) -> bool:
        """Spans a stretch of time ("2030-2035", "after 2030") rather than one point."""
        return self.when.is_range or self.when.open_end

    @property
    def t(self) -> float:
        """The point the mark sits at: a deadline at its deadline, a period at its middle."""
        if self.when.open_start:
            return self.when.x1
        if self.when.open_end and self.when.exclusive:
            return self.when.x0
        return (self.when.x0 + self.when.x1) / 2

    @property
    def voice(self) -> str:
        """Who says so, in words: speaker (title, organization), an organization, or the article."""
        if self.claim is None:
            return _("no claim in the data")
        if self.speaker:
            bits = [b for b in (self.speaker_title, self.organization_name) if b]
            if len(bits) == 2 and bits[1] in bits[0]:  # "Chairman of SAIC Group" names it already
                bits = bits[:1]
            return self.speaker + (f" ({', '.join(bits)})" if bits else "")
        if self.organization_name:
            return self.organization_name
        return article_voice()

    @property
    def who_short(self) -> str:
        """Speaker or organization or the article, one short name."""
        if self.claim is None:
            return _("no claim")
        return self.speaker or self.organization_name or _("the article")

    def value_text(self) -> str:
        """The figure as said: "potentially over 400 Wh/kg" (scope given separately)."""
        if self.metric is None:
            return ""
        return figure_text(self.metric)

    def one_line(self) -> str:
        """Hover text: who claims what for when, said when."""
        what = self.value_text() or self.milestone.title
        if self.metric is not None and self.metric.name:
            what = f"{self.metric.name} {what}"
        if self.scope:
            what += f" ({self.scope})"
        plain = not (self.when.open_start or (self.when.open_end and self.when.exclusive))
        when = format_when(self.when)
        text = (_("{who}: {what} in {when}") if plain else _("{who}: {what} {when}")).format(
            who=self.who_short, what=what, when=when)
        if self.said:
            text = _("{claim}, said {date}").format(claim=text, date=format_when(self.said))
        return without_bidi_controls(text)  # the data's pieces may not turn the sentence around ("7202")


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def _number_forms(v: float) -> set[str]:
    out = {f"{v:g}", f"{v:,.0f}", f"{v:,g}"}
    for div, word in ((1e6, "million"), (1e9, "billion")):
        if abs(v) >= div:
            out.add(f"{v / div:g} {word}")
    if v == int(v) and 0 <= v < len(_WORDS):
        out.add(_WORDS[int(v)])
    return out


def states_figure(claim: Claim, metric: Metric) -> bool:
    """Whether a claim's own words give a figure (its statement or quote names the number)."""
    text = f"{claim.statement} {claim.quote or ''}".casefold()
    return any(f in text for f in _number_forms(metric.value))


def named_metric(metric: Metric) -> str:
    """A figure with its name, as lists show it: "liquid electrolyte share 5-10%"."""
    return f"{metric.name} {metric}" if metric.name else str(metric)


def _claimed_metrics(claims: list[Claim | None], m: Milestone) -> dict[str | None, tuple[Metric, ...]]:
    """claim id -> the figures it claims.

    A claim's own ``metrics`` win.  A milestone's figure is credited to the
    claims whose words give it ("over 400 Wh/kg"); when none of them does, to
    every claim (the data links them and says no more).
    """
    if len(claims) == 1:  # the common case: one claim, nothing to share out
        c = claims[0]
        return {c.id if c else None: c.metrics if c is not None and c.metrics else m.metrics}
    out: dict[str | None, list[Metric]] = {c.id if c else None: [] for c in claims}
    plain = [c for c in claims if c is None or not c.metrics]
    for c in claims:
        if c is not None and c.metrics:
            out[c.id] = list(c.metrics)
    for metric in m.metrics:
        stating = [c for c in plain if c is not None and states_figure(c, metric)]
        for c in (stating or plain):
            out[c.id if c else None].append(metric)
    return {k: tuple(v) for k, v in out.items()}


def claim_rows(roadmap: Roadmap, milestones: Iterable[Milestone] | None = None, *,
               with_dates: bool = False) -> list[ClaimRow]:
    """Rows for the claims behind ``milestones`` (default: all), in data order.

    One row per (claim, milestone, figure); a milestone figure without any
    claim gets a row with ``claim=None``.  With ``with_dates``, a claim whose
    milestone carries no figure still gets one row (``metric=None``): its date.
    """
    people, orgs, sources = roadmap.person_by_id, roadmap.organization_by_id, roadmap.source_by_id
    claim_pos = {c.id: i for i, c in enumerate(roadmap.claims)}
    out: list[ClaimRow] = []
    by_ms = roadmap.claims_by_milestone
    for m in (roadmap.milestones if milestones is None else milestones):
        claims: list[Claim | None] = list(by_ms.get(m.id, ())) or [None]
        if claims[0] is None and not m.metrics:  # nothing claimed, no figure: nothing to list
            continue
        if not with_dates and not m.metrics and not any(c.metrics for c in claims):
            continue
        claimed = _claimed_metrics(claims, m)
        for c in claims:
            metrics = claimed[c.id if c else None]
            if not metrics and not (with_dates and c is not None):
                continue
            person = people.get(c.speaker) if c is not None and c.speaker else None
            org = roadmap.claim_organization(c) if c is not None else None
            src = sources.get(c.source) if c is not None else None
            when = c.when if c is not None and c.when is not None else m.when
            base = dict(
                milestone=m, claim=c, when=when,
                speaker=person.name if person else None, speaker_title=person.title if person else None,
                organization=org, organization_name=(orgs[org].name if org in orgs else org) if org else None,
                said=c.said if c is not None else None, source=c.source if c is not None else None,
                source_title=src.title if src else None, source_url=src.url if src else None,
                source_publisher=src.publisher if src else None,
                locator=c.locator if c is not None else None,
                own_date=c is not None and c.when is not None and c.when != m.when,
                index=claim_pos.get(c.id, -1) if c is not None else -1,
            )
            for metric in (metrics or (None,)):
                out.append(ClaimRow(metric=metric, **base))
    return out


def metric_keys(rows: Iterable[ClaimRow]) -> list[tuple[MetricKey, int]]:
    """Every (metric, scope) the rows hold with its number of figures, by name then scope."""
    counts: dict[MetricKey, int] = {}
    for r in rows:
        k = r.key
        if k is not None:
            counts[k] = counts.get(k, 0) + 1
    return sorted(counts.items(), key=lambda kv: (kv[0].name.casefold(), kv[0].unit, kv[0].scope or ""))


def rows_for_metric(rows: Iterable[ClaimRow], key: MetricKey) -> list[ClaimRow]:
    """The rows of one metric; a key with ``scope=None`` takes every scope of it."""
    out = []
    for r in rows:
        k = r.key
        if k is not None and k.same_metric(key) and (key.scope is None or k.scope == key.scope):
            out.append(r)
    return out


def find_metric(rows: Iterable[ClaimRow], text: str) -> list[MetricKey]:
    """Metric keys whose label contains ``text`` (case-insensitive); exact labels/names win."""
    keys = [k for k, _ in metric_keys(rows)]
    t = text.strip().casefold()
    exact = [k for k in keys if k.label().casefold() == t]
    if exact:
        return exact
    named = [k for k in keys if k.name.casefold() == t]
    if named:
        return named
    return [k for k in keys if t in k.label().casefold()]


# -- comparison ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ComparisonRow:
    row: ClaimRow
    target: str  # the date claimed, as text
    value_differs: bool  # another claim for the same time says another figure
    scope_differs: bool  # ... or speaks of another scope
    date_differs: bool  # another claim for the same milestone/figure gives another date


def _said_key(r: ClaimRow) -> tuple:
    return (r.said.x0 if r.said is not None else math.inf, r.index)


def comparison(rows: Iterable[ClaimRow]) -> list[ComparisonRow]:
    """Competing claims side by side, sorted by the time claimed, then value.

    Claims compete when they give a figure for the same target year: a
    different figure or bound marks ``value_differs``, a different scope
    ``scope_differs``.  Claims for one milestone that give different dates mark
    ``date_differs``.
    """
    rows = list(rows)

    def year(r: ClaimRow) -> int:
        return int(math.floor(r.t - 1e-9)) if r.when.open_start else int(math.floor(r.t))

    # per group, the distinct values, scopes and dates: one pass, not one per row
    values: dict[tuple, set] = {}
    scopes: dict[tuple, set] = {}
    dates: dict[tuple, set] = {}
    keys = []
    for r in rows:
        name = r.key.all_scopes() if r.key else None
        ky, km = (name, year(r)), (r.milestone.id, name)
        keys.append((ky, km))
        values.setdefault(ky, set()).add((r.value, r.value_max, r.bound))
        scopes.setdefault(ky, set()).add(r.scope)
        dates.setdefault(km, set()).add(r.when)
    order = sorted(range(len(rows)), key=lambda i: (rows[i].t, rows[i].key.name.casefold() if rows[i].key else "",
                                                    rows[i].value or 0.0, _said_key(rows[i])))
    out = []
    for i in order:
        r, (ky, km) = rows[i], keys[i]
        out.append(ComparisonRow(r, format_when(r.when), value_differs=r.metric is not None and len(values[ky]) > 1,
                                 scope_differs=r.metric is not None and len(scopes[ky]) > 1,
                                 date_differs=len(dates[km]) > 1))
    return out


COMPARISON_COLUMNS = ("speaker", "title", "organization", "said", "claimed", "for", "scope", "milestone", "source")


def comparison_cells(c: ComparisonRow) -> dict[str, str]:
    """The comparison table's cells as text (one rule for the view, the clipboard and the CLI)."""
    r = c.row
    return {
        "speaker": r.speaker or (article_voice() if r.claim is not None and not r.organization_name else ""),
        "title": r.speaker_title or "",
        "organization": r.organization_name or "",
        "said": format_when(r.said) if r.said else _("not given"),
        "claimed": (f"{r.metric.name}: " if r.metric is not None and r.metric.name else "") + r.value_text()
                   if r.metric is not None else "",
        "for": c.target,
        "scope": r.scope or "",
        "milestone": r.milestone.title,
        "source": (r.source_publisher or r.source_title or r.source or "") + (f", {r.locator}" if r.locator else ""),
    }


def as_tsv(table: list[dict[str, str]], columns: Iterable[str], headers: dict[str, str] | None = None) -> str:
    cols = list(columns)
    heads = [(headers or {}).get(c, c) for c in cols]

    def clean(s: str) -> str:
        return s.replace("\t", " ").replace("\n", " ")

    return "\n".join(["\t".join(map(clean, heads))] + ["\t".join(clean(r[c]) for c in cols) for r in table]) + "\n"


def as_markdown(table: list[dict[str, str]], columns: Iterable[str], headers: dict[str, str] | None = None) -> str:
    cols = list(columns)
    heads = [(headers or {}).get(c, c) for c in cols]

    def clean(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(map(clean, heads)) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    lines += ["| " + " | ".join(clean(r[c]) for c in cols) + " |" for r in table]
    return "\n".join(lines) + "\n"


class MetricNotFound(ValueError):
    """A ``--metric`` text that names no metric, or several; the message says which exist."""


def pick_metric(roadmap: Roadmap, rows: Iterable[ClaimRow], text: str) -> tuple[MetricKey, list[ClaimRow]]:
    """The metric ``text`` names and its rows among ``rows``; MetricNotFound when it names none or several.

    A name takes every scope of the metric ("NEV penetration rate"); a full label
    ("NEV penetration rate (%) - China") one scope.  Names are looked up in the whole roadmap,
    so a metric the filter hides is still known (and has no rows)."""
    every = claim_rows(roadmap)
    keys = find_metric(every, text)
    if not keys:
        known = "; ".join(k.label() for k, _n in metric_keys(every))
        raise MetricNotFound(_("no metric matches {text!r}; the data holds: {known}").format(text=text, known=known))
    names = {k.all_scopes() for k in keys}
    if len(names) > 1:
        raise MetricNotFound(_("{text!r} matches several metrics: {names}").format(
            text=text, names="; ".join(sorted(k.label() for k in names))))
    picked: list[ClaimRow] = []
    seen: set[int] = set()
    rows = list(rows)
    for k in keys:
        for r in rows_for_metric(rows, k):
            if id(r) not in seen:
                seen.add(id(r))
                picked.append(r)
    return (keys[0] if len(keys) == 1 else keys[0].all_scopes()), picked
