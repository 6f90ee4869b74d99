"""``nevroadmap list``: filter semantics and output formats, run as a user would
(``python -m nevroadmap`` in a subprocess)."""

import csv
import io
import json
import subprocess
import sys
import textwrap

import pytest

DATA = textwrap.dedent("""\
    # Entirely fictional: no real company, person or fact.
    sources:
      - {id: s1, title: Invented press kit, url: "https://example.org/a"}
      - {id: s2, title: Invented interview}
    areas:
      - {id: batteries, name: Batteries}
      - {id: charging, name: Charging}
    technologies:
      - {id: solid-state, name: Solid-state cells, area: batteries}
      - {id: sodium-ion, name: Sodium-ion cells, area: batteries}
      - {id: megawatt, name: Megawatt charging, area: charging}
    organizations:
      - {id: fm, name: Fictional Motors (invented), kind: automaker}
      - {id: ic, name: Imaginary Cells (invented), kind: battery_maker, short_name: ImCell}
      - {id: nc, name: Nowhere Charging (invented), kind: energy_company}
    people:
      - {id: p1, name: Ada Inventa, organization: ic}
    milestones:
      - {id: m1, title: Pilot line, technology: solid-state, organizations: [fm], when: 2027, status: planned}
      - {id: m2, title: Sodium cells in small cars, technology: sodium-ion, when: by 2026, status: announced}
      - {id: m3, title: Chargers on highways, technology: megawatt, organizations: [nc], when: 2025-2030+,
         status: forecast}
      - {id: m4, title: Mass production, technology: solid-state, when: after 2030, status: forecast}
      - {id: m5, title: First cells shipped, technology: solid-state, organizations: [ic], when: Q3 2024,
         status: achieved, metrics: [{value: 400, unit: Wh/kg, bound: over}]}
      - {id: m6, title: Grid pilot, technology: megawatt, when: ~2028, status: planned}
    claims:
      - {id: c1, statement: Ada says sodium cells are cheap., speaker: p1, source: s2, said: 2025-09-28,
         supports: [m2]}
      - {id: c2, statement: Fictional Motors expects a pilot., organization: fm, source: s1, supports: [m1, m6],
         quote: "We will pilot it"}
    """)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    p = tmp_path_factory.mktemp("cli") / "roadmap.yaml"
    p.write_text(DATA, encoding="utf-8")
    return p


def nev(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nevroadmap", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def ids(data, *args) -> list[str]:
    r = nev("list", data, "--format", "json", *args)
    assert r.returncode == 0, r.stderr
    return [row["id"] for row in json.loads(r.stdout)]


def test_json_output_has_the_ids_and_claims(data):
    r = nev("list", data, "--format", "json")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    rows = json.loads(r.stdout)
    assert [x["id"] for x in rows] == ["m1", "m2", "m3", "m4", "m5", "m6"]
    by = {x["id"]: x for x in rows}
    assert by["m2"]["claims"] == [{
        "id": "c1", "statement": "Ada says sodium cells are cheap.", "quote": None, "speaker": "Ada Inventa",
        "organization": "ic", "said": "2025-09-28", "source": "s2", "source_url": None}]
    assert [c["id"] for c in by["m1"]["claims"]] == ["c2"] and [c["id"] for c in by["m6"]["claims"]] == ["c2"]
    assert by["m1"]["claims"][0]["source_url"] == "https://example.org/a"
    assert by["m3"]["claims"] == []
    assert by["m3"]["when"] == "2025-2030+" and by["m6"]["when"] == "~2028" and by["m2"]["when"] == "by 2026"
    assert by["m5"]["metrics"] == ["over 400 Wh/kg"] and by["m5"]["technology_name"] == "Solid-state cells"


@pytest.mark.parametrize("company, want", [
    ("fm", ["m1", "m6"]),                              # by id; m6 via the claim c2 of fm
    ("Fictional Motors (invented)", ["m1", "m6"]),     # by name
    ("fictional motors (INVENTED)", ["m1", "m6"]),     # case-insensitive
    ("imcell", ["m2", "m5"]),                          # short name; m2 via its speaker's organization
    ("nc", ["m3"]),
])
def test_company_by_id_and_name(data, company, want):
    assert ids(data, "--company", company) == want


def test_several_companies_mean_any_of_them(data):
    assert ids(data, "--company", "fm", "--company", "nc") == ["m1", "m3", "m6"]


@pytest.mark.parametrize("technology, want", [
    ("solid-state", ["m1", "m4", "m5"]),       # id
    ("Sodium-ion cells", ["m2"]),              # name
    ("MEGAWATT CHARGING", ["m3", "m6"]),       # name, any case
    ("batteries", ["m1", "m2", "m4", "m5"]),   # area id: the whole area
    ("Charging", ["m3", "m6"]),                # area name
])
def test_technology_by_id_name_and_area(data, technology, want):
    assert ids(data, "--technology", technology) == want


def test_status_and_years(data):
    assert ids(data, "--status", "forecast") == ["m3", "m4"]
    assert ids(data, "--status", "planned", "--status", "ACHIEVED") == ["m1", "m5", "m6"]
    # a year window keeps what may fall inside it: open ends reach forward; a deadline
    # ("by 2026", m2) counts at its date, so a window ending in 2025 leaves it out
    assert ids(data, "--from", "2029") == ["m3", "m4"]
    assert ids(data, "--to", "2025") == ["m3", "m5"]
    assert ids(data, "--to", "2026") == ["m2", "m3", "m5"]
    assert ids(data, "--from", "2026", "--to", "2027") == ["m1", "m2", "m3"]


def test_search_looks_at_claims_and_metrics(data):
    assert ids(data, "--search", "pilot") == ["m1", "m6"]        # title of m1/m6, quote of c2
    assert ids(data, "--search", "ada cheap") == ["m2"]          # speaker name and statement
    assert ids(data, "--search", "wh/kg") == ["m5"]
    assert ids(data, "--search", "pilot grid") == ["m6"]          # all words must appear
    assert ids(data, "--search", "nothing-like-this") == []


def test_filters_combine(data):
    assert ids(data, "--technology", "batteries", "--status", "forecast", "--from", "2031") == ["m4"]


def test_table_format(data):
    r = nev("list", data, "--company", "fm")
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "TECHNOLOGY", "ORGANIZATIONS", "WHEN", "STATUS", "CLAIMS"]
    assert [ln.split()[0] for ln in lines[1:]] == ["m1", "m6"]
    assert "2 of 6 milestones" in r.stderr


