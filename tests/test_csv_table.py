"""Our CSV layouts (milestones, claims): written, read back, written again byte for byte;
formulas neutralised; bad cells reported as ``file:line: message``.  All data invented."""

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES
from nevroadmap.core.formats.csv_cells import neutralise, restore
from nevroadmap.core.formats.csv_table import parse_metric, write_claims_csv, write_csv
from nevroadmap.core.loader import RoadmapError, load

HEADER = "id,title,when,status,technology,technology_id,area,area_id,area_color,organizations,organization_ids,metrics,description,tags\n"


def nev(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nevroadmap", *map(str, args)],
                          capture_output=True, text=True, timeout=60, cwd=cwd)


def problems_of(path) -> list[str]:
    with pytest.raises(RoadmapError) as info:
        load(path)
    return [str(p) for p in info.value.problems]


def test_bundled_data_round_trips_byte_for_byte(tmp_path, bundled):
    first = write_csv(bundled, bundled.milestones)
    (tmp_path / "a.csv").write_text(first, encoding="utf-8")
    back = load(tmp_path / "a.csv")
    assert write_csv(back, back.milestones) == first
    assert [(m.id, m.title, str(m.when), m.status, m.technology, m.organizations, m.metrics, m.tags, m.description)
            for m in back.milestones] == \
           [(m.id, m.title, str(m.when), m.status, m.technology, m.organizations, m.metrics, m.tags, m.description)
            for m in bundled.milestones]
    assert {(t.id, t.name, t.area) for t in back.technologies} <= {(t.id, t.name, t.area) for t in bundled.technologies}


def test_claims_round_trip_in_a_folder_with_their_milestones(tmp_path, bundled):
    (tmp_path / "milestones.csv").write_text(write_csv(bundled, bundled.milestones), encoding="utf-8")
    claims = write_claims_csv(bundled, bundled.claims)
    (tmp_path / "claims.csv").write_text(claims, encoding="utf-8")
    back = load(tmp_path)
    assert len(back.claims) == len(bundled.claims)
    assert write_claims_csv(back, back.claims) == claims
    assert write_csv(back, back.milestones) == write_csv(bundled, bundled.milestones)
    c = bundled.claims[0]
    assert back.claims[0].statement == c.statement and back.claims[0].supports == c.supports
    assert back.source_by_id[c.source].url == bundled.source_by_id[c.source].url


def test_formula_title_is_neutralised_and_read_back_as_written(tmp_path, write):
    title = '=HYPERLINK("http://example.org")'
    p = write("f.yaml", textwrap.dedent(f"""\
        areas: [{{id: a, name: "@Invented area"}}]
        technologies: [{{id: t, name: "+Invented tech", area: a}}]
        milestones:
          - {{id: m1, title: '{title}', technology: t, when: "2027", status: planned,
             description: "-5 degrees, invented", tags: ["=1+1", "'=quoted already"]}}
        """))
    rm = load(p)
    text = write_csv(rm, rm.milestones)
    row = text.splitlines()[1]
    assert row.startswith('m1,"\'=HYPERLINK(""http://example.org"")",2027,planned,\'+Invented tech,t,\'@Invented area,a,')
    assert "'-5 degrees" in row and "'=1+1; '=quoted already" in row  # one quote per cell
    (tmp_path / "out.csv").write_text(text, encoding="utf-8")
    back = load(tmp_path / "out.csv")
    (m,) = back.milestones
    assert m.title == title and m.description == "-5 degrees, invented" and m.tags == ("=1+1", "'=quoted already")
    assert back.tech_name("t") == "+Invented tech" and back.areas[0].name == "@Invented area"
    assert write_csv(back, back.milestones) == text


