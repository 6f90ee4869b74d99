"""Issue 13, class 1: data text reaches every widget as plain text.

A fictional dataset whose every text field holds markup (an ``<img>`` to a
local file, bold, a link, an entity) is opened in the real main window; then
every widget, list, tree and table item, combo box entry, action, graphics
item (timeline, metrics pane), the timeline's and the metrics pane's hover
tooltips, the competing-claims table, the details panel and the status bar are
walked, and none may hand that markup to Qt as rich text.
"""

from __future__ import annotations

import html
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QGraphicsView, QLabel, QListWidget, QMessageBox, QTableWidget, QTreeWidget,
)

MARK = '<img src="/etc/hostname"><b>bold</b><a href="file:///etc/passwd">link</a> &lt;'
RAW_TAGS = ("<img", "<b>bold", "<a href=\"file:")


def _text(kind: str) -> str:
    return f"{kind} {MARK}"


def markup_dataset() -> dict:
    return {
        "sources": [{"id": "src", "title": _text("title"), "publisher": _text("publisher"),
                     "url": "file:///etc/hostname", "event": _text("event"), "event_place": _text("place"),
                     "note": _text("note"), "published": "2025-09-28"},
                    {"id": "src2", "title": _text("second title"), "url": "https://example.org/<b>x</b>"}],
        "organizations": [{"id": "org", "name": _text("Fictional Motors (example)"), "native_name": _text("native"),
                           "short_name": _text("short"), "country": _text("country"),
                           "description": _text("org description"), "url": "javascript:alert(1)"},
                          {"id": "org2", "name": _text("Fictional Cells (example)"), "parent": "org"}],
        "people": [{"id": "p", "name": _text("person"), "native_name": _text("native person"),
                    "title": _text("job"), "organization": "org"}],
        "areas": [{"id": "area", "name": _text("area"), "description": _text("area description")}],
        "technologies": [{"id": "tech", "name": _text("technology"), "area": "area",
                          "description": _text("tech description")}],
        "milestones": [{"id": f"m{i}", "title": _text(f"milestone {i}"), "technology": "tech",
                        "organizations": ["org", "org2"], "when": "2027", "status": "planned",
                        "description": _text("milestone description"), "tags": [_text("tag")],
                        "metrics": [{"name": _text("metric"), "value": 400, "unit": "<b>Wh</b>",
                                     "scope": _text("scope")}]} for i in range(3)],
        "claims": [{"id": "c", "statement": _text("statement"), "quote": _text("quote"), "speaker": "p",
                    "organization": "org", "said": "2025-09-28", "source": "src", "locator": _text("locator"),
                    "supports": ["m0", "m1"]},
                   {"id": "c2", "statement": _text("other statement"), "organization": "org",
                    "source": "src2", "supports": ["m2"]}],
    }


def _unsafe(text: str, plain: bool = False) -> bool:
    """True when ``text`` would reach Qt as rich text carrying the data's markup."""
    if plain or not text or not QtGuiNamespace.mightBeRichText(text):
        return False
    return any(tag in text for tag in RAW_TAGS)


@pytest.fixture
def markup_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.core.loader import load
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    path = tmp_path / "markup.json"
    path.write_text(json.dumps(markup_dataset()), encoding="utf-8")
    w = MainWindow(AppState(load(path)))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.show_comparison()  # the competing-claims window on the pane's metric: its cells are walked too
    yield w
    if w.comparison_view is not None:
        w.comparison_view.close()
    w.close()


