"""Files and folders dropped on the window open: an event filter for the main window.

Only local files and folders are taken (the first one dropped); a web
address or any other drop is refused, so the cursor shows it cannot be
dropped.  The filter also sits on the window's children that take drops
themselves (the search field, the details text, the timeline's view): a file
dropped there opens too, while text dragged into a field still lands there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtWidgets import QWidget

__all__ = ["DropOpener", "dropped_path"]


def dropped_path(mime: QMimeData | None) -> str | None:
    """The first local file or folder among dropped URLs (None: nothing to open)."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile():
            return url.toLocalFile()
    return None


class DropOpener(QObject):
    """Accepts drops of local paths on ``widget`` and calls ``open_path`` with the first one."""

    def __init__(self, widget: QWidget, open_path: Callable[[str], None]) -> None:
        super().__init__(widget)
        self.open_path = open_path
        self.widget = widget
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_path(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
            if obj is not self.widget:
                return False  # text into a field: the field's own business
            event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            path = dropped_path(event.mimeData())
            if path is None:
                if obj is not self.widget:
                    return False
                event.ignore()
            else:
                event.acceptProposedAction()
                self.open_path(path)
            return True
        return False
