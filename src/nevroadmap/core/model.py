"""The roadmap data model: organizations, people, technologies, sources,
milestones and the attributed claims behind them.

Records are frozen dataclasses validated by pydantic; records refer to each other by id, and
:mod:`nevroadmap.core.loader` checks those references.  No Qt here.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from functools import cached_property
from typing import Any, TypeVar

from nevroadmap.core.dates import DateSpan
from nevroadmap.core.i18n import _, join, language, ngettext
from nevroadmap.core.record_types import (
    RECORD_CONFIG as _record_config, Bound, Color, FieldRuleError, Hedge, Id, Name, NonEmptyText, Number, Text, Unit, Url,
    When, quoted_figure, validate_record,
)

__all__ = [
    "Area", "Claim", "DateSpan", "Era", "Metric", "Milestone", "OrgKind", "Organization", "Person",
    "Roadmap", "Source", "Status", "Technology", "When", "SECTIONS",
]


class _Record:
    """Base of the data records.

    Records are frozen, slotted, keyword-only dataclasses.  pydantic validates
    them (the loader whole sections at once through a ``TypeAdapter``); a
    record built in code, ``Milestone(id=..., when="2027", ...)``, is validated
    the same way by this ``__init__``.  They are not ``BaseModel`` subclasses: a
    100,000-milestone tracker holds ~300,000 of them, and a BaseModel instance
    carries a ``__dict__`` and its own fields-set (about 1 KB together) where a
    slotted dataclass needs ~100 bytes.  The field types and their rules live in
    :mod:`nevroadmap.core.record_types`.
    """

    __slots__ = ()

    def __init__(self, **fields: Any) -> None:
        valid = validate_record(type(self), fields)  # pydantic builds a new instance without __init__
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, getattr(valid, f.name))


_R = TypeVar("_R")


def _record(cls: type[_R]) -> type[_R]:
    """Make ``cls`` a frozen, slotted, keyword-only dataclass record that pydantic validates."""
    cls = dataclasses.dataclass(frozen=True, slots=True, kw_only=True, init=False)(cls)
    cls.__pydantic_config__ = _record_config  # type: ignore[attr-defined]
    return cls


class OrgKind(str, Enum):
    automaker = "automaker"
    battery_maker = "battery_maker"
    chip_maker = "chip_maker"
    supplier = "supplier"
    tech_company = "tech_company"
    energy_company = "energy_company"
    government = "government"
    association = "association"
    research = "research"
    media = "media"
    other = "other"


class Status(str, Enum):
    achieved = "achieved"
    announced = "announced"
    planned = "planned"
    forecast = "forecast"


STATUS_ORDER = (Status.achieved, Status.announced, Status.planned, Status.forecast)


@_record
class Source(_Record):
    id: Id
    title: Name
    publisher: Name | None = None
    url: Url | None = None
    published: When | None = None
    event: Name | None = None
    event_date: When | None = None
    event_place: Name | None = None
    note: Text | None = None


@_record
class Organization(_Record):
    id: Id
    name: Name
    native_name: Name | None = None
    short_name: Name | None = None
    kind: OrgKind = OrgKind.other
    country: Name | None = None
    parent: Id | None = None
    description: Text | None = None
    url: Url | None = None


@_record
class Person(_Record):
    id: Id
    name: Name
    native_name: Name | None = None
    title: Name | None = None
    organization: Id | None = None


@_record
class Area(_Record):
    id: Id
    name: Name
    color: Color | None = None
    description: Text | None = None


@_record
class Technology(_Record):
    id: Id
    name: Name
    area: Id
    description: Text | None = None


@_record
class Metric(_Record):
    """A number attached to a milestone: ``over 400 Wh/kg``, ``70 % (China)``."""

    name: Name | None = None
    value: Number
    value_max: Number | None = None
    unit: Unit = ""
    bound: Bound = "exact"
    scope: Name | None = None
    # the source's own qualifier when it hedges the figure ("potentially", "likely"): kept as data
    hedge: Hedge | None = None

    def __post_init__(self) -> None:
        """The rule between the fields: a range runs upwards.  pydantic calls this once the fields are
        valid (a record from a file or built in code); the bundled snapshot's reader calls it too."""
        if self.value_max is not None and self.value_max < self.value:
            raise FieldRuleError("value_max", _("{value_max} is less than value {value}: a range goes from "
                                                "value up to value_max").format(
                value_max=quoted_figure(self.value_max), value=quoted_figure(self.value)))

    def __str__(self) -> str:
        def num(v: float) -> str:
            return f"{v:,.10g}" if abs(v) >= 10000 else f"{v:.10g}"

        text = num(self.value) if self.value_max is None else f"{num(self.value)}-{num(self.value_max)}"
        if self.unit:
            text += self.unit if self.unit in ("%", "x") else f" {self.unit}"
        word = {"over": "over ", "at_least": "at least ", "under": "under ", "up_to": "up to ",
                "about": "about ", "exact": ""}[self.bound]
        text = word + text
        if self.hedge:
            text = f"{self.hedge} {text}"
        if self.scope:
            text += f" ({self.scope})"
        return text


