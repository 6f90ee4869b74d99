"""``File > Open Recent``: the last datasets opened, kept in the settings.

:class:`RecentFiles` keeps up to :data:`MAX_RECENT` absolute paths, newest
first, under the settings key ``recent/files``, and fills a menu with them
each time it opens: a file or folder that no longer exists is shown greyed
out (with a tooltip saying so).  The menu's last row is the table's
``Clear Recent`` action.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from nevroadmap.gui.plain_text import plain_tooltip

__all__ = ["RecentFiles", "MAX_RECENT", "RECENT_KEY", "RECENT_PROPERTY"]

MAX_RECENT = 10
RECENT_KEY = "recent/files"
RECENT_PROPERTY = "nevroadmapRecentPath"  # on each menu row: the path it opens


class RecentFiles(QObject):
    sigOpen = Signal(str)  # a recent entry that exists was chosen
    sigMessage = Signal(str)  # for the status bar
    sigChanged = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._menu: QMenu | None = None
        self._before: QAction | None = None
        self._rows: list[QAction] = []

    # -- the list ------------------------------------------------------------------
    def paths(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # an ini file keeps a one-item list as a string
            value = [value] if value else []
        return [str(p) for p in (value or []) if p][:MAX_RECENT]

    def _store(self, paths: list[str]) -> None:
        self.settings.setValue(RECENT_KEY, paths[:MAX_RECENT])
        self.sigChanged.emit()

    def add(self, path: str | os.PathLike) -> None:
        p = str(Path(path).absolute())
        self._store([p] + [q for q in self.paths() if q != p])

    def remove(self, path: str) -> None:
        self._store([q for q in self.paths() if q != path])

    def clear(self) -> None:
        self._store([])

    def open(self, path: str) -> None:
        """Ask to open ``path``; a path that no longer exists is removed, with a message."""
        if os.path.exists(path):
            self.sigOpen.emit(path)
            return
        self.remove(path)
        self.sigMessage.emit(self.tr("%1 no longer exists; it was removed from Open Recent.").replace("%1", path))

    def last(self) -> str | None:
        paths = self.paths()
        return paths[0] if paths else None

    # -- the menu ------------------------------------------------------------------
    def attach(self, menu: QMenu, before: QAction | None) -> None:
        """Fill ``menu`` (above ``before``, the Clear Recent row) each time it is about to show."""
        self._menu, self._before = menu, before
        menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        menu = self._menu
        if menu is None:
            return
        for act in self._rows:
            menu.removeAction(act)
            act.deleteLater()
        self._rows = []
        paths = self.paths()
        for i, p in enumerate(paths):
            exists = os.path.exists(p)
            shown = f"{Path(p).name}  —  {_elide_home(str(Path(p).parent))}".replace("&", "&&")
            act = QAction(f"&{(i + 1) % 10}  {shown}", menu)
            act.setProperty(RECENT_PROPERTY, p)
            act.setEnabled(exists)
            tip = p if exists else self.tr("%1 no longer exists").replace("%1", p)
            act.setToolTip(plain_tooltip(tip))  # a file name may hold markup: shown literally
            act.setStatusTip(tip)  # status tips are plain text
            act.triggered.connect(lambda _checked=False, path=p: self.open(path))
            menu.insertAction(self._before, act)
            self._rows.append(act)
        if paths and self._before is not None:
            sep = QAction(menu)
            sep.setSeparator(True)
            menu.insertAction(self._before, sep)
            self._rows.append(sep)
        if self._before is not None:
            self._before.setEnabled(bool(paths))

    def rows(self) -> list[QAction]:
        """The menu rows of the recent paths (separators left out)."""
        return [a for a in self._rows if not a.isSeparator()]


def _elide_home(path: str) -> str:
    home = str(Path.home())
    return "~" + path[len(home):] if path == home or path.startswith(home + os.sep) else path
