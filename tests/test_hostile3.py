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


NINES = "9" * 5000
TEMPLATE = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
            "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")
GOOD_EVENT = {"start_date": {"year": 2027}, "text": {"headline": "Fictional plant opens (example)"}}


@pytest.mark.parametrize(("extra", "expected"), [
    ({"eras": [1]}, "era 1 left out: an era must be an object, not a number"),
    ({"eras": ["x"]}, "era 1 left out: an era must be an object, not text"),
    ({"eras": [None]}, "era 1 left out: an era must be an object, not null"),
    ({"eras": [{"start_date": {"year": 2027}, "text": {"headline": 5}}]}, "era 1 left out: text.headline must be text"),
    ({"eras": [{"start_date": {"year": 2027}, "text": [1]}]}, "era 1 left out: text must be an object, not a list"),
    ({"events": [GOOD_EVENT, {**GOOD_EVENT, "unique_id": []}]}, "event 2 left out: unique_id must be text, not a list"),
    ({"events": [GOOD_EVENT, {**GOOD_EVENT, "unique_id": {}}]}, "event 2 left out: unique_id must be text, not an object"),
    ({"events": [GOOD_EVENT, {**GOOD_EVENT, "media": {"url": 5}}]}, "event 2 left out: media.url must be text"),
    ({"events": [GOOD_EVENT, {"start_date": {"year": NINES}}]}, "year has 5,000 digits; it cannot be a date"),
    ({"events": [GOOD_EVENT, {"start_date": {"year": 2027, "month": "9" * 400}}]}, "month has 400 digits"),
    ({"events": [GOOD_EVENT, {"start_date": {"year": 2027, "month": float("1e300")}}]}, "event 2 left out: start_date"),
])
def test_timelinejs_json_values_of_the_wrong_type_are_warnings_not_tracebacks(extra, expected):
    from nevroadmap.core.formats.timelinejs import read_timelinejs_json

    data = {"events": [GOOD_EVENT], **extra}
    out = read_timelinejs_json(data, json.dumps(data))
    assert any(expected in message for _line, message in out.warnings), out.warnings
    assert [m["title"] for m in out.data["milestones"]] == ["Fictional plant opens (example)"]


def test_timelinejs_numbers_out_of_bounds_through_the_command_line(tmp_path):
    js = tmp_path / "t.json"
    js.write_text(json.dumps({"events": [GOOD_EVENT, {"start_date": {"year": NINES}},
                                         {"start_date": {"year": 2027, "month": "9" * 400}}],
                              "eras": [1, {"text": {}}]}))
    csv = tmp_path / "t.csv"
    csv.write_text(f"{TEMPLATE}\n2027,,,,,,,,,Fictional plant opens (example),t,,,,,,,\n{NINES},,,,,,,,,h,t,,,,,,,\n"
                   f"2027,{'9' * 400},,,,,,,,h,t,,,,,,,\n")
    for path in (js, csv):
        proc = nev("validate", path)
        err = one_line_error(proc)
        assert proc.returncode == 0, err
        assert "year has 5,000 digits" in err and "month has 400 digits" in err


def test_an_undecodable_argument_is_refused_in_one_line(tmp_path):
    bad = os.fsdecode(b"\xff")
    for args in (["list", "data", "--search", bad], ["validate", tmp_path / os.fsdecode(b"x\xfe.yaml")]):
        proc = nev(*args)
        err = one_line_error(proc)
        assert proc.returncode == 2
        assert err.count("\n") == 1 and "not valid text" in err and "\\x" in err


def test_screenshot_size_is_checked_by_the_parser():
    proc = subprocess.run([sys.executable, "-m", "nevroadmap.gui.screenshot", "out.png", "--size", "abc"],
                          capture_output=True, timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and b"--size: expected WIDTHxHEIGHT" in proc.stderr


def test_screenshot_never_writes_through_a_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "shot.png").symlink_to(victim)
    proc = subprocess.run([sys.executable, "-m", "nevroadmap.gui.screenshot", tmp_path / "shot.png"],
                          capture_output=True, timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 1 and b"symbolic link" in proc.stderr
    assert victim.read_text() == "keep me"


CRASH = ("import sys, nevroadmap.cli as c\n"
         "def boom(args): raise ValueError('fictional bug \\x1b[31m')\n"
         "c._run = boom\n"
         "raise SystemExit(c.main(['validate', 'data']))\n")


def crash(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CRASH], capture_output=True, timeout=60,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **env))


