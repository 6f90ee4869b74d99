"""Two user-facing fixes: the problems window tells the truth when nothing was shown before a
failed load, and the status bar's way back ([Open Bundled Data]) looks and acts like a button."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QMainWindow

from nevroadmap.core.loader import bundled_data_path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
NOT_CHANGED = "The roadmap shown was not changed."
NOTHING_SHOWN = "No roadmap is shown."


def broken_data_dir(tmp_path: Path) -> Path:
    """A copy of the bundled data folder with a YAML syntax error in one file."""
    data = tmp_path / "broken-data"
    shutil.copytree(REPO / "data", data)
    with open(data / "milestones.yaml", "a", encoding="utf-8") as f:
        f.write("x: [unclosed\n")
    return data


def summary(window) -> str:
    dlg = window.problems_dialog
    assert dlg is not None and dlg.isVisible()
    return dlg.summary.text()


@pytest.fixture
def broken_bundled(tmp_path, monkeypatch) -> Path:
    """The bundled data (a checkout's data/ being edited) has a syntax error."""
    data = broken_data_dir(tmp_path)
    monkeypatch.setattr("nevroadmap.core.loader.bundled_data_path", lambda: data)
    monkeypatch.setattr("nevroadmap.gui.dataset_session.bundled_data_path", lambda: data)
    return data


# -- 1. the problems window at start-up ------------------------------------------------------
def test_a_broken_dataset_at_start_up_without_fallback_says_no_roadmap_is_shown(qtbot, env):
    from nevroadmap.gui.app import build_main_window

    data = broken_data_dir(env)
    w = build_main_window(data, theme="light", fallback=False, background=False)
    qtbot.addWidget(w)
    w.show()
    text = summary(w)
    assert w.state.roadmap.milestones == () and w.windowTitle() == "no data — NEV Roadmap"
    assert NOTHING_SHOWN in text and NOT_CHANGED not in text
    assert "milestones.yaml" in w.problems_dialog.plain_text()
    w.close()


def test_broken_bundled_data_at_start_up_says_no_roadmap_is_shown(qtbot, env, broken_bundled):
    from nevroadmap.gui.app import build_main_window

    w = build_main_window(None, theme="light", background=False)  # no last dataset in env's settings
    qtbot.addWidget(w)
    w.show()
    text = summary(w)
    assert str(broken_bundled) in text
    assert NOTHING_SHOWN in text and NOT_CHANGED not in text
    w.close()


def test_a_broken_file_whose_fallback_is_broken_too_ends_saying_no_roadmap_is_shown(qtbot, env, broken_bundled):
    from nevroadmap.gui.app import build_main_window

    mine = env / "mine.yaml"
    mine.write_text("milestones: [\n", encoding="utf-8")
    w = build_main_window(mine, theme="light", background=False)  # fallback: the bundled data, broken too
    qtbot.addWidget(w)
    w.show()
    text = summary(w)
    assert str(broken_bundled) in text  # the last failure listed is the bundled data's
    assert NOTHING_SHOWN in text
    assert "bundled dataset is shown instead" not in text and NOT_CHANGED not in text
    w.close()


def test_a_broken_file_opened_first_says_no_roadmap_and_later_not_changed(qtbot, env, tmp_path):
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    w = MainWindow(AppState(), theme="light")  # nothing loaded yet
    qtbot.addWidget(w)
    w.show()
    bad = tmp_path / "bad.yaml"
    bad.write_text("milestones: [\n", encoding="utf-8")
    w.open_path(bad, background=False)
    assert NOTHING_SHOWN in summary(w) and NOT_CHANGED not in summary(w)
    w.open_path(FIXTURES / "fictional.yaml", background=False)
    assert [m.id for m in w.state.roadmap.milestones] == ["m1"]
    w.open_path(bad, background=False)  # now a roadmap is shown, and it stays
    assert NOT_CHANGED in summary(w) and NOTHING_SHOWN not in summary(w)
    assert [m.id for m in w.state.roadmap.milestones] == ["m1"]
    w.close()



def test_the_no_roadmap_note_is_translated(qtbot, env, tmp_path, english_after):
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    english_after("zh_CN")
    w = MainWindow(AppState(), theme="light")
    qtbot.addWidget(w)
    bad = tmp_path / "bad.yaml"
    bad.write_text("milestones: [\n", encoding="utf-8")
    w.open_path(bad, background=False)
    assert "当前未显示任何路线图。" in w.problems_dialog.summary.text()
    w.close()

def test_a_startup_fallback_that_works_still_says_the_bundled_data_is_shown(qtbot, env):
    from nevroadmap.gui.app import build_main_window

    w = build_main_window(broken_data_dir(env), theme="light", background=False)
    qtbot.addWidget(w)
    w.show()
    assert "The bundled dataset is shown instead." in summary(w)
    assert Path(w.state.roadmap.origin) == bundled_data_path() and w.state.roadmap.milestones
    w.close()


# -- 2. the status bar's button ----------------------------------------------------------------
@pytest.fixture
def status_bar(qtbot, env):
    from nevroadmap.gui.status_bar import StatusBar

    windows = []  # kept: a window nobody holds is deleted with its status bar

    def make(theme: str = "light"):
        from nevroadmap.gui.palette import apply_theme

        apply_theme(theme)
        win = QMainWindow()
        qtbot.addWidget(win)
        windows.append(win)
        bar = StatusBar(win)
        win.setStatusBar(bar)
        act = QAction("Open &Bundled Data", win)
        act.setToolTip("Show the dataset that comes with NEV Roadmap")
        bar.set_counts("63 of 63 milestones shown")
        bar.flash("Reopened mine.yaml", 0, act)
        win.resize(700, 100)
        win.show()
        qtbot.waitExposed(win)
        return bar, act

    yield make
    from nevroadmap.gui.palette import apply_theme

    apply_theme("light")


def test_the_message_button_looks_and_acts_like_a_button(qtbot, status_bar):
    bar, act = status_bar()
    button = bar.message_action
    assert button.isVisible() and button.text() == "Open Bundled Data"
    assert not button.autoRaise()  # framed at rest, not text that lights up on hover
    assert button.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable with the keyboard
    assert button.toolTip() == "Show the dataset that comes with NEV Roadmap"
    with qtbot.waitSignal(act.triggered, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(act.triggered, timeout=1000):
        qtbot.keyClick(button, Qt.Key.Key_Space)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_message_button_has_a_visible_frame_in_both_themes(status_bar, theme):
    bar, _act = status_bar(theme)
    button = bar.message_action
    window = bar.palette().color(QPalette.ColorRole.Window)
    left, mid_y = button.geometry().left(), button.geometry().center().y()

    def frame_contrast() -> int:  # the most a pixel of the button's left edge differs from the window
        img = bar.grab().toImage()
        return max(sum(abs(a - b) for a, b in zip(img.pixelColor(x, mid_y).getRgb()[:3], window.getRgb()[:3]))
                   for x in range(left, left + 3))

    assert frame_contrast() > 30
    button.setAutoRaise(True)  # what it was: no frame at rest, the probe finds the window colour
    assert frame_contrast() < 10


def test_the_filters_scroll_so_a_short_window_fits_a_laptop_screen(open_window):
    """With the metrics dock across the bottom (a layout saved by earlier versions) the filters' 450 px
    made the window taller than a 720 px screen; the panel now scrolls inside its dock."""
    from PySide6.QtWidgets import QScrollArea

    w = open_window(None, size=(1280, 700))
    scroll = w.filter_dock.widget()
    assert isinstance(scroll, QScrollArea) and scroll.widget() is w.filter_panel
    assert w.filter_dock.minimumSizeHint().height() < 150
    assert w.filter_dock.minimumSizeHint().width() >= w.filter_panel.minimumSizeHint().width()  # never cut sideways
    assert w.minimumSizeHint().height() < 600
