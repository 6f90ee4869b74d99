"""The font family drawings use for the interface language: one with the glyphs the text needs.

Chinese text drawn in a Latin font is filled in by Qt's fallback on screen
and in PNG and PDF, but an SVG names just one ``font-family``: in Chinese
the drawings name a font that has the Chinese glyphs (and Latin ones), the
first installed of :data:`CJK_FAMILIES`.  Without one, the base family
stays and the export still works (viewers fall back on their own fonts).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6 import QtGui

from nevroadmap.core.i18n import language

__all__ = ["CJK_FAMILIES", "family_for", "cjk_family"]

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
                "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans SC")


@lru_cache(maxsize=1)
def cjk_family() -> str | None:
    """The first installed family of :data:`CJK_FAMILIES`, or None."""
    installed = set(QtGui.QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in installed), None)


def family_for(base: str, lang: str | None = None) -> str:
    """The family to draw ``lang`` text with (default: the interface language)."""
    if (lang or language()).startswith("zh"):
        return cjk_family() or base
    return base
