"""The timeline's view box: time zooms and pans within limits; rows keep a fixed height and scroll."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore

from nevroadmap.core.glyphs import ROW_PX

__all__ = ["TimelineViewBox", "clamp_window", "MIN_SPAN_YEARS", "MIN_SPAN_DAYS_YEARS", "MAX_SPAN_YEARS"]

MIN_SPAN_YEARS = 0.25  # zoom limits: three months (two weeks when the data has exact days) ...
MIN_SPAN_DAYS_YEARS = 14 / 365.25
MAX_SPAN_YEARS = 60.0  # ... to sixty years


class TimelineViewBox(pg.ViewBox):
    """Time zooms and pans; rows keep a fixed pixel height and scroll.

    With ``row_px=None`` the rows are fitted into the view instead (export).
    """

    sigRowsChanged = QtCore.Signal()
    sigBackgroundClicked = QtCore.Signal()

    def __init__(self, row_px: float | None = ROW_PX, **kw) -> None:
        super().__init__(enableMenu=False, **kw)
        self.row_px = row_px
        self.n_rows = 0
        self.top = 0.0
        self.invertY(True)
        self.setMouseEnabled(x=True, y=False)
        self.disableAutoRange()
        self.min_span = MIN_SPAN_YEARS
        self.setLimits(minXRange=MIN_SPAN_YEARS, maxXRange=MAX_SPAN_YEARS, xMin=1800.0, xMax=2200.0)
        self.sigResized.connect(self.apply_rows)

    def set_min_span(self, years: float) -> None:
        """The narrowest time window zooming reaches (two weeks for data with exact days)."""
        self.min_span = float(years)
        self.setLimits(minXRange=self.min_span)

    def set_rows(self, n_rows: int) -> None:
        self.n_rows = int(n_rows)
        self.apply_rows()

    def visible_rows(self) -> float:
        if self.row_px is None:
            return float(max(self.n_rows, 1))
        return max(self.height(), 1.0) / self.row_px

    def max_top(self) -> float:
        return max(0.0, self.n_rows - self.visible_rows())

    def apply_rows(self) -> None:
        if self.row_px is None:
            self.top = 0.0
            self.setYRange(0.0, float(max(self.n_rows, 1)), padding=0)
        else:
            self.top = min(max(self.top, 0.0), self.max_top())
            self.setYRange(self.top, self.top + self.visible_rows(), padding=0)
        self.sigRowsChanged.emit()

    def scroll_rows(self, rows: float) -> None:
        self.top += rows
        self.apply_rows()

    def scroll_to_row(self, top: float) -> None:
        self.top = top
        self.apply_rows()

    def time_range(self) -> tuple[float, float]:
        t0, t1 = self.viewRange()[0]
        return float(t0), float(t1)

    def set_time_range(self, t0: float, t1: float) -> None:
        t0, t1 = clamp_window(t0, t1, self.min_span)
        self.setXRange(t0, t1, padding=0)

    def zoom_time(self, factor: float, center: float | None = None) -> None:
        t0, t1 = self.time_range()
        if center is None:
            center = (t0 + t1) / 2
        factor = max(float(factor), 1e-6)
        width = min(max((t1 - t0) / factor, self.min_span), MAX_SPAN_YEARS)
        frac = (center - t0) / (t1 - t0) if t1 > t0 else 0.5
        self.set_time_range(center - frac * width, center - frac * width + width)

    def pan_time(self, fraction: float) -> None:
        t0, t1 = self.time_range()
        d = (t1 - t0) * fraction
        self.set_time_range(t0 + d, t1 + d)

    def wheelEvent(self, ev, axis=None):  # noqa: N802
        delta = ev.delta()
        if ev.modifiers() & QtCore.Qt.ShiftModifier:
            self.scroll_rows(-delta / 120 * 3)
        else:
            center = self.mapToView(ev.pos()).x()
            self.zoom_time(1.2 ** (delta / 120), center)
        ev.accept()

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802
        if ev.button() not in (QtCore.Qt.LeftButton, QtCore.Qt.MiddleButton):
            ev.ignore()
            return
        ev.accept()
        a, b = self.mapToView(ev.lastPos()), self.mapToView(ev.pos())
        t0, t1 = self.time_range()
        d = a.x() - b.x()
        self.set_time_range(t0 + d, t1 + d)
        if self.row_px is not None:
            self.scroll_rows(a.y() - b.y())

    def mouseClickEvent(self, ev):  # noqa: N802
        # clicks on milestones reach the timeline item first; what gets here hit the background
        if ev.button() == QtCore.Qt.LeftButton:
            ev.accept()
            self.sigBackgroundClicked.emit()
        else:
            ev.ignore()


def clamp_window(t0: float, t1: float, min_span: float = MIN_SPAN_YEARS) -> tuple[float, float]:
    """A time window within the zoom (at least ``min_span`` years) and panning limits."""
    if not (math.isfinite(t0) and math.isfinite(t1)):
        t0, t1 = 2020.0, 2035.0
    if t1 < t0:
        t0, t1 = t1, t0
    w = min(max(t1 - t0, min_span), MAX_SPAN_YEARS)
    c = (t0 + t1) / 2
    t0 = c - w / 2
    t0 = min(max(t0, 1800.0), 2200.0 - w)
    return t0, t0 + w

