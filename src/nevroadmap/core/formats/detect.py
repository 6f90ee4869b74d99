"""Which format a data file is in, by its content (the file name only hints).

- a JSON object with an ``events`` list is a TimelineJS timeline (our format
  has no ``events`` section); any other JSON is ours;
- a CSV whose first row is the TimelineJS spreadsheet template's header is a
  TimelineJS timeline; any other CSV is read as one of our layouts (its header
  says which, or the reader says what is wrong with it);
- a file named otherwise (``timeline.txt``, a download without a suffix) is
  sniffed: JSON text starting with ``{`` as above, a first row of CSV
  column names of TimelineJS or ours as CSV; anything else is not a data file.

:func:`convert` runs the reader for the formats that are not our own.
"""

from __future__ import annotations

import json
from typing import Any

from nevroadmap.core.formats.csv_cells import CsvSyntaxError, read_rows, restore
from nevroadmap.core.formats.csv_table import csv_layout, read_csv
from nevroadmap.core.formats.result import Converted
from nevroadmap.core.formats.timelinejs import (is_timelinejs_header, is_timelinejs_json, read_timelinejs_csv,
                                                read_timelinejs_json)

__all__ = ["FOREIGN", "convert", "detect"]

FOREIGN = ("timelinejs-json", "timelinejs-csv", "csv")  # formats :func:`convert` reads
_NATIVE = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
_UNSET: Any = object()


def _first_row(text: str) -> list[str] | None:
    head = text[:65536]
    try:
        rows = read_rows(head if len(head) == len(text) else head.rsplit("\n", 1)[0])
    except CsvSyntaxError:
        return None
    return [restore(c) for c in rows[0][1]] if rows else None


def detect(text: str, suffix: str, data: Any = _UNSET) -> str:
    """``timelinejs-json``, ``timelinejs-csv``, ``csv``, ``json``, ``yaml``, ``toml``, or ``""`` (not a data file).

    ``data`` is the parsed JSON when the caller has it (so big files are parsed once).
    """
    suffix = suffix.lower()
    if suffix in _NATIVE:
        return _NATIVE[suffix]
    if data is _UNSET and (suffix == ".json" or text.lstrip()[:1] == "{"):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return "json" if suffix == ".json" else ""  # the JSON reader words the problem
    if data is not _UNSET:
        return "timelinejs-json" if is_timelinejs_json(data) else "json"
    header = _first_row(text)
    if header and is_timelinejs_header(header):
        return "timelinejs-csv"
    if suffix == ".csv" or (header and csv_layout(header)):
        return "csv"
    return ""


def convert(fmt: str, text: str, data: Any = None) -> Converted:
    """Read ``text`` (in one of :data:`FOREIGN`) into our sections."""
    if fmt == "timelinejs-json":
        return read_timelinejs_json(data if data is not None else json.loads(text), text)
    if fmt == "timelinejs-csv":
        return read_timelinejs_csv(text)
    if fmt == "csv":
        return read_csv(text)
    raise ValueError(f"not a format to convert: {fmt!r}")
