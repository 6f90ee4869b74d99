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
