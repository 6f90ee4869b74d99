"""The field types of the data records, and what pydantic checks of each.

The records (:mod:`nevroadmap.core.model`) are plain frozen dataclasses; their
fields are annotated with the types below.  Each carries its rule as a small
marker that pydantic asks for a core schema when it first validates a record,
so importing the model costs no pydantic: the app can show its bundled data
before pydantic is ever imported (see :mod:`nevroadmap.core.loader.bundled`).

:func:`adapter` gives the one ``TypeAdapter`` of a type (built on first use);
:func:`validate_record` is how a record built in code (``Milestone(...)``) is
validated, exactly as a record read from a file.
"""

from __future__ import annotations

import datetime as _dt
from math import isfinite as _isfinite
from re import search as _re_search
from functools import cache
from typing import Annotated, Any

from nevroadmap.core.dates import DateSpan, parse_when
from nevroadmap.core.i18n import _

__all__ = ["Id", "Name", "Text", "Url", "Color", "Bound", "Unit", "Hedge", "Number", "NonEmptyText", "When",
           "FIGURE_LIMIT", "FIGURE_TINY", "FieldRuleError", "quoted_figure",
           "RECORD_CONFIG", "adapter", "validate_record", "to_span"]


class _Str:
    """A text rule: lengths, a pattern, whether surrounding spaces are stripped."""

    __slots__ = ("rules",)

    def __init__(self, **rules: Any) -> None:
        self.rules = rules

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.rules)
        return schema

    def __repr__(self) -> str:
        return f"_Str({self.rules})"

    def check(self, value: str) -> str:
        """``value`` if it keeps these rules (as pydantic checks them), else ValueError: for
        records read without pydantic (the bundled snapshot)."""
        rules = self.rules
        if len(value) < rules.get("min_length", 0) or len(value) > rules.get("max_length", len(value)):
            raise ValueError(f"text of {len(value)} characters breaks {rules}")
        pattern = rules.get("pattern")
        if pattern is not None:
            found = _re_search(pattern, value)  # Python's "$" also matches before a final newline; pydantic's does not
            if found is None or (pattern.endswith("$") and found.end() != len(value)):
                raise ValueError(f"{value[:50]!r} does not match {pattern}")
        return value


# the size a figure may have: a quadrillion is larger than any NEV figure (market sizes in yuan or
# units, the bundled data's largest is 5e9), and far from where the chart's axis arithmetic fails
# (pyqtgraph's ticks overflow near 1e20; the pane's range near 1e308); a figure other than 0 below
# FIGURE_TINY is refused too: near 1e-308 (denormal numbers) the pane's scale is infinite
FIGURE_LIMIT = 1e15
FIGURE_TINY = 1e-15


class FieldRuleError(ValueError):
    """A rule between the fields of one record is broken; ``field`` is the one the message is about
    (the loader reports that field's line)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def quoted_figure(value: float) -> str:
    """A figure as a message quotes it: every digit it has, without a trailing ``.0`` (``1e-320``, ``10``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


class _Finite:
    """A figure: a finite number, 0 or between :data:`FIGURE_TINY` and :data:`FIGURE_LIMIT` in size."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        schema = handler(source)
        schema["allow_inf_nan"] = False  # inf and NaN: pydantic's own message ("a finite number")
        return cs.no_info_after_validator_function(self.check, schema)

    def check(self, value: float) -> float:
        """``value`` if it keeps this rule, else ValueError (see :meth:`_Str.check`)."""
        if not _isfinite(value):
            raise ValueError(f"{value} is not a finite number")
        size = abs(value)
        if size > FIGURE_LIMIT:
            raise ValueError(_("{value} is too large: a figure must lie between -{limit} and {limit}").format(
                value=quoted_figure(value), limit=f"{FIGURE_LIMIT:g}"))
        if 0 < size < FIGURE_TINY:
            raise ValueError(_("{value} is too small: a figure must be 0 or at least {tiny} either side of 0").format(
                value=quoted_figure(value), tiny=f"{FIGURE_TINY:g}"))
        return value


def to_span(value: Any) -> DateSpan:
    """A date as the data gives it (``"2027"``, ``"by 2026"``, 2027, a TOML date) -> :class:`DateSpan`."""
    if type(value) is str:  # the hot path: parse_when caches the texts it has read
        return parse_when(value)  # DateSyntaxError is a ValueError: pydantic reports it
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    elif isinstance(value, _dt.date):  # TOML dates: said = 2025-09-28
        value = value.isoformat()[:10]
    if not isinstance(value, str):
        raise ValueError(f"a date must be text such as '2027' or 'by 2026', not {type(value).__name__}")
    return parse_when(value)  # DateSyntaxError is a ValueError: pydantic reports it


class _DateText:
    """A date read from its text (:func:`to_span`) and written back as that text."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema as cs

        return cs.no_info_before_validator_function(
            to_span, handler(source),
            serialization=cs.plain_serializer_function_ser_schema(str, return_schema=cs.str_schema()))


# ids are compared exactly: never stripped, so " a" and "a" are not silently one record
Id = Annotated[str, _Str(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$",
                         strip_whitespace=False)]
Text = Annotated[str, _Str(max_length=20_000)]
NonEmptyText = Annotated[str, _Str(min_length=1, max_length=20_000)]
Name = Annotated[str, _Str(min_length=1, max_length=500)]
Url = Annotated[str, _Str(max_length=2000)]
Color = Annotated[str, _Str(pattern=r"^#[0-9A-Fa-f]{6}$")]
Bound = Annotated[str, _Str(pattern=r"^(exact|over|at_least|under|up_to|about)$")]
Unit = Annotated[str, _Str(max_length=100)]
Hedge = Annotated[str, _Str(min_length=1, max_length=100)]
Number = Annotated[float, _Finite()]
When = Annotated[DateSpan, _DateText()]

# every record: unknown fields are errors, text is stripped (ids excepted, see Id)
RECORD_CONFIG = {"extra": "forbid", "str_strip_whitespace": True}


@cache
def adapter(tp: Any) -> Any:
    """The pydantic ``TypeAdapter`` of ``tp`` (pydantic is imported, and the schema built, on first use)."""
    from pydantic import TypeAdapter

    return TypeAdapter(tp)


def validate_record(cls: type, fields: dict[str, Any]) -> Any:
    """A record of type ``cls`` from ``fields``, validated (raises pydantic's ``ValidationError``)."""
    return adapter(cls).validate_python(fields)
