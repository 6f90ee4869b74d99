"""The metrics pane: claimed figures of one metric on the timeline's time axis.

A :class:`MetricsPlot` is a pyqtgraph ``PlotItem`` whose x axis is linked both
ways to the timeline's view box (:meth:`MetricsPlot.link_time`).  Each claimed
figure (a :class:`~nevroadmap.core.claims.ClaimRow`) is one mark, drawn by
:class:`~nevroadmap.render.claim_marks.ClaimMarksItem`; colours tell
organizations apart (:meth:`MetricsPlot.legend_entries` names them), shapes
tell scopes apart when several are shown.

Hovering shows the claim in one line; clicking emits ``sigClaimClicked(row)``.
No widgets here (the dock in :mod:`nevroadmap.gui.metrics_dock` holds it).
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nevroadmap.core.claim_columns import ClaimColumns
from nevroadmap.core.claims import ClaimRow, MetricKey
from nevroadmap.core.i18n import _, ngettext
from nevroadmap.core.names import natural_key
from nevroadmap.core.safe_text import without_bidi_controls
from nevroadmap.render.axis import QuietAxis, YearAxis
from nevroadmap.render.claim_marks import ClaimMarksItem
from nevroadmap.render.theme import Theme, get_theme

__all__ = ["ClaimMarksItem", "MetricsPlot", "ORG_COLORS", "organization_colors"]

# distinct on light and dark backgrounds (Okabe-Ito, then a few more)
ORG_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F3C8D",
              "#3969AC", "#E73F74", "#11A579", "#F2B701")
SCOPE_SHAPES = ("circle", "square", "triangle", "diamond")
# a legend entry's text is cut to this width (the theme's small font) with "…": an organization or
# scope is data (up to 500 characters, maybe without a space), and the legend must not widen the
# window (a word-wrapped label is as wide as its longest word) nor run off an exported page
LEGEND_LABEL_PX = 260.0


def organization_colors(rows: list[ClaimRow], theme: Theme) -> dict[str | None, QtGui.QColor]:
    """A colour per organization in ``rows`` (by name, stable); None (the article) is neutral grey."""
    first_name: dict[str, str] = {}
    for r in rows:  # one pass: the name each organization is first given
        if r.organization and r.organization not in first_name:
            first_name[r.organization] = r.organization_name or r.organization
    names = sorted(first_name, key=lambda o: natural_key(first_name[o]))  # the legend's order
    out: dict[str | None, QtGui.QColor] = {o: QtGui.QColor(ORG_COLORS[i % len(ORG_COLORS)]) for i, o in enumerate(names)}
    out[None] = QtGui.QColor("#8c8c8c" if QtGui.QColor(theme.background).lightness() >= 128 else "#a6a6a6")
    return out


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
        vb.sigResized.connect(lambda *_a: self._fit_y())  # the room below the figures is in pixels
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
    def set_rows(self, key: MetricKey | None, rows: list[ClaimRow], cols: ClaimColumns | None = None) -> None:
        """Show the claimed figures of one metric (``rows`` must share its unit; ``cols``: their
        columns when the caller keeps them)."""
        units = {r.unit for r in rows}
        if len(units) > 1:
            raise ValueError(f"figures of different units on one axis: {sorted(units)}")
        self.key = key
        colors = organization_colors(rows, self.theme)
        scopes = sorted({r.scope for r in rows}, key=lambda s: (s is None, natural_key(s or "")))
        shapes = {s: SCOPE_SHAPES[i % len(SCOPE_SHAPES)] for i, s in enumerate(scopes)}
        self.marks.set_rows(rows, colors, shapes, cols)
        unit = without_bidi_controls(key.unit) if key is not None else ""
        left = self.getAxis("left")
        left.setLabel(unit)
        self._fit_y()

    def _fit_y(self) -> None:
        cols = self.marks.cols
        if not len(cols):
            self.getViewBox().setYRange(0, 1, padding=0)
            return
        _t0, _t1, lo, hi = cols.extent()
        # the axis reaches 0, above all-positive and below all-negative figures alike: two figures a
        # unit apart near -1e15 (the model's limit) would otherwise span a range of 1 where doubles
        # are 0.125 apart, and the ticks came out as -0.9999999999999988, -0.9999999999999991 ...
        lo, hi = min(lo, 0.0), max(hi, 0.0)
        span = (hi - lo) or 1.0
        # room above for bound arrows and labels, below for the axis: at least half a tick label,
        # so the lowest tick keeps its label in a short pane (a taller font dropped the 0)
        top, below = hi + span * 0.35, span * 0.08
        vb = self.getViewBox()
        font = self.getAxis("left").style.get("tickFont")
        h = vb.height()
        if font is not None and h > 0:
            half = QtGui.QFontMetricsF(font).height() / 2 + 2
            if half < h / 3:
                below = max(below, half * (top - lo) / (h - half))
        vb.setYRange(lo - below, top, padding=0)

    def legend_parts(self) -> tuple[list[tuple[str, str]], int, list[tuple[str, str, str]]]:
        """What the marks mean, in parts: (name, colour) of the first organizations by name (as many as
        there are colours: beyond that they repeat), how many organizations there are in all, and
        (label, colour, glyph) for achieved/forecast, hedged and the scopes.  A name or scope is cut
        to LEGEND_LABEL_PX with "…"."""
        rows, colors, shapes = self.marks.rows, self.marks.colors, self.marks.shapes
        fg = self.theme.foreground
        article = _("the article (no speaker named)")
        names: dict[str | None, str] = {}
        for r in rows:
            if r.organization not in names:
                names[r.organization] = r.organization_name or article
        # in the colours' order (organization_colors: by name as people read them, the article last)
        ordered = [(org, names[org]) for org in colors if org in names]
        orgs = [(name, colors[org].name()) for org, name in ordered[:len(ORG_COLORS)]]
        keys: list[tuple[str, str, str]] = []
        if rows:
            keys.append((_("achieved"), fg, "\u25cf"))
            keys.append((_("forecast"), fg, "\u25cb"))
            if any(r.hedged for r in rows):
                keys.append((_("hedged (faded, dashed)"), self.theme.muted, "\u25cc"))
        if len(shapes) > 1:
            glyph = {"circle": "\u25cb", "square": "\u25a1", "triangle": "\u25b3", "diamond": "\u25c7"}
            for scope, shape in shapes.items():
                keys.append((scope or _("no scope given"), fg, glyph[shape]))
        fm = QtGui.QFontMetricsF(self.theme.font(self.theme.small_px))
        cut = QtCore.Qt.TextElideMode.ElideRight
        orgs = [(fm.elidedText(without_bidi_controls(name), cut, LEGEND_LABEL_PX), color) for name, color in orgs]
        keys = [(fm.elidedText(without_bidi_controls(label), cut, LEGEND_LABEL_PX), color, g) for label, color, g in keys]
        return orgs, len(ordered), keys

    def legend_entries(self, max_orgs: int = len(ORG_COLORS), parts=None) -> list[tuple[str, str, str]]:
        """(label, colour, glyph) for each entry of the legend: at most ``max_orgs`` organizations named,
        the rest counted ("… 1,533 more organizations"), then the keys (``parts``: from
        :meth:`legend_parts`, when the caller has them)."""
        orgs, total, keys = parts if parts is not None else self.legend_parts()
        named = orgs[:max(0, max_orgs)]
        out = [(name, color, "\u25cf") for name, color in named]
        if total > len(named):
            n = total - len(named)
            out.append((ngettext("{n} more organization", "{n} more organizations", n).format(n=f"{n:,}"),
                        self.theme.muted, "\u2026"))
        return out + keys

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
