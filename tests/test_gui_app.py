"""The app entry point (run_app and start_gui, in a subprocess: one QApplication per process) and the screenshot tool."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"

# Runs run_app() and, once the window has finished loading, prints what it shows and quits.
PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from nevroadmap.gui.app import make_application, run_app

app = make_application()

def probe():
    ws = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    if not ws or ws[0].is_loading() or not ws[0].state.roadmap.origin:
        return
    w = ws[0]
    print("TITLE", w.windowTitle())
    print("STATUS", w.status_text())
    print("ICON", not app.windowIcon().isNull(), app.organizationName(), app.applicationName())
    print("HOOK", type(sys.excepthook).__name__)
    dlg = w.problems_dialog
    print("PROBLEMS", " | ".join(dlg.problems) if dlg is not None and dlg.isVisible() else "-")
    timer.stop()
    w.close()

timer = QTimer()
timer.timeout.connect(probe)
timer.start(50)
sys.exit(run_app(sys.argv[1] if len(sys.argv) > 1 else None))
"""


def run_probe(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEVROADMAP_SETTINGS_DIR=str(tmp_path / "s"),
               NEVROADMAP_DATA_DIR=str(tmp_path / "d"))
    r = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return dict(line.split(" ", 1) for line in r.stdout.splitlines() if " " in line)


def test_run_app_opens_path(tmp_path):
    out = run_probe(tmp_path, FIX)
    assert out["TITLE"] == "gui_roadmap.yaml — NEV Roadmap"  # ends with the display name: Qt adds no second one
    assert out["STATUS"] == "5 of 5 milestones shown"
    assert out["ICON"] == "True NEV Roadmap nevroadmap"
    assert out["HOOK"] == "ExceptionHook"
    assert out["PROBLEMS"] == "-"
    assert (tmp_path / "s" / "nevroadmap.ini").exists()  # settings went to the override, not the user's


def test_run_app_bad_path_falls_back_to_bundled_data(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("milestones:\n  - id: x\n    title: Fictional\n", encoding="utf-8")
    out = run_probe(tmp_path, bad)
    assert out["TITLE"] == "bundled dataset — NEV Roadmap"
    assert "bad.yaml:2: milestone 'x': missing required field 'technology'" in out["PROBLEMS"]


GC_PROBE = r"""
import gc, sys
from nevroadmap.gui.app import start_gui

app, window = start_gui(None, reopen=False)
print("SHOWN", gc.isenabled(), gc.get_freeze_count())
from PySide6.QtCore import QEvent, QObject, QTimer

class AfterPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            QTimer.singleShot(50, report)
            window.removeEventFilter(self)
        return False

def report():
    print("PAINTED", gc.isenabled(), gc.get_freeze_count() > 0, len(window.state.roadmap.milestones) > 0)
    app.quit()

f = AfterPaint()
window.installEventFilter(f)
QTimer.singleShot(30_000, app.quit)
app.exec()
"""


def test_start_up_holds_the_garbage_collector_until_the_first_frame(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEVROADMAP_SETTINGS_DIR=str(tmp_path / "s"),
               NEVROADMAP_DATA_DIR=str(tmp_path / "d"))
    r = subprocess.run([sys.executable, "-c", GC_PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = dict(line.split(" ", 1) for line in r.stdout.splitlines() if " " in line)
    assert lines["SHOWN"] == "False 0"  # built and shown without a collection
    assert lines["PAINTED"] == "True True True"  # painted: collections again, the start-up's objects set aside


def test_screenshot_tool_writes_window_picture(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from nevroadmap.gui import screenshot

    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "s"))  # restored after the test
    out = tmp_path / "shot.png"
    assert screenshot.main([str(out), "--data", str(FIX), "--theme", "dark", "--size", "1200x800"]) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1200, 800)
    # dark theme: the window background is dark
    assert img.pixelColor(600, 400).lightness() < 100 or img.pixelColor(5, 790).lightness() < 100
    from nevroadmap.gui.palette import apply_theme

    apply_theme("light")
