"""Where a label may go: the rectangles already drawn on, found by grid cell.

A pane that places labels beside its marks asks, for each candidate box,
whether it would cover a mark or another label.  Asked against every rectangle
drawn so far that is quadratic (5,000 marks and their labels: seconds a frame);
bucketed in a grid of cells it looks only at the rectangles near the box.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

__all__ = ["TakenSpace"]


class TakenSpace:
    """Rectangles (device pixels) taken on a picture, bucketed in ``cell``-pixel squares."""

    def __init__(self, cell: float = 48.0) -> None:
        self.cell = cell
        self._cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, r: QRectF):
        c = self.cell
        x0, x1 = math.floor(r.left() / c), math.floor(r.right() / c)
        y0, y1 = math.floor(r.top() / c), math.floor(r.bottom() / c)
        return ((i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1))

    def add(self, r: QRectF) -> None:
        for k in self._keys(r):
            self._cells.setdefault(k, []).append(r)

    def hits(self, r: QRectF) -> bool:
        """Whether ``r`` overlaps a rectangle taken."""
        cells = self._cells
        return any(r.intersects(b) for k in self._keys(r) for b in cells.get(k, ()))
