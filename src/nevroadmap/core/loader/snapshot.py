"""The bundled dataset, compiled: its records as the full loader validated them.

The app opens on the bundled dataset at every start.  Reading its YAML with
line maps and validating it through pydantic would cost the start-up about
0.15 s (importing pydantic and building its schemas is most of it), so the
package also ships ``resources/bundled-data.json``: the validated records,
written by ``python tools/bundled_snapshot.py`` and checked against the data by
``tests/test_snapshot.py`` (like the compiled translations).

:func:`read_snapshot` takes it only when every data file is the one it was
compiled from (names, sizes and CRC-32s match); anything else, such as a data
file edited in place, falls back to the full loader.  The CRC detects edits, not
attacks: the snapshot is a file of the installed package, as trusted as its code.
Nothing in it is executed: it is JSON, and each value is rebuilt by the type of
the record field it belongs to.  ``nevroadmap validate`` and every other
``strict`` load always run the full loader.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import zlib
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from nevroadmap.core.dates import DateSpan, parse_when
from nevroadmap.core.model import SECTIONS, Roadmap
from nevroadmap.core.resources import bundled_resources_path

__all__ = ["SNAPSHOT_NAME", "snapshot_path", "read_snapshot", "snapshot_text", "fingerprint"]

SNAPSHOT_NAME = "bundled-data.json"
_FORMAT = 1
_MAX_BYTES = 64 * 1024 * 1024  # the shipped one is ~100 kB; anything near this is not a snapshot of it


def snapshot_path() -> Path:
    return bundled_resources_path() / SNAPSHOT_NAME


def fingerprint(files: list[Path]) -> dict[str, list[int]]:
    """File name -> [size, CRC-32] of each data file."""
    out = {}
    for f in files:
        raw = f.read_bytes()
        out[f.name] = [len(raw), zlib.crc32(raw)]
    return out


def snapshot_text(roadmap: Roadmap, files: list[Path]) -> str:
    """The snapshot of ``roadmap``, validated from ``files`` (pydantic writes the records as JSON)."""
    from nevroadmap.core.record_types import adapter

    sections = {name: adapter(tuple[cls, ...]).dump_python(getattr(roadmap, name), mode="json")
                for name, cls in SECTIONS.items()}
    doc = {"format": _FORMAT, "files": fingerprint(files), "name": roadmap.name,
           "warnings": list(roadmap.warnings), "sections": sections}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_snapshot(root: Path, files: list[Path], path: Path | None = None) -> Roadmap | None:
    """The roadmap of ``files`` from the snapshot at ``path`` (default: the bundled one), or
    None when there is none, it is not of these very files, or it cannot be read."""
    path = path if path is not None else snapshot_path()
    try:
        doc = json.loads(_read_regular(path))
        if not isinstance(doc, dict) or doc.get("format") != _FORMAT or not _of_files(doc.get("files"), files):
            return None
        build = _Builder()
        sections = {name: tuple(build.record(cls, rec) for rec in doc["sections"][name])
                    for name, cls in SECTIONS.items()}
        return Roadmap(**sections, origin=str(root), name=str(doc["name"]),
                       warnings=tuple(str(w) for w in doc["warnings"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError):
        return None  # RecursionError: JSON nested deeper than the parser goes


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``_MAX_BYTES``, else OSError.
    Opened without blocking (a FIFO in its place would wait for a writer forever) and checked
    before reading (a link to /dev/zero or a 1 GB file would be read whole)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_BYTES:
            raise OSError(f"{path}: not a regular file of at most {_MAX_BYTES} bytes")
        return f.read(_MAX_BYTES + 1)


def _of_files(recorded: Any, files: list[Path]) -> bool:
    """Whether ``recorded`` is the fingerprint of ``files``: names and sizes first (a stat each),
    so a data file grown to a gigabyte is not read whole here before the full loader refuses it."""
    if not isinstance(recorded, dict) or sorted(recorded) != sorted(f.name for f in files):
        return False
    if any(recorded[f.name][0] != f.stat().st_size for f in files):
        return False
    return recorded == fingerprint(files)


class _Builder:
    """Rebuilds records from their JSON by the types of their fields.  The data were validated when
    the snapshot was written; each value's type and its field's rule of :mod:`record_types` (lengths,
    pattern, a figure's size) and a record's rule between its fields (``__post_init__``) are checked
    again cheaply, so a tampered snapshot cannot hand the views NaN, a megabyte title, a malformed id
    or colour, or a range running downwards (references between records are not checked).
    Each field's reader is made once per record type."""

    def __init__(self) -> None:
        self._readers: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {}

    def record(self, cls: type, values: dict) -> Any:
        readers = self._readers.get(cls)
        if readers is None:
            hints = get_type_hints(cls, include_extras=True)
            readers = self._readers[cls] = [(f.name, self.reader(hints[f.name])) for f in dataclasses.fields(cls)]
        obj = object.__new__(cls)
        for name, read in readers:
            object.__setattr__(obj, name, read(values[name]))
        post_init = getattr(cls, "__post_init__", None)
        if post_init is not None:  # a rule between fields (a metric's range): ValueError if broken
            post_init(obj)
        return obj

    def reader(self, tp: Any) -> Callable[[Any], Any]:
        """The function that turns the JSON of a value of type ``tp`` back into that value."""
        origin = get_origin(tp)
        if origin is Annotated:  # a rule of record_types (lengths, a pattern, finite): checked here too
            read = self.reader(get_args(tp)[0])
            checks = [m.check for m in tp.__metadata__ if hasattr(m, "check")]
            if not checks:
                return read
            def checked(v: Any) -> Any:
                v = read(v)
                for check in checks:
                    check(v)
                return v
            return checked
        if origin in (Union, UnionType):
            (inner,) = [a for a in get_args(tp) if a is not NoneType]
            read = self.reader(inner)
            return lambda v: None if v is None else read(v)
        if origin is tuple:
            read = self.reader(get_args(tp)[0])
            return lambda v: tuple(map(read, v))
        if tp is DateSpan:
            return parse_when
        if isinstance(tp, type) and issubclass(tp, Enum):
            return tp
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return lambda v: self.record(tp, v)
        if tp is float:
            def number(v: Any) -> float:
                if type(v) not in (int, float):  # not "nan" nor true, as float() would take them
                    raise TypeError(f"unexpected {type(v).__name__} for float")
                return float(v)
            return number
        if tp in (str, int, bool):
            def exact(v: Any, tp: type = tp) -> Any:
                if type(v) is not tp:
                    raise TypeError(f"unexpected {type(v).__name__} for {tp.__name__}")
                return v
            return exact
        raise TypeError(f"no reader for {tp!r}")