def test_csv_format(data):
    r = nev("list", data, "--format", "csv", "--technology", "megawatt")
    assert r.returncode == 0
    rows = list(csv.reader(io.StringIO(r.stdout)))
    # our milestones layout (README "CSV in and out"): names define, ids refer; it reads back as data
    assert rows[0] == ["id", "title", "when", "status", "technology", "technology_id", "area", "area_id",
                       "area_color", "organizations", "organization_ids", "metrics", "description", "tags"]
    assert rows[1:] == [
        ["m3", "Chargers on highways", "2025-2030+", "forecast", "Megawatt charging", "megawatt", "Charging",
         "charging", "", "Nowhere Charging (invented)", "nc", "", "", ""],
        ["m6", "Grid pilot", "~2028", "planned", "Megawatt charging", "megawatt", "Charging", "charging", "", "",
         "", "", "", ""]]


def test_unknown_company_exits_2_with_a_suggestion(data):
    r = nev("list", data, "--company", "Fictional Motor (invented)x")
    assert r.returncode == 2 and r.stdout == ""
    assert "unknown company 'Fictional Motor (invented)x'" in r.stderr
    assert "did you mean 'Fictional Motors (invented)'" in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_technology_and_status_exit_2(data):
    r = nev("list", data, "--technology", "sodium-ions-x")
    assert r.returncode == 2 and "unknown technology" in r.stderr and "did you mean" in r.stderr
    r = nev("list", data, "--status", "maybe")
    assert r.returncode == 2 and "unknown status 'maybe'" in r.stderr


def test_list_on_bad_data_exits_1(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("areas:\n  - {id: a}\n", encoding="utf-8")
    r = nev("list", p)
    assert r.returncode == 1 and "bad.yaml:2:" in r.stderr and "Traceback" not in r.stderr


def test_names_match_at_word_starts_not_inside_words(data):
    # "cell" starts a word in "Imaginary Cells" and "Sodium-ion cells"; "ells" starts none
    assert ids(data, "--company", "cells") == ["m2", "m5"]  # m2 through Ada's claim for Imaginary Cells
    assert ids(data, "--technology", "ion") == ["m2"]  # "Sodium-ion cells": "ion" starts a word after "-"
    r = nev("list", data, "--company", "ells")
    assert r.returncode == 2 and "unknown company 'ells'" in r.stderr


@pytest.mark.parametrize("args, needle", [
    (["--from", "2030", "--to", "2020"], "starts after it ends"),
    (["--company", ""], "empty company name"),
    (["--technology", " "], "empty technology name"),
])
def test_bad_filters_exit_2_with_one_line(data, args, needle):
    for cmd in (["list", data], ["export", data, "-o", data.parent / "never.png"]):
        r = nev(*cmd, *args)
        assert r.returncode == 2 and needle in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (data.parent / "never.png").exists()


def test_folders_skip_hidden_subfolders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub" / "roadmap.yaml").write_text(DATA, encoding="utf-8")
    (tmp_path / ".git" / "broken.yaml").write_text("milestones: [", encoding="utf-8")
    r = nev("validate", tmp_path)
    assert r.returncode == 0 and "6 milestones" in r.stdout, r.stdout + r.stderr
