"""Dates as people write them in roadmaps: ``2027``, ``2025-2027``, ``2030+``,
``by 2026``, ``after 2030``, ``~2027``, ``H1 2025``, ``Q3 2026``, ``2025-09``,
``2025-09-28``, ``2026-2030+``.

:func:`parse_when` turns such text into a :class:`DateSpan`; ``str(span)``
formats it back to the canonical text, so ``str(parse_when(s)) == s`` for
every canonical ``s``.  The module is pure Python and Qt-free.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["DateSpan", "DateSyntaxError", "Period", "parse_when", "MIN_YEAR", "MAX_YEAR"]

MIN_YEAR = 1800
MAX_YEAR = 2200

# unit -> number of sub-periods per year
_UNITS = {"Y": 1, "H": 2, "Q": 4, "M": 12, "D": 0}

EXPECTED = (
    "expected a date such as 2027, 2025-2027, 2030+, 2026-2030+, by 2026, before 2026, "
    "after 2030, ~2027, H1 2025, Q3 2026, 2025-09, 2025-09-28 or 2025-09 to 2026-03"
)


class DateSyntaxError(ValueError):
    """Text that is not a date in the roadmap grammar."""

    def __init__(self, text: str, reason: str = "") -> None:
        self.text = text
        self.reason = reason or EXPECTED
        shown = repr(text) if len(text) <= 80 else repr(text[:60]) + f" (and {len(text) - 60:,} more characters)"
        super().__init__(f"cannot read {shown} as a date: {self.reason}")


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One calendar period: a year, half, quarter, month or day."""

    year: int
    unit: str = "Y"  # Y, H, Q, M or D
    index: int = 1  # half 1-2, quarter 1-4, month 1-12; 1 for years
    day: int = 1

    @property
    def start_date(self) -> date:
        if self.unit == "Y":
            return date(self.year, 1, 1)
        if self.unit == "D":
            return date(self.year, self.index, self.day)
        months = 12 // _UNITS[self.unit]
        return date(self.year, (self.index - 1) * months + 1, 1)

    @property
    def end_date(self) -> date:
        """Last day of the period (inclusive)."""
        if self.unit == "D":
            return self.start_date
        if self.unit == "Y":
            return date(self.year, 12, 31)
        months = 12 // _UNITS[self.unit]
        last_month = self.index * months
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def __str__(self) -> str:
        if self.unit == "Y":
            return f"{self.year:04d}"
        if self.unit == "H":
            return f"H{self.index} {self.year:04d}"
        if self.unit == "Q":
            return f"Q{self.index} {self.year:04d}"
        if self.unit == "M":
            return f"{self.year:04d}-{self.index:02d}"
        return f"{self.year:04d}-{self.index:02d}-{self.day:02d}"


def decimal_year(d: date) -> float:
    """A date as a fractional year (2025-07-02 -> about 2025.5)."""
    start = date(d.year, 1, 1).toordinal()
    length = 366 if calendar.isleap(d.year) else 365
    return d.year + (d.toordinal() - start) / length


@dataclass(frozen=True, slots=True)
class DateSpan:
    """When something happens, with its uncertainty.

    ``first`` and ``last`` are the first and last periods named (equal for a
    single date).  ``open_start`` marks a deadline (``by 2026``, ``before
    2026``: no known start), ``open_end`` an open future (``2030+``, ``after
    2030``).  ``exclusive`` distinguishes ``before``/``after`` from ``by``/``+``.
    """

    first: Period
    last: Period
    approximate: bool = False
    open_start: bool = False
    open_end: bool = False
    exclusive: bool = False

    # -- derived --------------------------------------------------------
    @property
    def is_range(self) -> bool:
        return self.first != self.last

    @property
    def is_deadline(self) -> bool:
        return self.open_start

    @property
    def precision(self) -> str:
        """The finest unit named: ``year``, ``half``, ``quarter``, ``month`` or ``day``."""
        order = "YHQMD"
        unit = max(self.first.unit, self.last.unit, key=order.index)
        return {"Y": "year", "H": "half", "Q": "quarter", "M": "month", "D": "day"}[unit]

    @property
    def start(self) -> date | None:
        """First day that may be meant, or None when the start is unknown."""
        if self.open_start:
            return None
        if self.exclusive:  # after X
            return self.last.end_date + timedelta(days=1)
        return self.first.start_date

    @property
    def end(self) -> date | None:
        """Last day that may be meant (inclusive), or None when open-ended."""
        if self.open_end:
            return None
        if self.exclusive:  # before X
            return self.first.start_date - timedelta(days=1)
        return self.last.end_date

    @property
    def x0(self) -> float:
        """Start on a decimal-year axis (for a deadline: the deadline itself)."""
        if self.open_start:
            return self.x1
        if self.exclusive:
            return decimal_year(self.last.end_date + timedelta(days=1))
        return decimal_year(self.first.start_date)

    @property
    def x1(self) -> float:
        """End on a decimal-year axis, exclusive (for an open end: end of the last period named)."""
        if self.open_start and self.exclusive:
            return decimal_year(self.first.start_date)
        if self.open_end and self.exclusive:
            return self.x0
        return decimal_year(self.last.end_date + timedelta(days=1))

    def overlaps_years(self, year_from: int | None, year_to: int | None) -> bool:
        """Whether the span falls inside the inclusive year window.

        A deadline (``by 2026``) counts where it is drawn, at its deadline: a window
        ending in 1990 should not list everything due "by 2025".
        """
        lo = self.x0 - 1e-9 if self.open_start else self.x0
        hi = float("inf") if self.open_end else self.x1
        if year_from is not None and hi <= year_from:
            return False
        if year_to is not None and lo >= year_to + 1:
            return False
        return True

    def __str__(self) -> str:
        prefix = "~" if self.approximate else ""
        if self.open_start:
            return f"{prefix}{'before' if self.exclusive else 'by'} {self.first}"
        if self.open_end and self.exclusive:
            return f"{prefix}after {self.first}"
        if self.first == self.last:
            body = str(self.first)
        elif self.first.unit == "Y" and self.last.unit == "Y":
            body = f"{self.first}-{self.last}"
        else:
            body = f"{self.first} to {self.last}"
        return f"{prefix}{body}{'+' if self.open_end else ''}"

    def __repr__(self) -> str:
        return f"DateSpan({str(self)!r})"


