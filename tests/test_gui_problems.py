"""The problems window (plain text, Copy All, Open in Editor with an argument list) and the timeline's empty state."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nevroadmap.core.loader import RoadmapError, load
from nevroadmap.gui import editor_launch

FIXTURES = Path(__file__).parent / "fixtures"
FIX = FIXTURES / "gui_roadmap.yaml"


@pytest.fixture
def window(env, open_window):
    return open_window(FIX, size=(1100, 600))


@pytest.fixture
def launched(monkeypatch):
    """What would be started: [(program, args)] and [opened URL]."""
    calls = {"launch": [], "url": []}
    monkeypatch.setattr(editor_launch, "launch", lambda program, args: calls["launch"].append((program, args)) or True)
    monkeypatch.setattr(editor_launch, "open_url", lambda url: calls["url"].append(url.toLocalFile()) or True)
    return calls


def broken(env) -> Path:
    bad = env / "broken.yaml"
    bad.write_text(FIX.read_text(encoding="utf-8").replace("status: forecast", "status: maybe")
                   .replace("Fictional Motors (invented)", "<b>Bold</b> & <i>markup</i>"), encoding="utf-8")
    return bad


def open_broken(qtbot, w, env):
    bad = broken(env)
    with qtbot.waitSignal(w.sigLoadFinished, timeout=10000):
        w.open_path(bad)
    return bad, w.problems_dialog


def test_problems_are_listed_as_plain_text_and_copied_all(qtbot, window, env):
    bad, dlg = open_broken(qtbot, window, env)
    with pytest.raises(RoadmapError) as err:
        load(bad)
    expected = [str(p) for p in err.value.problems]
    rows = [dlg.list.item(i).text() for i in range(dlg.list.count())]
    assert rows == expected and dlg.problems == expected
    assert not dlg.isModal()
    dlg.copy_button.click()
    assert QApplication.clipboard().text() == "\n".join(expected)
    assert dlg.copy_button.text() == "Copy All" and dlg.editor_button.text() == "Open in Editor"


def test_open_in_editor_runs_the_users_editor_with_an_argument_list(qtbot, window, env, launched, monkeypatch):
    monkeypatch.setenv("VISUAL", "vim")
    monkeypatch.setenv("TERMINAL", "xterm")
    bad, dlg = open_broken(qtbot, window, env)
    row = next(i for i, p in enumerate(dlg.problems) if "'maybe'" in p)
    dlg.list.setCurrentRow(row)
    assert dlg.place() == (str(bad), 66)
    dlg.editor_button.click()
    assert launched["launch"] == [("xterm", ["-e", "vim", "+66", str(bad)])] and launched["url"] == []


@pytest.mark.parametrize(("editor", "expected"), [
    ("code --wait", ["code", "--wait", "-g", "{f}:12"]),
    ("emacs", ["emacs", "+12", "{f}"]),
    ("/usr/bin/gvim -f", ["/usr/bin/gvim", "-f", "+12", "{f}"]),
    ("kate", ["kate", "-l", "12", "{f}"]),
    ("subl", ["subl", "{f}:12"]),
    ("some-unknown-editor", ["some-unknown-editor", "{f}"]),
    ("nano", ["x-term", "-e", "nano", "+12", "{f}"]),
])
def test_editor_command_names_the_line_the_editor_understands(tmp_path, editor, expected):
    f = tmp_path / "data.yaml"
    got = editor_launch.editor_command(str(f), 12, {"EDITOR": editor, "TERMINAL": "x-term"})
    assert got == [a.replace("{f}", str(f)) for a in expected]


def test_no_editor_or_no_terminal_reveals_the_file(tmp_path, launched):
    f = tmp_path / "data.yaml"
    f.write_text("x", encoding="utf-8")
    assert editor_launch.editor_command(str(f), 3, {}) is None
    assert editor_launch.editor_command(str(f), 3, {"EDITOR": "vim", "PATH": str(tmp_path)}) is None  # no terminal
    assert editor_launch.editor_command(str(f), 3, {"EDITOR": "'unbalanced"}) is None
    os.environ.pop("VISUAL", None)
    os.environ.pop("EDITOR", None)
    assert editor_launch.open_at(str(f), 3)
    assert launched["launch"] == [] and launched["url"] == [str(f)]


def test_a_relative_or_dash_file_name_is_passed_as_an_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    got = editor_launch.editor_command("-rf.yaml", 2, {"EDITOR": "vim", "TERMINAL": "xterm"})
    assert got == ["xterm", "-e", "vim", "+2", str(tmp_path / "-rf.yaml")]


def test_locate_splits_at_a_real_file(tmp_path):
    from nevroadmap.gui.problems_dialog import locate

    f = tmp_path / "a:12: b.yaml"  # a name that looks like a line number
    f.write_text("x", encoding="utf-8")
    assert locate(f"{f}:7: unknown id 'x: 3: y'") == (str(f), 7)
    assert locate(f"{tmp_path}: the folder holds no data files") == (str(tmp_path), 0)
    assert locate("nowhere.yaml:3: message") is None


def test_a_problem_without_a_file_on_disk_cannot_be_opened(qtbot, window, launched):
    dlg = window.show_problems("missing.yaml", ["missing.yaml: no such file or folder"])
    assert not dlg.editor_button.isEnabled()
    assert dlg.open_in_editor() is False and launched == {"launch": [], "url": []}


def test_warnings_after_a_load_are_listed_as_warnings(qtbot, window, env):
    dlg = window.show_problems(str(env / "t.json"), [f"{env / 't.json'}:4: an event without a date was left out"],
                               warnings=True)
    assert dlg.windowTitle() == "Warnings about the data"
    assert f"1 part of {env / 't.json'} could not be read and was left out." in dlg.summary.text()  # a real plural
    assert "nothing was loaded" not in dlg.summary.text()
    window.show_problems("t.json", ["t.json:4: one", "t.json:5: two"], warnings=True)
    assert window.problems_dialog is dlg and "2 parts of t.json could not be read and were left out." in dlg.summary.text()


# -- the empty state ---------------------------------------------------------------------
def test_filters_matching_nothing_say_so_in_the_middle_and_offer_to_clear(qtbot, window):
    empty = window.empty_state
    assert not empty.isVisible()
    window.state.update_filter(text="no such words anywhere", statuses=frozenset({"achieved"}))
    assert empty.isVisible()
    text = empty.message.text()
    assert text.startswith("No milestones match: ")
    assert "no such words anywhere" in text and "achieved" in text.lower()
    assert empty.message.textFormat() == Qt.TextFormat.PlainText
    # in the middle of the timeline
    tl = window.timeline
    centre = empty.geometry().center()
    assert abs(centre.x() - tl.width() // 2) <= 2 and abs(centre.y() - tl.height() // 2) <= 2
    qtbot.mouseClick(empty.clear_button, Qt.MouseButton.LeftButton)
    assert window.state.filter.is_empty and not empty.isVisible()
    assert len(tl.shown_milestone_ids()) == 5


def test_an_empty_dataset_says_so_without_a_clear_button(qtbot, window, env):
    (env / "empty.yaml").write_text(FIX.read_text(encoding="utf-8").split("milestones:")[0], encoding="utf-8")
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        window.open_path(env / "empty.yaml")
    if not blocker.args[0]:
        pytest.skip("a dataset without milestones does not load")
    assert window.empty_state.isVisible() and window.empty_state.clear_button.isHidden()
    assert window.empty_state.message.text() == "This dataset has no milestones."


def test_screenshots_of_the_empty_state_and_the_problems_window(qtbot, window, env, tmp_path):
    """Offscreen pictures to look at (kept under the test's folder)."""
    window.state.update_filter(organizations=frozenset({"html-corp"}), statuses=frozenset({"achieved"}))
    qtbot.wait(50)
    img = window.grab().toImage()
    assert img.save(str(tmp_path / "empty_state.png"))
    _, dlg = open_broken(qtbot, window, env)
    qtbot.wait(50)
    assert dlg.grab().toImage().save(str(tmp_path / "problems.png"))
    out = os.environ.get("NEVROADMAP_SHOTS")
    if out:
        shutil.copy(tmp_path / "empty_state.png", out)
        shutil.copy(tmp_path / "problems.png", out)


def test_the_empty_state_follows_the_language(qtbot, window):
    from nevroadmap.gui.language import apply_language

    window.state.update_filter(statuses=frozenset({"achieved"}))
    try:
        apply_language("zh_CN")
        qtbot.waitUntil(lambda: window.empty_state.clear_button.text() == "清除筛选", timeout=3000)
        assert window.empty_state.message.text().startswith("没有符合条件的里程碑：")
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: window.empty_state.clear_button.text() == "Clear filters", timeout=3000)
