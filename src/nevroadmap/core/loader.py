"""Load a roadmap from a YAML/JSON/TOML file or a folder of them.

The loader never executes anything from a file: YAML is parsed with the safe
parser into plain nodes (tags that would construct objects and aliases are
refused), JSON and TOML with the standard library.  Every problem found is
collected as a :class:`Problem` with its file and line, and one
:class:`RoadmapError` holding them all is raised at the end.
"""

from __future__ import annotations

import bisect
import difflib
import gc
import json
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from json.decoder import scanstring
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from nevroadmap.core.formats import Converted
from nevroadmap.core.formats.detect import FOREIGN, convert, detect
from nevroadmap.core.model import SECTIONS, Roadmap

__all__ = ["Problem", "RoadmapError", "load", "bundled_data_path", "DATA_SUFFIXES", "MAX_FILE_BYTES"]

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".csv")
MAX_FILE_BYTES = 128 * 1024 * 1024
# about twice the 100,000-milestone benchmark file: a cheap byte count stops junk such as
# 20 MB of "[0,0,0,..." before a parser turns it into gigabytes of objects
MAX_VALUES = 10_000_000
MAX_PROBLEMS = 1000  # stop validating after this many (a junk file would give millions)
MAX_DEPTH = 64

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a data file, with where it is."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:  # about a whole file or folder
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class RoadmapError(Exception):
    """A dataset that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' * (n != 1)}:\n" + "\n".join(map(str, self.problems)))


# -- locations ---------------------------------------------------------------
@dataclass
class _Doc:
    """One parsed file: plain data plus the line of every path in it."""

    file: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    text: str | None = None  # kept for late location lookup (JSON/TOML)
    name: str = ""  # an imported timeline's title
    warnings: tuple[str, ...] = ()  # what an import left out ("file:line: message")
    problems: tuple[Problem, ...] = ()  # an import's problems in cells (its records are still checked)

    def line_of(self, path: tuple) -> int:
        if self.text is not None:  # JSON: located lazily
            if not isinstance(self.lines, _JsonLines):
                self.lines = _JsonLines(self.text)  # type: ignore[assignment]
            return self.lines.line_of(path)  # type: ignore[attr-defined]
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\],\n]|[^\s,:\[\]{}"]+')
_JSON_WS = re.compile(r"[ \t\n\r]*")
_JSON_DECODER = json.JSONDecoder()


def _json_token_lines(text: str) -> dict[tuple, int]:
    """Line (from 1) of every path in a small piece of valid JSON text."""
    lines: dict[tuple, int] = {}
    line = 1
    stack: list[list] = []  # frames: [path, is_object, index, expecting a key]
    pending: tuple | None = ()  # path of the value that starts next
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        c = tok[0]
        if c == "\n":
            line += 1
        elif c == ",":
            top = stack[-1]
            if top[1]:
                top[3] = True
            else:
                top[2] += 1
                pending = top[0] + (top[2],)
        elif c == "}" or c == "]":
            stack.pop()
            pending = None
        elif c == '"' and stack and stack[-1][1] and stack[-1][3]:  # a key
            top = stack[-1]
            top[3] = False
            pending = top[0] + (json.loads(tok) if "\\" in tok else tok[1:-1],)
            lines.setdefault(pending, line)
        else:  # a value starts
            if pending is not None:
                lines.setdefault(pending, line)
            if c == "{" or c == "[":
                stack.append([pending if pending is not None else (), c == "{", 0, True])
                pending = stack[-1][0] + (0,) if c == "[" else None
            else:
                pending = None
    return lines


class _JsonLines:
    """Lines of paths in valid JSON text, found only when a problem needs them.

    The C scanner skips whole values, so finding a section is one fast pass;
    a section's records are delimited only up to the one asked for, and a
    record's inner paths are tokenised only when asked.
    """

    _ERRORS = (ValueError, IndexError, StopIteration, RecursionError)

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: dict[str, int] = {}  # section -> offset of its value
        self.records: dict[str, list[tuple[int, int]]] = {}  # section -> (start, end) of records so far
        self.cursor: dict[str, int] = {}  # section -> offset of its next undelimited record
        self.inner: dict[tuple, dict[tuple, int]] = {}
        self.newlines: list[int] | None = None
        self.top = 0
        try:
            self._index()
        except self._ERRORS:
            pass  # keep what was found; the rest falls back to outer paths

    def _index(self) -> None:
        text, ws, scan = self.text, _JSON_WS.match, _JSON_DECODER.scan_once
        i = self.top = ws(text, 0).end()
        if text[i] != "{":
            return
        i = ws(text, i + 1).end()
        while text[i] == '"':
            key, i = scanstring(text, i + 1)
            i = ws(text, ws(text, i).end() + 1).end()  # past ':'
            self.sections[key] = i
            _, i = scan(text, i)
            i = ws(text, i).end()
            if text[i] != ",":
                return
            i = ws(text, i + 1).end()

    def _record(self, section: str, n: int) -> tuple[int, int] | None:
        spans = self.records.setdefault(section, [])
        if n < len(spans):
            return spans[n]
        text, ws, scan = self.text, _JSON_WS.match, _JSON_DECODER.scan_once
        pos = self.cursor.get(section)
        if pos is None:
            start = self.sections.get(section)
            if start is None or text[start] != "[":
                return None
            pos = ws(text, start + 1).end()
        try:
            while len(spans) <= n and text[pos] != "]":
                _, end = scan(text, pos)
                spans.append((pos, end))
                pos = ws(text, end).end()
                if text[pos] == ",":
                    pos = ws(text, pos + 1).end()
        except self._ERRORS:
            pos = len(text)
        self.cursor[section] = pos
        return spans[n] if n < len(spans) else None

    def _line_at(self, pos: int) -> int:
        if self.newlines is None:
            self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        return bisect.bisect_left(self.newlines, pos) + 1

    def line_of(self, path: tuple) -> int:
        span = self._record(path[0], path[1]) if len(path) >= 2 and isinstance(path[1], int) else None
        if span is not None:
            inner = self.inner.get(path[:2])
            if inner is None:
                inner = self.inner[path[:2]] = _json_token_lines(self.text[span[0]:span[1]])
            rest = path[2:]
            while rest and rest not in inner:
                rest = rest[:-1]
            return self._line_at(span[0]) + inner.get(rest, 1) - 1
        if path and path[0] in self.sections:
            return self._line_at(self.sections[path[0]])
        return self._line_at(self.top)


class _Refused(Exception):
    pass


def _node_to_data(node: yaml.Node, path: tuple, lines: dict, file: str, problems: list, depth: int = 0) -> Any:
    """Turn a composed YAML node into plain data, recording lines.

    Scalars stay text (pydantic converts them), so ``when: 2027`` and
    ``said: 2025-09-28`` keep the text the author wrote.
    """
    if depth > MAX_DEPTH:
        problems.append(Problem(file, node.start_mark.line + 1, f"nesting deeper than {MAX_DEPTH} levels"))
        raise _Refused
    lines[path] = node.start_mark.line + 1
    if node.tag not in _SAFE_TAGS:
        problems.append(Problem(file, node.start_mark.line + 1,
                                f"YAML tag {node.tag!r} is not allowed (data files hold plain data only)"))
        raise _Refused
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                problems.append(Problem(file, knode.start_mark.line + 1, "a key must be plain text"))
                continue
            key = knode.value
            if key in out:
                problems.append(Problem(file, knode.start_mark.line + 1, f"key {key!r} appears twice in one record"))
            out[key] = _node_to_data(vnode, path + (key,), lines, file, problems, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_data(v, path + (i,), lines, file, problems, depth + 1) for i, v in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _check_no_aliases(text: str, file: str) -> None:
    """Refuse anchors and aliases before composing: they are what alias bombs use."""
    if "&" not in text and "*" not in text:
        return  # no anchor or alias can be written without these: skip a whole extra parse
    for event in yaml.parse(text, Loader=_YAML_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise RoadmapError([Problem(file, event.start_mark.line + 1,
                                        "YAML anchors and aliases (&, *) are not allowed in data files")])


def _yaml_error(exc: yaml.YAMLError, file: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    ctx = getattr(exc, "context", None)
    return Problem(file, line, f"invalid YAML: {what}" + (f" ({ctx})" if ctx else ""))


def _read_text(path: Path, shown: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RoadmapError([Problem(shown, 1, f"file is {size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")])
        raw = path.read_bytes()
    except OSError as exc:
        raise RoadmapError([Problem(shown, 1, f"cannot read file: {exc.strerror or exc}")]) from None
    if b"\x00" in raw[:8192]:
        raise RoadmapError([Problem(shown, 1, "this is a binary file, not a text data file")])
    values = _count_values(raw, path.suffix)
    if values > MAX_VALUES:
        raise RoadmapError([Problem(shown, 1, f"file holds about {values:,} values; the limit is {MAX_VALUES:,}: "
                                              "split the data over several files in a folder")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RoadmapError([Problem(shown, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the file as UTF-8")]) from None
    return text


def _count_values(raw: bytes, suffix: str) -> int:
    """A cheap upper bound on the values in a file (each follows one of these bytes)."""
    marks = (b",", b":", b"[") if suffix.lower() == ".json" else (b",", b":", b"[", b"-", b"=")
    return sum(raw.count(m) for m in marks)


def _parse_file(path: Path, shown: str) -> _Doc:
    text = _read_text(path, shown)
    if not text.strip():
        raise RoadmapError([Problem(shown, 1, "the file is empty")])
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".toml"):  # CSV, or a file named otherwise: by content
        fmt = detect(text, suffix)
        if not fmt:
            raise RoadmapError([Problem(shown, 1, f"unknown data file type {path.suffix or '(none)'!r}; use "
                                                  f"{', '.join(DATA_SUFFIXES)}, or a TimelineJS JSON or CSV file")])
        if fmt in FOREIGN:
            return _converted(shown, convert(fmt, text))
        suffix = "." + fmt
    if suffix == ".json":
        try:
            data = json.loads(text)
            if detect(text, suffix, data) == "timelinejs-json":
                return _converted(shown, convert("timelinejs-json", text, data))
            return _Doc(shown, data, text=text)
        except json.JSONDecodeError as exc:
            raise RoadmapError([Problem(shown, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")]) from None
        except RecursionError:
            raise RoadmapError([Problem(shown, 1, "invalid JSON: nested too deeply")]) from None
    if suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None) or _toml_line(str(exc))
            raise RoadmapError([Problem(shown, line, f"invalid TOML: {str(exc).split(' (at')[0]}")]) from None
        return _Doc(shown, data, lines=_toml_lines(text, data))
    try:
        _check_no_aliases(text, shown)
        node = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RoadmapError([_yaml_error(exc, shown)]) from None
    except RecursionError:
        raise RoadmapError([Problem(shown, 1, "invalid YAML: nested too deeply")]) from None
    if node is None:
        raise RoadmapError([Problem(shown, 1, "the file holds no data (only comments?)")])
    problems: list[Problem] = []
    lines: dict[tuple, int] = {}
    try:
        data = _node_to_data(node, (), lines, shown, problems)
    except _Refused:
        data = None
    if problems:
        raise RoadmapError(problems)
    return _Doc(shown, data, lines=lines)


def _converted(shown: str, conv: Converted) -> _Doc:
    """A file another format's reader turned into our sections."""
    return _Doc(shown, conv.data, lines=conv.lines, name=conv.name,
                warnings=tuple(str(Problem(shown, line, msg)) for line, msg in conv.warnings),
                problems=tuple(Problem(shown, line, msg) for line, msg in conv.errors))


