"""Painting a planned frame: lane bands, calendar grid, today, milestones, highlights and labels.

All shapes are batched per style (``drawRects`` of a primitive array) and
drawn in device pixels, so markers and labels keep their size whatever the
zoom.  Rows thinner than a couple of pixels are drawn as a density image
whose cost is bounded by pixels, not entries.
"""

from __future__ import annotations

import math

import numpy as np
from pyqtgraph.Qt import internals
from PySide6 import QtCore, QtGui

from nevroadmap.core.glyphs import DENSITY_ROW_PX, SOFT_END_PX, TICK_PX, bar_px, marker_px, stem_px
from nevroadmap.core.layout import FADE_YEARS, KIND_DEADLINE, KIND_POINT, KIND_RANGE, LaneLayout
from nevroadmap.render.axis import year_ticks
from nevroadmap.render.frame_plan import Frame, FramePlanner, Geometry
from nevroadmap.render.theme import Theme, _is_pdf, fade_brush, fill_fade, status_style

__all__ = ["FramePainter"]

# shared objects: passing the Qt.NoPen enum to setPen repeatedly trips a PySide refcount bug
_NO_PEN = QtGui.QPen(QtCore.Qt.NoPen)
_NO_BRUSH = QtGui.QBrush(QtCore.Qt.NoBrush)
_ORIGIN = QtCore.QPointF(0.0, 0.0)


def _rect_array(n: int, cache: dict, key: str) -> internals.PrimitiveArray:
    arr = cache.get(key)
    if arr is None:
        arr = cache[key] = internals.PrimitiveArray(QtCore.QRectF, 4)
    arr.resize(n)
    return arr


