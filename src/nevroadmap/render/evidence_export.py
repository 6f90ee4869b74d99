"""Exports with the metrics pane: the roadmap above, one metric's claimed figures below.

The pane band shares the roadmap's time range and its plot area is lined up
with the lanes' (same left and right edges), as in the app.  Works for PNG,
SVG and PDF: both parts paint onto one painter.  Forecast drift (ghost marks
of earlier claimed dates) is drawn on the roadmap part too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nevroadmap.core.claims import ClaimRow, MetricKey, source_notes
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render import export as _export
from nevroadmap.render.drift import DriftItem
from nevroadmap.render.metrics_pane import MetricsPlot

__all__ = ["BAND_SHARE", "MAX_NOTES", "export_evidence", "export_with_metric"]

BAND_SHARE = 0.30  # of the page height, for the metric band
MAX_NOTES = 12  # footnote lines at most (then "and N more sources")


class _PageWithDrift(_export._Page):
    """The export page with forecast drift drawn on the timeline, as in the app."""

    def build_scene(self):
        scene, plot = super().build_scene()
        drift = DriftItem(self.theme)
        drift.set_data(self.roadmap, self.layout)
        plot.addItem(drift)
        self.drift_item = drift
        return scene, plot


def _plot_edges(page) -> tuple[float, float, tuple[float, float]]:
    """Left and right x of the roadmap's plot area on its page, and its time range."""
    scene, plot = page.build_scene()
    r = plot.getViewBox().sceneBoundingRect()
    t0, t1 = plot.getViewBox().viewRange()[0]
    scene.clear()
    return r.left(), r.right(), (t0, t1)


class _Band:
    def __init__(self, rows: list[ClaimRow], key: MetricKey, theme: str, w: float, h: float,
                 left: float, right: float, time_range: tuple[float, float], notes: dict | None = None) -> None:
        self.rows, self.key, self.theme, self.notes = rows, key, theme, notes or {}
        self.w, self.h, self.left, self.right, self.time_range = w, h, left, right, time_range

    def paint(self, p: QtGui.QPainter, target: QtCore.QRectF) -> None:
        scene = pg.GraphicsScene()
        plot = MetricsPlot(self.theme)
        scene.addItem(plot)
        plot.set_rows(self.key, self.rows)
        plot.marks.notes = self.notes
        th = plot.theme
        title_h = th.subtitle_px + 10
        legend_h = th.small_px + 10
        plot.getAxis("left").setWidth(int(self.left))
        plot.setGeometry(QtCore.QRectF(0, title_h, self.right, self.h - title_h - legend_h))
        plot.layout.activate()
        plot.getViewBox().setXRange(*self.time_range, padding=0)
        p.save()
        p.fillRect(target, QtGui.QColor(th.background))
        scene.render(p, target, QtCore.QRectF(0, 0, self.w, self.h))
        p.translate(target.topLeft())
        p.scale(target.width() / self.w, target.height() / self.h)
        p.setPen(QtGui.QColor(th.foreground))
        p.setFont(th.font(th.subtitle_px, bold=True))
        p.drawText(QtCore.QPointF(24, th.subtitle_px + 2), self.key.label())
        x, y = float(self.left), self.h - 6
        p.setFont(th.font(th.small_px))
        fm = QtGui.QFontMetricsF(p.font())
        for label, color, glyph in plot.legend_entries():
            p.setPen(QtGui.QColor(color))
            p.drawText(QtCore.QPointF(x, y), glyph)
            x += fm.horizontalAdvance(glyph) + 4
            p.setPen(QtGui.QColor(th.foreground))
            p.drawText(QtCore.QPointF(x, y), label)
            x += fm.horizontalAdvance(label) + 16
        p.restore()
        scene.clear()


class _Notes:
    """Numbered source footnotes, one per line."""

    def __init__(self, lines: list[str], theme: str, w: float, h: float) -> None:
        from nevroadmap.render.theme import get_theme

        self.lines, self.theme, self.w, self.h = lines, get_theme(theme), w, h

    @staticmethod
    def height(n_lines: int, theme: str) -> float:
        from nevroadmap.render.theme import get_theme

        th = get_theme(theme)
        return n_lines * (th.small_px + 5) + 14

    def paint(self, p: QtGui.QPainter, target: QtCore.QRectF) -> None:
        th = self.theme
        p.save()
        p.fillRect(target, QtGui.QColor(th.background))
        p.translate(target.topLeft())
        p.scale(target.width() / self.w, target.height() / self.h)
        font = th.font(th.small_px)
        fm = QtGui.QFontMetricsF(font)
        p.setFont(font)
        p.setPen(QtGui.QColor(th.muted))
        y = 8 + fm.ascent()
        for line in self.lines:
            p.drawText(QtCore.QPointF(24, y), fm.elidedText(line, QtCore.Qt.TextElideMode.ElideRight, self.w - 48))
            y += th.small_px + 5
        p.restore()


