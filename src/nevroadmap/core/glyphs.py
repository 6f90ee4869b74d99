"""Glyph metrics: the pixel sizes of what the timeline draws, in one place.

The renderer (``render/``) draws with these sizes, and the lane layout
(``core/layout.py``) keeps room for them when it packs rows.  Sizes are in
device pixels at a pixel ratio of 1 (an export at a higher density scales
them by its ratio).  Qt-free on purpose: the core uses them too.
"""

from __future__ import annotations

__all__ = [
    "ROW_PX", "BAR_FRACTION", "MARKER_MIN_PX", "MARKER_MAX_PX", "MARKER_ROW_FRACTION", "STEM_PX", "TICK_PX",
    "SOFT_END_PX", "LABEL_CHAR_PX", "LABEL_PAD_PX", "LABEL_GAP_PX", "LABEL_MIN_PX", "LABEL_MIN_ROW_PX",
    "DENSITY_ROW_PX", "PACK_DEADLINE_LEFT_CHARS", "PACK_POINT_LEFT_CHARS", "PACK_LABEL_LEAD_CHARS",
    "BAR_MAX_PX", "marker_px", "stem_px", "bar_px",
]

ROW_PX = 24  # row height in the app
BAR_FRACTION = 0.62  # bar height / row height...
BAR_MAX_PX = 32.0  # ...at most this (an export's tall rows keep bars of a readable height; app rows: 15 px)
MARKER_MIN_PX = 2.0  # half-size of a point's diamond: at least ...
MARKER_MAX_PX = 8.0  # ... and at most this, else this fraction of the row height
MARKER_ROW_FRACTION = 0.34
STEM_PX = 16.0  # a deadline's stem, fading in from the left of its date
TICK_PX = 3.0  # a deadline's solid tick
SOFT_END_PX = 10.0  # the fading ends of an approximate range, at most
LABEL_CHAR_PX = 6.8  # mean advance of one label character (the theme's 12 px label font)
LABEL_PAD_PX = 4.0  # between a glyph and its label
LABEL_GAP_PX = 6.0  # between a label and the next item in its row
LABEL_MIN_PX = 34.0  # narrower room: no label
LABEL_MIN_ROW_PX = 10.0  # thinner rows: no labels
DENSITY_ROW_PX = 2.0  # thinner rows are drawn as a density image (one pixel per pixel)

# Room the packing keeps around a glyph, in label characters (the layout works in years per character).
PACK_DEADLINE_LEFT_CHARS = (STEM_PX + 1.0) / LABEL_CHAR_PX  # the stem and a pixel: 2.5 characters
PACK_POINT_LEFT_CHARS = 1.0  # the left half of a diamond (its wing and outline overlap a neighbour's tail)
PACK_LABEL_LEAD_CHARS = 0.35 * 3  # from a point's or a deadline's date to where its label starts


def marker_px(row_px: float, ratio: float = 1.0) -> float:
    """Half-size of a point's diamond in rows ``row_px`` high, at pixel ratio ``ratio``."""
    return max(MARKER_MIN_PX, min(row_px * MARKER_ROW_FRACTION, MARKER_MAX_PX * ratio))


def bar_px(row_px: float, ratio: float = 1.0) -> float:
    """Height of a bar (and of a deadline's tick) in rows ``row_px`` high, at pixel ratio ``ratio``."""
    return max(1.0, round(min(row_px * BAR_FRACTION, BAR_MAX_PX * ratio)))


def stem_px(ratio: float = 1.0) -> float:
    """Length of a deadline's stem at pixel ratio ``ratio``."""
    return STEM_PX * ratio
