"""Live data: a save on disk reloads and keeps the place; broken saves, editor-style saves, F5, drops."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

FIXTURES = Path(__file__).parent / "fixtures"
FIX = FIXTURES / "gui_roadmap.yaml"
OTHER = FIXTURES / "fictional.yaml"
# the GUI fixture and 24 more overlapping fictional milestones: enough rows for the row scroll to move
EXTRA = "".join(f"""  - id: fm-extra-{i}
    title: Fictional extra milestone {i}
    technology: solid-state
    organizations: [fictional-motors]
    when: 2027
    status: planned
""" for i in range(24))
TEXT = FIX.read_text(encoding="utf-8").replace("claims:\n", EXTRA + "claims:\n", 1)


@pytest.fixture
def data(env) -> Path:
    p = env / "work" / "tracker.yaml"
    p.parent.mkdir()
    p.write_text(TEXT, encoding="utf-8")
    return p


class Counts:
    def __init__(self, loader) -> None:
        self.loaded, self.failed = [], []
        loader.sigLoaded.connect(lambda path, prepared: self.loaded.append(path))
        loader.sigFailed.connect(lambda path, problems: self.failed.append(problems))


@pytest.fixture
def window(qtbot, env, data):
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    w = MainWindow(AppState(), theme="light")
    qtbot.addWidget(w)
    w.resize(1000, 300)  # few rows on screen: the row scroll has somewhere to be
    w.filter_dock.hide()
    w.timeline.show_legend(False)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.sigLoadFinished, timeout=10000) as blocker:
        w.open_path(data)
    assert blocker.args == [True]
    w.counts = Counts(w.loader)
    yield w
    w.close()


def title(w, mid="fm-solid-pilot") -> str:
    m = w.state.roadmap.milestone_by_id.get(mid)
    return m.title if m is not None else ""


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def place_the_user(w) -> tuple:
    """Filters, company lanes, a selection and a zoomed, scrolled view: what a reload must keep."""
    st = w.state
    st.update_filter(statuses=frozenset({"planned", "announced", "forecast"}))
    st.set_group_by("company")
    st.select_organization("fictional-motors")  # (history: Back has something to go to)
    st.select_milestone("fm-solid-pilot")
    w.timeline.set_visible_range(2025.5, 2028.25)
    w.timeline.viewbox.scroll_to_row(1)
    return st.filter, w.timeline.visible_range(), w.timeline.viewbox.top


def test_a_save_on_disk_reloads_and_keeps_zoom_filters_lanes_and_selection(qtbot, window, data):
    the_filter, rng, top = place_the_user(window)
    assert top == 1
    edit(data, "Fictional solid-state pilot line", "Fictional solid-state pilot line, edited")
    qtbot.waitUntil(lambda: title(window).endswith(", edited"), timeout=3000)
    st = window.state
    assert st.filter == the_filter and st.group_by == "company" and st.selected_milestone == "fm-solid-pilot"
    assert window.timeline.visible_range() == pytest.approx(rng)
    assert window.timeline.viewbox.top == top
    assert window.counts.loaded == [str(data)] and not window.counts.failed
    assert "Reloaded tracker.yaml" in window.message_label.text()


def test_a_selection_that_is_gone_is_dropped_with_a_note(qtbot, window, data):
    window.state.select_milestone("ic-sodium")
    edit(data, "id: ic-sodium", "id: ic-sodium-renamed")
    edit(data, "supports: [ic-sodium]", "supports: [ic-sodium-renamed]")
    qtbot.waitUntil(lambda: "ic-sodium-renamed" in window.state.roadmap.milestone_by_id, timeout=3000)
    assert window.state.selection is None
    assert "“Imaginary sodium-ion mass production” is no longer in the data" in window.message_label.text()


def test_a_broken_save_keeps_the_last_good_roadmap_and_updates_one_problems_window(qtbot, window, data):
    good = window.state.roadmap
    window.timeline.set_visible_range(2026.0, 2029.0)
    edit(data, "status: forecast", "status: maybe")
    qtbot.waitUntil(lambda: window.problems_dialog is not None and window.problems_dialog.isVisible(), timeout=3000)
    dlg = window.problems_dialog
    assert any(":66: " in p and "'maybe'" in p for p in dlg.problems)
    assert window.state.roadmap is good and window.timeline.visible_range() == pytest.approx((2026.0, 2029.0))
    assert not dlg.isModal()
    # a second broken save: the same window, its list updated in place
    edit(data, "status: maybe", "status: perhaps")
    qtbot.waitUntil(lambda: any("'perhaps'" in p for p in dlg.problems), timeout=3000)
    assert window.problems_dialog is dlg and dlg.isVisible()
    assert not any("'maybe'" in p for p in dlg.problems)
    # fixed: the roadmap reloads, the stale problems go
    edit(data, "status: perhaps", "status: forecast")
    qtbot.waitUntil(lambda: window.state.roadmap is not good, timeout=3000)
    assert not dlg.isVisible()
    assert window.timeline.visible_range() == pytest.approx((2026.0, 2029.0))
    assert len(window.counts.failed) == 2 and len(window.counts.loaded) == 1


def editor_save(path: Path, text: str) -> None:
    """What vim, VS Code and most editors do: write a temporary file, then rename it over the original."""
    tmp = path.with_name(f".{path.name}.swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_an_editor_style_temp_and_rename_save_reloads_exactly_once(qtbot, window, data):
    editor_save(data, TEXT.replace("Fictional megawatt charger network", "Renamed charger network"))
    qtbot.waitUntil(lambda: title(window, "fm-mw-charging") == "Renamed charger network", timeout=3000)
    qtbot.wait(800)  # anything more the rename set off would have reloaded by now
    assert window.counts.loaded == [str(data)]
    # the watch followed the new file: the next save reloads too
    editor_save(data, TEXT.replace("Fictional megawatt charger network", "Renamed again"))
    qtbot.waitUntil(lambda: title(window, "fm-mw-charging") == "Renamed again", timeout=3000)
    assert len(window.counts.loaded) == 2 and not window.counts.failed


def test_truncate_then_write_in_two_steps_never_fails(qtbot, window, data):
    new = TEXT.replace("Imaginary solid-state samples", "Imaginary samples, rewritten")
    with open(data, "w", encoding="utf-8") as fh:  # step 1: truncate (an empty file for a while)
        fh.flush()
        os.fsync(fh.fileno())
        qtbot.wait(700)  # longer than the quiet period: the empty file is seen settled
        fh.write(new[: len(new) // 2])  # step 2 and 3: written in two halves, close together
        fh.flush()
        qtbot.wait(100)
        fh.write(new[len(new) // 2:])
    qtbot.waitUntil(lambda: title(window, "ic-solid-deadline") == "Imaginary samples, rewritten", timeout=3000)
    qtbot.wait(500)
    assert window.counts.failed == [] and window.counts.loaded == [str(data)]


def test_files_in_an_opened_folder_and_its_subfolders_are_watched(qtbot, env):
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    folder = env / "folder"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(OTHER, folder / "sub" / "part.yaml")
    w = MainWindow(AppState(), theme="light")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.sigLoadFinished, timeout=10000):
        w.open_path(folder)
    assert str(folder / "sub") in w.watcher.watched() and str(folder / "sub" / "part.yaml") in w.watcher.watched()
    edit(folder / "sub" / "part.yaml", "title: Fictional solid-state pilot line", "title: Pilot line, edited")
    qtbot.waitUntil(lambda: title(w, "m1") == "Pilot line, edited", timeout=3000)
    w.close()


def test_f5_reload_keeps_the_place(qtbot, window):
    _, rng, top = place_the_user(window)
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        window.act_reload.trigger()
    assert blocker.args == [True]
    assert window.timeline.visible_range() == pytest.approx(rng) and window.timeline.viewbox.top == top
    assert window.state.selected_milestone == "fm-solid-pilot" and window.state.group_by == "company"


def test_opening_another_dataset_shows_it_whole(qtbot, window):
    window.timeline.set_visible_range(2026.0, 2026.5)
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000):
        window.open_path(OTHER)
    shown = window.timeline.visible_range()
    assert shown != pytest.approx((2026.0, 2026.5))
    window.timeline.fit_all()
    assert shown == pytest.approx(window.timeline.visible_range())  # fitted to the new data, not the old zoom
    assert window.watcher.path == str(OTHER)


def mime_with(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def test_a_dropped_file_opens(qtbot, window):
    mime = mime_with(QUrl.fromLocalFile(str(OTHER)))
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        QApplication.sendEvent(window, drop)
    assert blocker.args == [True] and drop.isAccepted()
    assert [m.id for m in window.state.roadmap.milestones] == ["m1"]


def test_a_dropped_web_address_is_refused(qtbot, window):
    mime = mime_with(QUrl("https://example.org/tracker.yaml"))
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    before = window.state.roadmap
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.wait(50)
    assert not window.is_loading() and window.state.roadmap is before


def test_an_imports_warnings_are_said_once_not_on_every_save(qtbot, window, env):
    timeline = env / "work" / "timeline.json"
    timeline.write_text((FIXTURES / "timelinejs_fictional.json").read_text(encoding="utf-8"), encoding="utf-8")
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000):
        window.open_path(timeline)
    dlg = window.problems_dialog
    assert dlg.isVisible() and dlg.warnings and any("month 13" in p for p in dlg.problems)
    dlg.close()  # read them
    before = window.state.roadmap
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace("A made-up pilot line.", "A made-up pilot line, edited."), encoding="utf-8")
    qtbot.waitUntil(lambda: window.state.roadmap is not before, timeout=3000)
    qtbot.wait(50)
    assert not dlg.isVisible()  # the same warnings are not shown again on each save
    timeline.write_text(text[: len(text) // 3], encoding="utf-8")  # a broken save: errors
    qtbot.waitUntil(lambda: dlg.isVisible() and not dlg.warnings, timeout=3000)
    timeline.write_text(text, encoding="utf-8")  # fixed: the errors give way to the import's warnings
    qtbot.waitUntil(lambda: dlg.warnings, timeout=3000)
    assert dlg.isVisible() and any("month 13" in p for p in dlg.problems)


def test_a_file_dropped_on_a_text_field_opens_while_text_still_goes_into_it(qtbot, window):
    opener, search = window.drop_opener, window.filter_panel.search
    opened = []
    opener.open_path = opened.append
    # (the filter sits on the children that take drops: real drags go to the deepest such widget)
    files = mime_with(QUrl.fromLocalFile(str(OTHER)))  # (kept: the event does not own its data)
    file_drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, files,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    assert opener.eventFilter(search, file_drop) is True and opened == [str(OTHER)]
    text = QMimeData()
    text.setText("sodium")
    text_drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
    assert opener.eventFilter(search, text_drop) is False and opened == [str(OTHER)]  # the field takes it
    assert opener.eventFilter(window, text_drop) is True and not text_drop.isAccepted()  # the window refuses it
