"""The action table drives the menus, the toolbar, the shortcuts and the keyboard help; keys and text fields."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QWidgetAction

from nevroadmap.gui.actions import (
    ACTIONS, HELP_GROUPS, ID_PROPERTY, MENUS, TOOLBAR_GROUPS, key_sequences, tr, typable,
)
from nevroadmap.gui.recent_files import RECENT_PROPERTY
from nevroadmap.gui.shortcut_guard import TextFieldShortcutGuard

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"


@pytest.fixture
def window(open_window):
    return open_window(FIX, active=True)


def keys(seqs) -> list[str]:
    return [k.toString(QKeySequence.SequenceFormat.PortableText) for k in seqs]


def table_id(act) -> str | None:
    return act.property(ID_PROPERTY)


def menu_contents(menu: QMenu, path: str, out: dict) -> None:
    out[path] = []
    for act in menu.actions():
        if act.isSeparator() or act.property(RECENT_PROPERTY):  # Open Recent's paths are data, not table rows
            continue
        sub = act.menu()
        if sub is not None:
            child = next(p for p, _ in MENUS if p.startswith(path + "/") and tr(dict(MENUS)[p]) == sub.title())
            out[path].append(("submenu", child))
            menu_contents(sub, child, out)
        else:
            out[path].append(table_id(act))


def test_menus_hold_exactly_the_table_rows(window):
    top = [a.menu() for a in window.menuBar().actions()]
    top_paths = [p for p, _ in MENUS if "/" not in p]
    assert [m.title() for m in top] == [tr(dict(MENUS)[p]) for p in top_paths]
    found: dict[str, list] = {}
    for path, menu in zip(top_paths, top):
        menu_contents(menu, path, found)
    for path, _ in MENUS:
        expected = [s.id for s in ACTIONS if s.menu == path]
        got = [x for x in found[path] if not isinstance(x, tuple)]
        assert got == expected, path  # every row where the table says, in its order, nothing else
    assert ("submenu", "view/navigate") in found["view"]
    # every row with a menu is somewhere; every menu item is a row
    placed = {x for items in found.values() for x in items if not isinstance(x, tuple)}
    assert placed == {s.id for s in ACTIONS if s.menu}


def test_actions_carry_the_table_shortcuts_texts_and_scopes(window):
    seen: dict[str, str] = {}
    for s in ACTIONS:
        act = window.actions_by_id[s.id]
        assert getattr(window, f"act_{s.id}") is act
        assert act.text() == tr(s.text)
        assert keys(act.shortcuts()) == keys(key_sequences(s.shortcuts))
        assert bool(act.shortcuts()) == bool(s.shortcuts)
        for k in keys(act.shortcuts()):
            assert k not in seen, f"{k} is on {seen.get(k)} and {s.id}"  # no ambiguous keys
            seen[k] = s.id
        if s.scope == "timeline":
            assert act.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
            assert act in window.timeline.actions()
        else:
            assert act.shortcutContext() == Qt.ShortcutContext.WindowShortcut
            assert act in window.actions()
    assert {"Ctrl+E", "F", "Home", "+", "-", "F5"} <= set(seen)
    assert seen["F"] == "fit" and seen["Ctrl+E"] == "export"


def test_toolbar_holds_exactly_the_table_rows(window):
    got, labels = [], []
    for act in window.toolbar.actions():
        if act.isSeparator():
            got.append("|")
        elif isinstance(act, QWidgetAction) or table_id(act) is None:
            labels.append(window.toolbar.widgetForAction(act).text().strip())
        else:
            got.append(table_id(act))
    expected = []
    for gid, _ in TOOLBAR_GROUPS:
        rows = [s.id for s in ACTIONS if s.toolbar == gid]
        if rows:
            expected += (["|"] if expected else []) + rows
    assert got == expected
    assert labels == [tr(label) for gid, label in TOOLBAR_GROUPS if label]
    zoom_button = window.toolbar.widgetForAction(window.act_zoom_in)
    assert zoom_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly


def test_keyboard_help_is_generated_from_the_table(window):
    box = window.show_help()
    text = box.text()
    box.close()
    groups = re.findall(r"<p><b>(.*?)</b></p><table>(.*?)</table>", text)
    got = [(html.unescape(title), [(html.unescape(k), html.unescape(v)) for k, v in
                                   re.findall(r"<tr><td><b>(.*?)</b>&nbsp;&nbsp;</td><td>(.*?)</td></tr>", body)])
           for title, body in groups]
    expected = []
    for gid, title in HELP_GROUPS:
        rows = [(", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in typable(key_sequences(s.shortcuts))),
                 tr(s.text).replace("&", "").rstrip("…")) for s in ACTIONS if s.help == gid and s.shortcuts]
        if rows:
            expected.append((tr(title), rows))
    assert got == expected
    listed = {v for _, rows in got for _, v in rows}
    assert "Export Image" in listed and "Fit Whole Roadmap" in listed and "Zoom In" in listed
    assert all(s.shortcuts for s in ACTIONS if s.help)  # a help row without keys would be a mistake
    shown_keys = {k for _, rows in got for keys_, _ in rows for k in keys_.split(", ")}
    assert {"Ctrl+E", "F", "Home", "+", "F5"} <= shown_keys
    assert not shown_keys & {"Open", "Refresh", "Back", "Forward", "Zoom In"}  # media keys are not listed


def test_typing_f_and_plus_in_the_search_box_types_them(qtbot, window):
    search = window.filter_panel.search
    window.act_find.trigger()
    assert search.hasFocus()
    window.timeline.zoom(2.0)
    before = window.timeline.visible_range()
    top = window.timeline.viewbox.top
    for key in (Qt.Key.Key_F, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
        qtbot.keyClick(search, key)
    assert search.text() == "f+-"
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Left, Qt.Key.Key_Down):
        qtbot.keyClick(search, key)
    assert search.cursorPosition() == 0  # Home and Left moved the text cursor
    assert window.timeline.visible_range() == pytest.approx(before)  # no fit, zoom or pan
    assert window.timeline.viewbox.top == top
    # the same keys on the timeline do act (so this test can fail)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_F)
    assert window.timeline.visible_range() != pytest.approx(before)


def test_arrow_keys_step_a_spin_box_not_the_timeline(qtbot, window):
    box = window.filter_panel.year_from
    box.setFocus()
    top = window.timeline.viewbox.top
    rng = window.timeline.visible_range()
    value = box.value()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() != value
    assert window.timeline.viewbox.top == top and window.timeline.visible_range() == pytest.approx(rng)


def test_ctrl_e_in_the_search_box_exports(qtbot, window, monkeypatch):
    calls = []
    monkeypatch.setattr(window, "export_image_dialog", lambda: calls.append("export"))
    search = window.filter_panel.search
    window.act_find.trigger()
    qtbot.keyClicks(search, "so")
    qtbot.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["export"]
    assert search.text() == "so"


class GreedyLineEdit(QLineEdit):
    """A text field that claims every key (as an Emacs key scheme claims Ctrl+E for 'end of line')."""

    def event(self, ev):
        if ev.type() == QEvent.Type.ShortcutOverride:
            ev.accept()
            return True
        return super().event(ev)


def test_window_shortcuts_pass_a_text_field_that_claims_them(qtbot, window, monkeypatch):
    calls = []
    monkeypatch.setattr(window, "export_image_dialog", lambda: calls.append("export"))
    plain = GreedyLineEdit(window.filter_panel)
    guarded = GreedyLineEdit(window.filter_panel)
    guarded.installEventFilter(window._shortcut_guard)
    for field in (plain, guarded):
        field.show()
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["export"]  # only through the guarded field
    # the guard passes only the window's modifier shortcuts: the field keeps its editing keys
    guard = TextFieldShortcutGuard([QKeySequence("Ctrl+E")])
    for seq, passed in (("Ctrl+E", True), ("Ctrl+A", False), ("F", False)):
        k = QKeySequence(seq)[0]
        ev = QKeyEvent(QEvent.Type.ShortcutOverride, k.key(), k.keyboardModifiers(), "")
        assert guard.eventFilter(plain, ev) is passed, seq


def test_text_fields_of_the_window_are_guarded(window):
    watched = window._shortcut_guard.watched
    panel = window.filter_panel
    for field in (panel.search, panel.org_search, panel.year_from, panel.year_to):
        assert field in watched
    assert QKeySequence("Ctrl+E")[0].toCombined() in window._shortcut_guard.combos
    assert QKeySequence("F")[0].toCombined() not in window._shortcut_guard.combos  # timeline keys stay out


def test_a_language_change_retranslates_menus_actions_and_toolbar(qtbot, window):
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Marked(QTranslator):  # stands in for a .qm file: marks every text of the table
        def translate(self, context, source, disambiguation=None, n=-1):
            return f"«{source}»" if context == "actions" else ""

        def isEmpty(self):  # noqa: N802 (Qt override)
            return False

    window.timeline.zoom(2.0)
    view = window.timeline.visible_range()
    tr_ = Marked()
    QCoreApplication.installTranslator(tr_)
    try:
        qtbot.waitUntil(lambda: window.act_export.text() == "«&Export Image…»", timeout=3000)
        assert window.menus["file"].title() == "«&File»"
        assert window.act_show_filters.text() == "«&Filters Panel»"
        assert window.toolbar_labels["lanes"].text().strip() == "«Lanes:»"
        box = window.show_help()
        assert "«Data»" in box.text() and "«Export Image…»" in box.text()  # groups and rows follow
        box.close()
        window.act_by_company.trigger()  # a new lane layout after the language change...
        assert window.timeline.visible_range() == pytest.approx(view)  # ...keeps the view (no refit)
    finally:
        QCoreApplication.removeTranslator(tr_)
    qtbot.waitUntil(lambda: window.act_export.text() == "&Export Image…", timeout=3000)
