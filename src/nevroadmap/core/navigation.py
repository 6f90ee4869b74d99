"""Moving a keyboard cursor over a lane layout: next in time, along a lane, across rows.

The cursor is a layout *entry* (a milestone in one lane; in company grouping
a milestone shared by two companies has an entry in each lane), so moving
along a lane stays in that lane.  Time order is (start, row), the order in
which a reader meets the marks from left to right, top to bottom.

* :func:`step_in_time` - the next / previous entry of the whole layout (Tab).
* :func:`step_in_lane` - the next / previous entry of the cursor's lane (Left/Right).
* :func:`step_across` - the entry nearest in time in the next row up / down
  that has one (Up/Down).

Pure numpy, no Qt: the timeline widget asks these and selects the answer.
"""

from __future__ import annotations

import numpy as np

from nevroadmap.core.layout import LaneLayout

__all__ = ["time_order", "step_in_time", "step_in_lane", "step_across", "entry_of_item", "first_in_window",
           "items_in_time", "step_item"]


def _centre(lay: LaneLayout, e: np.ndarray | int):
    return (lay.x0[e] + np.maximum(lay.x0[e], lay.x1[e])) / 2


def time_order(lay: LaneLayout, entries: np.ndarray | None = None) -> np.ndarray:
    """``entries`` (default: all) sorted by start, then row."""
    e = np.arange(len(lay)) if entries is None else np.asarray(entries, np.int64)
    return e[np.lexsort((lay.row[e], lay.x0[e]))]


def _step(order: np.ndarray, entry: int, step: int) -> int | None:
    pos = np.flatnonzero(order == entry)
    if not len(pos):
        return None
    k = int(pos[0]) + step
    return int(order[k]) if 0 <= k < len(order) else None


def step_in_time(lay: LaneLayout, entry: int, step: int) -> int | None:
    """The entry ``step`` places after (before, when negative) ``entry`` in time order; None past the ends."""
    return _step(time_order(lay), entry, step)


def step_in_lane(lay: LaneLayout, entry: int, step: int) -> int | None:
    """The next / previous entry in time within the lane of ``entry``; None past the ends."""
    return _step(time_order(lay, np.flatnonzero(lay.lane == lay.lane[entry])), entry, step)


def step_across(lay: LaneLayout, entry: int, step: int) -> int | None:
    """The entry nearest in time to ``entry`` in the closest row above (step < 0) or below that has entries."""
    row = int(lay.row[entry])
    direction = 1 if step > 0 else -1
    r = row + direction
    while 0 <= r < lay.n_rows:
        a, b = int(lay.row_ptr[r]), int(lay.row_ptr[r + 1])
        if b > a:
            cand = np.arange(a, b)
            dist = np.abs(_centre(lay, cand) - _centre(lay, entry))
            return int(cand[int(np.argmin(dist))])
        r += direction
    return None


def entry_of_item(lay: LaneLayout, item: int, prefer_rows: tuple[float, float] | None = None,
                  lane: int | None = None) -> int | None:
    """An entry of milestone ``item``: in ``lane`` if it has one there, else in the rows
    ``prefer_rows`` (top, bottom) if one is, else its first."""
    hits = np.flatnonzero(lay.item == item)
    if not len(hits):
        return None
    if lane is not None:
        same = hits[lay.lane[hits] == lane]
        if len(same):
            return int(same[0])
    if prefer_rows is not None:
        on = hits[(lay.row[hits] >= prefer_rows[0]) & (lay.row[hits] < prefer_rows[1])]
        if len(on):
            return int(on[0])
    return int(hits[0])


def first_in_window(lay: LaneLayout, t0: float, t1: float, row_lo: float, row_hi: float, last: bool = False) -> int | None:
    """The first (or last) entry in time order that is in view, else the first (last) of all."""
    if not len(lay):
        return None
    order = time_order(lay)
    c = _centre(lay, order)
    r = lay.row[order]
    seen = order[(c >= t0) & (c <= t1) & (r >= row_lo) & (r < row_hi)]
    pool = seen if len(seen) else order
    return int(pool[-1] if last else pool[0])


def items_in_time(lay: LaneLayout) -> np.ndarray:
    """The milestones (indices into ``roadmap.milestones``) of a layout, each once, in time order."""
    order = time_order(lay)
    items = lay.item[order]
    _, first = np.unique(items, return_index=True)
    return items[np.sort(first)]


def step_item(items: np.ndarray, current: int | None, step: int) -> int | None:
    """The item ``step`` places from ``current`` in ``items``, wrapping round; the first (last) when
    ``current`` is not among them."""
    if not len(items):
        return None
    pos = np.flatnonzero(items == current) if current is not None else np.zeros(0, np.int64)
    if not len(pos):
        return int(items[0] if step > 0 else items[-1])
    return int(items[(int(pos[0]) + step) % len(items)])