def _toml_line(msg: str) -> int:
    import re

    m = re.search(r"line (\d+)", msg)
    return int(m.group(1)) if m else 1


def _toml_lines(text: str, data: Any) -> dict[tuple, int]:
    """Approximate lines for TOML arrays of tables (``[[milestones]]``)."""
    lines: dict[tuple, int] = {(): 1}
    counters: dict[str, int] = {}
    current: tuple = ()
    for no, raw in enumerate(text.splitlines(), 1):
        s = raw.strip()
        if s.startswith("[[") and s.endswith("]]"):
            name = s[2:-2].strip()
            i = counters.get(name, 0)
            counters[name] = i + 1
            current = (name, i)
            lines.setdefault((name,), no)
            lines[current] = no
        elif "=" in s and current and not s.startswith("#"):
            key = s.split("=", 1)[0].strip().strip('"')
            lines[current + (key,)] = no
    return lines


# -- validation --------------------------------------------------------------
def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _describe(err: dict, model: type) -> str:
    loc = [str(x) for x in err["loc"] if not isinstance(x, int)]
    name = ".".join(loc) if loc else ""
    kind = err["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # models / dataclass records
        parent_fields = _fields_at(model, err["loc"][:-1])
        return f"unknown field {name.split('.')[-1]!r}{_suggest(err['loc'][-1], parent_fields)}; valid fields: {', '.join(parent_fields)}"
    if kind == "missing":
        return f"missing required field {name!r}"
    msg = err["msg"]
    if kind == "value_error" and msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if kind == "enum":
        got = err.get("input")
        return f"{name}: {str(got)[:80]!r} is not one of {err.get('ctx', {}).get('expected', '')}{_suggest(got, [e.value for e in _enum_at(model, err['loc'])])}"
    return f"{name}: {msg}" if name else msg


def _fields_at(model: type, loc: tuple) -> list[str]:
    from typing import get_args

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            break
        ann = info.annotation
        nested = [a for a in (get_args(ann) or (ann,)) if isinstance(a, type) and hasattr(a, "model_fields")]
        for a in get_args(ann):
            nested += [b for b in get_args(a) if isinstance(b, type) and hasattr(b, "model_fields")]
        if nested:
            current = nested[0]
    return list(getattr(current, "model_fields", {}))


def _enum_at(model: type, loc: tuple) -> list:
    from enum import Enum

    info = model.model_fields.get(loc[0]) if loc else None
    ann = info.annotation if info else None
    return list(ann) if isinstance(ann, type) and issubclass(ann, Enum) else []


_ADAPTERS: dict[str, TypeAdapter] = {}


def _adapter(section: str) -> TypeAdapter:
    if section not in _ADAPTERS:
        _ADAPTERS[section] = TypeAdapter(list[SECTIONS[section]])
    return _ADAPTERS[section]


_CHUNK = 20_000
_NOUNS = {"people": "person", "technologies": "technology"}  # section -> one record


def _validate_section(doc: _Doc, section: str, items: Any, problems: list[Problem], base: int = 0) -> list:
    model = SECTIONS[section]
    if not isinstance(items, list):
        problems.append(Problem(doc.file, doc.line_of((section,)), f"{section!r} must be a list of records"))
        return []
    if len(items) > _CHUNK:  # bounded memory for pydantic's errors on junk
        good = []
        for k in range(0, len(items), _CHUNK):
            if len(problems) >= MAX_PROBLEMS:
                break
            part = _validate_section(doc, section, items[k:k + _CHUNK], problems, k)
            good += part
        return good
    try:
        return _adapter(section).validate_python(items)
    except ValidationError as exc:
        bad: set[int] = set()
        for err in exc.errors(include_url=False):
            loc = err["loc"]
            index = loc[0] if loc and isinstance(loc[0], int) else None
            inner = tuple(loc[1:]) if index is not None else tuple(loc)
            if index is not None:
                bad.add(index)
            path = (section, base + index) + inner if index is not None else (section,)
            err = dict(err, loc=inner)
            if not inner and err["type"] in ("model_type", "dataclass_type", "dict_type"):
                message = f"each entry of {section!r} must be a mapping of fields"
            else:
                message = _describe(err, model)
            rid = items[index].get("id") if index is not None and isinstance(items[index], dict) else None
            where = f"{_NOUNS.get(section, section[:-1])} {rid!r}: " if isinstance(rid, str) else ""
            problems.append(Problem(doc.file, doc.line_of(path), where + message))
        good = []
        for i, item in enumerate(items):
            if i in bad:
                continue
            good.append(model.model_validate(item))
        return good


def _check_references(records: dict[str, list], where: dict[tuple[str, str], tuple[_Doc, tuple]], problems: list[Problem],
                      present: Iterable[tuple[str, str]] = ()) -> None:
    ids = {sec: {r.id for r in recs} for sec, recs in records.items()}
    for sec, rid in present:  # records with problems of their own: no second "unknown id" for them
        ids[sec].add(rid)

    def check(section: str, rec: Any, fld: str, target: str, value: str | None, index: int | None = None) -> None:
        if value is None or value in ids[target]:
            return
        if len(problems) > MAX_PROBLEMS:  # already too many to read; skip the lookups
            return
        doc, path = where[(section, rec.id)]
        sub = path + (fld,) + ((index,) if index is not None else ())
        noun = {"organizations": "organization", "people": "person", "technologies": "technology",
                "milestones": "milestone", "sources": "source", "areas": "area"}[target]
        problems.append(Problem(doc.file, doc.line_of(sub),
                                f"{fld}: unknown {noun} id {value!r}{_suggest(value, ids[target])}"))

    for o in records["organizations"]:
        check("organizations", o, "parent", "organizations", o.parent)
    for p in records["people"]:
        check("people", p, "organization", "organizations", p.organization)
    for t in records["technologies"]:
        check("technologies", t, "area", "areas", t.area)
    for m in records["milestones"]:
        check("milestones", m, "technology", "technologies", m.technology)
        for i, org in enumerate(m.organizations):
            check("milestones", m, "organizations", "organizations", org, i)
    for c in records["claims"]:
        check("claims", c, "speaker", "people", c.speaker)
        check("claims", c, "organization", "organizations", c.organization)
        check("claims", c, "source", "sources", c.source)
        for i, mid in enumerate(c.supports):
            check("claims", c, "supports", "milestones", mid, i)


def _data_files(path: Path) -> list[Path]:
    try:
        return _find_data_files(path)
    except OSError as exc:  # a name too long, a folder that cannot be listed, ...
        raise RoadmapError([Problem(str(path)[:200], 0, f"cannot open: {exc.strerror or exc}")]) from None


def _find_data_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = []
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]  # never walk .git, .venv, ...
            files += [Path(folder) / n for n in names
                      if not n.startswith(".") and Path(n).suffix.lower() in DATA_SUFFIXES]
        files = sorted(f for f in files if f.is_file())
        if not files:
            raise RoadmapError([Problem(str(path), 0, f"the folder holds no data files ({', '.join(DATA_SUFFIXES)})")])
        return files
    if not path.exists():
        raise RoadmapError([Problem(str(path), 0, "no such file or folder")])
    if not path.is_file():  # a pipe or device would block or never end
        raise RoadmapError([Problem(str(path), 0, "not a regular file")])
    return [path]