def _all_texts(w) -> list[tuple[str, str, bool]]:
    """(where, text, shown as plain) for every text the window hands to Qt."""
    out = []
    for widget in QApplication.allWidgets():
        name = f"{type(widget).__name__}:{widget.objectName()}"
        out.append((name + " tooltip", widget.toolTip(), False))
        out.append((name + " title", widget.windowTitle(), True))  # window titles are always plain
        if isinstance(widget, QLabel):
            out.append((name + " text", widget.text(), widget.textFormat() == Qt.TextFormat.PlainText))
        if isinstance(widget, QMessageBox):
            out.append((name + " text", widget.text(), widget.textFormat() == Qt.TextFormat.PlainText))
        if isinstance(widget, QAbstractButton):
            out.append((name + " text", widget.text(), True))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                it = widget.item(i)
                out += [(name + " item", it.text(), True), (name + " item tooltip", it.toolTip(), False)]
        if isinstance(widget, QTableWidget):
            for r in range(widget.rowCount()):
                for c in range(widget.columnCount()):
                    it = widget.item(r, c)
                    if it is not None:
                        out += [(name + " cell", it.text(), True), (name + " cell tooltip", it.toolTip(), False)]
        if isinstance(widget, QComboBox):
            out += [(name + " entry", widget.itemText(i), True) for i in range(widget.count())]
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            out += [(name + " graphics item " + type(it).__name__, it.toolTip(), False) for it in widget.scene().items()]
        if isinstance(widget, QTreeWidget):
            stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
            while stack:
                it = stack.pop()
                out += [(name + " item", it.text(0), True), (name + " item tooltip", it.toolTip(0), False)]
                stack += [it.child(i) for i in range(it.childCount())]
    for act in w.findChildren(QAction):
        out += [("action " + act.text(), act.toolTip(), False), ("action status tip", act.statusTip(), True)]
    return out


def test_the_dataset_really_carries_markup_into_the_widgets(markup_window):
    # the walk must see the data: a test that found no data text could not fail
    texts = " ".join(t for _, t, _ in _all_texts(markup_window))
    assert "Fictional Motors (example)" in texts
    assert "country" in texts and "tech description" in texts and "area description" in texts
    cells = [t for where, t, _ in _all_texts(markup_window) if where.startswith("QTableWidget")]
    assert any("milestone 0 <img" in t for t in cells) and any("scope <img" in t for t in cells)
    assert any(where.endswith("entry") and "metric <img" in t for where, t, _ in _all_texts(markup_window))


def test_no_widget_gets_data_markup_as_rich_text(markup_window, qtbot):
    w = markup_window
    w.state.select_milestone("m0")
    qtbot.wait(50)
    bad = [(where, text[:120]) for where, text, plain in _all_texts(w) if _unsafe(text, plain)]
    assert bad == []
    w.state.update_filter(text=MARK + " zzz")  # matches nothing: the empty state names the filter, markup included
    qtbot.wait(50)
    texts = _all_texts(w)
    assert any(MARK in text and "No milestones match" in text for where, text, _ in texts if "QLabel" in where)
    assert [(where, text[:120]) for where, text, plain in texts if _unsafe(text, plain)] == []


def test_filter_panel_tooltips_show_the_data_literally(markup_window):
    fp = markup_window.filter_panel
    tip = fp.org_item("org").toolTip()
    doc = QTextDocument()
    doc.setHtml(tip)  # what Qt renders: the characters of the data, tags included
    assert MARK in doc.toPlainText()
    assert "<img" not in tip


def test_timeline_hover_tooltips_escape_every_field(markup_window):
    from nevroadmap.render.tooltips import milestone_tooltip

    rm = markup_window.state.roadmap
    for i in range(len(rm.milestones)):
        tip = milestone_tooltip(rm, i)
        assert not any(tag in tip for tag in RAW_TAGS)
        doc = QTextDocument()
        doc.setHtml(tip)
        assert html.unescape("&lt;") in doc.toPlainText() and "<img" in doc.toPlainText()


@pytest.mark.parametrize("kind,rid", [("milestone", "m0"), ("milestone", "m2"), ("organization", "org"),
                                      ("organization", "org2")])
def test_details_panel_escapes_and_loads_nothing(markup_window, qtbot, kind, rid):
    w = markup_window
    panel = w.details_panel
    (w.state.select_milestone if kind == "milestone" else w.state.select_organization)(rid)
    qtbot.wait(20)
    source = panel.current_html()
    assert not any(tag in source for tag in RAW_TAGS)
    assert "<img" in panel.browser.toPlainText()  # shown as text
    assert panel.browser.loaded_requests == []  # no resource was ever asked for
    assert 'href="file:' not in source and 'href="javascript:' not in source


