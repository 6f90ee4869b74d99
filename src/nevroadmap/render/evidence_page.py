"""The evidence parts of the export page: the metric band and the source footnotes (issue 10).

The exporter (:mod:`nevroadmap.render.export`) reserves their room on its one
page and calls these: :func:`metric_band` resolves ``ExportRequest.metric`` to
the claimed figures of the shown milestones, :func:`add_band_plot` puts the
metrics plot into the page's scene *under the lanes* (its plot area takes the
lanes' left and right edges, in the same layout pixels, so it lines up at any
pixel density), :func:`paint_band_labels` writes its title and legend, and
:func:`footnotes` / :func:`paint_footnotes` number the sources behind the
shown milestones (the band's marks cite the numbers).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nevroadmap.core.claims import ClaimRow, MetricKey, MetricNotFound, claim_rows, pick_metric
from nevroadmap.core.i18n import _
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.core.provenance import source_notes
from nevroadmap.render.metrics_pane import MetricsPlot
from nevroadmap.render.output import ExportError
from nevroadmap.render.theme import Theme

__all__ = ["MAX_NOTES", "MetricBand", "metric_band", "band_min_height", "add_band_plot",
           "paint_band_labels", "Footnotes", "footnotes", "footnotes_height", "paint_footnotes", "titles_with_notes"]

BAND_PLOT_MIN_PX = 72.0  # the band's plot area at least: a mark, its bound arrow and its label
MAX_NOTES = 12  # footnote lines at most (then "and N more sources")


@dataclass
class MetricBand:
    key: MetricKey
    rows: list[ClaimRow]


@dataclass
class Footnotes:
    numbers: dict[str, int] = field(default_factory=dict)  # source id -> its number
    lines: list[str] = field(default_factory=list)


def _shown_ids(roadmap: Roadmap, layout: LaneLayout) -> list[str]:
    """The shown milestones in lane order (footnotes are numbered first cited first, top down)."""
    ms = roadmap.milestones
    return list(dict.fromkeys(ms[int(i)].id for i in layout.item))


def metric_band(roadmap: Roadmap, layout: LaneLayout, metric: str) -> MetricBand:
    """The figures of the metric ``metric`` names claimed for the shown milestones; ExportError if it names none."""
    ms = roadmap.milestone_by_id
    try:
        key, rows = pick_metric(roadmap, claim_rows(roadmap, [ms[i] for i in _shown_ids(roadmap, layout)]), metric)
    except MetricNotFound as exc:
        raise ExportError(str(exc)) from None
    return MetricBand(key, rows)


def band_min_height(th: Theme) -> float:
    """The band's least height: its title, a plot that fits its marks and labels, its axis and legend
    (the page's share rule is :func:`nevroadmap.render.page.split_plot_room`)."""
    return _band_title_h(th) + BAND_PLOT_MIN_PX + (th.axis_px + 14) + _band_legend_h(th)


def _band_title_h(th: Theme) -> float:
    return th.subtitle_px + 10


def _band_legend_h(th: Theme) -> float:
    return th.small_px + 10


def add_band_plot(scene: pg.GraphicsScene, lanes: pg.PlotItem, band: MetricBand, rect: QtCore.QRectF,
                  time_range: tuple[float, float], theme: Theme, notes: dict[str, int] | None = None) -> MetricsPlot:
    """Put the band's metrics plot into ``scene`` inside ``rect``, its plot area under the lanes' one."""
    lanes_vb = lanes.getViewBox().sceneBoundingRect()
    plot = MetricsPlot(theme)
    scene.addItem(plot)
    plot.set_rows(band.key, band.rows)
    plot.marks.notes = notes or {}
    top = rect.top() + _band_title_h(theme)
    plot.getAxis("left").setWidth(int(round(lanes_vb.left() - rect.left())))
    plot.setGeometry(QtCore.QRectF(rect.left(), top, lanes_vb.right() - rect.left(),
                                   rect.bottom() - _band_legend_h(theme) - top))
    plot.layout.activate()
    plot.getViewBox().setXRange(*time_range, padding=0)
    return plot


def paint_band_labels(p: QtGui.QPainter, rect: QtCore.QRectF, band: MetricBand, plot: MetricsPlot, th: Theme) -> None:
    """The band's title (the metric and its unit) above it and the marks' legend below it."""
    p.save()
    p.setPen(QtGui.QColor(th.foreground))
    p.setFont(th.font(th.subtitle_px, bold=True))
    p.drawText(QtCore.QPointF(rect.left(), rect.top() + th.subtitle_px + 2), band.key.label())
    x, y = plot.getViewBox().sceneBoundingRect().left(), rect.bottom() - 6
    p.setFont(th.font(th.small_px))
    fm = QtGui.QFontMetricsF(p.font())
    right, more = rect.right(), "\u2026"
    for label, color, glyph in plot.legend_entries():
        if x + fm.horizontalAdvance(glyph) + 4 + fm.horizontalAdvance(label) > right:  # one line: no entry cut
            p.setPen(QtGui.QColor(th.muted))
            p.drawText(QtCore.QPointF(min(x, right - fm.horizontalAdvance(more)), y), more)
            break
        p.setPen(QtGui.QColor(color))
        p.drawText(QtCore.QPointF(x, y), glyph)
        x += fm.horizontalAdvance(glyph) + 4
        p.setPen(QtGui.QColor(th.foreground))
        p.drawText(QtCore.QPointF(x, y), label)
        x += fm.horizontalAdvance(label) + 16
    p.restore()


def footnotes(roadmap: Roadmap, layout: LaneLayout) -> Footnotes:
    """Numbered sources behind the shown milestones, first cited first (at most MAX_NOTES lines)."""
    numbered = source_notes(roadmap, _shown_ids(roadmap, layout))
    lines = [f"[{n}] {text}" for n, _sid, text in numbered[:MAX_NOTES]]
    if len(numbered) > MAX_NOTES:
        lines.append(_("… and {n} more sources").format(n=len(numbered) - MAX_NOTES))
    return Footnotes({sid: n for n, sid, _text in numbered}, lines)


def titles_with_notes(roadmap: Roadmap, numbers: dict[str, int]) -> Roadmap:
    """The roadmap with each cited milestone's title followed by its footnote numbers ("… [1, 4]"),
    so that every number appears on the picture where it applies (exports with footnotes only)."""
    if not numbers:
        return roadmap
    out = []
    for m in roadmap.milestones:
        ns = sorted({numbers[c.source] for c in roadmap.claims_for(m.id) if c.source in numbers})
        out.append(dataclasses.replace(m, title=f"{m.title} [{', '.join(map(str, ns))}]") if ns else m)
    return dataclasses.replace(roadmap, milestones=tuple(out))


def footnotes_height(n_lines: int, th: Theme) -> float:
    return n_lines * (th.small_px + 5) + 8 if n_lines else 0.0


def paint_footnotes(p: QtGui.QPainter, rect: QtCore.QRectF, notes: Footnotes, th: Theme) -> None:
    font = th.font(th.small_px)
    fm = QtGui.QFontMetricsF(font)
    p.save()
    p.setFont(font)
    p.setPen(QtGui.QColor(th.muted))
    y = rect.top() + 4 + fm.ascent()
    for line in notes.lines:
        p.drawText(QtCore.QPointF(rect.left(), y), fm.elidedText(line, QtCore.Qt.TextElideMode.ElideRight, rect.width()))
        y += th.small_px + 5
    p.restore()