@given(st.text(max_size=20))
def test_neutralise_restore_is_exact(s):
    assert restore(neutralise(s)) == s
    assert neutralise(s)[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_cli_list_csv_reads_back_as_the_same_file(tmp_path):
    r = nev("list", "--format", "csv")
    assert r.returncode == 0, r.stderr
    (tmp_path / "a.csv").write_text(r.stdout, encoding="utf-8")
    again = nev("list", tmp_path / "a.csv", "--format", "csv")
    assert again.returncode == 0, again.stderr
    assert again.stdout == r.stdout and r.stdout.count("\n") > 10
    filtered = nev("list", "--format", "csv", "--status", "planned")
    (tmp_path / "p.csv").write_text(filtered.stdout, encoding="utf-8")
    assert nev("list", tmp_path / "p.csv", "--format", "csv").stdout == filtered.stdout
    assert nev("validate", tmp_path / "a.csv").returncode == 0


def test_a_spreadsheet_with_names_only_opens(write):
    p = write("sheet.csv", "\ufeff" + textwrap.dedent("""\
        Title;When;Status;Technology;Area;Organizations;Metrics
        Invented pilot line;2027;planned;Solid-state cells (invented);Batteries;Fictional Motors (example);over 400 Wh/kg
        Invented mass production;2030+;forecast;Solid-state cells (invented);Batteries;"Fictional Motors (example); Imaginary Cells (example)";energy density: 500-600 Wh/kg (invented market)
        Invented charger;H2 2026;announced;Megawatt charging (invented);;;
        """))
    rm = load(p)
    assert [m.id for m in rm.milestones] == ["invented-pilot-line-2027", "invented-mass-production-2030",
                                             "invented-charger-h2-2026"]
    assert [t.name for t in rm.technologies] == ["Solid-state cells (invented)", "Megawatt charging (invented)"]
    assert {a.name for a in rm.areas} == {"Batteries", "General"}  # a technology with no area: "General"
    assert [o.name for o in rm.organizations] == ["Fictional Motors (example)", "Imaginary Cells (example)"]
    m = rm.milestones[1]
    assert m.organizations == ("fictional-motors-example", "imaginary-cells-example")
    assert str(m.metrics[0]) == "500-600 Wh/kg (invented market)" and m.metrics[0].name == "energy density"


def test_id_columns_refer_to_records_of_other_files(tmp_path):
    (tmp_path / "base.yaml").write_text(textwrap.dedent("""\
        areas: [{id: batteries, name: Batteries}]
        technologies: [{id: ssb, name: Solid-state (invented), area: batteries}]
        organizations: [{id: fm, name: Fictional Motors (example)}]
        """), encoding="utf-8")
    (tmp_path / "ms.csv").write_text("title,when,status,technology_id,organization_ids\n"
                                     "Invented pilot,2027,planned,ssb,fm\n", encoding="utf-8")
    rm = load(tmp_path)
    assert rm.milestones[0].technology == "ssb" and rm.milestones[0].organizations == ("fm",)
    (tmp_path / "ms.csv").write_text("title,when,status,technology_id\nInvented pilot,2027,planned,sbb\n",
                                     encoding="utf-8")
    (msg,) = problems_of(tmp_path)
    assert msg.endswith("ms.csv:2: technology: unknown technology id 'sbb' (did you mean 'ssb'?)")


def test_bad_cells_are_file_line_messages(write):
    p = write("bad.csv", HEADER + textwrap.dedent("""\
        m1,Invented ok,2027,planned,Tech (invented),,,,,,,,,
        m2,Invented bad date,2027-13,planned,Tech (invented),,,,,,,,,
        m3,Invented bad status,2028,maybe,Tech (invented),,,,,,,,,
        m4,,2029,planned,Tech (invented),,,,,,,,,
        m5,Invented bad metric,2029,planned,Tech (invented),,,,,,,lots of it,,
        m1,Invented duplicate,2030,planned,Tech (invented),,,,,,,,,
        """))
    got = problems_of(p)
    text = "\n".join(got)
    assert ":3: milestone 'm2': when: cannot read '2027-13' as a date: month 13 does not exist" in text
    assert ":4: milestone 'm3': status: 'maybe' is not one of" in text
    assert ":5: milestone 'm4': missing required field 'title'" in text
    assert ":6: metrics: cannot read 'lots of it' as a metric" in text
    assert ":7: duplicate id 'm1' in milestones (first defined at " in text
    assert "Traceback" not in text


def test_bad_shapes_are_file_line_messages(write):
    (msg,) = problems_of(write("h.csv", "id,titel,when,status\n"))
    assert msg.endswith("h.csv:1: unknown column 'titel' (did you mean 'title'?); columns: " + HEADER.strip().replace(",", ", "))
    (msg,) = problems_of(write("r.csv", "title,when,status,technology\nInvented,2027,planned,T,extra\n"))
    assert msg.endswith("r.csv:2: this row has 5 cells but the header names 4 columns")
    (msg,) = problems_of(write("q.csv", 'title,when,status,technology\n"Invented,2027,planned,T\n'))
    assert msg.endswith(":2: invalid CSV: unexpected end of data")
    (msg,) = problems_of(write("u.csv", "name,date\nInvented,2027\n"))
    assert msg.endswith(":1: the first row must name the columns: our milestones layout (" + HEADER.strip().replace(",", ", ")
                        + "), our claims layout (id, statement, quote, speaker, speaker_id, organization_id, said, "
                          "source, source_id, source_url, publisher, locator, supports) "
                          "or the TimelineJS template (Year, Month, Day, ..., Headline, Text, ...)")


def test_rows_that_define_one_record_differently(write):
    p = write("d.csv", "title,when,status,technology,technology_id,area\n"
                       "Invented a,2027,planned,Cells (invented),cells,Batteries\n"
                       "Invented b,2028,planned,Other cells (invented),cells,Batteries\n")
    (msg,) = problems_of(p)
    assert msg.endswith(":3: technology 'cells' is defined differently: name 'Other cells (invented)' here, "
                        "'Cells (invented)' at line 2")


def test_a_row_may_add_an_area_colour_another_row_left_out(write):
    rm = load(write("c.csv", "title,when,status,technology,area,area_color\n"
                             "Invented a,2027,planned,Cells,Batteries,\n"
                             "Invented b,2028,planned,Cells,Batteries,#4e79a7\n"))
    assert rm.areas[0].color == "#4e79a7"


def test_multiline_cells_keep_their_line_numbers(write):
    p = write("ml.csv", 'title,when,status,technology,description\n'
                        'Invented a,2027,planned,Cells,"two\nlines"\n'
                        'Invented b,2027-14,planned,Cells,\n')
    (msg,) = problems_of(p)
    assert ":4: milestone 'invented-b-2027-14': when:" in msg


@pytest.mark.parametrize("text", ["over 400 Wh/kg", "energy density: about 300 Wh/kg (China)", "5-10%",
                                  "12,000 km", "3x", "-5--3 °C", "up to 1e-05 g", "at least 70% (invented)",
                                  "range: WLTP: under 800 km"])
def test_metric_text_round_trips(text):
    from pydantic import TypeAdapter

    from nevroadmap.core.formats.csv_table import metric_text
    from nevroadmap.core.model import Metric

    _metric = TypeAdapter(Metric).validate_python
    m = _metric(parse_metric(text))
    assert metric_text(_metric(parse_metric(metric_text(m)))) == metric_text(m)
    if text != "5-10%":
        assert metric_text(m) == text


def test_fixture_dataset_round_trips(tmp_path):
    rm = load(FIXTURES / "fictional.yaml")
    text = write_csv(rm, rm.milestones)
    (tmp_path / "f.csv").write_text(text, encoding="utf-8")
    assert write_csv(load(tmp_path / "f.csv"), load(tmp_path / "f.csv").milestones) == text


def test_organization_names_and_ids_must_pair_up(write):
    p = write("o.csv", "title,when,status,technology,organizations,organization_ids\n"
                       "Invented a,2027,planned,Cells,Fictional Motors (example); Imaginary Cells (example),fm\n"
                       "Invented b,2028,planned,Cells,Fictional Motors (example); Imaginary Cells (example),fm\n"
                       "Invented c,2029,planned,Cells,Fictional Motors (example),fm\n")
    got = problems_of(p)
    assert [g.split(":", 1)[1] for g in got] == [
        "2: 2 organizations but 1 organization_ids: give one id per name (or leave organization_ids empty)",
        "3: 2 organizations but 1 organization_ids: give one id per name (or leave organization_ids empty)"]


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=25)


