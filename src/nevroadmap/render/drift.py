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
from itertools import chain, compress, repeat
from operator import attrgetter, is_not

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nevroadmap.core.provenance import drift, format_slip, target_year
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.timeline_item import device_pixels

__all__ = ["DriftItem", "DriftTrack", "drift_tracks", "drifting"]


@dataclass(frozen=True)
class DriftTrack:
    milestone_id: str
    row: float  # centre of the milestone's row
    ghosts: tuple[tuple[float, str], ...]  # (x of an earlier claimed date, year said)
    current: float  # x of the current claimed date
    slip: str  # "+2 y"


_SAID, _WHEN, _SUPPORTS, _ID = attrgetter("said"), attrgetter("when"), attrgetter("supports"), attrgetter("id")


def drifting(roadmap: Roadmap) -> list[tuple[int, list, float, tuple[tuple[float, str], ...], str]]:
    """The milestones whose claimed date moved, in data order: (index, drift points, current x,
    ghosts (x, year said), slip).  Depends on the roadmap only: a filter change reuses it."""
    out: list = []
    # milestones with a dated claim that gives a date of its own: for the others every claim says
    # the milestone's date, so drift() is empty.  C-level passes (map, compress): a Python loop over
    # 100,000 milestones and 200,000 claims is felt before the first frame of a big tracker
    claims = roadmap.claims
    own_date = list(compress(claims, map(is_not, map(_WHEN, claims), repeat(None))))
    dated = compress(own_date, map(is_not, map(_SAID, own_date), repeat(None)))
    moved = set(chain.from_iterable(map(_SUPPORTS, dated)))
    if not moved:
        return out
    ms = roadmap.milestones
    for i in compress(range(len(ms)), map(moved.__contains__, map(_ID, ms))):
        points = drift(roadmap, ms[i])
        if not points:
            continue
        current = target_year(points[-1].when)
        ghosts, seen = [], {round(current, 6)}
        for p in points:
            x = target_year(p.when)
            if round(x, 6) in seen:
                continue
            seen.add(round(x, 6))
            ghosts.append((x, str(p.said.first.year)))
        out.append((i, points, current, tuple(ghosts), format_slip(points[-1].slip)))
    return out


def drift_tracks(roadmap: Roadmap, layout: LaneLayout, moved: list | None = None) -> list[DriftTrack]:
    """One track per shown milestone whose claimed date moved (``moved``: :func:`drifting` of the
    roadmap, when the caller keeps it)."""
    moved = drifting(roadmap) if moved is None else moved
    if not moved or not len(layout):
        return []
    candidates = [d[0] for d in moved]
    # milestone index -> its first entry in the layout (one pass, not one search per milestone)
    items, firsts = np.unique(layout.item, return_index=True)
    at = np.minimum(np.searchsorted(items, candidates), len(items) - 1)
    found = (items[at] == np.asarray(candidates, items.dtype)).tolist()
    entries = firsts[at].tolist()
    ms = roadmap.milestones
    return [DriftTrack(ms[i].id, float(layout.row[entry]) + 0.5, ghosts, current, slip)
            for (i, _points, current, ghosts, slip), ok, entry in zip(moved, found, entries) if ok]


