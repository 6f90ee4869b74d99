"""Where the labels beside marks go: the first of a few places around each mark that covers
no mark, no label placed before it, and stays inside the view.

All candidate places are tested against all marks at once (numpy); only the
labels placed so far, at most a few dozen, are checked one by one.  Boxes are
(left, top, right, bottom) in device pixels; two overlap when they share some
area (touching edges do not count).  Qt-free.
"""

from __future__ import annotations

import numpy as np

__all__ = ["place_labels"]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(marks: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], x: np.ndarray, y: np.ndarray,
                 widths: np.ndarray, height: float, gap: float, lift: float,
                 view: tuple[float, float, float, float] | None) -> list[tuple[int, tuple[float, float, float, float]]]:
    """Place labels of ``widths`` x ``height`` beside the marks at (``x``, ``y``), in that order (the
    first choose first): right of the mark, left of it, then above and below on the right, then on
    the left (``gap`` from the mark, raised or lowered by ``lift``).  ``marks``: every mark's box.
    Returns (position in ``x``, box) for each label placed; a label without room is left out."""
    n = len(x)
    if not n:
        return []
    right, left = x + gap, x - gap - widths
    ys = (y, y, y - lift, y + lift, y - lift, y + lift)
    xs = (right, left, right, right, left, left)
    cl = np.stack(xs, axis=1)  # (n, 6) candidates, in the order tried
    ct = np.stack(ys, axis=1) - height / 2
    cr, cb = cl + widths[:, None], ct + height
    ok = np.ones(cl.shape, bool)
    if view is not None:
        v0, v1, v2, v3 = view
        ok &= (cl >= v0) & (cr <= v2) & (ct >= v1) & (cb <= v3)
    ml, mt, mr, mb = marks
    if len(ml):
        for j in range(cl.shape[1]):  # each candidate column against every mark
            c = ok[:, j]
            if c.any():
                rows = np.flatnonzero(c)
                hit = ((ml[None, :] < cr[rows, j, None]) & (cl[rows, j, None] < mr[None, :])
                       & (mt[None, :] < cb[rows, j, None]) & (ct[rows, j, None] < mb[None, :])).any(axis=1)
                ok[rows[hit], j] = False
    placed: list[tuple[int, tuple[float, float, float, float]]] = []
    boxes = np.stack((cl, ct, cr, cb), axis=2).tolist()
    for k, free in enumerate(ok.tolist()):
        for j in range(6):
            if free[j]:
                box = tuple(boxes[k][j])
                if not any(_overlap(box, b) for _k, b in placed):
                    placed.append((k, box))
                    break
    return placed
