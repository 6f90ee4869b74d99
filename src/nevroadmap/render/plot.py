"""The timeline's plot: view box, calendar axes, lane names and the timeline item, themed together."""

from __future__ import annotations

import pyqtgraph as pg

from nevroadmap.core.glyphs import ROW_PX
from nevroadmap.core.layout import LaneLayout
from nevroadmap.core.model import Roadmap
from nevroadmap.render.axis import LaneLabelAxis, QuietAxis, YearAxis
from nevroadmap.render.theme import Theme, get_theme
from nevroadmap.render.timeline_item import TimelineItem
from nevroadmap.render.timeline_view import TimelineViewBox

__all__ = ["make_plot_item", "build_plot", "set_plot_theme"]


def make_plot_item(theme: Theme | str = "light", row_px: float | None = ROW_PX, top_axis: bool = True) -> pg.PlotItem:
    """A plot with the timeline's view box, calendar axes and lane-name axis."""
    theme = get_theme(theme)
    vb = TimelineViewBox(row_px=row_px)
    axes = {"bottom": YearAxis("bottom", theme), "top": YearAxis("top", theme), "left": LaneLabelAxis(theme),
            "right": QuietAxis("right")}
    plot = pg.PlotItem(viewBox=vb, axisItems=axes)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    if top_axis:
        plot.showAxis("top")
        plot.getAxis("top").setStyle(showValues=True)
    else:
        plot.hideAxis("top")
    plot.getAxis("right").hide()
    plot.layout.setContentsMargins(0, 0, 0, 0)
    return plot


def build_plot(plot_item: pg.PlotItem, roadmap: Roadmap, layout: LaneLayout, theme: Theme | str = "light") -> TimelineItem:
    """Put (or refresh) the timeline of ``roadmap``/``layout`` into a plot from :func:`make_plot_item`."""
    theme = get_theme(theme)
    item = getattr(plot_item, "_timeline_item", None)
    if item is None:
        item = TimelineItem(roadmap, layout, theme)
        plot_item.addItem(item)
        plot_item._timeline_item = item
    else:
        item.set_data(roadmap, layout)
    if getattr(plot_item, "_applied_theme", None) != theme:  # a new look, not each new filter: axes keep their ticks
        set_plot_theme(plot_item, theme)
    lane_axis = plot_item.getAxis("left")
    if isinstance(lane_axis, LaneLabelAxis):
        lane_axis.set_lanes(layout.lanes)
    vb = plot_item.getViewBox()
    if isinstance(vb, TimelineViewBox):
        vb.set_rows(layout.n_rows)
    return item


def set_plot_theme(plot_item: pg.PlotItem, theme: Theme | str) -> None:
    theme = get_theme(theme)
    plot_item._applied_theme = theme
    plot_item.getViewBox().setBackgroundColor(theme.background)
    for name in ("bottom", "top", "left"):
        ax = plot_item.getAxis(name)
        if hasattr(ax, "set_theme"):
            ax.set_theme(theme)
    item = getattr(plot_item, "_timeline_item", None)
    if item is not None:
        item.set_theme(theme)

