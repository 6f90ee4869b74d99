"""TimelineJS timelines (JSON and the spreadsheet-template CSV) open as roadmaps.

Fixtures are written by hand in the public TimelineJS format; every organization
and event in them is invented.
"""

import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES
from nevroadmap.core.formats.detect import detect
from nevroadmap.core.formats.plain_text import html_to_text, one_line
from nevroadmap.core.loader import RoadmapError, load

TL_JSON = FIXTURES / "timelinejs_fictional.json"
TL_CSV = FIXTURES / "timelinejs_fictional.csv"


def nev(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nevroadmap", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


def line_of(path, needle: str) -> int:
    return next(i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in ln)


def by_title(roadmap):
    return {m.title: m for m in roadmap.milestones}


# -- JSON ---------------------------------------------------------------------------
def test_json_events_become_milestones_with_their_precision():
    rm = load(TL_JSON)
    ms = by_title(rm)
    assert len(rm.milestones) == 5  # six events, one with month 13 left out
    assert str(ms["Fictional Motors (example) founded"].when) == "2019"  # a year stays a year
    assert ms["Fictional Motors (example) founded"].when.precision == "year"
    assert str(ms["Invented charger <1 MW> shown"].when) == "2025-09-28"  # the hour is dropped, the day kept
    assert str(ms["Fictional Motors (example) robotaxi plan"].when) == "2026-2030"  # year range
    second = rm.milestone_by_id["ic-second-line"]  # a valid unique_id is kept as the id
    assert str(second.when) == "2028"
    first = next(m for m in rm.milestones if m.title == "Imaginary Cells (example) pilot line" and m is not second)
    assert str(first.when) == "2021-06 to 2023-03-14"
    assert first.description.startswith("Display date: Mid 2021 to early 2023")
    assert {m.status.value for m in rm.milestones} == {"announced"}


def test_json_groups_are_lanes_under_one_area_and_the_title_names_the_dataset():
    rm = load(TL_JSON)
    assert rm.name == "Fictional Motors (example) roadmap"  # <i> removed
    assert [t.name for t in rm.technologies] == ["Company", "Batteries", "Charging", "Events"]
    (area,) = rm.areas
    assert {t.area for t in rm.technologies} == {area.id} and area.name == rm.name
    lanes = {m.title: rm.tech_name(m.technology) for m in rm.milestones}
    assert lanes["Fictional Motors (example) robotaxi plan"] == "Events"  # no group: the default lane
    assert lanes["Invented charger <1 MW> shown"] == "Charging"


def test_json_eras_are_kept():
    rm = load(TL_JSON)
    assert [(e.name, str(e.when)) for e in rm.eras] == [
        ("Invented early years", "2019-2024"), ("Invented scale-up", "2025-01 to 2030-12")]


def test_json_html_becomes_plain_text():
    rm = load(TL_JSON)
    m = by_title(rm)["Fictional Motors (example) founded"]
    assert m.description == ("Founded by invented people & friends. "
                             "See the invented site (https://example.org/fictional).")
    assert "alert" not in m.description and "<" not in m.description
    assert "Invented charger <1 MW> shown" in by_title(rm)  # &lt; &gt; decoded, not read as a tag


def test_json_media_becomes_the_source_of_a_claim():
    rm = load(TL_JSON)
    m = by_title(rm)["Fictional Motors (example) founded"]
    (claim,) = rm.claims_for(m.id)
    src = rm.source_by_id[claim.source]
    assert (src.url, src.publisher, src.title) == ("https://example.org/fictional/photo.jpg",
                                                   "Fictional Press (example)", "The invented plant")
    assert len(rm.claims) == 1  # events without media have no claim


def test_json_unmappable_event_is_a_warning_with_its_line_and_the_rest_loads():
    rm = load(TL_JSON)
    (warning,) = rm.warnings
    line = line_of(TL_JSON, '"month": 13')
    assert warning.startswith(f"{TL_JSON}:{line}: ") or warning.startswith(f"tests/fixtures/timelinejs_fictional.json:{line}: ")
    assert "Broken month (invented)" in warning and "month 13 does not exist" in warning
    assert "Broken month (invented)" not in by_title(rm)


def test_ids_are_deterministic_and_unique():
    a, b = load(TL_JSON), load(TL_JSON)
    assert [m.id for m in a.milestones] == [m.id for m in b.milestones]
    assert len({m.id for m in a.milestones}) == len(a.milestones)
    assert a.milestones[0].id == "fictional-motors-example-founded-2019"


def test_same_headline_and_date_get_a_suffix(write):
    events = [{"start_date": {"year": 2030}, "text": {"headline": "Invented twin"}} for _ in range(3)]
    rm = load(write("twins.json", json.dumps({"events": events})))
    assert [m.id for m in rm.milestones] == ["invented-twin-2030", "invented-twin-2030-2", "invented-twin-2030-3"]


def test_event_the_model_refuses_is_left_out_not_the_file(write):
    events = [{"start_date": {"year": 1500}, "text": {"headline": "Too early (invented)"}},
              {"start_date": {"year": 2030}, "end_date": {"year": 2020}, "text": {"headline": "Backwards (invented)"}},
              {"start_date": {"year": "twenty"}, "text": {"headline": "Words (invented)"}},
              {"start_date": {"year": 2031}, "text": {"headline": "Fine (invented)"}},
              "not an event"]
    p = write("odd.json", json.dumps({"events": events}, indent=1))
    rm = load(p)
    assert [(m.title, str(m.when)) for m in rm.milestones] == [("Backwards (invented)", "2030"), ("Fine (invented)", "2031")]
    text = "\n".join(rm.warnings)
    assert "Too early (invented)' left out: start_date: year 1500 is outside" in text
    assert "Backwards (invented)': end_date ignored: the end (2020) is before the start (2030)" in text
    assert "'twenty' is not a whole number" in text
    assert "event 5 left out: an event must be an object" in text
    assert all(w.startswith(f"{p}:") or ":" in w.split(" ")[0] for w in rm.warnings)


def test_timeline_with_no_usable_event_loads_empty(write):
    rm = load(write("empty.json", json.dumps({"title": {"text": {"headline": "Nothing (invented)"}}, "events": []})))
    assert rm.milestones == () and rm.name == "Nothing (invented)"


# -- CSV template ---------------------------------------------------------------------
def test_csv_template_opens_with_every_mappable_row():
    rm = load(TL_CSV)
    ms = by_title(rm)
    assert rm.name == "Imaginary Cells (example) timeline"  # the "title" row
    assert [(e.name, str(e.when)) for e in rm.eras] == [("Invented early years", "2020-2024")]  # the "era" row
    assert {t: str(m.when) for t, m in ms.items()} == {
        "Imaginary Cells (example) founded": "2020",
        "Fictional sodium pilot": "2022-03",
        "Fictional cell qualification": "2023-07-14 to 2024-02",
        "Invented plan without group": "2026",
        "Click (javascript:alert(1)) <not a tag>": "2028",
    }
    assert [t.name for t in rm.technologies] == ["Company", "Batteries", "Events", "Charging"]
    assert ms["Fictional sodium pilot"].description == "Multi-line text:\nsecond line"
    assert ms["Fictional cell qualification"].description == "Display date: Summer 2023 to early 2024"


def test_csv_template_html_and_media():
    rm = load(TL_CSV)
    founded = by_title(rm)["Imaginary Cells (example) founded"]
    assert founded.description == "Founded by invented people & friends, see the site (https://example.org/ic)."
    (claim,) = rm.claims_for(founded.id)
    assert rm.source_by_id[claim.source].url == "https://example.org/ic/photo.jpg"
    odd = by_title(rm)["Click (javascript:alert(1)) <not a tag>"]
    (claim,) = rm.claims_for(odd.id)
    src = rm.source_by_id[claim.source]
    assert src.url is None and src.note == "Media: not-a-link x"  # not http(s): text, never a link


def test_csv_template_unmappable_rows_are_warnings_with_their_lines():
    rm = load(TL_CSV)
    assert [w.split(": ", 1)[0].rsplit(":", 1)[1] for w in rm.warnings] == [
        str(line_of(TL_CSV, "Event without a year")), str(line_of(TL_CSV, "Impossible day"))]
    assert "it has no start_date year" in rm.warnings[0]
    assert "day 30 does not exist in 2027-02" in rm.warnings[1]


def test_cli_validate_and_list_every_event():
    for path, n in ((TL_JSON, 5), (TL_CSV, 5)):
        r = nev("validate", path)
        assert r.returncode == 0, r.stderr
        assert "left out" in r.stderr  # the warnings are shown
        r = nev("list", path, "--format", "json")
        assert r.returncode == 0 and len(json.loads(r.stdout)) == n


# -- detection by content ---------------------------------------------------------------
def test_detection_by_content():
    tl = TL_JSON.read_text(encoding="utf-8")
    assert detect(tl, ".json") == "timelinejs-json"
    assert detect(tl, ".txt") == "timelinejs-json"
    assert detect('{"milestones": []}', ".json") == "json"
    assert detect('{"events": [], "milestones": []}', ".json") == "json"  # ours, with a stray section
    assert detect('{"events": [], "eras": []}', ".json") == "timelinejs-json"
    assert detect(TL_CSV.read_text(encoding="utf-8"), ".csv") == "timelinejs-csv"
    assert detect("id,title,when,status\n", ".csv") == "csv"
    assert detect("id,title,when,status\n", "") == "csv"
    assert detect("Hello, this is a note.\n", ".txt") == ""
    assert detect("milestones: []\n", ".yaml") == "yaml"


def test_the_json_fast_path_leaves_timelines_to_the_full_path(tmp_path):
    from nevroadmap.core.formats.timelinejs import may_be_timelinejs_json
    from nevroadmap.core.loader.json_fast import load_json_fast

    assert load_json_fast(tmp_path, [TL_JSON]) is None  # detected first, never validated as ours
    assert may_be_timelinejs_json(b'{"timeline": {"date": []}}')
    # ours: the word as a value, or inside a string, is not a TimelineJS key
    ours = tmp_path / "ours.json"
    ours.write_text('{"eras": [{"id": "e", "name": "events", "when": "2026"}], '
                    '"areas": [{"id": "a", "name": "say \\"events\\": no"}]}', encoding="utf-8")
    assert not may_be_timelinejs_json(ours.read_bytes())
    # a file that starts with one of our sections (eras aside) is ours whatever follows
    assert not may_be_timelinejs_json(b' {\n "milestones": [], "events": []}')
    assert may_be_timelinejs_json(b'{"eras": [], "events": []}')
    fast = load_json_fast(tmp_path, [ours])
    assert fast is not None and [e.name for e in fast.eras] == ["events"]
    assert load(TL_JSON).name  # and the full path reads the timeline


def test_import_warnings_are_translatable():
    from nevroadmap.core.i18n import set_translator

    english = load(TL_JSON).warnings
    set_translator(lambda text, plural, n: "EVENT {label} SKIPPED: {reason}"
                   if text == "event {label} left out: {reason}" else None)
    try:
        translated = load(TL_JSON).warnings
    finally:
        set_translator(None)
    left_out = [w for w in english if ": event " in w and " left out: " in w]
    assert left_out and len(translated) == len(english)
    assert sum(": EVENT " in w and " SKIPPED: " in w for w in translated) == len(left_out)


def test_a_timeline_named_txt_opens_when_named_but_folders_skip_it(tmp_path):
    shutil.copy(TL_JSON, tmp_path / "timeline.txt")
    assert len(load(tmp_path / "timeline.txt").milestones) == 5  # a file the user names: by content
    with pytest.raises(RoadmapError) as info:
        load(tmp_path)  # a folder reads only data suffixes (no stray notes.txt)
    assert "holds no data files" in str(info.value)
    shutil.copy(TL_CSV, tmp_path / "sheet.csv")
    assert len(load(tmp_path).milestones) == 5


def test_a_note_named_txt_is_still_refused(write):
    with pytest.raises(RoadmapError) as info:
        load(write("notes.txt", "Just words, nothing else.\n"))
    assert "unknown data file type '.txt'" in str(info.value)


# -- HTML to text ---------------------------------------------------------------------------
@pytest.mark.parametrize("html, text", [
    ("<b>bold</b> &amp; <i>it</i>", "bold & it"),
    ('<a href="https://example.org/x">label</a>', "label (https://example.org/x)"),
    ('<a href="https://example.org/">https://example.org/</a>', "https://example.org/"),
    ("before<script>alert('x')</script><style>p{}</style>after", "beforeafter"),
    ("<p>one</p><p>two</p>", "one\n\ntwo"),  # paragraphs: an empty line between
    ("line<br>break", "line\nbreak"),
    ("&lt;script&gt; stays text", "<script> stays text"),
    ("a < b and c > d", "a < b and c > d"),
    ("<img src=x onerror=alert(1)>", ""),
    ("", ""),
])
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_one_line_collapses_breaks():
    assert one_line("<p>one</p>\n<p>two</p>") == "one two"


def test_timelinejs2_files_open_too():
    p = FIXTURES / "timelinejs2_fictional.json"
    rm = load(p)
    assert rm.name == "Invented Cells (example): the old format"
    assert [(m.title, str(m.when), rm.tech_name(m.technology)) for m in rm.milestones] == [
        ("Invented Cells (example) opens a lab", "2011-12-10 to 2012-01", "Batteries"),
        ("Invented test track", "2015", "Events")]
    assert rm.milestones[0].description == "Made up & tested."
    assert rm.source_by_id[rm.claims_for(rm.milestones[0].id)[0].source].url == "https://example.org/lab.jpg"
    assert [(e.name, str(e.when)) for e in rm.eras] == [("Invented first years", "2011-2014")]
    (w,) = rm.warnings
    assert f":{line_of(p, '20x5')}: event 'Broken date (invented)' left out: year '20x5' is not a whole number" in w


def test_month_names_are_read(write):
    p = write("m.csv", "Year,Month,Day,Headline,Text,Group\n2027,March,3,Invented a,,\n2028,sep,,Invented b,,\n")
    assert [str(m.when) for m in load(p).milestones] == ["2027-03-03", "2028-09"]
