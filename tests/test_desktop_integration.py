"""Desktop integration: the application icon at every size, a valid .desktop file, the GUI entry point."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parent.parent
DESKTOP = REPO / "resources" / "nevroadmap.desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# the keys of the Desktop Entry spec (1.0-1.4) a launcher file may use; locale variants are Key[xx_YY]
KNOWN_KEYS = {
    "Type", "Version", "Name", "GenericName", "NoDisplay", "Comment", "Icon", "Hidden", "OnlyShowIn",
    "NotShowIn", "DBusActivatable", "TryExec", "Exec", "Path", "Terminal", "Actions", "MimeType", "Categories",
    "Implements", "Keywords", "StartupNotify", "StartupWMClass", "URL", "PrefersNonDefaultGPU", "SingleMainWindow",
}
LIST_KEYS = {"OnlyShowIn", "NotShowIn", "Actions", "MimeType", "Categories", "Implements", "Keywords"}
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
                   "Office", "Science", "Settings", "System", "Utility"}


def validate_keys(text: str) -> list[str]:
    """The Desktop Entry rules this app's file relies on, checked without desktop-file-validate."""
    errors = []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines or lines[0] != "[Desktop Entry]":
        return ["the first group must be [Desktop Entry]"]
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # keys are case-sensitive
    cp.read_string(text)
    entry = cp["Desktop Entry"]
    for key in ("Type", "Name", "Exec", "Icon"):
        if key not in entry:
            errors.append(f"missing {key}")
    if entry.get("Type") != "Application":
        errors.append("Type must be Application")
    if entry.get("Version", "1.0") not in ("1.0", "1.1", "1.2", "1.3", "1.4"):
        errors.append(f"unknown Version {entry.get('Version')}")
    for key, value in entry.items():
        base = re.sub(r"\[[A-Za-z_@.]+\]$", "", key)
        if base not in KNOWN_KEYS and not base.startswith("X-"):
            errors.append(f"unknown key {key}")
        if base in LIST_KEYS and not value.endswith(";"):
            errors.append(f"{key} must end with ';'")
        if base in ("Terminal", "StartupNotify", "NoDisplay", "Hidden") and value not in ("true", "false"):
            errors.append(f"{key} must be true or false")
    cats = [c for c in entry.get("Categories", "").split(";") if c]
    if not MAIN_CATEGORIES & set(cats):
        errors.append("Categories needs a main category")
    exec_ = entry.get("Exec", "")
    if re.search(r"%[^fFuUick%]", exec_):
        errors.append("Exec has an unknown field code")
    if "/" in entry.get("Icon", "") or entry.get("Icon", "").endswith((".png", ".svg")):
        errors.append("Icon should be a theme name")
    return errors


def test_desktop_file_is_valid():
    text = DESKTOP.read_text(encoding="utf-8")
    assert validate_keys(text) == []  # always, so a machine without the tool still checks the file
    tool = shutil.which("desktop-file-validate")
    if tool is not None:
        r = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
        assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr
    entry = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    assert entry["Exec"].split()[0] == "nevroadmap-gui" and entry["Icon"] == "nevroadmap"
    assert entry["Terminal"] == "false"


def test_the_key_check_catches_broken_files():
    assert validate_keys("[Desktop Entry]\nType=Application\nName=X\nExec=x %z\nIcon=x\nCategories=Office\n") == [
        "Categories must end with ';'", "Exec has an unknown field code"]
    assert "missing Icon" in validate_keys("[Desktop Entry]\nType=Application\nName=X\nExec=x\nCategories=Office;\n")
    assert validate_keys("[Something]\nName=X\n") == ["the first group must be [Desktop Entry]"]


@pytest.mark.parametrize("size", SIZES)
def test_application_icon_exists_at_every_usual_size(size):
    path = REPO / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "nevroadmap.png"
    img = QImage(str(path))
    assert not img.isNull(), path
    assert (img.width(), img.height()) == (size, size)
    assert img.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank
    assert img.pixelColor(0, 0).alpha() == 0  # rounded corners stay transparent


def test_window_and_application_carry_the_icon(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    from nevroadmap.gui.app import make_application
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    app = make_application()
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    assert set(SIZES) <= sizes
    w = MainWindow(AppState(), theme="light")
    qtbot.addWidget(w)
    assert set(SIZES) <= {s.width() for s in w.windowIcon().availableSizes()}
    assert app.desktopFileName() == DESKTOP.stem


def test_gui_script_is_declared_beside_the_command():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["nevroadmap"] == "nevroadmap.cli:main"
    target = project["gui-scripts"]["nevroadmap-gui"]
    module, func = target.split(":")
    import importlib

    assert callable(getattr(importlib.import_module(module), func))
