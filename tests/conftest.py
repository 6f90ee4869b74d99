"""Shared fixtures.  Qt runs headless; pyqtgraph must use PySide6."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # Qt paints as in the app (nevroadmap.runtime.paint_on_one_thread)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def bench_generator():
    """``benchmarks/generate.py`` (seeded fictional trackers of any size), loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("nev_bench_generate", REPO / "benchmarks" / "generate.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


@pytest.fixture(scope="session")
def bundled():
    """The bundled dataset, loaded once."""
    from nevroadmap.core.loader import load

    return load()


@pytest.fixture
def write(tmp_path):
    """Write a data file into tmp_path and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(text, encoding="utf-8")
        return p

    return _write


GUI_FIXTURE = FIXTURES / "gui_roadmap.yaml"


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    """Open a main window on a dataset with settings kept in tmp_path; closed after the test.

    ``open_window(path=GUI_FIXTURE, size=None, active=False, theme="light")`` (theme None: the system's): ``size`` resizes it before it is
    shown, ``active`` waits until it is the active window (keys go to it)."""
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    made = []

    def _open(path=GUI_FIXTURE, size=None, active=False, theme="light"):
        from PySide6.QtWidgets import QApplication

        from nevroadmap.core.loader import load
        from nevroadmap.gui.main_window import MainWindow
        from nevroadmap.gui.state import AppState

        w = MainWindow(AppState(load(path)), theme=theme)
        qtbot.addWidget(w)
        if size is not None:
            w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        if active:
            w.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
        made.append(w)
        return w

    yield _open
    for w in made:
        w.close()


@pytest.fixture
def english_after(qapp):
    """Every test ends in English, whatever it switched to (translators are application-wide)."""
    from nevroadmap.gui.language import apply_language

    yield apply_language
    apply_language("en")


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Settings and app data kept in tmp_path (never the user's); returns tmp_path."""
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    return tmp_path


@pytest.fixture
def cached_as_drawn(qapp):
    """``check(view, marks)``: the metrics marks cached on screen (``DeviceCoordinateCache``) look as
    drawn directly, but for a few pixels (returns the pixels that differ)."""
    def check(view, marks, tolerance: int = 20):
        from PySide6.QtWidgets import QGraphicsItem

        cached = view.grab().toImage()
        mode = marks.cacheMode()
        marks.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        marks.update()
        direct = view.grab().toImage()
        marks.setCacheMode(mode)
        differ = [(x, y) for x in range(0, cached.width(), 2) for y in range(0, cached.height(), 2)
                  if cached.pixel(x, y) != direct.pixel(x, y)]
        assert len(differ) < tolerance, differ[:10]
        return differ

    return check