class DriftItem(pg.GraphicsObject):
    """The drift tracks of the shown milestones; their texts never cover a milestone's label.

    The texts (years said, the slip) are packed like labels: each takes the first
    place, beside its mark on the track, that covers no milestone label drawn by
    ``labels_of`` (the lanes' TimelineItem, painted just before: z order), no room
    right of the current mark where its milestone's own label goes, and no other
    drift text; a text with no free place is left out (the details list it)."""

    def __init__(self, theme: Theme | str = "light", labels_of=None) -> None:
        super().__init__()
        self.theme = get_theme(theme)
        self.tracks: list[DriftTrack] = []
        self.labels_of = labels_of  # a TimelineItem (or a function giving it): its drawn labels are kept clear
        self.placed: list[tuple[str, str, QtCore.QRectF]] = []  # (milestone id, text, device rect) of the last paint
        self._moved: tuple | None = None  # (roadmap, drifting(roadmap))
        self.setZValue(5)  # above the bars

    def set_data(self, roadmap: Roadmap, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        if self._moved is None or self._moved[0] is not roadmap:  # a filter change keeps the dataset's drift
            self._moved = (roadmap, drifting(roadmap))
        self.tracks = drift_tracks(roadmap, layout, self._moved[1])
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

    def milestone_label_rects(self) -> list[QtCore.QRectF]:
        """Device rectangles of the milestone labels ``labels_of`` drew last (empty without it)."""
        item = self.labels_of() if callable(self.labels_of) else self.labels_of
        labels = getattr(item, "_last_labels", None) if item is not None else None
        g = getattr(item, "_last_geom", None)
        if not labels or g is None:
            return []
        fm = QtGui.QFontMetricsF(item.painter.label_font(g))
        return [QtCore.QRectF(lx, yb - fm.ascent(), w, fm.height()) for _e, lx, yb, _t, _in, w in labels]

    def paint(self, p: QtGui.QPainter, opt=None, widget=None) -> None:
        self.placed = []
        if not self.tracks:
            return
        with device_pixels(self, p) as (tr, k):  # k: an export scaled up, sizes in pixels follow
            color = QtGui.QColor(self.theme.foreground)
            ghost = QtGui.QColor(color)
            ghost.setAlphaF(0.55)
            dashed = QtGui.QPen(ghost, 1.5, QtCore.Qt.PenStyle.DashLine)
            dashed.setWidthF(1.5 * k)
            font = self.theme.font(self.theme.small_px * k)
            bold = QtGui.QFont(font)
            bold.setBold(True)
            fm, fm2 = QtGui.QFontMetricsF(font), QtGui.QFontMetricsF(bold)
            r = 4.0 * k
            pad = 2.0 * k
            blocked = self.milestone_label_rects()
            texts: list[tuple[QtCore.QRectF, str, QtGui.QFont, QtGui.QColor, str]] = []
            row_h = abs(tr.map(QtCore.QPointF(0, 1)).y() - tr.map(QtCore.QPointF(0, 0)).y())
            for t in self.tracks:
                cur = tr.map(QtCore.QPointF(t.current, t.row))
                first = min([x for x, _ in t.ghosts] + [t.current])
                last = max([x for x, _ in t.ghosts] + [t.current])
                a, b = tr.map(QtCore.QPointF(first, t.row)), tr.map(QtCore.QPointF(last, t.row))
                y = cur.y() - r - 3 * k  # just above the bar, so the bar stays readable
                p.setPen(dashed)
                p.drawLine(QtCore.QPointF(a.x(), y), QtCore.QPointF(b.x(), y))
                for x, _said in t.ghosts:
                    g = tr.map(QtCore.QPointF(x, t.row))
                    p.setPen(QtGui.QPen(ghost, 1.5 * k))
                    p.setBrush(QtGui.QColor(self.theme.background))
                    p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(g.x(), y - r), QtCore.QPointF(g.x() + r, y),
                                                   QtCore.QPointF(g.x(), y + r), QtCore.QPointF(g.x() - r, y)]))
                # the current date: a solid arrowhead onto it
                p.setBrush(color)
                p.setPen(QtGui.QPen(color, 1.5 * k))
                d = 1.0 if t.current >= first else -1.0
                p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(cur.x(), y),
                                               QtCore.QPointF(cur.x() - d * 8 * k, y - 4 * k),
                                               QtCore.QPointF(cur.x() - d * 8 * k, y + 4 * k)]))
                # the milestone's own label goes right of its mark, in the middle of its row: keep that clear
                own = QtCore.QRectF(cur.x() - r, cur.y() - max(row_h, fm.height()) / 2 + 1, 1e7,
                                    max(row_h, fm.height()) - 2)
                avoid = blocked + [own]
                # the slip first (left of the arrowhead, else above the track), then the years said, latest first
                h2 = fm2.ascent() + 2
                w2 = fm2.horizontalAdvance(t.slip) + 2 * pad
                self._place(texts, avoid, t.milestone_id, t.slip, bold, color, [
                    QtCore.QRectF(cur.x() - d * 10 * k - (w2 if d > 0 else 0), y - h2 / 2, w2, h2),
                    QtCore.QRectF(cur.x() - w2 / 2, y - r - h2, w2, h2),
                    QtCore.QRectF(cur.x() - d * 10 * k - (w2 if d > 0 else 0), y - r - h2, w2, h2)])
                h = fm.ascent() + 2
                for x, said in sorted(t.ghosts, reverse=True):
                    g = tr.map(QtCore.QPointF(x, t.row))
                    w = fm.horizontalAdvance(said) + 2 * pad
                    self._place(texts, avoid, t.milestone_id, said, font, QtGui.QColor(self.theme.muted), [
                        QtCore.QRectF(g.x() + r + k, y - h / 2, w, h),
                        QtCore.QRectF(g.x() - r - k - w, y - h / 2, w, h),
                        QtCore.QRectF(g.x() - w / 2, y - r - h, w, h)])
            bg = QtGui.QColor(self.theme.background)
            for box, text, f, c, mid in texts:  # each on a patch of background over the track
                p.fillRect(box, bg)
                p.setFont(f)
                p.setPen(QtGui.QPen(c))
                fmx = QtGui.QFontMetricsF(f)
                p.drawText(QtCore.QPointF(box.x() + pad, box.y() + 1 + fmx.ascent() * 0.92), text)
                self.placed.append((mid, text, box))

    @staticmethod
    def _place(texts: list, avoid: list[QtCore.QRectF], mid: str, text: str, font: QtGui.QFont, color: QtGui.QColor,
               candidates: list[QtCore.QRectF]) -> None:
        for box in candidates:
            if any(box.intersects(b) for b in avoid) or any(box.intersects(t[0]) for t in texts):
                continue
            texts.append((box, text, font, color, mid))
            return
