"""Rooms of one job: no module in src/nevroadmap is over 500 lines."""

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "nevroadmap"
LIMIT = 500

MODULES = sorted(p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py"))


def test_modules_found():
    assert "core/layout.py" in MODULES and len(MODULES) > 10


@pytest.mark.parametrize("name", MODULES)
def test_module_is_at_most_500_lines(name):
    lines = len((SRC / name).read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"src/nevroadmap/{name} has {lines} lines (> {LIMIT}): split it by job"
