"""The timeline's graphics item: all lanes and milestones of a roadmap, drawn in one pass.

Data coordinates: x is a decimal year, y a row (row ``r`` spans ``[r, r+1)``,
row 0 at the top; the view's y axis is inverted).  The item paints only what
is visible: :class:`~nevroadmap.render.frame_plan.FramePlanner` plans the
frame and :class:`~nevroadmap.render.frame_painter.FramePainter` draws it;
this item holds the state (data, theme, selection, hover) and answers the
mouse (hit testing, hover tooltips, clicks).
"""

from __future__ import annotations

from contextlib import contextmanager

import math
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nevroadmap.core.dates import decimal_year
from nevroadmap.core.glyphs import ROW_PX
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render.frame_painter import FramePainter
from nevroadmap.render.frame_plan import Frame, FramePlanner, Geometry
from nevroadmap.render.row_index import BASE_YEAR, SPAN_YEARS
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.tooltips import milestone_tooltip

__all__ = ["TimelineItem", "pixel_ratio", "today_year"]


def pixel_ratio(item: QtWidgets.QGraphicsItem, t: QtGui.QTransform) -> float:
    """Device pixels per scene pixel of ``item`` painted with transform ``t`` (an export renders a scene
    scaled up; pixel sizes of marks, pens and text follow)."""
    st = item.sceneTransform()
    if abs(st.m11()) < 1e-12:
        return 1.0
    return max(0.05, abs(t.m11() / st.m11()))


@contextmanager
def device_pixels(item: QtWidgets.QGraphicsItem, p: QtGui.QPainter):
    """Paint ``item`` in device pixels, antialiased: yields (its transform to them, the pixel ratio of
    :func:`pixel_ratio`); the painter is as before afterwards."""
    tr = p.transform()
    p.save()
    p.resetTransform()
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    try:
        yield tr, pixel_ratio(item, tr)
    finally:
        p.restore()


def today_year() -> float:
    return decimal_year(date.today())


