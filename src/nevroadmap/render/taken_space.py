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
    """Rectangles (device pixels) taken on a picture, bucketed in ``cell``-pixel squares.

    Rectangles are kept as (left, top, right, bottom); two overlap when they share
    some area (touching edges do not count, as with ``QRectF.intersects``)."""

    def __init__(self, cell: float = 48.0) -> None:
        self.cell = cell
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, left: float, top: float, right: float, bottom: float) -> list[tuple[int, int]]:
        c = self.cell
        xs = range(math.floor(left / c), math.floor(right / c) + 1)
        ys = range(math.floor(top / c), math.floor(bottom / c) + 1)
        return [(i, j) for i in xs for j in ys]

    def add(self, r: QRectF) -> None:
        self.add_box(r.left(), r.top(), r.right(), r.bottom())

    def add_box(self, left: float, top: float, right: float, bottom: float) -> None:
        box = (left, top, right, bottom)
        cells = self._cells
        for k in self._keys(left, top, right, bottom):
            got = cells.get(k)
            if got is None:
                cells[k] = [box]
            else:
                got.append(box)

    def hits(self, r: QRectF) -> bool:
        """Whether ``r`` overlaps a rectangle taken."""
        left, top, right, bottom = r.left(), r.top(), r.right(), r.bottom()
        cells = self._cells
        for k in self._keys(left, top, right, bottom):
            for b in cells.get(k, ()):
                if b[0] < right and left < b[2] and b[1] < bottom and top < b[3]:
                    return True
        return False
