"""New-user polish: the help fits the screen, a runtime language switch reaches the legend, the lane bands
and the export dialog, and the export dialog's pixel hint is there when it opens."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from nevroadmap.core.loader import load

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"


@pytest.fixture
def window(open_window, english_after):
    return open_window(FIX, size=(1000, 600), theme=None)


def test_keyboard_help_scrolls_inside_a_dialog_that_fits_the_screen_and_esc_closes_it(qtbot, window):
    room = window.screen().availableGeometry()
    assert room.height() < 811  # the offscreen screen is smaller than the whole shortcut list
    box = window.show_help()
    qtbot.waitExposed(box)
    assert box.height() <= room.height() and box.width() <= room.width()
    bar = box.browser.verticalScrollBar()
    assert bar.maximum() > 0  # the rest of the list scrolls
    assert "Export Image" in box.browser.toPlainText()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.browser, timeout=3000)
    qtbot.keyClick(box.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)


def test_window_title_ends_with_the_app_name_once(window):
    title = window.windowTitle()
    assert title == "gui_roadmap.yaml — NEV Roadmap"  # ends with the display name: Qt appends no second one
    assert title.count("NEV Roadmap") == 1


def test_language_switch_retranslates_legend_and_lane_bands(window):
    window.act_by_company.trigger()
    groups = {ln.group for ln in window.timeline.layout_data.lanes}
    assert "Automakers" in groups
    assert "Achieved" in [text for _k, text, _a in window.timeline.legend.entries]
    window.act_lang_zh_CN.trigger()
    groups = {ln.group for ln in window.timeline.layout_data.lanes}
    assert "整车企业" in groups and "Automakers" not in groups
    texts = [text for _k, text, _a in window.timeline.legend.entries]
    assert "已实现" in texts and "Achieved" not in texts
    axis = window.timeline.plot_item.getAxis("left")  # the band names the lane column draws
    assert "整车企业" in {ln.group for ln in axis.lanes}
    window.act_lang_en.trigger()
    assert "Automakers" in {ln.group for ln in window.timeline.layout_data.lanes}


def test_export_dialog_placeholder_speaks_the_language_and_the_pixel_hint_shows_at_once(qtbot, tmp_path,
                                                                                          english_after):
    from nevroadmap.gui.export_dialog import ExportDialog
    from nevroadmap.gui.state import AppState

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("export/scale", 2)
    settings.setValue("export/preset", "fhd")
    english_after("zh_CN")
    dlg = ExportDialog(AppState(load(FIX)), settings, None)
    qtbot.addWidget(dlg)
    assert dlg.title.placeholderText() == "新能源汽车技术路线图"
    assert dlg.pixels.text() == "3840 × 2160 像素，192 dpi"  # shown before anything is changed


def test_esc_in_the_details_returns_to_the_timeline_and_shift_tab_leaves_the_links(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    tl = window.timeline
    tl.setFocus()
    qtbot.waitUntil(tl.hasFocus, timeout=3000)
    qtbot.keyClick(tl, Qt.Key.Key_Tab)
    mid = window.state.selected_milestone
    assert mid
    qtbot.keyClick(tl, Qt.Key.Key_Return)
    browser = window.details_panel.browser
    qtbot.waitUntil(browser.hasFocus, timeout=3000)
    qtbot.keyClick(browser, Qt.Key.Key_Escape)  # first Esc: back to the lanes, the milestone stays
    qtbot.waitUntil(tl.hasFocus, timeout=3000)
    assert window.state.selected_milestone == mid
    qtbot.keyClick(tl, Qt.Key.Key_Escape)  # second Esc: nothing selected
    assert window.state.selection is None

    window.state.select_organization(next(iter(window.state.roadmap.organization_by_id)))
    assert len(window.details_panel.anchors()) >= 1
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus, timeout=3000)
    qtbot.keyClick(browser, Qt.Key.Key_Tab)  # Tab walks onto a link...
    assert browser.hasFocus() and browser.on_link()
    qtbot.keyClick(browser, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # ...Shift+Tab from the first leaves
    qtbot.waitUntil(lambda: not browser.hasFocus(), timeout=3000)
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus, timeout=3000)
    assert not browser.on_link()
    qtbot.keyClick(browser, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # not to the last link: out
    qtbot.waitUntil(lambda: not browser.hasFocus(), timeout=3000)


class _Click:
    def __init__(self, pos):
        self._pos, self.accepted = pos, False

    def button(self):
        return Qt.MouseButton.LeftButton

    def pos(self):
        return self._pos

    def accept(self):
        self.accepted = True

    def ignore(self):
        pass


def test_more_opens_the_whole_legend_in_a_capped_popup(qtbot, window):
    legend = window.timeline.legend
    window.resize(700, 500)
    qtbot.waitUntil(lambda: legend.folds(window.timeline.view.width() - 20), timeout=3000)
    legend.update()
    qtbot.waitUntil(lambda: not legend._more_rect.isNull(), timeout=3000)
    before = legend.height_for(window.timeline.view.width() - 20)
    with qtbot.waitSignal(legend.sigMoreClicked, timeout=1000):
        legend.mouseClickEvent(_Click(legend._more_rect.center()))
    popup = window.timeline.legend_popup
    assert popup is not None and popup.isVisible()
    assert not legend.expanded and legend.height_for(window.timeline.view.width() - 20) == before  # lanes keep room
    assert popup.height() <= 0.4 * window.height() + 1
    assert popup.picture.pixmap().height() / popup.picture.pixmap().devicePixelRatio() > before  # every entry
    qtbot.waitUntil(lambda: QApplication.focusWidget() is popup.scroll, timeout=3000)
    qtbot.keyClick(popup.scroll, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)


def test_a_search_without_matches_says_so(qtbot, window):
    window.state.update_filter(text="zzqx-fictional-nothing")
    assert window.state.shown_count == 0
    qtbot.waitUntil(window.empty_state.isVisible, timeout=3000)
    assert window.empty_state.message.text().startswith("No milestones match: ")
    assert "zzqx-fictional-nothing" in window.empty_state.message.text()


def test_timelinejs_events_left_out_are_named(qtbot, window, tmp_path):
    path = tmp_path / "fictional.json"
    path.write_text('{"events": ['
                    '{"start_date": {"year": "2027", "month": "5"}, "text": {"headline": "Fictional pilot line"}},'
                    '{"start_date": {"year": "2027", "month": "13"}, "text": {"headline": "Fictional bad month"}}]}',
                    encoding="utf-8")
    window.open_path(str(path))
    qtbot.waitUntil(lambda: not window.is_loading() and window.state.roadmap.origin == str(path), timeout=10000)
    qtbot.waitUntil(lambda: window.problems_dialog is not None and window.problems_dialog.isVisible(), timeout=3000)
    listed = " | ".join(window.problems_dialog.problems)
    assert "Fictional bad month" in listed and "left out" in listed and "month 13" in listed
