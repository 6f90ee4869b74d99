"""The Chinese interface: a language switch translates menus, docks, dialogs, the status bar,
Qt's own buttons and the axis dates, and switches back; English plurals come from the English catalogue."""

from pathlib import Path

import pytest

from nevroadmap.core.loader import load

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"


@pytest.fixture
def window(open_window, english_after):
    return open_window(FIX, theme=None)


def menu_titles(w) -> list[str]:
    return [a.text().replace("&", "") for a in w.menuBar().actions()]


def test_view_language_switches_the_interface_live_and_back(qtbot, window):
    assert menu_titles(window)[:3] == ["File", "Edit", "View"]
    assert window.status_text() == "5 of 5 milestones shown"
    window.state.select_milestone("fm-solid-pilot")
    assert "Who says so" in window.details_panel.text()
    window.act_lang_zh_CN.trigger()  # View > Language > 简体中文
    details = window.details_panel.text()
    assert "谁这样说" in details and "状态" in details and "Who says so" not in details  # the open details follow
    assert window.act_lang_zh_CN.isChecked() and not window.act_lang_en.isChecked()
    assert menu_titles(window)[:3] == ["文件(F)", "编辑(E)", "视图(V)"]
    assert window.menus["view/language"].title() == "语言(&L)"
    assert window.act_export.text() == "导出图像(&E)…"
    assert window.filter_dock.windowTitle() == "筛选" and window.details_dock.windowTitle() == "详情"
    panel = window.filter_panel
    assert panel.org_box.title() == "公司" and panel.clear_button.text() == "清除筛选"
    assert [cb.text() for cb in panel.status_boxes.values()] == ["已实现", "已宣布", "计划中", "预测"]
    assert window.status_text() == "显示 5 / 5 个里程碑"
    assert window.windowTitle().endswith(" — NEV Roadmap")
    assert window.settings.value("language") == "zh_CN"  # remembered for the next start
    box = window.show_about()
    assert box.windowTitle() == "关于 NEV Roadmap" and "数据来源" in box.text()
    box.close()

    window.act_lang_en.trigger()
    assert menu_titles(window)[:3] == ["File", "Edit", "View"]
    assert panel.org_box.title() == "Companies" and panel.status_boxes[next(iter(panel.status_boxes))].text() == "Achieved"
    assert window.status_text() == "5 of 5 milestones shown"
    assert window.settings.value("language") == "en"


def test_qt_standard_buttons_speak_chinese(qtbot, english_after):
    from PySide6.QtWidgets import QMessageBox

    english_after("zh_CN")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "").startswith("是")
    english_after("en")
    box2 = QMessageBox(QMessageBox.Icon.Question, "t", "?", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(box2)
    assert box2.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Yes"


@pytest.mark.parametrize("n, english", [(1, "1 problem found in"), (2, "2 problems found in")])
def test_english_plurals_come_from_the_english_catalogue(qtbot, english_after, n, english):
    from nevroadmap.gui.problems_dialog import ProblemsDialog

    english_after("en")
    dlg = ProblemsDialog("x.yaml", [f"x.yaml:{i}: bad" for i in range(n)])
    qtbot.addWidget(dlg)
    assert english in dlg.summary.text() and "problem(s)" not in dlg.summary.text()
    english_after("zh_CN")  # the open dialog follows the language
    assert f"在 x.yaml 中发现 {n} 个问题" in dlg.summary.text() and dlg.windowTitle() == "数据中的问题"


def test_export_in_chinese_has_chinese_dates_legend_and_a_cjk_font(tmp_path, english_after):
    from nevroadmap.render.export import ExportRequest, export_roadmap
    from nevroadmap.render.fonts import cjk_family

    roadmap = load()
    english_after("zh_CN")
    out = tmp_path / "zh.svg"
    export_roadmap(roadmap, out, ExportRequest(width=1920, height=1080, time_range=(2024.0, 2031.0)))
    svg = out.read_text(encoding="utf-8")
    assert ">2027年<" in svg and ">2030年<" in svg  # axis ticks
    assert "新能源汽车技术路线图" in svg and "已实现" in svg and "按技术分组" in svg  # title, legend, subtitle
    if cjk_family():
        assert f'font-family="{cjk_family()}"' in svg
    english_after("en")
    export_roadmap(roadmap, tmp_path / "en.svg", ExportRequest(width=1920, height=1080, time_range=(2024.0, 2031.0)))
    en = (tmp_path / "en.svg").read_text(encoding="utf-8")
    assert ">2027<" in en and "年" not in en.split("</title>")[-1].split("Source:")[0]


def test_startup_language_order(monkeypatch, qapp):
    from PySide6.QtCore import QSettings

    from nevroadmap.gui.language import startup_language

    settings = QSettings(str(Path(qapp.applicationDirPath()) / "nonexistent.ini"), QSettings.Format.IniFormat)
    monkeypatch.delenv("NEVROADMAP_LANG", raising=False)
    settings.setValue("language", "zh_CN")
    assert startup_language(None, settings) == "zh_CN"  # the saved View > Language choice
    assert startup_language("en", settings) == "en"  # --lang wins
    monkeypatch.setenv("NEVROADMAP_LANG", "en")
    assert startup_language(None, settings) == "en"
    settings.clear()


def test_export_dialog_dates_follow_the_language(english_after):
    from nevroadmap.gui.export_dialog import format_range, format_year

    english_after("zh_CN")
    assert format_year(2024.2) == "2024年3月" and format_range(2024.0, 2031.0) == "2024年1月 – 2031年1月"
    english_after("en")
    assert format_year(2024.2) == "Mar 2024"
