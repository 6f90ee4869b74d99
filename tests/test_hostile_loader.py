"""Issue 13 at the loader: reading only what was opened (class 4), a memory
budget (class 6), bounded suggestions (class 7) and identity (class 8)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES
from nevroadmap.core.loader import RoadmapError, load, repeated_json_keys
from nevroadmap.core.loader.problems import SUGGEST_CANDIDATES, Candidates

VALID = FIXTURES / "fictional.yaml"


def problems_of(path, strict: bool = False) -> list[str]:
    with pytest.raises(RoadmapError) as info:
        load(path, strict=strict)
    return [str(p) for p in info.value.problems]


def validate(path, user: int | None = None, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "nevroadmap", "validate", str(path)]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]

    def limit() -> None:
        if limit_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, preexec_fn=limit)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "roadmap"
    (d / "sub").mkdir(parents=True)
    shutil.copy(VALID, d / "main.yaml")
    return d


# -- class 4: reading outside what was opened --------------------------------------------------------
@pytest.mark.parametrize("make", [
    lambda d, outside: os.symlink("/etc/passwd", d / "evil.yaml"),
    lambda d, outside: os.symlink(outside, d / "sub" / "evil.json"),
    lambda d, outside: os.symlink(outside.parent, d / "sub" / "elsewhere"),
    lambda d, outside: os.symlink("/etc", d / "etc"),
    lambda d, outside: os.symlink("../../" + outside.name, d / "sub" / "relative.yaml"),
])
def test_links_leading_outside_the_folder_are_reported_not_read(folder, tmp_path, make):
    outside = tmp_path / "secret.yaml"
    outside.write_text("areas:\n  - id: secret-line\n    nom: SECRET\n", encoding="utf-8")
    make(folder, outside)
    probs = problems_of(folder)
    assert any("symbolic link to outside the folder" in p for p in probs)
    assert not any("SECRET" in p or "secret-line" in p or "root:" in p for p in probs)


def test_links_inside_the_folder_and_a_named_link_are_fine(folder, tmp_path):
    os.symlink(folder / "main.yaml", folder / "sub" / "same.yaml.bak")  # not a data suffix
    os.symlink(folder / "sub", folder / "again")  # a folder link inside: its files are read once
    assert load(folder).milestones
    named = tmp_path / "named.yaml"
    os.symlink(folder / "main.yaml", named)
    assert load(named).milestones  # the user named it


def test_dangling_links_and_fifos_in_a_folder_are_problems(folder):
    os.symlink(folder / "gone.yaml", folder / "dangling.yaml")
    os.mkfifo(folder / "pipe.yaml")
    probs = problems_of(folder)
    assert any("dangling.yaml" in p and "cannot read" in p for p in probs)
    assert any("pipe.yaml" in p and "not a regular file" in p for p in probs)


def _as_nobody_or_chmod(path, mode):
    os.chmod(path, mode)
    return 65534 if os.geteuid() == 0 else None


@pytest.fixture
def open_tmp():
    """A folder other users may enter (pytest's own is private), removed afterwards."""
    import tempfile

    d = tempfile.mkdtemp(prefix="nev-hostile-")
    os.chmod(d, 0o755)
    yield __import__("pathlib").Path(d)
    for root, dirs, _files in os.walk(d):
        for x in dirs:
            os.chmod(os.path.join(root, x), 0o755)
    shutil.rmtree(d, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="needs setpriv to drop root")
@pytest.mark.parametrize("what", ["subfolder", "file", "root"])
def test_unreadable_parts_are_problems_with_their_path(open_tmp, what):
    folder = open_tmp / "roadmap"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(VALID, folder / "main.yaml")
    shutil.copy(VALID, folder / "sub" / "more.yaml")
    (folder / "sub" / "more.yaml").write_text((folder / "sub" / "more.yaml").read_text().replace(
        "id: ", "id: x").replace("xx", "x"), encoding="utf-8")
    target = {"subfolder": folder / "sub", "file": folder / "main.yaml", "root": folder}[what]
    for p in (folder, folder / "sub"):
        os.chmod(p, 0o755)
    os.chmod(folder / "main.yaml", 0o644)
    user = _as_nobody_or_chmod(target, 0o000 if what != "file" else 0o200)
    try:
        r = validate(folder, user=user)
    finally:
        os.chmod(target, 0o755)
    assert r.returncode == 1 and "OK" not in r.stdout
    assert "Permission denied" in r.stderr and "holds no data files" not in r.stderr
    assert str(target.name) in r.stderr


# -- class 6: memory budget -------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["? k{i}\n", "- ? k{i}\n", "{{a{i}, b{i}}}\n"])
def test_yaml_keys_of_every_kind_count_toward_the_budget(tmp_path, line):
    path = tmp_path / "keys.yaml"
    text = "".join(line.format(i=i) for i in range(5_000_000))[:44_000_000]
    if line.startswith("{"):
        text = "- " + text.replace("\n", "\n- ")[:44_000_000].rsplit("\n", 1)[0] + "\n"
    path.write_text(text, encoding="utf-8")
    r = validate(path, limit_bytes=2 << 30)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "MemoryError" not in r.stderr
    assert "values; the limit" in r.stderr and r.stderr.count("\n") == 2


# -- class 7: bounded suggestions -------------------------------------------------------------------
def test_suggestions_compare_a_bounded_number_of_candidates(tmp_path):
    n, unknown = 50_000, 1_000
    data = {
        "sources": [{"id": "s", "title": "Fictional source (example)"}],
        "areas": [{"id": "a", "name": "A"}],
        "technologies": [{"id": "t", "name": "T", "area": "a"}],
        "milestones": [{"id": f"milestone-{i:06d}", "title": "M", "technology": "t", "when": "2027",
                        "status": "planned"} for i in range(n)],
        "claims": [{"id": f"c{i}", "statement": "x", "source": "s", "supports": [f"milestone-{i:06d}x"]}
                   for i in range(unknown)],
    }
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = Candidates.compared
    probs = problems_of(path)
    assert len(probs) == unknown
    assert "unknown milestone id 'milestone-000007x' (did you mean 'milestone-000007'?)" in " ".join(probs)
    assert Candidates.compared - before <= unknown * SUGGEST_CANDIDATES  # not unknown * n


def test_a_huge_unknown_word_gets_no_suggestion_and_a_short_message(tmp_path):
    path = tmp_path / "k.json"
    path.write_text(json.dumps({"areas": [{"id": "a", "name": "A", "x" * 1_000_000: 1}]}), encoding="utf-8")
    (msg,) = problems_of(path)
    assert len(msg) < 1000 and "did you mean" not in msg


# -- class 8: identity ------------------------------------------------------------------------------
BASE = {"sources": [{"id": "s", "title": "S"}], "areas": [{"id": "a", "name": "A"}],
        "technologies": [{"id": "t", "name": "T", "area": "a"}],
        "organizations": [{"id": "o", "name": "Fictional Motors (example)"}],
        "milestones": [{"id": "m", "title": "M", "technology": "t", "when": "2027", "status": "planned"},
                       {"id": "m2", "title": "M2", "technology": "t", "when": "2028", "status": "planned"}],
        "claims": [{"id": "c", "statement": "x", "source": "s", "supports": ["m"]}]}


def _json(tmp_path, text: str):
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new", [
    ('"id": "m2",', '"id": "m2",\n "id": "m3",'),
    ('"title": "M",', '"title": "M",\n "title": "N",'),
    ('"statement": "x",', '"statement": "x",\n "statement": "y",'),
    ('"title": "M",', '"title": "M",\n "title": "N",\n "id": "m9",'),
    ('"id": "a",', '"id": "a", "\\u0069d": "b",'),
])
def test_a_key_repeated_in_one_json_record_is_a_problem_with_its_line(tmp_path, old, new):
    text = json.dumps(BASE, indent=1).replace(old.replace(",\n", ",\n"), new, 1)
    assert new in text
    probs = problems_of(_json(tmp_path, text), strict=True)
    line = text[:text.index(new.split("\n")[-1])].count("\n") + 1
    assert any("appears twice in one record" in p and f"d.json:{line}:" in p for p in probs), probs
    r = validate(tmp_path / "d.json")  # the CLI checker
    assert r.returncode == 1 and f"d.json:{line}: key" in r.stderr


