"""The one table of references between sections, and the two ways it is checked.

Records refer to each other by id.  :data:`REFERENCES` says which field of which
section holds the id of a record of which section; every loader path checks
exactly these:

* :func:`references_ok` - a yes/no answer as set operations, for the JSON fast
  path (which falls back to the full path on "no");
* :func:`check_references` - one worded :class:`Problem` with its line for every
  reference that does not resolve, for the full path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from nevroadmap.core.i18n import _
from nevroadmap.core.loader.problems import MAX_PROBLEMS, Candidates, Problem, quoted, record_noun, suggest

__all__ = ["Reference", "REFERENCES", "references_ok", "check_references", "unique_ids_ok"]


@dataclass(frozen=True)
class Reference:
    """``section.field`` holds the id of a record of ``target`` (``many``: a tuple of ids)."""

    section: str
    field: str
    target: str
    many: bool = False

    def values(self, record: Any) -> Iterator[tuple[str, int | None]]:
        """The ids this reference holds in ``record``, each with its position in a tuple field."""
        value = getattr(record, self.field)
        if self.many:
            yield from ((v, i) for i, v in enumerate(value))
        elif value is not None:
            yield value, None


REFERENCES: tuple[Reference, ...] = (
    Reference("organizations", "parent", "organizations"),
    Reference("people", "organization", "organizations"),
    Reference("technologies", "area", "areas"),
    Reference("milestones", "technology", "technologies"),
    Reference("milestones", "organizations", "organizations", many=True),
    Reference("claims", "speaker", "people"),
    Reference("claims", "organization", "organizations"),
    Reference("claims", "source", "sources"),
    Reference("claims", "supports", "milestones", many=True),
)


def _ids(records: dict[str, list]) -> dict[str, set[str]]:
    return {sec: {r.id for r in recs} for sec, recs in records.items()}


def unique_ids_ok(records: dict[str, list]) -> bool:
    """No two records of one section share an id."""
    return all(len({r.id for r in recs}) == len(recs) for recs in records.values())


def references_ok(records: dict[str, list]) -> bool:
    """Every reference of :data:`REFERENCES` resolves (no wording, no lines)."""
    ids = _ids(records)
    for ref in REFERENCES:
        recs, field = records[ref.section], ref.field
        if ref.many:
            lists = [getattr(r, field) for r in recs]
            if not all(len(t) < 2 or len(set(t)) == len(t) for t in lists):
                return False  # an id listed twice in one record
            values = {v for t in lists for v in t}
        else:
            values = {getattr(r, field) for r in recs}
            values.discard(None)
        if not values <= ids[ref.target]:
            return False
    return True


def check_references(records: dict[str, list], locate: Callable[[str, str, tuple], tuple[str, int]],
                     problems: list[Problem], present: Iterable[tuple[str, str]] = ()) -> None:
    """Add a problem for every reference of :data:`REFERENCES` that does not resolve.

    ``locate(section, record_id, subpath)`` gives the file and line of a path
    inside a record; ``present`` names records that exist but have problems of
    their own (no second "unknown id" for references to them).
    """
    ids = _ids(records)
    for sec, rid in present:
        ids[sec].add(rid)
    by_section: dict[str, list[Reference]] = {}
    for ref in REFERENCES:
        by_section.setdefault(ref.section, []).append(ref)
    pools: dict[str, Candidates] = {}  # "did you mean" candidates, indexed once per target section
    for section, refs in by_section.items():  # record by record, as a reader goes through a file
        for rec in records[section]:
            for ref in refs:
                known = ids[ref.target]
                listed: set[str] = set()
                for value, index in ref.values(rec):
                    if index is not None:
                        if value in listed and len(problems) <= MAX_PROBLEMS:
                            file, line = locate(section, rec.id, (ref.field, index))
                            problems.append(Problem(file, line, _("{field}: {value} is listed twice").format(
                                field=ref.field, value=quoted(value))))
                        listed.add(value)
                    if value in known or len(problems) > MAX_PROBLEMS:
                        continue
                    sub = (ref.field,) + ((index,) if index is not None else ())
                    file, line = locate(section, rec.id, sub)
                    pool = pools.get(ref.target)
                    if pool is None:
                        pool = pools[ref.target] = Candidates(known)
                    problems.append(Problem(file, line, _("{field}: unknown {noun} id {value}{hint}").format(
                        field=ref.field, noun=record_noun(ref.target), value=quoted(value), hint=suggest(value, pool))))
