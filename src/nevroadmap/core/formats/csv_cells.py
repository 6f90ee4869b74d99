"""CSV rows with their line numbers, and cells a spreadsheet would run as formulas.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return as a formula (``=HYPERLINK(...)``, ``=cmd|...``).  On
writing, :func:`neutralise` puts a ``'`` before such a cell (spreadsheets show
the rest as text); :func:`restore` takes it off again.  A cell that already
starts with quotes followed by one of those characters gets one more quote,
so writing and reading back always gives the original text:
``=1`` <-> ``'=1``, ``'=1`` <-> ``''=1``, ``'x`` <-> ``'x``.
"""

from __future__ import annotations

import csv
import io
import re

from nevroadmap.core.i18n import _

__all__ = ["CsvSyntaxError", "neutralise", "restore", "read_rows", "write_rows", "repeated_columns", "repeated_message", "FORMULA_STARTS",
           "MAX_ROWS"]

# every row becomes a record (a milestone, a claim, an event) of ~2 KB on its way into the
# model: 1.9M small rows (under the 10M-value cap) ran out of memory; 500,000 rows is five
# times the 100,000-milestone benchmark
MAX_ROWS = 500_000

FORMULA_STARTS = "=+-@\t\r"
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED = re.compile(r"^'+[=+\-@\t\r]")


class CsvSyntaxError(ValueError):
    """Text that is not CSV (an unclosed quote, a huge cell), with the line where it fails."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        super().__init__(message)


def neutralise(cell: str) -> str:
    """The cell as written: a quote before anything a spreadsheet would run."""
    return "'" + cell if _NEEDS_QUOTE.match(cell) else cell


def restore(cell: str) -> str:
    """The text :func:`neutralise` was given (the inverse of it)."""
    return cell[1:] if cell[:1] == "'" and _QUOTED.match(cell) else cell


def _delimiter(text: str) -> str:
    """``,`` unless the header line uses ``;`` (spreadsheets in some locales) or tabs."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def read_rows(text: str) -> list[tuple[int, list[str]]]:
    """Every non-empty row with the line (from 1) it starts on; raises :class:`CsvSyntaxError`."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    out: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if any(c.strip() for c in row):
                if len(out) > MAX_ROWS:  # the header and MAX_ROWS data rows
                    raise CsvSyntaxError(start, _("more than {limit:,} rows; split the data over several files in "
                                                  "a folder").format(limit=MAX_ROWS))
                out.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CsvSyntaxError(start, _("invalid CSV: {error}").format(error=exc)) from None
    return out


def repeated_columns(names: list[str]) -> list[str]:
    """Header names (compared as given: callers strip and lower them) that appear more than once,
    in order: a repeated column would have one of its values dropped silently, so every CSV
    reader refuses it."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        if name in seen and name not in out and name:
            out.append(name)
        seen.add(name)
    return out


def repeated_message(name: str) -> str:
    return _("column {name} appears twice").format(name=repr(name))


_QUOTE_IF = re.compile(r'[",\r\n]')


def _quoted(cell: str) -> str:
    cell = neutralise(cell)
    return '"' + cell.replace('"', '""') + '"' if _QUOTE_IF.search(cell) else cell


def write_rows(rows: list[list[str]]) -> str:
    """CSV text: LF line ends, quotes where needed (also around a lone CR, which the
    ``csv`` module leaves bare when lines end in LF), every cell neutralised."""
    return "".join(",".join(map(_quoted, row)) + "\n" for row in rows)
