"""Data text made safe to show where it could pass for something else.

One rule for every text surface outside Qt (terminal tables, problems, CSV,
JSON on a terminal):

* :func:`visible` writes control characters (C0, DEL, C1), bidirectional
  overrides and isolates, and line/paragraph separators as visible escapes
  (``\\n``, ``\\x1b``, ``\\u202e``), so a value can neither forge a line nor
  drive the terminal, and caps its length with "…";
* :func:`quoted` is the same inside quotes, for a value quoted in a message;
* :func:`cell` is :func:`visible` for a spreadsheet cell: a cell that starts
  like a formula (``= + - @``, tab, CR) gets a leading apostrophe;
* :func:`json_terminal_safe` escapes, in JSON text, what ``json.dumps`` leaves
  raw (DEL, C1, bidi controls) as ``\\uXXXX`` - still the same JSON value.
"""

from __future__ import annotations

import re

__all__ = ["visible", "quoted", "cell", "json_terminal_safe", "UNSAFE", "QUOTE_LIMIT", "MESSAGE_LIMIT"]

QUOTE_LIMIT = 80  # characters of a value quoted in a message
MESSAGE_LIMIT = 600  # characters of one problem message

# C0, DEL, C1; ALM, LRM/RLM, bidi embeddings/overrides/isolates; line and paragraph separators;
# zero-width no-break space / BOM and the interlinear annotation marks
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def visible(text: object, limit: int | None = None) -> str:
    """``text`` with every unsafe character escaped, cut to ``limit`` characters plus "…"."""
    s = str(text)
    cut = limit is not None and len(s) > limit
    if cut:
        s = s[:limit]
    s = UNSAFE.sub(_escape, s)
    return s + "…" if cut else s


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``'value'`` for a message: escaped and capped (a 5 MB key quotes as 80 characters and "…")."""
    s = visible(value, limit)
    return "'" + s.replace("'", "\\'") + "'"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A spreadsheet cell: escaped, and never read as a formula."""
    s = str(value)
    if s.startswith(_FORMULA_START):
        s = "'" + s
    return visible(s)


_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")


def json_terminal_safe(json_text: str) -> str:
    """JSON text whose DEL, C1 and bidi characters are written as ``\\uXXXX`` (same value)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
