"""The layers point one way: cli -> gui -> render -> core, and core never touches Qt."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "nevroadmap"
QT = ("PySide6", "pyqtgraph", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((SRC / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_module_has_no_qt_import(path):
    bad = {n for n in _imports(path) if n.split(".")[0] in QT or n.startswith(("nevroadmap.render", "nevroadmap.gui", "nevroadmap.cli"))}
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", sorted((SRC / "render").rglob("*.py")), ids=lambda p: p.name)
def test_render_never_imports_gui_or_cli(path):
    bad = {n for n in _imports(path) if n.startswith(("nevroadmap.gui", "nevroadmap.cli"))}
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", sorted((SRC / "gui").rglob("*.py")), ids=lambda p: p.name)
def test_gui_never_imports_the_cli(path):
    bad = {n for n in _imports(path) if n == "nevroadmap.cli" or n.startswith("nevroadmap.cli.")}
    assert not bad, f"{path.name} imports {bad}"


def test_cli_is_a_package_without_cycles():
    """Commands import the shared modules (parser, common), never the package root or each other."""
    cli = SRC / "cli"
    assert (cli / "__init__.py").is_file() and not (SRC / "cli.py").exists() and not (SRC / "export_cli.py").exists()
    shared = {"nevroadmap.cli.parser", "nevroadmap.cli.common"}
    for path in sorted(cli.glob("*.py")):
        if path.name == "__init__.py":
            continue
        own = f"nevroadmap.cli.{path.stem}"
        bad = {n for n in _imports(path) if (n == "nevroadmap.cli" or n.startswith("nevroadmap.cli."))
               and n not in shared - {own}}
        assert not bad, f"{path.name} imports {bad}"
        if path.stem in ("parser", "common"):
            assert not {n for n in _imports(path) if n.startswith("nevroadmap.cli")}, f"{path.name} imports the cli"


def test_import_linter_contracts_are_strict():
    import tomllib

    conf = tomllib.loads((SRC.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    contracts = conf["contracts"]
    assert not any("allow_indirect_imports" in c for c in contracts)
    layers = [c for c in contracts if c["type"] == "layers"]
    assert layers and layers[0]["layers"] == ["nevroadmap.cli", "nevroadmap.gui", "nevroadmap.render", "nevroadmap.core"]
    forbidden = {tuple(c["source_modules"]): set(c["forbidden_modules"]) for c in contracts if c["type"] == "forbidden"}
    assert {"PySide6", "pyqtgraph"} <= forbidden[("nevroadmap.core",)]
    assert {"nevroadmap.gui", "nevroadmap.cli"} <= forbidden[("nevroadmap.render",)]


def test_importing_core_and_cli_loads_no_qt():
    code = ("import sys, nevroadmap, nevroadmap.cli, nevroadmap.core.loader, nevroadmap.core.query, "
            "nevroadmap.core.layout; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{QT!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail("import-linter is a test dependency; install the [test] extra")
    r = subprocess.run([str(lint)], capture_output=True, text=True, cwd=SRC.parent.parent)
    assert r.returncode == 0, r.stdout + r.stderr