_PERIOD_RES = [
    (re.compile(r"^(\d{4})$", re.ASCII), "Y"),
    (re.compile(r"^(?:H([12])\s+(\d{4})|(\d{4})\s*H([12]))$", re.I | re.ASCII), "H"),
    (re.compile(r"^(?:Q([1-4])\s+(\d{4})|(\d{4})\s*Q([1-4]))$", re.I | re.ASCII), "Q"),
    (re.compile(r"^(\d{4})-(\d{1,2})$", re.ASCII), "M"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII), "D"),
]


def _year(text: str, whole: str) -> int:
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateSyntaxError(whole, f"year {text} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def _period(text: str, whole: str) -> Period:
    text = text.strip()
    for rx, unit in _PERIOD_RES:
        m = rx.match(text)
        if not m:
            continue
        if unit == "Y":
            return Period(_year(m.group(1), whole))
        if unit in "HQ":
            g = m.groups()
            idx, yr = (g[0], g[1]) if g[0] else (g[3], g[2])
            return Period(_year(yr, whole), unit, int(idx))
        if unit == "M":
            month = int(m.group(2))
            if not 1 <= month <= 12:
                raise DateSyntaxError(whole, f"month {month} does not exist (1-12)")
            return Period(_year(m.group(1), whole), "M", month)
        year, month, day = _year(m.group(1), whole), int(m.group(2)), int(m.group(3))
        if not 1 <= month <= 12:
            raise DateSyntaxError(whole, f"month {month} does not exist (1-12)")
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateSyntaxError(whole, f"day {day} does not exist in {year:04d}-{month:02d} (1-{last})")
        return Period(year, "D", month, day)
    if text.isascii() and text.isdigit():  # 99999, 27: a year, but not four digits
        raise DateSyntaxError(whole, f"year {text} is not a four-digit year between {MIN_YEAR} and {MAX_YEAR}")
    raise DateSyntaxError(whole)


_APPROX = re.compile(r"^(?:~|ca\.?\s+|c\.\s*|circa\s+|around\s+|about\s+)", re.I)
_KEYWORD = re.compile(r"^(by|before|after|until)\s+", re.I)
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-\u2013\u2014]\s*(\d{4})$", re.ASCII)
_RANGE_SEP = re.compile(r"\s+(?:to|until|[-\u2013\u2014])\s+|\s*[\u2013\u2014]\s*", re.I)


_PLAIN = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", re.ASCII)  # 2027, 2025-09, 2025-09-28


def _plain(m: re.Match) -> DateSpan | None:
    """The span of a plain year, month or day (``_PLAIN``), or None when it is not a valid one
    (the full parser words why)."""
    year, month, day = m.groups()
    y = int(year)
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if month is None:
        p = Period(y)
    else:
        mo = int(month)
        if not 1 <= mo <= 12:
            return None
        if day is None:
            p = Period(y, "M", mo)
        else:
            d = int(day)
            if not 1 <= d <= calendar.monthrange(y, mo)[1]:
                return None
            p = Period(y, "D", mo, d)
    return DateSpan(p, p)


@lru_cache(maxsize=65536)  # the one cache of date texts: big trackers repeat a few thousand
def parse_when(text: str) -> DateSpan:
    """Parse roadmap date text; raise :class:`DateSyntaxError` naming the text."""
    if not isinstance(text, str):
        raise DateSyntaxError(repr(text), "a date must be text")
    m = _PLAIN.fullmatch(text)  # the common forms, read directly (the same spans as below)
    if m is not None:
        span = _plain(m)
        if span is not None:
            return span
    whole = text
    s = " ".join(text.split())
    if not s:
        raise DateSyntaxError(whole, "the date is empty; " + EXPECTED)
    approximate = False
    m = _APPROX.match(s)
    if m:
        approximate, s = True, s[m.end():].strip()
    m = _KEYWORD.match(s)
    if m:
        word = m.group(1).lower()
        p = _period(s[m.end():], whole)
        if word == "after":
            return DateSpan(p, p, approximate, open_end=True, exclusive=True)
        return DateSpan(p, p, approximate, open_start=True, exclusive=(word == "before"))
    open_end = s.endswith("+")
    if open_end:
        s = s[:-1].strip()
    m = _YEAR_RANGE.match(s)
    if m:
        first, last = Period(_year(m.group(1), whole)), Period(_year(m.group(2), whole))
    else:
        parts = _RANGE_SEP.split(s)
        if len(parts) == 1:
            first = last = _period(s, whole)
        elif len(parts) == 2:
            first, last = _period(parts[0], whole), _period(parts[1], whole)
        else:
            raise DateSyntaxError(whole)
    if last.end_date < first.start_date:
        raise DateSyntaxError(whole, f"the end ({last}) is before the start ({first})")
    return DateSpan(first, last, approximate, open_end=open_end)
