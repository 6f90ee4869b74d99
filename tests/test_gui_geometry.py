"""Where the window opens: the first window fits the screen; a restored window that no longer fits comes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from nevroadmap.core.loader import load
from nevroadmap.gui import window_geometry as wg
from nevroadmap.gui.window_geometry import bring_on_screen, dock_widths, initial_geometry

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"
SMALL = QRect(0, 0, 1280, 720 - 40)  # a 1280x720 screen less a task bar
BIG = QRect(0, 0, 2560, 1440)


def test_first_window_fits_a_small_screen():
    r = initial_geometry(SMALL)
    assert SMALL.contains(r)
    assert r.width() < 1280 and r.height() < 680
    assert r.center().x() == pytest.approx(SMALL.center().x(), abs=1)


def test_first_window_on_a_big_screen_has_the_preferred_size_centred():
    r = initial_geometry(BIG.translated(1920, 0))  # a second monitor to the right
    assert r.size() == QSize(1600, 1000)
    assert r.center().x() == pytest.approx(1920 + 1280, abs=1)


def test_tiny_screen_never_gets_a_window_larger_than_itself():
    tiny = QRect(0, 0, 600, 380)
    assert tiny.contains(initial_geometry(tiny))


def test_restored_geometry_that_fits_is_kept():
    frame = QRect(100, 50, 1000, 600)
    assert bring_on_screen(frame, [SMALL]) == frame
    assert bring_on_screen(frame, []) == frame  # no screen known: leave it


def test_window_on_an_unplugged_monitor_comes_back():
    frame = QRect(3000, 200, 1200, 800)  # it was on a monitor right of a 1920 one
    r = bring_on_screen(frame, [QRect(0, 0, 1920, 1040)])
    assert QRect(0, 0, 1920, 1040).contains(r) and r.size() == frame.size()


def test_window_larger_than_the_screen_shrinks_onto_it():
    r = bring_on_screen(QRect(0, 0, 1600, 1000), [SMALL])
    assert SMALL.contains(r) and r.size() == SMALL.size()


def test_title_bar_above_the_screen_comes_back():
    r = bring_on_screen(QRect(100, -500, 800, 600), [SMALL])
    assert SMALL.contains(r)


def test_window_on_the_second_screen_stays_there():
    screens = [QRect(0, 0, 1920, 1040), QRect(1920, 0, 1280, 680)]
    frame = QRect(2000, 50, 1000, 600)
    assert bring_on_screen(frame, screens) == frame
    r = bring_on_screen(QRect(2000, 50, 1600, 1000), screens)  # too big for the second: shrunk there
    assert screens[1].contains(r)


def test_docks_leave_the_timeline_most_of_a_small_window():
    f, d = dock_widths(1177)
    assert f + d <= 0.46 * 1177
    assert dock_widths(1600) == (270, 390)


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    def _make(screens):
        monkeypatch.setattr(wg, "_available_rects", lambda: list(screens))
        w = MainWindow(AppState(load(FIX)), theme="light")
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    return _make


def test_first_window_on_a_1280x720_screen(make_window):
    w = make_window([SMALL])
    assert SMALL.contains(w.frameGeometry())  # title bar and borders too
    assert w.width() >= 0.8 * SMALL.width() and w.height() >= 0.8 * SMALL.height()  # and uses it
    assert w.timeline.width() >= w.width() / 2  # the timeline keeps most of the window
    w.close()


def test_saved_geometry_off_screen_is_brought_back(make_window):
    w = make_window([BIG])
    w.setGeometry(QRect(1500, 300, 1000, 700))
    w.close()  # saves its geometry
    # now the screen is small (smaller than the offscreen test screen, which Qt itself keeps windows on)
    small = QRect(0, 0, 760, 580)
    w2 = make_window([small])
    assert small.contains(w2.frameGeometry())
    w2.close()


def test_reset_layout_brings_the_docks_back_at_their_start_widths(qtbot, make_window):
    w = make_window([QRect(0, 0, 1600, 1000)])
    f, d = dock_widths(w.width())
    qtbot.waitUntil(lambda: abs(w.details_dock.width() - d) <= 40, timeout=3000)  # the first window too
    w.filter_dock.close()
    w.details_dock.close()
    w.act_reset_layout.trigger()
    assert w.filter_dock.isVisible() and w.details_dock.isVisible()
    qtbot.waitUntil(lambda: abs(w.filter_dock.width() - f) <= 40 and abs(w.details_dock.width() - d) <= 40,
                    timeout=3000)
    assert w.timeline.width() >= w.width() / 2
    w.close()
