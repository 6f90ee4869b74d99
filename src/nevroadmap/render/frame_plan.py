"""Planning a frame: which entries a paint draws, merged into groups, and where labels fit.

Pure numpy (Qt only measures label text).  Coordinates: x is a decimal year,
y a row; :class:`Geometry` maps them to device pixels for one paint.  Entries
closer than a pixel in a row are merged into one aggregate group, so a frame
costs pixels, not items; labels are placed only where they fit and never
overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6 import QtCore, QtGui

from nevroadmap.core.glyphs import LABEL_GAP_PX, LABEL_MIN_PX, LABEL_MIN_ROW_PX, LABEL_PAD_PX, ROW_PX, SOFT_END_PX
from nevroadmap.core.glyphs import marker_px, stem_px
from nevroadmap.core.layout import FADE_YEARS, KIND_DEADLINE, KIND_POINT, KIND_RANGE, LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render.row_index import RowIndex

__all__ = ["Frame", "Geometry", "FramePlanner"]


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
    labels: list  # (entry, x, baseline, text, inside, width)


class Geometry:
    """Data -> device mapping for one paint."""

    def __init__(self, sx: float, dx: float, sy: float, dy: float, ratio: float) -> None:
        self.sx, self.dx, self.sy, self.dy, self.ratio = sx, dx, sy, dy, ratio

    def x(self, t):
        return t * self.sx + self.dx

    def y(self, r):
        return r * self.sy + self.dy


class FramePlanner:
    """Plans the frames of one roadmap layout; caches the label widths of its titles.

    ``reuse``: the planner of another layout of the same roadmap (the same data
    filtered another way), whose measured label widths still hold."""

    def __init__(self, roadmap: Roadmap, layout: LaneLayout, reuse: FramePlanner | None = None) -> None:
        self.roadmap, self.layout = roadmap, layout
        self.index = RowIndex(layout)
        if reuse is not None and reuse.roadmap is roadmap:
            self._label_w, self._label_font_px = reuse._label_w, reuse._label_font_px
        else:
            self._label_w = np.full(len(roadmap.milestones), np.nan)
            self._label_font_px = -1.0

    def extents(self, e: np.ndarray, g: Geometry) -> tuple[np.ndarray, np.ndarray]:
        """Drawn extent [lo, hi] in years of entries ``e`` at pixel scale ``g``."""
        lay = self.layout
        kind = lay.kind[e]
        m = marker_px(abs(g.sy), g.ratio) / abs(g.sx)
        stem = stem_px(g.ratio) / abs(g.sx)
        x0, x1 = lay.x0[e], lay.x1[e]
        lo = x0 - np.where(kind == KIND_POINT, m, np.where(kind == KIND_DEADLINE, stem, 0.0))
        hi = np.maximum(x0, x1) + np.where(lay.open_end[e], FADE_YEARS, 0.0) + np.where(kind == KIND_POINT, m, 0.0)
        return lo, hi

    def visible_entries(self, rect: QtCore.QRectF, px_per_year: float | None = None, row_px: float = ROW_PX,
                        ratio: float = 1.0) -> np.ndarray:
        """Entry indices (into the layout) that a paint of data rect ``rect`` draws (before merging)."""
        if px_per_year is None:
            px_per_year = 1000.0 / max(rect.width(), 1e-9)
        g = Geometry(px_per_year, -rect.left() * px_per_year, row_px, -rect.top() * row_px, ratio)
        return self.visible(rect.left(), rect.right(), rect.top(), rect.bottom(), g)

    def visible(self, t0: float, t1: float, y0: float, y1: float, g: Geometry) -> np.ndarray:
        pad = (max(marker_px(abs(g.sy), g.ratio), stem_px(g.ratio)) + 1.0) / abs(g.sx)
        r0, r1 = int(math.floor(y0)), int(math.ceil(y1)) - 1
        cand = self.index.query(r0, r1, t0 - pad, t1 + pad)
        if not len(cand):
            return cand
        lo, hi = self.extents(cand, g)
        return cand[(hi >= t0) & (lo <= t1)]

    def plan(self, t0: float, t1: float, y0: float, y1: float, g: Geometry, font: QtGui.QFont | None = None) -> Frame:
        """The frame of view [t0, t1] x rows [y0, y1); labels in ``font`` (none when None)."""
        e = self.visible(t0, t1, y0, y1, g)
        lay = self.layout
        if not len(e):
            z = np.zeros(0, np.int64)
            return Frame(e, z, z.astype(float), z.astype(float), z, z, z, z, [])
        lo, hi = self.extents(e, g)
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
        if font is not None:
            frame.labels = self._plan_labels(frame, g, t0, t1, font)
        return frame

    def _plan_labels(self, f: Frame, g: Geometry, t0: float, t1: float, font: QtGui.QFont) -> list:
        row_px = abs(g.sy)
        if row_px < LABEL_MIN_ROW_PX * g.ratio:
            return []
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
        m = marker_px(row_px, g.ratio)
        pad = LABEL_PAD_PX * g.ratio
        gap = LABEL_GAP_PX * g.ratio
        out_x = np.where(kind == KIND_POINT, px0 + m + pad, np.where(kind == KIND_DEADLINE, px0 + pad, px1 + pad))
        out_room = nxt - gap - out_x
        soft = np.where(lay.approximate[e], np.minimum(SOFT_END_PX * g.ratio, np.maximum((px1 - px0) / 3, 0)), 0.0)
        in_l = np.maximum(px0 + soft, view_l) + pad
        in_r = np.minimum(px1 - soft, view_r) - pad
        in_room = np.where(kind == KIND_RANGE, in_r - in_l, -1.0)
        min_px = LABEL_MIN_PX * g.ratio
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