@pytest.mark.parametrize("section", ["areas", "milestones", "claims"])
def test_a_json_section_given_twice_is_a_problem(tmp_path, section):
    text = json.dumps(BASE, indent=1)[:-2] + f',\n "{section}": []\n}}'
    probs = problems_of(_json(tmp_path, text))
    assert any(f"section '{section}' is given twice" in p for p in probs)


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
@pytest.mark.parametrize("rid", [" m", "m ", "\tm", "m\u00a0"])
def test_ids_with_surrounding_spaces_are_problems_not_merged(tmp_path, fmt, rid):
    if fmt == "json":
        data = json.loads(json.dumps(BASE))
        data["milestones"][1]["id"] = rid
        path = _json(tmp_path, json.dumps(data, indent=1))
    elif fmt == "yaml":
        path = tmp_path / "d.yaml"
        path.write_text(f"areas:\n  - id: a\n    name: A\n  - id: {json.dumps(rid.replace('m', 'a'))}\n"
                        "    name: B\n", encoding="utf-8")
    else:
        path = tmp_path / "d.toml"
        path.write_text(f'[[areas]]\nid = "a"\nname = "A"\n\n[[areas]]\nid = {json.dumps(rid.replace("m", "a"))}\n'
                        'name = "B"\n', encoding="utf-8")
    probs = problems_of(path)
    assert any("is not a valid id" in p for p in probs), probs


