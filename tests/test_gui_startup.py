"""What the start-up leaves for later still works, and the first frame is complete (issue 9).

Toolbar icons are drawn per size on first use, axes lay out a hidden title only
when it is shown, the comparison window, Export Data, the legend popup and
the editor launcher are imported when first used, and an unchanged setting is
not written back while the window is built.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QColor, QIcon

from conftest import GUI_FIXTURE, REPO

LATER = ("nevroadmap.gui.comparison_view", "nevroadmap.gui.data_export", "nevroadmap.gui.editor_launch",
         "nevroadmap.gui.legend_popup", "nevroadmap.gui.export_dialog")


def _colours(pm, alpha: int = 255) -> set[str]:
    img = pm.toImage()
    return {img.pixelColor(x, y).name() for x in range(img.width()) for y in range(img.height())
            if img.pixelColor(x, y).alpha() >= alpha}


# -- icons ------------------------------------------------------------------------
def test_toolbar_icon_lists_its_sizes_and_draws_each_size_asked(qapp):
    from nevroadmap.gui.icons import ICON_SIZES, icon

    ic = icon("open", "#ff0000", "#00ff00")
    assert not ic.isNull()
    assert [s.width() for s in ic.availableSizes()] == list(ICON_SIZES)
    for side in (16, 24, 36, 48):
        pm = ic.pixmap(QSize(side, side))
        assert (pm.width(), pm.height()) == (side, side)
        assert _colours(pm) == {"#ff0000"}  # drawn, in the normal colour only
    assert _colours(ic.pixmap(QSize(24, 24), QIcon.Mode.Disabled)) == {"#00ff00"}
    assert not ic.pixmap(QSize(24, 24), QIcon.Mode.Selected).isNull()


def test_toolbar_icon_is_sharp_on_a_high_density_screen(qapp):
    from nevroadmap.gui.icons import icon

    pm = icon("fit", "#123456").pixmap(QSize(24, 24), 2.0)
    assert (pm.width(), pm.height()) == (48, 48)  # device pixels
    assert pm.devicePixelRatio() == 2.0
    assert "#123456" in _colours(pm)


def test_unknown_icon_is_empty_and_icons_are_shared(qapp):
    from nevroadmap.gui.icons import icon

    assert icon("no-such-icon").isNull()
    assert icon("open", "#010203").cacheKey() == icon("open", "#010203").cacheKey()


def test_an_icon_outlives_the_python_objects_that_made_it(qapp):
    """Qt owns the engine: an action keeps drawing its icon once the cache is cleared."""
    import gc

    from PySide6.QtGui import QAction

    from nevroadmap.gui.icons import icon

    act = QAction("x")
    act.setIcon(icon("zoom-in", "#ff0000"))
    icon.cache_clear()
    gc.collect()
    pm = act.icon().pixmap(QSize(37, 37))  # a size never drawn before
    assert (pm.width(), pm.height()) == (37, 37)
    assert _colours(pm) == {"#ff0000"}
    copy = QIcon(act.icon())
    copy.addPixmap(pm)  # makes Qt copy the engine
    assert copy.pixmap(QSize(20, 20)).width() == 20


def test_window_toolbar_icons_follow_the_theme(open_window):
    w = open_window(theme="dark")
    fg = QColor(w.palette().color(w.palette().ColorRole.ButtonText)).name()
    drawn = [a for a in w.toolbar.actions() if isinstance(a.data(), str) and a.data()]
    assert len(drawn) >= 8
    for act in drawn:
        drawn_px = {QColor(c).lightness() for c in _colours(act.icon().pixmap(QSize(24, 24)), 64)}
        assert drawn_px, act.data()
        assert max(abs(v - QColor(fg).lightness()) for v in drawn_px) < 16, act.data()  # light on dark


# -- axes -------------------------------------------------------------------------
def test_quiet_axis_title_matches_pyqtgraphs(qapp):
    """The same title text and place as a plain pyqtgraph axis, after the same calls."""
    import pyqtgraph as pg

    from nevroadmap.render.axis import QuietAxis

    quiet, plain = QuietAxis("left"), pg.AxisItem("left")
    for ax in (quiet, plain):
        ax.setRange(0, 0.5)
        assert not ax.label.isVisible()
        ax.setLabel("kWh")
        ax.setRange(0, 0.5)
        ax.setTextPen("#ff0000")
        ax.resize(60, 300)
    assert quiet.label.isVisible() and plain.label.isVisible()
    assert quiet.label.toHtml() == plain.label.toHtml()
    assert "kWh" in quiet.label.toPlainText()
    assert quiet.label.pos() == plain.label.pos()
    assert quiet.width() == plain.width()
    quiet.showLabel(False)
    assert not quiet.label.isVisible()


def test_metrics_plot_has_no_context_menus_and_hides_the_spare_axes(qapp):
    from nevroadmap.render.metrics_pane import MetricsPlot

    plot = MetricsPlot()
    assert plot.getViewBox().menu is None
    assert not plot.getAxis("top").isVisible() and not plot.getAxis("right").isVisible()


# -- what waits for its first use ---------------------------------------------------
def test_window_start_leaves_rarely_used_parts_unimported(tmp_path):
    """A fresh process that builds the window as the app does imports none of LATER."""
    code = (
        "import json, sys\n"
        "from nevroadmap.gui.app import build_main_window, make_application\n"
        "app = make_application()\n"
        "w = build_main_window(None, reopen=False)\n"
        "w.show(); app.processEvents()\n"
        f"print(json.dumps([m for m in {LATER!r} if m in sys.modules]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEVROADMAP_SETTINGS_DIR=str(tmp_path / "s"),
               NEVROADMAP_DATA_DIR=str(tmp_path / "d"), PYTHONPATH=str(REPO / "src"))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("[")]
    assert lines, r.stderr[-2000:]
    assert json.loads(lines[-1]) == []


def test_gui_app_module_imports_no_qt(tmp_path):
    """make_application() imports the Qt-free core before PySide6; the module itself needs none."""
    code = "import sys, nevroadmap.gui.app; print(any(m.startswith('PySide6') for m in sys.modules))"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert r.stdout.strip() == "False", r.stderr[-2000:]


def test_parts_imported_later_still_open(open_window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from nevroadmap.gui.comparison_view import ComparisonView
    from nevroadmap.gui.legend_popup import LegendPopup

    w = open_window()
    view = w.show_comparison()
    assert isinstance(view, ComparisonView) and view.isVisible()
    view.close()
    popup = w.timeline.show_legend_popup()
    assert isinstance(popup, LegendPopup)
    popup.close()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: asked.append(a) or ("", "")))
    assert w.export_data_dialog() is None and len(asked) == 1  # the save dialog came up (and was cancelled)


def test_problems_dialog_still_opens_the_editor(qtbot, open_window, env, monkeypatch):
    from nevroadmap.gui import editor_launch

    calls = []
    monkeypatch.setattr(editor_launch, "open_at", lambda path, line: calls.append((path, line)) or True)
    bad = env / "broken.yaml"
    bad.write_text(GUI_FIXTURE.read_text(encoding="utf-8").replace("status: forecast", "status: maybe"),
                   encoding="utf-8")
    w = open_window()
    with qtbot.waitSignal(w.sigLoadFinished, timeout=10000):
        w.open_path(bad)
    dlg = w.problems_dialog
    assert dlg is not None and dlg.place() is not None
    assert dlg.open_in_editor() is True
    assert calls and calls[0][0].endswith("broken.yaml") and calls[0][1] >= 1


# -- the first frame -----------------------------------------------------------------
def test_first_frame_has_the_data_docks_chart_toolbar_and_menus(qtbot, env):
    from nevroadmap.gui.app import build_main_window

    w = build_main_window(None, theme="light", reopen=False)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    assert len(w.state.roadmap.milestones) > 0 and w.timeline.item is not None
    for dock in (w.filter_dock, w.metrics_dock):
        assert dock.isVisible()
    assert w.metrics_pane.key is not None and len(w.metrics_pane.plot.marks.rows) > 0  # the chart has marks
    assert w.toolbar.isVisible() and len(w.toolbar.actions()) > 5
    assert [a.text() for a in w.menuBar().actions()][:2] == ["&File", "&Edit"]
    img = w.grab().toImage()
    assert not img.isNull() and img.width() >= 1280


def test_building_the_window_writes_no_unchanged_setting(qtbot, env):
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    class Recording(QSettings):
        written: list = []

        def setValue(self, key, value):  # noqa: N802 (Qt API)
            self.written.append(key)
            super().setValue(key, value)

    settings = Recording(str(env / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("group_by", "technology")
    Recording.written.clear()
    w = MainWindow(AppState(), settings=settings, theme="light")
    qtbot.addWidget(w)
    assert "group_by" not in Recording.written
    w.state.set_group_by("company")  # a change is still kept
    assert settings.value("group_by") == "company"
