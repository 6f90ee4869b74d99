"""The timeline drawing: one fast graphics item for all milestones.

Data coordinates: x is a decimal year, y a row (row ``r`` spans ``[r, r+1)``,
row 0 at the top; the view's y axis is inverted).  :class:`TimelineItem`
paints only what is visible: a row index finds the entries of the visible
rows and time window with one ``searchsorted``; entries closer than a pixel
in a row are merged into one aggregate bar, so a frame costs pixels, not
items.  All shapes are batched per style (``drawRects`` of a primitive
array) and drawn in device pixels, so markers and labels keep their size
whatever the zoom; labels are placed only where they fit and never overlap.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6 import QtCore, QtGui

from nevroadmap.core.dates import decimal_year
from nevroadmap.core.layout import FADE_YEARS, KIND_DEADLINE, KIND_POINT, KIND_RANGE, LaneLayout
from nevroadmap.core.model import STATUS_ORDER, Roadmap
from nevroadmap.render.axis import LaneLabelAxis, YearAxis, year_ticks
from nevroadmap.render.theme import Theme, _is_pdf, fade_brush, fill_fade, get_theme, status_style

# shared objects: passing the Qt.NoPen enum to setPen repeatedly trips a PySide refcount bug
_NO_PEN = QtGui.QPen(QtCore.Qt.NoPen)
_NO_BRUSH = QtGui.QBrush(QtCore.Qt.NoBrush)
_ORIGIN = QtCore.QPointF(0.0, 0.0)
_CACHE_MARGIN = 32  # px around the view in the cached frame image (even)

__all__ = [
    "ROW_PX", "MIN_SPAN_YEARS", "MAX_SPAN_YEARS", "RowIndex", "Frame", "TimelineItem", "TimelineViewBox",
    "make_plot_item", "build_plot", "milestone_tooltip", "today_year",
]

ROW_PX = 24  # row height in the app, in pixels
MIN_SPAN_YEARS = 0.25  # zoom limits: three months ...
MAX_SPAN_YEARS = 60.0  # ... to sixty years
_BASE, _SPAN = 1300.0, 2000.0  # key = row * _SPAN + (x - _BASE): one sorted array for all rows


def today_year() -> float:
    return decimal_year(date.today())


class RowIndex:
    """Entries of rows ``[r0, r1]`` whose extent may touch ``[t0, t1]``, for all rows in one search."""

    def __init__(self, layout: LaneLayout) -> None:
        row = layout.row.astype(np.float64) * _SPAN
        if layout.extent_end is not None:
            reach = np.maximum(layout.extent_end, np.maximum(layout.x0, layout.x1))
        else:
            reach = np.maximum(layout.x0, layout.x1)
        reach = reach + np.where(layout.open_end, FADE_YEARS, 0.0)
        # within a row entries are disjoint and sorted, so reach is sorted too; keep it so after clipping
        self.k_reach = row + np.clip(reach - _BASE, 0.0, _SPAN - 1.0)
        self.k_x0 = row + np.clip(layout.x0 - _BASE, 0.0, _SPAN - 1.0)
        self.n_rows = layout.n_rows

    def query(self, r0: int, r1: int, t0: float, t1: float) -> np.ndarray:
        r0, r1 = max(int(r0), 0), min(int(r1), self.n_rows - 1)
        if r1 < r0 or not len(self.k_x0):
            return np.zeros(0, np.int64)
        base = np.arange(r0, r1 + 1, dtype=np.float64) * _SPAN
        lo = np.searchsorted(self.k_reach, base + min(max(t0 - _BASE, 0.0), _SPAN - 1.0), side="left")
        hi = np.searchsorted(self.k_x0, base + min(max(t1 - _BASE, 0.0), _SPAN - 1.0), side="right")
        n = np.maximum(hi - lo, 0)
        total = int(n.sum())
        if not total:
            return np.zeros(0, np.int64)
        offs = np.repeat(lo - (np.cumsum(n) - n), n)
        return offs + np.arange(total)


@dataclass
class Frame:
    """What one paint draws, in device pixels (tests and benchmarks read it)."""

    entries: np.ndarray  # layout entry indices drawn (before merging)
    g_row: np.ndarray  # per drawn group: row, left, right, entry count, min status, colour index
    g_lo: np.ndarray
    g_hi: np.ndarray
    g_count: np.ndarray
    g_status: np.ndarray
    g_color: np.ndarray
    g_first: np.ndarray  # index into ``entries`` of the group's first entry
    labels: list  # (entry, x, baseline, text, inside)


class _Geometry:
    """Data -> device mapping for one paint."""

    def __init__(self, sx: float, dx: float, sy: float, dy: float, ratio: float) -> None:
        self.sx, self.dx, self.sy, self.dy, self.ratio = sx, dx, sy, dy, ratio

    def x(self, t):
        return t * self.sx + self.dx

    def y(self, r):
        return r * self.sy + self.dy


def _rect_array(n: int, cache: dict, key: str) -> internals.PrimitiveArray:
    arr = cache.get(key)
    if arr is None:
        arr = cache[key] = internals.PrimitiveArray(QtCore.QRectF, 4)
    arr.resize(n)
    return arr


class TimelineItem(pg.GraphicsObject):
    """All lanes and milestones of a roadmap, drawn in one pass."""

    sigClicked = QtCore.Signal(int)  # milestone index into roadmap.milestones, -1 for background
    sigHovered = QtCore.Signal(int)

    BAR_FRACTION = 0.62  # bar height / row height
    LABEL_MIN_PX = 34  # narrower room: no label
    LABEL_GAP_PX = 6
    DENSITY_ROW_PX = 2.0  # thinner rows are drawn as a density image (one pixel per pixel)

    def __init__(self, roadmap: Roadmap, layout: LaneLayout, theme: Theme | str = "light") -> None:
        super().__init__()
        self.theme = get_theme(theme)
        self.today: float | None = today_year()
        self.show_labels = True
        self._selected = -1
        self._hover = -1
        self._arrays: dict = {}
        self._static_text: dict = {}
        self.static_text = True  # cached glyph layout on screen; vector outputs use plain drawText
        self._last_labels: list = []
        self._last_geom: _Geometry | None = None
        self._pen_key = None
        self._view_px = (-math.inf, math.inf)
        self._hatch_origin = _ORIGIN
        self._pen_cache: dict = {}
        self._lane_starts = None
        self._grad_cache: dict = {}
        # Off by default: a pan or zoom changes the frame, so the cache costs a fill and a
        # blit (~2.5 ms at 1920x1080) on every real frame and saves only on rare re-exposes.
        self.frame_cache = False
        self._cache_key = None
        self._cache_img: QtGui.QImage | None = None
        self._cache_labels: list = []
        self._cache_labels_key = None
        self.setAcceptHoverEvents(True)
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)
        self.set_data(roadmap, layout)

    # -- state ---------------------------------------------------------------
    def set_data(self, roadmap: Roadmap, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        self.roadmap, self.layout = roadmap, layout
        self.index = RowIndex(layout)
        self._label_w = np.full(len(roadmap.milestones), np.nan)
        self._label_font_px = -1.0
        self._hover = -1
        self.update()

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.update()

    def set_selected(self, milestone_index: int | None) -> None:
        self._selected = -1 if milestone_index is None else int(milestone_index)
        self.update()

    @property
    def selected(self) -> int:
        return self._selected

    def boundingRect(self) -> QtCore.QRectF:  # noqa: N802
        return QtCore.QRectF(_BASE, 0.0, _SPAN, float(max(self.layout.n_rows, 1)))

    # -- geometry helpers ------------------------------------------------------
    def _pixel_ratio(self, t: QtGui.QTransform) -> float:
        """Device pixels per scene pixel (export renders a scene scaled up)."""
        st = self.sceneTransform()
        if abs(st.m11()) < 1e-12:
            return 1.0
        return max(0.05, abs(t.m11() / st.m11()))

    def marker_px(self, row_px: float, ratio: float = 1.0) -> float:
        return max(2.0, min(row_px * 0.34, 8.0 * ratio))

    def _extents(self, e: np.ndarray, g: _Geometry) -> tuple[np.ndarray, np.ndarray]:
        """Drawn extent [lo, hi] in years of entries ``e`` at pixel scale ``g``."""
        lay = self.layout
        kind = lay.kind[e]
        m = self.marker_px(abs(g.sy), g.ratio) / abs(g.sx)
        stem = self._stem_px(g) / abs(g.sx)
        x0, x1 = lay.x0[e], lay.x1[e]
        lo = x0 - np.where(kind == KIND_POINT, m, np.where(kind == KIND_DEADLINE, stem, 0.0))
        hi = np.maximum(x0, x1) + np.where(lay.open_end[e], FADE_YEARS, 0.0) + np.where(kind == KIND_POINT, m, 0.0)
        return lo, hi

    def _stem_px(self, g: _Geometry) -> float:
        return 16.0 * g.ratio

    def visible_entries(self, rect: QtCore.QRectF, px_per_year: float | None = None, row_px: float = ROW_PX,
                        ratio: float = 1.0) -> np.ndarray:
        """Entry indices (into the layout) that a paint of data rect ``rect`` draws (before merging)."""
        if px_per_year is None:
            px_per_year = 1000.0 / max(rect.width(), 1e-9)
        g = _Geometry(px_per_year, -rect.left() * px_per_year, row_px, -rect.top() * row_px, ratio)
        return self._visible(rect.left(), rect.right(), rect.top(), rect.bottom(), g)

    def _visible(self, t0: float, t1: float, y0: float, y1: float, g: _Geometry) -> np.ndarray:
        pad = (max(self.marker_px(abs(g.sy), g.ratio), self._stem_px(g)) + 1.0) / abs(g.sx)
        r0, r1 = int(math.floor(y0)), int(math.ceil(y1)) - 1
        cand = self.index.query(r0, r1, t0 - pad, t1 + pad)
        if not len(cand):
            return cand
        lo, hi = self._extents(cand, g)
        return cand[(hi >= t0) & (lo <= t1)]

    # -- planning (pure numpy) ---------------------------------------------------
    def plan(self, t0: float, t1: float, y0: float, y1: float, g: _Geometry, want_labels: bool = True) -> Frame:
        e = self._visible(t0, t1, y0, y1, g)
        lay = self.layout
        if not len(e):
            z = np.zeros(0, np.int64)
            return Frame(e, z, z.astype(float), z.astype(float), z, z, z, z, [])
        lo, hi = self._extents(e, g)
        plo, phi = g.x(lo), g.x(hi)
        row = lay.row[e].astype(np.int64)
        # running max of right edges within each row (rows ascend, so an offset per row keeps them apart)
        big = 1e9
        run_hi = np.maximum.accumulate(phi + row * big) - row * big
        new = np.ones(len(e), bool)
        new[1:] = (row[1:] != row[:-1]) | (plo[1:] > run_hi[:-1] + 1.0)
        starts = np.flatnonzero(new)
        count = np.diff(np.append(starts, len(e)))
        g_lo = np.minimum.reduceat(plo, starts)
        g_hi = np.maximum.reduceat(phi, starts)
        g_status = np.minimum.reduceat(lay.status[e], starts)
        frame = Frame(e, row[starts], g_lo, g_hi, count, g_status, lay.color[e][starts], starts, [])
        if want_labels and self.show_labels:
            frame.labels = self._plan_labels(frame, g, t0, t1)
        return frame

    def _label_font(self, g: _Geometry) -> QtGui.QFont:
        px = min(self.theme.label_px * g.ratio, abs(g.sy) * 0.72)
        return self.theme.font(px)

    def _plan_labels(self, f: Frame, g: _Geometry, t0: float, t1: float) -> list:
        row_px = abs(g.sy)
        if row_px < 10.0 * g.ratio:
            return []
        font = self._label_font(g)
        fpx = font.pixelSize()
        if fpx != self._label_font_px:
            self._label_w[:] = np.nan
            self._label_font_px = fpx
        fm = QtGui.QFontMetricsF(font)
        lay = self.layout
        single = np.flatnonzero(f.g_count == 1)
        if not len(single):
            return []
        e = f.entries[f.g_first[single]]
        row = f.g_row[single]
        # room to the right ends where the next group in the same row starts
        nxt = np.full(len(single), np.inf)
        gi = single + 1
        has_next = gi < len(f.g_row)
        same = np.zeros(len(single), bool)
        same[has_next] = f.g_row[gi[has_next]] == row[has_next]
        nxt[same] = f.g_lo[gi[same]]
        view_l, view_r = g.x(t0), g.x(t1)
        nxt = np.minimum(nxt, view_r)  # shorten at the view edge rather than clip mid-letter
        kind = lay.kind[e]
        px0, px1 = g.x(lay.x0[e]), g.x(np.maximum(lay.x0[e], lay.x1[e]))
        m = self.marker_px(row_px, g.ratio)
        pad = 4.0 * g.ratio
        gap = self.LABEL_GAP_PX * g.ratio
        out_x = np.where(kind == KIND_POINT, px0 + m + pad, np.where(kind == KIND_DEADLINE, px0 + pad, px1 + pad))
        out_room = nxt - gap - out_x
        soft = np.where(lay.approximate[e], np.minimum(10.0 * g.ratio, np.maximum((px1 - px0) / 3, 0)), 0.0)
        in_l = np.maximum(px0 + soft, view_l) + pad
        in_r = np.minimum(px1 - soft, view_r) - pad
        in_room = np.where(kind == KIND_RANGE, in_r - in_l, -1.0)
        min_px = self.LABEL_MIN_PX * g.ratio
        ok = ((in_room >= min_px) | (out_room >= min_px)) & (out_x < view_r)
        ok &= (f.g_hi[single] >= view_l)
        idx = np.flatnonzero(ok)
        if not len(idx):
            return []
        items = lay.item[e[idx]]
        widths = self._label_w[items]
        missing = np.isnan(widths)
        if missing.any():
            titles = self.roadmap.milestones
            for j in np.flatnonzero(missing):
                it = int(items[j])
                self._label_w[it] = fm.horizontalAdvance(titles[it].title)
            widths = self._label_w[items]
        ms = self.roadmap.milestones
        labels = []
        base_off = (fm.ascent() - fm.descent()) / 2
        yc = g.y(row[idx].astype(np.float64) + 0.5) + base_off
        for j, w, yb in zip(idx.tolist(), widths.tolist(), yc.tolist()):
            ent = int(e[j])
            title = ms[int(lay.item[ent])].title
            inside = in_room[j] >= w
            if inside:
                labels.append((ent, float(in_l[j]), yb, title, True, w))
            elif out_room[j] >= w:
                if out_x[j] + w < view_l:
                    continue
                labels.append((ent, float(out_x[j]), yb, title, False, w))
            elif out_room[j] >= min_px and out_room[j] >= in_room[j]:
                labels.append((ent, float(out_x[j]), yb, fm.elidedText(title, QtCore.Qt.ElideRight, out_room[j]), False, out_room[j]))
            elif in_room[j] >= min_px:
                labels.append((ent, float(in_l[j]), yb, fm.elidedText(title, QtCore.Qt.ElideRight, in_room[j]), True, in_room[j]))
        return labels

    # -- painting ------------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, opt=None, widget=None) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (t0, t1), (y0, y1) = vb.viewRange()
        t = p.transform()
        if abs(t.m11()) < 1e-12 or abs(t.m22()) < 1e-12 or t.m12() or t.m21():
            return
        g = _Geometry(t.m11(), t.dx(), t.m22(), t.dy(), self._pixel_ratio(t))
        dev = p.device()
        self.static_text = isinstance(dev, (QtGui.QImage, QtGui.QPixmap)) or dev is None or dev.devType() in (1, 2, 3)
        if widget is None or not self.frame_cache or dev is None:
            self.paint_frame(p, t0, t1, y0, y1, g)  # export (scene.render) and vector devices: draw directly
            return
        self._paint_cached(p, dev, t0, t1, y0, y1, g)

    def invalidate(self) -> None:
        """Forget the cached screen frame (anything that changes the picture calls this)."""
        self._cache_key = None

    def update(self, *args) -> None:  # every state change calls update(): the cached frame is stale then
        self._cache_key = None
        super().update(*args)

    def _under_color(self) -> QtGui.QColor:
        vb = self.getViewBox()
        bg = getattr(vb, "background", None)
        if bg is not None and bg.isVisible() and vb.state.get("background") is not None:
            c = bg.brush().color()
            if c.alpha() == 255 and bg.brush().style() == QtCore.Qt.SolidPattern:
                return c
        return QtGui.QColor(0, 0, 0, 0)

    def _paint_cached(self, p: QtGui.QPainter, dev, t0: float, t1: float, y0: float, y1: float, g: _Geometry) -> None:
        """Screen paints: draw the frame into an image once, then blit it.

        Qt often paints the same unchanged view more than once (an expose,
        the scrollbar or the legend repainting, a grab); those paints cost a
        blit instead of a redraw.  The key holds everything the picture
        depends on, and any state change clears it (see :meth:`update`).
        """
        vx0, vx1 = g.x(t0), g.x(t1)
        vy0, vy1 = sorted((g.y(y0), g.y(y1)))
        # Even offsets: Python's and numpy's round() go half-to-even, so only an even shift keeps every
        # rounded coordinate, and the picture, the same as in a direct paint.  A margin keeps the starts
        # of cut bars inside the image: Qt restarts the dashes of a line that begins off the device.
        m = _CACHE_MARGIN
        ox, oy = 2 * math.floor(vx0 / 2) - m, 2 * math.floor(vy0 / 2) - m
        w, h = math.ceil(vx1) - ox + m, math.ceil(vy1) - oy + m
        if w <= 2 * m or h <= 2 * m or w * h > 40_000_000:
            self.paint_frame(p, t0, t1, y0, y1, g)
            return
        dpr = dev.devicePixelRatioF() if hasattr(dev, "devicePixelRatioF") else 1.0
        gc = _Geometry(g.sx, g.dx - ox, g.sy, g.dy - oy, g.ratio)  # the same frame, drawn relative to (ox, oy)
        under = self._under_color()
        key = (t0, t1, y0, y1, gc.sx, gc.dx, gc.sy, gc.dy, g.ratio, w, h, dpr, self.static_text, self.today,
               self.show_labels, self.theme, id(self.layout), self._selected, self._hover, under.rgba())
        img = self._cache_img
        if key != self._cache_key or img is None:
            size = QtCore.QSize(math.ceil(w * dpr), math.ceil(h * dpr))
            if img is None or img.size() != size:
                img = self._cache_img = QtGui.QImage(size, QtGui.QImage.Format_ARGB32_Premultiplied)
            img.setDevicePixelRatio(dpr)
            # start from what lies beneath (the view box's flat background), so that translucent
            # fades and text blend onto the same colours as in a direct paint
            img.fill(under)
            q = QtGui.QPainter(img)
            self.paint_frame(q, t0, t1, y0, y1, gc, under if under.alpha() == 255 else None)
            q.end()
            self._cache_key = key
        # the hit test maps through the geometry of the last paint: keep it in the painter's coordinates
        self._last_geom = g
        self._last_labels = [(e, x + ox, yb + oy, text, inside, lw) for e, x, yb, text, inside, lw in self._cache_labels] \
            if self._cache_labels_key == key else self._shift_labels(key, ox, oy)
        p.save()
        p.resetTransform()
        p.drawImage(QtCore.QRectF(ox + m, oy + m, w - 2 * m, h - 2 * m), img,
                    QtCore.QRectF(m * dpr, m * dpr, (w - 2 * m) * dpr, (h - 2 * m) * dpr))
        p.restore()

    def _shift_labels(self, key, ox: float, oy: float) -> list:
        """Labels of the frame just drawn into the cache (image coordinates), kept for later blits."""
        self._cache_labels = list(self._last_labels)
        self._cache_labels_key = key
        return [(e, x + ox, yb + oy, text, inside, lw) for e, x, yb, text, inside, lw in self._cache_labels]

    def paint_frame(self, p: QtGui.QPainter, t0: float, t1: float, y0: float, y1: float, g: _Geometry,
                    under: QtGui.QColor | None = None) -> Frame:
        """Draw the view [t0, t1] x rows [y0, y1) at pixel mapping ``g``; ``under``: the colour already
        filled beneath (bands of that colour are then not drawn again)."""
        th = self.theme
        lay = self.layout
        p.save()
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.Antialiasing, False)
        vx0, vx1 = g.x(t0), g.x(t1)
        vy0, vy1 = sorted((g.y(y0), g.y(y1)))
        p.setClipRect(QtCore.QRectF(vx0, vy0, vx1 - vx0, vy1 - vy0))
        p.setBrushOrigin(_ORIGIN)  # gradients (object mode) are shifted by the origin
        self._hatch_origin = QtCore.QPointF(2 * math.floor(vx0 / 2), 2 * math.floor(vy0 / 2))  # hatching follows the view
        row_px = abs(g.sy)
        self._view_px = (vx0, vx1)
        pens = self._pens(g.ratio)
        # lane bands and separators
        lanes = self._lanes_in(y0, y1)
        vw = vx1 - vx0
        p.setPen(_NO_PEN)
        for parity in (0, 1):
            brush = pens["band_even" if parity == 0 else "band_odd"]
            if under is not None and brush.color() == under:
                continue
            rects = [QtCore.QRectF(vx0, g.y(ln.row0), vw, ln.rows * row_px) for i, ln in lanes if i % 2 == parity]
            if rects:
                p.setBrush(brush)
                p.drawRects(rects)
        # calendar grid
        major, majors, minor, minors = year_ticks(t0, t1, vw, g.ratio)
        # grid lines as filled pixel columns: exact on every device (a 1 px line on a pixel edge is not)
        lw = pens["grid"].widthF()
        vh = vy1 - vy0
        for vals, name in ((minors, "grid"), (majors, "grid_major")):
            if vals:
                p.setBrush(pens[name].color())
                p.drawRects([QtCore.QRectF(round(g.x(v)) + 0.5 - lw / 2, vy0, lw, vh) for v in vals])
        sep = []
        grp = []
        n_lanes = len(lay.lanes)
        for i, ln in lanes:
            yb = round(g.y(ln.row0 + ln.rows)) + 0.5
            last_of_group = i + 1 >= n_lanes or lay.lanes[i + 1].group != ln.group
            (grp if last_of_group else sep).append(QtCore.QLineF(vx0, yb, vx1, yb))
        if sep:
            p.setPen(pens["separator"])
            p.drawLines(sep)
        if grp:
            p.setPen(pens["group_separator"])
            p.drawLines(grp)

        # today, under the milestones
        if self.today is not None and t0 <= self.today <= t1:
            x = round(g.x(self.today)) + 0.5
            p.setPen(pens["today"])
            p.drawLine(QtCore.QLineF(x, vy0, x, vy1))
        if row_px < self.DENSITY_ROW_PX:
            frame = self._paint_density(p, t0, t1, y0, y1, g)
        else:
            frame = self.plan(t0, t1, y0, y1, g)
        if len(frame.entries) and row_px >= self.DENSITY_ROW_PX:
            self._draw_groups(p, frame, g)
            self._draw_highlights(p, frame, g)
            self._draw_labels(p, frame, g)
        self._last_labels = frame.labels
        self._last_geom = g
        p.restore()
        return frame

    def _pens(self, ratio: float) -> dict:
        """Pens and brushes of the background, made once per (theme, scale)."""
        key = (self.theme, round(ratio, 4))
        if self._pen_key != key:
            th = self.theme
            lw = max(1.0, ratio)
            d = {"band_even": QtGui.QBrush(QtGui.QColor(th.band_even)), "band_odd": QtGui.QBrush(QtGui.QColor(th.band_odd))}
            for name in ("grid", "grid_major", "separator", "group_separator"):
                d[name] = QtGui.QPen(QtGui.QColor(getattr(th, name)), lw)
            d["today"] = QtGui.QPen(QtGui.QColor(th.today), 1.5 * ratio)
            self._pen_cache, self._pen_key = d, key
        return self._pen_cache

    def _lanes_in(self, y0: float, y1: float) -> list:
        """(index, lane) of the lanes meeting rows [y0, y1), by binary search on the lane starts."""
        lay = self.layout
        if self._lane_starts is None or self._lane_starts[0] is not lay:
            self._lane_starts = (lay, np.asarray([ln.row0 for ln in lay.lanes], np.float64),
                                 np.asarray([ln.row0 + ln.rows for ln in lay.lanes], np.float64))
        _, starts, ends = self._lane_starts
        a = int(np.searchsorted(ends, y0, side="right"))
        b = int(np.searchsorted(starts, y1, side="left"))
        return [(i, lay.lanes[i]) for i in range(a, b)]

    def _paint_density(self, p: QtGui.QPainter, t0: float, t1: float, y0: float, y1: float, g: _Geometry) -> Frame:
        """Rows thinner than a couple of pixels: mark covered pixels, one image, cost bounded by pixels."""
        e = self._visible(t0, t1, y0, y1, g)
        vx0, vx1 = g.x(t0), g.x(t1)
        vy0, vy1 = sorted((g.y(y0), g.y(y1)))
        w, h = int(math.ceil(vx1 - vx0)), int(math.ceil(vy1 - vy0))
        z = np.zeros(0, np.int64)
        frame = Frame(e, z, z.astype(float), z.astype(float), z, z, z, z, [])
        if not len(e) or w <= 0 or h <= 0 or w * h > 50_000_000:
            return frame
        lay = self.layout
        lo, hi = self._extents(e, g)
        hi = np.where(lay.open_end[e], hi - FADE_YEARS * 0.75, hi)  # a fading tail is not coverage
        c0 = np.clip(np.floor(g.x(lo) - vx0), 0, w - 1).astype(np.int64)
        c1 = np.clip(np.floor(g.x(hi) - vx0), 0, w - 1).astype(np.int64)
        r = np.clip(np.floor(g.y(lay.row[e].astype(np.float64) + 0.5) - vy0), 0, h - 1).astype(np.int64)
        diff = np.zeros((h, w + 1), np.int32)
        np.add.at(diff, (r, c0), 1)
        np.add.at(diff, (r, c1 + 1), -1)
        cover = (np.cumsum(diff, axis=1) > 0)[:, :w]
        # colour of each pixel row: its lane's colour
        row_of_y = np.clip(np.floor((np.arange(h) + vy0 + 0.5 - g.dy) / g.sy), 0, max(lay.n_rows - 1, 0)).astype(np.int64)
        lane_start = np.asarray([ln.row0 for ln in lay.lanes], np.int64)
        lane_of_y = np.clip(np.searchsorted(lane_start, row_of_y, side="right") - 1, 0, len(lay.lanes) - 1)
        lane_rgb = np.asarray([QtGui.QColor(ln.color).getRgb()[:3] for ln in lay.lanes], np.uint32)
        rgb = lane_rgb[lane_of_y]
        argb = (np.uint32(0xE6) << 24) | (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
        buf = np.where(cover, argb[:, None], np.uint32(0)).astype(np.uint32)
        img = QtGui.QImage(buf.data, w, h, 4 * w, QtGui.QImage.Format_ARGB32)
        p.drawImage(QtCore.QPointF(vx0, vy0), img)
        self._density_buf = buf  # the image points into it until painting ends
        return frame

    def _style(self, key: int, g: _Geometry):
        colors = self.layout.colors or ("#4e79a7",)
        return status_style(self.theme, colors[key // 4 % len(colors)], key % 4, round(g.ratio, 3))

    def _grad(self, color: QtGui.QColor, fade_in: bool) -> QtGui.QBrush:
        key = (color.rgba(), fade_in)
        brush = self._grad_cache.get(key)
        if brush is None:
            brush = self._grad_cache[key] = fade_brush(color, fade_in)
        return brush

    def _batch(self, p: QtGui.QPainter, name: str, keys: np.ndarray, rects: np.ndarray, paint_key) -> None:
        """Draw ``rects`` (n x 4: x, y, w, h) grouped by style key."""
        if not len(keys):
            return
        order = np.argsort(keys, kind="stable")
        keys, rects = keys[order], rects[order]
        cuts = np.flatnonzero(np.diff(keys)) + 1
        bounds = np.concatenate(([0], cuts, [len(keys)]))
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            arr = _rect_array(b - a, self._arrays, name)
            arr.ndarray()[:] = rects[a:b]
            paint_key(int(keys[a]), arr)

    def _draw_groups(self, p: QtGui.QPainter, f: Frame, g: _Geometry) -> None:
        lay = self.layout
        row_px = abs(g.sy)
        bar_h = max(1.0, round(row_px * self.BAR_FRACTION))
        top_off = math.floor((row_px - bar_h) / 2)
        g_top = np.round(g.y(f.g_row.astype(np.float64))) + top_off
        key = f.g_color.astype(np.int64) * 4 + f.g_status
        single = f.g_count == 1
        ent = f.entries[f.g_first]
        kind = np.where(single, lay.kind[ent], -1)
        x0 = np.round(g.x(lay.x0[ent]))
        x1 = np.round(g.x(np.maximum(lay.x0[ent], lay.x1[ent])))
        approx = single & lay.approximate[ent]
        open_end = single & lay.open_end[ent]
        m = self.marker_px(row_px, g.ratio)
        soft = np.minimum(10.0 * g.ratio, np.maximum((x1 - x0) / 3, 0))

        # 1. solid bars: aggregates and ranges (approximate ranges lose their soft ends here)
        agg = ~single
        rng = kind == KIND_RANGE
        bx0 = np.where(agg, np.floor(f.g_lo), np.where(approx, x0 + soft, x0))
        bx1 = np.where(agg, np.ceil(f.g_hi), np.where(approx, x1 - soft, x1))
        # a bar reaching past the view is cut a few pixels outside it: its outline there is clipped
        # anyway, and stroking (dashes!) or hatching thousands of hidden pixels costs milliseconds
        # The cut is a whole number of dash periods (4 on, 2 off, in pen widths) from the bar's start, so
        # dashes stay put on the bar while it pans.
        vl, vr = self._view_px
        period = 6.0 * max(round(g.ratio, 3), 1e-3)
        cut = bx0 + np.floor(np.maximum(vl - 8.0 - bx0, 0.0) / period) * period
        bx0 = np.maximum(bx0, cut)
        bx1 = np.maximum(np.minimum(bx1, vr + 8.0), bx0)
        sel = agg | rng
        bw = np.maximum(bx1 - bx0, 1.0)
        bars = np.column_stack((bx0, g_top, bw, np.full(len(bx0), bar_h)))[sel]
        bkeys = key[sel]
        # 2. fades: open ends (fade out) and soft ends of approximate ranges/points (fade in/out)
        fade_px = FADE_YEARS * abs(g.sx)
        fo = open_end
        fade_out = [np.column_stack((x1[fo], g_top[fo], np.full(fo.sum(), fade_px), np.full(fo.sum(), bar_h)))]
        fo_keys = [key[fo]]
        ar = approx & rng
        fade_out.append(np.column_stack((x1[ar] - soft[ar], g_top[ar], soft[ar], np.full(ar.sum(), bar_h))))
        fo_keys.append(key[ar])
        fade_in = [np.column_stack((x0[ar], g_top[ar], soft[ar], np.full(ar.sum(), bar_h)))]
        fi_keys = [key[ar]]
        ap = approx & (kind == KIND_POINT)
        wing = 2.2 * m
        wh = max(1.0, round(bar_h * 0.45))
        wtop = g_top[ap] + round((bar_h - wh) / 2)
        fade_in.append(np.column_stack((x0[ap] - wing, wtop, np.full(ap.sum(), wing), np.full(ap.sum(), wh))))
        fi_keys.append(key[ap])
        fade_out.append(np.column_stack((x0[ap], wtop, np.full(ap.sum(), wing), np.full(ap.sum(), wh))))
        fo_keys.append(key[ap])
        # 3. deadlines: a stem fading in from the left, ending in a solid tick
        dl = kind == KIND_DEADLINE
        stem = self._stem_px(g)
        sh = max(1.0, round(bar_h * 0.34))
        fade_in.append(np.column_stack((x0[dl] - stem, g_top[dl] + round((bar_h - sh) / 2), np.full(dl.sum(), stem), np.full(dl.sum(), sh))))
        fi_keys.append(key[dl])
        tw = max(2.0, round(3.0 * g.ratio))
        ticks = np.column_stack((x0[dl] - tw, g_top[dl], np.full(dl.sum(), tw), np.full(dl.sum(), bar_h)))
        tkeys = key[dl]

        p.setRenderHint(QtGui.QPainter.Antialiasing, False)

        pdf = _is_pdf(p)

        def fade_painter(fade_in_flag):
            def paint_key(k, arr):
                p.setPen(_NO_PEN)
                color = self._style(k, g).fade
                if pdf:  # one gradient per rect, see fill_fade
                    for x, y, w, h in arr.ndarray().tolist():
                        fill_fade(p, QtCore.QRectF(x, y, w, h), color, fade_in_flag, self.theme.background)
                    return
                p.setBrush(self._grad(color, fade_in_flag))
                p.drawRects(*arr.drawargs())
            return paint_key

        self._batch(p, "fi", np.concatenate(fi_keys), np.concatenate(fade_in), fade_painter(True))
        self._batch(p, "fo", np.concatenate(fo_keys), np.concatenate(fade_out), fade_painter(False))

        def bar_painter(k, arr):
            st = self._style(k, g)
            p.setPen(st.pen)
            p.setBrush(st.fill)
            p.drawRects(*arr.drawargs())
            if st.hatch is not None:
                p.setPen(_NO_PEN)
                p.setBrush(st.hatch)
                p.setBrushOrigin(self._hatch_origin)
                p.drawRects(*arr.drawargs())
                p.setBrushOrigin(_ORIGIN)

        self._batch(p, "bar", bkeys, bars, bar_painter)

        def tick_painter(k, arr):
            st = self._style(k, g)
            p.setPen(_NO_PEN)
            p.setBrush(st.pen.color())
            p.drawRects(*arr.drawargs())

        self._batch(p, "tick", tkeys, ticks, tick_painter)

        # 4. points: diamonds, drawn as squares in a frame turned by 45 degrees
        pt = kind == KIND_POINT
        if pt.any():
            c = 0.7071067811865476
            cx, cy = x0[pt], g_top[pt] + bar_h / 2
            u, v = (cx + cy) * c, (cy - cx) * c
            s = m * 1.41421356
            dia = np.column_stack((u - s / 2, v - s / 2, np.full(len(u), s), np.full(len(u), s)))
            p.save()
            p.setRenderHint(QtGui.QPainter.Antialiasing, True)
            p.setTransform(QtGui.QTransform().rotate(45))
            self._batch(p, "dia", key[pt], dia, bar_painter)
            p.restore()

    def _entry_rect(self, ent: int, g: _Geometry) -> QtCore.QRectF:
        lay = self.layout
        row_px = abs(g.sy)
        bar_h = max(1.0, round(row_px * self.BAR_FRACTION))
        top = round(g.y(float(lay.row[ent]))) + math.floor((row_px - bar_h) / 2)
        lo, hi = self._extents(np.asarray([ent]), g)
        if lay.open_end[ent]:
            hi = hi - FADE_YEARS * 0.6
        return QtCore.QRectF(round(g.x(lo[0])), top, max(2.0, round(g.x(hi[0]) - g.x(lo[0]))), bar_h)

    def _draw_highlights(self, p: QtGui.QPainter, f: Frame, g: _Geometry) -> None:
        lay = self.layout
        items = lay.item[f.entries]
        p.setBrush(_NO_BRUSH)
        for target, color, width in ((self._hover, self.theme.hover, 1.5), (self._selected, self.theme.selection, 3.0)):
            if target < 0 or (target == self._selected and color == self.theme.hover):
                continue
            hits = f.entries[items == target]
            if not len(hits):
                continue
            pen = QtGui.QPen(QtGui.QColor(color), width * g.ratio)
            pen.setJoinStyle(QtCore.Qt.MiterJoin)
            p.setPen(pen)
            d = (width / 2 + 1.5) * g.ratio
            p.drawRects([self._entry_rect(int(h), g).adjusted(-d, -d, d, d) for h in hits])

    def _draw_labels(self, p: QtGui.QPainter, f: Frame, g: _Geometry) -> None:
        if not f.labels:
            return
        lay = self.layout
        p.setRenderHint(QtGui.QPainter.TextAntialiasing, True)
        p.setRenderHint(QtGui.QPainter.Antialiasing, True)
        font = self._label_font(g)
        p.setFont(font)
        fm = QtGui.QFontMetricsF(font)
        asc = fm.ascent()
        fg = QtGui.QColor(self.theme.foreground)
        cache = self._static_text
        if len(cache) > 20000:
            cache.clear()
        fkey = font.pixelSize()
        cur = None
        for ent, x, yb, text, inside, _w in f.labels:
            color = self._style(int(lay.color[ent]) * 4 + int(lay.status[ent]), g).text_inside if inside else fg
            if color != cur:
                p.setPen(color)
                cur = color
            if self.static_text:
                st = cache.get((text, fkey))
                if st is None:
                    st = cache[(text, fkey)] = QtGui.QStaticText(text)
                    st.setTextFormat(QtCore.Qt.PlainText)
                    st.prepare(QtGui.QTransform(), font)
                p.drawStaticText(QtCore.QPointF(x, yb - asc), st)
            else:
                p.drawText(QtCore.QPointF(x, yb), text)

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
            g = _Geometry(1.0 / max(pw, 1e-12), 0.0, 1.0 / max(ph, 1e-12), 0.0, 1.0)
        else:
            g = _Geometry(100.0, 0.0, ROW_PX, 0.0, 1.0)
        tol = tol_px * g.ratio / abs(g.sx)
        a, b = int(lay.row_ptr[row]), int(lay.row_ptr[row + 1])
        if a < b:
            e = np.arange(a, b)
            lo, hi = self._extents(e, g)
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


def milestone_tooltip(roadmap: Roadmap, index: int) -> str:
    """Rich-text tooltip; every piece of data text is escaped, never interpreted."""
    m = roadmap.milestones[index]
    orgs = ", ".join(roadmap.org_name(o) for o in roadmap.organizations_of(m))
    status = m.status.value.capitalize()
    lines = [f"<b>{html.escape(m.title)}</b>",
             f"{html.escape(str(m.when))} · {html.escape(status)} · {html.escape(roadmap.tech_name(m.technology))}"]
    if orgs:
        lines.append(html.escape(orgs))
    n = len(roadmap.claims_for(m.id))
    if n:
        from nevroadmap.core.claims import who_says  # issue 10: who claims it and when

        lines.append(html.escape(f"Claimed by {who_says(roadmap, m.id)}"))
        lines.append(f"{n} claim{'s' * (n != 1)} — click for sources")
    return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"


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
        self.setLimits(minXRange=MIN_SPAN_YEARS, maxXRange=MAX_SPAN_YEARS, xMin=1800.0, xMax=2200.0)
        self.sigResized.connect(self.apply_rows)

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
        t0, t1 = clamp_window(t0, t1)
        self.setXRange(t0, t1, padding=0)

    def zoom_time(self, factor: float, center: float | None = None) -> None:
        t0, t1 = self.time_range()
        if center is None:
            center = (t0 + t1) / 2
        factor = max(float(factor), 1e-6)
        width = min(max((t1 - t0) / factor, MIN_SPAN_YEARS), MAX_SPAN_YEARS)
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


def clamp_window(t0: float, t1: float) -> tuple[float, float]:
    """A time window within the zoom and panning limits."""
    if not (math.isfinite(t0) and math.isfinite(t1)):
        t0, t1 = 2020.0, 2035.0
    if t1 < t0:
        t0, t1 = t1, t0
    w = min(max(t1 - t0, MIN_SPAN_YEARS), MAX_SPAN_YEARS)
    c = (t0 + t1) / 2
    t0 = c - w / 2
    t0 = min(max(t0, 1800.0), 2200.0 - w)
    return t0, t0 + w


def make_plot_item(theme: Theme | str = "light", row_px: float | None = ROW_PX, top_axis: bool = True) -> pg.PlotItem:
    """A plot with the timeline's view box, calendar axes and lane-name axis."""
    theme = get_theme(theme)
    vb = TimelineViewBox(row_px=row_px)
    axes = {"bottom": YearAxis("bottom", theme), "top": YearAxis("top", theme), "left": LaneLabelAxis(theme)}
    plot = pg.PlotItem(viewBox=vb, axisItems=axes)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    if top_axis:
        plot.showAxis("top")
        plot.getAxis("top").setStyle(showValues=True)
    else:
        plot.hideAxis("top")
    plot.getAxis("right").hide()
    plot.layout.setContentsMargins(0, 0, 0, 0)
    return plot


