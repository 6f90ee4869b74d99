"""Which files a dataset path names, how they are shown in messages, and
reading one as text within the size limits (before any parser sees it)."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

from nevroadmap.core.i18n import _
from nevroadmap.core.loader.problems import Problem, RoadmapError

__all__ = ["DATA_SUFFIXES", "MAX_FILE_BYTES", "MAX_VALUES", "MAX_YAML_VALUES", "value_limit", "data_files", "shown_name", "read_text",
           "one_line_end"]

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".csv")
MAX_FILE_BYTES = 128 * 1024 * 1024
# about twice the 100,000-milestone benchmark file: a cheap byte count stops junk such as
# 20 MB of "[0,0,0,..." before a parser turns it into gigabytes of objects
MAX_VALUES = 10_000_000
MAX_YAML_VALUES = 1_500_000  # YAML nodes cost ~700 bytes a value before the data is checked (see value_limit)


def data_files(path: Path) -> list[Path]:
    """The data files of a file or folder (sorted), or :class:`RoadmapError`.

    A folder is read as it is, and only it: a symbolic link inside it that leads
    outside it (to a file or a folder) is not followed but reported; a link that
    stays inside is skipped as a folder (its files are read by their own path) or
    read as a file.  A subfolder or file that cannot be read is a problem with its
    path, never a silent gap; so are devices and FIFOs with a data suffix.  A path
    the user names (a file, or the folder itself) may be a link.
    """
    try:
        return _find_data_files(path)
    except OSError as exc:  # a name too long, a folder that cannot be listed, ...
        raise RoadmapError([Problem(str(path)[:200], 0, _("cannot open: {why}").format(why=exc.strerror or exc))]) from None


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


class _LinkLoop(Exception):
    """A symbolic link that leads back to itself (directly or through other links)."""


def _resolved(p: Path) -> Path:
    """``p`` with every link followed, or :class:`_LinkLoop` for a link cycle."""
    try:
        return p.resolve()
    except RuntimeError:  # Python < 3.13: "Symlink loop from ..."
        raise _LinkLoop from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _LinkLoop from None
        raise


def _find_data_files(path: Path) -> list[Path]:
    if path.is_dir():
        root = path.resolve()
        problems: list[Problem] = []
        files: list[Path] = []

        def unreadable(exc: OSError) -> None:
            where = shown_name(Path(exc.filename)) if exc.filename else str(path)
            problems.append(Problem(where, 0, _("cannot read this folder: {why}").format(why=exc.strerror or exc)))

        for folder, dirs, names in os.walk(path, onerror=unreadable):
            here = Path(folder)
            keep = []
            for d in dirs:
                if d.startswith("."):  # never walk .git, .venv, ...
                    continue
                if (here / d).is_symlink():
                    try:
                        outside = not _inside(_resolved(here / d), root)
                    except _LinkLoop:
                        problems.append(Problem(shown_name(here / d), 0, _("skipped: a symbolic link that leads back to itself")))
                        continue
                    if outside:
                        problems.append(Problem(shown_name(here / d), 0, _(
                            "skipped: symbolic link to outside the folder ({target})").format(target=os.readlink(here / d))))
                    continue  # a link inside the folder: its files are read by their own path
                keep.append(d)
            dirs[:] = keep
            for n in names:
                f = here / n
                if n.startswith(".") or f.suffix.lower() not in DATA_SUFFIXES:
                    continue
                try:
                    outside = f.is_symlink() and not _inside(_resolved(f), root)
                except _LinkLoop:
                    problems.append(Problem(shown_name(f), 0, _("skipped: a symbolic link that leads back to itself")))
                    continue
                if outside:
                    problems.append(Problem(shown_name(f), 0, _(
                        "skipped: symbolic link to outside the folder ({target})").format(target=os.readlink(f))))
                    continue
                try:
                    mode = f.stat().st_mode
                except OSError as exc:  # a dangling link, a file gone meanwhile
                    problems.append(Problem(shown_name(f), 0, _("cannot read file: {why}").format(why=exc.strerror or exc)))
                    continue
                if not stat.S_ISREG(mode):
                    problems.append(Problem(shown_name(f), 0, _("not a regular file (a device, FIFO or socket): not read")))
                    continue
                files.append(f)
        if problems:
            raise RoadmapError(problems)
        if not files:
            raise RoadmapError([Problem(str(path), 0, _("the folder holds no data files ({suffixes})").format(
                suffixes=", ".join(DATA_SUFFIXES)))])
        return sorted(files)
    if not path.exists():
        raise RoadmapError([Problem(str(path), 0, _("no such file or folder"))])
    if not path.is_file():  # a pipe or device would block or never end
        raise RoadmapError([Problem(str(path), 0, _("not a regular file"))])
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
    raw = _utf8_from_bom(raw, shown)
    if b"\x00" in raw[:8192]:
        head = raw[:8192]
        if head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4:  # text, every other byte 0
            raise RoadmapError([Problem(shown, 1, _("this looks like UTF-16 text without a byte-order mark; "
                                                    "save the file as UTF-8"))])
        raise RoadmapError([Problem(shown, 1, _("this is a binary file, not a text data file"))])
    values, limit = _count_values(raw, path.suffix), value_limit(path.suffix)
    if values > limit:
        raise RoadmapError([Problem(shown, 1, _("file holds up to {values:,} values; the limit for this file type is "
                                                "{limit:,}: split the data over several files in a folder").format(
                                                    values=values, limit=limit))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RoadmapError([Problem(shown, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the file as UTF-8")]) from None
    return text


def one_line_end(text: str) -> str:
    """``text`` with CR-only (old Mac) and CRLF line endings as LF, so every parser counts lines
    alike (not for CSV: its reader knows them all, and a quoted cell may hold a lone CR)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # UTF-32 first: its LE BOM starts like UTF-16's
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _utf8_from_bom(raw: bytes, shown: str) -> bytes:
    """UTF-16 or UTF-32 text with a byte-order mark, as UTF-8 bytes (other bytes as they are)."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec).encode("utf-8")
            except UnicodeError:
                raise RoadmapError([Problem(shown, 1, _("not valid {codec} text; save the file as UTF-8").format(
                    codec=codec.upper()))]) from None
    return raw


def _count_values(raw: bytes, suffix: str) -> int:
    """A cheap upper bound on the values in a file (each follows or opens with one of these bytes)."""
    return sum(raw.count(m) for m in _MARKS.get(suffix.lower(), _MARKS[".yaml"]))


# every JSON value but the first follows one of these; every YAML node is a flow item or key (, { [),
# a block item (-), a mapping value (:) or an explicit key (?); TOML values follow = or , or [;
# a CSV cell ends at a delimiter (, ; tab) or a line end
_MARKS = {".json": (b",", b":", b"["), ".toml": (b",", b"[", b"="), ".csv": (b",", b";", b"\t", b"\n"),
          ".yaml": (b",", b":", b"[", b"{", b"-", b"?"), ".yml": (b",", b":", b"[", b"{", b"-", b"?")}


def value_limit(suffix: str) -> int:
    """The most values a file of this type may hold: what its parser's objects fit in about 1.5 GB.

    YAML is composed into nodes of ~360 bytes each, then plain data and a line map
    (~700 bytes a value in all); JSON and TOML become plain data directly."""
    return MAX_YAML_VALUES if suffix.lower() in (".yaml", ".yml") else MAX_VALUES
