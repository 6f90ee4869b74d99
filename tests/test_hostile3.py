"""Hostile input, round 3: what an adversarial tester still broke after issue 13
(symbolic link cycles, wrongly typed TimelineJS values, undecodable arguments, the
last-resort guard, the app's own files behind links or FIFOs, memory, silent loss,
invisible characters).  The command line runs in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_hostile_cli import nev


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


@pytest.mark.parametrize("links", [{"self.yaml": "self.yaml"}, {"a.yaml": "b.yaml", "b.yaml": "a.yaml"}])
def test_symlink_cycle_in_a_folder_is_a_problem_with_its_path(tmp_path, links):
    d = tmp_path / "D"
    d.mkdir()
    for name, target in links.items():
        (d / name).symlink_to(target)
    proc = nev("validate", d)
    err = one_line_error(proc)
    assert proc.returncode == 1
    for name in links:
        assert f"{name}: skipped: a symbolic link that leads back to itself" in err
