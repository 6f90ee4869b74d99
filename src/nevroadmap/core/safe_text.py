"""Data text made safe to show where it could pass for something else.

One rule for every text surface outside Qt (terminal tables, problems, CSV,
JSON on a terminal):

* :func:`visible` writes control characters (C0, DEL, C1), bidirectional
  overrides and isolates, and line/paragraph separators as visible escapes
  (``\\n``, ``\\x1b``, ``\\u202e``), so a value can neither forge a line nor
  drive the terminal, and caps its length with "…";
* :func:`quoted` is the same inside quotes, for a value quoted in a message;
* :func:`table_cell` is :func:`visible` cut to a table column (terminal
  columns), never in the middle of an escape;
* :func:`json_terminal_safe` escapes, in JSON text, what ``json.dumps`` leaves
  raw (DEL, C1, bidi controls) as ``\\uXXXX`` - still the same JSON value;
* :func:`for_terminal` is the last step of every printed command output (``list``,
  ``claims``): JSON as above, CSV and tables with every unsafe character but the
  line feed and tab escaped (the CSV writer quotes a cell holding a line feed, so
  it never forges a row; formulas are neutralised by the writer,
  :mod:`nevroadmap.core.formats.csv_cells`).
"""

from __future__ import annotations

import re

__all__ = ["visible", "quoted", "table_cell", "json_terminal_safe", "for_terminal", "without_bidi_controls", "UNSAFE",
           "QUOTE_LIMIT", "MESSAGE_LIMIT"]

QUOTE_LIMIT = 80  # characters of a value quoted in a message
MESSAGE_LIMIT = 600  # characters of one problem message

# The one rule (INVISIBLE_CATEGORIES plus INVISIBLE_EXTRAS) written out as a regex class for
# speed: every code point whose Unicode category is a control (Cc), format (Cf: zero-width
# spaces and joiners, bidi controls, soft hyphen, word joiner, BOM, tag characters, ...),
# private-use (Co) or surrogate (Cs), a line or paragraph separator (Zl, Zp), plus the
# invisible characters of other categories (combining grapheme joiner, Hangul fillers) and
# the noncharacters U+FFFE/U+FFFF.  tests/test_hostile3.py checks the class against
# ``unicodedata`` for every code point.
INVISIBLE_CATEGORIES = ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")
INVISIBLE_EXTRAS = "\u034f\u115f\u1160\u3164\uffa0\ufffe\uffff"
_UNSAFE_CLASS = (r"\x00-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160\u180e"
                 r"\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ud800-\uf8ff\ufeff\uffa0\ufff9-\ufffb"
                 r"\ufffe-\uffff\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                 r"\U000e0001\U000e0020-\U000e007f\U000f0000-\U000ffffd\U00100000-\U0010fffd")
UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def visible(text: object, limit: int | None = None) -> str:
    """``text`` with every unsafe character escaped, cut to ``limit`` characters plus "…"."""
    s = str(text)
    cut = limit is not None and len(s) > limit
    if cut:
        s = s[:limit]
    s = UNSAFE.sub(_escape, s)
    return s + "…" if cut else s


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    """``text`` without explicit bidirectional embeddings, overrides and isolates, for a piece of data
    set into a sentence on screen (a figure's hedge, unit or scope): an unclosed override in one
    piece would otherwise reverse the words after it ("likely" + U+202E turned "over 40 %" around).
    The text keeps its natural direction."""
    return _BIDI_CONTROLS.sub("", text) if text else text


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``'value'`` for a message: escaped and capped (a 5 MB key quotes as 80 characters and "…")."""
    s = visible(value, limit)
    return "'" + s.replace("'", "\\'") + "'"


_PARTIAL_ESCAPE = re.compile(r"\\(?:x[0-9a-f]?|u[0-9a-f]{0,3}|U[0-9a-f]{0,7})?$")


def table_cell(value: object, width: int) -> str:
    """``value`` escaped and fitted to ``width`` terminal columns (padded; a cut ends in "…",
    never in half an escape such as ``\\x1``)."""
    from nevroadmap.core.textwidth import display_width, fit

    s = visible(value)
    if display_width(s) <= width:
        return fit(s, width)
    cut = fit(s, width).rstrip(" ")[:-1]  # without the padding and the "…"
    return fit(_PARTIAL_ESCAPE.sub("", cut) + "…", width)


_C0 = r"\x00-\x1f"
_JSON_RAW = re.compile("[" + _UNSAFE_CLASS.replace(_C0, "", 1) + "]")  # json.dumps escapes C0 itself


def _json_escape(m: re.Match) -> str:
    n = ord(m.group())
    if n < 0x10000:
        return f"\\u{n:04x}"
    n -= 0x10000  # JSON writes a character beyond the BMP as a surrogate pair
    return f"\\u{0xd800 + (n >> 10):04x}\\u{0xdc00 + (n & 0x3ff):04x}"


def json_terminal_safe(json_text: str) -> str:
    """JSON text whose DEL, C1, format (bidi, zero-width, tags), private-use and separator
    characters are written as ``\\uXXXX`` (the same JSON value)."""
    return _JSON_RAW.sub(_json_escape, json_text)


_TEXT_UNSAFE = re.compile(UNSAFE.pattern.replace("\\x00-\\x1f", "\\x00-\\x08\\x0b-\\x1f"))  # all but tab and LF


def for_terminal(text: str, fmt: str) -> str:
    """A whole command output (``fmt``: ``"json"``, ``"csv"`` or ``"table"``) with nothing
    raw that could drive a terminal; JSON stays the same value, CSV the same rows."""
    if fmt == "json":
        return json_terminal_safe(text)
    return _TEXT_UNSAFE.sub(_escape, text)