def _shown_name(p: Path) -> str:
    try:
        rel = os.path.relpath(p)
        return rel if not rel.startswith("..") else str(p)
    except ValueError:
        return str(p)


# -- fast path for valid JSON ----------------------------------------------
_DOC_ADAPTER: TypeAdapter | None = None


def _doc_adapter() -> TypeAdapter:
    global _DOC_ADAPTER
    if _DOC_ADAPTER is None:
        from typing_extensions import TypedDict

        from typing import Annotated

        from pydantic import Field

        # fail_fast: on junk (millions of bad records) stop at the first, not build millions of errors
        fields = {name: Annotated[list[model], Field(fail_fast=True)] | None for name, model in SECTIONS.items()}
        doc = TypedDict("_JsonDataFile", fields, total=False)  # type: ignore[operator]
        doc.__pydantic_config__ = {"extra": "forbid"}  # type: ignore[attr-defined]
        _DOC_ADAPTER = TypeAdapter(doc)
    return _DOC_ADAPTER


def _load_json_fast(root: Path, files: list[Path]) -> Roadmap | None:
    """Valid JSON straight from bytes to models (no dict tree, no line map).

    Returns None at the first sign of trouble; :func:`load` then runs the
    full path, which finds and words every problem.  On success the result is
    the same as the full path's.
    """
    records: dict[str, list] = {sec: [] for sec in SECTIONS}
    for f in files:
        try:
            if f.stat().st_size > MAX_FILE_BYTES:
                return None
            raw = f.read_bytes()
        except OSError:
            return None
        # one pass instead of _count_values' three: past the first, every JSON value is
        # preceded by a comma or sits a level deeper (depth is capped by the parser), so
        # 2 * commas bounds the values; anything near the cap goes to the careful path
        if b"\x00" in raw[:8192] or 2 * raw.count(b",") > MAX_VALUES:
            return None
        try:
            # strict skips lax coercions (~7 % faster); anything that needs one, such as
            # "400" for a number, fails here and is then accepted by the full path
            data = _doc_adapter().validate_json(raw, strict=True)
        except (ValidationError, ValueError, RecursionError):
            return None
        for section, items in data.items():
            if items:
                records[section].extend(items)
    if not _ids_and_references_ok(records):
        return None
    return Roadmap.model_construct(origin=str(root), **{k: tuple(v) for k, v in records.items()})


