"""Issue 13 through the command line (a subprocess, as a user runs it).

Class 2: output is what it claims (no raw control characters, no forged rows,
formulas neutralised, well-formed SVG, capped quoted values).  Class 5: every
error a user can cause is one line and the documented exit code.  Class 9:
UTF-16/32, CR-only line endings, honest problem counts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

CONTROL = "".join(chr(i) for i in range(32)) + "\x7f\x85\x9b\u202e\u2066\u2028"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e\u2066\u2028]")  # what may not reach a terminal


def nev(*args, env=None, **kw) -> subprocess.CompletedProcess:
    full = dict(os.environ, **(env or {}))
    full.setdefault("QT_QPA_PLATFORM", "offscreen")
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "nevroadmap", *map(str, args)],
                          timeout=kw.pop("timeout", 120), env=full, **kw)


def dataset(title: str = "Fictional milestone", name: str = "Fictional Motors (example)", n: int = 2) -> dict:
    return {
        "sources": [{"id": "src", "title": f"Fictional report {name}"}],
        "organizations": [{"id": "org", "name": name}],
        "areas": [{"id": "area", "name": f"Area {name}"}],
        "technologies": [{"id": "tech", "name": f"Tech {name}", "area": "area"}],
        "milestones": [{"id": f"m{i}", "title": title, "technology": "tech", "organizations": ["org"],
                        "when": "2027", "status": "planned"} for i in range(n)],
        "claims": [{"id": "c", "statement": "x", "source": "src", "supports": ["m0"]}],
    }


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(dataset(title="T" + CONTROL + "\nm9  fake row", name="O" + CONTROL)), encoding="utf-8")
    return path


# -- class 2: output that is what it claims ---------------------------------------------------------
def test_table_escapes_control_characters_and_no_row_is_forged(hostile_file):
    r = nev("list", hostile_file)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0
    assert not RAW_CONTROL.search(out)
    assert len(out.rstrip("\n").split("\n")) == 1 + 2  # header + two milestones, whatever the titles hold
    assert "\\x01" in out and "\\n" in out


def test_csv_escapes_controls_and_neutralises_formulas(tmp_path):
    import csv
    import io

    for lead in ("=", "+", "-", "@", "\t=", " @"):
        path = tmp_path / "f.json"
        path.write_text(json.dumps(dataset(title=lead + "HYPERLINK(\"http://x\")\x1b", name=lead + "SUM(A1)")),
                        encoding="utf-8")
        out = nev("list", path, "--format", "csv").stdout.decode()
        rows = list(csv.reader(io.StringIO(out)))[1:]
        assert len(rows) == 2
        cells = [c for row in rows for c in row]
        assert any("HYPERLINK" in c for c in cells)
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], (lead, rows)
        assert "\x1b" not in out


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_claims_output_gets_the_same_escaping_as_list(tmp_path, fmt):
    import csv
    import io

    data = dataset(title="=T" + CONTROL + "\nm9  fake row", name="@O" + CONTROL)
    data["people"] = [{"id": "p", "name": "=HYPERLINK(\"x\")" + CONTROL, "organization": "org"}]
    data["milestones"][0]["metrics"] = [{"name": "energy density" + CONTROL, "value": 400, "unit": "Wh/kg",
                                         "scope": "-" + CONTROL}]
    data["claims"][0].update(speaker="p", statement="400 Wh/kg", organization="org")
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    r = nev("claims", path, "--format", fmt)
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0, r.stderr
    assert not RAW_CONTROL.search(out)
    if fmt == "table":
        assert len(out.rstrip("\n").split("\n")) == 1 + 1 and "\\x00" in out  # header + one figure
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) == 2 and not [c for c in rows[1] if c[:1] in ("=", "+", "-", "@", "\t", "\r")], rows
        assert any("HYPERLINK" in c for c in rows[1])
    else:
        (row,) = json.loads(out)
        assert row["speaker"] == "=HYPERLINK(\"x\")" + CONTROL.strip()


def test_json_output_is_the_data_with_nothing_raw_for_a_terminal(hostile_file):
    out = nev("list", hostile_file, "--format", "json").stdout.decode("utf-8")
    assert not RAW_CONTROL.search(out)
    assert json.loads(out)[0]["title"] == ("T" + CONTROL + "\nm9  fake row").strip()


@pytest.mark.parametrize("group", ["technology", "company"])
def test_svg_is_well_formed_whatever_the_data_holds(hostile_file, tmp_path, group):
    out = tmp_path / "chart.svg"
    r = nev("export", hostile_file, "-o", out, "--group-by", group, "--title", "Title\x01\x1b\x00".replace("\x00", ""))
    assert r.returncode == 0, r.stderr
    root = ET.parse(out).getroot()  # raises on a character XML cannot hold
    text = "".join(root.itertext())
    assert "Fictional report" in text or "Tech" in text or root.find(".//{*}title") is not None


def test_problems_quote_data_escaped_and_capped(tmp_path):
    key = "k\x1b[31m\u202e" + "x" * 5_000_000
    for name, text in (("bad.json", json.dumps({"areas": [{"id": "a", "name": "A", key: 1}]})),
                       ("bad2.json", json.dumps({key: []})),
                       ("bad.yaml", "areas:\n  - id: a\n    name: A\n    ? " + key.replace("\x1b", "") + "\n    : 1\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        r = nev("validate", path)
        err = r.stderr.decode()
        assert r.returncode == 1
        assert len(err) < 2000 and "\x1b" not in err and "\u202e" not in err and "…" in err, err
        assert err.count("\n") == 2  # one problem, one summary


def test_a_file_name_with_a_newline_cannot_forge_a_line(tmp_path):
    path = tmp_path / "a\nb.json"
    path.write_text("{", encoding="utf-8")
    err = nev("validate", path).stderr.decode()
    assert err.count("\n") == 2 and "a\\nb.json" in err


# -- class 5: one line and the documented exit code -------------------------------------------------
@pytest.mark.parametrize("name,text,needle", [
    ("big.json", '{"areas": [{"id": "a", "name": "A", "x": %s}]}' % ("9" * 5000), "more than"),
    ("big.toml", '[[areas]]\nid = "a"\nname = "A"\nx = %s\n' % ("9" * 5000), "more than"),
    ("deep.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
    ("deep2.toml", "x = " + "{a=" * 50_000 + "1" + "}" * 50_000 + "\n", "nested too deeply"),
    ("deep.json", '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
])
def test_numbers_and_nesting_beyond_pythons_limits_are_problems(tmp_path, name, text, needle):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    r = nev("validate", path)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert needle in err and err.count("\n") == 2


@pytest.mark.parametrize("args", [("--to", "9" * 400), ("--from", "9" * 5000), ("--to", "1e9"), ("--from", "٢٠٢٧")])
def test_absurd_years_are_a_bad_request(args):
    for cmd in ("list", "export"):
        extra = ("-o", "x.png") if cmd == "export" else ()
        r = nev(cmd, *extra, *args)
        err = r.stderr.decode()
        assert r.returncode == 2 and "Traceback" not in err and len(err) < 1000


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_full_and_closed_standard_output(fmt):
    with open("/dev/full", "w") as full:
        r = nev("list", "--format", fmt, stdout=full)
    assert r.returncode == 1 and r.stderr.decode().count("\n") == 1 and "Traceback" not in r.stderr.decode()
    r = nev("validate", stdout=subprocess.DEVNULL)  # sanity: a working output
    assert r.returncode == 0
    closed = subprocess.run(f'"{sys.executable}" -m nevroadmap list --format {fmt} >&-', shell=True,
                            capture_output=False, stderr=subprocess.PIPE, timeout=120)
    err = closed.stderr.decode()
    assert closed.returncode == 1 and err.count("\n") == 1 and "closed" in err


@pytest.mark.parametrize("encoding", [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
                                      {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}])
def test_an_output_encoding_that_cannot_hold_the_text(tmp_path, encoding):
    path = tmp_path / "cjk.json"
    path.write_text(json.dumps(dataset(title="固态电池 – 2027 … ok", name="虚构汽车 (example)")), encoding="utf-8")
    for args in (("list", path), ("list", path, "--format", "json"), ("list", path, "--format", "csv"),
                 ("validate", path), ("list", path, "--company", "nobody-like-this")):
        r = nev(*args, env=encoding)
        assert "Traceback" not in r.stderr.decode("latin-1"), args
        assert r.returncode in (0, 2), args


def test_a_settings_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r = nev(env={"NEVROADMAP_SETTINGS_DIR": str(blocker), "NEVROADMAP_DATA_DIR": str(blocker)}, timeout=60)
    err = r.stderr.decode()
    assert r.returncode == 1 and "NEVROADMAP_SETTINGS_DIR" in err and "Traceback" not in err


def test_an_image_that_does_not_fit_in_memory_is_one_line():
    import resource

    def limit() -> None:  # room to start and draw a slide, not a 10950x10950 picture (about 1.1 GB)
        resource.setrlimit(resource.RLIMIT_AS, (int(0.9 * 2**30),) * 2)

    r = nev("export", "-o", "/nonexistent-hostile-test/x.png", "--width", "10950", "--height", "10950",
            preexec_fn=limit)
    assert r.returncode in (1, 2)  # no folder: refused before drawing; the memory case follows
    out_dir = __import__("tempfile").mkdtemp()
    try:
        r = nev("export", "-o", f"{out_dir}/big.png", "--width", "10950", "--height", "10950", preexec_fn=limit)
        err = r.stderr.decode()
        assert r.returncode == 1 and err.count("\n") == 1 and "not enough memory" in err, err
        assert not os.listdir(out_dir)  # nothing written
        r = nev("export", "-o", f"{out_dir}/slide.png", preexec_fn=limit)  # the same limit draws a slide
        assert r.returncode == 0 and os.listdir(out_dir) == ["slide.png"], r.stderr.decode()
    finally:
        __import__("shutil").rmtree(out_dir)


# -- class 3: writing through links ----------------------------------------------------------------
def test_outputs_that_are_not_the_file_named_are_refused_and_hard_links_keep_their_data(tmp_path):
    other = tmp_path / "precious.txt"
    other.write_text("keep me")
    os.link(other, tmp_path / "hard.png")
    os.symlink(other, tmp_path / "soft.png")
    os.mkfifo(tmp_path / "pipe.svg")
    for out in (tmp_path / "soft.png", tmp_path / "pipe.svg", tmp_path):
        r = nev("export", "-o", out, timeout=60)
        assert r.returncode == 2 and r.stderr.decode().count("\n") == 1, (out, r.stderr)
    r = nev("export", "-o", tmp_path / "hard.png")
    assert r.returncode == 0
    assert other.read_text() == "keep me"  # the export replaced its own name only
    assert (tmp_path / "hard.png").read_bytes().startswith(b"\x89PNG")
    assert os.readlink(tmp_path / "soft.png") == str(other)


# -- class 9: encodings, line endings, counts ------------------------------------------------------
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, codec):
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    for name, text in (("d.yaml", "areas:\n  - id: a\n    name: A\n    bogus: 1\n"),
                       ("d.json", '{"areas": [\n{"id": "a", "name": "A",\n"bogus": 1}]}')):
        path = tmp_path / name
        path.write_bytes(bom + text.encode(codec))
        err = nev("validate", path).stderr.decode()
        assert "unknown field 'bogus'" in err and ":4:" in err if name.endswith("yaml") else ":3:" in err, err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path, codec):
    path = tmp_path / "d.yaml"
    path.write_bytes("areas:\n  - id: a\n    name: A\n".encode(codec))
    err = nev("validate", path).stderr.decode()
    assert "UTF-16 text without a byte-order mark" in err


@pytest.mark.parametrize("name,text,line", [
    ("cr.yaml", "areas:\r  - id: a\r    name: A\r    bogus: 1\r", 4),
    ("cr.json", '{"areas": [\r{"id": "a",\r"name": "A",\r"bogus": 1}]}', 4),
    ("cr.toml", '[[areas]]\rid = "a"\rname = "A"\rbogus = 1\r', 4),
    ("crlf.toml", '[[areas]]\r\nid = "a"\r\nname = "A"\r\nbogus = 1\r\n', 4),
])
def test_cr_only_line_endings_give_the_right_line(tmp_path, name, text, line):
    path = tmp_path / name
    path.write_bytes(text.encode())
    err = nev("validate", path).stderr.decode()
    assert f"{name}:{line}: " in err, err


def test_the_summary_never_gives_a_wrong_count(tmp_path):
    path = tmp_path / "junk.json"
    path.write_text('{"areas": [' + ",".join(["{}"] * 5000) + "]}", encoding="utf-8")
    err = nev("validate", path).stderr.decode()
    assert "stopped after 1000 problems" in err.splitlines()[-1]
    assert not re.search(r"^\d+ problems? found", err, re.M)