class TimelineItem(pg.GraphicsObject):
    """All lanes and milestones of a roadmap, drawn in one pass."""

    sigClicked = QtCore.Signal(int)  # milestone index into roadmap.milestones, -1 for background
    sigHovered = QtCore.Signal(int)

    def __init__(self, roadmap: Roadmap, layout: LaneLayout, theme: Theme | str = "light") -> None:
        super().__init__()
        self.theme = get_theme(theme)
        self.today: float | None = today_year()
        self.show_labels = True
        self.static_text = True  # cached glyph layout on screen; vector outputs use plain drawText
        self._selected = -1
        self._hover = -1
        self._last_labels: list = []
        self._last_geom: Geometry | None = None
        self.painter: FramePainter | None = None
        self.setAcceptHoverEvents(True)
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)
        self.set_data(roadmap, layout)

    # -- state ---------------------------------------------------------------
    def set_data(self, roadmap: Roadmap, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        self.roadmap, self.layout = roadmap, layout
        self.planner = FramePlanner(roadmap, layout, reuse=getattr(self, "planner", None))  # widths measured stay
        if self.painter is None:
            self.painter = FramePainter(self.planner, self.theme)
        else:
            self.painter.set_planner(self.planner)
        self._hover = -1
        self.update()

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = self.painter.theme = get_theme(theme)
        self.update()

    def set_selected(self, milestone_index: int | None) -> None:
        self._selected = -1 if milestone_index is None else int(milestone_index)
        self.update()

    @property
    def selected(self) -> int:
        return self._selected

    def boundingRect(self) -> QtCore.QRectF:  # noqa: N802
        return QtCore.QRectF(BASE_YEAR, 0.0, SPAN_YEARS, float(max(self.layout.n_rows, 1)))

    # -- planning ------------------------------------------------------------------
    def _pixel_ratio(self, t: QtGui.QTransform) -> float:
        return pixel_ratio(self, t)

    def visible_entries(self, rect: QtCore.QRectF, px_per_year: float | None = None, row_px: float = ROW_PX,
                        ratio: float = 1.0) -> np.ndarray:
        """Entry indices (into the layout) that a paint of data rect ``rect`` draws (before merging)."""
        return self.planner.visible_entries(rect, px_per_year, row_px, ratio)

    def plan(self, t0: float, t1: float, y0: float, y1: float, g: Geometry, want_labels: bool = True) -> Frame:
        """The frame a paint of view [t0, t1] x rows [y0, y1) at mapping ``g`` draws."""
        font = self.painter.label_font(g) if want_labels and self.show_labels else None
        return self.planner.plan(t0, t1, y0, y1, g, font)

    # -- painting ------------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, opt=None, widget=None) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (t0, t1), (y0, y1) = vb.viewRange()
        t = p.transform()
        if abs(t.m11()) < 1e-12 or abs(t.m22()) < 1e-12 or t.m12() or t.m21():
            return
        g = Geometry(t.m11(), t.dx(), t.m22(), t.dy(), self._pixel_ratio(t))
        dev = p.device()
        self.static_text = isinstance(dev, (QtGui.QImage, QtGui.QPixmap)) or dev is None or dev.devType() in (1, 2, 3)
        self.paint_frame(p, t0, t1, y0, y1, g)

    def paint_frame(self, p: QtGui.QPainter, t0: float, t1: float, y0: float, y1: float, g: Geometry) -> Frame:
        """Draw the view [t0, t1] x rows [y0, y1) at pixel mapping ``g`` (the hit test remembers it)."""
        frame = self.painter.paint_frame(p, t0, t1, y0, y1, g, today=self.today, selected=self._selected,
                                         hover=self._hover, show_labels=self.show_labels, static_text=self.static_text)
        self._last_labels = frame.labels
        self._last_geom = g
        return frame

    # -- hit testing ------------------------------------------------------------------
    def item_at(self, x: float, y: float, tol_px: float = 4.0) -> int | None:
        """Milestone index (into roadmap.milestones) drawn at data point (x, y), or None."""
        lay = self.layout
        row = int(math.floor(y))
        if not (0 <= row < lay.n_rows) or not len(lay.item):
            return None
        vb = self.getViewBox()
        if self._last_geom is not None:
            g = self._last_geom
        elif vb is not None:
            pw, ph = vb.viewPixelSize()
            g = Geometry(1.0 / max(pw, 1e-12), 0.0, 1.0 / max(ph, 1e-12), 0.0, 1.0)
        else:
            g = Geometry(100.0, 0.0, ROW_PX, 0.0, 1.0)
        tol = tol_px * g.ratio / abs(g.sx)
        a, b = int(lay.row_ptr[row]), int(lay.row_ptr[row + 1])
        if a < b:
            e = np.arange(a, b)
            lo, hi = self.planner.extents(e, g)
            dist = np.maximum(lo - x, 0) + np.maximum(x - hi, 0)
            best = int(np.argmin(dist))
            if dist[best] <= tol:
                return int(lay.item[e[best]])
        # a click on a label picks its milestone
        if self._last_geom is not None:
            px = g.x(x)
            for ent, lx, _yb, _text, _inside, w in self._last_labels:
                if int(lay.row[ent]) == row and lx - 2 <= px <= lx + w + 2:
                    return int(lay.item[ent])
        return None

    def hoverEvent(self, ev):  # noqa: N802 (pyqtgraph API)
        if ev.isExit():
            idx = -1
        else:
            pos = ev.pos()
            hit = self.item_at(pos.x(), pos.y())
            idx = -1 if hit is None else hit
        if idx != self._hover:
            self._hover = idx
            self.setToolTip(milestone_tooltip(self.roadmap, idx) if idx >= 0 else "")
            self.sigHovered.emit(idx)
            self.update()

    def mouseClickEvent(self, ev):  # noqa: N802
        if ev.button() != QtCore.Qt.LeftButton:
            return
        pos = ev.pos()
        hit = self.item_at(pos.x(), pos.y())
        ev.accept()
        self.sigClicked.emit(-1 if hit is None else hit)