@given(titles=st.lists(_TEXT.filter(lambda s: s.strip()), min_size=1, max_size=4), desc=_TEXT,
       tags=st.lists(_TEXT.filter(lambda s: s.strip() and ";" not in s), max_size=3),
       tech=_TEXT.filter(lambda s: s.strip() and ";" not in s))
def test_any_text_round_trips_byte_for_byte(tmp_path_factory, titles, desc, tags, tech):
    from nevroadmap.core.model import Area, Milestone, Roadmap, Technology

    rm = Roadmap(areas=(Area(id="a", name="Invented area"),), technologies=(Technology(id="t", name=tech, area="a"),),
                 milestones=tuple(Milestone(id=f"m{i}", title=t, technology="t", when="2027", status="planned",
                                            description=desc or None, tags=tuple(tags)) for i, t in enumerate(titles)))
    text = write_csv(rm, rm.milestones)
    p = tmp_path_factory.mktemp("rt") / "x.csv"
    p.write_bytes(text.encode("utf-8"))
    back = load(p)
    assert [(m.title, m.description, m.tags) for m in back.milestones] == \
           [(m.title, m.description or None, m.tags) for m in rm.milestones]  # an empty description is none
    assert back.tech_name("t") == rm.tech_name("t")
    assert write_csv(back, back.milestones) == text


