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

from nevroadmap.core.claims import ClaimRow, MetricKey
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render import export as _export
from nevroadmap.render.drift import DriftItem
from nevroadmap.render.metrics_pane import MetricsPlot

__all__ = ["BAND_SHARE", "export_with_metric"]

BAND_SHARE = 0.30  # of the page height, for the metric band


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
                 left: float, right: float, time_range: tuple[float, float]) -> None:
        self.rows, self.key, self.theme = rows, key, theme
        self.w, self.h, self.left, self.right, self.time_range = w, h, left, right, time_range

    def paint(self, p: QtGui.QPainter, target: QtCore.QRectF) -> None:
        scene = pg.GraphicsScene()
        plot = MetricsPlot(self.theme)
        scene.addItem(plot)
        plot.set_rows(self.key, self.rows)
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


def export_with_metric(roadmap: Roadmap, layout: LaneLayout, path: str | os.PathLike, options: _export.ExportOptions,
                       rows: list[ClaimRow], key: MetricKey) -> None:
    """Write the roadmap with ``key``'s figures in a band below it (PNG, SVG or PDF)."""
    path = Path(path)
    fmt = _export.check_request(path, options)
    _export._ensure_app()
    w, h = options.width, options.height
    band_h = int(round(h * BAND_SHARE))
    top = _export.ExportOptions(**{**options.__dict__, "height": h - band_h})
    page = _PageWithDrift(roadmap, layout, top)
    left, right, trange = _plot_edges(page)
    band = _Band(rows, key, options.theme, page.w, band_h / page.scale, left, right, trange)

    def paint(p: QtGui.QPainter, target: QtCore.QRectF) -> None:
        k = target.height() / h
        page.paint(p, QtCore.QRectF(target.left(), target.top(), target.width(), (h - band_h) * k))
        band.paint(p, QtCore.QRectF(target.left(), target.top() + (h - band_h) * k, target.width(), band_h * k))

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
