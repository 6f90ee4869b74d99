"""The compiled bundled dataset (resources/bundled-data.json) that the app starts on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nevroadmap.core.loader import load
from nevroadmap.core.loader.checked import load_checked
from nevroadmap.core.loader.files import data_files
from nevroadmap.core.loader.snapshot import read_snapshot, snapshot_path, snapshot_text
from nevroadmap.core.resources import bundled_data_path

REPO = Path(__file__).resolve().parent.parent


def _full(root: Path):
    return load_checked(root, data_files(root))


def test_the_shipped_snapshot_is_of_the_current_data():
    root = bundled_data_path()
    text = snapshot_text(_full(root), data_files(root))
    assert snapshot_path().read_text(encoding="utf-8") == text, \
        "data/ changed: run python tools/bundled_snapshot.py and commit resources/bundled-data.json"
    r = subprocess.run([sys.executable, str(REPO / "tools" / "bundled_snapshot.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_the_snapshot_gives_what_the_full_loader_gives():
    root = bundled_data_path()
    from_snapshot = read_snapshot(root, data_files(root))
    assert from_snapshot is not None
    full = _full(root)
    assert from_snapshot == full
    assert from_snapshot.milestones[0].when == full.milestones[0].when
    assert type(from_snapshot.milestones[0].status) is type(full.milestones[0].status)
    with_metrics = [m for m in full.milestones if m.metrics]
    assert with_metrics and all(isinstance(x.value, float) for m in with_metrics
                                for x in from_snapshot.milestone_by_id[m.id].metrics)


def test_loading_the_bundled_data_imports_no_pydantic():
    code = ("import sys; from nevroadmap.core.loader import load; rm = load(); "
            "print(len(rm.milestones), 'pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(len(_full(bundled_data_path()).milestones)), "False"]


@pytest.fixture
def copied(tmp_path):
    """A copy of the bundled data and of its snapshot."""
    root = tmp_path / "data"
    shutil.copytree(bundled_data_path(), root)
    snap = tmp_path / "snap.json"
    shutil.copyfile(snapshot_path(), snap)
    return root, snap


def test_a_data_file_edited_in_place_is_read_by_the_full_loader(copied):
    root, snap = copied
    assert read_snapshot(root, data_files(root), snap) == _full(root)
    f = root / "milestones.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("Semi-solid", "Semi-Solid", 1), encoding="utf-8")  # same size, other bytes
    assert f.stat().st_size == len(text.encode("utf-8"))
    assert read_snapshot(root, data_files(root), snap) is None
    f.unlink()
    assert read_snapshot(root, data_files(root), snap) is None  # a file gone


@pytest.mark.parametrize("junk", [b"", b"[]", b"{\"format\": 1}", b"\xff\xfe", b"{\"format\": 2, \"files\": {}}"])
def test_a_broken_snapshot_is_ignored(copied, junk):
    root, snap = copied
    snap.write_bytes(junk)
    assert read_snapshot(root, data_files(root), snap) is None


def test_a_snapshot_with_wrong_values_is_ignored(copied):
    root, snap = copied
    doc = json.loads(snap.read_text(encoding="utf-8"))
    doc["sections"]["milestones"][0]["when"] = ["not", "a", "date"]
    snap.write_text(json.dumps(doc), encoding="utf-8")
    assert read_snapshot(root, data_files(root), snap) is None
    doc["sections"]["milestones"][0] = {"id": "only-an-id"}
    snap.write_text(json.dumps(doc), encoding="utf-8")
    assert read_snapshot(root, data_files(root), snap) is None


def test_strict_loads_never_take_the_snapshot(monkeypatch):
    import nevroadmap.core.loader.snapshot as snapshot

    def fail(*_a, **_k):
        raise AssertionError("the snapshot was read")

    monkeypatch.setattr(snapshot, "read_snapshot", fail)
    assert load(strict=True) == _full(bundled_data_path())


def test_a_snapshot_nested_too_deep_is_ignored(copied):
    root, snap = copied
    snap.write_text('{"format": 1, "files": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    assert read_snapshot(root, data_files(root), snap) is None


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_the_snapshot_is_ignored_without_waiting(copied):
    import os

    root, snap = copied
    snap.unlink()
    os.mkfifo(snap)  # opened for reading the usual way, this would wait for a writer forever
    assert read_snapshot(root, data_files(root), snap) is None


def test_a_snapshot_that_is_no_regular_file_or_too_big_is_not_read(copied, monkeypatch):
    import nevroadmap.core.loader.snapshot as snapshot

    root, snap = copied
    assert read_snapshot(root, data_files(root), snap) is not None
    monkeypatch.setattr(snapshot, "_MAX_BYTES", snap.stat().st_size - 1)
    assert read_snapshot(root, data_files(root), snap) is None  # checked before reading
    monkeypatch.undo()
    snap.unlink()
    snap.mkdir()
    assert read_snapshot(root, data_files(root), snap) is None
    if Path("/dev/zero").exists():
        snap.rmdir()
        snap.symlink_to("/dev/zero")  # endless: must not be read at all
        assert read_snapshot(root, data_files(root), snap) is None


def test_a_data_file_of_another_size_is_not_read_to_check_the_snapshot(copied, monkeypatch):
    root, snap = copied
    f = root / "sources.yaml"
    with f.open("ab") as out:
        out.write(b"\n# grown\n")
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    assert read_snapshot(root, data_files(root), snap) is None
    assert read == []  # the sizes differ: no data file is read for its CRC


@pytest.mark.parametrize("change", [
    lambda s: s["milestones"][0].update(title="W" * 5000),  # a Name is at most 500 characters
    lambda s: s["milestones"][0].update(title=""),
    lambda s: s["milestones"][0].update(id="has space <b>x</b>"),
    lambda s: s["milestones"][0].update(organizations=[""]),
    lambda s: s["milestones"][0].update(id=s["milestones"][0]["id"] + "\n"),
    lambda s: s["areas"][0].update(color="javascript:alert(1)"),
    lambda s: next(m for m in s["milestones"] if m["metrics"])["metrics"][0].update(value=float("nan")),
    lambda s: next(m for m in s["milestones"] if m["metrics"])["metrics"][0].update(value=float("inf")),
    lambda s: next(m for m in s["milestones"] if m["metrics"])["metrics"][0].update(value="nan"),
    lambda s: next(m for m in s["milestones"] if m["metrics"])["metrics"][0].update(value=True),
], ids=["long-name", "empty-name", "bad-id", "empty-id-in-list", "id-newline", "bad-color", "nan", "inf", "nan-text", "bool"])
def test_a_snapshot_breaking_a_field_rule_is_ignored(copied, change):
    root, snap = copied
    doc = json.loads(snap.read_text(encoding="utf-8"))
    change(doc["sections"])
    snap.write_text(json.dumps(doc), encoding="utf-8")  # the data files' fingerprint still matches
    assert read_snapshot(root, data_files(root), snap) is None
    assert load(root) == _full(root)  # (the copy is not the bundled path: the full loader, as a fallback would)
