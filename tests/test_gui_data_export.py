"""File > Export Data…: CSV or JSON of what is shown, written atomically, reading back through the loader;
and the warnings of an import shown after it loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nevroadmap.core.formats.csv_table import write_csv
from nevroadmap.core.loader import load
from nevroadmap.core.milestone_rows import milestone_rows
from nevroadmap.core.query import apply_filter

FIXTURES = Path(__file__).parent / "fixtures"
FIX = FIXTURES / "gui_roadmap.yaml"
TIMELINE = FIXTURES / "timelinejs_fictional.json"


@pytest.fixture
def window(env, open_window):
    return open_window(FIX)


def choose(monkeypatch, path, chosen_filter=""):
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def fake(*args, **kwargs):
        asked.append(args)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_export_data_csv_is_what_is_shown_and_reads_back_through_the_loader(qtbot, window, env, monkeypatch):
    window.state.update_filter(organizations=frozenset({"fictional-motors"}))
    out = env / "shown.csv"
    choose(monkeypatch, out)
    window.act_export_data.trigger()
    shown = [m.id for m in window.state.roadmap.milestones if window.state.is_shown(m.id)]
    assert shown == ["fm-solid-pilot", "fm-mw-charging"]
    text = out.read_text(encoding="utf-8")
    rm = window.state.roadmap
    assert text == write_csv(rm, apply_filter(rm, window.state.filter))  # the CLI's `list --format csv`
    back = load(out)
    assert [m.id for m in back.milestones] == shown
    for m in back.milestones:
        orig = rm.milestone_by_id[m.id]
        assert (m.title, str(m.when), m.status, m.technology) == (orig.title, str(orig.when), orig.status, orig.technology)
    assert write_csv(back, back.milestones) == text  # and writes the same file again
    assert "Exported 2 milestone" in window.message_label.text() and str(out) in window.message_label.text()
    assert not list(env.glob(".shown.csv.*"))  # no temporary file left


def test_export_data_json_has_the_shape_of_list_format_json(qtbot, window, env, monkeypatch):
    window.state.update_filter(statuses=frozenset({"planned"}))
    out = env / "planned"  # no suffix typed: the chosen filter's
    choose(monkeypatch, out, "JSON (*.json)")
    window.export_data_dialog()
    rm = window.state.roadmap
    got = json.loads((env / "planned.json").read_text(encoding="utf-8"))
    assert got == milestone_rows(rm, apply_filter(rm, window.state.filter))
    assert [r["id"] for r in got] == ["fm-solid-pilot", "html-milestone"]


def test_export_data_refuses_a_link_and_says_why(qtbot, window, env, monkeypatch):
    target = env / "target.txt"
    target.write_text("keep me", encoding="utf-8")
    link = env / "link.csv"
    link.symlink_to(target)
    choose(monkeypatch, link)
    assert window.export_data_dialog() is None
    assert target.read_text(encoding="utf-8") == "keep me" and link.is_symlink()
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "symbolic link" in boxes[-1].text()
    for b in boxes:
        b.close()


def test_cancelling_writes_nothing(qtbot, window, env, monkeypatch):
    choose(monkeypatch, "")
    assert window.export_data_dialog() is None
    assert not list(env.glob("*.csv")) and not list(env.glob("*.json"))


def test_an_imports_warnings_are_shown_after_it_loads(qtbot, window):
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        window.open_path(TIMELINE)
    assert blocker.args == [True]
    assert len(window.state.roadmap.milestones) == 5  # the rest opened
    dlg = window.problems_dialog
    assert dlg is not None and dlg.isVisible() and dlg.warnings
    assert dlg.problems == list(window.state.roadmap.warnings)
    assert any("month 13 does not exist" in p for p in dlg.problems)
    assert dlg.windowTitle() == "Warnings about the data"
    assert dlg.place(0) is not None and dlg.place(0)[1] > 0  # Open in Editor knows the file and line