def test_an_unexpected_error_is_one_line_with_the_traceback_in_the_log(tmp_path):
    proc = crash({"NEVROADMAP_DATA_DIR": str(tmp_path)})
    err = one_line_error(proc)
    assert proc.returncode == 3
    log = tmp_path / "nevroadmap.log"
    assert err == f"nevroadmap: internal error: ValueError: fictional bug \\x1b[31m (details in {log})\n"
    assert "Traceback" in log.read_text() and "fictional bug" in log.read_text()


def test_the_log_is_never_written_through_a_link_nor_opened_as_a_fifo(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    linked, fifo = tmp_path / "linked", tmp_path / "fifo"
    linked.mkdir()
    fifo.mkdir()
    (linked / "nevroadmap.log").symlink_to(victim)
    os.mkfifo(fifo / "nevroadmap.log")
    for folder in (linked, fifo):
        proc = crash({"NEVROADMAP_DATA_DIR": str(folder)})  # a FIFO would hang: the timeout fails the test
        err = one_line_error(proc)
        assert proc.returncode == 3 and "(no log could be written)" in err
    assert victim.read_text() == "keep me"


def test_the_gui_log_is_never_written_through_a_link(tmp_path):
    from nevroadmap.gui.app import ExceptionHook

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "nevroadmap.log").symlink_to(victim)
    hook = ExceptionHook(log_path=tmp_path / "nevroadmap.log", show=lambda *a: None)
    assert hook.write_log("fictional traceback\n") is None
    assert victim.read_text() == "keep me"
    plain = ExceptionHook(log_path=tmp_path / "plain.log", show=lambda *a: None)
    assert plain.write_log("fictional traceback\n") == tmp_path / "plain.log"


SETTINGS = ("from PySide6.QtCore import QCoreApplication\n"
            "app = QCoreApplication([])\n"
            "from nevroadmap.gui.settings import make_settings\n"
            "s = make_settings(); print(s.value('fictional', 'default')); s.setValue('fictional', 'written'); s.sync()\n")


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_a_settings_file_that_is_a_link_or_fifo_is_neither_read_nor_written(tmp_path, kind):
    victim = tmp_path / "victim.ini"
    victim.write_text("[General]\nfictional=from the victim\n")
    folder = tmp_path / "settings"
    folder.mkdir()
    if kind == "symlink":
        (folder / "nevroadmap.ini").symlink_to(victim)
    else:
        os.mkfifo(folder / "nevroadmap.ini")
    proc = subprocess.run([sys.executable, "-c", SETTINGS], capture_output=True, timeout=60,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen", NEVROADMAP_SETTINGS_DIR=str(folder)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().strip() == "default"
    assert b"is not a plain file" in proc.stderr
    assert victim.read_text() == "[General]\nfictional=from the victim\n"
    assert (folder / "nevroadmap.ini").is_symlink() or not (folder / "nevroadmap.ini").is_file()


@pytest.mark.parametrize("key", ["a." * 19_999 + "a", '"a".' * 100 + "a", "[" + "t." * 200 + "t]"])
def test_a_toml_dotted_key_too_deep_is_refused_before_tomllib(tmp_path, key):
    path = tmp_path / "deep.toml"
    path.write_text(f"# fictional (example)\n{key}{'' if key.startswith('[') else ' = 1'}\n")
    proc = nev("validate", path)
    err = one_line_error(proc)
    assert proc.returncode == 1
    assert "deep.toml:2: a dotted key of" in err and "nested too deep" in err


def test_dots_in_toml_strings_and_comments_are_not_key_parts():
    from nevroadmap.core.loader.toml_source import parse

    text = 'a = "' + "." * 500 + '"\n# ' + "." * 500 + '\nb = """\n' + "x." * 300 + '\n"""\nc.d.e = 1.5\n'
    data, _lines = parse(text, "fictional.toml")
    assert data["c"] == {"d": {"e": 1.5}} and data["a"] == "." * 500


def test_a_csv_row_budget_is_a_problem_with_its_line(monkeypatch):
    from nevroadmap.core.formats import csv_cells
    from nevroadmap.core.formats.csv_table import read_csv

    monkeypatch.setattr(csv_cells, "MAX_ROWS", 3)
    rows = "".join(f"m{i},Fictional milestone {i},Fictional tech,2027,planned\n" for i in range(5))
    out = read_csv("id,title,technology,when,status\n" + rows)
    assert out.errors == [(5, "more than 3 rows; split the data over several files in a folder")]
    three = "".join(rows.splitlines(keepends=True)[:3])
    assert read_csv("id,title,technology,when,status\n" + three).errors == []


@pytest.mark.parametrize("header", [TEMPLATE + ",Year,Headline", "id,title,technology,when,status,title"])
def test_a_repeated_csv_column_is_a_problem_in_both_csv_readers(tmp_path, header):
    path = tmp_path / "dup.csv"
    path.write_text(header + "\n" + ",".join(["2027"] * (header.count(",") + 1)) + "\n")
    proc = nev("validate", path)
    err = one_line_error(proc)
    assert proc.returncode == 1
    assert "dup.csv:1: column " in err and "appears twice" in err


def test_a_timeline_whose_events_all_fail_is_an_error_and_warnings_are_capped(tmp_path):
    bad = [{"start_date": {"year": 1000 + i}} for i in range(300)]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"events": bad}))
    proc = nev("validate", path)
    err = one_line_error(proc)
    assert proc.returncode == 1 and "OK:" not in proc.stdout.decode()
    assert "no event could be read (300 events); the first: event 1 left out" in err

    from nevroadmap.core.formats.timelinejs import read_timelinejs_json

    data = {"events": [GOOD_EVENT, *bad]}
    out = read_timelinejs_json(data, json.dumps(data))
    assert not out.errors and len(out.warnings) == 101
    assert out.warnings[-1][1] == "and 200 more events or eras left out or changed"


