"""The time window that shows a whole layout: every bar, and the labels of the last items too.

A label is drawn right of its point, deadline or (when it does not fit
inside) bar, in pixels, so the room it needs in years depends on the window
itself.  :func:`fit_window` measures the labels with the real font metrics
and widens the window until the label that reaches furthest right ends
inside the view.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtGui

from nevroadmap.core.glyphs import LABEL_GAP_PX, LABEL_PAD_PX, MARKER_MAX_PX
from nevroadmap.core.layout import FADE_YEARS, KIND_POINT, KIND_RANGE, LaneLayout
from nevroadmap.core.model import Roadmap

__all__ = ["fit_window", "bars_range"]

CANDIDATES = 400  # labels measured: those of the entries that end last
MAX_LABEL_SHARE = 0.5  # label room adds at most this share of the bars' window


def bars_range(layout: LaneLayout) -> tuple[float, float]:
    """First start and last drawn end of the bars and marks (open ends fade for FADE_YEARS), without labels."""
    if not len(layout):
        return 2020.0, 2035.0
    hi = np.maximum(layout.x0, layout.x1) + np.where(layout.open_end, FADE_YEARS, 0.0)
    return float(layout.x0.min()), float(hi.max())


def fit_window(layout: LaneLayout, roadmap: Roadmap, width_px: float, font: QtGui.QFont,
               pad_fraction: float = 0.03, min_pad: float = 0.25) -> tuple[float, float]:
    """(t0, t1): the bars with a margin, widened on the right so that the last labels fit in ``width_px``."""
    lo, hi = bars_range(layout)
    pad = max((hi - lo) * pad_fraction, min_pad)
    t0, t1 = lo - pad, hi + pad
    n = len(layout)
    if not n or width_px <= 0:
        return t0, t1
    kind = layout.kind
    anchor = np.where(kind == KIND_RANGE, np.maximum(layout.x0, layout.x1), layout.x0)
    k = min(CANDIDATES, n)
    cand = np.argpartition(-anchor, k - 1)[:k] if k < n else np.arange(n)
    fm = QtGui.QFontMetricsF(font)
    ms = roadmap.milestones
    label_w = np.fromiter((fm.horizontalAdvance(ms[int(i)].title) for i in layout.item[cand]), np.float64, len(cand))
    lead = np.where(kind[cand] == KIND_POINT, MARKER_MAX_PX, 0.0) + LABEL_PAD_PX
    need = lead + label_w + LABEL_GAP_PX
    # a range whose label fits inside its bar (at the bars-only scale) needs no room after it
    scale0 = width_px / (t1 - t0)
    bar_px = (layout.x1[cand] - layout.x0[cand]) * scale0
    outside = (kind[cand] != KIND_RANGE) | (bar_px < label_w + 2 * LABEL_PAD_PX)
    room = width_px - need
    ok = outside & (room > 0) & (anchor[cand] > t0)
    if not ok.any():
        return t0, t1
    # (anchor - t0) * scale + need <= width  =>  scale <= room / (anchor - t0)
    scale = float(np.min(room[ok] / (anchor[cand][ok] - t0)))
    # a narrow view cannot show every label whole: widen by at most half the bars' window (the rest is elided)
    return t0, min(max(t1, t0 + width_px / scale), t1 + MAX_LABEL_SHARE * (t1 - t0))
