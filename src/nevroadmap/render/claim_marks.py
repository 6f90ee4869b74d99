"""The marks of the metrics pane: one per claimed figure, sized in pixels whatever the zoom.

* an achieved figure is a filled dot, a forecast a hollow ring;
* a bound ("over 400") adds an arrow pointing where the value may lie;
* a range in value ("5-10 %") is a vertical interval with caps;
* a range in time ("2030-2035", "after 2030") is a horizontal span (an open
  end ends in an arrow);
* a hedged figure ("potentially", "~2028") is faded and dashed;
* colours tell organizations apart, shapes tell scopes apart when several are shown.

Each mark's place comes from the rows' :class:`~nevroadmap.core.claim_columns.ClaimColumns`
and is worked out for all marks at once; a paint draws all lines, then all
arrow heads, then all dots, then the labels, so a line never crosses a dot and
a label never covers a mark or another label
(:func:`~nevroadmap.render.label_places.place_labels`).  The hovered and the selected
mark are drawn last, wider.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nevroadmap.core.claim_columns import ClaimColumns
from nevroadmap.core.claims import ClaimRow
from nevroadmap.core.safe_text import without_bidi_controls
from nevroadmap.render.mark_glyphs import MarkPens
from nevroadmap.render.mark_glyphs import shape as draw_shape
from nevroadmap.render.label_places import place_labels
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.timeline_item import device_pixels
from nevroadmap.render.tooltips import plain_tooltip

__all__ = ["ClaimMarksItem", "MARK_PX"]

HEDGED_ALPHA = 0.45
MARK_PX = 5.0  # dot radius
SLOT_PX = 2.6 * MARK_PX  # marks at the same time and figure stand this far apart
ARROW_PX = 18.0  # a bound's arrow
ARROW_HEAD_PX = 6.0
SPAN_HEAD_PX = 7.0  # the arrow head of an open-ended span
TICK_PX = 5.0  # a span's end ticks and a value range's caps, each side
PICK_PX = 8.0
OPEN_SPAN_PX = 48.0  # how far an open-ended span ("after 2030") reaches past its start
LABEL_ROOM_PX = 320.0  # the widest label beside a mark the bounding box leaves room for
MAX_LABEL_TRIES = 60  # marks that look for room for their label, a paint (more find none in a pane this size)
SETTLE_MS = 120  # after the last change of the view, the cached picture is painted anew


def _pixel_size(vb) -> tuple[float, float]:
    """Data units per pixel; works in an off-screen export scene too (no view: no device transform)."""
    if vb is None:
        return 0.0, 0.0
    (x0, x1), (y0, y1) = vb.viewRange()
    return (x1 - x0) / max(vb.width(), 1.0), (y1 - y0) / max(vb.height(), 1.0)


def _lines(x0, y0, x1, y1) -> list[QtCore.QLineF]:
    return list(map(QtCore.QLineF, x0.tolist(), y0.tolist(), x1.tolist(), y1.tolist()))


def _heads(tx, ty, dx: float, dy: float, size: float) -> list[QtGui.QPolygonF]:
    """Arrow heads pointing along the unit vector (dx, dy), each ending at its (tx, ty)."""
    n = QtCore.QPointF(-dy * size / 2, dx * size / 2)
    base = QtCore.QPointF(-dx * size, -dy * size)
    head = QtGui.QPolygonF([QtCore.QPointF(0, 0), base + n, base - n])
    return list(map(head.translated, tx.tolist(), ty.tolist()))


class _Geometry:
    """Where the marks of one paint go, in device pixels (arrays over the rows painted)."""

    def __init__(self, cols: ClaimColumns, idx: np.ndarray, slots: np.ndarray, tr: QtGui.QTransform,
                 ratio: float) -> None:
        m11, m12, m21, m22, dx, dy = tr.m11(), tr.m12(), tr.m21(), tr.m22(), tr.dx(), tr.dy()

        def at(x, y):
            return m11 * x + m21 * y + dx, m12 * x + m22 * y + dy

        c = cols.take(idx)
        self.cols, self.idx = c, idx
        shift = slots[idx] * SLOT_PX * ratio
        cx, self.cy = at(c.t, c.y)
        self.cx = cx + shift
        rad = MARK_PX * ratio
        left, right = self.cx - rad - 1, self.cx + rad + 1
        top, bottom = self.cy - rad - 1, self.cy + rad + 1
        # a range in time: from its start to its end (an open end runs on, to the right)
        self.ax, self.ay = at(c.t0, c.value)
        self.bx, _by = at(c.t1, c.value)
        self.bx = np.where(c.open_end, np.maximum(self.bx, self.ax + OPEN_SPAN_PX * ratio), self.bx)
        tick = TICK_PX * ratio
        span = c.time_range
        left = np.where(span, np.minimum(left, np.minimum(self.ax, self.bx) - tick), left)
        right = np.where(span, np.maximum(right, np.maximum(self.ax, self.bx) + tick), right)
        top = np.where(span, np.minimum(top, self.ay - tick - 1), top)
        bottom = np.where(span, np.maximum(bottom, self.ay + tick + 1), bottom)
        # a range in value: from the low to the high figure
        self.vrange = ~np.isnan(c.value_max)
        self.lx, self.ly = at(c.t, c.value)
        _hx, self.hy = at(c.t, np.where(self.vrange, c.value_max, c.value))
        vr = self.vrange
        left = np.where(vr, np.minimum(left, self.lx - tick), left)
        right = np.where(vr, np.maximum(right, self.lx + tick), right)
        top = np.where(vr, np.minimum(top, np.minimum(self.ly, self.hy)), top)
        bottom = np.where(vr, np.maximum(bottom, np.maximum(self.ly, self.hy)), bottom)
        # a bound: from the mark (the top of a range when it points up) towards where the value may lie
        up = (c.direction > 0) & vr
        self.sx = self.lx + shift
        self.sy = np.where(up, self.hy, self.ly)
        self.tip_y = self.sy - c.direction * ARROW_PX * ratio
        b = c.direction != 0
        left = np.where(b, np.minimum(left, self.sx - 4 * ratio), left)
        right = np.where(b, np.maximum(right, self.sx + 4 * ratio), right)
        top = np.where(b, np.minimum(top, np.minimum(self.sy, self.tip_y)), top)
        bottom = np.where(b, np.maximum(bottom, np.maximum(self.sy, self.tip_y)), bottom)
        self.box = (left, top, right, bottom)


class ClaimMarksItem(pg.GraphicsObject):
    """One mark per claimed figure, sized in pixels whatever the zoom."""

    sigClicked = QtCore.Signal(int)  # row index
    sigHovered = QtCore.Signal(int)  # row index, -1 when leaving

    def __init__(self, theme: Theme | str = "light") -> None:
        super().__init__()
        self.theme = get_theme(theme)
        self.rows: list[ClaimRow] = []
        self.cols = ClaimColumns.of([])
        self._style = np.zeros(0, np.int64)  # each row's entry in _styles
        self._styles: list[tuple[QtGui.QColor, bool]] = []  # (colour, faded when hedged; hedged)
        self._shape: list[str] = []
        self._pens = MarkPens()
        self._extent = (0.0, 0.0, 0.0, 0.0)
        self.colors: dict[str | None, QtGui.QColor] = {}
        self.shapes: dict[str | None, str] = {}
        self.selected: int | None = None
        self.hovered: int | None = None
        self.slots = np.zeros(0)
        self.offsets = np.zeros(0)  # each mark's sideways shift (pixels) beside marks at the same place
        self.labelled = np.zeros(0, bool)
        self._mark_boxes: tuple[np.ndarray, ...] = (np.zeros(0),) * 4
        self.label_rects: list[tuple[int, QtCore.QRectF]] = []
        self.notes: dict[str, int] = {}  # source id -> footnote number (exports with --footnotes)
        self.setAcceptHoverEvents(True)
        # once the view rests after a pan or zoom, one whole paint (see viewRangeChanged)
        self._settle = QtCore.QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.update)

    # -- data ----------------------------------------------------------------
    def set_rows(self, rows: list[ClaimRow], colors: dict, shapes: dict, cols: ClaimColumns | None = None) -> None:
        """Show ``rows`` (``cols``: their columns, when the caller keeps them; else read here)."""
        self.prepareGeometryChange()
        self.rows, self.colors, self.shapes = list(rows), colors, shapes
        self.cols = cols if cols is not None else ClaimColumns.of(self.rows)
        self._extent = self.cols.extent()
        self._shape = [shapes.get(r.scope, "circle") for r in self.rows]
        self.set_colors(colors)
        self.selected = self.hovered = None
        self.slots, self.labelled = self.cols.side_by_side()
        self.offsets = self.slots * SLOT_PX
        self.update()

    def set_colors(self, colors: dict) -> None:
        """Organization -> colour; a style (colour, faded when hedged) per colour and hedging, drawn
        together (organizations beyond the palette share colours)."""
        self.colors, none = colors, colors.get(None, QtGui.QColor("#888"))
        rgba = {o: c.rgba() for o, c in colors.items()}
        codes: dict[tuple, int] = {}
        self._styles = []
        style = []
        for r, hedged in zip(self.rows, self.cols.hedged.tolist()):
            key = (rgba.get(r.organization, none.rgba()), hedged)
            code = codes.get(key)
            if code is None:
                code = codes[key] = len(self._styles)
                c = QtGui.QColor.fromRgba(key[0])
                if hedged:
                    c.setAlphaF(HEDGED_ALPHA)
                self._styles.append((c, hedged))
            style.append(code)
        self._style = np.asarray(style, np.int64)
        self.update()

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.update()

    def set_selected(self, index: int | None) -> None:
        self.selected = index
        self.update()

    def viewRangeChanged(self):  # noqa: N802 (pyqtgraph API)
        """Which labels fit depends on the view.  On screen the marks are a cached picture that a pan
        scrolls, painting only the strip it uncovers, so labels chosen for the old view were cut at
        that strip's edge: the whole picture is painted again once the view rests."""
        if self.cacheMode() != QtWidgets.QGraphicsItem.CacheMode.NoCache:
            self._settle.start()

    # -- geometry ------------------------------------------------------------
    def boundingRect(self) -> QtCore.QRectF:  # noqa: N802
        if not self.rows:
            return QtCore.QRectF()
        x0, x1, y0, y1 = self._extent
        # marks reach a few pixels beyond their data, labels (beside a mark, or above or below it)
        # further: pad generously in data units (on screen the item is cached as a picture of this rect)
        px, py = _pixel_size(self.getViewBox())
        padx, pady = (ARROW_PX + 10 + LABEL_ROOM_PX) * (px or 0.05), (ARROW_PX + 40) * (py or 0.05)
        return QtCore.QRectF(x0 - padx, y0 - pady, (x1 - x0) + 2 * padx, (y1 - y0) + 2 * pady)

    def mark_pos(self, i: int) -> QtCore.QPointF:
        """Where row ``i``'s dot sits, in data coordinates (before its sideways shift)."""
        return QtCore.QPointF(float(self.cols.t[i]), float(self.cols.y[i]))

    def row_at(self, pos: QtCore.QPointF, tol_px: float = PICK_PX) -> int | None:
        """The row whose mark is nearest ``pos`` (data coordinates) within ``tol_px`` pixels
        (the last one drawn, among marks equally near)."""
        vb = self.getViewBox()
        if vb is None or not self.rows:
            return None
        sx, sy = _pixel_size(vb)
        c, x, y = self.cols, pos.x(), pos.y()
        dx = (x - c.t) / sx - self.offsets if sx else np.zeros(len(c))
        dy = (y - c.y) / sy if sy else np.zeros(len(c))
        d = np.hypot(dx, dy)
        on_span = c.time_range & (c.t0 <= x) & (x <= c.t1) & (np.abs(y - c.value) / (sy or 1) <= tol_px / 2)
        d = np.where(on_span, np.minimum(d, tol_px * 0.9), d)
        near = np.flatnonzero(d <= tol_px)
        if not len(near):
            return None
        return int(near[np.flatnonzero(d[near] == d[near].min())[-1]])

    @property
    def mark_rects(self) -> list[QtCore.QRectF]:
        """What each mark of the last paint covers (device pixels), in painting order."""
        left, top, right, bottom = self._mark_boxes
        return list(map(QtCore.QRectF, left.tolist(), top.tolist(), (right - left).tolist(), (bottom - top).tolist()))

    def _painted(self) -> np.ndarray:
        """The rows to paint, in painting order: those near the visible time window; the selected
        and then the hovered one last."""
        c = self.cols
        vb = self.getViewBox()
        if vb is not None:
            (v0, v1), _ = vb.viewRange()
            margin = (v1 - v0) * 0.2
            near = (c.t1 >= v0 - margin) & (c.t0 <= v1 + margin)
        else:
            near = np.ones(len(c), bool)
        for i in (self.selected, self.hovered):
            if i is not None and 0 <= i < len(near):
                near[i] = False
        last = [i for i in dict.fromkeys((self.selected, self.hovered)) if i is not None and 0 <= i < len(c)]
        return np.concatenate((np.flatnonzero(near), np.asarray(last, np.int64)))

    # -- painting ------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, opt=None, widget=None) -> None:
        if not self.rows:
            return
        with device_pixels(self, p) as (tr, ratio):
            order = self._painted()
            g = _Geometry(self.cols, order, self.slots, tr, ratio)
            wide = np.isin(order, [i for i in (self.selected, self.hovered) if i is not None])
            plain = np.flatnonzero(~wide)
            self._paint_marks(p, g, plain, 2.0 * ratio, ratio)
            self._paint_marks(p, g, np.flatnonzero(wide), 3.0 * ratio, ratio)
            # the labels: never on a mark or another label
            self._mark_boxes = g.box
            vb = self.getViewBox()
            view = None
            if vb is not None:
                (x0, x1), (y0, y1) = vb.viewRange()
                r = tr.mapRect(QtCore.QRectF(QtCore.QPointF(x0, y0), QtCore.QPointF(x1, y1))).normalized()
                view = (r.left(), r.top(), r.right(), r.bottom())
            font = self.theme.font(self.theme.small_px * ratio)  # one font for every label of this paint
            p.setFont(font)
            fm = QtGui.QFontMetricsF(font)
            ks = np.flatnonzero(self.labelled[order])[::-1][:MAX_LABEL_TRIES]  # the hovered and selected ones first
            texts = [self.label_text(int(i)) for i in order[ks].tolist()]
            widths = np.fromiter((fm.horizontalAdvance(t) for t in texts), np.float64, len(texts))
            gap = MARK_PX * ratio + 4 * ratio
            h = fm.height()
            placed = place_labels(g.box, g.cx[ks], g.cy[ks], widths, h, gap, gap + h / 2 + 2 * ratio, view)
            self.label_rects = []
            pens = {}
            for k, (left, top, right, bottom) in placed:
                i = int(order[ks[k]])
                self.label_rects.append((i, QtCore.QRectF(left, top, right - left, bottom - top)))
                hedged = bool(self.cols.hedged[i])
                pen = pens.get(hedged)
                if pen is None:
                    pen = pens[hedged] = QtGui.QPen(QtGui.QColor(self.theme.muted if hedged else self.theme.foreground))
                p.setPen(pen)
                p.drawText(QtCore.QPointF(left, top + fm.ascent()), texts[k])

    def _paint_marks(self, p: QtGui.QPainter, g: _Geometry, ks: np.ndarray, width: float, ratio: float) -> None:
        """The marks at positions ``ks`` of ``g``: the time spans, then the value ranges and the bounds'
        arrows (an arrow is never hidden under another figure's span), the arrow heads, the dots."""
        if not len(ks):
            return
        c, style = g.cols, self._style[g.idx[ks]]
        tick, cap = TICK_PX * ratio, TICK_PX * ratio
        groups = [(ks[style == s], *self._styles[s]) for s in np.unique(style).tolist()]
        span_heads: list[tuple[QtGui.QPen, list[QtGui.QPolygonF]]] = []
        heads: list[tuple[QtGui.QPen, list[QtGui.QPolygonF]]] = []
        for k, color, hedged in groups:
            # a range in time: the span, a tick at each closed end, an arrow at an open end
            sp = k[c.time_range[k]]
            if not len(sp):
                continue
            span_pen = self._pens(color, width, hedged)[1]
            ax, ay, bx = g.ax[sp], g.ay[sp], g.bx[sp]
            closed0, closed1 = sp[~c.open_start[sp]], sp[~c.open_end[sp]]
            p.setPen(span_pen)
            p.drawLines(_lines(ax, ay, bx, ay)
                        + _lines(g.ax[closed0], g.ay[closed0] - tick, g.ax[closed0], g.ay[closed0] + tick)
                        + _lines(g.bx[closed1], g.ay[closed1] - tick, g.bx[closed1], g.ay[closed1] + tick))
            opened = sp[c.open_end[sp]]
            if len(opened):
                span_heads.append((span_pen, _heads(g.bx[opened], g.ay[opened], 1.0, 0.0, SPAN_HEAD_PX * ratio)))
        for k, color, hedged in groups:
            # a range in value (a vertical interval with caps) and a bound's arrow
            pen = self._pens(color, width, hedged)[0]
            vr, b = k[g.vrange[k]], k[c.direction[k] != 0]
            lines = _lines(g.lx[vr], g.ly[vr], g.lx[vr], g.hy[vr]) \
                + _lines(g.lx[vr] - cap, g.ly[vr], g.lx[vr] + cap, g.ly[vr]) \
                + _lines(g.lx[vr] - cap, g.hy[vr], g.lx[vr] + cap, g.hy[vr]) \
                + _lines(g.sx[b], g.sy[b], g.sx[b], g.tip_y[b])
            if lines:
                p.setPen(pen)
                p.drawLines(lines)
            for d in (1, -1):  # up ("over"), down ("under")
                bd = b[c.direction[b] == d]
                if len(bd):
                    heads.append((pen, _heads(g.sx[bd], g.tip_y[bd], 0.0, -float(d), ARROW_HEAD_PX * ratio)))
        for pen, polys in span_heads + heads:  # filled in the colour of their line
            p.setPen(pen)
            p.setBrush(pen.color())
            for poly in polys:
                p.drawPolygon(poly)
        self._paint_dots(p, g, ks, style, width, ratio)

    def _paint_dots(self, p: QtGui.QPainter, g: _Geometry, ks: np.ndarray, style: np.ndarray, width: float,
                    ratio: float) -> None:
        """The dots, in row order (where many overlap, none of them is all on top): filled when achieved,
        hollow (the background inside) when a forecast; "about" adds a looser ring, the selected one a ring
        in the selection colour."""
        c, bg = g.cols, QtGui.QBrush(QtGui.QColor(self.theme.background))
        rad = MARK_PX * ratio
        P = QtCore.QPointF  # noqa: N806
        fills = [QtGui.QBrush(color) for color, _hedged in self._styles]
        solids = [self._pens(color, width, hedged)[2] for color, hedged in self._styles]
        now = None
        for j, s, filled, x, y in zip(g.idx[ks].tolist(), style.tolist(), c.achieved[ks].tolist(),
                                      g.cx[ks].tolist(), g.cy[ks].tolist()):
            if (s, filled) != now:
                now = (s, filled)
                p.setPen(solids[s])
                p.setBrush(fills[s] if filled else bg)
            name = self._shape[j]
            if name == "circle":
                p.drawEllipse(P(x, y), rad, rad)
            else:
                draw_shape(p, P(x, y), rad, name)
        about = ks[c.about[ks]]
        if len(about):
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            for s, x, y in zip(self._style[g.idx[about]].tolist(), g.cx[about].tolist(), g.cy[about].tolist()):
                color, hedged = self._styles[s]
                p.setPen(self._pens(color, width, hedged)[0])
                p.drawEllipse(P(x, y), rad + 3 * ratio, rad + 3 * ratio)
        if self.selected is not None:
            for k in np.flatnonzero(g.idx[ks] == self.selected).tolist():
                p.setPen(QtGui.QPen(QtGui.QColor(self.theme.selection), 2 * ratio))
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.drawEllipse(P(g.cx[ks[k]], g.cy[ks[k]]), rad + 5 * ratio, rad + 5 * ratio)

    def label_text(self, i: int) -> str:
        """The figure as said (its scope when several are shown, its footnote in an export)."""
        r = self.rows[i]
        scope = without_bidi_controls(r.scope) if r.scope and len(self.shapes) > 1 else ""
        text = r.value_text() + (f" ({scope})" if scope else "")
        if r.source in self.notes:
            text += f" [{self.notes[r.source]}]"
        return text

    # -- mouse -----------------------------------------------------------------
    def hoverEvent(self, ev):  # noqa: N802 (pyqtgraph API)
        i = None if ev.isExit() else self.row_at(ev.pos())
        if i != self.hovered:
            self.hovered = i
            self.setToolTip(plain_tooltip(self.rows[i].one_line()) if i is not None else "")  # data: never markup
            self.sigHovered.emit(-1 if i is None else i)
            self.update()

    def mouseClickEvent(self, ev):  # noqa: N802
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        i = self.row_at(ev.pos())
        if i is None:
            ev.ignore()
            return
        ev.accept()
        self.set_selected(i)
        self.sigClicked.emit(i)
