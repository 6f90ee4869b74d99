"""TimelineJS timelines (https://timeline.knightlab.com) as roadmap data.

Reads both forms TimelineJS takes: its JSON (``title``, ``events``, ``eras``)
and the CSV of its Google-spreadsheet template (``Year, Month, Day, Time,
End Year, ..., Headline, Text, Media, Media Credit, ..., Type, Group``).

Mapping (README, "TimelineJS import"):

- an event is a milestone; its date keeps its precision (``2027``,
  ``2027-03``, ``2027-03-14``; with an end date a range ``2025-2027`` or
  ``2027-03 to 2028``); times of day are dropped; TimelineJS has no status, so
  every event is ``announced``;
- ``text.headline`` is the title and ``text.text`` the description, both as
  plain text (:mod:`.plain_text`); a ``display_date`` is kept in the description;
- each ``group`` is a lane (a technology), all under one area named after the
  timeline; events without a group go to the lane "Events";
- ``media`` with a URL or a credit becomes a source and a claim supporting the
  milestone (``url``: only ``http``/``https`` URLs are kept as links);
- ``eras`` become eras (shaded bands), ``title`` the dataset name;
- an event that cannot be mapped (no year, a date outside 1800-2200, a month
  13) is a warning with its line, and the rest of the timeline is used.

Ids are made from the headline and date (``fictional-plant-opens-2027``; ``-2``
on a collision) unless the event has a valid, unused ``unique_id``.
"""

from __future__ import annotations

import bisect
from collections import Counter
import json
import re
from json.decoder import scanstring
from typing import Any

from pydantic import ValidationError

from nevroadmap.core.record_types import adapter
from nevroadmap.core.dates import MAX_YEAR, MIN_YEAR, DateSyntaxError, parse_when
from nevroadmap.core.formats.csv_cells import CsvSyntaxError, read_rows, repeated_columns, repeated_message
from nevroadmap.core.formats.ids import ID_RE, IdMaker, slug
from nevroadmap.core.formats.plain_text import html_to_text, one_line
from nevroadmap.core.formats.result import Converted
from nevroadmap.core.i18n import _, ngettext
from nevroadmap.core.model import SECTIONS

__all__ = ["TEMPLATE_COLUMNS", "is_timelinejs_json", "may_be_timelinejs_json", "is_timelinejs_header",
           "read_timelinejs_json", "read_timelinejs_csv"]

TEMPLATE_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                    "Media Thumbnail", "Type", "Group", "Background")
_TEMPLATE_KEYS = {c.lower(): c for c in TEMPLATE_COLUMNS}
DEFAULT_LANE = "Events"
DEFAULT_AREA = "Timeline"
STATUS = "announced"
MAX_NAME, MAX_TEXT, MAX_URL = 500, 20_000, 2000
MAX_WARNINGS = 100  # warnings listed one by one; the rest are counted


def _record_adapter(section: str) -> Any:
    """Validates one record of ``section`` (built on first use)."""
    return adapter(SECTIONS[section])


def is_timelinejs_json(data: Any) -> bool:
    """A JSON object with an ``events`` list and none of our own sections, or a
    TimelineJS 2 timeline (``{"timeline": {"date": [...]}}``)."""
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("events"), list):  # and none of our sections (eras are in both)
        return not any(k in SECTIONS and k != "eras" for k in data)
    old = data.get("timeline")
    return len(data) == 1 and isinstance(old, dict) and isinstance(old.get("date"), list)


_TIMELINEJS_KEY = re.compile(rb'"(?:events|timeline)"[ \t\r\n]*:')
# a first key naming one of our sections (but eras, which timelines have too): ours, by the rule above
_OURS_FIRST = re.compile(rb'[ \t\r\n]*\{[ \t\r\n]*"(?:'
                         + b"|".join(re.escape(k.encode()) for k in SECTIONS if k != "eras")
                         + rb')"[ \t\r\n]*:')


def may_be_timelinejs_json(raw: bytes) -> bool:
    """False only when JSON bytes cannot be a TimelineJS timeline (:func:`is_timelinejs_json`):
    their first key is one of our sections other than ``eras`` (an O(1) look), or they
    hold no ``"events":`` or ``"timeline":`` key at all.  The parsed data decides the rest."""
    if _OURS_FIRST.match(raw):
        return False
    return _TIMELINEJS_KEY.search(raw) is not None


def is_timelinejs_header(cells: list[str]) -> bool:
    """A header row of the TimelineJS spreadsheet template (extra columns allowed)."""
    names = {c.strip().lower() for c in cells}
    return {"year", "headline", "text"} <= names and len(names & _TEMPLATE_KEYS.keys()) >= 5


