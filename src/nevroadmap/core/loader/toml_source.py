"""TOML data files: parsed by the standard library, lines found by a scan of
the ``[[section]]`` headers and ``key =`` lines."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from nevroadmap.core.loader.document import PathLines
from nevroadmap.core.i18n import _
from nevroadmap.core.loader.json_source import huge_number_problem
from nevroadmap.core.loader.problems import Problem, RoadmapError

__all__ = ["parse"]


MAX_KEY_PARTS = 64  # a.b.c... beyond this is refused before tomllib (20,000 parts cost it 1.6 GB)
# strings and comments (whose dots are not key dots), then runs of key characters and dots
_STRINGS_COMMENTS = re.compile(r'''"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*''')
_KEY_RUN = re.compile(r"[A-Za-z0-9_\-. \t]+")


def _check_key_depth(text: str, shown: str) -> None:
    """Refuse a dotted key (or table header) of more than MAX_KEY_PARTS parts: a linear scan
    of the text with strings and comments blanked out, so tomllib never builds the nesting."""
    if text.count(".") <= MAX_KEY_PARTS:
        return
    bare = _STRINGS_COMMENTS.sub(lambda m: "" if m.group().startswith("#") else "s" + "\n" * m.group().count("\n"), text)
    for m in _KEY_RUN.finditer(bare):
        dots = m.group().count(".")
        if dots >= MAX_KEY_PARTS:
            line = bare.count("\n", 0, m.start()) + 1
            raise RoadmapError([Problem(shown, line, _("a dotted key of {n:,} parts: nested too deep (the limit is {limit})").format(
                n=dots + 1, limit=MAX_KEY_PARTS))])


def parse(text: str, shown: str) -> tuple[Any, PathLines]:
    _check_key_depth(text, shown)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _error_line(str(exc))
        raise RoadmapError([Problem(shown, line, f"invalid TOML: {str(exc).split(' (at')[0]}")]) from None
    except RecursionError:
        raise RoadmapError([Problem(shown, 1, _("invalid TOML: nested too deeply"))]) from None
    except ValueError:  # a number Python will not convert (more than 4,300 digits)
        raise RoadmapError([huge_number_problem(text, shown, "TOML")]) from None
    return data, _lines(text)


def _error_line(msg: str) -> int:
    m = re.search(r"line (\d+)", msg)
    return int(m.group(1)) if m else 1


def _lines(text: str) -> PathLines:
    """Approximate lines for TOML arrays of tables (``[[milestones]]``)."""
    lines = PathLines({(): 1})
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
