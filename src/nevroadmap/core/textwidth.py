"""Text as wide as a terminal shows it: Chinese (East Asian wide) characters take two columns.

For the command line's tables and help, which line text up in character cells.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["display_width", "fit", "wrap"]

# a Chinese character with the punctuation after it, a run of other non-space characters, or spaces
_TOKENS = re.compile(r"[\u2e80-\u9fff][\u3000-\u303f\uff00-\uffef]*|[^\s\u2e80-\u9fff]+|\s+")


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns with "…", padded to exactly ``width``."""
    if display_width(text) > width:
        out, used = "", 0
        for c in text:
            w = display_width(c)
            if used + w > width - 1:
                break
            out, used = out + c, used + w
        text = out + "…"
    return text + " " * max(0, width - display_width(text))


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces or between Chinese characters."""
    lines, line = [], ""
    for tok in _TOKENS.findall(text):
        if tok.isspace():
            if line:
                line += " "
            continue
        if line and display_width(line) + display_width(tok) > width:
            lines.append(line.rstrip())
            line = ""
        line += tok
    if line.strip():
        lines.append(line.rstrip())
    return lines