# -- values -------------------------------------------------------------------
_JSON_TYPES = {"str": "text", "int": "a number", "float": "a number", "bool": "true/false", "list": "a list",
               "dict": "an object", "NoneType": "null"}
_KINDS = {str: "text", dict: "an object", list: "a list"}
MAX_DIGITS = 6  # a year, month or day with more digits is refused before any conversion (no 5,000-digit ints)


def _type_name(value: Any) -> str:
    return _JSON_TYPES.get(type(value).__name__, type(value).__name__)


def _get(obj: dict, key: str, kind: type, where: str = "") -> Any:
    """``obj[key]`` when it is a ``kind`` (str, dict or list), the empty ``kind`` when it is
    missing or null, or ValueError naming the field: the one place a value's type is checked."""
    value = obj.get(key)
    if value is None:
        return kind()
    if isinstance(value, kind):
        return value
    raise ValueError(_("{field} must be {kind}, not {type}").format(field=where + key, kind=_KINDS[kind],
                                                                   type=_type_name(value)))


def _int(value: Any, what: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(_("{what} {value} is not a number").format(what=what, value=repr(value)))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and (m := re.fullmatch(r"\s*(-?)0*(\d+)(\.0*)?\s*", value, re.ASCII)):
        if len(m.group(2)) > MAX_DIGITS:
            raise ValueError(_("{what} has {n:,} digits; it cannot be a date").format(what=what, n=len(m.group(2))))
        return int(m.group(1) + m.group(2))
    raise ValueError(_("{what} {value} is not a whole number").format(what=what, value=repr(str(value)[:40]) if isinstance(
        value, (str, float)) else _type_name(value)))


def _date_text(d: Any, what: str) -> str | None:
    """``{"year": 2027, "month": 3}`` -> ``"2027-03"``; None when there is no date at all."""
    if d is None:
        return None
    if not isinstance(d, dict):
        raise ValueError(_("{what} must be an object with a year, not {type}").format(what=what, type=type(d).__name__))
    year = _int(d.get("year"), "year")
    month = d.get("month")
    month = _MONTHS.get(month.strip().lower()[:3]) or month if isinstance(month, str) else month
    month = _int(month, "month")
    day = _int(d.get("day"), "day")
    if year is None:
        if month is None and day is None:
            return None
        raise ValueError(_("{what} has no year").format(what=what))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(_("{what}: year {year} is outside the years the app shows ({first}-{last})").format(
            what=what, year=year, first=MIN_YEAR, last=MAX_YEAR))
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    try:
        parse_when(text)
    except DateSyntaxError as exc:
        raise ValueError(_("{what}: {reason}").format(what=what, reason=exc.reason)) from None
    return text


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), 1)}


def _when(start: str, end: str | None) -> tuple[str, str | None]:
    """The DateSpan text of start..end, and a note when the end had to be dropped."""
    if not end or end == start:
        return start, None
    text = f"{start}-{end}" if len(start) == len(end) == 4 else f"{start} to {end}"
    try:
        return str(parse_when(text)), None
    except DateSyntaxError as exc:
        return start, _("end_date ignored: {reason}").format(reason=exc.reason)


# -- JSON lines ----------------------------------------------------------------
_WS = re.compile(r"[ \t\n\r]*")
_SCAN = json.JSONDecoder().scan_once