@_record
class Milestone(_Record):
    id: Id
    title: Name
    technology: Id
    organizations: tuple[Id, ...] = ()
    when: When
    status: Status
    metrics: tuple[Metric, ...] = ()
    description: Text | None = None
    tags: tuple[Name, ...] = ()


@_record
class Claim(_Record):
    id: Id
    statement: NonEmptyText
    quote: Text | None = None
    speaker: Id | None = None
    organization: Id | None = None
    said: When | None = None
    source: Id
    locator: Name | None = None
    supports: tuple[Id, ...] = ()
    # what this claim itself gives, when it differs from the milestone it supports (a forecast
    # said earlier with another date or figure); None / () mean "as the milestone says"
    when: When | None = None
    metrics: tuple[Metric, ...] = ()


@_record
class Era(_Record):
    """A named period drawn as a shaded band behind the timeline (TimelineJS eras)."""

    id: Id
    name: Name
    when: When


# section name in a data file -> record type
SECTIONS: dict[str, type[_Record]] = {
    "sources": Source,
    "organizations": Organization,
    "people": Person,
    "areas": Area,
    "technologies": Technology,
    "milestones": Milestone,
    "claims": Claim,
    "eras": Era,
}


@dataclasses.dataclass(frozen=True, kw_only=True)
class Roadmap:
    """A whole dataset.  Build it with :func:`nevroadmap.core.loader.load` (which validates
    every record); built in code it takes records as they are, in tuples."""

    sources: tuple[Source, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    areas: tuple[Area, ...] = ()
    technologies: tuple[Technology, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    claims: tuple[Claim, ...] = ()
    eras: tuple[Era, ...] = ()
    origin: str = ""  # where it was loaded from, for titles and messages
    name: str = ""  # the dataset's own name (an imported timeline's title), if it has one
    # problems in imported files that left something out but did not stop loading
    # ("file:line: message", e.g. a TimelineJS event whose date cannot be read)
    warnings: tuple[str, ...] = ()

    # -- indexes (computed once, the model is frozen) ----------------------
    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def organization_by_id(self) -> dict[str, Organization]:
        return {o.id: o for o in self.organizations}

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def area_by_id(self) -> dict[str, Area]:
        return {a.id: a for a in self.areas}

    @cached_property
    def technology_by_id(self) -> dict[str, Technology]:
        return {t.id: t for t in self.technologies}

    @cached_property
    def milestone_by_id(self) -> dict[str, Milestone]:
        return {m.id: m for m in self.milestones}

    @cached_property
    def milestone_index(self) -> dict[str, int]:
        """Milestone id -> its index in :attr:`milestones` (the one id-to-index map)."""
        return {m.id: i for i, m in enumerate(self.milestones)}

    @cached_property
    def claims_by_milestone(self) -> dict[str, tuple[Claim, ...]]:
        out: dict[str, list[Claim]] = {}
        for c in self.claims:
            for mid in c.supports:
                out.setdefault(mid, []).append(c)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def cited_sources(self) -> tuple[str, ...]:
        """Ids of the sources claims about milestones cite, each once, in claim order."""
        return tuple(dict.fromkeys(c.source for c in self.claims if c.supports))

    def claims_for(self, milestone_id: str) -> tuple[Claim, ...]:
        return self.claims_by_milestone.get(milestone_id, ())

    # -- who a claim speaks for: the one rule, used by every view ------------
    def claim_organization(self, claim: Claim) -> str | None:
        """The organization a claim speaks for: its own, else its speaker's."""
        if claim.organization:
            return claim.organization
        person = self.person_by_id.get(claim.speaker) if claim.speaker else None
        return person.organization if person is not None else None

    def claim_affiliations(self, claim: Claim) -> tuple[str, ...]:
        """Organizations a claim concerns: the one it speaks for
        (:meth:`claim_organization`), then its speaker's employer if that differs."""
        org = self.claim_organization(claim)
        person = self.person_by_id.get(claim.speaker) if claim.speaker else None
        employer = person.organization if person is not None else None
        return tuple(o for o in dict.fromkeys((org, employer)) if o)

    @cached_property
    def claims_by_organization(self) -> dict[str, tuple[Claim, ...]]:
        """Claims per organization of their :meth:`claim_affiliations`, in claim order."""
        out: dict[str, list[Claim]] = {}
        for c in self.claims:
            for org in self.claim_affiliations(c):
                out.setdefault(org, []).append(c)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def milestone_organizations(self) -> tuple[tuple[str, ...], ...]:
        """:meth:`organizations_of` of every milestone, in milestone order (the filter index and
        the company lanes need it for all of them)."""
        return tuple(m.organizations if len(set(m.organizations)) == len(m.organizations)
                     else tuple(dict.fromkeys(m.organizations)) for m in self.milestones)

    def organizations_of(self, milestone: Milestone) -> tuple[str, ...]:
        """The organizations of a milestone: the ones that act in it (its own ``organizations``).

        Who *reported* it is on its claims (:meth:`claim_organization`): industry-wide
        progress that a ministry reported is not the ministry's own achievement, so it
        neither fills the ministry's company lane nor matches a filter on the ministry.
        """
        return tuple(dict.fromkeys(milestone.organizations))

    def reporters_of(self, milestone: Milestone) -> tuple[str, ...]:
        """Organizations that claim a milestone without acting in it, in claim order."""
        own = set(milestone.organizations)
        orgs = (self.claim_organization(c) for c in self.claims_for(milestone.id))
        return tuple(o for o in dict.fromkeys(orgs) if o and o not in own)

    @cached_property
    def milestone_parties(self) -> tuple[tuple[str, ...], ...]:
        """:meth:`parties_of` of every milestone, in milestone order (the company filter and search)."""
        extra: dict[str, list[str]] = {}
        for c in self.claims:
            org = self.claim_organization(c)
            if org:
                for mid in c.supports:
                    extra.setdefault(mid, []).append(org)
        return tuple(own if m.id not in extra else tuple(dict.fromkeys((*own, *extra[m.id])))
                     for m, own in zip(self.milestones, self.milestone_organizations))

    def parties_of(self, milestone: Milestone) -> tuple[str, ...]:
        """Every organization a milestone concerns: the ones that act (:meth:`organizations_of`),
        then the ones that report it (:meth:`reporters_of`).  A filter on a company finds both."""
        return (*self.organizations_of(milestone), *self.reporters_of(milestone))

    def org_name(self, org_id: str) -> str:
        o = self.organization_by_id.get(org_id)
        return o.name if o else org_id

    def org_label(self, org_id: str) -> str:
        """An organization as the interface names it: with its native name where the data has one
        (``BYD (比亚迪)``; in Chinese the native name first: ``比亚迪 (BYD)``)."""
        o = self.organization_by_id.get(org_id)
        if o is None:
            return org_id
        if not o.native_name or o.native_name == o.name:
            return o.name
        if language().startswith("zh"):
            return f"{o.native_name} ({o.name})"
        return f"{o.name} ({o.native_name})"

    def tech_name(self, tech_id: str) -> str:
        t = self.technology_by_id.get(tech_id)
        return t.name if t else tech_id

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in SECTIONS}

    def summary(self) -> str:
        c = self.counts()
        return join((
            ngettext("{n} organization", "{n} organizations", c["organizations"]).format(n=c["organizations"]),
            ngettext("{n} technology", "{n} technologies", c["technologies"]).format(n=c["technologies"]),
            ngettext("{n} milestone", "{n} milestones", c["milestones"]).format(n=c["milestones"]),
            ngettext("{n} claim", "{n} claims", c["claims"]).format(n=c["claims"])))
