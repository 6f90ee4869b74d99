"""The fuzzer runs in CI for a bounded time: YAML, JSON, TOML and CLI arguments,
each for a few seconds with a fixed seed (tools/fuzz_loader.py holds the contract)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_fuzzer_finds_nothing_in_a_bounded_run(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, str(REPO / "tools" / "fuzz_loader.py"), "--seconds", "20", "--seed", "13",
                        "--engine", "hypothesis", "--format", "all"],
                       capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    for fmt in ("yaml", "json", "toml", "cli"):
        assert f"{fmt}: " in r.stdout and "no finding" in r.stdout  # every kind of input ran