class FramePainter:
    """Draws the frames of one layout in one theme; keeps pens, gradients and glyph layouts between paints."""

    def __init__(self, planner: FramePlanner, theme: Theme) -> None:
        self.planner = planner
        self.layout: LaneLayout = planner.layout
        self.theme = theme
        self._arrays: dict = {}
        self._static_text: dict = {}
        self._pen_key = None
        self._pen_cache: dict = {}
        self._view_px = (-math.inf, math.inf)
        self._hatch_origin = _ORIGIN
        self._lane_starts = None
        self._grad_cache: dict = {}
        self._density_buf = None  # pixels of the last density image (the image points into them)

    def set_planner(self, planner: FramePlanner) -> None:
        self.planner, self.layout = planner, planner.layout

    def label_font(self, g: Geometry) -> QtGui.QFont:
        px = min(self.theme.label_px * g.ratio, abs(g.sy) * 0.72)
        return self.theme.font(px)

    def paint_frame(self, p: QtGui.QPainter, t0: float, t1: float, y0: float, y1: float, g: Geometry, *,
                    today: float | None = None, selected: int = -1, hover: int = -1, show_labels: bool = True,
                    static_text: bool = True) -> Frame:
        """Draw the view [t0, t1] x rows [y0, y1) at pixel mapping ``g``; the frame drawn.

        ``selected``/``hover``: milestone indices outlined (-1: none); ``static_text``: cached glyph
        layouts (screens and images) rather than plain ``drawText`` (vector outputs).
        """
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

        today_x = round(g.x(today)) + 0.5 if today is not None and t0 <= today <= t1 else None
        if row_px < DENSITY_ROW_PX:
            if today_x is not None:
                p.setPen(pens["today"])
                p.drawLine(QtCore.QLineF(today_x, vy0, today_x, vy1))
            frame = self._paint_density(p, t0, t1, y0, y1, g)
        else:
            frame = self.planner.plan(t0, t1, y0, y1, g, self.label_font(g) if show_labels else None)
            if today_x is not None:  # today, under the milestones, broken behind the labels it crosses
                p.setPen(pens["today"])
                p.drawLines([QtCore.QLineF(today_x, a, today_x, b)
                             for a, b in self._today_segments(frame, g, today_x, vy0, vy1)])
        if len(frame.entries) and row_px >= DENSITY_ROW_PX:
            self._draw_groups(p, frame, g)
            self._draw_highlights(p, frame, g, hover, selected)
            self._draw_labels(p, frame, g, static_text)
        p.restore()
        return frame
    def _today_segments(self, f: Frame, g: Geometry, x: float, top: float, bottom: float) -> list[tuple[float, float]]:
        """The pieces of the today line from ``top`` to ``bottom`` that no label outside a bar crosses."""
        fm = QtGui.QFontMetricsF(self.label_font(g))
        asc, desc, pad = fm.ascent(), fm.descent(), 2.0 * g.ratio
        gaps = sorted((yb - asc - 1, yb + desc + 1) for _e, lx, yb, _t, inside, w in f.labels
                      if not inside and lx - pad <= x <= lx + w + pad)
        out, y = [], top
        for a, b in gaps:
            if a > y:
                out.append((y, min(a, bottom)))
            y = max(y, b)
        if y < bottom:
            out.append((y, bottom))
        return out

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

    def _paint_density(self, p: QtGui.QPainter, t0: float, t1: float, y0: float, y1: float, g: Geometry) -> Frame:
        """Rows thinner than a couple of pixels: mark covered pixels, one image, cost bounded by pixels."""
        e = self.planner.visible(t0, t1, y0, y1, g)
        vx0, vx1 = g.x(t0), g.x(t1)
        vy0, vy1 = sorted((g.y(y0), g.y(y1)))
        w, h = int(math.ceil(vx1 - vx0)), int(math.ceil(vy1 - vy0))
        z = np.zeros(0, np.int64)
        frame = Frame(e, z, z.astype(float), z.astype(float), z, z, z, z, [])
        if not len(e) or w <= 0 or h <= 0 or w * h > 50_000_000:
            return frame
        lay = self.layout
        lo, hi = self.planner.extents(e, g)
        hi = np.where(lay.open_end[e], hi - FADE_YEARS * 0.75, hi)  # a fading tail is not coverage
        c0 = np.clip(np.floor(g.x(lo) - vx0), 0, w - 1).astype(np.int64)
        c1 = np.clip(np.floor(g.x(hi) - vx0), 0, w - 1).astype(np.int64)
        r = np.clip(np.floor(g.y(lay.row[e].astype(np.float64) + 0.5) - vy0), 0, h - 1).astype(np.int64)
        diff = np.zeros((h, w + 1), np.int32)
        np.add.at(diff, (r, c0), 1)
        np.add.at(diff, (r, c1 + 1), -1)
        cover = (np.cumsum(diff, axis=1, dtype=np.int32) > 0)[:, :w]  # int32 throughout: half the memory traffic
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

    def _style(self, key: int, g: Geometry):
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

    def _draw_groups(self, p: QtGui.QPainter, f: Frame, g: Geometry) -> None:
        lay = self.layout
        row_px = abs(g.sy)
        bar_h = bar_px(row_px, g.ratio)
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
        m = marker_px(row_px, g.ratio)
        soft = np.minimum(SOFT_END_PX * g.ratio, np.maximum((x1 - x0) / 3, 0))

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
        stem = stem_px(g.ratio)
        sh = max(1.0, round(bar_h * 0.34))
        fade_in.append(np.column_stack((x0[dl] - stem, g_top[dl] + round((bar_h - sh) / 2), np.full(dl.sum(), stem), np.full(dl.sum(), sh))))
        fi_keys.append(key[dl])
        tw = max(2.0, round(TICK_PX * g.ratio))
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

    def _entry_rect(self, ent: int, g: Geometry) -> QtCore.QRectF:
        lay = self.layout
        row_px = abs(g.sy)
        bar_h = bar_px(row_px, g.ratio)
        top = round(g.y(float(lay.row[ent]))) + math.floor((row_px - bar_h) / 2)
        lo, hi = self.planner.extents(np.asarray([ent]), g)
        if lay.open_end[ent]:
            hi = hi - FADE_YEARS * 0.6
        return QtCore.QRectF(round(g.x(lo[0])), top, max(2.0, round(g.x(hi[0]) - g.x(lo[0]))), bar_h)

    def _draw_highlights(self, p: QtGui.QPainter, f: Frame, g: Geometry, hover: int, selected: int) -> None:
        lay = self.layout
        items = lay.item[f.entries]
        p.setBrush(_NO_BRUSH)
        for target, color, width in ((hover, self.theme.hover, 1.5), (selected, self.theme.selection, 3.0)):
            if target < 0 or (target == selected and color == self.theme.hover):
                continue
            hits = f.entries[items == target]
            if not len(hits):
                continue
            pen = QtGui.QPen(QtGui.QColor(color), width * g.ratio)
            pen.setJoinStyle(QtCore.Qt.MiterJoin)
            p.setPen(pen)
            d = (width / 2 + 1.5) * g.ratio
            p.drawRects([self._entry_rect(int(h), g).adjusted(-d, -d, d, d) for h in hits])

    def _draw_labels(self, p: QtGui.QPainter, f: Frame, g: Geometry, static_text: bool) -> None:
        if not f.labels:
            return
        lay = self.layout
        p.setRenderHint(QtGui.QPainter.TextAntialiasing, True)
        p.setRenderHint(QtGui.QPainter.Antialiasing, True)
        font = self.label_font(g)
        p.setFont(font)
        fm = QtGui.QFontMetricsF(font)
        asc = fm.ascent()
        fg = QtGui.QColor(self.theme.foreground)
        cache = self._static_text
        if len(cache) > 20000:
            cache.clear()
        fkey = font.pixelSize()
        cur = None
        desc = fm.descent()
        for ent, x, yb, text, inside, w in f.labels:
            style = self._style(int(lay.color[ent]) * 4 + int(lay.status[ent]), g) if inside else None
            color = style.text_inside if style is not None else fg
            if style is not None and style.hatch is not None:
                # on a hatched bar the text sits on a box of the plain fill: the hatch lines never cross it
                p.fillRect(QtCore.QRectF(x - 1.5 * g.ratio, yb - asc, w + 3 * g.ratio, asc + desc), style.fill)
                cur = None
            if color != cur:
                p.setPen(color)
                cur = color
            if static_text:
                st = cache.get((text, fkey))
                if st is None:
                    st = cache[(text, fkey)] = QtGui.QStaticText(text)
                    st.setTextFormat(QtCore.Qt.PlainText)
                    st.prepare(QtGui.QTransform(), font)
                p.drawStaticText(QtCore.QPointF(x, yb - asc), st)
            else:
                p.drawText(QtCore.QPointF(x, yb), text)
