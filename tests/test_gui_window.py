"""The main window, driven through its widgets, actions and keys (headless, fictional data)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from nevroadmap.core.loader import RoadmapError, bundled_data_path, load
from nevroadmap.core.query import RoadmapFilter, apply_filter

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"
ALL_IDS = {"fm-solid-pilot", "fm-mw-charging", "ic-sodium", "ic-solid-deadline", "html-milestone"}


@pytest.fixture
def make_window(qtbot, env):
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    made = []

    def _make(path=FIX, theme=None):
        w = MainWindow(AppState(load(path) if path is not None else None), theme=theme)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield _make
    for w in made:
        w.close()
    from nevroadmap.gui.palette import apply_theme

    apply_theme("light")  # the palette is application-wide


@pytest.fixture
def window(make_window):
    return make_window()


def shown(w) -> set[str]:
    return set(w.timeline.shown_milestone_ids())


def test_starts_with_everything_shown(window):
    assert shown(window) == ALL_IDS
    assert window.status_text() == "5 of 5 milestones shown"
    assert window.windowTitle() == "gui_roadmap.yaml — NEV Roadmap"
    assert not window.windowIcon().isNull()


def test_filter_by_company_through_the_list(qtbot, window):
    item = window.filter_panel.org_item("imaginary-cells")
    item.setCheckState(Qt.CheckState.Checked)  # what a click on the box does
    assert shown(window) == {"ic-sodium", "ic-solid-deadline"}
    assert window.status_text() == "2 of 5 milestones shown  ·  Filters: Companies: Imaginary Cells (invented)"
    expected = apply_filter(window.state.roadmap, RoadmapFilter(organizations=frozenset({"imaginary-cells"})))
    assert shown(window) == {m.id for m in expected}


def test_company_search_box_and_all_button(qtbot, window):
    panel = window.filter_panel
    qtbot.keyClicks(panel.org_search, "fictional")
    visible = [panel.org_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.org_list.count())
               if not panel.org_list.item(i).isHidden()]
    assert visible == ["fictional-motors"]
    qtbot.mouseClick(panel.org_all, Qt.MouseButton.LeftButton)
    assert window.state.filter.organizations == {"fictional-motors"}
    assert shown(window) == {"fm-solid-pilot", "fm-mw-charging"}
    qtbot.mouseClick(panel.org_none, Qt.MouseButton.LeftButton)
    assert shown(window) == ALL_IDS


def test_filter_by_technology_area_and_single_technology(qtbot, window):
    panel = window.filter_panel
    area = panel.tech_item("Charging")
    area.setCheckState(0, Qt.CheckState.Checked)
    assert shown(window) == {"fm-mw-charging"}
    assert window.status_text().startswith("Charging: 1 of 5 milestones shown")  # a whole area is named as such
    area.setCheckState(0, Qt.CheckState.Unchecked)
    panel.tech_item("sodium-ion").setCheckState(0, Qt.CheckState.Checked)
    assert shown(window) == {"ic-sodium", "html-milestone"}
    assert panel.tech_item("Batteries").checkState(0) == Qt.CheckState.PartiallyChecked
    assert window.status_text().startswith("2 of 5 milestones shown")


def test_status_and_year_filters(qtbot, window):
    from nevroadmap.core.model import Status

    panel = window.filter_panel
    panel.status_boxes[Status.announced].setChecked(True)
    assert shown(window) == {"fm-mw-charging", "ic-solid-deadline"}
    panel.status_boxes[Status.announced].setChecked(False)
    panel.year_from.setValue(2029)
    # 2030+ is open-ended, ~2029 overlaps; 2026-2028 and by-2026 end before
    assert shown(window) == {"ic-sodium", "html-milestone"}
    assert "Years: 2029–…" in window.status_text()


def test_text_search_is_debounced_and_matches_the_cli(qtbot, window):
    panel = window.filter_panel
    qtbot.keyClicks(panel.search, "pilot")
    assert window.state.filter.text == ""  # not yet: debounced
    qtbot.waitUntil(lambda: window.state.filter.text == "pilot", timeout=3000)
    assert shown(window) == {"fm-solid-pilot"}
    assert "Search: “pilot”" in window.status_text()


def test_ctrl_f_focuses_search_and_clear_filters_resets_everything(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_panel.search.hasFocus()
    window.state.update_filter(text="sodium", organizations=frozenset({"imaginary-cells"}))
    assert window.filter_panel.search.text() == "sodium"
    assert window.filter_panel.org_item("imaginary-cells").checkState() == Qt.CheckState.Checked
    assert shown(window) == {"ic-sodium"}
    window.act_clear.trigger()
    assert shown(window) == ALL_IDS
    assert window.filter_panel.search.text() == ""
    assert window.filter_panel.org_item("imaginary-cells").checkState() == Qt.CheckState.Unchecked
    assert window.status_text() == "5 of 5 milestones shown"
    assert not window.act_clear.isEnabled()


def test_zoom_and_pan_actions(qtbot, window):
    t0, t1 = window.timeline.visible_range()
    window.act_zoom_in.trigger()
    z0, z1 = window.timeline.visible_range()
    assert (z1 - z0) == pytest.approx((t1 - t0) / 1.5, rel=0.02)
    window.act_pan_right.trigger()
    p0, p1 = window.timeline.visible_range()
    assert p0 == pytest.approx(z0 + 0.2 * (z1 - z0), rel=1e-3)
    window.act_zoom_out.trigger()
    window.act_fit.trigger()
    f0, f1 = window.timeline.visible_range()
    assert (f0, f1) == pytest.approx((t0, t1), abs=1e-6)


def test_zoom_and_pan_keys(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.timeline.setFocus()
    t0, t1 = window.timeline.visible_range()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Plus)
    z0, z1 = window.timeline.visible_range()
    assert (z1 - z0) == pytest.approx((t1 - t0) / 1.5, rel=0.02)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # Ctrl+arrows pan
    assert window.timeline.visible_range()[0] < z0
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert window.timeline.visible_range() == pytest.approx((t0, t1), abs=1e-6)


def click_milestone(qtbot, w, milestone_id):
    tl = w.timeline
    p = tl.milestone_scene_pos(milestone_id)
    assert p is not None, milestone_id
    target = tl.childAt(p.toPoint())
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(tl, p.toPoint()))


def test_click_milestone_shows_its_claims(qtbot, window):
    click_milestone(qtbot, window, "fm-solid-pilot")
    assert window.state.selected_milestone == "fm-solid-pilot"
    text = window.details_panel.text()
    for expected in ("Fictional solid-state pilot line", "Solid-state cells", "during 2027",
                     "planned", "over 400 Wh/kg", "Fictional Motors will run a solid-state pilot line in 2027.",
                     "We will pilot solid-state cells in 2027.", "Ada Example, Chief Imaginary Officer",
                     "2025-05-05", "Fictional Motors investor day (invented)", "Invented Press",
                     "Imaginary Mobility Summit", "https://example.org/fictional-investor-day"):
        assert expected in text, expected
    anchors = window.details_panel.anchors()
    assert "org:fictional-motors" in anchors and "https://example.org/fictional-investor-day" in anchors


def test_background_click_clears_selection_and_back_returns(qtbot, window):
    window.state.select_milestone("ic-sodium")
    window.timeline.sigMilestoneClicked.emit("")
    assert window.state.selection is None
    window.act_back.trigger()
    assert window.state.selected_milestone == "ic-sodium"


def test_organization_link_back_and_forward(qtbot, window):
    window.state.select_milestone("fm-solid-pilot")
    assert not window.act_back.isEnabled()
    window.details_panel.follow(QUrl("org:fictional-motors"))
    text = window.details_panel.text()
    assert "Fictional Motors (invented)" in text and "虚构汽车" in text and "automaker" in text
    assert "Ada Example" in text and "Fictional Motors plans megawatt chargers" in text
    assert "milestone:fm-mw-charging" in window.details_panel.anchors()
    assert window.act_back.isEnabled() and not window.act_forward.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.state.selected_milestone == "fm-solid-pilot"
    assert "Fictional solid-state pilot line" in window.details_panel.text()
    window.act_forward.trigger()
    assert window.state.selection.id == "fictional-motors"


def test_company_lane_click_opens_company(qtbot, window):
    window.act_by_company.trigger()
    window.timeline.sigOrganizationClicked.emit("imaginary-cells")
    assert "Ben Placeholder" in window.details_panel.text()


def test_group_by_company(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.state.group_by == "company"
    assert window.act_by_company.isChecked() and not window.act_by_tech.isChecked()
    assert window.timeline.layout_data.group_by == "company"
    assert [ln.key for ln in window.timeline.layout_data.lanes] == ["fictional-motors", "imaginary-cells", "html-corp"]
    assert shown(window) == ALL_IDS
    window.act_by_tech.trigger()
    assert window.timeline.layout_data.group_by == "technology"


def test_selection_is_highlighted_on_the_timeline(qtbot, window):
    window.state.select_milestone("ic-sodium")
    assert window.timeline._selected_id == "ic-sodium"
    window.state.select_organization("imaginary-cells")
    assert window.timeline._selected_id is None


def test_html_in_data_is_literal_text(qtbot, window):
    window.state.select_milestone("html-milestone")
    panel = window.details_panel
    text = panel.text()
    assert "<script>alert('boom')</script> Markup milestone" in text
    assert "<a href='javascript:alert(2)'>click me</a> & <i>markup</i>" in text
    assert "</td></tr></table><h1>injected</h1>" in text
    assert all(a.startswith(("org:", "milestone:", "https://")) for a in panel.anchors())
    window.state.select_organization("html-corp")
    text = panel.text()
    assert "<b>Bold</b> Corp (invented)" in text
    assert "<img src='https://example.org/tracker.png'>" in text
    assert panel.browser.loaded_requests == []  # nothing fetched, not even an image


def test_javascript_and_file_urls_are_not_links(qtbot, window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    panel = window.details_panel
    window.state.select_milestone("ic-sodium")
    assert "javascript:alert(1)" in panel.text()
    assert not any("javascript" in a for a in panel.anchors())
    window.state.select_milestone("ic-solid-deadline")
    assert "file:///etc/passwd" in panel.text()
    assert not any(a.startswith("file:") for a in panel.anchors())
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://example.org/x"):
        panel.follow(QUrl(bad))
    assert opened == []
    panel.follow(QUrl("https://example.org/fictional-investor-day"))
    assert opened == ["https://example.org/fictional-investor-day"]


def test_broken_dataset_lists_problems_and_keeps_roadmap(qtbot, window, env):
    bad = env / "broken.yaml"
    bad.write_text(FIX.read_text(encoding="utf-8").replace("status: forecast", "status: maybe")
                   .replace("source: s-web\n    supports: [fm-mw-charging]", "source: s-nowhere\n    supports: [fm-mw-charging]"),
                   encoding="utf-8")
    before = window.state.roadmap
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        window.open_path(bad)
    assert blocker.args == [False]
    dlg = window.problems_dialog
    assert dlg is not None and dlg.isVisible()
    text = dlg.plain_text()
    lines = text.splitlines()
    with pytest.raises(RoadmapError) as err:
        load(bad)
    assert lines == [str(p) for p in err.value.problems]  # every problem, as the CLI prints it
    assert all(re.match(r"^.*broken\.yaml:\d+: ", ln) for ln in lines)
    assert any(re.search(r"broken\.yaml:66: .*'maybe'", ln) for ln in lines)
    assert any(re.search(r"broken\.yaml:\d+: .*unknown source id 's-nowhere'", ln) for ln in lines)
    assert re.search(rf"\b{len(lines)} problem", dlg.summary.text())  # (the plural form is the catalogue's)
    assert window.state.roadmap is before
    assert shown(window) == ALL_IDS
    assert not window.is_loading() and window.act_open.isEnabled()
    dlg.copy()
    assert QApplication.clipboard().text() == text


def test_open_file_dialog_and_reload(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    other = Path(__file__).parent / "fixtures" / "fictional.yaml"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000):
        window.act_open.trigger()
    assert shown(window) == {"m1"}
    assert window.windowTitle() == "fictional.yaml — NEV Roadmap"
    assert window.status_text() == "1 of 1 milestone shown"  # English plural forms from the catalogue
    with qtbot.waitSignal(window.sigLoadFinished, timeout=10000) as blocker:
        window.act_reload.trigger()
    assert blocker.args == [True] and shown(window) == {"m1"}


def test_bad_path_at_startup_falls_back_to_bundled(qtbot, env):
    from nevroadmap.gui.app import build_main_window

    w = build_main_window(env / "missing.yaml", theme="light", background=False)
    qtbot.addWidget(w)
    assert w.problems_dialog is not None
    assert "missing.yaml: no such file or folder" in w.problems_dialog.plain_text()
    assert "bundled dataset is shown instead" in w.problems_dialog.summary.text()
    assert Path(w.state.roadmap.origin) == bundled_data_path()
    assert w.windowTitle() == "bundled dataset — NEV Roadmap"
    # once the user puts the file in place, Reload opens it rather than the bundled data
    (env / "missing.yaml").write_text((Path(__file__).parent / "fixtures" / "fictional.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with qtbot.waitSignal(w.sigLoadFinished, timeout=10000):
        w.act_reload.trigger()
    assert Path(w.state.roadmap.origin) == env / "missing.yaml"
    w.close()


def test_dark_theme_switch_and_settings_remembered(qtbot, make_window, env):
    w = make_window()
    w.act_dark.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert w.timeline._theme.name == "dark"
    w.act_by_company.trigger()
    w.details_dock.close()
    w.close()
    ini = env / "settings" / "nevroadmap.ini"
    assert ini.exists()
    w2 = make_window()
    assert w2.theme == "dark" and w2.act_dark.isChecked()
    assert w2.state.group_by == "company"
    assert not w2.details_dock.isVisible()
    w2.act_show_details.trigger()
    assert w2.details_dock.isVisible()
    w2.act_dark.trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_about_names_version_and_sources(qtbot, window):
    from nevroadmap import __version__

    box = window.show_about()
    text = box.text()
    assert f"NEV Roadmap {__version__}" in text
    assert "Fictional Motors investor day (invented)" in text and "Invented Press" in text
    assert '<a href="https://example.org/fictional-investor-day">' in text
    assert 'href="javascript' not in text and "javascript:alert(1)" in text
    box.close()


def test_exception_hook_logs_and_shows(qtbot, env):
    from nevroadmap.gui.app import ExceptionHook

    shown_msgs = []
    hook = ExceptionHook(show=lambda msg, details: shown_msgs.append((msg, details)))
    try:
        raise RuntimeError("fictional failure in a slot")
    except RuntimeError:
        hook(*sys.exc_info())
    log = env / "appdata" / "nevroadmap.log"
    assert log.exists()
    content = log.read_text(encoding="utf-8")
    assert "RuntimeError: fictional failure in a slot" in content and "Traceback" in content
    assert len(shown_msgs) == 1
    msg, details = shown_msgs[0]
    assert "RuntimeError: fictional failure in a slot" in msg and str(log) in msg
    assert "test_exception_hook_logs_and_shows" in details


def test_exception_hook_dialog_is_non_blocking(qtbot, env):
    from PySide6.QtWidgets import QMessageBox

    from nevroadmap.gui.app import ExceptionHook

    hook = ExceptionHook()
    try:
        raise ValueError("fictional")
    except ValueError:
        hook(*sys.exc_info())  # returns: the dialog is opened, not exec'd
    box = hook._box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "ValueError: fictional" in box.text()
    box.close()


# -- export ----------------------------------------------------------------------
def test_export_dialog_writes_png_and_remembers_choices(qtbot, window, env):
    from nevroadmap.gui.export_dialog import ExportDialog

    window.state.update_filter(organizations=frozenset({"imaginary-cells"}))
    dlg = window.act_export.trigger() or window.export_dialog
    assert isinstance(dlg, ExportDialog) and dlg.isVisible()
    dlg.preset.setCurrentIndex(dlg.preset.findData("custom"))
    dlg.width_box.setValue(800)
    dlg.height_box.setValue(500)
    dlg.range_all.setChecked(True)
    dlg.show_legend.setChecked(False)
    dlg.title.setText("Fictional <b>board</b> slide")
    out = env / "slide.png"
    dlg.path.setText(str(out))
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible() and dlg.exported_path == out
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert (img.width(), img.height()) == (800, 500)
    assert "Exported" in window.message_label.text()
    req = dlg.request()
    assert req.filter_text == "Companies: Imaginary Cells (invented)" and req.time_range is None
    assert req.mask is not None and int(req.mask.sum()) == 2
    # the next dialog starts from the last choices
    dlg2 = window.export_image_dialog()
    assert dlg2.preset.currentData() == "custom" and dlg2.width_box.value() == 800
    assert dlg2.range_all.isChecked() and not dlg2.show_legend.isChecked()
    assert dlg2.title.text() == "Fictional <b>board</b> slide"
    assert Path(dlg2.path.text()).parent == env
    dlg2.format.setCurrentIndex(dlg2.format.findData("pdf"))
    assert dlg2.path.text().endswith(".pdf")
    dlg2.preset.setCurrentIndex(dlg2.preset.findData("a4"))
    # A4 is a logical page of 297 x 210 mm at 96 dpi; the scale draws it sharper
    assert (dlg2.width_box.value(), dlg2.height_box.value()) == (1123, 794) and not dlg2.width_box.isEnabled()
    dlg2.scale.setCurrentIndex(dlg2.scale.findData(2))
    assert dlg2.choices().size() == (2246, 1588, 192)
    assert dlg2.do_export()
    assert (env / "slide.pdf").read_bytes()[:5] == b"%PDF-"


def test_export_dialog_shows_errors_and_stays_open(qtbot, window, env):
    dlg = window.export_image_dialog()
    dlg.path.setText(str(env / "no-such-folder" / "x.png"))
    assert not dlg.do_export()
    assert dlg.isVisible() and "does not exist" in dlg.error.text() and dlg.error.isVisible()
    assert not (env / "no-such-folder").exists()
    dlg.close()


def test_copy_image_puts_a_picture_on_the_clipboard(qtbot, window):
    QApplication.clipboard().clear()
    window.act_copy_image.trigger()
    img = QApplication.clipboard().image()
    assert (img.width(), img.height()) == (1920, 1080)
    # not a blank page: the timeline's colours are in it
    colours = {img.pixel(x, y) for x in range(0, 1920, 37) for y in range(0, 1080, 23)}
    assert len(colours) > 5
