"""Export the timeline as PNG, SVG or PDF: ONE function for the dialog, Copy Image and the CLI.

:func:`export_roadmap` takes the roadmap and an :class:`ExportRequest` (filter
mask, grouping, time range, size, pixel density, theme, decorations), packs
its own lane layout with label room for the page (:mod:`nevroadmap.render.page`),
and writes the file.  :func:`render_image` draws the same page into an image
(clipboard, preview).  No widgets, no dialogs.

The page is laid out once in layout pixels and painted through one painter
scale, so a higher pixel density is the same picture, sharper.  Output is built
in memory and written to a temporary file in the target folder that is then
renamed over the target: a failed export never leaves a partial file, and an
export never writes through a symbolic link or into a device or FIFO.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nevroadmap.core.datefmt import period_label
from nevroadmap.core.i18n import _, language, ngettext
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render import evidence_page
from nevroadmap.render.drift import DriftItem
from nevroadmap.render.legend import groups_of, legend_entries, legend_height, paint_legend
from nevroadmap.render.page_layout import (
    grown_text, label_zoom_cap, lane_axis_width, pack_for_text, pack_page, whole_range,
)
from nevroadmap.render.output import ExportError, check_output_path, encode_png, write_atomic
from nevroadmap.render.page import (
    MARGIN, MAX_PIXELS, PageGeometry, chart_offset, label_years_per_char, page_geometry, row_text_zoom,
    split_plot_room,
)
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.plot import build_plot, make_plot_item
from nevroadmap.render.xml_text import xml_document

__all__ = [
    "ExportRequest", "ExportError", "export_roadmap", "render_image", "check_request", "check_output_path",
    "pack_page", "whole_range", "FORMATS", "MIN_SIDE", "MAX_SIDE", "DEFAULT_TITLE", "label_years_per_char",
]

FORMATS = ("png", "svg", "pdf")
MIN_SIDE, MAX_SIDE = 16, 20000
MIN_DPI, MAX_DPI = 10, 2400
DEFAULT_TITLE = "New-energy vehicle technology roadmap"  # shown translated: _(DEFAULT_TITLE)
_("New-energy vehicle technology roadmap")  # (the mark lupdate extracts; the constant stays English)


@dataclass(frozen=True, eq=False)
class ExportRequest:
    """Everything an export depends on besides the roadmap (and the output file)."""

    format: str | None = None  # png, svg or pdf; None: from the file suffix
    width: int = 1920  # output pixels (for PDF: with dpi, the page size)
    height: int = 1080
    dpi: float = 96  # pixel density: 192 draws the 96-dpi picture at 2x
    theme: str = "light"
    title: str | None = None  # None: the default title
    show_title: bool = True
    show_legend: bool = True
    show_attribution: bool = True
    time_range: tuple[float | None, float | None] | None = None  # None: the whole (shown) roadmap; a side may be open
    group_by: str = "technology"
    mask: np.ndarray | None = None  # milestones shown (None: all)
    filter_text: str = ""  # describes the filters that are on
    metric: str | None = None  # a metric's name or label (as `claims --metric`): its band under the lanes
    footnotes: bool = False  # number the sources behind the shown milestones below the picture
    drift: bool = True  # forecast drift (earlier claimed dates) on the lanes, as in the app

    def replace(self, **changes) -> ExportRequest:
        return dataclasses.replace(self, **changes)

    def resolved_format(self, path: str | os.PathLike | None) -> str:
        fmt = (self.format or (Path(path).suffix.lstrip(".") if path is not None else "png")).lower()
        if fmt not in FORMATS:
            shown = f"'.{fmt}'" if fmt else _("no suffix")
            raise ExportError(_("unknown image format ({shown}): use a .png, .svg or .pdf file name").format(shown=shown))
        return fmt

    @property
    def geometry(self) -> PageGeometry:
        return page_geometry(self.width, self.height, self.dpi)


def _check_size(request: ExportRequest, raster: bool) -> None:
    for side, v in ((_("width"), request.width), (_("height"), request.height)):
        if isinstance(v, bool) or not isinstance(v, int) or not MIN_SIDE <= v <= MAX_SIDE:
            raise ExportError(_("{side} {v} is out of range: use {lo} to {hi} pixels").format(
                side=side, v=v, lo=MIN_SIDE, hi=MAX_SIDE))
    if not MIN_DPI <= float(request.dpi) <= MAX_DPI:
        raise ExportError(_("dpi {dpi} is out of range: use {lo} to {hi}").format(dpi=request.dpi, lo=MIN_DPI, hi=MAX_DPI))
    if raster and request.width * request.height > MAX_PIXELS:
        raise ExportError(_("an image of {w}x{h} pixels ({mp} megapixels) is too large: at most {max} megapixels").format(
            w=request.width, h=request.height, mp=round(request.width * request.height / 1e6), max=MAX_PIXELS // 1_000_000))
    get_theme(request.theme)


def check_request(path: str | os.PathLike, request: ExportRequest) -> str:
    """The output format, or ExportError when the request cannot be met (nothing is written)."""
    fmt = request.resolved_format(path)
    _check_size(request, raster=fmt == "png")
    check_output_path(path)
    return fmt


# -- the page -----------------------------------------------------------------------------
def attribution_text(roadmap: Roadmap, layout: LaneLayout, limit: int = 3) -> str:
    """"Source: …" naming the sources behind the shown milestones."""
    ms = roadmap.milestones
    shown = np.zeros(len(ms), bool)
    shown[layout.item] = True  # a milestone may stand in several lanes (grouped by company)
    if shown.all():
        seen = roadmap.cited_sources
    else:
        ids = {ms[i].id for i in np.flatnonzero(shown).tolist()}
        seen = tuple(dict.fromkeys(c.source for c in roadmap.claims if not ids.isdisjoint(c.supports)))
    names: dict[str, None] = {}
    for sid in seen:
        s = roadmap.source_by_id.get(sid)
        if s is not None:
            names.setdefault(f"{s.title} ({s.publisher})" if s.publisher else s.title, None)
    parts = list(names)
    text = "; ".join(parts[:limit])
    if len(parts) > limit:
        text += _("; and {n} more").format(n=len(parts) - limit)
    return _("Source: {sources} — NEV Roadmap").format(sources=text) if text else "NEV Roadmap"


def _ensure_app() -> None:
    if QtWidgets.QApplication.instance() is None:
        pg.mkQApp()


def _recording_dpi() -> int:
    """The resolution pyqtgraph's axes record their QPicture at.

    A picture played on a device of another logical dpi rescales its text
    (font sizes and positions, not lines): the axis labels came out 2x large
    and off their ticks on a 192-dpi image.  Every export device is therefore
    drawn at this resolution; the density is the painter's scale alone."""
    return QtGui.QPicture().logicalDpiX()


