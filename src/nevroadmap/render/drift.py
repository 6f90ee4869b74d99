"""Forecast drift on the timeline: earlier claimed dates as ghost marks joined to the current one.

A milestone whose claims, in the order said, gave different dates ("by 2025"
said in 2021, "by 2027" said in 2024) gets, in its lane row, a hollow ghost
diamond at each earlier claimed date, a dashed line from the first to the
current date, the year each was said beside its ghost, and the slip
("+2 y") beside the current date.  The item sits in the timeline plot
(data x = decimal years, y = rows) and sizes its glyphs in pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nevroadmap.core.provenance import drift, format_slip, target_year
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.timeline_item import pixel_ratio

__all__ = ["DriftItem", "DriftTrack", "drift_tracks"]


@dataclass(frozen=True)
class DriftTrack:
    milestone_id: str
    row: float  # centre of the milestone's row
    ghosts: tuple[tuple[float, str], ...]  # (x of an earlier claimed date, year said)
    current: float  # x of the current claimed date
    slip: str  # "+2 y"


def drift_tracks(roadmap: Roadmap, layout: LaneLayout) -> list[DriftTrack]:
    """One track per shown milestone whose claimed date moved."""
    out = []
    # milestone index -> its first entry in the layout (one pass, not one search per milestone)
    items, firsts = np.unique(layout.item, return_index=True) if len(layout) else ((), ())
    first_entry = dict(zip(np.asarray(items).tolist(), np.asarray(firsts).tolist()))
    # milestones with a dated claim that gives a date of its own: for the others every claim says
    # the milestone's date, so drift() is empty (one pass over the claims, not one lookup per milestone)
    moved = {mid for c in roadmap.claims if c.said is not None and c.when is not None for mid in c.supports}
    for i, m in enumerate(roadmap.milestones):
        if m.id not in moved:
            continue
        entry = first_entry.get(i)
        if entry is None:
            continue
        points = drift(roadmap, m)
        if not points:
            continue
        row = float(layout.row[entry]) + 0.5
        current = target_year(points[-1].when)
        ghosts, seen = [], {round(current, 6)}
        for p in points:
            x = target_year(p.when)
            if round(x, 6) in seen:
                continue
            seen.add(round(x, 6))
            ghosts.append((x, str(p.said.first.year)))
        out.append(DriftTrack(m.id, row, tuple(ghosts), current, format_slip(points[-1].slip)))
    return out


class DriftItem(pg.GraphicsObject):
    def __init__(self, theme: Theme | str = "light") -> None:
        super().__init__()
        self.theme = get_theme(theme)
        self.tracks: list[DriftTrack] = []
        self.setZValue(5)  # above the bars

    def set_data(self, roadmap: Roadmap, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        self.tracks = drift_tracks(roadmap, layout)
        self.update()

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:  # noqa: N802
        if not self.tracks:
            return QtCore.QRectF()
        xs = [x for t in self.tracks for x, _ in t.ghosts] + [t.current for t in self.tracks]
        ys = [t.row for t in self.tracks]
        return QtCore.QRectF(min(xs) - 2, min(ys) - 1, max(xs) - min(xs) + 4, max(ys) - min(ys) + 2)

    def paint(self, p: QtGui.QPainter, opt=None, widget=None) -> None:
        if not self.tracks:
            return
        tr = p.transform()
        p.save()
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        k = pixel_ratio(self, tr)  # an export scaled up: sizes in pixels scale with it
        color = QtGui.QColor(self.theme.foreground)
        ghost = QtGui.QColor(color)
        ghost.setAlphaF(0.55)
        dashed = QtGui.QPen(ghost, 1.5, QtCore.Qt.PenStyle.DashLine)
        dashed.setWidthF(1.5 * k)
        font = self.theme.font(self.theme.small_px * k)
        p.setFont(font)
        fm = QtGui.QFontMetricsF(font)
        r = 4.0 * k
        pad = 2.0 * k
        for t in self.tracks:
            cur = tr.map(QtCore.QPointF(t.current, t.row))
            first = min([x for x, _ in t.ghosts] + [t.current])
            last = max([x for x, _ in t.ghosts] + [t.current])
            a, b = tr.map(QtCore.QPointF(first, t.row)), tr.map(QtCore.QPointF(last, t.row))
            y = cur.y() - r - 3 * k  # just above the bar, so the bar stays readable
            p.setPen(dashed)
            p.drawLine(QtCore.QPointF(a.x(), y), QtCore.QPointF(b.x(), y))
            for x, said in t.ghosts:
                g = tr.map(QtCore.QPointF(x, t.row))
                # the year it was said, right of its ghost, on a patch of background over the line
                w = fm.horizontalAdvance(said)
                box = QtCore.QRectF(g.x() + r + k, y - fm.ascent() / 2 - 1, w + 2 * pad, fm.ascent() + 2)
                p.fillRect(box, QtGui.QColor(self.theme.background))
                p.setPen(QtGui.QPen(QtGui.QColor(self.theme.muted)))
                p.drawText(QtCore.QPointF(box.x() + pad, y + fm.ascent() / 2 - 1), said)
                p.setPen(QtGui.QPen(ghost, 1.5 * k))
                p.setBrush(QtGui.QColor(self.theme.background))
                p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(g.x(), y - r), QtCore.QPointF(g.x() + r, y),
                                               QtCore.QPointF(g.x(), y + r), QtCore.QPointF(g.x() - r, y)]))
            # the current date: a solid arrowhead onto it, and the slip
            p.setBrush(color)
            p.setPen(QtGui.QPen(color, 1.5 * k))
            d = 1.0 if t.current >= first else -1.0
            p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(cur.x(), y), QtCore.QPointF(cur.x() - d * 8 * k, y - 4 * k),
                                           QtCore.QPointF(cur.x() - d * 8 * k, y + 4 * k)]))
            f2 = QtGui.QFont(font)
            f2.setBold(True)
            p.setFont(f2)
            fm2 = QtGui.QFontMetricsF(f2)
            box = QtCore.QRectF(cur.x() + 3 * k, y - fm2.ascent() / 2 - 1, fm2.horizontalAdvance(t.slip) + 2 * pad,
                                fm2.ascent() + 2)
            p.fillRect(box, QtGui.QColor(self.theme.background))
            p.drawText(QtCore.QPointF(box.x() + pad, y + fm2.ascent() / 2 - 1), t.slip)
            p.setFont(font)
        p.restore()
