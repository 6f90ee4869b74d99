"""The app's own files (its settings and its log) are plain files or nothing.

A settings file or log that is a symbolic link would have the app write through it
into whatever the link names; a FIFO would hang the app on open.  One rule for both:
the app reads or writes its own file only when it is a regular file that is not a
link, or does not exist yet.  (Files the user asks for are written by
:mod:`nevroadmap.core.atomic_file`.)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["is_plain_file_or_absent", "append_plain"]


def is_plain_file_or_absent(path: str | os.PathLike) -> bool:
    """True when ``path`` does not exist or is a regular file that is not a symbolic link."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:  # a name too long, a path through a file, no permission to look
        return False
    return stat.S_ISREG(st.st_mode)


def append_plain(path: str | os.PathLike, text: str) -> bool:
    """Append ``text`` to ``path`` (created if missing) when it is a plain file; False, writing
    nothing, when it is a link, FIFO, device or folder or cannot be written.  Never blocks and
    never follows a link (``O_NOFOLLOW | O_NONBLOCK``; the opened file is checked once more)."""
    path = Path(path)
    if not is_plain_file_or_absent(path):
        return False
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, flags, 0o600)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else after the look
            return False
        os.write(fd, text.encode("utf-8", "backslashreplace"))
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
