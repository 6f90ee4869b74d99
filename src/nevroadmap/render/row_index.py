"""Which entries of a row in a time window may be drawn: one sorted key array, one search for all rows."""

from __future__ import annotations

import numpy as np

from nevroadmap.core.layout import FADE_YEARS, LaneLayout

__all__ = ["RowIndex", "BASE_YEAR", "SPAN_YEARS"]

BASE_YEAR, SPAN_YEARS = 1300.0, 2000.0  # key = row * SPAN_YEARS + (x - BASE_YEAR): one sorted array for all rows
_BASE, _SPAN = BASE_YEAR, SPAN_YEARS


class RowIndex:
    """Entries of rows ``[r0, r1]`` whose extent may touch ``[t0, t1]``, for all rows in one search."""

    def __init__(self, layout: LaneLayout) -> None:
        row = layout.row.astype(np.float64) * _SPAN
        if layout.extent_end is not None:
            reach = np.maximum(layout.extent_end, np.maximum(layout.x0, layout.x1))
        else:
            reach = np.maximum(layout.x0, layout.x1)
        reach = reach + np.where(layout.open_end, FADE_YEARS, 0.0)
        # within a row entries are disjoint and sorted, so reach is sorted too; keep it so after clipping
        self.k_reach = row + np.clip(reach - _BASE, 0.0, _SPAN - 1.0)
        self.k_x0 = row + np.clip(layout.x0 - _BASE, 0.0, _SPAN - 1.0)
        self.n_rows = layout.n_rows

    def query(self, r0: int, r1: int, t0: float, t1: float) -> np.ndarray:
        r0, r1 = max(int(r0), 0), min(int(r1), self.n_rows - 1)
        if r1 < r0 or not len(self.k_x0):
            return np.zeros(0, np.int64)
        base = np.arange(r0, r1 + 1, dtype=np.float64) * _SPAN
        lo = np.searchsorted(self.k_reach, base + min(max(t0 - _BASE, 0.0), _SPAN - 1.0), side="left")
        hi = np.searchsorted(self.k_x0, base + min(max(t1 - _BASE, 0.0), _SPAN - 1.0), side="right")
        n = np.maximum(hi - lo, 0)
        total = int(n.sum())
        if not total:
            return np.zeros(0, np.int64)
        offs = np.repeat(lo - (np.cumsum(n) - n), n)
        return offs + np.arange(total)