def test_message_boxes_and_dialogs_with_data_are_plain(markup_window, qtbot, tmp_path):
    from nevroadmap.gui.plain_text import plain_message_box, plain_tooltip, set_plain_label
    from nevroadmap.gui.problems_dialog import ProblemsDialog

    box = plain_message_box(QMessageBox.Icon.Question, "t", MARK, QMessageBox.StandardButton.Ok, markup_window)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == MARK
    label = QLabel("<b>x</b>")
    set_plain_label(label, MARK)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert plain_tooltip("") == "" and "&lt;img" in plain_tooltip(MARK)
    dlg = ProblemsDialog(str(tmp_path / MARK), [MARK], markup_window)
    qtbot.addWidget(dlg)
    assert not _unsafe(dlg.summary.text(), dlg.summary.textFormat() == Qt.TextFormat.PlainText)
    item = dlg.list.item(0)
    assert item.text() == MARK and dlg.plain_text() == MARK  # list items are plain in Qt
    assert not _unsafe(item.toolTip()) and "&lt;img" in item.toolTip()


def test_hovering_a_milestone_gives_an_escaped_tooltip(markup_window, qtbot):
    tl = markup_window.timeline
    tl.set_visible_range(2026.0, 2029.0)
    qtbot.wait(50)
    item = tl.timeline_item
    p = tl.milestone_scene_pos("m0")
    assert p is not None

    hit = None
    for dx in range(-6, 7, 2):  # near the bar's centre, in the item's coordinates
        pos = item.mapFromDevice(p)
        pos.setX(pos.x() + dx * item.pixelWidth())
        hit = item.item_at(pos.x(), pos.y())
        if hit is not None:  # what pyqtgraph hands hoverEvent when the mouse is there
            item.hoverEvent(type("Hover", (), {"isExit": lambda self: False, "pos": lambda self, q=pos: q})())
            break
    assert hit is not None
    tip = item.toolTip()
    assert tip and "milestone" in tip
    assert not any(tag in tip for tag in RAW_TAGS)


def test_metrics_pane_hover_tooltips_escape_every_field(markup_window, qtbot):
    from nevroadmap.render.claim_marks import _pixel_size

    pane = markup_window.metrics_pane
    marks = pane.plot.marks
    assert len(marks.rows) == 3  # the markup metric is the one shown
    sx, _sy = _pixel_size(pane.plot.getViewBox())
    for i in range(len(marks.rows)):
        c = marks.mark_pos(i)
        pos = type(c)(c.x() + marks.offsets[i] * sx, c.y())  # where the mark is drawn
        marks.hoverEvent(type("Hover", (), {"isExit": lambda self: False, "pos": lambda self, q=pos: q})())
        assert marks.hovered == i
        tip = marks.toolTip()
        assert tip and not any(tag in tip for tag in RAW_TAGS), tip
        doc = QTextDocument()
        doc.setHtml(tip)  # what Qt shows: the data's characters, tags included
        assert "metric " + MARK in doc.toPlainText() and "scope " + MARK in doc.toPlainText()
    legend = pane.legend.text()  # rich text (coloured glyphs) with every name escaped
    assert "<img" not in legend
    from PySide6.QtWidgets import QLabel

    popup = pane.legend.show_popup()  # the whole legend, names that do not fit the line included
    whole = popup.findChild(QLabel, "metricsLegendAll").text()
    popup.close()
    assert "Fictional Motors (example) &lt;img" in whole and "<img" not in whole


def test_comparison_cells_show_the_data_literally(markup_window):
    table = markup_window.comparison_view.table
    assert table.rowCount() == 3
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            it = table.item(r, c)
            assert not _unsafe(it.toolTip())
            if MARK in it.text():
                doc = QTextDocument()
                doc.setHtml(it.toolTip())
                assert MARK in doc.toPlainText()


def test_recent_files_with_markup_in_their_names(markup_window, tmp_path):
    w = markup_window
    there = tmp_path / "<img src=x>.json"
    there.write_text(json.dumps(markup_dataset()), encoding="utf-8")
    w.recent.add(there)
    w.recent.add(tmp_path / "<b>gone<b>.json")  # a path that no longer exists: its tooltip says so
    w.menus["file/recent"].aboutToShow.emit()  # what opening the menu does
    rows = w.recent.rows()
    assert len(rows) == 2
    for row, name in zip(rows, ("<b>gone<b>.json", "<img src=x>.json")):
        doc = QTextDocument()
        doc.setHtml(row.toolTip())  # what Qt shows: the name's characters, tags included
        assert name in doc.toPlainText() and "<img" not in row.toolTip() and "<b>gone" not in row.toolTip()
        assert "<" in row.statusTip() and "&lt;" not in row.statusTip()  # status tips are plain: the name as it is
