"""Page geometry of an export, written once: pixel density, text zoom, margins, plot width.

An export of ``width`` x ``height`` output pixels at ``dpi`` is drawn as a
*logical* page in CSS pixels (1/96 inch) scaled by ``scale``:

* ``density = dpi / 96``: a picture at twice the density is the same picture,
  sharper (``3840x2160 @ 192 dpi`` is ``1920x1080 @ 96 dpi`` drawn at 2x).
* ``zoom``: a logical page larger than a Full HD slide scales its text up with
  it, so that text keeps the size it has on a slide relative to the page
  (``3840x2160 @ 96 dpi`` is the same picture as ``@ 192 dpi``); a smaller one
  shrinks text a little, down to ``MIN_ZOOM``.

The whole page is laid out once, at ``layout_w`` x ``layout_h``, and painted
through one painter scale; nothing else depends on the density.

Few lanes fill their page (:func:`fit_rows`, :func:`split_plot_room`): the
rows share the page's height, so a filtered export of two or three lanes is
as tall as a full one.  What grows is the lane spacing; the bars stay at a
readable height (``glyphs.BAR_MAX_PX``) and the text grows by
``TEXT_GROWTH`` of the rows' growth, up to ``MAX_FILL_TEXT_ZOOM``.  One row
takes at most ``MAX_ROW_SHARE`` of the room of the lanes and a metric band
(a lone bar is not stretched over the page); with a band, room the lanes
leave goes to it, and what is still left centres the chart between the
title and the source line (:func:`chart_offset`).
"""

from __future__ import annotations

from dataclasses import dataclass

from nevroadmap.core.glyphs import ROW_PX

__all__ = [
    "CSS_DPI", "REFERENCE_SIZE", "MIN_ZOOM", "MAX_SCALE", "MARGIN", "LABEL_CHAR_PX", "MAX_PIXELS",
    "PageGeometry", "page_geometry", "label_years_per_char", "fit_rows", "MAX_ROW_SHARE", "TEXT_GROWTH",
    "MAX_FILL_TEXT_ZOOM", "LABELLED_ROW_PX", "ROOMY_ROW_PX", "BAND_SHARE", "MAX_BAND_SHARE", "split_plot_room",
    "chart_offset", "row_text_zoom",
]

CSS_DPI = 96.0
REFERENCE_SIZE = (1920.0, 1080.0)  # a slide: text sizes of the theme are made for it
MIN_ZOOM = 0.7  # small pages shrink text at most this much
MAX_SCALE = 12.0
MARGIN = 24.0  # page margin, layout pixels
LABEL_CHAR_PX = 6.8  # mean advance of one milestone-label character, layout pixels
MAX_ROW_SHARE = 0.5  # rows of a page with few lanes share its room; one row takes at most this share
TEXT_GROWTH = 0.35  # the lane text grows by this share of the rows' growth (2x rows: 1.35x text)...
MAX_FILL_TEXT_ZOOM = 1.6  # ...up to this (12 px labels: 19 px, below the 26 px title)
LABELLED_ROW_PX = 12.0  # lane rows this tall keep their milestone labels (glyphs.LABEL_MIN_ROW_PX, with a margin)
ROOMY_ROW_PX = 4.0 * ROW_PX  # with a metric band, few lanes keep rows this tall before the band grows
BAND_SHARE = 0.2  # a metric band takes this share of the room for the lanes and the band...
MAX_BAND_SHARE = 0.4  # ...or up to this when few lanes leave room unused
MAX_PIXELS = 120_000_000  # largest raster (4 bytes a pixel: ~480 MB); a bigger one is refused up front


@dataclass(frozen=True)
class PageGeometry:
    width: int  # output pixels
    height: int
    dpi: float
    density: float  # device pixels per CSS pixel (dpi / 96)
    zoom: float  # text zoom of the logical page

    @property
    def scale(self) -> float:
        """Output pixels per layout pixel."""
        return self.density * self.zoom

    @property
    def layout_w(self) -> float:
        return self.width / self.scale

    @property
    def layout_h(self) -> float:
        return self.height / self.scale

    @property
    def inner_w(self) -> float:
        return self.layout_w - 2 * MARGIN


