"""Validating a big JSON data file slice by slice, so that pydantic's parse tree
of the whole file (about three times the file's size) and the records built
from it are never all alive at once.

The file is cut at record boundaries found by a byte search (``},{``) and at the
ends of its sections (``],"claims":[``); each slice is validated on its own as a
list of records.  A cut in the wrong place (inside a string, or in a record's
nested list) cannot pass: the slice before it would not be a list of complete
values, so validation fails.  Whatever does not fit this shape (a section that
is ``null``, a byte-order mark, a wrong cut) gives None and the caller
validates the file in one piece.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated

from pydantic import Field, TypeAdapter, ValidationError

from nevroadmap.core.model import SECTIONS

__all__ = ["read_sections_in_slices", "SLICE_BYTES"]

SLICE_BYTES = 1 << 20  # about 4,000 records; small enough that no tree is big, big enough to stay fast

_NAMES = b"|".join(re.escape(name.encode()) for name in SECTIONS)
_OPEN = re.compile(rb'[ \t\r\n]*\{[ \t\r\n]*"(' + _NAMES + rb')"[ \t\r\n]*:[ \t\r\n]*\[')
_NEXT = re.compile(rb'\][ \t\r\n]*,[ \t\r\n]*"(' + _NAMES + rb')"[ \t\r\n]*:[ \t\r\n]*\[')
_CUT = re.compile(rb'\}[ \t\r\n]*,[ \t\r\n]*\{')


_SPACE = frozenset(b" \t\r\n\f\v")  # what bytes.rstrip() strips


def _end_of_text(raw: bytes, end: int) -> int:
    """``len(raw[:end].rstrip())``, without copying ``raw`` when the run of spaces is short."""
    stop = max(0, end - 256)
    while end > stop and raw[end - 1] in _SPACE:
        end -= 1
    return end if end == stop == 0 or raw[end - 1] not in _SPACE else len(raw[:end].rstrip())


def _last_close(raw: bytes) -> int | None:
    """Offset of the ``]`` that closes the last section (the file ends ``]}``)."""
    end = _end_of_text(raw, len(raw))
    if end < 2 or raw[end - 1:end] != b"}":
        return None
    close = _end_of_text(raw, end - 1) - 1
    return close if close >= 0 and raw[close:close + 1] == b"]" else None


_INCOMPLETE = object()  # the slice stops inside a value: the cut was not between records
_RETRIES = 8  # cuts tried after one that fell inside a record, before validating in one piece


@cache
def _slice_adapter(section: str) -> TypeAdapter:
    """Validates a slice of a section; stops at the first bad record (junk gives one error, not millions)."""
    return TypeAdapter(Annotated[list[SECTIONS[section]], Field(fail_fast=True)])


def _records(section: str, piece: memoryview) -> object:
    """The records of a slice, :data:`_INCOMPLETE`, or None (the slice is wrong)."""
    try:
        return _slice_adapter(section).validate_json(b"".join((b"[", piece, b"]")), strict=True)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        if len(errors) == 1 and errors[0]["type"] == "json_invalid" and "EOF while parsing" in errors[0]["msg"]:
            return _INCOMPLETE
        return None
    except (ValueError, RecursionError):
        return None


def read_sections_in_slices(raw: bytes) -> dict[str, list] | None:
    """Section -> records of a JSON data file shaped ``{"section": [records], ...}``, or None."""
    m = _OPEN.match(raw)
    last = _last_close(raw)
    if m is None or last is None:
        return None
    out: dict[str, list] = {}
    view = memoryview(raw)  # slices of it are copied once, into the text validated
    section, pos = m.group(1).decode(), m.end()
    while True:
        if section in out:  # a section named twice: leave it to the one-piece path
            return None
        records = out[section] = []
        while True:  # one slice per turn, until the section's end is found
            cut = _CUT.search(raw, pos + SLICE_BYTES, last)
            limit = cut.start() + 1 if cut else last
            ends = [(e.start(), e) for e in _NEXT.finditer(raw, pos, limit + 1)]
            if last <= limit:
                ends.append((last, None))
            for end, nxt in ends:  # the first that closes a valid list is the section's end
                got = _records(section, view[pos:end])
                if isinstance(got, list):
                    records += got
                    break
            else:
                for _ in range(_RETRIES):
                    if cut is None:
                        return None
                    got = _records(section, view[pos:cut.start() + 1])
                    if got is not _INCOMPLETE:
                        break
                    cut = _CUT.search(raw, cut.end(), last)  # the cut fell inside a record: take the next
                if not isinstance(got, list):
                    return None
                records += got
                pos = cut.end() - 1  # at the next record's "{"
                continue
            break
        if nxt is None:
            return out
        section, pos = nxt.group(1).decode(), nxt.end()
