"""Remembered work: File > Open Recent, reopening the last dataset on start, filters a new dataset drops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nevroadmap.core.loader import bundled_data_path

FIXTURES = Path(__file__).parent / "fixtures"
FIX = FIXTURES / "gui_roadmap.yaml"
OTHER = FIXTURES / "fictional.yaml"


@pytest.fixture
def window(env, open_window):
    return open_window(FIX)


def open_and_wait(qtbot, w, path) -> None:
    with qtbot.waitSignal(w.sigLoadFinished, timeout=10000) as blocker:
        w.open_path(path)
    assert blocker.args == [True]


def recent_rows(w):
    w.menus["file/recent"].aboutToShow.emit()  # what opening the menu does
    return w.recent.rows()


def test_open_recent_lists_newest_first_and_opens(qtbot, window, env):
    a, b = env / "a.yaml", env / "b.yaml"
    shutil.copy(OTHER, a)
    shutil.copy(FIX, b)
    open_and_wait(qtbot, window, a)
    open_and_wait(qtbot, window, b)
    rows = recent_rows(window)
    assert [r.property("nevroadmapRecentPath") for r in rows] == [str(b), str(a)]
    assert rows[0].text().startswith("&1  b.yaml") and rows[1].text().startswith("&2  a.yaml")
    assert all(r.isEnabled() for r in rows)
    # the submenu holds the paths, then the table's Clear Recent
    menu_actions = [act for act in window.menus["file/recent"].actions() if not act.isSeparator()]
    assert menu_actions == rows + [window.act_clear_recent]
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000):
        rows[1].trigger()
    assert [m.id for m in window.state.roadmap.milestones] == ["m1"]
    assert [r.property("nevroadmapRecentPath") for r in recent_rows(window)] == [str(a), str(b)]


def test_missing_recent_files_are_greyed_and_removed_with_a_message(qtbot, window, env):
    a = env / "gone.yaml"
    shutil.copy(OTHER, a)
    open_and_wait(qtbot, window, a)
    a.unlink()
    (row,) = recent_rows(window)
    assert not row.isEnabled() and "no longer exists" in row.toolTip()
    window.recent.open(str(a))  # (chosen before the menu noticed)
    assert window.recent.paths() == []
    assert "gone.yaml no longer exists; it was removed from Open Recent." in window.message_label.text()
    assert not window.is_loading()


def test_clear_recent_and_at_most_ten(qtbot, window, env):
    for i in range(12):
        window.recent.add(env / f"f{i}.yaml")
    assert len(window.recent.paths()) == 10 and window.recent.paths()[0] == str(env / "f11.yaml")
    assert len(recent_rows(window)) == 10
    window.act_clear_recent.trigger()
    assert recent_rows(window) == [] and window.recent.paths() == []
    assert not window.act_clear_recent.isEnabled()


def test_the_app_reopens_the_last_dataset_with_a_way_back(qtbot, env):
    from nevroadmap.gui.app import build_main_window

    mine = env / "mine.yaml"
    shutil.copy(OTHER, mine)
    first = build_main_window(mine, theme="light", background=False)
    qtbot.addWidget(first)
    assert first.current_path == str(mine)
    first.close()
    second = build_main_window(None, theme="light", background=False)  # a new start, same settings folder
    qtbot.addWidget(second)
    assert second.current_path == str(mine) and [m.id for m in second.state.roadmap.milestones] == ["m1"]
    assert second.message_label.text() == f"Reopened {mine}"
    way_back = second.status_bar.message_action  # the way back, right beside the message
    assert not way_back.isHidden() and way_back.defaultAction() is second.act_open_bundled
    with qtbot.waitSignal(second.sigLoadFinished, timeout=10000):
        way_back.click()
    assert Path(second.state.roadmap.origin) == bundled_data_path()
    assert way_back.isHidden()  # the message that offered it is gone
    second.close()
    # an explicit path on the command line wins over the last dataset
    third = build_main_window(FIX, theme="light", background=False)
    qtbot.addWidget(third)
    assert third.current_path == str(FIX)
    third.close()


def test_no_reopen_when_the_last_dataset_is_gone(qtbot, env):
    from nevroadmap.gui.app import build_main_window

    mine = env / "mine.yaml"
    shutil.copy(OTHER, mine)
    build_main_window(mine, theme="light", background=False).close()
    mine.unlink()
    w = build_main_window(None, theme="light", background=False)
    qtbot.addWidget(w)
    assert Path(w.state.roadmap.origin) == bundled_data_path() and w.problems_dialog is None
    w.close()


def test_filters_that_match_nothing_in_a_new_dataset_are_dropped_and_named(qtbot, window):
    st = window.state
    st.update_filter(organizations=frozenset({"imaginary-cells", "fictional-motors"}),
                     technologies=frozenset({"sodium-ion"}))
    open_and_wait(qtbot, window, OTHER)
    assert st.filter.organizations == {"fictional-motors"} and st.filter.technologies == frozenset()
    msg = window.message_label.text()
    assert "2 filters dropped, not in this dataset: Imaginary Cells (invented), Sodium-ion cells." in msg
    assert "Fictional Motors" not in msg.split("not in this dataset:")[1]
