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


def parse(text: str, shown: str) -> tuple[Any, PathLines]:
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