def _ids_and_references_ok(records: dict[str, list]) -> bool:
    """No duplicate ids and every reference resolves: what :func:`_check_references`
    checks, as set operations (the full path words any problem)."""
    ids = {sec: {r.id for r in recs} for sec, recs in records.items()}
    if any(len(ids[sec]) != len(recs) for sec, recs in records.items()):
        return False
    orgs, ms, cs = records["organizations"], records["milestones"], records["claims"]
    checks = (
        ({o.parent for o in orgs}, "organizations"),
        ({p.organization for p in records["people"]}, "organizations"),
        ({t.area for t in records["technologies"]}, "areas"),
        ({m.technology for m in ms}, "technologies"),
        ({o for m in ms for o in m.organizations}, "organizations"),
        ({c.speaker for c in cs}, "people"),
        ({c.organization for c in cs}, "organizations"),
        ({c.source for c in cs}, "sources"),
        ({mid for c in cs for mid in c.supports}, "milestones"),
    )
    for values, target in checks:
        values.discard(None)
        if not values <= ids[target]:
            return False
    return True


def load(path: str | os.PathLike | None = None) -> Roadmap:
    """Load and check a dataset; raise :class:`RoadmapError` listing every problem."""
    root = Path(path) if path is not None else bundled_data_path()
    files = _data_files(root)
    # a big dataset makes ~10**6 objects: the cyclic GC would rescan them over
    # and over while they are built (3x the load time); none of them are cycles
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        roadmap = None
        if all(f.suffix.lower() == ".json" for f in files):
            roadmap = _load_json_fast(root, files)
        if roadmap is None:
            roadmap = _load_checked(root, files)
        # The records live as long as the dataset is shown and hold no cycles:
        # move them out of the cyclic GC's sight, or its next full passes over
        # ~10**6 young objects make every later step (index, layout) 3x slower.
        # Refcounting still frees them when the dataset is dropped.
        gc.freeze()
        return roadmap
    finally:
        if gc_was_on:
            gc.enable()


