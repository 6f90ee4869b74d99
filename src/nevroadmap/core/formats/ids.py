"""Ids made from names: deterministic, valid for the model, unique within a file."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["IdMaker", "slug", "ID_RE"]

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")  # the model's Id pattern
_NOT_WORD = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def slug(text: str, fallback: str = "item") -> str:
    """``"Fictional Motors (example)"`` -> ``"fictional-motors-example"``."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    s = _NOT_WORD.sub("-", ascii_text.lower()).strip("-")
    if len(s) > MAX_SLUG:
        s = s[:MAX_SLUG].rsplit("-", 1)[0] or s[:MAX_SLUG]
    return s or fallback


class IdMaker:
    """Hands out ids that are unique among those taken: ``x``, ``x-2``, ``x-3``..."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def make(self, *parts: str, fallback: str = "item") -> str:
        base = "-".join(p for p in (slug(x, "") for x in parts) if p) or fallback
        out, n = base, 1
        while out in self.taken:
            n += 1
            out = f"{base}-{n}"
        self.taken.add(out)
        return out