def build_plot(plot_item: pg.PlotItem, roadmap: Roadmap, layout: LaneLayout, theme: Theme | str = "light") -> TimelineItem:
    """Put (or refresh) the timeline of ``roadmap``/``layout`` into a plot from :func:`make_plot_item`."""
    theme = get_theme(theme)
    item = getattr(plot_item, "_timeline_item", None)
    if item is None:
        item = TimelineItem(roadmap, layout, theme)
        plot_item.addItem(item)
        plot_item._timeline_item = item
    else:
        item.set_data(roadmap, layout)
        item.set_theme(theme)
    set_plot_theme(plot_item, theme)
    lane_axis = plot_item.getAxis("left")
    if isinstance(lane_axis, LaneLabelAxis):
        lane_axis.set_lanes(layout.lanes)
    vb = plot_item.getViewBox()
    if isinstance(vb, TimelineViewBox):
        vb.set_rows(layout.n_rows)
    return item


def set_plot_theme(plot_item: pg.PlotItem, theme: Theme | str) -> None:
    theme = get_theme(theme)
    plot_item.getViewBox().setBackgroundColor(theme.background)
    for name in ("bottom", "top", "left"):
        ax = plot_item.getAxis(name)
        if hasattr(ax, "set_theme"):
            ax.set_theme(theme)
    item = getattr(plot_item, "_timeline_item", None)
    if item is not None:
        item.set_theme(theme)


STATUS_NAMES = tuple(s.value for s in STATUS_ORDER)
