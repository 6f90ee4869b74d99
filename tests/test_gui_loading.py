"""DatasetLoader (signals, newest request wins, no thread left) and the window's feedback while loading."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nevroadmap.core.loader import RoadmapError, load

FIXTURES = Path(__file__).parent / "fixtures"
GUI_FIX = FIXTURES / "gui_roadmap.yaml"
OTHER = FIXTURES / "fictional.yaml"


@pytest.fixture
def loader(qtbot):
    from nevroadmap.gui.dataset_loader import DatasetLoader
    from nevroadmap.gui.state import AppState

    ld = DatasetLoader(AppState())
    log: list[tuple] = []
    ld.sigStarted.connect(lambda p: log.append(("started", p)))
    ld.sigProgress.connect(lambda p, stage: log.append(("progress", p, stage)))
    ld.sigLoaded.connect(lambda p, prepared: log.append(("loaded", p, prepared)))
    ld.sigFailed.connect(lambda p, problems: log.append(("failed", p, problems)))
    ld.sigCrashed.connect(lambda p, exc: log.append(("crashed", p, exc)))
    ld.sigBusy.connect(lambda on: log.append(("busy", on)))
    ld.log = log
    yield ld
    ld.shutdown()


def broken_file(tmp_path) -> Path:
    bad = tmp_path / "broken.yaml"
    bad.write_text(GUI_FIX.read_text(encoding="utf-8").replace("status: forecast", "status: maybe"), encoding="utf-8")
    return bad


def kinds(log) -> list[str]:
    return [e[0] if e[0] != "busy" else f"busy:{e[1]}" for e in log]


def no_loader_threads() -> bool:
    return not any(t.name.startswith("nevroadmap-load") for t in threading.enumerate())


def test_good_file_emits_started_progress_loaded(qtbot, loader):
    loader.load(OTHER)
    assert kinds(loader.log) == ["started", "busy:True"]  # at once, before the worker is done
    assert loader.is_busy()
    qtbot.waitUntil(lambda: not loader.is_busy(), timeout=10000)
    assert kinds(loader.log) == ["started", "busy:True", "progress", "progress", "loaded", "busy:False"]
    assert [e[2] for e in loader.log if e[0] == "progress"] == ["reading", "preparing"]
    _, path, prepared = loader.log[4]
    assert path == str(OTHER)
    assert [m.id for m in prepared.roadmap.milestones] == ["m1"]


def test_broken_file_emits_failed_with_every_problem(qtbot, loader, tmp_path):
    bad = broken_file(tmp_path)
    loader.load(bad)
    qtbot.waitUntil(lambda: not loader.is_busy(), timeout=10000)
    assert kinds(loader.log)[-2:] == ["failed", "busy:False"]
    _, path, problems = loader.log[-2]
    with pytest.raises(RoadmapError) as err:
        load(bad)
    assert path == str(bad) and problems == [str(p) for p in err.value.problems]
    assert any("'maybe'" in p for p in problems)


def test_newest_request_wins(qtbot, loader, tmp_path):
    loader.load(broken_file(tmp_path))
    loader.load(OTHER)  # replaces the first: its result is dropped, good or bad
    qtbot.waitUntil(lambda: not loader.is_busy(), timeout=10000)
    qtbot.wait(50)  # anything late from the first request would arrive now
    assert [e[0] for e in loader.log if e[0] in ("loaded", "failed")] == ["loaded"]
    assert loader.log[-2][1] == str(OTHER)
    assert kinds(loader.log).count("busy:True") == 1 and kinds(loader.log).count("busy:False") == 1


def test_shutdown_leaves_no_thread(qtbot, loader):
    loader.load(OTHER)
    loader.load(GUI_FIX)
    loader.shutdown()
    assert no_loader_threads()
    assert not loader.is_busy() and kinds(loader.log)[-1] == "busy:False"
    qtbot.wait(50)
    assert not any(e[0] == "loaded" for e in loader.log)  # nothing delivered after shutdown


def test_load_in_the_foreground(loader):
    loader.load(OTHER, background=False)
    assert kinds(loader.log) == ["started", "busy:True", "progress", "progress", "loaded", "busy:False"]
    assert no_loader_threads()


# -- the window while loading ----------------------------------------------------------
@pytest.fixture
def window(open_window):
    return open_window(GUI_FIX)


def test_progress_is_shown_while_loading_and_the_roadmap_stays_usable(qtbot, window):
    before = window.state.roadmap
    window.open_path(OTHER)
    # the worker's result is queued: until the event loop runs, the load is in progress
    assert window.is_loading()
    assert window.progress.isVisible()
    assert window.message_label.text() == "Loading fictional.yaml…"
    assert window.timeline.cursor().shape() == Qt.CursorShape.BusyCursor
    assert window.timeline.view.viewport().cursor().shape() == Qt.CursorShape.BusyCursor  # over the plot
    assert window.filter_panel.cursor().shape() != Qt.CursorShape.BusyCursor
    assert window.state.roadmap is before
    t0, t1 = window.timeline.visible_range()
    window.act_zoom_in.trigger()  # the old roadmap still answers
    assert window.timeline.visible_range()[1] - window.timeline.visible_range()[0] < t1 - t0
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        pass
    assert blocker.args == [True]
    assert not window.progress.isVisible() and not window.is_loading()
    assert window.timeline.cursor().shape() != Qt.CursorShape.BusyCursor
    assert window.message_label.text().startswith("Loaded ")
    assert set(window.timeline.shown_milestone_ids()) == {"m1"}


def test_failed_load_keeps_the_roadmap_and_clears_the_indicator(qtbot, window, tmp_path):
    before = window.state.roadmap
    shown = set(window.timeline.shown_milestone_ids())
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        window.open_path(broken_file(tmp_path))
        assert window.progress.isVisible()
    assert blocker.args == [False]
    assert window.problems_dialog is not None and window.problems_dialog.isVisible()
    assert "The roadmap shown was not changed." in window.problems_dialog.summary.text()
    assert window.state.roadmap is before and set(window.timeline.shown_milestone_ids()) == shown
    assert not window.progress.isVisible()
    assert window.timeline.cursor().shape() != Qt.CursorShape.BusyCursor
    assert window.message_label.text() == ""


def test_closing_the_window_while_loading_leaves_no_thread(qtbot, window):
    window.open_path(OTHER)
    window.close()
    assert no_loader_threads()


def test_unexpected_error_goes_to_the_exception_hook(qtbot, window, monkeypatch):
    import sys

    from nevroadmap.gui import dataset_loader

    def broken_prepare(*a, **k):
        raise RuntimeError("fictional bug in prepare")

    monkeypatch.setattr(dataset_loader, "prepare", broken_prepare)
    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: reported.append(str(e)))
    before = window.state.roadmap
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        window.open_path(OTHER)
    assert blocker.args == [False] and reported == ["fictional bug in prepare"]
    assert window.state.roadmap is before and not window.progress.isVisible()


def test_the_loading_bar_moves_a_few_times_a_second_and_stops_with_the_load(qtbot, window):
    """The bar fills step by step while a load lasts (Qt's own busy bar repaints constantly on the
    GUI thread, which slowed the loading thread down); it stops when the load ends."""
    from nevroadmap.gui.status_bar import PULSE_MS, PULSE_STEPS

    bar = window.status_bar
    bar.show_busy("Loading a fictional file…")
    assert bar.progress.maximum() == PULSE_STEPS and bar._pulse.isActive() and bar._pulse.interval() == PULSE_MS
    seen = {bar.progress.value()}
    qtbot.waitUntil(lambda: seen.add(bar.progress.value()) or len(seen) >= 3, timeout=3000)
    bar.clear_busy()
    assert not bar._pulse.isActive() and not bar.progress.isVisible()