def test_the_unsafe_class_is_exactly_the_one_rule_for_every_code_point():
    import unicodedata

    from nevroadmap.core.safe_text import INVISIBLE_CATEGORIES, INVISIBLE_EXTRAS, UNSAFE

    wrong = [hex(c) for c in range(0x110000)
             if bool(UNSAFE.match(chr(c))) != (unicodedata.category(chr(c)) in INVISIBLE_CATEGORIES
                                               or chr(c) in INVISIBLE_EXTRAS)]
    assert wrong == []


INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\u180e\ufeff\U000e0041\u034f\u3164\u115f\u1160\ue000"


def test_invisible_characters_are_escaped_in_terminal_output_and_messages(tmp_path):
    from test_hostile_cli import dataset

    path = tmp_path / "d.json"
    path.write_text(json.dumps(dataset(title=f"Fictional{INVISIBLE}title", n=1)))
    for fmt in ("table", "csv", "json"):
        proc = nev("list", path, "--format", fmt)
        out = proc.stdout.decode()
        assert proc.returncode == 0 and not any(ch in out for ch in INVISIBLE), (fmt, out)
        if fmt == "json":
            assert json.loads(out)[0]["title"] == f"Fictional{INVISIBLE}title"
    from nevroadmap.core.safe_text import quoted

    assert quoted("a\u200bb\U000e0041") == "'a\\u200bb\\U000e0041'"


@pytest.mark.parametrize("url", ["https://bank.example@fictional.example/", "https://a@b", "https://ex\u200bample.com/",
                                 "https://example.com/\U000e0041", "https://\u3164.example/"])
def test_links_with_a_user_part_or_invisible_characters_are_not_links(url):
    from nevroadmap.gui.details_html import safe_http_url

    assert safe_http_url(url) is None
    assert safe_http_url("https://fictional.example/report?id=1") == "https://fictional.example/report?id=1"


def test_an_output_name_ending_in_a_slash_is_refused(tmp_path):
    proc = nev("export", "data", "-o", f"{tmp_path / 'out.png'}/")
    err = one_line_error(proc)
    assert proc.returncode == 2 and "ends in a slash" in err
    assert list(tmp_path.iterdir()) == []


def test_a_written_export_exits_0_even_when_stderr_is_full(tmp_path):
    with open("/dev/full", "w") as full:
        proc = nev("export", "data", "-o", tmp_path / "out.png", stderr=full)
    assert proc.returncode == 0
    assert (tmp_path / "out.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("text", ["\uff12\uff10\uff12\uff17", "\u0662\u0660\u0662\u0667", "H1 \uff12\uff10\uff12\uff17",
                                  "2025-\uff12\uff10\uff12\uff17", "\uff12\uff10\uff12\uff17-03"])
def test_only_ascii_digits_make_a_year(text):
    from nevroadmap.core.dates import DateSyntaxError, parse_when

    with pytest.raises(DateSyntaxError):
        parse_when(text)