@pytest.mark.parametrize("field,value", [("supports", ["m", "m"]), ("supports", ["m", "m2", "m"])])
def test_an_id_listed_twice_in_one_record_is_a_problem(tmp_path, field, value):
    data = json.loads(json.dumps(BASE))
    data["claims"][0][field] = value
    probs = problems_of(_json(tmp_path, json.dumps(data, indent=1)))
    assert any("'m' is listed twice" in p for p in probs)
    data["claims"][0].pop(field)
    data["milestones"][0]["organizations"] = ["o", "o"]
    probs = problems_of(_json(tmp_path, json.dumps(data, indent=1)))
    assert any("'o' is listed twice" in p for p in probs)


@pytest.mark.parametrize("command", [["list"], ["claims"], ["export", "-o", "{out}"]])
def test_list_claims_and_export_refuse_a_key_repeated_in_a_json_record_like_validate(tmp_path, command):
    text = json.dumps(BASE, indent=1).replace('"title": "M",', '"title": "M",\n "title": "N",', 1)
    path = _json(tmp_path, text)
    line = text[:text.index('"title": "N"')].count("\n") + 1
    args = [a.replace("{out}", str(tmp_path / "x.png")) for a in command]
    r = subprocess.run([sys.executable, "-m", "nevroadmap", args[0], str(path), *args[1:]],
                       capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 1 and f"d.json:{line}: key" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "x.png").exists()


def test_the_app_names_a_key_repeated_in_a_json_record_after_showing_the_roadmap(qtbot, tmp_path, open_window):
    text = json.dumps(BASE, indent=1).replace('"title": "M",', '"title": "M",\n "title": "N",', 1)
    path = _json(tmp_path, text)
    line = text[:text.index('"title": "N"')].count("\n") + 1
    w = open_window()
    with qtbot.waitSignal(w.loader.sigLateProblems, timeout=10000) as got:
        w.open_path(str(path))
    assert any(f"d.json:{line}: key" in p for p in got.args[1])
    qtbot.waitUntil(lambda: w.session.problems_dialog is not None and w.session.problems_dialog.isVisible())
    assert f"d.json:{line}: key" in w.session.problems_dialog.plain_text()
    assert [m.title for m in w.state.roadmap.milestones] == ["N", "M2"]  # shown, with the last value


def test_a_clean_json_file_raises_no_late_problem(qtbot, tmp_path, open_window):
    path = _json(tmp_path, json.dumps(BASE, indent=1))
    w = open_window()
    late = []
    w.loader.sigLateProblems.connect(lambda *a: late.append(a))
    with qtbot.waitSignal(w.state.sigPrepared, timeout=10000):
        w.open_path(str(path))
    qtbot.wait(200)
    assert late == [] and [m.title for m in w.state.roadmap.milestones] == ["M", "M2"]


def test_the_apps_late_check_skips_json_over_its_memory_budget(qtbot, tmp_path, open_window, monkeypatch):
    from nevroadmap.gui import dataset_loader

    monkeypatch.setattr(dataset_loader, "LATE_CHECK_MAX_BYTES", 10)  # this small file counts as big
    text = json.dumps(BASE, indent=1).replace('"title": "M",', '"title": "M",\n "title": "N",', 1)
    path = _json(tmp_path, text)
    w = open_window()
    late = []
    w.loader.sigLateProblems.connect(lambda *a: late.append(a))
    with qtbot.waitSignal(w.state.sigPrepared, timeout=10000):
        w.open_path(str(path))
    qtbot.wait(300)
    assert late == []
    assert repeated_json_keys(path) and not repeated_json_keys(path, max_bytes=10)
