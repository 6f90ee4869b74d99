"""The zoomable timeline widget: a plot of lanes and milestones plus a row scrollbar.

Time zooms (wheel, the zoom actions) and pans (drag, the pan actions); rows
keep a fixed height and scroll (Shift+wheel, drag, the scroll actions, the
scrollbar).  The widget handles no keys itself: the keys (+, -, F, Home,
arrows, Tab, Enter, Escape, Page Up/Down) are actions of
:mod:`nevroadmap.gui.actions` added to this widget, so they act only while it
has the focus, which it shows with a frame.  The arrows and Tab move a
keyboard cursor from milestone to milestone (:mod:`nevroadmap.core.navigation`)
and select what it lands on.  The drawing itself lives in
:mod:`nevroadmap.render.timeline_item`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from nevroadmap.core.glyphs import ROW_PX
from nevroadmap.core.layout import NO_ORG_KEY, LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.core import navigation as nav
from nevroadmap.render.fit import fit_window
if TYPE_CHECKING:
    from nevroadmap.gui.legend_popup import LegendPopup
from nevroadmap.render.legend import LegendItem, groups_of
from nevroadmap.render.plot import build_plot, make_plot_item, set_plot_theme
from nevroadmap.render.theme import get_theme
from nevroadmap.render.timeline_item import TimelineItem
from nevroadmap.render.timeline_view import MAX_SPAN_YEARS, MIN_SPAN_DAYS_YEARS, MIN_SPAN_YEARS, TimelineViewBox

__all__ = ["TimelineWidget"]

_SCROLL_STEPS = 100  # scrollbar units per row
FOCUS_FRAME_PX = 2  # the frame that shows the keyboard focus
LANE_AXIS_SHARE, LANE_AXIS_MIN_PX = 0.28, 130  # the lane names take at most this share of a narrow timeline


def _has_exact_days(roadmap: Roadmap) -> bool:
    """Whether any milestone is dated to the day (2025-09-28)."""
    seen: set[int] = set()
    for m in roadmap.milestones:
        w = m.when
        if id(w) in seen:  # dates are shared objects: each distinct one looked at once
            continue
        seen.add(id(w))
        if w.first.unit == "D" or w.last.unit == "D":
            return True
    return False


class TimelineWidget(QtWidgets.QWidget):
    sigMilestoneClicked = Signal(str)  # milestone id clicked or reached by key ("" for background click, Escape)
    sigMilestoneActivated = Signal(str)  # Enter on the selected milestone: open its details
    sigOrganizationClicked = Signal(str)  # org id, when a company-lane label is clicked
    sigRangeChanged = Signal(float, float)  # visible time window (decimal years)

    def __init__(self, parent=None, theme: str = "light") -> None:
        super().__init__(parent)
        self._theme = get_theme(theme)
        self.roadmap: Roadmap | None = None
        self._kept_sizes: dict[str, tuple] = {}  # what -> ((roadmap, grouping, ...), the size kept)
        self.layout_data: LaneLayout | None = None
        self._selected_id: str | None = None
        self._cursor: int | None = None  # the layout entry the keyboard is on (selected milestone, one lane)
        self._auto_fit = False  # the window shows the whole roadmap: fit again when resized
        self._fitting = False
        self._has_range = False

        self.view = pg.GraphicsLayoutWidget()
        # the background is one flat colour: filling it is cheaper than blitting a cached copy each paint
        self.view.setCacheMode(QtWidgets.QGraphicsView.CacheModeFlag.CacheNone)
        self.view.ci.layout.setContentsMargins(0, 0, 0, 0)
        self.view.ci.layout.setSpacing(0)
        self._plot = make_plot_item(self._theme, row_px=ROW_PX, top_axis=False)
        self.view.addItem(self._plot, row=0, col=0)
        self.legend = LegendItem(self._theme)
        self.legend.setCacheMode(QtWidgets.QGraphicsItem.DeviceCoordinateCache)
        self.view.addItem(self.legend, row=1, col=0)
        self.legend.sigFoldChanged.connect(self._fit_legend)
        self.legend.popup_more = True  # "More" opens the whole legend in a popup: the lanes keep their room
        self.legend.sigMoreClicked.connect(self.show_legend_popup)
        self.legend_popup: LegendPopup | None = None
        self.view.setFocusPolicy(Qt.StrongFocus)
        self.view.setFocusProxy(self)
        self.setFocusPolicy(Qt.StrongFocus)

        self.scrollbar = QtWidgets.QScrollBar(Qt.Vertical)
        self.scrollbar.valueChanged.connect(self._on_scrollbar)
        box = QtWidgets.QHBoxLayout(self)
        m = FOCUS_FRAME_PX
        box.setContentsMargins(m, m, m, m)  # room for the focus frame
        box.setSpacing(0)
        box.addWidget(self.view, 1)
        box.addWidget(self.scrollbar)

        self.item: TimelineItem | None = None
        vb = self.viewbox
        vb.sigXRangeChanged.connect(self._on_x_range)
        vb.sigRowsChanged.connect(self._sync_scrollbar)
        vb.sigResized.connect(self._on_view_resized)
        vb.sigBackgroundClicked.connect(lambda: self._on_item_clicked(-1))
        self._plot.getAxis("left").sigLaneClicked.connect(self._on_lane_clicked)
        self._apply_theme()

    # -- parts ------------------------------------------------------------------
    @property
    def plot_item(self) -> pg.PlotItem:
        return self._plot

    @property
    def viewbox(self) -> TimelineViewBox:
        return self._plot.getViewBox()

    @property
    def timeline_item(self) -> TimelineItem | None:
        return self.item

    def show_legend(self, on: bool) -> None:
        self.legend.setVisible(on)
        self._fit_legend()

    # -- data -------------------------------------------------------------------
    @property
    def canvas(self) -> QtWidgets.QWidget:
        """The widget the lanes are painted on (its Paint event is a frame of the timeline)."""
        return self.view.viewport()

    def set_data(self, roadmap: Roadmap, layout: LaneLayout) -> None:
        """Show ``layout`` of ``roadmap``; keeps the time window when there is one."""
        keep = self._has_range
        old = self.visible_range()
        top = self.viewbox.top
        if roadmap is not self.roadmap:  # zoom down to days when the data has exact days, else to months
            self.viewbox.set_min_span(MIN_SPAN_DAYS_YEARS if _has_exact_days(roadmap) else MIN_SPAN_YEARS)
        self.roadmap, self.layout_data = roadmap, layout
        self._cursor = None  # entries of the old layout mean nothing in the new one
        first = self.item is None
        self.item = build_plot(self._plot, roadmap, layout, self._theme)
        if first:
            self.item.sigClicked.connect(self._on_item_clicked)
        self._fit_lane_axis()
        self.legend.set_groups(groups_of(layout))
        self._fit_legend()
        self.set_selection(self._selected_id)
        self.viewbox.top = top
        self.viewbox.apply_rows()
        if keep:
            auto = self._auto_fit
            self.set_visible_range(*old)
            self._auto_fit = auto  # still "the whole roadmap" until the user moves
        else:
            self.fit_all()

    def shown_milestone_ids(self) -> list[str]:
        if self.roadmap is None or self.layout_data is None:
            return []
        ms = self.roadmap.milestones
        items = self.layout_data.item
        _, first = np.unique(items, return_index=True)
        return [ms[int(i)].id for i in items[np.sort(first)]]

    def visible_milestone_ids(self) -> list[str]:
        if self.item is None or self.roadmap is None:
            return []
        (t0, t1), (y0, y1) = self.viewbox.viewRange()
        w = max(self.viewbox.width(), 1.0)
        ents = self.item.visible_entries(QtCore.QRectF(t0, y0, t1 - t0, y1 - y0), px_per_year=w / (t1 - t0),
                                         row_px=ROW_PX)
        items = self.layout_data.item[ents]
        _, first = np.unique(items, return_index=True)
        ms = self.roadmap.milestones
        return [ms[int(i)].id for i in items[np.sort(first)]]

    # -- selection ------------------------------------------------------------------
    def set_selection(self, milestone_id: str | None) -> None:
        self._selected_id = milestone_id or None
        lay = self.layout_data
        idx = self.index_of(self._selected_id)
        if idx is None or lay is None:
            self._cursor = None
        elif self._cursor is None or not (0 <= self._cursor < len(lay)) or int(lay.item[self._cursor]) != idx:
            vb = self.viewbox  # chosen elsewhere (click, link, search): the entry on screen
            self._cursor = nav.entry_of_item(lay, idx, (vb.top, vb.top + vb.visible_rows()))
        self._apply_selection()
        name = self.roadmap.milestones[idx].title if idx is not None and self.roadmap is not None else ""
        self.setAccessibleDescription(name)

    # -- keyboard cursor (the slots of the timeline's arrow, Tab, Enter and Escape actions) --
    def _move(self, find) -> bool:
        """Select the entry ``find(layout, cursor)`` gives (the first one in view when nothing is selected)."""
        lay = self.layout_data
        if lay is None or not len(lay):
            return False
        if self._cursor is None or not (0 <= self._cursor < len(lay)):
            t0, t1 = self.visible_range()
            vb = self.viewbox
            target = nav.first_in_window(lay, t0, t1, vb.top, vb.top + vb.visible_rows())
        else:
            target = find(lay, self._cursor)
        if target is None:
            return False
        self._cursor = int(target)
        self.sigMilestoneClicked.emit(self.roadmap.milestones[int(lay.item[target])].id)
        self.reveal_entry(int(target))
        return True

    def select_in_time(self, step: int) -> None:
        """Tab / Shift+Tab: the next / previous milestone in time over all lanes; past the end the focus moves on."""
        if not self._move(lambda lay, e: nav.step_in_time(lay, e, step)) and self._cursor is not None:
            self.focusNextPrevChild(step > 0)

    def select_in_lane(self, step: int) -> None:
        """Right / Left: the next / previous milestone in time in the same lane."""
        self._move(lambda lay, e: nav.step_in_lane(lay, e, step))

    def select_across(self, step: int) -> None:
        """Down / Up: the milestone nearest in time in the next row below / above."""
        self._move(lambda lay, e: nav.step_across(lay, e, step))

    def open_selected(self) -> None:
        """Enter: open the selected milestone's details (selects one first when none is)."""
        if self._selected_id is None and not self._move(lambda lay, e: e):
            return
        if self._selected_id:
            self.sigMilestoneActivated.emit(self._selected_id)

    def clear_selection(self) -> None:
        """Escape: nothing selected."""
        self._cursor = None
        self.sigMilestoneClicked.emit("")

    def index_of(self, milestone_id: str | None) -> int | None:
        if not milestone_id or self.roadmap is None:
            return None
        m = self.roadmap.milestone_by_id.get(milestone_id)
        if m is None:
            return None
        return self._ms_index().get(milestone_id)

    def _ms_index(self) -> dict[str, int]:
        cache = getattr(self, "_ms_index_cache", None)
        if cache is None or cache[0] is not self.roadmap:
            cache = (self.roadmap, {m.id: i for i, m in enumerate(self.roadmap.milestones)})
            self._ms_index_cache = cache
        return cache[1]

    def _apply_selection(self) -> None:
        if self.item is not None:
            self.item.set_selected(self.index_of(self._selected_id))

    def reveal(self, milestone_id: str) -> bool:
        """Scroll and pan so the milestone is in view (keeps the zoom); False if not shown."""
        p = self._entry_center(milestone_id)
        if p is None:
            return False
        return self._reveal_at(*p)

    def reveal_entry(self, entry: int) -> bool:
        lay = self.layout_data
        x0, x1 = float(lay.x0[entry]), float(max(lay.x0[entry], lay.x1[entry]))
        return self._reveal_at((x0 + x1) / 2, float(lay.row[entry]) + 0.5)

    def _reveal_at(self, x: float, row: float) -> bool:
        t0, t1 = self.visible_range()
        if not (t0 <= x <= t1):
            w = t1 - t0
            self.set_visible_range(x - w / 2, x + w / 2)
        vb = self.viewbox
        if not (vb.top <= row < vb.top + vb.visible_rows() - 1):
            vb.scroll_to_row(row - vb.visible_rows() / 2)
        return True

    def _entry_center(self, milestone_id: str) -> tuple[float, float] | None:
        idx = self.index_of(milestone_id)
        if idx is None or self.layout_data is None:
            return None
        lay = self.layout_data
        if self._cursor is not None and 0 <= self._cursor < len(lay) and int(lay.item[self._cursor]) == idx:
            e = self._cursor  # the entry the keyboard is on
        else:  # prefer an entry whose row is on screen
            vb = self.viewbox
            e = nav.entry_of_item(lay, idx, (vb.top, vb.top + vb.visible_rows()))
            if e is None:
                return None
        x0, x1 = float(lay.x0[e]), float(max(lay.x0[e], lay.x1[e]))
        return (x0 + x1) / 2, float(lay.row[e]) + 0.5

    def milestone_scene_pos(self, milestone_id) -> QPointF | None:
        """Centre of the milestone's mark in this widget's coordinates (None if not shown).

        To click it in a test: ``target = w.childAt(p.toPoint())`` is the view's
        viewport; send the click there at ``target.mapFrom(w, p.toPoint())``.
        """
        c = self._entry_center(milestone_id)
        if c is None:
            return None
        scene = self.viewbox.mapViewToScene(QPointF(*c))
        vp = self.view.mapFromScene(scene)
        return QPointF(self.view.viewport().mapTo(self, vp))

    # -- theme ------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self._theme = get_theme(name)
        self._apply_theme()

    def _apply_theme(self) -> None:
        th = self._theme
        self.view.setBackground(th.background)
        set_plot_theme(self._plot, th)
        self.legend.set_theme(th)
        self.update()  # the focus frame's margin

    def _kept(self, what: str, need: float, *also) -> float:
        """``need``, or more: while one dataset is shown grouped one way (and ``also`` is unchanged) the
        lane names' column and the legend grow but never shrink, so a filter change does not resize
        the plot (which would move the time axis and repaint the window again)."""
        key = (self.roadmap, getattr(self.layout_data, "group_by", None), *also)
        seen = self._kept_sizes.get(what)
        if seen is not None and seen[0][0] is key[0] and seen[0][1:] == key[1:]:
            need = max(need, seen[1])
        self._kept_sizes[what] = (key, need)
        return need

    def _fit_lane_axis(self) -> None:
        """The lane names' column: as wide as the names need, at most about a quarter of a narrow timeline."""
        axis = self._plot.getAxis("left")
        cap = max(LANE_AXIS_MIN_PX, LANE_AXIS_SHARE * self.view.width())
        axis.setWidth(int(min(self._kept("lane names", axis.preferred_width()), cap)))

    def show_legend_popup(self) -> LegendPopup:
        """The whole legend above the folded one, at most legend_popup.MAX_SHARE of the window tall."""
        if self.legend_popup is not None:
            self.legend_popup.close()
            self.legend_popup.deleteLater()
        rect = self.view.mapFromScene(self.legend.sceneBoundingRect()).boundingRect()
        top_left = self.view.mapToGlobal(rect.topLeft())
        from nevroadmap.gui.legend_popup import MAX_SHARE, LegendPopup  # its first use: not needed to start

        max_h = int(self.window().height() * MAX_SHARE)
        # a child of the window, not of the timeline: the timeline's keys (Esc: clear selection) stay out of it
        self.legend_popup = LegendPopup(self.window(), self.legend.entries, self._theme, max(rect.width(), 240), max_h)
        self.legend_popup.show_above(top_left)
        return self.legend_popup

    def _fit_legend(self) -> None:
        w = max(self.view.width() - 20, 200)
        h = self._kept("legend", self.legend.height_for(w) + 8, w) if self.legend.isVisible() else 0
        self.legend.setMaximumHeight(h)
        self.legend.setMinimumHeight(h)

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        self._fit_legend()
        if self.layout_data is not None:
            self._fit_lane_axis()

    def _on_view_resized(self) -> None:
        if self._auto_fit and self.layout_data is not None:  # still the whole roadmap: at the new width
            self._fit_time()

    # -- focus frame ---------------------------------------------------------------------
    def focusInEvent(self, ev) -> None:  # noqa: N802
        super().focusInEvent(ev)
        self.update()

    def focusOutEvent(self, ev) -> None:  # noqa: N802
        super().focusOutEvent(ev)
        self.update()

    def has_focus_frame(self) -> bool:
        return self.hasFocus()

    def paintEvent(self, ev) -> None:  # noqa: N802
        """The margin around the view: the highlight colour while the timeline has the keyboard focus."""
        p = QPainter(self)
        pal = self.palette()
        color = pal.color(QPalette.ColorRole.Highlight) if self.hasFocus() else QColor(self._theme.background)
        pen = QPen(color, FOCUS_FRAME_PX)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        p.setPen(pen)
        half = FOCUS_FRAME_PX / 2
        p.drawRect(QtCore.QRectF(self.rect()).adjusted(half, half, -half, -half))
        p.end()

    # -- navigation -----------------------------------------------------------------------
    def fit_all(self) -> None:
        """The whole roadmap: every bar, and room for the labels of the last items (measured in their font).

        The fit holds until the user zooms or pans: a resize (a dock opened, the window maximised) fits again.
        """
        self._fit_time()
        self.viewbox.scroll_to_row(0)

    def _fit_time(self) -> None:
        self._fitting = True
        try:
            self._fit_time_range()
        finally:
            self._fitting = False
        self._auto_fit = True

    def _fit_time_range(self) -> None:
        if self.layout_data is not None and len(self.layout_data):
            width = self.viewbox.width() if self.viewbox.width() > 50 else max(self.width() - 200, 400)
            lo, hi = fit_window(self.layout_data, self.roadmap, width, self._theme.font(self._theme.label_px))
        else:
            lo, hi = 2020.0 - 0.45, 2035.0 + 0.45
        if hi - lo > MAX_SPAN_YEARS:  # very wide data: show the 60 years around today and the bulk
            c = float(np.median(self.layout_data.x0)) if self.layout_data is not None else (lo + hi) / 2
            lo, hi = c - MAX_SPAN_YEARS / 2, c + MAX_SPAN_YEARS / 2
        self.set_visible_range(lo, hi)

    def zoom(self, factor: float, center: float | None = None) -> None:
        self.viewbox.zoom_time(factor, center)

    def pan(self, fraction: float) -> None:
        self.viewbox.pan_time(fraction)

    def scroll_rows(self, rows: float) -> None:
        self.viewbox.scroll_rows(rows)

    def scroll_page(self, pages: float) -> None:
        """Scroll by whole screens of lanes (one row of overlap)."""
        self.viewbox.scroll_rows(pages * max(self.viewbox.visible_rows() - 1, 1))

    def visible_range(self) -> tuple[float, float]:
        return self.viewbox.time_range()

    def set_visible_range(self, t0: float, t1: float) -> None:
        self._has_range = True
        self.viewbox.set_time_range(t0, t1)  # clamped to the zoom limits there

    # -- slots ----------------------------------------------------------------------------
    def _on_x_range(self, _vb, rng) -> None:
        if not self._fitting:
            self._auto_fit = False  # the user moved: a resize keeps their window
        self.sigRangeChanged.emit(float(rng[0]), float(rng[1]))

    def _sync_scrollbar(self) -> None:
        vb = self.viewbox
        top_max = vb.max_top()
        sb = self.scrollbar
        with QtCore.QSignalBlocker(sb):
            sb.setRange(0, int(round(top_max * _SCROLL_STEPS)))
            sb.setPageStep(max(1, int(vb.visible_rows() * _SCROLL_STEPS)))
            sb.setSingleStep(_SCROLL_STEPS)
            sb.setValue(int(round(vb.top * _SCROLL_STEPS)))
        sb.setVisible(top_max > 0)

    def _on_scrollbar(self, value: int) -> None:
        self.viewbox.scroll_to_row(value / _SCROLL_STEPS)

    def _on_item_clicked(self, index: int) -> None:
        self.setFocus(Qt.MouseFocusReason)
        if index < 0 or self.roadmap is None:
            self.sigMilestoneClicked.emit("")
        else:
            self.sigMilestoneClicked.emit(self.roadmap.milestones[index].id)

    def _on_lane_clicked(self, lane_index: int) -> None:
        lay = self.layout_data
        if lay is None or lay.group_by != "company" or not (0 <= lane_index < len(lay.lanes)):
            return
        key = lay.lanes[lane_index].key
        if key != NO_ORG_KEY:
            self.sigOrganizationClicked.emit(key)
