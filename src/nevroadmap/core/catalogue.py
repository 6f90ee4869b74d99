"""The shipped translations without Qt: read a Qt Linguist ``.ts`` catalogue for the command line.

The app loads the compiled ``.qm`` files through Qt; the command line, which
starts without Qt, reads the same messages from the ``.ts`` source shipped
beside them (our own file, parsed with :mod:`xml.etree`, no entities, no
network).  :func:`catalogue_translator` returns a function for
:func:`nevroadmap.core.i18n.set_translator`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from nevroadmap.core.i18n import CONTEXT, Translator

__all__ = ["translations_dir", "ts_path", "read_ts", "plural_index", "catalogue_translator"]


def translations_dir() -> Path:
    from nevroadmap.core.loader import bundled_resources_path

    return bundled_resources_path() / "translations"


def ts_path(language: str) -> Path:
    return translations_dir() / f"nevroadmap_{language}.ts"


def plural_index(language: str, n: int) -> int:
    """Which numerus form a count takes (Chinese has one form; English one / other)."""
    if language.startswith("zh"):
        return 0
    return 0 if n == 1 else 1


@lru_cache(maxsize=4)
def read_ts(path: Path) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(context, source, comment) -> translated forms, for the finished messages of a ``.ts`` file."""
    out: dict[tuple[str, str, str], tuple[str, ...]] = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return out
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text or ""]
            if any(forms):
                out[(name, msg.findtext("source") or "", msg.findtext("comment") or "")] = tuple(forms)
    return out


def catalogue_translator(language: str, path: Path | None = None) -> Translator | None:
    """A translator for ``language`` from its shipped catalogue (None for English or no catalogue)."""
    if language == "en":
        return None
    table = read_ts(path or ts_path(language))
    if not table:
        return None

    def translate(text: str, plural: str | None, n: int | None) -> str | None:
        forms = table.get((CONTEXT, text, plural or ""))
        if not forms:
            return None
        if n is None:
            return forms[0]
        return forms[min(plural_index(language, n), len(forms) - 1)]

    return translate
