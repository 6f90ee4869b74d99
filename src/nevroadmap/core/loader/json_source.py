"""JSON data files: parsed by the standard library; lines are found only when a
problem needs one (a valid file never pays for a line map)."""

from __future__ import annotations

import bisect
import json
import re
import sys
from json.decoder import scanstring
from typing import Any

from nevroadmap.core.i18n import _
from nevroadmap.core.loader.problems import Problem, RoadmapError, quoted

__all__ = ["parse", "JsonLines", "huge_number_problem", "repeated_key_problems"]


def _keep_pairs(repeated: list) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict:
        out = dict(pairs)
        if len(out) != len(pairs):
            repeated.append(True)
        return out
    return hook


def _note_repeats(repeated: list) -> Any:
    """An object hook that only notes a repeated key and keeps nothing: the check holds no tree
    (a 67 MB file's tree would be some 600 MB)."""
    def hook(pairs: list[tuple[str, Any]]) -> None:
        if len(pairs) > 1 and len({key for key, _value in pairs}) != len(pairs):
            repeated.append(True)
    return hook


def repeated_key_problems(text: str, shown: str) -> list[Problem]:
    """A problem for every key given twice in one object of a JSON file that parsed (for
    ``validate``: the fast reader keeps the last value, as JSON parsers do)."""
    repeated: list = []
    try:
        json.loads(text, object_pairs_hook=_note_repeats(repeated))
    except (ValueError, RecursionError):
        return []  # not valid JSON: the careful path has words for it
    return _repeated(text, shown) if repeated else []


def _repeated(text: str, shown: str) -> list[Problem]:
    return [Problem(shown, line, (_("section {key} is given twice: put all its records in one list") if top
                                  else _("key {key} appears twice in one record")).format(key=quoted(key)))
            for line, key, top in repeated_keys(text)]


def parse(text: str, shown: str) -> tuple[Any, "JsonLines"]:
    repeated: list = []
    try:
        data = json.loads(text, object_pairs_hook=_keep_pairs(repeated))
    except json.JSONDecodeError as exc:
        raise RoadmapError([Problem(shown, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")]) from None
    except RecursionError:
        raise RoadmapError([Problem(shown, 1, _("invalid JSON: nested too deeply"))]) from None
    except ValueError:  # a number Python will not convert (more than 4,300 digits)
        raise RoadmapError([huge_number_problem(text, shown, "JSON")]) from None
    if repeated:  # JSON keeps the last of a repeated key without a word: here it is a problem
        raise RoadmapError(_repeated(text, shown))
    return data, JsonLines(text)


def repeated_keys(text: str) -> list[tuple[int, str, bool]]:
    """(line, key, at the top level) of every key given a second time in one JSON object (valid JSON text)."""
    out: list[tuple[int, str, bool]] = []
    line = 1
    stack: list[list] = []  # frames: [keys seen or None for an array, expecting a key]
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        c = tok[0]
        if c == "\n":
            line += 1
        elif c == "{":
            stack.append([set(), True])
        elif c == "[":
            stack.append([None, False])
        elif c == "}" or c == "]":
            stack.pop()
        elif c == ",":
            if stack and stack[-1][0] is not None:
                stack[-1][1] = True
        elif c == '"' and stack and stack[-1][1]:
            stack[-1][1] = False
            key = json.loads(tok)
            if key in stack[-1][0]:
                out.append((line, key, len(stack) == 1))
            stack[-1][0].add(key)
    return out


_HUGE_NUMBER = re.compile(r"\d{%d,}" % (sys.get_int_max_str_digits() or 4300))


def huge_number_problem(text: str, shown: str, kind: str) -> Problem:
    """The problem for a number too long to read, on its line."""
    m = _HUGE_NUMBER.search(text)
    line = text.count("\n", 0, m.start()) + 1 if m else 1
    return Problem(shown, line, _("invalid {kind}: a number with more than {n} digits").format(
        kind=kind, n=sys.get_int_max_str_digits() or 4300))


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


class JsonLines:
    """Lines of paths in valid JSON text, found only when a problem needs them.

    The C scanner skips whole values, so finding a section is one fast pass;
    a section's records are delimited only up to the one asked for, and a
    record's inner paths are tokenised only when asked.
    """

    _ERRORS = (ValueError, IndexError, StopIteration, RecursionError)

    def __init__(self, text: str) -> None:
        self.text = text
        self._indexed = False
        self.sections: dict[str, int] = {}  # section -> offset of its value
        self.records: dict[str, list[tuple[int, int]]] = {}  # section -> (start, end) of records so far
        self.cursor: dict[str, int] = {}  # section -> offset of its next undelimited record
        self.inner: dict[tuple, dict[tuple, int]] = {}
        self.newlines: list[int] | None = None
        self.top = 0

    def _ensure_index(self) -> None:
        if self._indexed:
            return
        self._indexed = True
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
        self._ensure_index()
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