def page_geometry(width: int, height: int, dpi: float = CSS_DPI) -> PageGeometry:
    """The geometry of a ``width`` x ``height`` pixel page at ``dpi``."""
    density = max(float(dpi), 1.0) / CSS_DPI
    lw, lh = width / density, height / density
    zoom = max(min(lw / REFERENCE_SIZE[0], lh / REFERENCE_SIZE[1]), MIN_ZOOM)
    zoom = min(zoom, MAX_SCALE / density) if density < MAX_SCALE else 1.0
    return PageGeometry(int(width), int(height), float(dpi), density, zoom)


def label_years_per_char(span_years: float, plot_px: float, char_px: float = LABEL_CHAR_PX) -> float:
    """Years one label character takes when ``span_years`` are drawn ``plot_px`` wide (for LayoutEngine)."""
    return max(span_years, 0.1) / max(plot_px, 1.0) * char_px


def fit_rows(room_px: float, rows: int, page_room: float | None = None) -> tuple[float, float]:
    """(row height, text zoom) of ``rows`` lane rows sharing ``room_px`` layout pixels of plot height.

    Many rows share the room (thinner than the app's rows, text unchanged); few rows grow to fill it,
    one row to at most ``MAX_ROW_SHARE`` of ``page_room`` (the room of the lanes and a metric band;
    default ``room_px``); their text grows by ``TEXT_GROWTH`` of the growth, up to
    ``MAX_FILL_TEXT_ZOOM``.  The bars in tall rows keep a readable height (``glyphs.bar_px``).
    """
    room = max(room_px, 1.0)
    row_px = min(room / max(rows, 1), MAX_ROW_SHARE * max(page_room if page_room is not None else room, 1.0))
    return row_px, row_text_zoom(row_px)


def row_text_zoom(row_px: float) -> float:
    """How much the lane text grows in rows ``row_px`` tall (1 up to the app's row height)."""
    growth = max(row_px / ROW_PX, 1.0)
    return min(1.0 + (growth - 1.0) * TEXT_GROWTH, MAX_FILL_TEXT_ZOOM)


def split_plot_room(room: float, n_rows: int, axes_h: float, band_min: float | None = None,
                    gap: float = 6.0, band_empty: bool = False) -> tuple[float, float]:
    """(lanes' plot height, metric band's height) sharing ``room`` layout pixels; no band when ``band_min`` is None.

    The ONE rule of the page: the band takes a modest share (BAND_SHARE, at least ``band_min``
    so its marks and labels fit); the lanes keep rows tall enough for their labels
    (LABELLED_ROW_PX), and when they cannot, the band gives way first (down to ``band_min``).
    Few lanes leave room: the band grows into it (up to MAX_BAND_SHARE) while the rows stay at
    least ROOMY_ROW_PX tall, and the rows fill the rest as :func:`fit_rows` lets them.
    An empty band (no figures for the shown milestones) keeps its least height.
    Room neither takes is left over (see :func:`chart_offset`)."""
    rows = max(n_rows, 1)
    band_h = 0.0
    if band_min is not None:
        band_h = band_min if band_empty else max(room * BAND_SHARE, band_min)
        lanes_need = axes_h + rows * LABELLED_ROW_PX + gap
        if room - band_h < lanes_need:
            band_h = max(band_min, room - lanes_need)
        band_h = min(band_h, max(room - axes_h - gap, 0.0))
        if not band_empty:
            band_h = max(band_h, min(room - (axes_h + rows * ROOMY_ROW_PX + gap), room * MAX_BAND_SHARE))
    lanes_room = max(room - band_h - (gap if band_min is not None else 0.0), 40.0)
    row_px = fit_rows(lanes_room - axes_h, rows, room)[0]
    plot_h = min(lanes_room, axes_h + row_px * rows)
    if band_min is not None and not band_empty:
        band_h = max(band_h, min(room - plot_h - gap, room * MAX_BAND_SHARE))
    return plot_h, band_h


def chart_offset(room: float, used: float) -> float:
    """How far the chart (lanes, band and legend, ``used`` layout pixels) moves down in ``room``:
    room it leaves is shared above and below it, so a page of one row is not empty at the bottom."""
    return max(room - used, 0.0) / 2
