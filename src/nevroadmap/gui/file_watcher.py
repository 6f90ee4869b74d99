"""Watching the opened dataset on disk: a save in an editor asks for a reload, once.

:class:`DatasetWatcher` watches the opened file (or the data files and
subfolders of an opened folder) with a :class:`QFileSystemWatcher` and emits
``sigChanged`` when what is on disk changed and has settled:

* every event restarts a quiet period (:data:`QUIET_MS`); when it ends the
  files' size, modification time and inode are read, and only when they are
  the same as at the start of the quiet period (nothing is still writing) is
  the change reported.  A file written in several steps, or truncated and
  then written, is not read half-written; an empty data file is taken as one
  still being written and waited for.
* editors that save by writing a temporary file and renaming it over the
  original remove the watch with the old file: the watch is put back on the
  new file, and the folder holding the file is watched too, so a save that
  deletes before it renames is seen as well.  Such a save is reported once.
* nothing is reported when the files' state is the one last reported (a
  temporary file coming and going next to the dataset changes nothing).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from nevroadmap.core.loader import DATA_SUFFIXES

__all__ = ["DatasetWatcher", "QUIET_MS", "snapshot"]

QUIET_MS = 300  # a save is taken as finished after this long without a change

Snapshot = tuple[tuple[str, int, int, int], ...]  # (path, size, mtime_ns, inode) per data file


def _is_data_file(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in DATA_SUFFIXES


def _folders_and_files(root: Path) -> tuple[list[str], list[str]]:
    """The folders (hidden ones skipped, as the loader does) and data files under ``root``."""
    if not root.is_dir():
        return [str(root.parent)], [str(root)]
    folders, files = [], []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folders.append(folder)
        files += [os.path.join(folder, n) for n in sorted(names) if _is_data_file(n)]
    return folders, files


def snapshot(root: str | os.PathLike) -> Snapshot:
    """What a reload depends on: each data file's size, modification time and inode."""
    out = []
    for f in _folders_and_files(Path(root))[1]:
        try:
            st = os.stat(f)
        except OSError:
            continue  # gone (mid-rename): the next event brings it back
        out.append((f, st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


class DatasetWatcher(QObject):
    """Watches one dataset path (file or folder); ``sigChanged`` after each settled change."""

    sigChanged = Signal(str)  # the watched path

    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS) -> None:
        super().__init__(parent)
        self._fs = QFileSystemWatcher(self)
        self._fs.fileChanged.connect(self._on_event)
        self._fs.directoryChanged.connect(self._on_event)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self._on_quiet)
        self._path: str | None = None
        self._reported: Snapshot = ()
        self._pending: Snapshot | None = None
        self.events = 0  # file system events seen (for tests and diagnostics)

    @property
    def path(self) -> str | None:
        return self._path

    def watch(self, path: str | os.PathLike | None) -> None:
        """Watch ``path`` (None: stop watching); its present state counts as already reported."""
        self._timer.stop()
        self._pending = None
        old = self._fs.files() + self._fs.directories()
        if old:
            self._fs.removePaths(old)
        self._path = None if path is None else os.path.abspath(path)
        self._reported = ()
        if self._path is not None:
            self._arm()
            self._reported = snapshot(self._path)

    def mark_current(self) -> None:
        """The files as they are now were loaded (by a reload the user asked for): nothing to report."""
        if self._path is not None:
            self._reported = snapshot(self._path)

    def watched(self) -> list[str]:
        return sorted(self._fs.files() + self._fs.directories())

    def _arm(self) -> None:
        """Watch the folders and files there are now (a file replaced by a rename lost its watch)."""
        folders, files = _folders_and_files(Path(self._path))
        have = set(self._fs.files()) | set(self._fs.directories())
        want = [p for p in folders + files if p not in have and os.path.exists(p)]
        if want:
            self._fs.addPaths(want)

    def _on_event(self, _path: str) -> None:
        if self._path is None:
            return
        self.events += 1
        self._arm()
        self._pending = snapshot(self._path)
        self._timer.start()  # (re)start the quiet period

    def _on_quiet(self) -> None:
        if self._path is None:
            return
        self._arm()
        now = snapshot(self._path)
        if now != self._pending:  # still being written: wait for another quiet period
            self._pending = now
            self._timer.start()
            return
        self._pending = None
        if now == self._reported:
            return
        if not now or any(size == 0 for _f, size, _t, _i in now):
            return  # missing or truncated: being written, the write to come brings an event
        self._reported = now
        self.sigChanged.emit(self._path)
