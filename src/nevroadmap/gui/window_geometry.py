"""Where the main window opens, and how its geometry and dock layout are saved and restored.

The first window fits the screen it opens on: the preferred size, shrunk
to the available area (without the task bar) and centred on it.  A saved
geometry is restored, and brought back onto a screen when it no longer fits
one (a monitor was unplugged, the resolution dropped).  The docks start at a
width that leaves the timeline most of the window; on a narrow first window
(a laptop) they share one column as tabs.

The rectangle arithmetic is in pure functions (:func:`initial_geometry`,
:func:`bring_on_screen`, :func:`dock_widths`) so it is tested without screens.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

BOTTOM_SHARE = 0.28  # the timeline keeps most of the height, on a laptop screen too

__all__ = ["PREFERRED_SIZE", "initial_geometry", "bring_on_screen", "dock_widths", "docks_tabbed", "WindowGeometry"]

PREFERRED_SIZE = QSize(1600, 1000)
SCREEN_FILL = 0.92  # at most this share of the available area on the first start
MIN_VISIBLE = 120  # a restored window shows at least this many pixels of itself on a screen
TABBED_BELOW = 1300  # narrower first windows (laptops): filters and details share one column, as tabs
TABBED_SHARE, TABBED_MAX_PX = 0.26, 340  # that column's start width: this share of the window, at most this
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


def initial_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE, minimum: QSize = QSize(640, 400)) -> QRect:
    """The first window's frame: ``preferred``, no larger than the available area, centred on it."""
    w = min(preferred.width(), int(available.width() * SCREEN_FILL))
    h = min(preferred.height(), int(available.height() * SCREEN_FILL))
    w = min(max(w, minimum.width()), available.width())
    h = min(max(h, minimum.height()), available.height())
    rect = QRect(0, 0, w, h)
    rect.moveCenter(available.center())
    return rect


def bring_on_screen(frame: QRect, screens: Sequence[QRect]) -> QRect:
    """``frame`` as restored when it is usable on a screen, else moved (and shrunk) onto the best one.

    Usable: the title bar's top edge is on a screen and at least
    :data:`MIN_VISIBLE` pixels of the window show, and it is no larger than
    that screen.  Otherwise the frame goes to the screen it overlaps most
    (the first screen if none), shrunk to fit it and kept inside it.
    """
    if not screens:
        return QRect(frame)

    def overlap(a: QRect, b: QRect) -> int:
        i = a.intersected(b)
        return max(i.width(), 0) * max(i.height(), 0)

    best = max(screens, key=lambda s: overlap(frame, s))
    if overlap(frame, best) == 0:
        best = screens[0]
    title_on_screen = any(s.contains(QPoint(frame.center().x(), frame.top())) for s in screens)
    inside = best.intersected(frame)
    fits = frame.width() <= best.width() and frame.height() <= best.height()
    if title_on_screen and fits and inside.width() >= min(MIN_VISIBLE, frame.width()) \
            and inside.height() >= min(MIN_VISIBLE, frame.height()):
        return QRect(frame)
    w = min(frame.width(), best.width())
    h = min(frame.height(), best.height())
    x = min(max(frame.x(), best.left()), best.left() + best.width() - w)
    y = min(max(frame.y(), best.top()), best.top() + best.height() - h)
    return QRect(x, y, w, h)


def dock_widths(window_width: int, filters: int = 270, details: int = 390) -> tuple[int, int]:
    """Start widths of the filters and details docks: at most about 45 % of the window between them."""
    room = int(window_width * 0.45)
    if filters + details <= room:
        return filters, details
    scale = room / (filters + details)
    return max(int(filters * scale), 160), max(int(details * scale), 200)


def docks_tabbed(window_width: int) -> bool:
    """Whether a first window this wide shares one dock column between the panels, as tabs."""
    return window_width < TABBED_BELOW


