"""Writing a file all or nothing: the output path check and the atomic write.

A write puts down the file it names or nothing: the target must be a new name
or a regular file in a writable folder (a symbolic link, a device, a FIFO or a
folder is refused), and the bytes go to a temporary file in the same folder
that is renamed over the target, which never follows a link.  Image export
(:mod:`nevroadmap.render.output`) and data export (``File > Export Data…``)
both write through here.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from nevroadmap.core.i18n import _

__all__ = ["ExportError", "check_output_path", "write_atomic"]


class ExportError(Exception):
    """An export that cannot be done; the message says why, in one line."""


def _kind_of(mode: int) -> str:
    """What a non-regular file system entry is, in words."""
    if stat.S_ISLNK(mode):
        return _("a symbolic link")
    if stat.S_ISFIFO(mode):
        return _("a FIFO")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def check_output_path(path: str | os.PathLike) -> Path:
    """``path`` if an export may write it: a new name or a regular file in a writable folder.

    A symbolic link, a device, a FIFO or a folder is refused (the export writes
    the file it names or nothing)."""
    named = os.fspath(path)
    path = Path(path)
    if isinstance(named, str) and named.endswith(("/", os.sep)):  # Path() would drop the slash and write "out.png"
        raise ExportError(_("{path} ends in a slash: it names a folder, not a file").format(path=named))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise ExportError(_("{path} is a folder, not a file name").format(path=path))
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise ExportError(_("{path} is {kind}, not a regular file: nothing written").format(
                path=path, kind=_kind_of(st.st_mode)))
        if not folder.is_dir():
            raise ExportError(_("folder {folder} does not exist").format(folder=folder))
        if not os.access(folder, os.W_OK):
            raise ExportError(_("folder {folder} is not writable").format(folder=folder))
        if st is not None and not os.access(path, os.W_OK):
            raise ExportError(_("{path} is not writable").format(path=path))
    except OSError as exc:  # a name too long for the file system, an unreadable folder ...
        raise ExportError(_("cannot write to {path}: {why}").format(path=path, why=exc.strerror or exc)) from None
    return path


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:
            raise OSError("short write (disk full?)")
        view = view[n:]


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing: a temporary file in the same folder renamed over it.

    The rename replaces the directory entry, so it never follows a link; an
    existing regular file keeps its permissions, a new one gets the usual
    (umask) ones."""
    path = check_output_path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        old_mode = stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        old_mode = 0o666 & ~umask
    except OSError as exc:
        raise ExportError(_("cannot write {path}: {why}").format(path=path, why=exc.strerror or exc)) from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".part", dir=folder)
        try:
            _write_all(fd, data)
            os.fchmod(fd, old_mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ExportError(_("cannot write {path}: {why}").format(path=path, why=exc.strerror or exc)) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
