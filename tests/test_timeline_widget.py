"""TimelineWidget: navigation bounds, clicks, keyboard, selection."""

import pytest
from PySide6 import QtCore
from PySide6.QtCore import Qt

from nevroadmap.core.layout import LayoutEngine
from nevroadmap.core.loader import load
from nevroadmap.gui.timeline_widget import TimelineWidget
from nevroadmap.render.synthetic import synthetic_roadmap
from nevroadmap.render.timeline_view import MAX_SPAN_YEARS, MIN_SPAN_YEARS

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def widget(qtbot):
    rm = synthetic_roadmap(400, seed=2)
    lay = LayoutEngine(rm, 0.03).layout("technology")
    w = TimelineWidget(theme="light")
    qtbot.addWidget(w)
    w.resize(1000, 600)
    w.show()
    qtbot.waitExposed(w)
    w.set_data(rm, lay)
    return w


def test_zoom_and_pan_change_the_window_and_are_bounded(widget, qtbot):
    widget.set_visible_range(2020.0, 2030.0)
    t0, t1 = widget.visible_range()
    assert (t0, t1) == pytest.approx((2020.0, 2030.0), abs=1e-6)
    with qtbot.waitSignal(widget.sigRangeChanged):
        widget.zoom(2.0, center=2022.0)
    t0, t1 = widget.visible_range()
    assert t1 - t0 == pytest.approx(5.0, rel=1e-6)
    assert t0 == pytest.approx(2021.0, abs=1e-6)  # the centre keeps its place on screen
    widget.pan(0.5)
    assert widget.visible_range()[0] == pytest.approx(2023.5, abs=1e-6)
    for _ in range(30):
        widget.zoom(3.0)
    t0, t1 = widget.visible_range()
    assert t1 - t0 == pytest.approx(MIN_SPAN_YEARS, rel=1e-3)
    for _ in range(30):
        widget.zoom(1 / 3.0)
    t0, t1 = widget.visible_range()
    assert t1 - t0 == pytest.approx(MAX_SPAN_YEARS, rel=1e-3)


def test_rows_keep_their_height_and_scroll(widget):
    vb = widget.viewbox
    y0, y1 = vb.viewRange()[1]
    rows_visible = y1 - y0
    assert rows_visible == pytest.approx(vb.height() / 24, rel=0.01)
    assert widget.layout_data.n_rows > rows_visible  # there is something to scroll
    widget.scroll_rows(5)
    assert vb.viewRange()[1][0] == pytest.approx(5.0)
    widget.scroll_rows(-100)
    assert vb.viewRange()[1][0] == pytest.approx(0.0)
    widget.scroll_rows(10_000)
    assert vb.viewRange()[1][1] == pytest.approx(widget.layout_data.n_rows, abs=1e-6)
    widget.zoom(2.0)  # zooming time leaves rows alone
    assert vb.viewRange()[1][1] - vb.viewRange()[1][0] == pytest.approx(rows_visible, rel=1e-6)


def test_keyboard_navigation(widget, qtbot):
    # the widget handles no keys itself: its keys are the action table's timeline rows
    from PySide6.QtWidgets import QApplication

    from nevroadmap.gui.actions import build_actions

    acts = build_actions(widget, {"timeline": widget})
    assert set(acts) == {"fit", "zoom_in", "zoom_out", "pan_left", "pan_right", "scroll_up", "scroll_down",
                         "page_up", "page_down", "next_in_lane", "prev_in_lane", "row_below", "row_above",
                         "next_in_time", "prev_in_time", "open_details", "clear_selection"}
    assert all(a.shortcutContext() == Qt.WidgetWithChildrenShortcut for a in acts.values())
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)
    widget.set_visible_range(2020.0, 2030.0)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key_Plus)
    t0, t1 = widget.visible_range()
    assert t1 - t0 < 10.0
    w = t1 - t0
    qtbot.keyClick(widget, Qt.Key_Right, Qt.ControlModifier)  # Ctrl+arrows pan (bare arrows select)
    assert widget.visible_range()[0] == pytest.approx(t0 + 0.2 * w, abs=1e-6)
    qtbot.keyClick(widget, Qt.Key_Minus)
    assert widget.visible_range()[1] - widget.visible_range()[0] > w
    qtbot.keyClick(widget, Qt.Key_PageDown)
    assert widget.viewbox.viewRange()[1][0] > 0
    qtbot.keyClick(widget, Qt.Key_Home)
    assert widget.viewbox.viewRange()[1][0] == 0
    lo, hi = widget.layout_data.x_range
    t0, t1 = widget.visible_range()
    assert t0 <= lo and t1 >= min(hi, t0 + MAX_SPAN_YEARS)


