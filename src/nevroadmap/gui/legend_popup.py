"""The whole timeline legend in a popup ("More (N)" in a small window).

Unfolding the legend in place took half the lanes' height on a laptop
screen; the popup shows every entry above the legend, at most
``MAX_SHARE`` of the window tall (it scrolls beyond), and closes on Esc or a
click elsewhere.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from nevroadmap.render.legend import legend_height, paint_legend
from nevroadmap.render.theme import Theme

__all__ = ["LegendPopup", "MAX_SHARE", "show_above"]

MAX_SHARE = 0.4  # of the window's height
_PAD = 8


class LegendPopup(QFrame):
    def __init__(self, parent: QWidget, entries, theme: Theme, width: int, max_height: int) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("legendPopup")
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(f"#legendPopup {{ background: {theme.background}; border: 1px solid {theme.grid_major}; }}")
        inner_w = max(width - 2 * _PAD - 20, 120)
        h = math.ceil(legend_height(entries, inner_w, theme)) + 4
        dpr = parent.devicePixelRatioF()
        pm = QPixmap(int(inner_w * dpr), int(h * dpr))
        pm.setDevicePixelRatio(dpr)
        pm.fill(QColor(theme.background))
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        paint_legend(p, QRectF(0, 2, inner_w, h - 4), entries, theme)
        p.end()
        self.picture = QLabel()
        self.picture.setPixmap(pm)
        self.scroll = QScrollArea(self)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.picture)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setStyleSheet(f"background: {theme.background};")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(_PAD, _PAD, _PAD, _PAD)
        lay.addWidget(self.scroll)
        self.resize(width, min(h + 2 * _PAD + 4, max(max_height, 60)))

    def show_above(self, bottom_left: QPoint) -> None:
        """Open with its bottom-left corner at ``bottom_left`` (global), inside the screen."""
        show_above(self, bottom_left, self.parentWidget())
        self.scroll.setFocus(Qt.FocusReason.PopupFocusReason)  # Esc closes it, arrows scroll it


def show_above(popup: QWidget, bottom_left: QPoint, near: QWidget) -> None:
    """Show ``popup`` with its bottom-left corner at ``bottom_left`` (global), moved as little as it takes
    to lie whole on the screen of ``near``."""
    pos = QPoint(bottom_left.x(), bottom_left.y() - popup.height())
    screen = near.screen()
    if screen is not None:
        room = screen.availableGeometry()
        pos.setY(max(room.top(), min(pos.y(), room.bottom() - popup.height())))
        pos.setX(max(room.left(), min(pos.x(), room.right() - popup.width())))
    popup.move(pos)
    popup.show()
