"""One parsed data file: its plain data and where each path in it is.

:func:`parse_file` reads a file and hands it to the parser of its format
(:mod:`.yaml_source`, :mod:`.json_source`, :mod:`.toml_source`, or for
CSV and TimelineJS files, recognised by content, :mod:`.imported_source`);
each gives a :class:`Document` whose ``lines`` answer "which line is this
path on?".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from nevroadmap.core.loader.files import one_line_end, read_text
from nevroadmap.core.loader.problems import Problem, RoadmapError

__all__ = ["Document", "LineMap", "PathLines", "parse_file"]


class LineMap(Protocol):
    def line_of(self, path: tuple) -> int: ...


class PathLines(dict):
    """Lines recorded while parsing: path -> line; a path not recorded gets its
    nearest recorded parent's line."""

    def line_of(self, path: tuple) -> int:
        while path:
            if path in self:
                return self[path]
            path = path[:-1]
        return self.get((), 1)


@dataclass
class Document:
    """One parsed file: plain data plus the line of every path in it."""

    file: str
    data: Any
    lines: LineMap
    name: str = ""  # an imported timeline's title
    warnings: tuple[Problem, ...] = ()  # what an import left out (the rest is used)
    problems: tuple[Problem, ...] = ()  # an import's problems in cells (its records are still checked)

    def line_of(self, path: tuple) -> int:
        return self.lines.line_of(path)


def parse_file(path: Path, shown: str) -> Document:
    """Read and parse one data file; raise :class:`RoadmapError` if it cannot be."""
    text = read_text(path, shown)
    if not text.strip():
        raise RoadmapError([Problem(shown, 1, "the file is empty")])
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".toml"):  # CSV, or a file named otherwise: by content
        from nevroadmap.core.loader import imported_source

        doc = imported_source.parse_by_content(text, path.suffix, shown)
        if doc is not None:
            return doc
        suffix = ".json"  # our own JSON in a file named otherwise
    text = one_line_end(text)
    if suffix == ".json":
        from nevroadmap.core.loader import json_source as parser
    elif suffix == ".toml":
        from nevroadmap.core.loader import toml_source as parser  # type: ignore[no-redef]
    else:
        from nevroadmap.core.loader import yaml_source as parser  # type: ignore[no-redef]
    data, lines = parser.parse(text, shown)
    if suffix == ".json":  # a TimelineJS timeline is JSON too: told apart by its content
        from nevroadmap.core.loader import imported_source

        doc = imported_source.parse_timelinejs_json(text, data, shown)
        if doc is not None:
            return doc
    return Document(shown, data, lines)