class _Page:
    """The export page in layout pixels (see :mod:`nevroadmap.render.page`)."""

    def __init__(self, roadmap: Roadmap, request: ExportRequest, reuse: LaneLayout | None = None) -> None:
        self.geometry = geo = request.geometry
        self.layout, self.time_range = pack_page(roadmap, request, reuse)
        # issue 10: numbered sources; the milestones' labels carry their numbers (packed with them)
        self.notes = evidence_page.footnotes(roadmap, self.layout) if request.footnotes else evidence_page.Footnotes()
        if self.notes.numbers:
            roadmap = evidence_page.titles_with_notes(roadmap, self.notes.numbers)
            self.layout, self.time_range = pack_page(roadmap, request)
        layout = self.layout
        self.w, self.h = geo.layout_w, geo.layout_h
        self.theme: Theme = get_theme(request.theme)
        self.roadmap, self.request = roadmap, request
        th = self.theme
        margin = MARGIN
        y = margin * 0.8
        self.title_rect = self.sub_rect = self.legend_rect = self.attr_rect = None
        self.title = (request.title if request.title is not None else _(DEFAULT_TITLE)).strip()
        fm_title = QtGui.QFontMetricsF(th.font(th.title_px, bold=True))
        fm_sub = QtGui.QFontMetricsF(th.font(th.subtitle_px))
        fm_small = QtGui.QFontMetricsF(th.font(th.small_px))
        inner_w = geo.inner_w
        if request.show_title and self.title:
            self.title_rect = QtCore.QRectF(margin, y, inner_w, fm_title.height())
            y += fm_title.height() + 2
        n = len(np.unique(layout.item)) if len(layout.item) else 0
        bits = [request.filter_text.strip()] if request.filter_text.strip() else []
        today = date.today()
        as_of = period_label(today.year, "D", today.month, today.day) if language() != "en" else today.isoformat()
        if layout.group_by == "company":
            sub = ngettext("{n} milestone, grouped by company, as of {date}",
                           "{n} milestones, grouped by company, as of {date}", n)
        else:
            sub = ngettext("{n} milestone, grouped by technology, as of {date}",
                           "{n} milestones, grouped by technology, as of {date}", n)
        bits.append(sub.format(n=n, date=as_of))
        self.subtitle = "  ·  ".join(bits)
        if request.show_title:
            self.sub_rect = QtCore.QRectF(margin, y, inner_w, fm_sub.height())
            y += fm_sub.height()
        y += 10
        bottom = self.h - margin * 0.6
        self.attribution = attribution_text(roadmap, layout)
        if request.show_attribution:
            bottom -= fm_small.height()
            self.attr_rect = QtCore.QRectF(margin, bottom, inner_w, fm_small.height())
            bottom -= 6
        # issue 10: numbered sources above the attribution, a metric's band under the lanes
        self.notes_rect = self.band_rect = None
        if self.notes.lines:
            notes_h = evidence_page.footnotes_height(len(self.notes.lines), th)
            bottom -= notes_h
            self.notes_rect = QtCore.QRectF(margin, bottom, inner_w, notes_h)
            bottom -= 6
        self.band = evidence_page.metric_band(roadmap, layout, request.metric) if request.metric else None
        self.legend_entries = legend_entries(groups_of(layout))
        legend_h = legend_height(self.legend_entries, inner_w, th) if request.show_legend else 0.0
        # the lanes and the band share the room (page.split_plot_room: rows keep their labels first);
        # few rows grow to fill the lanes' part, their text with them (page.fit_rows)
        axes_h = 2 * (th.axis_px + 14)
        room = max(bottom - legend_h - 8 - y, 40.0)
        band_min = evidence_page.band_min_height(th) if self.band is not None else None
        band_empty = self.band is not None and not self.band.rows

        def zoom_of(n_rows: int) -> float:
            plot_h = split_plot_room(room, n_rows, axes_h, band_min, band_empty=band_empty)[0]
            return row_text_zoom((plot_h - axes_h) / max(n_rows, 1))

        # few rows: their text grows, and the page is packed again with label room for it
        self.layout, self.time_range, text_zoom = pack_for_text(roadmap, request, (layout, self.time_range), zoom_of)
        layout = self.layout
        plot_h, band_h = split_plot_room(room, layout.n_rows, axes_h, band_min, band_empty=band_empty)
        row_px = (plot_h - axes_h) / max(layout.n_rows, 1)
        # the plot is at least this wide: the lane names take the most room at the largest text
        plot_w = geo.inner_w - lane_axis_width(layout.lanes, grown_text(th, text_zoom, layout.lanes, geo.inner_w, row_px),
                                               geo.inner_w)
        if text_zoom > 1.0:  # labels grown for few rows: no more than the page's right edge allows
            text_zoom = min(text_zoom, label_zoom_cap(roadmap, layout, self.time_range, plot_w))
        self.lane_theme = grown_text(th, text_zoom, layout.lanes, geo.inner_w, row_px)
        used = plot_h + (band_h + 6 if self.band is not None else 0.0)
        y += chart_offset(room, used)  # page.chart_offset: room the lanes and the band leave frames the chart
        self.plot_rect = QtCore.QRectF(margin, y, inner_w, plot_h)
        y += plot_h
        if self.band is not None:
            self.band_rect = QtCore.QRectF(margin, y + 6, inner_w, band_h)
            y += band_h + 6
        if request.show_legend:
            self.legend_rect = QtCore.QRectF(margin, y + 10, inner_w, legend_h)

    def build_scene(self) -> tuple[pg.GraphicsScene, pg.PlotItem]:
        th = self.theme
        scene = pg.GraphicsScene()
        plot = make_plot_item(th, row_px=None)
        scene.addItem(plot)
        item = build_plot(plot, self.roadmap, self.layout, self.lane_theme)
        item.setFlag(item.GraphicsItemFlag.ItemIsSelectable, False)
        vb = plot.getViewBox()
        vb.setLimits(xMin=None, xMax=None, minXRange=None, maxXRange=None)
        plot.getAxis("left").setWidth(int(lane_axis_width(self.layout.lanes, self.lane_theme, self.geometry.inner_w)))
        plot.setGeometry(self.plot_rect)
        plot.layout.activate()
        vb.setXRange(*self.time_range, padding=0)
        vb.set_rows(self.layout.n_rows)
        if self.request.drift:
            drift = DriftItem(th, labels_of=item)
            drift.set_data(self.roadmap, self.layout)
            plot.addItem(drift)
        self.band_plot = None
        if self.band is not None:
            self.band_plot = evidence_page.add_band_plot(scene, plot, self.band, self.band_rect, self.time_range, th,
                                                         self.notes.numbers)
        return scene, plot

    def paint(self, p: QtGui.QPainter, scale: float) -> None:
        """Draw the page with ``p`` at ``scale`` device pixels per layout pixel."""
        th = self.theme
        p.save()
        p.scale(scale, scale)
        page = QtCore.QRectF(0, 0, self.w, self.h)
        p.fillRect(page, QtGui.QColor(th.background))
        scene, plot = self.build_scene()
        p.setRenderHint(QtGui.QPainter.TextAntialiasing, True)
        scene.render(p, page, page)
        p.setRenderHint(QtGui.QPainter.Antialiasing, True)
        if self.title_rect is not None:
            self._text(p, self.title_rect, self.title, th.font(th.title_px, bold=True), th.foreground)
        if self.sub_rect is not None:
            self._text(p, self.sub_rect, self.subtitle, th.font(th.subtitle_px), th.muted)
        if self.legend_rect is not None:
            paint_legend(p, self.legend_rect, self.legend_entries, th)
        if self.attr_rect is not None:
            self._text(p, self.attr_rect, self.attribution, th.font(th.small_px), th.muted)
        if self.band_plot is not None:
            evidence_page.paint_band_labels(p, self.band_rect, self.band, self.band_plot, th)
        if self.notes_rect is not None:
            evidence_page.paint_footnotes(p, self.notes_rect, self.notes, th)
        if not len(self.layout.item):
            r = self.plot_rect
            self._text(p, QtCore.QRectF(r.left(), r.center().y() - 20, r.width(), 40), _("No milestones match the filter"),
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


def _paint_image(page: _Page, w: int, h: int, scale: float, dpi: float) -> QtGui.QImage:
    img = QtGui.QImage(w, h, QtGui.QImage.Format_ARGB32_Premultiplied)
    if img.isNull():
        raise ExportError(_("not enough memory for an image of {w}x{h} pixels").format(w=w, h=h))
    rec = int(round(_recording_dpi() / 0.0254))
    img.setDotsPerMeterX(rec)  # draw at the axes' recording resolution (see _recording_dpi)
    img.setDotsPerMeterY(rec)
    p = QtGui.QPainter(img)
    try:
        page.paint(p, scale)
    finally:
        p.end()
    dpm = int(round(dpi / 0.0254))
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    return img


def render_image(roadmap: Roadmap, request: ExportRequest, max_size: tuple[int, int] | None = None,
                 reuse: LaneLayout | None = None) -> QtGui.QImage:
    """The export as an image in memory (clipboard); with ``max_size``, the same picture drawn smaller
    (preview).  ``reuse``: see :func:`pack_page`."""
    _check_size(request, raster=max_size is None)
    _ensure_app()
    page = _Page(roadmap, request, reuse)
    geo = page.geometry
    w, h, scale = request.width, request.height, geo.scale
    if max_size is None:
        return _paint_image(page, w, h, scale, request.dpi)
    # the preview is the same picture scaled down: drawn as the file is (at least at the
    # page's logical size, where every pixel-sized mark has its size), then the image is scaled
    k = min(max_size[0] / w, max_size[1] / h, 1.0)
    pw, ph = max(1, round(w * k)), max(1, round(h * k))
    s = min(scale, max(1.0, scale * k))
    img = _paint_image(page, max(1, round(page.w * s)), max(1, round(page.h * s)), s, request.dpi)
    if (img.width(), img.height()) == (pw, ph):
        return img
    return img.scaled(pw, ph, QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
                      QtCore.Qt.TransformationMode.SmoothTransformation)


def export_roadmap(roadmap: Roadmap, path: str | os.PathLike, request: ExportRequest | None = None,
                   reuse: LaneLayout | None = None) -> None:
    """Write the page of ``request`` for ``roadmap`` to ``path`` (PNG, SVG or PDF); raise ExportError on any problem.

    ``reuse``: a layout of the shown milestones the caller already has (see :func:`pack_page`)."""
    request = request or ExportRequest()
    path = Path(path)
    fmt = check_request(path, request)
    _ensure_app()
    w, h = request.width, request.height
    page = _Page(roadmap, request, reuse)
    scale = page.geometry.scale
    if fmt == "png":
        try:
            data = encode_png(_paint_image(page, w, h, scale, request.dpi), request.dpi)
        except MemoryError:  # the pixel cap keeps this rare, but a small machine may still run out
            raise ExportError(_("not enough memory for an image of {w}x{h} pixels").format(w=w, h=h)) from None
    else:
        buf = QtCore.QBuffer()
        buf.open(QtCore.QIODevice.WriteOnly)
        title = page.title or DEFAULT_TITLE
        rec = _recording_dpi()
        if fmt == "svg":
            from PySide6.QtSvg import QSvgGenerator

            dev = QSvgGenerator()
            dev.setOutputDevice(buf)
            dev.setSize(QtCore.QSize(w, h))
            dev.setViewBox(QtCore.QRect(0, 0, w, h))
            dev.setResolution(rec)
            dev.setTitle(title)
            dev.setDescription(page.attribution)
        else:
            dev = QtGui.QPdfWriter(buf)
            dev.setResolution(rec)  # dpi sets the physical page size; drawing is at the axes' resolution
            size_pt = QtCore.QSizeF(w * 72.0 / request.dpi, h * 72.0 / request.dpi)
            dev.setPageSize(QtGui.QPageSize(size_pt, QtGui.QPageSize.Point, "", QtGui.QPageSize.ExactMatch))
            dev.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0))
            dev.setTitle(title)
            dev.setCreator("NEV Roadmap")
        p = QtGui.QPainter()
        if not p.begin(dev):
            raise ExportError(_("cannot start drawing the {fmt} for {path}").format(fmt=fmt.upper(), path=path))
        try:
            if fmt == "pdf":
                scale = p.device().width() / page.w
            page.paint(p, scale)
        finally:
            p.end()
        buf.close()
        data = bytes(buf.data())
        if fmt == "svg":  # well-formed whatever the data holds (NUL, ESC, ... are not XML)
            data = xml_document(data)
    write_atomic(path, data)
