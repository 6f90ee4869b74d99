"""The roadmap data model: organizations, people, technologies, sources,
milestones and the attributed claims behind them.

Everything is a frozen pydantic model; records refer to each other by id, and
:mod:`nevroadmap.core.loader` checks those references.  No Qt here.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from enum import Enum
from functools import cached_property
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, TypeAdapter
from pydantic.dataclasses import dataclass as _pydantic_dataclass
from pydantic.fields import FieldInfo

from nevroadmap.core.dates import DateSpan, parse_when

__all__ = [
    "Area", "Claim", "DateSpan", "Metric", "Milestone", "OrgKind", "Organization", "Person",
    "Roadmap", "Source", "Status", "Technology", "When", "SECTIONS",
]


_SPANS: dict[str, DateSpan] = {}  # date text -> span: big trackers repeat a few thousand texts


def _to_span(value: Any) -> DateSpan:
    if type(value) is str:  # the hot path: one dict lookup per date field
        span = _SPANS.get(value)
        if span is None:
            span = parse_when(value)  # DateSyntaxError is a ValueError: pydantic reports it
            if len(_SPANS) > 200_000:
                _SPANS.clear()
            _SPANS[value] = span
        return span
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    elif isinstance(value, _dt.date):  # TOML dates: said = 2025-09-28
        value = value.isoformat()[:10]
    if not isinstance(value, str):
        raise ValueError(f"a date must be text such as '2027' or 'by 2026', not {type(value).__name__}")
    return parse_when(value)  # DateSyntaxError is a ValueError: pydantic reports it


When = Annotated[DateSpan, BeforeValidator(_to_span), PlainSerializer(str, return_type=str)]
Id = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")]
Text = Annotated[str, Field(max_length=20_000)]
Name = Annotated[str, Field(min_length=1, max_length=500)]


class _Record:
    """Base of the data records.

    Records are frozen pydantic *dataclasses* with ``__slots__`` rather than
    ``BaseModel`` subclasses: a 100,000-milestone tracker holds ~300,000 of
    them, and a BaseModel instance carries a ``__dict__`` and its own
    fields-set (about 1 KB together) where a slotted dataclass needs ~100
    bytes; validation is faster too.  Validation rules are the same.  The few
    BaseModel methods callers may expect are provided below.
    """

    __slots__ = ()
    model_fields: ClassVar[dict[str, FieldInfo]] = {}

    @classmethod
    def model_validate(cls, obj: Any) -> Any:
        return _record_adapter(cls).validate_python(obj)

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        return _record_adapter(type(self)).dump_python(self, **kwargs)

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        return dataclasses.replace(self, **(update or {})) if update else self


_RECORD_ADAPTERS: dict[type, TypeAdapter] = {}


def _record_adapter(cls: type) -> TypeAdapter:
    if cls not in _RECORD_ADAPTERS:
        _RECORD_ADAPTERS[cls] = TypeAdapter(cls)
    return _RECORD_ADAPTERS[cls]


_R = TypeVar("_R")


def _record(cls: type[_R]) -> type[_R]:
    """Make ``cls`` a frozen, slotted, keyword-only pydantic dataclass record."""
    out = _pydantic_dataclass(frozen=True, slots=True, kw_only=True,
                              config=ConfigDict(extra="forbid", str_strip_whitespace=True))(cls)
    out.model_fields = dict(out.__pydantic_fields__)  # type: ignore[attr-defined]
    return out


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
    url: str | None = Field(default=None, max_length=2000)
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
    url: str | None = Field(default=None, max_length=2000)


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
    color: str | None = Field(default=None, pattern=r"^#[0-9A-Fa-f]{6}$")
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
    value: Annotated[float, Field(allow_inf_nan=False)]
    value_max: Annotated[float, Field(allow_inf_nan=False)] | None = None
    unit: Annotated[str, Field(max_length=100)] = ""
    bound: str = Field(default="exact", pattern=r"^(exact|over|at_least|under|up_to|about)$")
    scope: Name | None = None
    # the source's own qualifier when it hedges the figure ("potentially", "likely"): kept as data
    hedge: Annotated[str, Field(min_length=1, max_length=100)] | None = None

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
    statement: Text = Field(min_length=1)
    quote: Text | None = None
    speaker: Id | None = None
    organization: Id | None = None
    said: When | None = None
    source: Id
    locator: Name | None = None
    supports: tuple[Id, ...] = Field(default=(), min_length=0)
    # what this claim itself gives, when it differs from the milestone it supports (a forecast
    # said earlier with another date or figure); None / () mean "as the milestone says"
    when: When | None = None
    metrics: tuple[Metric, ...] = ()


# section name in a data file -> record type
SECTIONS: dict[str, type[_Record]] = {
    "sources": Source,
    "organizations": Organization,
    "people": Person,
    "areas": Area,
    "technologies": Technology,
    "milestones": Milestone,
    "claims": Claim,
}


class Roadmap(BaseModel):
    """A whole dataset.  Build it with :func:`nevroadmap.core.loader.load`."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    sources: tuple[Source, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    areas: tuple[Area, ...] = ()
    technologies: tuple[Technology, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    claims: tuple[Claim, ...] = ()
    origin: str = ""  # where it was loaded from, for titles and messages

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
    def claims_by_milestone(self) -> dict[str, tuple[Claim, ...]]:
        out: dict[str, list[Claim]] = {}
        for c in self.claims:
            for mid in c.supports:
                out.setdefault(mid, []).append(c)
        return {k: tuple(v) for k, v in out.items()}

    def claims_for(self, milestone_id: str) -> tuple[Claim, ...]:
        return self.claims_by_milestone.get(milestone_id, ())

    def claim_organization(self, claim: Claim) -> str | None:
        """The organization a claim speaks for: its own, else its speaker's."""
        if claim.organization:
            return claim.organization
        if claim.speaker and claim.speaker in self.person_by_id:
            return self.person_by_id[claim.speaker].organization
        return None

    @cached_property
    def milestone_organizations(self) -> tuple[tuple[str, ...], ...]:
        """:meth:`organizations_of` of every milestone, in milestone order.

        One pass over the claims instead of one lookup chain per milestone:
        the filter index and the company lanes need it for all of them.
        """
        people = self.person_by_id
        extra: dict[str, list[str]] = {}
        for c in self.claims:
            org = c.organization
            if not org and c.speaker:
                p = people.get(c.speaker)
                org = p.organization if p is not None else None
            if org:
                for mid in c.supports:
                    extra.setdefault(mid, []).append(org)
        out = []
        for m in self.milestones:
            more = extra.get(m.id)
            if more is None:
                out.append(m.organizations if len(set(m.organizations)) == len(m.organizations)
                           else tuple(dict.fromkeys(m.organizations)))
            else:
                out.append(tuple(dict.fromkeys((*m.organizations, *more))))
        return tuple(out)

    @cached_property
    def milestone_actors(self) -> tuple[tuple[str, ...], ...]:
        """The organizations that act in each milestone (its own), in milestone order.

        Company lanes use these: a claim's organization says who *reports* a
        milestone (a ministry listing industry progress), not who achieved it.
        """
        return tuple(tuple(dict.fromkeys(m.organizations)) for m in self.milestones)

    def organizations_of(self, milestone: Milestone) -> tuple[str, ...]:
        """Organizations a milestone concerns: its own, then those that claim it."""
        seen = dict.fromkeys(milestone.organizations)
        for c in self.claims_for(milestone.id):
            org = self.claim_organization(c)
            if org:
                seen.setdefault(org, None)
        return tuple(seen)

    def org_name(self, org_id: str) -> str:
        o = self.organization_by_id.get(org_id)
        return o.name if o else org_id

    def tech_name(self, tech_id: str) -> str:
        t = self.technology_by_id.get(tech_id)
        return t.name if t else tech_id

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in SECTIONS}

    def summary(self) -> str:
        c = self.counts()
        return (f"{c['organizations']} organizations, {c['technologies']} technologies, "
                f"{c['milestones']} milestones, {c['claims']} claims")
