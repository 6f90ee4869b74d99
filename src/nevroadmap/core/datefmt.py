"""Dates as the interface language writes them: ``Q3 2027`` / ``2027年第3季度``.

One place for every localized date the app shows (axis ticks, details,
tooltips, status bar, export captions); the language defaults to the one
the marked strings are translated into (:func:`nevroadmap.core.i18n.language`).
English keeps the data's own notation (``H1 2025``, ``2025-09``, ``by 2026``).
"""

from __future__ import annotations

from nevroadmap.core.dates import DateSpan, Period
from nevroadmap.core.i18n import language

__all__ = ["period_label", "format_period", "format_when", "format_count"]

_MONTH_ABBR = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_ZH_HALF = {1: "上半年", 2: "下半年"}


def _zh(lang: str | None) -> bool:
    return (lang or language()).startswith("zh")


def period_label(year: int, unit: str = "Y", index: int = 1, day: int = 1, lang: str | None = None) -> str:
    """A tick or caption label: ``2027``, ``H2 2027``, ``Q3 2027``, ``Sep 2027``, ``28 Sep 2027``
    (zh_CN: ``2027年``, ``2027年下半年``, ``2027年第3季度``, ``2027年9月``, ``2027年9月28日``)."""
    if _zh(lang):
        return {"Y": f"{year}年", "H": f"{year}年{_ZH_HALF.get(index, '')}", "Q": f"{year}年第{index}季度",
                "M": f"{year}年{index}月", "D": f"{year}年{index}月{day}日"}[unit]
    return {"Y": f"{year}", "H": f"H{index} {year}", "Q": f"Q{index} {year}",
            "M": f"{_MONTH_ABBR[index]} {year}", "D": f"{day} {_MONTH_ABBR[index]} {year}"}[unit]


def day_label(month: int, day: int, lang: str | None = None) -> str:
    """A day within a year already shown: ``28 Sep`` (zh_CN: ``9月28日``)."""
    return f"{month}月{day}日" if _zh(lang) else f"{day} {_MONTH_ABBR[month]}"


def format_period(p: Period, lang: str | None = None) -> str:
    """One period of a data date: the data's notation in English (``2025-09``), the label in Chinese."""
    if not _zh(lang):
        return str(p)
    return period_label(p.year, p.unit, p.index, p.day, lang)


def format_when(span: DateSpan, lang: str | None = None) -> str:
    """A milestone's date: ``~2027``, ``by 2026``, ``2025-09 to 2026-03`` (``约2027年``, ``2026年前`` ...)."""
    if not _zh(lang):
        return str(span)
    prefix = "约" if span.approximate else ""
    first = format_period(span.first, lang)
    if span.open_start:
        return f"{prefix}{first}{'之前' if span.exclusive else '前'}"
    if span.open_end and span.exclusive:
        return f"{prefix}{first}之后"
    if span.first == span.last:
        body = first
    else:
        body = f"{first}至{format_period(span.last, lang)}"
    return f"{prefix}{body}{'起' if span.open_end else ''}"


def format_count(n: int, lang: str | None = None) -> str:
    """A count with the language's digit grouping (``1,234``; Chinese uses the same)."""
    return f"{n:,}"
