"""Working from the keyboard: walking the milestones, details, search Enter and F3, focus, names, Tab order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QWidget

from nevroadmap.core import navigation as nav
from nevroadmap.core.layout import LayoutEngine
from nevroadmap.core.loader import load
from nevroadmap.gui.accessibility import tab_chain

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"


@pytest.fixture
def window(qtbot, open_window):
    w = open_window(FIX, size=(1400, 800), active=True)
    w.timeline.setFocus()
    qtbot.waitUntil(w.timeline.hasFocus, timeout=3000)
    return w


def time_ordered_ids(w) -> list[str]:
    """The milestones shown, in the order a reader meets them: by start, then row (computed here, not by nav)."""
    lay = w.state.layout
    rows = sorted(zip(lay.x0.tolist(), lay.row.tolist(), lay.item.tolist()))
    out = []
    for _x, _r, it in rows:
        mid = w.state.roadmap.milestones[it].id
        if mid not in out:
            out.append(mid)
    return out


# -- the pure navigation ---------------------------------------------------------------------------
def test_navigation_steps_in_time_along_a_lane_and_across_rows():
    rm = load(FIX)
    lay = LayoutEngine(rm).layout("technology")
    order = nav.time_order(lay)
    assert np.all(np.diff(lay.x0[order]) >= 0)
    first = int(order[0])
    assert nav.step_in_time(lay, first, 1) == int(order[1])
    assert nav.step_in_time(lay, int(order[1]), -1) == first
    assert nav.step_in_time(lay, int(order[-1]), 1) is None  # past the end
    # along a lane: the same lane, later start
    for e in range(len(lay)):
        nxt = nav.step_in_lane(lay, e, 1)
        if nxt is not None:
            assert lay.lane[nxt] == lay.lane[e] and lay.x0[nxt] >= lay.x0[e]
    # across: the next row that has entries, nearest in time
    e0 = int(np.flatnonzero(lay.row == lay.row.min())[0])
    below = nav.step_across(lay, e0, 1)
    assert below is not None and lay.row[below] == min(r for r in lay.row.tolist() if r > lay.row[e0])
    assert nav.step_across(lay, e0, -1) is None
    items = nav.items_in_time(lay)
    assert len(items) == len(set(items.tolist())) == len(rm.milestones)
    assert nav.step_item(items, int(items[-1]), 1) == int(items[0])  # F3 wraps round
    assert nav.step_item(items, None, -1) == int(items[-1])


# -- the timeline's keys ----------------------------------------------------------------------------
def test_tab_and_right_walk_the_milestones_in_time(qtbot, window):
    tl = window.timeline
    expected = time_ordered_ids(window)
    qtbot.keyClick(tl, Qt.Key.Key_Tab)
    assert window.state.selected_milestone == expected[0]
    assert tl.hasFocus()  # Tab moved the selection, not the focus
    qtbot.keyClick(tl, Qt.Key.Key_Tab)
    assert window.state.selected_milestone == expected[1]
    qtbot.keyClick(tl, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.state.selected_milestone == expected[0]
    # Right: the next milestone in time in the same lane
    lay = window.state.layout
    rm = window.state.roadmap
    window.state.select_milestone("ic-solid-deadline")  # by 2026, solid-state lane; the pilot line (2027) follows
    qtbot.keyClick(tl, Qt.Key.Key_Right)
    assert window.state.selected_milestone == "fm-solid-pilot"
    qtbot.keyClick(tl, Qt.Key.Key_Left)
    assert window.state.selected_milestone == "ic-solid-deadline"
    # Down: a milestone in the row below
    row = int(lay.row[np.flatnonzero(lay.item == [m.id for m in rm.milestones].index("ic-solid-deadline"))[0]])
    qtbot.keyClick(tl, Qt.Key.Key_Down)
    now = window.state.selected_milestone
    assert now != "ic-solid-deadline"
    now_row = int(lay.row[np.flatnonzero(lay.item == [m.id for m in rm.milestones].index(now))[0]])
    assert now_row > row
    qtbot.keyClick(tl, Qt.Key.Key_Up)
    assert window.state.selected_milestone in ("ic-solid-deadline", "fm-solid-pilot")


def test_the_view_follows_the_keyboard(qtbot, window):
    tl = window.timeline
    window.state.select_milestone("ic-solid-deadline")
    tl.set_visible_range(2010.0, 2012.0)  # nothing in view
    qtbot.keyClick(tl, Qt.Key.Key_Right)  # to the next in its lane: off screen, so the view pans to it
    sel = window.state.selected_milestone
    assert sel == "fm-solid-pilot"
    t0, t1 = tl.visible_range()
    x, _row = tl._entry_center(sel)
    assert t0 <= x <= t1
    assert t1 - t0 == pytest.approx(2.0, abs=1e-6)  # the zoom is kept


def test_enter_opens_the_details_and_escape_clears(qtbot, window):
    tl = window.timeline
    window.details_dock.hide()
    qtbot.keyClick(tl, Qt.Key.Key_Tab)
    mid = window.state.selected_milestone
    assert mid
    qtbot.keyClick(tl, Qt.Key.Key_Return)
    assert window.details_dock.isVisible()
    qtbot.waitUntil(window.details_panel.browser.hasFocus, timeout=3000)
    assert window.state.roadmap.milestone_by_id[mid].title in window.details_panel.text()
    tl.setFocus()
    qtbot.waitUntil(tl.hasFocus, timeout=3000)
    qtbot.keyClick(tl, Qt.Key.Key_Escape)
    assert window.state.selection is None


def test_search_enter_jumps_to_the_first_match_and_f3_walks_them(qtbot, window):
    search = window.filter_panel.search
    window.act_find.trigger()
    assert search.hasFocus()
    qtbot.keyClicks(search, "Fictional")  # typing F types it
    assert search.text() == "Fictional"
    qtbot.keyClick(search, Qt.Key.Key_Return)
    shown = time_ordered_ids(window)
    assert set(shown) == {"fm-solid-pilot", "fm-mw-charging"}  # the search keeps its matches
    assert window.state.selected_milestone == shown[0]
    assert search.hasFocus()  # the user may refine the search
    qtbot.keyClick(search, Qt.Key.Key_F3)
    assert window.state.selected_milestone == shown[1]
    qtbot.keyClick(search, Qt.Key.Key_F3)
    assert window.state.selected_milestone == shown[0]  # wraps round
    qtbot.keyClick(search, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.state.selected_milestone == shown[1]
    x, _ = window.timeline._entry_center(shown[1])
    t0, t1 = window.timeline.visible_range()
    assert t0 <= x <= t1


def test_the_timeline_shows_its_focus(qtbot, window):
    tl = window.timeline
    hi = tl.palette().color(QPalette.ColorRole.Highlight)
    img = tl.grab().toImage()
    assert QColor(img.pixel(0, tl.height() // 2)) == hi
    window.filter_panel.search.setFocus()
    qtbot.waitUntil(lambda: not tl.hasFocus(), timeout=3000)
    img = tl.grab().toImage()
    assert QColor(img.pixel(0, tl.height() // 2)) != hi


def test_every_control_has_a_name_and_tab_visits_them_in_order(qtbot, window):
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus or w.focusProxy() is not None:
            continue
        if isinstance(w, QAbstractButton) and w.text():
            continue
        if w.objectName() == "qt_scrollarea_viewport" or type(w).__name__ in ("QScrollBar",):
            continue
        assert w.accessibleName(), f"{type(w).__name__} {w.objectName()!r} has no accessible name"
    chain = tab_chain(window)
    for a, b in zip(chain, chain[1:]):
        nxt = a.nextInFocusChain()
        while nxt is not b and nxt.focusPolicy() == Qt.FocusPolicy.NoFocus or nxt.focusProxy() is not None:
            nxt = nxt.nextInFocusChain()
        assert nxt is b, f"Tab after {a.accessibleName()!r} goes to {nxt.accessibleName()!r}"


def test_tab_past_the_last_milestone_leaves_the_timeline(qtbot, window):
    tl = window.timeline
    last = time_ordered_ids(window)[-1]
    window.state.select_milestone(last)
    qtbot.keyClick(tl, Qt.Key.Key_Tab)
    assert window.state.selected_milestone == last
    qtbot.waitUntil(lambda: not tl.hasFocus(), timeout=3000)  # no keyboard trap


def test_the_shortcut_help_lists_the_walking_keys(window):
    from nevroadmap.gui.actions import shortcut_rows

    rows = {what: keys for _title, group in shortcut_rows(window.actions_by_id) for keys, what in group}
    assert rows["Next Milestone in Time"] == "Tab"
    assert rows["Next Milestone in Lane"] == "Right" and rows["Milestone Below"] == "Down"
    assert rows["Open Details"].startswith("Return") and rows["Clear Selection"] == "Esc"
    assert rows["Pan Later"] == "Ctrl+Right"
    assert "F3" in rows["Find Next"] and "Shift+F3" in rows["Find Previous"]