def test_click_on_item_emits_its_id(qtbot):
    rm = load(FIXTURES / "fictional.yaml")
    lay = LayoutEngine(rm).layout("technology")
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(900, 400)
    w.show()
    qtbot.waitExposed(w)
    w.set_data(rm, lay)
    w.set_visible_range(2025.0, 2030.0)
    assert w.shown_milestone_ids() == ["m1"]
    assert w.visible_milestone_ids() == ["m1"]
    p = w.milestone_scene_pos("m1")
    assert p is not None
    target = w.childAt(p.toPoint())
    local = target.mapFrom(w, p.toPoint())
    with qtbot.waitSignal(w.sigMilestoneClicked) as sig:
        qtbot.mouseClick(target, Qt.LeftButton, pos=local)
    assert sig.args == ["m1"]
    # background click: empty id
    far = target.mapFrom(w, QtCore.QPoint(int(p.x()) + 300, int(p.y()) + 150))
    with qtbot.waitSignal(w.sigMilestoneClicked) as sig:
        qtbot.mouseClick(target, Qt.LeftButton, pos=far)
    assert sig.args == [""]
    # out of view after panning away
    w.set_visible_range(2040.0, 2045.0)
    assert w.visible_milestone_ids() == []


def test_selection_and_theme_do_not_lose_data(widget):
    mid = widget.shown_milestone_ids()[0]
    widget.set_selection(mid)
    assert widget.timeline_item.selected == widget.roadmap.milestones.index(widget.roadmap.milestone_by_id[mid])
    widget.set_selection(None)
    assert widget.timeline_item.selected == -1
    widget.set_theme("dark")
    assert widget.viewbox.state["background"] is not None
    before = widget.visible_range()
    widget.set_data(widget.roadmap, widget.layout_data)  # keeps the window
    assert widget.visible_range() == pytest.approx(before)


def test_company_lane_click_emits_org(qtbot):
    rm = load(FIXTURES / "fictional.yaml")
    lay = LayoutEngine(rm).layout("company")
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(900, 400)
    w.show()
    qtbot.waitExposed(w)
    w.set_data(rm, lay)
    with qtbot.waitSignal(w.sigOrganizationClicked) as sig:
        w.plot_item.getAxis("left").sigLaneClicked.emit(0)
    assert sig.args == ["fictional-motors"]


def test_a_filter_change_does_not_shrink_the_lane_names_column_nor_the_legend(qtbot, open_window):
    """While one dataset is shown grouped one way the lane names' column and the legend keep their
    size: filtering to a few short lanes does not resize the plot (which shifted the bars sideways
    and repainted the window twice per filter change on a big tracker)."""
    from nevroadmap.gui.timeline_widget import LANE_AXIS_MIN_PX, LANE_AXIS_SHARE

    win = open_window(None, size=(1280, 800))
    tl, state = win.timeline, win.state
    qtbot.waitUntil(lambda: tl.item is not None)
    axis = tl._plot.getAxis("left")
    width, legend = axis.width(), tl.legend.maximumHeight()
    shortest = min(state.roadmap.technologies, key=lambda t: len(t.name))
    state.update_filter(technologies=frozenset({shortest.id}))
    qtbot.wait(50)
    assert axis.preferred_width() < width  # its names alone would need less room
    assert axis.width() >= width and tl.legend.maximumHeight() >= legend
    state.set_group_by("company")  # another grouping: its own lanes set the column again
    qtbot.wait(50)
    assert axis.width() == int(min(axis.preferred_width(), max(LANE_AXIS_MIN_PX, LANE_AXIS_SHARE * tl.view.width())))