def _available_rects() -> list[QRect]:
    app = QGuiApplication.instance()
    if app is None:
        return []
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = ([primary] if primary is not None else []) + [s for s in screens if s is not primary]
    return [s.availableGeometry() for s in ordered]


class WindowGeometry:
    """Restore, save and reset a main window's geometry and dock layout in ``settings``."""

    def __init__(self, window: QMainWindow, settings: QSettings, docks: Sequence[QDockWidget]) -> None:
        self.window = window
        self.settings = settings
        self.docks = list(docks)
        self._default_state: QByteArray | None = None
        self._placed: QRect | None = None
        self._size_docks_when_shown = False

    def restore(self) -> None:
        """The saved geometry and docks (brought on screen), or a first window that fits the screen."""
        w = self.window
        self._default_state = w.saveState()
        screens = _available_rects()
        geo = self.settings.value(GEOMETRY_KEY)
        restored = isinstance(geo, (QByteArray, bytes)) and w.restoreGeometry(QByteArray(geo))
        if restored:
            frame = bring_on_screen(w.geometry(), screens)
            if frame != w.geometry():
                w.setGeometry(frame)
        elif screens:
            w.setGeometry(initial_geometry(screens[0]))
        else:
            w.resize(PREFERRED_SIZE)
        self._placed = QRect(w.geometry())
        st = self.settings.value(STATE_KEY)
        self._size_docks_when_shown = not (isinstance(st, (QByteArray, bytes)) and w.restoreState(QByteArray(st)))

    def keep_on_screen(self) -> None:
        """Once shown (the frame is known): the whole frame, title bar included, on a screen; docks sized.

        Only a geometry placed by :meth:`restore`; a size the program set since (the screenshot
        tool renders off-screen at any size) is left alone.
        """
        w = self.window
        if self._size_docks_when_shown:  # docks take their widths once the window is laid out
            self._size_docks_when_shown = False
            self.size_docks()  # now, so the first frame already has them ...
            QTimer.singleShot(0, self.size_docks)  # ... and again once every dock is laid out
        if self._placed is None or w.geometry() != self._placed:
            return
        frame = w.frameGeometry()
        target = bring_on_screen(frame, _available_rects())
        if target != frame:
            extra_w, extra_h = frame.width() - w.width(), frame.height() - w.height()
            w.resize(max(target.width() - extra_w, 1), max(target.height() - extra_h, 1))
            w.move(target.topLeft())  # a window's position is its frame's

    def size_docks(self) -> None:
        """Start widths; a window narrower than :data:`TABBED_BELOW` puts the docks in one column, as tabs.
        Docks below the timeline (the metrics pane) start at most :data:`BOTTOM_SHARE` of the window tall."""
        w = self.window
        bottom = [d for d in w.findChildren(QDockWidget)
                  if w.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea and not d.isFloating()]
        if bottom:
            tall = [max(d.minimumSizeHint().height(), int(w.height() * BOTTOM_SHARE)) for d in bottom]
            w.resizeDocks(bottom, tall, Qt.Orientation.Vertical)
        if len(self.docks) != 2:
            return
        first, second = self.docks
        if docks_tabbed(w.width()):
            if second not in w.tabifiedDockWidgets(first):
                w.tabifyDockWidget(first, second)
                first.raise_()
            width = min(max(first.minimumSizeHint().width(), int(w.width() * TABBED_SHARE)), TABBED_MAX_PX)
            w.resizeDocks([first], [width], Qt.Orientation.Horizontal)
        else:
            w.resizeDocks(self.docks, list(dock_widths(w.width())), Qt.Orientation.Horizontal)

    def reset(self) -> None:
        """The docks where they were when the window was built, shown, at their start widths."""
        if self._default_state is not None:
            self.window.restoreState(self._default_state)
        for d in self.docks:
            d.show()
        QTimer.singleShot(0, self.size_docks)  # once the docks shown again are laid out

    def save(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        self.settings.setValue(STATE_KEY, self.window.saveState())
        self.settings.sync()
