"""The metrics pane: claimed figures of one metric on the timeline's time axis.

A :class:`MetricsPlot` is a pyqtgraph ``PlotItem`` whose x axis is linked both
ways to the timeline's view box (:meth:`MetricsPlot.link_time`).  Each claimed
figure (a :class:`~nevroadmap.core.claims.ClaimRow`) is one mark, drawn by
:class:`ClaimMarksItem`:

* an achieved figure is a filled dot, a forecast a hollow ring;
* a bound ("over 400") adds an arrow pointing where the value may lie;
* a range in value ("5-10 %") is a vertical interval with caps;
* a range in time ("2030-2035", "after 2030") is a horizontal span (an open
  end ends in an arrow);
* a hedged figure ("potentially", "~2028") is faded and dashed;
* colours tell organizations apart (:meth:`MetricsPlot.legend_entries` names
  them), shapes tell scopes apart when several are shown.

Hovering shows the claim in one line; clicking emits ``sigClaimClicked(row)``.
No widgets here (the dock in :mod:`nevroadmap.gui.metrics_dock` holds it).
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nevroadmap.core.claims import BOUND_DIRECTION, ClaimRow, MetricKey
from nevroadmap.core.i18n import _, ngettext
from nevroadmap.render.axis import QuietAxis, YearAxis
from nevroadmap.render.mark_glyphs import MarkPens, arrow_head
from nevroadmap.render.mark_glyphs import shape as draw_shape
from nevroadmap.render.taken_space import TakenSpace
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.timeline_item import pixel_ratio
from nevroadmap.render.tooltips import plain_tooltip

__all__ = ["ClaimMarksItem", "MetricsPlot", "ORG_COLORS", "organization_colors"]

# distinct on light and dark backgrounds (Okabe-Ito, then a few more)
ORG_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F3C8D",
              "#3969AC", "#E73F74", "#11A579", "#F2B701")
SCOPE_SHAPES = ("circle", "square", "triangle", "diamond")
HEDGED_ALPHA = 0.45
MARK_PX = 5.0  # dot radius
ARROW_PX = 18.0
PICK_PX = 8.0
OPEN_SPAN_PX = 48.0  # how far an open-ended span ("after 2030") reaches past its start
LABEL_ROOM_PX = 320.0  # the widest label beside a mark the bounding box leaves room for
MAX_LABEL_TRIES = 60  # marks that look for room for their label, a paint (more find none in a pane this size)


def organization_colors(rows: list[ClaimRow], theme: Theme) -> dict[str | None, QtGui.QColor]:
    """A colour per organization in ``rows`` (by name, stable); None (the article) is neutral grey."""
    first_name: dict[str, str] = {}
    for r in rows:  # one pass: the name each organization is first given
        if r.organization and r.organization not in first_name:
            first_name[r.organization] = r.organization_name or r.organization
    names = sorted(first_name, key=lambda o: first_name[o].casefold())
    out: dict[str | None, QtGui.QColor] = {o: QtGui.QColor(ORG_COLORS[i % len(ORG_COLORS)]) for i, o in enumerate(names)}
    out[None] = QtGui.QColor("#8c8c8c" if QtGui.QColor(theme.background).lightness() >= 128 else "#a6a6a6")
    return out


def _pixel_size(vb) -> tuple[float, float]:
    """Data units per pixel; works in an off-screen export scene too (no view: no device transform)."""
    if vb is None:
        return 0.0, 0.0
    (x0, x1), (y0, y1) = vb.viewRange()
    return (x1 - x0) / max(vb.width(), 1.0), (y1 - y0) / max(vb.height(), 1.0)


class ClaimMarksItem(pg.GraphicsObject):
    """One mark per claimed figure, sized in pixels whatever the zoom."""

    sigClicked = QtCore.Signal(int)  # row index
    sigHovered = QtCore.Signal(int)  # row index, -1 when leaving

    def __init__(self, theme: Theme | str = "light") -> None:
        super().__init__()
        self.theme = get_theme(theme)
        self.rows: list[ClaimRow] = []
        self.spans: list[tuple[float, float]] = []
        self._points: list[QtCore.QPointF] = []
        self._row_colors: list[QtGui.QColor] = []
        self._pens = MarkPens()
        self._extent = (0.0, 0.0, 0.0, 0.0)
        self.colors: dict[str | None, QtGui.QColor] = {}
        self.shapes: dict[str | None, str] = {}
        self.selected: int | None = None
        self.hovered: int | None = None
        self.offsets: list[float] = []
        self.labelled: set[int] = set()
        self.notes: dict[str, int] = {}  # source id -> footnote number (exports with --footnotes)
        self.setAcceptHoverEvents(True)

    # -- data ----------------------------------------------------------------
    def set_rows(self, rows: list[ClaimRow], colors: dict, shapes: dict) -> None:
        self.prepareGeometryChange()
        self.rows, self.colors, self.shapes = list(rows), colors, shapes
        # the data's extent and each row's time span, once (every paint and bounding box needs them)
        self.spans = [(r.t0, r.t1) for r in self.rows]
        self._points = [QtCore.QPointF(r.t, r.value if r.value_max is None else (r.value + r.value_max) / 2)
                        for r in self.rows]
        self.set_colors(colors)
        ys = [r.value for r in self.rows] + [r.value_max for r in self.rows if r.value_max is not None]
        self._extent = (min(a for a, _ in self.spans), max(b for _, b in self.spans), min(ys), max(ys)) \
            if self.rows else (0.0, 0.0, 0.0, 0.0)
        self.selected = self.hovered = None
        # marks at the same time and value sit side by side, a few pixels apart
        groups: dict[tuple, list[int]] = {}
        for i, r in enumerate(self.rows):
            groups.setdefault((round(r.t, 4), r.value, r.value_max), []).append(i)
        self.offsets = [0.0] * len(self.rows)
        self.labelled = set()
        for members in groups.values():
            n = len(members)
            for k, i in enumerate(members):
                self.offsets[i] = (k - (n - 1) / 2) * 2.6 * MARK_PX
            self.labelled.add(members[-1])
        self.update()

    def set_colors(self, colors: dict) -> None:
        """Organization -> colour; each row's (faded when hedged) is made once, here."""
        self.colors, none = colors, colors.get(None, QtGui.QColor("#888"))
        self._row_colors = [QtGui.QColor(colors.get(r.organization, none)) for r in self.rows]
        for r, c in zip(self.rows, self._row_colors):
            c.setAlphaF(HEDGED_ALPHA if r.hedged else c.alphaF())
        self.update()

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.update()

    def set_selected(self, index: int | None) -> None:
        self.selected = index
        self.update()

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
        """Where row ``i``'s dot sits, in data coordinates."""
        return QtCore.QPointF(self._points[i])

    def row_at(self, pos: QtCore.QPointF, tol_px: float = PICK_PX) -> int | None:
        """The row whose mark is nearest ``pos`` (data coordinates) within ``tol_px`` pixels."""
        vb = self.getViewBox()
        if vb is None or not self.rows:
            return None
        sx, sy = _pixel_size(vb)
        best, best_d = None, tol_px
        for i, r in enumerate(self.rows):
            c = self.mark_pos(i)
            dx = (pos.x() - c.x()) / sx - self.offsets[i] if sx else 0.0
            dy = (pos.y() - c.y()) / sy if sy else 0.0
            d = math.hypot(dx, dy)
            if r.is_time_range and r.t0 <= pos.x() <= r.t1 and abs(pos.y() - r.value) / (sy or 1) <= tol_px / 2:
                d = min(d, tol_px * 0.9)
            if d <= best_d:
                best, best_d = i, d
        return best

    # -- painting ------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, opt=None, widget=None) -> None:
        if not self.rows:
            return
        tr = p.transform()
        p.save()
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        ratio = pixel_ratio(self, tr)  # an export scaled up: sizes in pixels scale with it
        bg = QtGui.QColor(self.theme.background)
        vb = self.getViewBox()
        order = range(len(self.rows))
        if vb is not None:  # only marks near the visible time window
            (v0, v1), _ = vb.viewRange()
            margin = (v1 - v0) * 0.2
            spans = self.spans
            order = [i for i in order if spans[i][1] >= v0 - margin and spans[i][0] <= v1 + margin]
        order = sorted(order, key=lambda i: (i == self.selected, i == self.hovered))
        # marks first, then the labels around them: a label never lies under a mark or another label
        self.mark_rects: list[QtCore.QRectF] = []
        self._taken = TakenSpace()
        for i in order:
            self.mark_rects.append(self._paint_row(p, tr, i, bg, ratio))
            self._taken.add(self.mark_rects[-1])
        self.label_rects: list[tuple[int, QtCore.QRectF]] = []
        view = None
        if vb is not None:
            (x0, x1), (y0, y1) = vb.viewRange()
            view = tr.mapRect(QtCore.QRectF(QtCore.QPointF(x0, y0), QtCore.QPointF(x1, y1))).normalized()
        font = self.theme.font(self.theme.small_px * ratio)  # one font for every label of this paint
        p.setFont(font)
        fm = QtGui.QFontMetricsF(font)
        tries = MAX_LABEL_TRIES
        for i in reversed(order):  # the selected and hovered ones choose their place first
            if i in self.labelled and tries > 0:
                tries -= 1
                self._paint_label(p, tr, i, ratio, view, fm)
        p.restore()

    def label_text(self, i: int) -> str:
        """The figure as said (its scope when several are shown, its footnote in an export)."""
        r = self.rows[i]
        text = r.value_text() + (f" ({r.scope})" if r.scope and len(self.shapes) > 1 else "")
        if r.source in self.notes:
            text += f" [{self.notes[r.source]}]"
        return text

    def _paint_label(self, p: QtGui.QPainter, tr: QtGui.QTransform, i: int, ratio: float,
                     view: QtCore.QRectF | None, fm: QtGui.QFontMetricsF) -> None:
        """Beside the mark: right, left, above or below it, wherever it covers no mark or label and stays
        inside the view; else left out (hovering still tells it).  ``p`` has the labels' font."""
        r = self.rows[i]
        text = self.label_text(i)
        w, h = fm.horizontalAdvance(text), fm.height()
        c = tr.map(self.mark_pos(i))
        c = QtCore.QPointF(c.x() + self.offsets[i] * ratio, c.y())
        gap = MARK_PX * ratio + 4 * ratio
        lift = gap + h / 2 + 2 * ratio
        candidates = [(c.x() + gap, c.y()), (c.x() - gap - w, c.y()),
                      (c.x() + gap, c.y() - lift), (c.x() + gap, c.y() + lift),
                      (c.x() - gap - w, c.y() - lift), (c.x() - gap - w, c.y() + lift)]
        for x, cy in candidates:
            box = QtCore.QRectF(x, cy - h / 2, w, h)
            if view is not None and not view.contains(box):
                continue
            if self._taken.hits(box):  # a mark or a label already there
                continue
            self.label_rects.append((i, box))
            self._taken.add(box)
            p.setPen(QtGui.QPen(QtGui.QColor(self.theme.foreground if not r.hedged else self.theme.muted)))
            p.drawText(QtCore.QPointF(x, cy - h / 2 + fm.ascent()), text)
            return

    def _paint_row(self, p: QtGui.QPainter, tr: QtGui.QTransform, i: int, bg: QtGui.QColor,
                   ratio: float) -> QtCore.QRectF:
        """Draw row ``i``'s mark; return the rectangle it covers (device pixels)."""
        r = self.rows[i]
        color = self._row_colors[i]
        width = 2.0 * ratio if i not in (self.selected, self.hovered) else 3.0 * ratio
        pen, span_pen, solid = self._pens(color, width, r.hedged)
        p.setPen(pen)
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        c = tr.map(self.mark_pos(i))
        c = QtCore.QPointF(c.x() + self.offsets[i] * ratio, c.y())
        rad = MARK_PX * ratio
        covered = QtCore.QRectF(c.x() - rad - 1, c.y() - rad - 1, 2 * rad + 2, 2 * rad + 2)
        # a range in time: a horizontal span (open end: an arrow to the right)
        if r.is_time_range:
            a, b = tr.map(QtCore.QPointF(r.t0, r.value)), tr.map(QtCore.QPointF(r.t1, r.value))
            if r.when.open_end:  # "after 2030", "2030+": runs on to the right, ends in an arrow
                b = QtCore.QPointF(max(b.x(), a.x() + OPEN_SPAN_PX * ratio), b.y())
            p.setPen(span_pen)
            p.drawLine(a, b)
            tick = 5 * ratio
            if not r.when.open_start:
                p.drawLine(QtCore.QPointF(a.x(), a.y() - tick), QtCore.QPointF(a.x(), a.y() + tick))
            if r.when.open_end:
                arrow_head(p, b, QtCore.QPointF(1, 0), 7 * ratio)
            else:
                p.drawLine(QtCore.QPointF(b.x(), b.y() - tick), QtCore.QPointF(b.x(), b.y() + tick))
            p.setPen(pen)
            covered = covered.united(QtCore.QRectF(min(a.x(), b.x()) - tick, a.y() - tick - 1,
                                                   abs(b.x() - a.x()) + 2 * tick, 2 * tick + 2))
        # a range in value: a vertical interval with caps
        if r.value_max is not None:
            lo, hi = tr.map(QtCore.QPointF(r.t, r.value)), tr.map(QtCore.QPointF(r.t, r.value_max))
            cap = 5 * ratio
            p.drawLine(lo, hi)
            p.drawLine(QtCore.QPointF(lo.x() - cap, lo.y()), QtCore.QPointF(lo.x() + cap, lo.y()))
            p.drawLine(QtCore.QPointF(hi.x() - cap, hi.y()), QtCore.QPointF(hi.x() + cap, hi.y()))
            covered = covered.united(QtCore.QRectF(QtCore.QPointF(lo.x() - cap, lo.y()),
                                                   QtCore.QPointF(hi.x() + cap, hi.y())).normalized())
        # a bound: an arrow from the mark towards where the value may lie
        direction = BOUND_DIRECTION.get(r.bound, 0)
        if direction:
            start = tr.map(QtCore.QPointF(r.t, r.value_max if (direction > 0 and r.value_max is not None) else r.value))
            start = QtCore.QPointF(start.x() + self.offsets[i] * ratio, start.y())
            tip = QtCore.QPointF(start.x(), start.y() - direction * ARROW_PX * ratio)
            p.drawLine(start, tip)
            arrow_head(p, tip, QtCore.QPointF(0, -direction), 6 * ratio)
            covered = covered.united(QtCore.QRectF(QtCore.QPointF(start.x() - 4 * ratio, start.y()),
                                                   QtCore.QPointF(tip.x() + 4 * ratio, tip.y())).normalized())
        # the mark: filled when achieved, hollow (filled with the background) when a forecast
        p.setPen(solid)
        p.setBrush(QtGui.QBrush(color if r.achieved else bg))
        draw_shape(p, c, rad, self.shapes.get(r.scope, "circle"))
        if r.bound == "about":  # "about": a second, looser ring
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.setPen(pen)
            p.drawEllipse(c, rad + 3 * ratio, rad + 3 * ratio)
        if i == self.selected:
            sel = QtGui.QPen(QtGui.QColor(self.theme.selection), 2 * ratio)
            p.setPen(sel)
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.drawEllipse(c, rad + 5 * ratio, rad + 5 * ratio)
        return covered

    # -- mouse -----------------------------------------------------------------
    def hoverEvent(self, ev):  # noqa: N802 (pyqtgraph API)
        if ev.isExit():
            i = None
        else:
            i = self.row_at(ev.pos())
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