def _load_checked(root: Path, files: list[Path]) -> Roadmap:
    """The full path: parse with line numbers, validate, collect every problem."""
    problems: list[Problem] = []
    docs: list[_Doc] = []
    for f in files:
        try:
            docs.append(_parse_file(f, _shown_name(f)))
            problems.extend(docs[-1].problems)
        except RoadmapError as exc:
            problems.extend(exc.problems)

    records: dict[str, list] = {sec: [] for sec in SECTIONS}
    where: dict[tuple[str, str], tuple[_Doc, tuple]] = {}
    # where each id was first seen; lines are looked up only for a duplicate,
    # so a valid JSON file never pays for the location pass
    seen_ids: dict[tuple[str, str], tuple[_Doc, int]] = {}
    for doc in docs:
        if not isinstance(doc.data, dict):
            problems.append(Problem(doc.file, doc.line_of(()),
                                    f"the file must be a mapping with sections such as {', '.join(SECTIONS)}"))
            continue
        for section, items in doc.data.items():
            if section not in SECTIONS:
                problems.append(Problem(doc.file, doc.line_of((section,)),
                                        f"unknown section {section!r}{_suggest(section, SECTIONS)}; valid sections: {', '.join(SECTIONS)}"))
                continue
            if items is None:
                continue
            if isinstance(items, list):
                for i, it in enumerate(items):
                    rid = it.get("id") if isinstance(it, dict) else None
                    if not isinstance(rid, str):
                        continue
                    first_doc, first_i = seen_ids.setdefault((section, rid), (doc, i))
                    if first_doc is not doc or first_i != i:
                        here = (doc.file, doc.line_of((section, i, "id")))
                        first = (first_doc.file, first_doc.line_of((section, first_i, "id")))
                        problems.append(Problem(*here, f"duplicate id {rid!r} in {section} (first defined at {first[0]}:{first[1]})"))
            good = _validate_section(doc, section, items, problems)
            if not isinstance(items, list):  # reported by _validate_section
                continue
            # map each valid record back to its place for reference errors
            if len(good) == len(items):
                pairs = zip(range(len(items)), good)
            else:
                pos = {it.get("id"): i for i, it in enumerate(items) if isinstance(it, dict)}
                pairs = ((pos.get(r.id, 0), r) for r in good)
            for i, rec in pairs:
                key = (section, rec.id)
                if key in where:  # a duplicate, reported above
                    continue
                where[key] = (doc, (section, i))
                records[section].append(rec)

    if len(problems) < MAX_PROBLEMS:
        _check_references(records, where, problems, seen_ids)
    if len(problems) > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS] + [Problem(str(root), 0, f"more than {MAX_PROBLEMS} problems: "
                                                                  "only the first are listed")]
    if problems:
        raise RoadmapError(problems)
    return Roadmap.model_construct(origin=str(root), name=next((d.name for d in docs if d.name), ""),
                                   warnings=tuple(w for d in docs for w in d.warnings),
                                   **{k: tuple(v) for k, v in records.items()})


def bundled_data_path() -> Path:
    """The dataset shipped with the app (in the wheel, or the repo's data/ in a checkout)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_bundled" / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def bundled_resources_path() -> Path:
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_bundled" / "resources"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "resources"
