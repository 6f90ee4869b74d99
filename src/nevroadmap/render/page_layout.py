"""Packing an export page: its lane layout, its time span and how far its text may grow.

The label room of the packing comes from the page's plot width (:mod:`nevroadmap.render.page`
holds the geometry); :mod:`nevroadmap.render.export` draws what this decides.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Callable

import numpy as np

from nevroadmap.core.glyphs import ROW_PX
from nevroadmap.core.layout import FADE_YEARS, KIND_RANGE, LaneLayout, LayoutEngine
from nevroadmap.core.model import Roadmap
from nevroadmap.render.axis import LaneLabelAxis, lane_names_width
from nevroadmap.render.page import LABEL_CHAR_PX, label_years_per_char
from nevroadmap.render.theme import Theme, get_theme

if TYPE_CHECKING:
    from nevroadmap.render.export import ExportRequest

__all__ = [
    "pack_page", "pack_for_text", "whole_range", "lane_axis_width", "grown_text", "label_zoom_cap", "REPACK_LIMIT",
]

REPACK_LIMIT = 20_000  # up to this many shown milestones the layout is packed for the exact plot width

MAX_TEXT_ZOOM = 4.0


def grown_text(th: Theme, zoom: float, lanes, inner_w: float, row_px: float = ROW_PX) -> Theme:
    """``th`` with milestone labels and lane names ``zoom`` times larger; the lane names (in rows
    ``row_px`` tall) grow only as far as those that fit their column whole at the usual size still do
    (a name too long anyway is shortened at any size)."""
    label_px = round(th.label_px * zoom)
    lane_zoom = zoom
    want, cap = _lane_column(lanes, th, inner_w, row_px)
    if zoom > 1.0 and want > cap:
        lanes = [ln for ln in lanes if _lane_column([ln], th, inner_w, row_px)[0] <= cap]
    while lane_zoom > 1.0 and lanes:
        grown = dataclasses.replace(th, label_px=label_px, lane_px=round(th.lane_px * lane_zoom))
        want, cap = _lane_column(lanes, grown, inner_w, row_px)
        if want <= cap:
            return grown
        lane_zoom = max(1.0, lane_zoom - 0.05)
    return dataclasses.replace(th, label_px=label_px)


def label_zoom_cap(roadmap: Roadmap, layout: LaneLayout, time_range: tuple[float, float], plot_w: float) -> float:
    """How much milestone labels may grow before the label of a point or deadline runs past the
    page's right edge (the span was widened for labels at their usual size, :func:`whole_range`)."""
    t0, t1 = time_range
    lab = np.flatnonzero(layout.kind != KIND_RANGE)
    if not len(lab) or t1 <= t0 or plot_w <= 0:
        return MAX_TEXT_ZOOM
    ms = roadmap.milestones
    need = np.fromiter(((len(ms[int(i)].title) + 2.0) * LABEL_CHAR_PX for i in layout.item[lab]), np.float64, len(lab))
    room = (t1 - layout.x0[lab]) / (t1 - t0) * plot_w
    fits = need <= room  # labels that fit at the usual size; those that do not are shortened anyway
    if not fits.any():
        return 1.0
    return max(1.0, float(np.min(room[fits] / need[fits])))


def _lane_column(lanes, theme: Theme, inner_w: float, row_px: float = ROW_PX) -> tuple[float, float]:
    """(width the lane names want in rows ``row_px`` tall, the most they get) on a page ``inner_w`` wide (layout px)."""
    want = LaneLabelAxis.STRIP_PX + LaneLabelAxis.GROUP_PX + 14 + lane_names_width(lanes, theme, row_px=row_px)
    return want, min(300.0, inner_w * 0.3)


def lane_axis_width(lanes, theme: Theme, inner_w: float) -> float:
    """Width of the lane-name column for ``lanes`` on a page ``inner_w`` wide (layout px)."""
    want, cap = _lane_column(lanes, theme, inner_w)
    return float(int(min(cap, want)))


def _extent(x0: np.ndarray, x1: np.ndarray, open_end: np.ndarray) -> tuple[float, float]:
    """(first date, last drawn end) of entries, without labels."""
    if not len(x0):
        return 2020.0, 2035.0
    hi = np.maximum(x0, x1) + np.where(open_end, FADE_YEARS, 0.0)
    return float(x0.min()), float(hi.max())


def _pad(lo: float, hi: float) -> tuple[float, float]:
    pad = max((hi - lo) * 0.02, 0.3)
    return lo - pad, hi + pad