TICK_GAP_FONTS = 2.0  # value ticks at least this many tick-font heights apart (a short pane: fewer ticks)


def value_tick_step(span: float, length_px: float, min_gap_px: float) -> float:
    """The 1-2-5 step of the value ticks so that they stand ``min_gap_px`` apart on ``length_px``."""
    raw = abs(span) * max(min_gap_px, 1.0) / max(length_px, 1.0)
    if raw <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw * (1 - 1e-9))


class _ValueAxis(QuietAxis):
    """The value axis; draws in off-screen export scenes too (as the year axis does).

    Ticks stand at least TICK_GAP_FONTS tick-font heights apart, so a short pane
    shows two or three values, not a column of crammed ones."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph API)
        font = self.style.get("tickFont")
        px = QtGui.QFontMetricsF(font).height() if font is not None else 12.0
        step = value_tick_step(maxVal - minVal, size, TICK_GAP_FONTS * px)
        return [(step, 0)]

    def deviceTransform_(self):  # noqa: N802 (pyqtgraph API)
        if self.getViewWidget() is None and self.scene() is not None:
            return self.sceneTransform()
        return super().deviceTransform_()


class MetricsPlot(pg.PlotItem):
    """The pane's plot: a year axis below, the metric's unit on the left, one mark per claim."""

    sigClaimClicked = QtCore.Signal(object)  # ClaimRow

    def __init__(self, theme: Theme | str = "light") -> None:
        self.theme = get_theme(theme)
        super().__init__(axisItems={"bottom": YearAxis("bottom", self.theme), "left": _ValueAxis("left"),
                                    "top": QuietAxis("top"), "right": QuietAxis("right")},
                         enableMenu=False)  # no context menus: none is built
        self.hideAxis("top")
        self.hideAxis("right")
        self.hideButtons()
        self.setMenuEnabled(False)
        self.layout.setContentsMargins(0, 0, 0, 0)
        vb = self.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.disableAutoRange()
        self.marks = ClaimMarksItem(self.theme)
        self.addItem(self.marks)
        self.marks.sigClicked.connect(lambda i: self.sigClaimClicked.emit(self.marks.rows[i]))
        self.key: MetricKey | None = None
        self.set_theme(self.theme)

    # -- time axis -------------------------------------------------------------
    def link_time(self, timeline_viewbox: pg.ViewBox) -> None:
        """Share the time axis with the timeline: zooming or panning either moves both.

        Both get the very same x range (pyqtgraph's own link shifts ranges by
        the views' screen offsets, which lag behind layout changes); the
        plot areas are lined up on screen by the dock.
        """
        mine = self.getViewBox()
        self._linked = timeline_viewbox
        self._syncing = False

        def follow(src: pg.ViewBox, dst: pg.ViewBox) -> None:
            if self._syncing:
                return
            self._syncing = True
            try:
                t0, t1 = src.viewRange()[0]
                if dst is timeline_viewbox and hasattr(dst, "set_time_range"):
                    dst.set_time_range(t0, t1)  # the timeline's zoom limits apply
                    t0, t1 = dst.viewRange()[0]
                    if (t0, t1) != tuple(src.viewRange()[0]):
                        src.setXRange(t0, t1, padding=0)
                else:
                    dst.setXRange(t0, t1, padding=0)
            finally:
                self._syncing = False

        timeline_viewbox.sigXRangeChanged.connect(lambda *_a: follow(timeline_viewbox, mine))
        mine.sigXRangeChanged.connect(lambda *_a: follow(mine, timeline_viewbox))
        follow(timeline_viewbox, mine)

    # -- data -------------------------------------------------------------------
    def set_rows(self, key: MetricKey | None, rows: list[ClaimRow]) -> None:
        """Show the claimed figures of one metric (``rows`` must share its unit)."""
        units = {r.unit for r in rows}
        if len(units) > 1:
            raise ValueError(f"figures of different units on one axis: {sorted(units)}")
        self.key = key
        colors = organization_colors(rows, self.theme)
        scopes = sorted({r.scope for r in rows}, key=lambda s: (s is None, s or ""))
        shapes = {s: SCOPE_SHAPES[i % len(SCOPE_SHAPES)] for i, s in enumerate(scopes)}
        self.marks.set_rows(rows, colors, shapes)
        unit = key.unit if key is not None else ""
        left = self.getAxis("left")
        left.setLabel(unit)
        self._fit_y(rows)

    def _fit_y(self, rows: list[ClaimRow]) -> None:
        ys = [r.value for r in rows] + [r.value_max for r in rows if r.value_max is not None]
        if not ys:
            self.getViewBox().setYRange(0, 1, padding=0)
            return
        lo, hi = min(ys), max(ys)
        lo = min(lo, 0.0) if lo >= 0 else lo
        span = (hi - lo) or abs(hi) or 1.0
        # room above for bound arrows and labels, below for the axis
        self.getViewBox().setYRange(lo - span * 0.08, hi + span * 0.35, padding=0)

    def legend_entries(self) -> list[tuple[str, str, str]]:
        """What the marks mean: (label, colour, glyph) for organizations, achieved/forecast and scopes."""
        rows, colors, shapes = self.marks.rows, self.marks.colors, self.marks.shapes
        fg = self.theme.foreground
        out: list[tuple[str, str, str]] = []
        names: dict[str | None, str] = {}
        for r in rows:
            names.setdefault(r.organization, r.organization_name or _("the article (no speaker named)"))
        ordered = sorted(names.items(), key=lambda kv: (kv[0] is None, kv[1].casefold()))
        for org, name in ordered[:len(ORG_COLORS)]:  # beyond that colours repeat: the rest is counted
            out.append((name, colors[org].name(), "\u25cf"))
        if len(ordered) > len(ORG_COLORS):
            n = len(ordered) - len(ORG_COLORS)
            out.append((ngettext("{n} more organization", "{n} more organizations", n).format(n=f"{n:,}"),
                        self.theme.muted, "\u2026"))
        if rows:
            out.append((_("achieved"), fg, "\u25cf"))
            out.append((_("forecast"), fg, "\u25cb"))
            if any(r.hedged for r in rows):
                out.append((_("hedged (faded, dashed)"), self.theme.muted, "\u25cc"))
        if len(shapes) > 1:
            glyph = {"circle": "\u25cb", "square": "\u25a1", "triangle": "\u25b3", "diamond": "\u25c7"}
            for scope, shape in shapes.items():
                out.append((scope or _("no scope given"), fg, glyph[shape]))
        return out

    # -- look -----------------------------------------------------------------
    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.getViewBox().setBackgroundColor(self.theme.background)
        self.getAxis("bottom").set_theme(self.theme)
        left = self.getAxis("left")
        left.setPen(pg.mkPen(self.theme.grid_major))
        left.setTextPen(pg.mkPen(self.theme.muted))
        left.setTickFont(self.theme.font(self.theme.axis_px))
        left.setGrid(40)
        self.marks.set_theme(self.theme)
        if self.marks.rows:
            self.marks.set_colors(organization_colors(self.marks.rows, self.theme))
