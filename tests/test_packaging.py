"""A plain (non-editable) install must carry the bundled data and resources."""

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_carries_data_and_resources(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(tmp_path), str(REPO)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (wheel,) = tmp_path.glob("nevroadmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {p.name for p in (REPO / "data").glob("*.y*ml")}
    assert data, "the repo has no data files"
    for name in data:
        assert f"nevroadmap/_bundled/data/{name}" in names
    assert any(n.startswith("nevroadmap/_bundled/resources/") for n in names)
    assert "nevroadmap/_bundled/resources/bundled-data.json" in names  # the compiled dataset the app starts on
    for lang in ("en", "zh_CN"):  # the compiled catalogues (app) and their sources (command line)
        assert f"nevroadmap/_bundled/resources/translations/nevroadmap_{lang}.qm" in names
        assert f"nevroadmap/_bundled/resources/translations/nevroadmap_{lang}.ts" in names
    assert "nevroadmap/core/loader/__init__.py" in names
    entry = [n for n in names if n.endswith("entry_points.txt")]
    entries = zipfile.ZipFile(wheel).read(entry[0]).decode()
    assert entry and "nevroadmap = nevroadmap.cli:main" in entries
    # the app as a GUI script (no console window on Windows), and what a desktop needs to launch it
    assert "[gui_scripts]" in entries and "nevroadmap-gui = nevroadmap.gui.app:main" in entries.split("[gui_scripts]")[1]
    assert "nevroadmap/_bundled/resources/nevroadmap.desktop" in names
    for size in (16, 32, 48, 128, 256, 512):
        assert f"nevroadmap/_bundled/resources/icons/hicolor/{size}x{size}/apps/nevroadmap.png" in names


def test_installed_wheel_validates_bundled_data_from_any_folder(tmp_path):
    wheels, target, elsewhere = tmp_path / "w", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True)
    (wheel,) = wheels.glob("nevroadmap-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    r = subprocess.run([sys.executable, "-c", "import nevroadmap, sys; sys.argv=['nevroadmap','validate'];"
                        "print(nevroadmap.__file__); from nevroadmap.cli import main; raise SystemExit(main())"],
                       capture_output=True, text=True, cwd=elsewhere, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert str(target) in r.stdout.splitlines()[0]
    assert "milestones" in r.stdout and "OK" in r.stdout
    r = subprocess.run([sys.executable, "-c", "import sys; sys.argv=['nevroadmap','--lang','zh_CN','validate'];"
                        "from nevroadmap.cli import main; raise SystemExit(main())"],
                       capture_output=True, text=True, cwd=elsewhere, encoding="utf-8",
                       env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"})
    assert r.returncode == 0 and r.stdout.startswith("正常：") and "个里程碑" in r.stdout, r.stdout + r.stderr
