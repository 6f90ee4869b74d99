"""Files in formats other than our own, recognised by content: TimelineJS
timelines (JSON and its spreadsheet template's CSV) and our CSV layouts.

The readers live in :mod:`nevroadmap.core.formats`; this module turns what
they return into a :class:`~nevroadmap.core.loader.document.Document` whose
records are then checked like any other file's, keeping the timeline's title,
what the import left out (warnings) and the problems found in cells.
"""

from __future__ import annotations

from typing import Any

from nevroadmap.core.formats import Converted
from nevroadmap.core.formats.detect import FOREIGN, convert, detect
from nevroadmap.core.i18n import _
from nevroadmap.core.loader.document import Document
from nevroadmap.core.loader.files import DATA_SUFFIXES
from nevroadmap.core.loader.problems import Problem, RoadmapError

__all__ = ["parse_by_content", "parse_timelinejs_json"]


def parse_by_content(text: str, suffix: str, shown: str) -> Document | None:
    """A CSV file or a file named otherwise, read in the format its content shows;
    None when it is our own JSON (the JSON parser reads it)."""
    fmt = detect(text, suffix)
    if not fmt:
        raise RoadmapError([Problem(shown, 1, _("unknown data file type {suffix}; use {suffixes}, "
                                                "or a TimelineJS JSON or CSV file").format(
            suffix=repr(suffix or "(none)"), suffixes=", ".join(DATA_SUFFIXES)))])
    if fmt in FOREIGN:
        return _document(shown, convert(fmt, text))
    return None


def parse_timelinejs_json(text: str, data: Any, shown: str) -> Document | None:
    """The document of parsed JSON that is a TimelineJS timeline, else None."""
    if detect(text, ".json", data) != "timelinejs-json":
        return None
    return _document(shown, convert("timelinejs-json", text, data))


def _document(shown: str, conv: Converted) -> Document:
    """A file another format's reader turned into our sections."""
    return Document(shown, conv.data, conv, name=conv.name,
                    warnings=tuple(Problem(shown, line, msg) for line, msg in conv.warnings),
                    problems=tuple(Problem(shown, line, msg) for line, msg in conv.errors))
