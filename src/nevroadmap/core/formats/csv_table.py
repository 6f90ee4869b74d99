"""Our own CSV layouts, one for milestones and one for claims: read and write.

A spreadsheet user fills in one row per milestone (or claim); the first row
names the columns, in any order (README, "CSV in and out").  Writing, reading back
and writing again gives the same bytes.

Rule of the layouts: a *name* column defines the record it names (the
technology ``Solid-state batteries`` in the ``technology`` column creates that
technology, with the id in ``technology_id`` or one made from the name); an
``*_id`` column alone refers to a record defined elsewhere (another row, or
another file of the folder).  Rows that define the same id must agree.
Lists (organizations, metrics, tags, supports) are separated by ``;``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from nevroadmap.core.formats.csv_cells import CsvSyntaxError, read_rows, repeated_columns, repeated_message, restore, write_rows
from nevroadmap.core.formats.ids import IdMaker
from nevroadmap.core.formats.result import Converted
from nevroadmap.core.i18n import _

__all__ = ["MILESTONE_COLUMNS", "CLAIM_COLUMNS", "DEFAULT_AREA", "csv_layout", "metric_text", "parse_metric",
           "read_csv", "write_csv", "write_claims_csv"]

MILESTONE_COLUMNS = ("id", "title", "when", "status", "technology", "technology_id", "area", "area_id",
                     "area_color", "organizations", "organization_ids", "metrics", "description", "tags")
CLAIM_COLUMNS = ("id", "statement", "quote", "speaker", "speaker_id", "organization_id", "said", "source",
                 "source_id", "source_url", "publisher", "locator", "supports")
DEFAULT_AREA = ("general", "General")  # the area of technologies whose row names none
SEP = "; "
# spaces a spreadsheet may leave around a cell; the model strips the rest of Unicode's white space
# itself (Python's str.strip would also take control characters such as \x1f that the model keeps)
SPACE = " \t\n\r\x0b\x0c"


def csv_layout(header: Iterable[str]) -> str | None:
    """``"milestones"`` or ``"claims"`` for a header row of ours, else None."""
    names = {c.strip().lower() for c in header}
    if "statement" in names:
        return "claims"
    if names & {"title", "when", "status", "technology", "technology_id"}:
        return "milestones"
    return None


def _split(cell: str) -> list[str]:
    if not cell:
        return []
    return [x for x in (x.strip(SPACE) for x in cell.split(";")) if x]


# -- metrics as text: "energy density: over 400 Wh/kg (China)" ----------------------
_NUM = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?"
_METRIC = re.compile(
    # a hedge ("potentially", "likely") goes first, as the app writes it; never a bound word
    r"^(?:(?!(?:over|at least|under|up to|about) )(?P<hedge>[a-z][a-z' -]*?) )?"
    rf"(?P<bound>over |at least |under |up to |about )?(?P<v>{_NUM})(?:-(?P<vmax>{_NUM}))?"
    r"(?P<unit>\s*[^\s()][^()]*?)?(?:\s*\((?P<scope>[^()]*)\))?$")
_BOUNDS = {"over ": "over", "at least ": "at_least", "under ": "under", "up to ": "up_to", "about ": "about"}


def metric_text(metric: Any) -> str:
    """A metric as one cell: its name (if any), a colon, then how the app shows it."""
    return f"{metric.name}: {metric}" if metric.name else str(metric)


_METRIC_CACHE: dict[str, dict[str, Any]] = {}


def parse_metric(text: str) -> dict[str, Any]:
    """The inverse of :func:`metric_text`; raises ValueError for text it cannot read."""
    known = _METRIC_CACHE.get(text)
    if known is not None:  # trackers repeat a few metric texts many times
        return dict(known)
    out = _parse_metric(text)
    if len(_METRIC_CACHE) < 10_000:
        _METRIC_CACHE[text] = dict(out)
    return out


def _parse_metric(text: str) -> dict[str, Any]:
    text = " ".join(text.split())
    candidates = [(None, text)] + [(text[:m.start()], text[m.end():]) for m in re.finditer(r":\s+", text)]
    # a reading without a hedge wins ("power density at 1000 V: 17 kW/kg" is a name and a figure)
    readings = [(name, m) for name, rest in candidates if (m := _METRIC.match(rest))]
    for name, m in sorted(readings, key=lambda r: r[1]["hedge"] is not None):
        out: dict[str, Any] = {"value": float(m["v"].replace(",", ""))}
        if name:
            out["name"] = name.strip()
        if m["vmax"]:
            out["value_max"] = float(m["vmax"].replace(",", ""))
        if m["unit"] and m["unit"].strip():
            out["unit"] = m["unit"].strip()
        if m["bound"]:
            out["bound"] = _BOUNDS[m["bound"]]
        if m["hedge"]:
            out["hedge"] = m["hedge"].strip()
        if m["scope"] is not None and m["scope"].strip():
            out["scope"] = m["scope"].strip()
        return out
    raise ValueError(_("metrics: cannot read {text} as a metric "
                       "(write e.g. 'over 400 Wh/kg', '5-10 %', 'energy density: about 300 Wh/kg (China)')")
                     .format(text=repr(text[:80])))


# -- writing ----------------------------------------------------------------------
def write_csv(roadmap: Any, milestones: Iterable[Any]) -> str:
    """The milestones as CSV in our layout (names and ids of what they refer to)."""
    rows = [list(MILESTONE_COLUMNS)]
    for m in milestones:
        tech = roadmap.technology_by_id.get(m.technology)
        area = roadmap.area_by_id.get(tech.area) if tech else None
        rows.append([
            m.id, m.title, str(m.when), m.status.value,
            tech.name if tech else "", m.technology,
            area.name if area else "", tech.area if tech else "", (area.color or "") if area else "",
            SEP.join(roadmap.org_name(o) for o in m.organizations), SEP.join(m.organizations),
            SEP.join(metric_text(x) for x in m.metrics), m.description or "", SEP.join(m.tags),
        ])
    return write_rows(rows)


def write_claims_csv(roadmap: Any, claims: Iterable[Any]) -> str:
    """The claims as CSV in our layout (each row names its speaker and source)."""
    rows = [list(CLAIM_COLUMNS)]
    for c in claims:
        person = roadmap.person_by_id.get(c.speaker) if c.speaker else None
        src = roadmap.source_by_id.get(c.source)
        rows.append([
            c.id, c.statement, c.quote or "", person.name if person else "", c.speaker or "",
            c.organization or "", str(c.said) if c.said else "",
            src.title if src else "", c.source, (src.url or "") if src else "", (src.publisher or "") if src else "",
            c.locator or "", SEP.join(c.supports),
        ])
    return write_rows(rows)


# -- reading ----------------------------------------------------------------------
class _Defs:
    """Records a file defines in passing (a technology named in a milestone row)."""

    def __init__(self, section: str, noun: str, out: Converted, errors: list) -> None:
        self.section, self.noun, self.out, self.errors = section, noun, out, errors
        self.records: dict[str, tuple[dict, int]] = {}

    def add(self, record: dict, line: int) -> None:
        """Define ``record``; a later row may add fields (a colour) but not change one."""
        rid = record["id"]
        first = self.records.get(rid)
        if first is None:
            self.out.lines[(self.section, len(self.records))] = line
            self.records[rid] = (record, line)
            return
        if first[0] == record:  # the usual case: every row of a technology names it the same
            return
        differs = [_("{field} {value} here, {first} at line {line}").format(
                       field=k, value=repr(v), first=repr(first[0][k]), line=first[1])
                   for k, v in record.items() if k in first[0] and first[0][k] != v]
        if differs:
            self.errors.append((line, _("{noun} {id} is defined differently: {differences}").format(
                noun=self.noun, id=repr(rid), differences="; ".join(differs))))
        else:
            first[0].update((k, v) for k, v in record.items() if k not in first[0])

    def section_data(self) -> list[dict]:
        return [r for r, _line in self.records.values()]


class _Namer:
    """Ids for names: the id given with that name elsewhere in the file, else one made from it."""

    def __init__(self, pairs: Iterable[tuple[str, str]], taken: Iterable[str]) -> None:
        self.known: dict[str, str] = {}
        for name, rid in pairs:
            self.known.setdefault(name, rid)
        self.maker = IdMaker(set(taken))

    def id_for(self, name: str, given: str) -> str:
        if given:
            return given
        if name not in self.known:
            self.known[name] = self.maker.make(name)
        return self.known[name]


def _table(rows: list[tuple[int, list[str]]], columns: tuple[str, ...], out: Converted) -> list[tuple[int, dict[str, str]]]:
    """Rows as {column: text} (restored), with problems of the header and row shapes recorded."""
    header_line, header = rows[0]
    names = [restore(c).strip().lower() for c in header]
    for k, name in enumerate(names):
        if name not in columns:
            close = difflib.get_close_matches(name, columns, n=1, cutoff=0.6)
            hint = _(" (did you mean {name}?)").format(name=repr(close[0])) if close else ""
            out.errors.append((header_line, _("unknown column {name}{hint}; columns: {columns}").format(
                name=repr(header[k].strip()), hint=hint, columns=", ".join(columns))))
    out.errors += [(header_line, repeated_message(name)) for name in repeated_columns(names)]
    if out.errors:
        return []
    table = []
    for line, cells in rows[1:]:
        if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
            out.errors.append((line, _("this row has {cells} cells but the header names {columns} columns").format(
                cells=len(cells), columns=len(names))))
            continue
        table.append((line, {n: restore(c).strip(SPACE) for n, c in zip(names, cells) if n in columns}))
    return table


def read_csv(text: str) -> Converted:
    """A CSV in one of our layouts (told apart by its header row)."""
    out = Converted()
    try:
        rows = read_rows(text)
    except CsvSyntaxError as exc:
        return Converted(errors=[(exc.line, str(exc))])
    layout = csv_layout(restore(c) for c in rows[0][1]) if rows else None
    if layout is None:
        out.errors.append((rows[0][0] if rows else 1,
                           _("the first row must name the columns: our milestones layout ({milestones}), "
                             "our claims layout ({claims}) or the TimelineJS template "
                             "(Year, Month, Day, ..., Headline, Text, ...)").format(
                               milestones=", ".join(MILESTONE_COLUMNS), claims=", ".join(CLAIM_COLUMNS))))
        return out
    table = _table(rows, MILESTONE_COLUMNS if layout == "milestones" else CLAIM_COLUMNS, out)
    if out.errors:  # a header the rows cannot be read by: its problems alone
        return out
    (_read_milestones if layout == "milestones" else _read_claims)(table, out)
    return out


def _put(record: dict, key: str, value: Any) -> None:
    if value not in ("", [], None):
        record[key] = value


def _read_milestones(table: list[tuple[int, dict[str, str]]], out: Converted) -> None:
    errors = out.errors
    areas = _Defs("areas", "area", out, errors)
    techs = _Defs("technologies", "technology", out, errors)
    orgs = _Defs("organizations", "organization", out, errors)
    area_ids = _Namer(((r.get("area", ""), r.get("area_id", "")) for _line, r in table if r.get("area_id")),
                      (r.get("area_id", "") for _line, r in table))
    tech_ids = _Namer(((r.get("technology", ""), r.get("technology_id", "")) for _line, r in table
                       if r.get("technology_id")), (r.get("technology_id", "") for _line, r in table))
    org_pairs = []
    for _line, r in table:
        names, ids = _split(r.get("organizations", "")), _split(r.get("organization_ids", ""))
        if len(names) == len(ids):
            org_pairs += zip(names, ids)
    org_ids = _Namer(org_pairs, (x for _line, r in table for x in _split(r.get("organization_ids", ""))))
    ms_ids = IdMaker({r["id"] for _line, r in table if r.get("id")})
    milestones = []
    lane_ids: dict[tuple, str] = {}
    org_lists: dict[tuple, list[str]] = {}
    for line, r in table:
        ms: dict[str, Any] = {}
        _put(ms, "id", r.get("id") or ms_ids.make(r.get("title", ""), r.get("when", ""), fallback="milestone"))
        for key in ("title", "when", "status", "description"):
            _put(ms, key, r.get(key, ""))
        lane = (r.get("technology", ""), r.get("technology_id", ""), r.get("area", ""), r.get("area_id", ""),
                r.get("area_color", ""))
        if lane not in lane_ids:  # rows repeat a few lanes: define each once (later rows may only agree)
            lane_ids[lane] = _lane(lane, line, area_ids, tech_ids, areas, techs)
        _put(ms, "technology", lane_ids[lane])
        who = (r.get("organizations", ""), r.get("organization_ids", ""))
        if who not in org_lists:
            names, ids = _split(who[0]), _split(who[1])
            if names and ids and len(names) != len(ids):
                errors.append((line, _("{names} organizations but {ids} organization_ids: "
                                       "give one id per name (or leave organization_ids empty)").format(
                                           names=len(names), ids=len(ids))))
                continue
            if names:
                ids = [org_ids.id_for(n, i) for n, i in zip(names, ids or [""] * len(names))]
                for n, i in zip(names, ids):
                    orgs.add({"id": i, "name": n}, line)
            org_lists[who] = ids
        _put(ms, "organizations", list(org_lists[who]))
        metrics = []
        for piece in _split(r.get("metrics", "")):
            try:
                metrics.append(parse_metric(piece))
            except ValueError as exc:
                errors.append((line, str(exc)))
        _put(ms, "metrics", metrics)
        _put(ms, "tags", _split(r.get("tags", "")))
        out.lines[("milestones", len(milestones))] = line
        milestones.append(ms)
    out.data = {k: v for k, v in (("areas", areas.section_data()), ("technologies", techs.section_data()),
                                  ("organizations", orgs.section_data()), ("milestones", milestones)) if v}


def _lane(lane: tuple, line: int, area_ids: _Namer, tech_ids: _Namer, areas: _Defs, techs: _Defs) -> str:
    """Define the technology (and area) a row names; its technology id ("" when it names none)."""
    tech_name, tech_id, area_name, aid, color = lane
    if area_name:
        aid = area_ids.id_for(area_name, aid)
        area = {"id": aid, "name": area_name}
        _put(area, "color", color)
        areas.add(area, line)
    if not tech_name:
        return tech_id
    tid = tech_ids.id_for(tech_name, tech_id)
    if not aid:
        aid = DEFAULT_AREA[0]
        areas.add({"id": aid, "name": DEFAULT_AREA[1]}, line)
    techs.add({"id": tid, "name": tech_name, "area": aid}, line)
    return tid


def _read_claims(table: list[tuple[int, dict[str, str]]], out: Converted) -> None:
    errors = out.errors
    people = _Defs("people", "person", out, errors)
    sources = _Defs("sources", "source", out, errors)
    person_ids = _Namer(((r.get("speaker", ""), r.get("speaker_id", "")) for _line, r in table if r.get("speaker_id")),
                        (r.get("speaker_id", "") for _line, r in table))
    source_ids = _Namer(((r.get("source", ""), r.get("source_id", "")) for _line, r in table if r.get("source_id")),
                        (r.get("source_id", "") for _line, r in table))
    claim_ids = IdMaker({r["id"] for _line, r in table if r.get("id")})
    claims = []
    for line, r in table:
        c: dict[str, Any] = {}
        _put(c, "id", r.get("id") or claim_ids.make(r.get("statement", ""), fallback="claim"))
        for key in ("statement", "quote", "said", "locator"):
            _put(c, key, r.get(key, ""))
        if r.get("speaker"):
            sid = person_ids.id_for(r["speaker"], r.get("speaker_id", ""))
            people.add({"id": sid, "name": r["speaker"]}, line)
            c["speaker"] = sid
        else:
            _put(c, "speaker", r.get("speaker_id", ""))
        _put(c, "organization", r.get("organization_id", ""))
        if r.get("source"):
            src_id = source_ids.id_for(r["source"], r.get("source_id", ""))
            src = {"id": src_id, "title": r["source"]}
            _put(src, "url", r.get("source_url", ""))
            _put(src, "publisher", r.get("publisher", ""))
            sources.add(src, line)
            c["source"] = src_id
        else:
            _put(c, "source", r.get("source_id", ""))
            if r.get("source_url") or r.get("publisher"):
                errors.append((line, _("source_url and publisher describe a source: name it in the 'source' column")))
        _put(c, "supports", _split(r.get("supports", "")))
        out.lines[("claims", len(claims))] = line
        claims.append(c)
    out.data = {k: v for k, v in (("people", people.section_data()), ("sources", sources.section_data()),
                                  ("claims", claims)) if v}
