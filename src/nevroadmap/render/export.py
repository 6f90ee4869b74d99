"""Export the timeline as PNG, SVG or PDF: one function for the app and the CLI.

No widgets, no dialogs.  The plot (the same items the app shows) lives in an
off-screen graphics scene; title, filter line, legend and attribution are
painted around it.  Output is built in memory and written with ``QSaveFile``,
so a failed export never leaves a partial file nor damages an existing one.
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render.legend import groups_of, legend_entries, legend_height, paint_legend
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.plot import build_plot, make_plot_item

__all__ = ["ExportOptions", "ExportError", "export_roadmap", "check_request", "label_years_per_char", "FORMATS", "MIN_SIDE", "MAX_SIDE", "DEFAULT_TITLE"]

FORMATS = ("png", "svg", "pdf")
MIN_SIDE, MAX_SIDE = 16, 20000
DEFAULT_TITLE = "New-energy vehicle technology roadmap"
MAX_ROW_PX = 34.0  # few rows grow up to this, so a filtered export fills its page better


class ExportError(Exception):
    """An export that cannot be done; the message says why, in one line."""


@dataclass
class ExportOptions:
    format: str | None = None  # png, svg or pdf; None: from the file suffix
    width: int = 1920
    height: int = 1080
    dpi: int = 96
    theme: str = "light"
    title: str | None = None
    show_title: bool = True
    show_legend: bool = True
    show_attribution: bool = True
    time_range: tuple[float, float] | None = None  # None: the whole roadmap
    group_by: str = "technology"
    filter_text: str = ""  # describes the filters that are on

    def resolved_format(self, path: str | os.PathLike) -> str:
        fmt = (self.format or Path(path).suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            shown = f"'.{fmt}'" if fmt else "no suffix"
            raise ExportError(f"unknown image format ({shown}): use a .png, .svg or .pdf file name")
        return fmt


def check_request(path: str | os.PathLike, opts: ExportOptions) -> str:
    """The output format, or ExportError when the request cannot be met (nothing is written)."""
    path = Path(path)
    fmt = opts.resolved_format(path)
    for side, v in (("width", opts.width), ("height", opts.height)):
        if not isinstance(v, int) or not MIN_SIDE <= v <= MAX_SIDE:
            raise ExportError(f"{side} {v} is out of range: use {MIN_SIDE} to {MAX_SIDE} pixels")
    if not 10 <= int(opts.dpi) <= 2400:
        raise ExportError(f"dpi {opts.dpi} is out of range: use 10 to 2400")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if path.is_dir():
            raise ExportError(f"{path} is a folder, not a file name")
        if not folder.is_dir():
            raise ExportError(f"folder {folder} does not exist")
        if not os.access(folder, os.W_OK):
            raise ExportError(f"folder {folder} is not writable")
        if path.exists() and not os.access(path, os.W_OK):
            raise ExportError(f"{path} is not writable")
    except OSError as exc:  # a name too long for the file system, an unreadable folder ...
        raise ExportError(f"cannot write to {path}: {exc.strerror or exc}") from None
    get_theme(opts.theme)
    return fmt


def label_years_per_char(span_years: float, width_px: float, char_px: float = 6.8) -> float:
    """Years one label character takes when ``span_years`` are drawn ``width_px`` wide (for LayoutEngine)."""
    return max(span_years, 0.1) / max(width_px, 1.0) * char_px


def _write_atomic(path: Path, data: bytes) -> None:
    f = QtCore.QSaveFile(str(path))
    if not f.open(QtCore.QIODevice.WriteOnly):
        raise ExportError(f"cannot write {path}: {f.errorString()}")
    written = f.write(data)
    if written != len(data):
        msg = f.errorString()
        f.cancelWriting()
        f.commit()
        raise ExportError(f"cannot write {path}: {msg or 'short write (disk full?)'}")
    if not f.commit():
        raise ExportError(f"cannot write {path}: {f.errorString() or 'commit failed (disk full?)'}")


def attribution_text(roadmap: Roadmap, layout: LaneLayout, limit: int = 3) -> str:
    """"Source: …" naming the sources behind the shown milestones."""
    ms = roadmap.milestones
    shown = np.unique(layout.item) if len(layout.item) else np.zeros(0, np.int64)
    seen: dict[str, None] = {}
    if len(shown) == len(ms):
        for c in roadmap.claims:
            if c.supports:
                seen.setdefault(c.source, None)
    else:
        ids = {ms[i].id for i in shown.tolist()}
        for c in roadmap.claims:
            if any(m in ids for m in c.supports):
                seen.setdefault(c.source, None)
    names: dict[str, None] = {}
    for sid in seen:
        s = roadmap.source_by_id.get(sid)
        if s is not None:
            names.setdefault(f"{s.title} ({s.publisher})" if s.publisher else s.title, None)
    parts = list(names)
    text = "; ".join(parts[:limit])
    if len(parts) > limit:
        text += f"; and {len(parts) - limit} more"
    return (f"Source: {text} — NEV Roadmap" if text else "NEV Roadmap")


def encode_png(img: QtGui.QImage, dpi: int = 96) -> bytes:
    """An opaque image as PNG bytes: 8-bit RGB, no row filter, fast zlib (several times faster than QImage.save)."""
    img = img.convertToFormat(QtGui.QImage.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    rows = np.frombuffer(img.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)[:, : w * 3]
    raw = np.empty((h, w * 3 + 1), np.uint8)
    raw[:, 0] = 0  # filter type "none" for every row
    raw[:, 1:] = rows

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ppm = int(round(dpi / 0.0254))
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
        chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)),
        chunk(b"IDAT", zlib.compress(raw.tobytes(), 2)),
        chunk(b"IEND", b""),
    ))


def _ensure_app() -> None:
    if QtWidgets.QApplication.instance() is None:
        pg.mkQApp()


class _Page:
    """The export page in logical pixels; ``scale`` maps it to output pixels."""

    def __init__(self, roadmap: Roadmap, layout: LaneLayout, opts: ExportOptions) -> None:
        w, h = opts.width, opts.height
        self.scale = min(max(min(w / 1920, h / 1080), 0.7), 12.0)
        self.w, self.h = w / self.scale, h / self.scale
        self.theme: Theme = get_theme(opts.theme)
        self.roadmap, self.layout, self.opts = roadmap, layout, opts
        th = self.theme
        margin = 24.0
        y = margin * 0.8
        self.title_rect = self.sub_rect = self.legend_rect = self.attr_rect = None
        self.title = (opts.title if opts.title is not None else DEFAULT_TITLE).strip()
        fm_title = QtGui.QFontMetricsF(th.font(th.title_px, bold=True))
        fm_sub = QtGui.QFontMetricsF(th.font(th.subtitle_px))
        fm_small = QtGui.QFontMetricsF(th.font(th.small_px))
        inner_w = self.w - 2 * margin
        if opts.show_title and self.title:
            self.title_rect = QtCore.QRectF(margin, y, inner_w, fm_title.height())
            y += fm_title.height() + 2
        n = len(np.unique(layout.item)) if len(layout.item) else 0
        bits = [opts.filter_text.strip()] if opts.filter_text.strip() else []
        bits.append(f"{n} milestone{'s' * (n != 1)}, grouped by {layout.group_by}, as of {date.today().isoformat()}")
        self.subtitle = "  ·  ".join(bits)
        if opts.show_title:
            self.sub_rect = QtCore.QRectF(margin, y, inner_w, fm_sub.height())
            y += fm_sub.height()
        y += 10
        bottom = self.h - margin * 0.6
        self.attribution = attribution_text(roadmap, layout)
        if opts.show_attribution:
            bottom -= fm_small.height()
            self.attr_rect = QtCore.QRectF(margin, bottom, inner_w, fm_small.height())
            bottom -= 6
        self.legend_entries = legend_entries(groups_of(layout))
        legend_h = legend_height(self.legend_entries, inner_w, th) if opts.show_legend else 0.0
        # the plot: rows at most MAX_ROW_PX tall; the legend follows it
        axes_h = 2 * (th.axis_px + 14)
        room = max(bottom - legend_h - 8 - y, 40.0)
        rows = max(layout.n_rows, 1)
        row_px = min(MAX_ROW_PX, (room - axes_h) / rows)
        plot_h = min(room, axes_h + row_px * rows)
        self.plot_rect = QtCore.QRectF(margin, y, inner_w, plot_h)
        if opts.show_legend:
            self.legend_rect = QtCore.QRectF(margin, y + plot_h + 10, inner_w, legend_h)

    def build_scene(self) -> tuple[pg.GraphicsScene, pg.PlotItem]:
        th = self.theme
        scene = pg.GraphicsScene()
        plot = make_plot_item(th, row_px=None)
        scene.addItem(plot)
        item = build_plot(plot, self.roadmap, self.layout, th)
        item.setFlag(item.GraphicsItemFlag.ItemIsSelectable, False)
        vb = plot.getViewBox()
        vb.setLimits(xMin=None, xMax=None, minXRange=None, maxXRange=None)
        axis = plot.getAxis("left")
        axis.setWidth(int(axis.preferred_width(max_px=min(300.0, self.plot_rect.width() * 0.3))))
        plot.setGeometry(self.plot_rect)
        plot.layout.activate()
        t0, t1 = self.opts.time_range or self._whole_range()
        vb.setXRange(t0, t1, padding=0)
        vb.set_rows(self.layout.n_rows)
        return scene, plot

    def _whole_range(self) -> tuple[float, float]:
        if not len(self.layout.item):
            return 2020.0, 2035.0
        lo, hi = self.layout.x_range
        pad = max((hi - lo) * 0.02, 0.3)
        return lo - pad, hi + pad

    def paint(self, p: QtGui.QPainter, target: QtCore.QRectF) -> None:
        th = self.theme
        p.fillRect(target, QtGui.QColor(th.background))
        scene, plot = self.build_scene()
        p.setRenderHint(QtGui.QPainter.TextAntialiasing, True)
        scene.render(p, target, QtCore.QRectF(0, 0, self.w, self.h))
        p.save()
        p.translate(target.topLeft())
        p.scale(target.width() / self.w, target.height() / self.h)
        p.setRenderHint(QtGui.QPainter.Antialiasing, True)
        if self.title_rect is not None:
            self._text(p, self.title_rect, self.title, th.font(th.title_px, bold=True), th.foreground)
        if self.sub_rect is not None:
            self._text(p, self.sub_rect, self.subtitle, th.font(th.subtitle_px), th.muted)
        if self.legend_rect is not None:
            paint_legend(p, self.legend_rect, self.legend_entries, th)
        if self.attr_rect is not None:
            self._text(p, self.attr_rect, self.attribution, th.font(th.small_px), th.muted)
        if not len(self.layout.item):
            r = self.plot_rect
            self._text(p, QtCore.QRectF(r.left(), r.center().y() - 20, r.width(), 40), "No milestones match the filter",
                       th.font(th.subtitle_px), th.muted, QtCore.Qt.AlignCenter)
        p.restore()
        scene.clear()

    @staticmethod
    def _text(p, rect, text, font, color, align=QtCore.Qt.AlignLeft) -> None:
        fm = QtGui.QFontMetricsF(font)
        text = fm.elidedText(text, QtCore.Qt.ElideRight, rect.width())
        p.setFont(font)
        p.setPen(QtGui.QColor(color))
        x = rect.left()
        if align == QtCore.Qt.AlignCenter:
            x = rect.center().x() - fm.horizontalAdvance(text) / 2
        p.drawText(QtCore.QPointF(x, rect.top() + (rect.height() + fm.ascent() - fm.descent()) / 2), text)


def render_image(roadmap: Roadmap, layout: LaneLayout, options: ExportOptions) -> QtGui.QImage:
    """The export as an image in memory (PNG path without the file)."""
    _ensure_app()
    page = _Page(roadmap, layout, options)
    img = QtGui.QImage(options.width, options.height, QtGui.QImage.Format_ARGB32_Premultiplied)
    dpm = int(round(options.dpi / 0.0254))
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    p = QtGui.QPainter(img)
    try:
        page.paint(p, QtCore.QRectF(0, 0, options.width, options.height))
    finally:
        p.end()
    return img


def export_roadmap(roadmap: Roadmap, layout: LaneLayout, path: str | os.PathLike, options: ExportOptions | None = None) -> None:
    """Write ``layout`` of ``roadmap`` to ``path`` (PNG, SVG or PDF); raise ExportError on any problem."""
    options = options or ExportOptions()
    path = Path(path)
    fmt = check_request(path, options)
    _ensure_app()
    w, h = options.width, options.height
    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.WriteOnly)
    if fmt == "png":
        img = render_image(roadmap, layout, options)
        buf.write(encode_png(img, options.dpi))
    else:
        page = _Page(roadmap, layout, options)
        title = page.title or DEFAULT_TITLE
        if fmt == "svg":
            from PySide6.QtSvg import QSvgGenerator

            dev = QSvgGenerator()
            dev.setOutputDevice(buf)
            dev.setSize(QtCore.QSize(w, h))
            dev.setViewBox(QtCore.QRect(0, 0, w, h))
            dev.setResolution(96)  # as for PDF: another resolution rescales fonts and skews the axis
            dev.setTitle(title)
            dev.setDescription(page.attribution)
            target = QtCore.QRectF(0, 0, w, h)
        else:
            dev = QtGui.QPdfWriter(buf)
            # dpi sets the physical page size only; drawing happens at the fixed 96 dpi
            # that the fonts and the timeline's pixel geometry are laid out for (a higher
            # device resolution skewed the time mapping of the bars against the axis)
            dev.setResolution(96)
            size_pt = QtCore.QSizeF(w * 72.0 / options.dpi, h * 72.0 / options.dpi)
            dev.setPageSize(QtGui.QPageSize(size_pt, QtGui.QPageSize.Point, "", QtGui.QPageSize.ExactMatch))
            dev.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0))
            dev.setTitle(title)
            dev.setCreator("NEV Roadmap")
            target = None
        p = QtGui.QPainter()
        if not p.begin(dev):
            raise ExportError(f"cannot start drawing the {fmt.upper()} for {path}")
        try:
            if target is None:
                target = QtCore.QRectF(0, 0, p.device().width(), p.device().height())
            page.paint(p, target)
        finally:
            p.end()
    buf.close()
    _write_atomic(path, bytes(buf.data()))
