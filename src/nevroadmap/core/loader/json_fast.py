"""The fast path for valid JSON: bytes straight to records, no dict tree and no
line map.  It answers only "valid, here is the roadmap" or "not sure" (None);
on "not sure" the full path (:mod:`.checked`) runs and words every problem."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, TypeAdapter, ValidationError
from typing_extensions import TypedDict

from nevroadmap.core.formats.timelinejs import may_be_timelinejs_json
from nevroadmap.core.loader.files import MAX_FILE_BYTES, MAX_VALUES
from nevroadmap.core.loader.json_slices import read_sections_in_slices
from nevroadmap.core.loader.references import ids_ok
from nevroadmap.core.model import SECTIONS, Roadmap

__all__ = ["load_json_fast"]

_ESCAPED_LETTER = re.compile(rb"\\u00[2-7][0-9a-fA-F]")


@cache
def _file_adapter() -> TypeAdapter:
    """Validates a whole JSON data file (built on first use)."""
    # fail_fast: on junk (millions of bad records) stop at the first, not build millions of errors
    fields = {name: Annotated[list[model], Field(fail_fast=True)] | None for name, model in SECTIONS.items()}
    doc = TypedDict("_JsonDataFile", fields, total=False)  # type: ignore[operator]
    doc.__pydantic_config__ = {"extra": "forbid"}  # type: ignore[attr-defined]
    return TypeAdapter(doc)


_BLOCK = 1 << 18  # bytes counted at a time: a block stays in the CPU's cache for the three counts


def _census(raw: bytes) -> tuple[int, bool, int]:
    """How many commas ``raw`` holds, whether it holds an escaped letter that could spell a key
    (``\\u0041`` ...: :data:`_ESCAPED_LETTER`), and how many ``"id"`` strings.

    One pass in blocks (numpy's vector compares) instead of three whole-text searches; it may
    count more ``"id"`` strings than ``bytes.count`` (overlapping ones, as in ``"id"id"``), which
    only ever sends a file to the careful path."""
    if len(raw) < 4 * _BLOCK:  # small: the plain byte searches are as quick (and numpy need not load)
        return raw.count(b","), b"\\" in raw and _ESCAPED_LETTER.search(raw) is not None, raw.count(b'"id"')
    import numpy as np

    a = np.frombuffer(raw, np.uint8)
    n, commas, escaped, ids = len(a), 0, False, 0
    for i in range(0, n, _BLOCK):
        block = a[i:i + _BLOCK]
        commas += int(np.count_nonzero(block == 44))  # ,
        if not escaped:
            at = np.flatnonzero(block == 92) + i  # \\, then u00 [2-7] [0-9a-fA-F] as the regex says
            at = at[at + 5 < n]
            if len(at):
                c, h = a[at + 4], a[at + 5] | 0x20  # a hex letter in lower case
                escaped = bool(((a[at + 1] == 117) & (a[at + 2] == 48) & (a[at + 3] == 48) & (c >= 50) & (c <= 55)
                                & (((a[at + 5] >= 48) & (a[at + 5] <= 57)) | ((h >= 97) & (h <= 102)))).any())
        j = min(i + _BLOCK, n - 3)  # "id" starting in this block
        if j > i:
            m = a[i:j] == 34  # "
            m &= a[i + 3:j + 3] == 34
            m &= a[i + 1:j + 1] == 105  # i
            m &= a[i + 2:j + 2] == 100  # d
            ids += int(np.count_nonzero(m))
    return commas, escaped, ids


def load_json_fast(root: Path, files: list[Path]) -> Roadmap | None:
    """Valid JSON straight from bytes to models, or None at the first sign of trouble.

    On success the result is the same as the full path's.
    """
    records: dict[str, list] = {sec: [] for sec in SECTIONS}
    for f in files:
        try:
            if f.stat().st_size > MAX_FILE_BYTES:
                return None
            raw = f.read_bytes()
        except OSError:
            return None
        # one pass instead of read_text's three: past the first, every JSON value is
        # preceded by a comma or sits a level deeper (depth is capped by the parser), so
        # 2 * commas bounds the values; anything near the cap goes to the careful path
        commas, escaped_letter, id_strings = _census(raw)
        if b"\x00" in raw[:8192] or 2 * commas > MAX_VALUES:
            return None
        if may_be_timelinejs_json(raw):  # detected first: the full path reads timelines
            return None
        # strict skips lax coercions (~7 % faster); anything that needs one, such as
        # "400" for a number, fails here and is then accepted by the full path
        data = read_sections_in_slices(raw)
        if data is None:
            if any(raw.count(b'"%s"' % name.encode()) > 1 for name in SECTIONS):
                return None  # a section given twice? one-piece validation would keep the last silently
            try:
                data = _file_adapter().validate_json(raw, strict=True)
            except (ValidationError, ValueError, RecursionError):
                return None
        # a key given twice keeps its last value in pydantic's parser.  Every record has one "id":
        # more "id" strings than records (an id given twice, or the text in a value), or an escaped
        # letter that could spell a key, goes to the careful path, which words every repeated key
        if id_strings != sum(len(v) for v in data.values() if v) or escaped_letter:
            return None
        del raw
        for section, items in data.items():
            if items:
                records[section].extend(items)
    if not ids_ok(records):
        return None
    return Roadmap(origin=str(root), **{k: tuple(v) for k, v in records.items()})
