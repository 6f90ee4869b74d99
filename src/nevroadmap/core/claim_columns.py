"""Claimed figures as columns: where each mark sits, in data units, as numpy arrays.

The metrics pane draws and picks its marks on every filter change, hover and
frame.  Reading each row's date span and figure one by one (a few dozen
microseconds a row) costs more than drawing them, so the numbers are read
once per metric (:meth:`ClaimColumns.of`) and a filter takes the rows it keeps
(:meth:`ClaimColumns.take`).  Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from nevroadmap.core.claims import BOUND_DIRECTION, ClaimRow

__all__ = ["ClaimColumns", "MAX_SIDE"]

MAX_SIDE = 3  # marks at one place spread over at most this many slots each side of it


@dataclass(frozen=True, eq=False)
class ClaimColumns:
    """One entry per row, in the rows' order."""

    t: np.ndarray  # the time the mark sits at (ClaimRow.t)
    t0: np.ndarray  # the claimed date's start and end (decimal years)
    t1: np.ndarray
    value: np.ndarray
    value_max: np.ndarray  # NaN: no range in value
    y: np.ndarray  # the mark's height: the value, or the middle of a range
    time_range: np.ndarray  # spans a stretch of time (ClaimRow.is_time_range)
    open_start: np.ndarray  # "by 2030"
    open_end: np.ndarray  # "after 2030", "2030+"
    direction: np.ndarray  # where a bound points: 1 up ("over"), -1 down ("under"), 0 none
    about: np.ndarray  # "about 400": a looser ring
    achieved: np.ndarray
    hedged: np.ndarray
    figure: np.ndarray  # rows that claim the same figure (value, bound, hedge, unit, scope) share a number

    @classmethod
    def of(cls, rows: list[ClaimRow]) -> ClaimColumns:
        n = len(rows)
        whens = [r.when for r in rows]

        def floats(values) -> np.ndarray:
            return np.fromiter(values, np.float64, n)

        def flags(values) -> np.ndarray:
            return np.fromiter(values, bool, n)

        value = floats(r.value if r.value is not None else np.nan for r in rows)
        figures: dict = {}
        figure = np.fromiter((figures.setdefault(r.metric, len(figures)) for r in rows), np.int64, n)
        value_max = floats(r.value_max if r.value_max is not None else np.nan for r in rows)
        return cls(
            t=floats(r.t for r in rows), t0=floats(w.x0 for w in whens), t1=floats(w.x1 for w in whens),
            value=value, value_max=value_max,
            y=np.where(np.isnan(value_max), value, (value + value_max) / 2),
            time_range=flags(w.is_range or w.open_end for w in whens),
            open_start=flags(w.open_start for w in whens), open_end=flags(w.open_end for w in whens),
            direction=np.fromiter((BOUND_DIRECTION.get(r.bound, 0) for r in rows), np.int8, n),
            about=flags(r.bound == "about" for r in rows),
            achieved=flags(r.achieved for r in rows), hedged=flags(r.hedged for r in rows), figure=figure)

    def take(self, idx: np.ndarray) -> ClaimColumns:
        """The entries at ``idx`` (positions or a boolean mask), in that order."""
        return ClaimColumns(**{f.name: getattr(self, f.name)[idx] for f in fields(self)})

    def __len__(self) -> int:
        return len(self.t)

    def extent(self) -> tuple[float, float, float, float]:
        """(earliest start, latest end, lowest value, highest value); zeros when empty."""
        if not len(self):
            return 0.0, 0.0, 0.0, 0.0
        ys = np.concatenate((self.value, self.value_max[~np.isnan(self.value_max)]))
        return float(self.t0.min()), float(self.t1.max()), float(np.nanmin(ys)), float(np.nanmax(ys))

    def side_by_side(self, max_side: int = MAX_SIDE) -> tuple[np.ndarray, np.ndarray]:
        """Marks at the same time and value stand side by side: each one's slot (0 alone; -0.5 and 0.5
        for two; -1, 0, 1 for three ...; a bigger group spreads over at most ``max_side`` slots each
        side, overlapping) and whether it carries a label (the last of its group to claim each figure:
        "40 % (global)" and "over 40 % (China)" at one place get a label each)."""
        n = len(self)
        if not n:
            return np.zeros(0), np.zeros(0, bool)
        vmax = np.where(np.isnan(self.value_max), np.inf, self.value_max)
        place = np.unique(np.stack((np.round(self.t, 4), self.value, vmax), axis=1), axis=0,
                          return_inverse=True)[1].ravel()
        rank, size = _ranks(place)
        width = np.minimum(size - 1, 2 * max_side).astype(np.float64)
        slots = np.where(size > 1, rank * width / np.maximum(size - 1, 1) - width / 2, 0.0)
        same = np.unique(np.stack((place, self.figure), axis=1), axis=0, return_inverse=True)[1].ravel()
        rank2, size2 = _ranks(same)
        return slots, rank2 == size2 - 1


def _ranks(group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each entry's rank within its group (in entry order) and its group's size."""
    n = len(group)
    order = np.lexsort((np.arange(n), group))  # by group, then by entry
    size = np.bincount(group)
    first = np.concatenate(([0], np.cumsum(size)[:-1]))
    rank = np.empty(n, np.int64)
    rank[order] = np.arange(n) - first[group[order]]
    return rank, size[group]