def export_with_metric(roadmap: Roadmap, layout: LaneLayout, path: str | os.PathLike, options: _export.ExportOptions,
                       rows: list[ClaimRow], key: MetricKey) -> None:
    """Write the roadmap with ``key``'s figures in a band below it (PNG, SVG or PDF)."""
    export_evidence(roadmap, layout, path, options, metric=(key, rows))


def export_evidence(roadmap: Roadmap, layout: LaneLayout, path: str | os.PathLike, options: _export.ExportOptions,
                    metric: tuple[MetricKey, list[ClaimRow]] | None = None, footnotes: bool = False) -> None:
    """Write the roadmap, optionally with one metric's band below it and numbered source footnotes."""
    path = Path(path)
    fmt = _export.check_request(path, options)
    _export._ensure_app()
    w, h = options.width, options.height
    scale = min(max(min(w / 1920, h / 1080), 0.7), 12.0)  # as the export page computes it
    notes, note_lines = {}, []
    if footnotes:
        shown = list(dict.fromkeys(roadmap.milestones[int(i)].id for i in layout.item))
        numbered = source_notes(roadmap, shown)
        notes = {sid: n for n, sid, _text in numbered}
        note_lines = [f"[{n}] {text}" for n, _sid, text in numbered[:MAX_NOTES]]
        if len(numbered) > MAX_NOTES:
            note_lines.append(f"... and {len(numbered) - MAX_NOTES} more sources")
    notes_h = int(round(_Notes.height(len(note_lines), options.theme) * scale)) if note_lines else 0
    band_h = int(round(h * BAND_SHARE)) if metric is not None else 0
    top_h = h - band_h - notes_h
    top = _export.ExportOptions(**{**options.__dict__, "height": top_h})
    page = _PageWithDrift(roadmap, layout, top)
    parts: list[tuple[object, int]] = [(page, top_h)]
    if metric is not None:
        left, right, trange = _plot_edges(page)
        parts.append((_Band(metric[1], metric[0], options.theme, page.w, band_h / page.scale, left, right, trange,
                            notes), band_h))
    if note_lines:
        parts.append((_Notes(note_lines, options.theme, w / scale, notes_h / scale), notes_h))

    def paint(p: QtGui.QPainter, target: QtCore.QRectF) -> None:
        k = target.height() / h
        y = target.top()
        for part, ph in parts:
            part.paint(p, QtCore.QRectF(target.left(), y, target.width(), ph * k))
            y += ph * k

    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.WriteOnly)
    if fmt == "png":
        img = QtGui.QImage(w, h, QtGui.QImage.Format_ARGB32_Premultiplied)
        p = QtGui.QPainter(img)
        try:
            paint(p, QtCore.QRectF(0, 0, w, h))
        finally:
            p.end()
        buf.write(_export.encode_png(img, options.dpi))
    else:
        if fmt == "svg":
            from PySide6.QtSvg import QSvgGenerator

            dev = QSvgGenerator()
            dev.setOutputDevice(buf)
            dev.setSize(QtCore.QSize(w, h))
            dev.setViewBox(QtCore.QRect(0, 0, w, h))
            dev.setResolution(96)
            dev.setTitle(page.title or _export.DEFAULT_TITLE)
        else:
            dev = QtGui.QPdfWriter(buf)
            dev.setResolution(96)
            size_pt = QtCore.QSizeF(w * 72.0 / options.dpi, h * 72.0 / options.dpi)
            dev.setPageSize(QtGui.QPageSize(size_pt, QtGui.QPageSize.Point, "", QtGui.QPageSize.ExactMatch))
            dev.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0))
            dev.setTitle(page.title or _export.DEFAULT_TITLE)
        p = QtGui.QPainter()
        if not p.begin(dev):
            raise _export.ExportError(f"cannot start drawing the {fmt.upper()} for {path}")
        try:
            target = QtCore.QRectF(0, 0, w, h) if fmt == "svg" else QtCore.QRectF(
                0, 0, p.device().width(), p.device().height())
            paint(p, target)
        finally:
            p.end()
    buf.close()
    _export._write_atomic(path, bytes(buf.data()))
