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
from itertools import chain, compress
from operator import attrgetter, eq
from typing import Any

from nevroadmap.core.i18n import _
from nevroadmap.core.loader.problems import MAX_PROBLEMS, Candidates, Problem, quoted, record_noun, suggest

__all__ = ["Reference", "REFERENCES", "references_ok", "check_references", "unique_ids_ok", "ids_ok"]


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


_ID = attrgetter("id")


def _ids(records: dict[str, list]) -> dict[str, set[str]]:
    return {sec: set(map(_ID, recs)) for sec, recs in records.items()}


def unique_ids_ok(records: dict[str, list]) -> bool:
    """No two records of one section share an id."""
    return all(len(set(map(_ID, recs))) == len(recs) for recs in records.values())


def references_ok(records: dict[str, list], ids: dict[str, set[str]] | None = None) -> bool:
    """Every reference of :data:`REFERENCES` resolves (no wording, no lines).

    ``ids`` (section -> its ids), when the caller has them already, saves building them again.
    All in C-level passes (``map``, ``filter``, ``set.issuperset``): no set of the values is built.
    """
    if ids is None:
        ids = _ids(records)
    for ref in REFERENCES:
        known = ids[ref.target]
        values = map(attrgetter(ref.field), records[ref.section])
        if ref.many:
            lists = list(values)
            # an id listed twice in one record: only tuples of two or more can hold one
            multi = list(compress(lists, map((1).__lt__, map(len, lists))))
            if not all(map(eq, map(len, multi), map(len, map(set, multi)))):
                return False
            if not known.issuperset(chain.from_iterable(lists)):
                return False
        # None (a field left empty) is fine; "" is never an id (ids are not empty), so filter(None) drops only None
        elif not known.issuperset(filter(None, values)):
            return False
    return True


def ids_ok(records: dict[str, list]) -> bool:
    """Ids unique within each section and every reference resolves (the fast path's check)."""
    ids = _ids(records)
    if any(len(ids[sec]) != len(recs) for sec, recs in records.items()):
        return False
    return references_ok(records, ids)


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
