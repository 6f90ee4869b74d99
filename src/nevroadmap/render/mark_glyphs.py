"""The glyphs a claimed figure is drawn with in the metrics pane: the dot's shape
per scope, and the pens, made once per colour and width (arrow heads: claim_marks)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui

__all__ = ["MarkPens", "shape"]


class MarkPens:
    """(mark pen, span pen, solid pen) per (colour, width, hedged): a few dozen pens, not three a mark."""

    def __init__(self) -> None:
        self._pens: dict[tuple, tuple[QtGui.QPen, QtGui.QPen, QtGui.QPen]] = {}

    def __call__(self, color: QtGui.QColor, width: float, hedged: bool) -> tuple[QtGui.QPen, QtGui.QPen, QtGui.QPen]:
        key = (color.rgba(), width, hedged)
        got = self._pens.get(key)
        if got is None:
            pen = QtGui.QPen(color, width)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
            if hedged:
                pen.setStyle(QtCore.Qt.PenStyle.DashLine)
            span = QtGui.QPen(pen)
            span.setWidthF(width * 1.5)
            solid = QtGui.QPen(pen)
            solid.setStyle(QtCore.Qt.PenStyle.SolidLine)
            got = self._pens[key] = (pen, span, solid)
        return got


def shape(p: QtGui.QPainter, c: QtCore.QPointF, rad: float, name: str) -> None:
    """The dot of a figure: a circle, or the shape of its scope when several scopes are shown."""
    if name == "square":
        p.drawRect(QtCore.QRectF(c.x() - rad, c.y() - rad, 2 * rad, 2 * rad))
    elif name == "triangle":
        p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(c.x(), c.y() - rad * 1.2),
                                       QtCore.QPointF(c.x() + rad * 1.1, c.y() + rad * 0.8),
                                       QtCore.QPointF(c.x() - rad * 1.1, c.y() + rad * 0.8)]))
    elif name == "diamond":
        p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(c.x(), c.y() - rad * 1.3), QtCore.QPointF(c.x() + rad * 1.3, c.y()),
                                       QtCore.QPointF(c.x(), c.y() + rad * 1.3), QtCore.QPointF(c.x() - rad * 1.3, c.y())]))
    else:
        p.drawEllipse(c, rad, rad)

