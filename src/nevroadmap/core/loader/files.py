"""Which files a dataset path names, how they are shown in messages, and
reading one as text within the size limits (before any parser sees it)."""

from __future__ import annotations

import os
from pathlib import Path

from nevroadmap.core.loader.problems import Problem, RoadmapError

__all__ = ["DATA_SUFFIXES", "MAX_FILE_BYTES", "MAX_VALUES", "data_files", "shown_name", "read_text"]

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".csv")
MAX_FILE_BYTES = 128 * 1024 * 1024
# about twice the 100,000-milestone benchmark file: a cheap byte count stops junk such as
# 20 MB of "[0,0,0,..." before a parser turns it into gigabytes of objects
MAX_VALUES = 10_000_000


def data_files(path: Path) -> list[Path]:
    """The data files of a file or folder (sorted), or :class:`RoadmapError`."""
    try:
        return _find_data_files(path)
    except OSError as exc:  # a name too long, a folder that cannot be listed, ...
        raise RoadmapError([Problem(str(path)[:200], 0, f"cannot open: {exc.strerror or exc}")]) from None


def _find_data_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = []
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]  # never walk .git, .venv, ...
            files += [Path(folder) / n for n in names
                      if not n.startswith(".") and Path(n).suffix.lower() in DATA_SUFFIXES]
        files = sorted(f for f in files if f.is_file())
        if not files:
            raise RoadmapError([Problem(str(path), 0, f"the folder holds no data files ({', '.join(DATA_SUFFIXES)})")])
        return files
    if not path.exists():
        raise RoadmapError([Problem(str(path), 0, "no such file or folder")])
    if not path.is_file():  # a pipe or device would block or never end
        raise RoadmapError([Problem(str(path), 0, "not a regular file")])
    return [path]


def shown_name(p: Path) -> str:
    """The file's name in messages: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(p)
        return rel if not rel.startswith("..") else str(p)
    except ValueError:
        return str(p)


def read_text(path: Path, shown: str) -> str:
    """The file as text, refusing what is too big, binary or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RoadmapError([Problem(shown, 1, f"file is {size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")])
        raw = path.read_bytes()
    except OSError as exc:
        raise RoadmapError([Problem(shown, 1, f"cannot read file: {exc.strerror or exc}")]) from None
    if b"\x00" in raw[:8192]:
        raise RoadmapError([Problem(shown, 1, "this is a binary file, not a text data file")])
    values = _count_values(raw, path.suffix)
    if values > MAX_VALUES:
        raise RoadmapError([Problem(shown, 1, f"file holds about {values:,} values; the limit is {MAX_VALUES:,}: "
                                              "split the data over several files in a folder")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RoadmapError([Problem(shown, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the file as UTF-8")]) from None
    return text


def _count_values(raw: bytes, suffix: str) -> int:
    """A cheap upper bound on the values in a file (each follows one of these bytes)."""
    marks = (b",", b":", b"[") if suffix.lower() == ".json" else (b",", b":", b"[", b"-", b"=")
    return sum(raw.count(m) for m in marks)
