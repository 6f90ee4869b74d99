"""Axes of the timeline: calendar ticks along time, lane names down the left.

``year_ticks`` picks the tick level from decades down to months, weeks and
days so that labels never crowd (``2027``, ``H2 2027``, ``Q3 2027``,
``Sep 2027``, ``3 Mar 2027``, ``4 Mar``); the
:class:`YearAxis` shows them, the timeline item draws the same grid lines.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nevroadmap.core.dates import decimal_year
from nevroadmap.core.datefmt import day_label, period_label
from nevroadmap.core.i18n import language
from nevroadmap.render.theme import Theme, get_theme

__all__ = ["TickLevel", "LEVELS", "year_ticks", "tick_label", "QuietAxis", "YearAxis", "LaneLabelAxis",
           "lane_names_width"]


@dataclass(frozen=True)
class TickLevel:
    name: str
    years: float  # nominal step
    label_px: float  # room a label needs


DAY_YEARS = 1 / 365.25
LEVELS = (
    TickLevel("50y", 50, 48), TickLevel("20y", 20, 48), TickLevel("decade", 10, 48), TickLevel("5y", 5, 48),
    TickLevel("2y", 2, 48), TickLevel("year", 1, 48), TickLevel("half", 0.5, 72), TickLevel("quarter", 0.25, 72),
    TickLevel("month", 1 / 12, 76), TickLevel("week", 7 * DAY_YEARS, 84), TickLevel("day", DAY_YEARS, 84),
)
_MIN_MINOR_PX = 7.0


def _room(level: TickLevel) -> float:
    """The room a label of ``level`` needs in the interface language (Chinese sub-year labels are longer)."""
    return level.label_px * (1.35 if level.years < 1 and language().startswith("zh") else 1.0)


def _to_date(t: float) -> date:
    year = min(max(int(math.floor(t)), 1), 9998)
    length = 366 if calendar.isleap(year) else 365
    return date.fromordinal(date(year, 1, 1).toordinal() + int(min(max((t - year) * length, 0), length - 1)))


def _day_values(t0: float, t1: float, step: int) -> list[float]:
    """Starts of days (step 1) or of weeks, on Mondays (step 7), in [t0, t1]."""
    d = _to_date(t0)
    if step == 7:
        d = date.fromordinal(d.toordinal() - d.weekday())
    out = []
    end = _to_date(t1).toordinal() + 1
    for o in range(d.toordinal(), end + 1, step):
        v = decimal_year(date.fromordinal(o))
        if t0 <= v <= t1:
            out.append(v)
    return out


def _level_values(level: TickLevel, t0: float, t1: float) -> list[float]:
    if level.name in ("week", "day"):
        return _day_values(t0, t1, 7 if level.name == "week" else 1)
    y0, y1 = max(int(math.floor(t0)) - 1, 1), min(int(math.ceil(t1)) + 1, 9998)
    if level.years >= 1:
        step = int(level.years)
        start = (y0 // step) * step
        return [float(y) for y in range(start, y1 + 1, step) if t0 <= y <= t1]
    per_year = round(1 / level.years)
    out = []
    for y in range(y0, y1 + 1):
        out.extend(v for v in _starts(y, per_year) if t0 <= v <= t1)
    return out


@lru_cache(maxsize=8192)
def _starts(year: int, per_year: int) -> tuple[float, ...]:
    months = 12 // per_year
    return tuple(decimal_year(date(year, 1 + k * months, 1)) for k in range(per_year))


def tick_label(value: float, level: TickLevel) -> str:
    """Label of a tick at ``value`` (the start of a period) on ``level``, in the interface language."""
    year = int(math.floor(value + 1e-9))
    if level.years >= 1:
        return period_label(year)
    if level.name in ("week", "day"):
        d = _to_date(value + 1e-7)
        if (d.month, d.day) == (1, 1) or level.name == "week":
            return period_label(d.year, "D", d.month, d.day)
        return day_label(d.month, d.day)
    frac = value - year
    month = min(12, max(1, int(round(frac * 12)) + 1))
    if month == 1:
        return period_label(year)
    if level.name == "half":
        return period_label(year, "H", 2)
    if level.name == "quarter":
        return period_label(year, "Q", (month - 1) // 3 + 1)
    return period_label(year, "M", month)


def year_ticks(t0: float, t1: float, width_px: float, scale: float = 1.0) -> tuple[TickLevel, list[float], TickLevel | None, list[float]]:
    """(major level, major values, minor level, minor values) for a time window drawn ``width_px`` wide."""
    if not (t1 > t0) or width_px <= 0 or not math.isfinite(t0) or not math.isfinite(t1):
        return LEVELS[0], [], None, []
    px_per_year = width_px / (t1 - t0)
    major = LEVELS[0]
    for lv in LEVELS:
        if lv.years * px_per_year >= _room(lv) * scale:
            major = lv
    minor = None
    for lv in LEVELS:
        if lv.years < major.years and lv.years * px_per_year >= _MIN_MINOR_PX * scale:
            minor = lv
            break
    majors = _level_values(major, t0, t1)
    minors = []
    if minor is not None:
        mset = {round(v, 6) for v in majors}
        minors = [v for v in _level_values(minor, t0, t1) if round(v, 6) not in mset]
    return major, majors, minor, minors


class _ScreenCached:
    """Mixin: in a scene shown by a view, repaints of an unchanged axis are a pixmap blit.

    Exports render a view-less scene (SVG, PDF, PNG) and must get real
    vector drawing, so the cache is switched on only when the scene has a view.
    """

    def itemChange(self, change, value):  # noqa: N802 (Qt API)
        if change == QtWidgets.QGraphicsItem.GraphicsItemChange.ItemSceneHasChanged:
            scene = self.scene()
            on = scene is not None and bool(scene.views())
            self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache if on
                              else QtWidgets.QGraphicsItem.CacheMode.NoCache)
        return super().itemChange(change, value)


class QuietAxis(pg.AxisItem):
    """A pyqtgraph axis that lays out its title only when it is shown and its text changed.

    pyqtgraph rebuilds the title's rich text (``QGraphicsTextItem.setHtml``) on
    every range change, shown or not: ~0.2 ms each, ~120 times while the window
    is built and again on every pan and zoom.  Everything else is as before.
    """

    def _updateLabel(self):  # noqa: N802 (pyqtgraph API)
        self._set_label_html()
        self._adjustSize()
        self.picture = None
        self.update()

    def _set_label_html(self) -> None:
        # laid out when shown (showLabel; pyqtgraph's __init__ ranges the axis before it hides the title)
        if not (getattr(self, "_label_ready", False) and self.label.isVisible()):
            return
        html = self.labelString()
        if html != getattr(self, "_label_html", None):
            self._label_html = html
            self.label.setHtml(html)

    def showLabel(self, show: bool = True):  # noqa: N802 (pyqtgraph API)
        self._label_ready = True
        self.label.setVisible(show)
        if show:
            self._set_label_html()
            self.resizeEvent(None)  # placed after its (maybe new) size, as an update while shown would
        super().showLabel(show)


class YearAxis(_ScreenCached, QuietAxis):
    """Calendar axis: decades to months as you zoom."""

    def __init__(self, orientation: str = "bottom", theme: Theme | str = "light", **kw) -> None:
        super().__init__(orientation, **kw)
        self._major = LEVELS[0]
        self.enableAutoSIPrefix(False)
        self.set_theme(theme)

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.setPen(pg.mkPen(self.theme.grid_major))
        self.setTextPen(pg.mkPen(self.theme.muted))
        self.setTickFont(self.theme.font(self.theme.axis_px))
        self.picture = None
        self.update()

    def deviceTransform_(self):  # noqa: N802 (pyqtgraph API)
        # off-screen export scenes have no view: treat scene pixels as device pixels
        if self.getViewWidget() is None and self.scene() is not None:
            return self.sceneTransform()
        return super().deviceTransform_()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph API)
        major, majors, minor, minors = year_ticks(minVal, maxVal, size)
        self._major = major
        out = [(major.years, majors)]
        if minor is not None:
            out.append((minor.years, minors))
        return out

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        if spacing < self._major.years - 1e-9:
            return ["" for _ in values]
        return [tick_label(v, self._major) for v in values]


class LaneLabelAxis(_ScreenCached, QuietAxis):
    """Lane names down the left, aligned with the rows and scrolling with them.

    A colour strip and a rotated header name each group (area, or
    organization kind); clicking a lane name emits ``sigLaneClicked(index)``.
    """

    sigLaneClicked = QtCore.Signal(int)

    STRIP_PX = 5
    GROUP_PX = 18

    def __init__(self, theme: Theme | str = "light", **kw) -> None:
        super().__init__("left", **kw)
        self.lanes: tuple = ()
        self.theme = get_theme(theme)
        self.setStyle(showValues=False, tickLength=0)
        self.setWidth(180)

    def set_theme(self, theme: Theme | str) -> None:
        self.theme = get_theme(theme)
        self.update()

    def set_lanes(self, lanes) -> None:
        lanes = tuple(lanes)
        if lanes != getattr(self, "lanes", None):  # a filter that keeps every lane repaints no names
            self.lanes = lanes
            self.update()

    def preferred_width(self, scale: float = 1.0, max_px: float = 260) -> float:
        return min(max_px * scale, (self.STRIP_PX + self.GROUP_PX + 14) * scale
                   + lane_names_width(self.lanes, self.theme, scale))

    def tickValues(self, minVal, maxVal, size):  # noqa: N802
        return []

    def _row_to_y(self):
        view = self.linkedView()
        h = self.geometry().height()
        if view is None or h <= 0:
            return None
        r0, r1 = view.viewRange()[1]
        if r1 <= r0:
            return None
        k = h / (r1 - r0)
        return lambda r: (r - r0) * k, r0, r1, k

    def lane_at(self, y_local: float) -> int | None:
        m = self._row_to_y()
        if m is None or not self.lanes:
            return None
        _, r0, _, k = m
        row = r0 + y_local / k
        for i, ln in enumerate(self.lanes):
            if ln.row0 <= row < ln.row0 + ln.rows:
                return i
        return None

    def mouseClickEvent(self, ev):  # noqa: N802
        if ev.button() == QtCore.Qt.LeftButton:
            i = self.lane_at(ev.pos().y())
            if i is not None:
                ev.accept()
                self.sigLaneClicked.emit(i)
                return
        ev.ignore()

    def wheelEvent(self, ev):  # noqa: N802
        view = self.linkedView()
        if view is not None and hasattr(view, "scroll_rows"):
            view.scroll_rows(-ev.delta() / 120 * 3)
            ev.accept()
        else:
            ev.ignore()

    def mouseDragEvent(self, ev):  # noqa: N802
        ev.ignore()

    def paint(self, p, opt, widget):
        m = self._row_to_y()
        if m is None:
            return
        to_y, r0, r1, k = m
        th = self.theme
        w = self.geometry().width()
        h = self.geometry().height()
        p.save()
        p.setClipRect(QtCore.QRectF(0, 0, w, h))
        p.setRenderHint(QtGui.QPainter.Antialiasing, False)
        p.setRenderHint(QtGui.QPainter.TextAntialiasing, True)
        lanes = [(i, ln) for i, ln in enumerate(self.lanes) if ln.row0 + ln.rows > r0 and ln.row0 < r1]
        even, odd = QtGui.QColor(th.band_even), QtGui.QColor(th.band_odd)
        for i, ln in lanes:
            y0, y1 = to_y(ln.row0), to_y(ln.row0 + ln.rows)
            p.fillRect(QtCore.QRectF(0, y0, w, y1 - y0), odd if i % 2 else even)
        # group strips and rotated group names
        font_group = th.font(th.small_px * 0.95, bold=True)
        runs: list[tuple[int, int]] = []
        for i, ln in enumerate(self.lanes):
            if runs and self.lanes[runs[-1][0]].group == ln.group:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
        fm_g = QtGui.QFontMetricsF(font_group)
        untitled: set[int] = set()  # first lanes of bands too short for their rotated name: named beside the lane
        for a, b in runs:
            top, bottom = to_y(self.lanes[a].row0), to_y(self.lanes[b].row0 + self.lanes[b].rows)
            if bottom < 0 or top > h:
                continue
            p.fillRect(QtCore.QRectF(0, top, self.STRIP_PX, bottom - top), QtGui.QColor(self.lanes[a].color))
            vis_top, vis_bottom = max(top, 0.0), min(bottom, h)
            room = vis_bottom - vis_top - 6
            text = _cap(self.lanes[a].group)
            if room <= 28 or fm_g.horizontalAdvance(text) > room:
                untitled.add(a)  # once, on the band's first lane
            if room > 28:
                if fm_g.horizontalAdvance(text) <= room:  # whole or not at all
                    p.save()
                    p.setFont(font_group)
                    p.setPen(QtGui.QColor(th.muted))
                    cx = self.STRIP_PX + self.GROUP_PX / 2 + fm_g.ascent() / 2 - fm_g.descent() / 2
                    cy = (vis_top + vis_bottom) / 2 + fm_g.horizontalAdvance(text) / 2
                    p.translate(cx, cy)
                    p.rotate(-90)
                    p.drawText(QtCore.QPointF(0, 0), text)
                    p.restore()
            p.setPen(QtGui.QPen(QtGui.QColor(th.group_separator), 1))
            p.drawLine(QtCore.QPointF(0, bottom), QtCore.QPointF(w, bottom))
        # lane names, stuck to the top of the lane's visible part
        font = th.font(min(th.lane_px, max(k * 0.8, 7.0)))
        fm = QtGui.QFontMetricsF(font)
        font_tag = th.font(min(th.small_px, max(k * 0.7, 7.0)))
        fm_tag = QtGui.QFontMetricsF(font_tag)
        p.setFont(font)
        x_text = self.STRIP_PX + self.GROUP_PX + 4
        room = w - x_text - 6
        row_h = k
        for i, ln in lanes:
            y0, y1 = to_y(ln.row0), to_y(ln.row0 + ln.rows)
            p.setPen(QtGui.QPen(QtGui.QColor(th.separator), 1))
            p.drawLine(QtCore.QPointF(self.STRIP_PX, y1), QtCore.QPointF(w, y1))
            if row_h * ln.rows < fm.ascent() * 0.95:
                continue  # lane too thin for its name
            line_h = row_h
            top = max(y0, 0.0)
            if top + line_h > y1:
                top = y1 - line_h
            base = top + line_h / 2 + (fm.ascent() - fm.descent()) / 2
            name_room = room
            if i in untitled:  # the band's name, small and muted, on the first row right of the lane's name
                tag_room = min(fm_tag.horizontalAdvance(_cap(ln.group)), room - fm.horizontalAdvance(ln.label) - 10)
                tag = fm_tag.elidedText(_cap(ln.group), QtCore.Qt.ElideRight, tag_room) if tag_room >= 30 else ""
                if tag:
                    tag_w = fm_tag.horizontalAdvance(tag)
                    p.setFont(font_tag)
                    p.setPen(QtGui.QColor(th.muted))
                    p.drawText(QtCore.QPointF(x_text + room - tag_w, base), tag)
                    p.setFont(font)
                    name_room = room - tag_w - 10
            text = fm.elidedText(ln.label, QtCore.Qt.ElideRight, name_room)
            p.setPen(QtGui.QColor(th.foreground))
            p.drawText(QtCore.QPointF(x_text, base), text)
        p.setPen(QtGui.QPen(QtGui.QColor(th.grid_major), 1))
        p.drawLine(QtCore.QPointF(w - 0.5, 0), QtCore.QPointF(w - 0.5, h))
        p.restore()


def lane_names_width(lanes, theme: Theme, scale: float = 1.0, row_px: float = 24.0) -> float:
    """Room the lane names take (measured in the theme's font): the longest name, and for the first lane of
    a band too short for its rotated name at ``row_px`` a row, that name and the band's name beside it."""
    fm = QtGui.QFontMetricsF(theme.font(theme.lane_px * scale))
    fm_tag = QtGui.QFontMetricsF(theme.font(theme.small_px * scale))
    fm_g = QtGui.QFontMetricsF(theme.font(theme.small_px * 0.95 * scale, bold=True))
    band_rows: dict[str, int] = {}
    for ln in lanes:
        band_rows[ln.group] = band_rows.get(ln.group, 0) + ln.rows
    need = 60.0 * scale
    prev = None
    for ln in lanes:
        w = fm.horizontalAdvance(ln.label)
        first = ln.group != prev  # the band's name goes beside its first lane only
        prev = ln.group
        if first and fm_g.horizontalAdvance(_cap(ln.group)) + 6 * scale > band_rows[ln.group] * row_px * scale:
            w += fm_tag.horizontalAdvance(_cap(ln.group)) + 10 * scale
        need = max(need, w)
    return need


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