def test_claims_layout_defines_speakers_and_sources_and_checks_them(tmp_path):
    (tmp_path / "ms.csv").write_text("id,title,when,status,technology\nm1,Invented pilot,2027,planned,Cells\n",
                                     encoding="utf-8")
    (tmp_path / "claims.csv").write_text(
        "statement,speaker,said,source,source_url,publisher,supports\n"
        "Ada Inventa (invented) said so.,Ada Inventa (invented),2025-09-28,Invented interview,https://example.org/i,"
        "Fictional Press (example),m1\n"
        "She said it again (invented).,Ada Inventa (invented),2025-10,Invented interview,https://example.org/i,,m1\n",
        encoding="utf-8")
    rm = load(tmp_path)
    assert [c.id for c in rm.claims] == ["ada-inventa-invented-said-so", "she-said-it-again-invented"]
    assert [p.name for p in rm.people] == ["Ada Inventa (invented)"]
    (src,) = rm.sources
    assert (src.title, src.url, src.publisher) == ("Invented interview", "https://example.org/i", "Fictional Press (example)")
    assert len(rm.claims_for("m1")) == 2
    (tmp_path / "claims.csv").write_text(
        "statement,source,source_url,supports\n"
        "One (invented),Invented interview,https://example.org/a,m1\n"
        "Two (invented),Invented interview,https://example.org/b,m2\n"
        "Three (invented),,https://example.org/c,m1\n", encoding="utf-8")
    got = [g.split("claims.csv:", 1)[1] for g in problems_of(tmp_path)]
    assert got == [
        "3: source 'invented-interview' is defined differently: url 'https://example.org/b' here, "
        "'https://example.org/a' at line 2",
        "3: supports: unknown milestone id 'm2'",
        "4: claim 'three-invented': missing required field 'source'",
        "4: source_url and publisher describe a source: name it in the 'source' column",
    ]