class _JsonLocator:
    """Lines of the top-level keys, and of list items and their keys, in valid JSON text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def keys(self, pos: int) -> dict[str, int]:
        """Offsets of the values of the object at ``pos``."""
        text, out = self.text, {}
        try:
            if text[pos] != "{":
                return out
            i = _WS.match(text, pos + 1).end()
            while text[i] == '"':
                key, i = scanstring(text, i + 1)
                i = _WS.match(text, _WS.match(text, i).end() + 1).end()
                out.setdefault(key, i)
                _value, i = _SCAN(text, i)
                i = _WS.match(text, i).end()
                if text[i] != ",":
                    break
                i = _WS.match(text, i + 1).end()
        except (ValueError, IndexError, StopIteration, RecursionError):
            pass
        return out

    def items(self, pos: int | None) -> list[int]:
        """Offsets of the items of the list at ``pos``."""
        text, out = self.text, []
        if pos is None:
            return out
        try:
            if text[pos] != "[":
                return out
            i = _WS.match(text, pos + 1).end()
            while text[i] != "]":
                out.append(i)
                _value, i = _SCAN(text, i)
                i = _WS.match(text, i).end()
                if text[i] == ",":
                    i = _WS.match(text, i + 1).end()
        except (ValueError, IndexError, StopIteration, RecursionError):
            pass
        return out


# -- the mapping -----------------------------------------------------------------
def _clip(text: str, limit: int) -> tuple[str, bool]:
    return (text, False) if len(text) <= limit else (text[: limit - 1].rstrip() + "\u2026", True)


class _Builder:
    """Collects events, eras and a title into our sections."""

    def __init__(self) -> None:
        self.out = Converted()
        self.events: list[tuple[dict, int, dict[str, int]]] = []
        self.eras: list[tuple[dict, int, dict[str, int]]] = []
        self.title: str = ""

    def warn(self, line: int, message: str) -> None:
        self.out.warnings.append((line, message))

    def finish(self) -> Converted:
        out = self.out
        out.name = _clip(self.title, MAX_NAME)[0]
        sec: dict[str, list[dict]] = {k: [] for k in ("areas", "technologies", "milestones", "sources", "claims",
                                                      "eras")}
        area_id = slug(self.title, "timeline")
        lanes: dict[str, str] = {}  # group name -> technology id
        tech_ids, ms_ids, src_ids, claim_ids, era_ids = IdMaker(), IdMaker(), IdMaker(), IdMaker(), IdMaker()
        counts = Counter(ev.get("unique_id") for ev, *_where in self.events
                         if isinstance(ev, dict) and isinstance(ev.get("unique_id"), str))
        wanted = {u for u, k in counts.items() if k == 1 and isinstance(u, str) and len(u) <= 200 and ID_RE.match(u)}
        ms_ids.taken |= wanted
        for n, (ev, line, fields) in enumerate(self.events, 1):
            self._event(ev, line, fields, n, sec, lanes, area_id, tech_ids, ms_ids, src_ids, claim_ids, wanted)
        for n, (era, line, fields) in enumerate(self.eras, 1):
            if not isinstance(era, dict):
                self.warn(line, _("era {n} left out: an era must be an object, not {type}").format(n=n, type=_type_name(era)))
                continue
            try:
                name = _clip(one_line(_get(_get(era, "text", dict), "headline", str, "text.")), MAX_NAME)[0]
            except ValueError as exc:
                self.warn(fields.get("text", line), _("era {n} left out: {reason}").format(n=n, reason=exc))
                continue
            name = name or f"Era {n}"
            try:
                start = _date_text(era.get("start_date"), "start_date")
                end = _date_text(era.get("end_date"), "end_date")
                if start is None:
                    raise ValueError(_("start_date has no year"))
            except ValueError as exc:
                self.warn(fields.get("start_date", line), _("era {name} left out: {reason}").format(name=repr(name), reason=exc))
                continue
            when, note = _when(start, end)
            if note:
                self.warn(fields.get("end_date", line), _("era {name}: {note}").format(name=repr(name), note=note))
            i = len(sec["eras"])
            sec["eras"].append({"id": era_ids.make(name, fallback="era"), "name": name, "when": when})
            out.lines[("eras", i)] = line
        if sec["technologies"]:
            sec["areas"].append({"id": area_id, "name": _clip(self.title, MAX_NAME)[0] or DEFAULT_AREA})
            out.lines[("areas", 0)] = self.events[0][1] if self.events else 1
        out.data = {k: v for k, v in sec.items() if v}
        if self.events and not sec["milestones"]:  # nothing usable is an error, not "OK: 0 milestones"
            first = out.warnings[0][1] if out.warnings else ""
            out.errors.append((self.events[0][1], _("no event could be read ({n:,} events); the first: {reason}").format(
                n=len(self.events), reason=first)))
        if len(out.warnings) > MAX_WARNINGS:
            rest = len(out.warnings) - MAX_WARNINGS
            out.warnings[MAX_WARNINGS:] = [(out.warnings[MAX_WARNINGS][0], ngettext(
                "and {n:,} more event or era left out or changed", "and {n:,} more events or eras left out or changed",
                rest).format(n=rest))]
        return out

    def _event(self, ev: Any, line: int, fields: dict[str, int], n: int, sec: dict, lanes: dict, area_id: str,
               tech_ids: IdMaker, ms_ids: IdMaker, src_ids: IdMaker, claim_ids: IdMaker, wanted: set[str]) -> None:
        if not isinstance(ev, dict):
            self.warn(line, _("event {n} left out: an event must be an object, not {type}").format(n=n, type=_type_name(ev)))
            return
        try:
            text = _get(ev, "text", dict)
            headline = one_line(_get(text, "headline", str, "text."))
            body = html_to_text(_get(text, "text", str, "text."))
            display = one_line(_get(ev, "display_date", str))
            group = _clip(one_line(_get(ev, "group", str)), MAX_NAME)[0] or DEFAULT_LANE
            media = _get(ev, "media", dict)
            url = _get(media, "url", str, "media.").strip()
            credit = _clip(one_line(_get(media, "credit", str, "media.")), MAX_NAME)[0]
            caption = _clip(one_line(_get(media, "caption", str, "media.")), MAX_NAME)[0]
            uid = _get(ev, "unique_id", str)
        except ValueError as exc:
            self.warn(line, _("event {n} left out: {reason}").format(n=n, reason=exc))
            return
        label = repr(headline[:60]) if headline else f"{n}"
        try:
            start = _date_text(ev.get("start_date"), "start_date")
            if start is None:
                raise ValueError(_("it has no start_date year"))
            end = _date_text(ev.get("end_date"), "end_date")
        except ValueError as exc:
            where = "end_date" if "end_date" in str(exc) else "start_date"
            self.warn(fields.get(where, line), _("event {label} left out: {reason}").format(label=label, reason=exc))
            return
        when, note = _when(start, end)
        if note:
            self.warn(fields.get("end_date", line), _("event {label}: {note}").format(label=label, note=note))
        title = headline or " ".join(body.split())[:120] or "(untitled event)"
        title, clipped = _clip(title, MAX_NAME)
        if clipped:
            self.warn(fields.get("text", line), _("event {label}: headline shortened to {n} characters").format(label=label, n=MAX_NAME))
        description = "\n\n".join(x for x in (f"Display date: {display}" if display else "", body) if x)
        description, clipped = _clip(description, MAX_TEXT)
        if clipped:
            self.warn(fields.get("text", line), _("event {label}: text shortened to {n:,} characters").format(label=label, n=MAX_TEXT))

        mid = uid if uid in wanted else ms_ids.make(title, start)
        ms: dict[str, Any] = {"id": mid, "title": title, "technology": lanes.get(group, "lane"), "when": when,
                              "status": STATUS}
        if description:
            ms["description"] = description

        records: list[tuple[str, dict]] = [("milestones", ms)]
        if url or credit:
            link = url if re.match(r"(?i)^https?://\S+$", url) and len(url) <= MAX_URL else None
            source: dict[str, Any] = {"id": src_ids.make(mid, "media"),
                                      "title": caption or credit or _clip(url, MAX_NAME)[0]}
            if credit:
                source["publisher"] = credit
            if link:
                source["url"] = link
            elif url:  # embedded HTML, a data: URI, another scheme: kept as text, never followed
                source["note"] = _clip("Media: " + one_line(url), MAX_TEXT)[0]
            records += [("sources", source),
                        ("claims", {"id": claim_ids.make(mid, "claim"), "statement": title, "source": source["id"],
                                    "supports": [mid]})]
        for section, rec in records:  # what the model would refuse leaves this event out, not the file
            try:
                _record_adapter(section).validate_python(rec)
            except ValidationError as exc:
                err = exc.errors(include_url=False)[0]
                what = ".".join(str(x) for x in err["loc"])
                self.warn(line, _("event {label} left out: {field}: {reason}").format(label=label, field=what, reason=err["msg"]))
                return

        if group not in lanes:
            lanes[group] = tech_ids.make(group, fallback="lane")
            sec["technologies"].append({"id": lanes[group], "name": group, "area": area_id})
            self.out.lines[("technologies", len(sec["technologies"]) - 1)] = fields.get("group", line)
        ms["technology"] = lanes[group]
        i = len(sec["milestones"])
        for key, src in (("when", "start_date"), ("title", "text"), ("description", "text"),
                         ("technology", "group")):
            if src in fields:
                self.out.lines[("milestones", i, key)] = fields[src]
        for section, rec in records:
            self.out.lines[(section, len(sec[section]))] = line if section == "milestones" else fields.get("media", line)
            sec[section].append(rec)


def read_timelinejs_json(data: dict, text: str) -> Converted:
    """A parsed TimelineJS JSON object (``text`` is its source, for lines)."""
    b = _Builder()
    loc = _JsonLocator(text)
    top = loc.keys(_WS.match(text, 0).end())
    if "events" not in data:
        return _read_timelinejs2(data["timeline"], loc, loc.keys(top["timeline"]) if "timeline" in top else {}, b)
    title = data.get("title")
    if isinstance(title, dict) and isinstance(title.get("text"), dict):
        b.title = _title(title["text"].get("headline"), b, loc.line(top["title"]) if "title" in top else 1)
    for key, target in (("events", b.events), ("eras", b.eras)):
        items = data.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            b.warn(loc.line(top[key]) if key in top else 1, _("{key} must be a list; it is left out").format(key=repr(key)))
            continue
        offsets = loc.items(top.get(key))
        for i, item in enumerate(items):
            pos = offsets[i] if i < len(offsets) else top.get(key, 0)
            fields = {k: loc.line(p) for k, p in loc.keys(pos).items()} if isinstance(item, dict) else {}
            target.append((item, loc.line(pos), fields))
    return b.finish()


def _title(headline: Any, b: _Builder, line: int) -> str:
    if headline is None or isinstance(headline, str):
        return one_line(headline or "")
    b.warn(line, _("the title's headline must be text, not {type}; the timeline has no title").format(type=_type_name(headline)))
    return ""


def _tl2_date(text: Any) -> Any:
    """TimelineJS 2 ``"2011,12,10"`` -> ``{"year": "2011", "month": "12", "day": "10"}``."""
    if not isinstance(text, (str, int)) or isinstance(text, bool):
        return text
    parts = [p.strip() for p in str(text).split(",")]
    return dict(zip(("year", "month", "day"), parts)) if str(text).strip() else None


def _read_timelinejs2(tl: dict, loc: _JsonLocator, keys: dict[str, int], b: _Builder) -> Converted:
    """The TimelineJS 2 form: ``timeline`` with ``headline``, ``date`` and ``era`` lists."""
    b.title = _title(tl.get("headline"), b, loc.line(keys["headline"]) if "headline" in keys else 1)
    for key, target in (("date", b.events), ("era", b.eras)):
        items = tl.get(key)
        if not isinstance(items, list):
            continue
        offsets = loc.items(keys.get(key))
        for i, item in enumerate(items):
            pos = offsets[i] if i < len(offsets) else keys.get(key, 0)
            raw = {k: loc.line(p) for k, p in loc.keys(pos).items()} if isinstance(item, dict) else {}
            fields = {new: raw[old] for old, new in (("startDate", "start_date"), ("endDate", "end_date"),
                                                     ("headline", "text"), ("tag", "group"), ("asset", "media"))
                      if old in raw}
            if isinstance(item, dict):
                asset = item.get("asset") if isinstance(item.get("asset"), dict) else {}
                item = {"start_date": _tl2_date(item.get("startDate")), "end_date": _tl2_date(item.get("endDate")),
                        "text": {"headline": item.get("headline"), "text": item.get("text")},
                        "group": item.get("tag"),
                        "media": {"url": asset.get("media"), "credit": asset.get("credit"),
                                  "caption": asset.get("caption")}}
            target.append((item, loc.line(pos), fields))
    return b.finish()


def read_timelinejs_csv(text: str) -> Converted:
    """Text of a CSV made from the TimelineJS spreadsheet template."""
    try:
        rows = read_rows(text)
    except CsvSyntaxError as exc:
        return Converted(errors=[(exc.line, str(exc))])
    b = _Builder()
    if not rows:
        return b.finish()
    header_line, header = rows[0]
    repeated = repeated_columns([c.strip().lower() for c in header])
    if repeated:  # one of the two values would be dropped silently
        return Converted(errors=[(header_line, repeated_message(name)) for name in repeated])
    cols = {c.strip().lower(): k for k, c in enumerate(header)}
    for line, cells in rows[1:]:
        def cell(name: str) -> str:
            k = cols.get(name.lower())
            return cells[k].strip() if k is not None and k < len(cells) else ""

        kind = cell("Type").lower()
        if kind == "title":
            b.title = b.title or one_line(cell("Headline"))
            continue
        item: dict[str, Any] = {
            "start_date": {"year": cell("Year"), "month": cell("Month"), "day": cell("Day")},
            "end_date": {"year": cell("End Year"), "month": cell("End Month"), "day": cell("End Day")},
            "display_date": cell("Display Date"),
            "text": {"headline": cell("Headline"), "text": cell("Text")},
            "group": cell("Group"),
            "media": {"url": cell("Media"), "credit": cell("Media Credit"), "caption": cell("Media Caption")},
        }
        (b.eras if kind == "era" else b.events).append((item, line, {}))
    return b.finish()
