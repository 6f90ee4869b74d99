"""The loader on bad data: every problem found, each with file:line, all reported together.

In-process tests check the problems; the CLI tests run ``python -m nevroadmap
validate`` in a subprocess and check exit codes and that no traceback leaks.
"""

import json
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import FIXTURES
from nevroadmap.core import loader
from nevroadmap.core.loader import Problem, RoadmapError, load

VALID = (FIXTURES / "fictional.yaml").read_text(encoding="utf-8")


def problems_of(path) -> list[Problem]:
    with pytest.raises(RoadmapError) as info:
        load(path)
    assert info.value.problems, "a RoadmapError must hold at least one problem"
    return info.value.problems


def line_no(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line that contains needle."""
    hits = [i for i, line in enumerate(text.split("\n"), 1) if needle in line]  # not splitlines: \u2028
    return hits[nth - 1]


def validate_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nevroadmap", "validate", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def only(problems, needle) -> Problem:
    hits = [p for p in problems if needle in p.message]
    assert len(hits) == 1, (needle, problems)
    return hits[0]


# -- valid data -------------------------------------------------------------------
def test_valid_file_exit_0_and_one_line_summary():
    r = validate_cli(FIXTURES / "fictional.yaml")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines() == [
        "OK: 1 organization, 1 technology, 1 milestone, 1 claim, 0 people, 1 source"]
    assert r.stderr == ""


def test_same_data_as_json_and_toml_loads_the_same(write):
    import yaml

    data = yaml.safe_load(VALID)
    data["milestones"][0]["when"] = "2027"
    data["claims"][0]["said"] = "2025-09-28"
    a = load(write("a.json", json.dumps(data, indent=2)))
    toml = textwrap.dedent("""\
        [[sources]]
        id = "s1"
        title = "Fictional Motors press kit (invented example)"
        url = "https://example.org/fictional"

        [[areas]]
        id = "batteries"
        name = "Batteries"
        color = "#4e79a7"

        [[technologies]]
        id = "solid-state-battery"
        name = "Solid-state batteries"
        area = "batteries"

        [[organizations]]
        id = "fictional-motors"
        name = "Fictional Motors (invented)"
        kind = "automaker"

        [[milestones]]
        id = "m1"
        title = "Fictional solid-state pilot line"
        technology = "solid-state-battery"
        organizations = ["fictional-motors"]
        when = 2027
        status = "planned"
        metrics = [{value = 400, unit = "Wh/kg", bound = "over"}]

        [[claims]]
        id = "c1"
        statement = "Fictional Motors says it will pilot solid-state cells."
        organization = "fictional-motors"
        said = 2025-09-28
        source = "s1"
        supports = ["m1"]
        """)
    b = load(write("b.toml", toml))
    c = load(FIXTURES / "fictional.yaml")
    for r in (a, b):
        assert r.counts() == c.counts()
        assert r.milestones[0] == c.milestones[0]
        assert r.claims[0] == c.claims[0]
        assert str(r.claims[0].said) == "2025-09-28"


# -- syntax -------------------------------------------------------------------------
@pytest.mark.parametrize("name, text, line, words", [
    ("bad.yaml", "sources:\n  - id: s1\n    title: [unclosed\nareas: []\n", 4, "invalid YAML"),
    ("bad2.yaml", "sources:\n  - id: s1\n   title: x\n  bad indent\n", 3, "invalid YAML"),
    ("bad.json", '{\n  "sources": [\n    {"id": "s1",}\n  ]\n}\n', 3, "invalid JSON"),
    ("bad2.json", '{\n  "sources": []\n  "areas": []\n}\n', 3, "invalid JSON"),
    ("bad.toml", '[[sources]]\nid = "s1"\ntitle = \n', 3, "invalid TOML"),
    ("bad2.toml", '[[sources]]\nid = "s1"\nid = "s2"\n', 3, "invalid TOML"),
])
def test_syntax_errors_give_the_line(write, name, text, line, words):
    (p,) = problems_of(write(name, text))
    assert p.file.endswith(name) and p.line == line and words in p.message, p


def test_json_line_numbers_are_right_in_pretty_and_tab_indented_json(write):
    data = {"milestones": [
        {"id": "m1", "title": "t", "technology": "nope", "when": "2027", "status": "planned",
         "organizations": ["ghost"]},
        {"id": "m2", "title": "t", "technology": "nope", "when": "2027x", "status": "plann",
         "metrics": [{"value": 1}, {"value": "lots", "unit": "x"}]},
    ]}
    for indent in (2, "\t", 7):
        text = json.dumps(data, indent=indent)
        probs = problems_of(write("lines.json", text))
        assert only(probs, "technology: unknown technology id 'nope'").line == line_no(text, '"nope"', 1)
        assert only(probs, "cannot read '2027x'").line == line_no(text, '"2027x"')
        assert only(probs, "'plann' is not one of").line == line_no(text, '"plann"')
        assert only(probs, "metrics.value").line == line_no(text, '"lots"')
        assert only(probs, "unknown organization id 'ghost'").line == line_no(text, '"ghost"')


def test_json_lines_with_escapes_and_unusual_characters(write):
    # keys and strings with escapes, a C1 control character and non-ASCII text before the error
    data = {"areas": [{"id": "a", "name": "A\u0086 \"quoted\" \\ caf\u00e9 \u2028 \U0001F600"}],
            "technologies": [{"id": "t", "name": "T", "area": "nowhere"}]}
    for ensure_ascii in (True, False):
        text = json.dumps(data, indent=1, ensure_ascii=ensure_ascii)
        p = only(problems_of(write("esc.json", text)), "unknown area id 'nowhere'")
        assert p.line == line_no(text, '"nowhere"')


def test_json_with_a_bom_and_crlf_line_ends(write):
    text = '{\r\n  "areas": [\r\n    {"id": "a", "name": "A", "colour": "#ffffff"}\r\n  ]\r\n}\r\n'
    (p,) = problems_of(write("bom.json", b"\xef\xbb\xbf" + text.encode()))
    assert p.line == 3 and "unknown field 'colour'" in p.message and "did you mean 'color'" in p.message


def test_toml_arrays_of_tables_get_approximate_lines(write):
    text = textwrap.dedent("""\
        [[areas]]
        id = "batteries"
        name = "Batteries"

        [[technologies]]
        id = "t1"
        name = "T1"
        area = "batteries"
        colour = "red"

        [[technologies]]
        id = "t2"
        name = "T2"
        area = "batterys"
        """)
    probs = problems_of(write("x.toml", text))
    p = only(probs, "unknown area id 'batterys'")
    assert p.line == line_no(text, '"batterys"') and "did you mean 'batteries'" in p.message
    p = only(probs, "unknown field 'colour'")
    assert p.line == line_no(text, "colour") and p.message.startswith("technology 't1': ")


# -- types, fields, ids ---------------------------------------------------------
FIVE = textwrap.dedent("""\
    sources:
      - id: s1
        title: Invented source
    areas:
      - {id: batteries, name: Batteries, colour: "#ffffff"}
    technologies:
      - {id: sst, name: Solid-state, area: batteries}
    organizations:
      - {id: fm, name: Fictional Motors (invented), kind: carmaker}
    milestones:
      - id: m1
        title: Pilot line
        technology: sst
        when: 2027-13
        status: planned
      - id: m1
        title: Second with same id
        technology: sst
        when: 2028
        status: planned
      - id: m3
        technology: sst
        when: 2029
        status: planned
        metrics: [{value: lots}]
    """)


def test_a_file_with_five_errors_reports_all_five_with_lines(write):
    probs = problems_of(write("five.yaml", FIVE))
    expect = [
        ("unknown field 'colour' (did you mean 'color'?)", line_no(FIVE, "colour")),
        ("kind: 'carmaker' is not one of", line_no(FIVE, "carmaker")),
        ("month 13 does not exist", line_no(FIVE, "2027-13")),
        ("duplicate id 'm1' in milestones (first defined at", line_no(FIVE, "id: m1", 2)),
        ("missing required field 'title'", line_no(FIVE, "id: m3")),
        ("metrics.value: Input should be a valid number", line_no(FIVE, "value: lots")),
    ]
    for needle, line in expect:
        assert only(probs, needle).line == line, (needle, probs)
    assert len(probs) == len(expect)
    assert all(p.file.endswith("five.yaml") for p in probs)


def test_five_errors_through_the_cli(write):
    r = validate_cli(write("five.yaml", FIVE))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout
    lines = r.stderr.strip().splitlines()
    assert lines[-1] == "6 problems found; nothing loaded"
    assert sum(":" in ln and "five.yaml:" in ln for ln in lines) == 6
    assert f"five.yaml:{line_no(FIVE, '2027-13')}: milestone 'm1': when: cannot read '2027-13' as a date" in r.stderr


@pytest.mark.parametrize("snippet, needle", [
    ("milestones:\n  - id: m1\n    title: [a, list]\n    technology: t\n    when: 2027\n    status: planned\n",
     "title: Input should be a valid string"),
    ("milestones:\n  - id: m1\n    title: T\n    technology: t\n    when: 2027\n    status: planned\n    organizations: fm\n",
     "organizations: Input should be a valid tuple"),
    ("milestones:\n  - id: m1\n    title: T\n    technology: t\n    when: [2027]\n    status: planned\n",
     "a date must be text"),
    ("milestones:\n  - id: 'bad id with spaces'\n    title: T\n    technology: t\n    when: 2027\n    status: planned\n",
     "is not a valid id: use letters, digits"),
    ("areas:\n  - {id: a, name: A, color: red}\n", "color: String should match pattern"),
    ("areas: {id: a, name: A}\n", "'areas' must be a list of records"),
    ("areas:\n  - just text\n", "each entry of 'areas' must be a mapping of fields"),
    ("arreas:\n  - {id: a, name: A}\n", "unknown section 'arreas' (did you mean 'areas'?)"),
    ("- a\n- b\n", "the file must be a mapping with sections"),
])
def test_wrong_types_and_shapes(write, snippet, needle):
    probs = problems_of(write("t.yaml", snippet))
    assert any(needle in p.message for p in probs), probs
    assert all(p.line >= 1 for p in probs)


def test_sections_of_the_wrong_type_in_json_do_not_crash(write):
    probs = problems_of(write("t.json", '{"milestones": 5, "claims": true, "areas": "x", "people": null}'))
    assert sorted(p.message for p in probs) == [
        "'areas' must be a list of records", "'claims' must be a list of records", "'milestones' must be a list of records"]


def test_missing_required_fields_each_named(write):
    text = "claims:\n  - id: c1\n    statement: Something\n"
    (p,) = problems_of(write("c.yaml", text))
    assert p.line == 2 and p.message == "claim 'c1': missing required field 'source'"


def test_unknown_field_suggests_the_nearest_valid_name(write):
    text = "milestones:\n  - id: m1\n    title: T\n    technology: t\n    wen: 2027\n    status: planned\n"
    probs = problems_of(write("u.yaml", text))
    p = only(probs, "unknown field 'wen'")
    assert p.line == 5 and "(did you mean 'when'?)" in p.message and "valid fields:" in p.message


def test_duplicate_ids_across_files_of_a_folder(tmp_path):
    (tmp_path / "a.yaml").write_text("areas:\n  - {id: batteries, name: Batteries}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("# second file\nareas:\n  - {id: x, name: X}\n  - {id: batteries, name: Again}\n",
                                      encoding="utf-8")
    (p,) = problems_of(tmp_path)
    assert p.file.endswith("b.yaml") and p.line == 4
    assert "duplicate id 'batteries' in areas (first defined at" in p.message and "a.yaml:2" in p.message


def test_duplicate_ids_on_one_line_of_minified_json(write):
    (p,) = problems_of(write("d.json", json.dumps({"areas": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]})))
    assert "duplicate id 'a'" in p.message and p.line == 1


def test_same_id_in_different_sections_is_fine(write):
    load(write("ok.yaml", "areas:\n  - {id: x, name: X}\ntechnologies:\n  - {id: x, name: X, area: x}\n"))


REFS = textwrap.dedent("""\
    sources:
      - {id: s1, title: Invented}
    areas:
      - {id: batteries, name: Batteries}
    organizations:
      - {id: fm, name: Fictional Motors (invented), parent: ghost-parent}
    people:
      - {id: p1, name: Invented Person, organization: ghost-org}
    technologies:
      - {id: sst, name: Solid-state, area: ghost-area}
    milestones:
      - id: m1
        title: Pilot
        technology: ghost-tech
        organizations: [fm, ghost-org2]
        when: 2027
        status: planned
    claims:
      - id: c1
        statement: Invented claim
        speaker: ghost-person
        organization: ghost-org3
        source: ghost-source
        supports: [m1, ghost-milestone]
    """)


@pytest.mark.parametrize("field, value, noun", [
    ("parent", "ghost-parent", "organization"),
    ("organization", "ghost-org", "organization"),
    ("area", "ghost-area", "area"),
    ("technology", "ghost-tech", "technology"),
    ("organizations", "ghost-org2", "organization"),
    ("speaker", "ghost-person", "person"),
    ("organization", "ghost-org3", "organization"),
    ("source", "ghost-source", "source"),
    ("supports", "ghost-milestone", "milestone"),
])
def test_every_reference_kind_is_checked(write, field, value, noun):
    probs = problems_of(write("refs.yaml", REFS))
    assert len(probs) == 9
    p = only(probs, f"unknown {noun} id {value!r}")
    assert p.message.startswith(f"{field}: ") and p.line == line_no(REFS, value)


def test_reference_suggests_a_close_id(write):
    text = VALID.replace("technology: solid-state-battery", "technology: solid-state-batery")
    p = only(problems_of(write("f.yaml", text)), "unknown technology id")
    assert "did you mean 'solid-state-battery'" in p.message


def test_a_record_with_its_own_problem_causes_no_unknown_id_noise(write):
    # the source s1 is invalid, yet claim c1's "source: s1" is not reported as unknown
    text = VALID.replace("title: Fictional Motors press kit (invented example)", "titel: x")
    probs = problems_of(write("f.yaml", text))
    assert [p.message.split(";")[0] for p in probs] == [
        "source 's1': missing required field 'title'", "source 's1': unknown field 'titel' (did you mean 'title'?)"]


# -- dates in data ----------------------------------------------------------------
@pytest.mark.parametrize("when, reason", [
    ("2027-2025", "the end (2025) is before the start (2027)"),
    ("2025-02-30", "day 30 does not exist"),
    ("2025-13", "month 13 does not exist"),
    ("'0099'", "year 0099 is outside"),
    ("99999", "year 99999 is not a four-digit year"),
    ("next year", "expected a date such as"),
])
def test_bad_dates_in_data(write, when, reason):
    text = VALID.replace("when: 2027", f"when: {when}")
    p = only(problems_of(write("w.yaml", text)), reason)
    assert p.line == line_no(text, "when:") and p.message.startswith("milestone 'm1': when: cannot read")


# -- files that are not data ----------------------------------------------------------
def test_empty_file_and_comment_only_file(write):
    (p,) = problems_of(write("e.yaml", ""))
    assert p.message == "the file is empty"
    (p,) = problems_of(write("c.yaml", "# nothing\n\n"))
    assert "holds no data" in p.message
    (p,) = problems_of(write("e.json", "  \n"))
    assert p.message == "the file is empty"


def test_empty_folder_and_missing_path(tmp_path):
    (p,) = problems_of(tmp_path)
    assert "the folder holds no data files" in p.message and p.line == 0
    (p,) = problems_of(tmp_path / "nope.yaml")
    assert p.message == "no such file or folder"
    (tmp_path / "notes.txt").write_text("hello")
    (p,) = problems_of(tmp_path / "notes.txt")
    assert "unknown data file type '.txt'" in p.message


def test_latin1_file_names_the_line_of_the_bad_byte(write):
    raw = "sources:\n  - id: s1\n    title: Caf\u00e9 (invented)\n".encode("latin-1")
    (p,) = problems_of(write("l.yaml", raw))
    assert p.line == 3 and "not UTF-8" in p.message and "0xe9" in p.message


def test_binary_garbage(write):
    import random

    rnd = random.Random(1)
    (p,) = problems_of(write("g.yaml", bytes(rnd.randrange(256) for _ in range(5000))))
    assert "binary file" in p.message
    (p,) = problems_of(write("g.json", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4))
    assert "binary file" in p.message


BAD_FILES = {
    "syntax.yaml": "a: [\n",
    "syntax.json": "{\n",
    "syntax.toml": "[[x\n",
    "types.yaml": FIVE,
    "refs.yaml": REFS,
    "empty.yaml": "",
    "latin1.yaml": "areas:\n  - {id: a, name: Caf\u00e9}\n".encode("latin-1"),
    "binary.json": bytes(range(256)),
    "tag.yaml": "areas: !!python/object/apply:os.getcwd []\n",
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_cli_bad_files_exit_1_with_file_line_and_no_traceback(write, name):
    r = validate_cli(write(name, BAD_FILES[name]))
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert lines[-1].endswith("found; nothing loaded")
    for ln in lines[:-1]:
        head = ln.split(": ", 1)[0]
        assert head.rsplit(":", 1)[0].endswith(name) and head.rsplit(":", 1)[1].isdigit(), ln


def test_cli_empty_folder_exit_1(tmp_path):
    r = validate_cli(tmp_path)
    assert r.returncode == 1 and "holds no data files" in r.stderr and "Traceback" not in r.stderr


# -- big files ------------------------------------------------------------------------
def test_a_file_over_the_size_cap_is_refused_as_too_large(tmp_path):
    p = tmp_path / "huge.yaml"
    with open(p, "wb") as f:  # sparse: costs no disk and no time
        f.write(b"areas: []\n")
        f.truncate(loader.MAX_FILE_BYTES + 2**20)
    r = validate_cli(p)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    mb = loader.MAX_FILE_BYTES // 2**20
    assert f"huge.yaml:1: file is {mb + 1} MB; the limit is {mb} MB" in r.stderr


def test_a_100_mb_json_array_of_junk_is_refused_by_its_value_count(tmp_path):
    p = tmp_path / "junk.json"
    with open(p, "wb") as f:
        f.write(b"[" + b"0," * (50 * 2**20 - 1) + b"0]")
    assert p.stat().st_size >= 100 * 2**20
    t0 = time.monotonic()
    r = validate_cli(p)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "junk.json:1: file holds up to 52,428,800 values; the limit for this file type is 10,000,000" in r.stderr
    assert time.monotonic() - t0 < 30  # a guard against a hang (takes ~1 s), not a benchmark


def test_a_100_mb_yaml_file_padded_with_comments_is_read(tmp_path):
    p = tmp_path / "padded.yaml"
    pad = ("# " + "x" * 1021 + "\n").encode() * 1024  # 1 MB of comment lines
    with open(p, "wb") as f:
        f.write(b"areas:\n  - {id: a, name: A}\n")
        for _ in range(100):
            f.write(pad)
        f.write(b"technologies:\n  - {id: t, name: T, area: b}\n")
    t0 = time.monotonic()
    r = validate_cli(p)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"padded.yaml:{3 + 100 * 1024 + 1}: area: unknown area id 'b'" in r.stderr
    assert time.monotonic() - t0 < 60  # a guard against a hang (takes ~3 s), not a benchmark


def test_many_junk_records_are_capped_not_millions_of_problems(write):
    # 300,000 empty records: each lacks every required field
    probs = problems_of(write("junk.json", '{"areas": [' + ",".join(["{}"] * 300_000) + "]}"))
    assert len(probs) <= loader.MAX_PROBLEMS + 1
    assert any("stopped after 1000 problems" in p.message for p in probs)


def test_a_long_file_with_an_error_at_the_end_gets_the_right_line(write):
    areas = [{"id": f"a{i}", "name": f"Area {i}"} for i in range(20_000)]
    areas[-1]["nmae"] = "typo"
    text = json.dumps({"areas": areas}, indent=2)
    p = only(problems_of(write("long.json", text)), "unknown field 'nmae'")
    assert p.line == line_no(text, '"nmae"')


def test_huge_bad_values_give_short_messages(write):
    text = VALID.replace("when: 2027", "when: " + "2027 " * 50_000).replace("status: planned", "status: " + "x" * 100_000)
    probs = problems_of(write("long.yaml", text))
    assert len(probs) == 2 and all(len(p.message) < 400 for p in probs)
    assert only(probs, "is not one of").line == line_no(text, "status:")


def test_a_pipe_is_refused_not_read_forever(tmp_path):
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    r = validate_cli(fifo)  # would block on open/read without the check
    assert r.returncode == 1 and "pipe.yaml: not a regular file" in r.stderr


def test_a_path_too_long_for_the_system(tmp_path):
    r = validate_cli(tmp_path / ("a" * 5000 + ".yaml"))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "cannot open" in r.stderr


def test_metric_values_must_be_finite_numbers(write):
    from nevroadmap.core.loader import RoadmapError, load

    p = write("nan.json", '{"areas":[{"id":"a","name":"A"}],"technologies":[{"id":"t","name":"T","area":"a"}],\n'
                          '"milestones":[{"id":"m","title":"M","technology":"t","when":"2027","status":"planned",\n'
                          '"metrics":[{"value": NaN, "unit":"%"}, {"value": 1, "value_max": Infinity}]}]}\n')
    with pytest.raises(RoadmapError) as err:
        load(p)
    messages = [str(x) for x in err.value.problems]
    assert len(messages) == 2 and all(":3: " in m and "finite" in m for m in messages), messages


def test_json_that_needs_lax_coercion_still_loads(write):
    # the JSON fast path validates strictly; values such as "400" or a bare year are
    # then taken by the full path, so the result does not depend on the path
    p = write("lax.json", '{"areas":[{"id":"a","name":"A"}],"technologies":[{"id":"t","name":"T","area":"a"}],'
                          '"milestones":[{"id":"m","title":"M","technology":"t","when":2027,"status":"planned",'
                          '"metrics":[{"value":"400","unit":"Wh/kg","bound":"over"}]}]}')
    rm = load(p)
    (m,) = rm.milestones
    assert str(m.when) == "2027" and m.metrics[0].value == 400.0 and str(m.metrics[0]) == "over 400 Wh/kg"