def whole_range(engine: LayoutEngine, mask: np.ndarray | None, plot_px: float,
                char_px: float = LABEL_CHAR_PX) -> tuple[float, float]:
    """The time span that shows every shown milestone, with room for the labels (``char_px`` a
    character) of the last ones."""
    idx = np.flatnonzero(mask) if mask is not None else np.arange(len(engine.x0))
    if not len(idx):
        return 2020.0, 2035.0
    t0, t1 = _pad(*_extent(engine.x0[idx], engine.x1[idx], engine.open_end[idx]))
    # a point or deadline keeps its label on the right: widen the span until the label fits before the edge
    lab = idx[engine.kind[idx] != KIND_RANGE]
    if len(lab) and plot_px > 0:
        label_px = np.minimum((engine.title_len[lab] + 2.0) * char_px, plot_px * 0.4)
        need = t0 + (engine.x0[lab] - t0) * plot_px / (plot_px - label_px)
        t1 = max(t1, min(float(need.max()), t1 + (t1 - t0) * 0.5))
    return t0, t1


def _resolve_range(request: ExportRequest, whole, extent) -> tuple[float, float]:
    """The page's time span: the request's, an open side filled from the data, or ``whole()``."""
    if request.time_range is None:
        return whole()
    t0, t1 = request.time_range
    if t0 is not None and t1 is not None:
        return float(t0), float(t1)
    lo, hi = extent()
    # an open side comes from the data, but never crosses the side that was given
    t0 = float(t0) if t0 is not None else min(lo - 0.3, float(t1) - 5.0)
    t1 = float(t1) if t1 is not None else max(hi + 0.3, t0 + 5.0)
    return t0, t1


def _reusable(layout: LaneLayout | None, request: ExportRequest, n: int) -> bool:
    """Whether the caller's layout holds exactly the shown milestones, too many to label."""
    if layout is None or layout.group_by != request.group_by or len(layout.item) <= REPACK_LIMIT:
        return False
    shown = np.zeros(n, bool)
    shown[layout.item] = True
    return bool(np.array_equal(shown, request.mask if request.mask is not None else np.ones(n, bool)))


def pack_page(roadmap: Roadmap, request: ExportRequest, reuse: LaneLayout | None = None,
              text_zoom: float = 1.0) -> tuple[LaneLayout, tuple[float, float]]:
    """The lane layout for the page of ``request`` (label room from the page's plot width) and its time span.

    ``text_zoom``: the labels and lane names are drawn this much larger (see :func:`pack_for_text`).

    ``reuse``: a layout of the shown milestones the caller already has (the app's).  It is
    used as it is when it holds more than REPACK_LIMIT milestones: rows that many are too
    thin for labels, so label room would not change the picture, only cost a packing."""
    geo = request.geometry
    theme = get_theme(request.theme)
    mask = request.mask
    if mask is not None and bool(np.all(mask)):
        mask = None
        request = request.replace(mask=None)
    if _reusable(reuse, request, len(roadmap.milestones)):
        ext = lambda: _extent(reuse.x0, reuse.x1, reuse.open_end)  # noqa: E731
        return reuse, _resolve_range(request, lambda: _pad(*ext()), ext)
    engine = LayoutEngine(roadmap)
    char_px = LABEL_CHAR_PX * text_zoom

    def ext() -> tuple[float, float]:
        idx = np.flatnonzero(mask) if mask is not None else slice(None)
        return _extent(engine.x0[idx], engine.x1[idx], engine.open_end[idx])

    inner = geo.inner_w
    # first guess of the plot width: the widest lane-name column the page allows
    plot_px = inner - min(300.0, inner * 0.3)
    t0, t1 = _resolve_range(request, lambda: whole_range(engine, mask, plot_px, char_px), ext)
    engine.label_years_per_char = label_years_per_char(t1 - t0, plot_px, char_px)
    layout = engine.layout(request.group_by, mask)
    if text_zoom > 1.0:
        theme = grown_text(theme, text_zoom, layout.lanes, inner)
    exact = inner - lane_axis_width(layout.lanes, theme, inner)
    if abs(exact - plot_px) > 0.02 * plot_px and len(layout.item) <= REPACK_LIMIT:
        t0, t1 = _resolve_range(request, lambda: whole_range(engine, mask, exact, char_px), ext)
        engine = LayoutEngine(roadmap, label_years_per_char(t1 - t0, exact, char_px))
        layout = engine.layout(request.group_by, mask)
    return layout, (t0, t1)


def pack_for_text(roadmap: Roadmap, request: ExportRequest, packed: tuple[LaneLayout, tuple[float, float]],
                  zoom_of: Callable[[int], float]) -> tuple[LaneLayout, tuple[float, float], float]:
    """(layout, time span, text zoom) of a page whose rows may grow their text.

    ``packed``: the page packed for text at its usual size; ``zoom_of(n_rows)``: the text zoom of a
    page of that many rows (:func:`nevroadmap.render.page.row_text_zoom` of its row height).  A page of
    few rows grows its text, so it is packed again with label room for the larger text; the rows of
    that packing decide the zoom (never more than the first guess, which the label room was made for)."""
    layout, span = packed
    zoom = zoom_of(layout.n_rows)
    if zoom <= 1.0 or len(layout.item) > REPACK_LIMIT:
        return layout, span, 1.0
    layout, span = pack_page(roadmap, request, text_zoom=zoom)
    return layout, span, min(zoom, zoom_of(layout.n_rows))
