"""Property-based tests: the date grammar round-trips, the loader only ever
raises RoadmapError on mangled files, and the fast filter agrees with the
reference definition."""

import json
import tempfile
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from nevroadmap.core.dates import MAX_YEAR, MIN_YEAR, DateSpan, Period, parse_when
from nevroadmap.core.loader import RoadmapError, load
from nevroadmap.core.query import FilterIndex, RoadmapFilter, apply_filter, matches

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- dates ---------------------------------------------------------------------------
years = st.integers(MIN_YEAR, MAX_YEAR)


@st.composite
def periods(draw, year=None):
    y = draw(years) if year is None else year
    unit = draw(st.sampled_from("YHQMD"))
    if unit == "Y":
        return Period(y)
    if unit == "H":
        return Period(y, "H", draw(st.integers(1, 2)))
    if unit == "Q":
        return Period(y, "Q", draw(st.integers(1, 4)))
    month = draw(st.integers(1, 12))
    if unit == "M":
        return Period(y, "M", month)
    import calendar

    return Period(y, "D", month, draw(st.integers(1, calendar.monthrange(y, month)[1])))


@st.composite
def spans(draw):
    approximate = draw(st.booleans())
    kind = draw(st.sampled_from(["single", "range", "open", "by", "before", "after"]))
    p = draw(periods())
    if kind in ("by", "before"):
        return DateSpan(p, p, approximate, open_start=True, exclusive=kind == "before")
    if kind == "after":
        return DateSpan(p, p, approximate, open_end=True, exclusive=True)
    last = p
    if kind in ("range", "open") and draw(st.booleans()):
        last = draw(periods(year=draw(st.integers(p.year, MAX_YEAR))))
        if last.end_date < p.start_date or last == p:
            last = p
    return DateSpan(p, last, approximate, open_end=kind == "open")


@FAST
@given(spans())
def test_every_span_round_trips_through_its_text(span):
    text = str(span)
    parsed = parse_when(text)
    assert parsed == span
    assert str(parsed) == text
    assert parsed.x0 <= parsed.x1
    if parsed.start is not None and parsed.end is not None:
        assert parsed.start <= parsed.end


@FAST
@given(st.text(alphabet="0123456789-+~ HQbyafterto\u2013", max_size=24))
def test_parse_when_only_raises_its_own_error(text):
    try:
        span = parse_when(text)
    except ValueError as exc:  # DateSyntaxError is a ValueError
        assert type(exc).__name__ == "DateSyntaxError" and repr(text) in str(exc)
    else:
        assert parse_when(str(span)) == span


# -- loader on mangled files -------------------------------------------------------
YAML_BYTES = (FIXTURES / "fictional.yaml").read_bytes()
JSON_BYTES = json.dumps(yaml.safe_load(YAML_BYTES.decode()), indent=2, default=str).encode()


@st.composite
def mutations(draw, original: bytes):
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "set", "delete_line", "duplicate_line", "truncate", "insert"]))
        lines = bytes(data).split(b"\n")
        if op == "flip" and data:
            i = draw(st.integers(0, len(data) - 1))
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.sampled_from(b"{}[]:,-&*!#'\"\\\t\n\x00\xff \xe9"))
        elif op == "delete_line" and lines:
            del lines[draw(st.integers(0, len(lines) - 1))]
            data = bytearray(b"\n".join(lines))
        elif op == "duplicate_line" and lines:
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
        elif op == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif op == "insert":
            i = draw(st.integers(0, len(data)))
            data[i:i] = draw(st.sampled_from([b"!!python/object/apply:os.system ['true'] ", b"&a ", b"*a", b"[[[[",
                                              b"\xef\xbb\xbf", b"\r\n", b"2027-13", b"null", b"{}", b"\\u0000"]))
    return bytes(data)


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def _check_load(path: Path) -> None:
    try:
        load(path)
    except RoadmapError as exc:
        assert exc.problems
        for p in exc.problems:
            assert isinstance(p.file, str) and p.file
            assert isinstance(p.line, int) and p.line >= 0
            assert isinstance(p.message, str) and p.message


@FAST
@given(data=mutations(YAML_BYTES))
def test_mangled_yaml_only_ever_gives_roadmap_errors(scratch, data):
    path = scratch / "m.yaml"
    path.write_bytes(data)
    _check_load(path)


@FAST
@given(data=mutations(JSON_BYTES))
def test_mangled_json_only_ever_gives_roadmap_errors(scratch, data):
    path = scratch / "m.json"
    path.write_bytes(data)
    _check_load(path)


# -- the filter agrees with its reference definition -------------------------------
ROADMAP_TEXT = textwrap.dedent("""\
    # Entirely fictional: no real company, person or fact.
    sources:
      - {id: s1, title: Invented press kit, url: "https://example.org/a"}
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
      - {id: m2, title: Sodium cells in small cars, technology: sodium-ion, when: by 2026, status: announced,
         tags: [budget]}
      - {id: m3, title: Chargers on highways, technology: megawatt, organizations: [nc], when: 2025-2030+,
         status: forecast}
      - {id: m4, title: Mass production, technology: solid-state, when: after 2030, status: forecast}
      - {id: m5, title: First cells shipped, technology: solid-state, organizations: [ic], when: Q3 2024,
         status: achieved, metrics: [{value: 400, unit: Wh/kg, bound: over}]}
      - {id: m6, title: Grid pilot, technology: megawatt, when: ~2028, status: planned}
      - {id: m7, title: Recycling loop, technology: sodium-ion, organizations: [ic, fm], when: before 2035,
         status: planned}
      - {id: m8, title: Late target, technology: megawatt, when: 2040-09 to 2041-03, status: announced}
    claims:
      - {id: c1, statement: Ada says sodium cells are cheap., speaker: p1, source: s1, supports: [m2]}
      - {id: c2, statement: Fictional Motors expects a pilot., organization: fm, source: s1, supports: [m1, m6],
         quote: "We will pilot it"}
    """)

WORDS = ["pilot", "cells", "ada", "imcell", "400", "wh/kg", "budget", "charging", "solid", "xyz", "grid", "m3",
         "fictional", "cheap.", "will"]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    p = tmp_path_factory.mktemp("small") / "small.yaml"
    p.write_text(ROADMAP_TEXT, encoding="utf-8")
    roadmap = load(p)
    return roadmap, FilterIndex(roadmap)


def _in_order(pair):
    a, b = pair  # a window that ends before it starts is refused by RoadmapFilter itself
    return (b, a) if a is not None and b is not None and a > b else (a, b)


filters = st.builds(
    lambda window, **kw: RoadmapFilter(year_from=window[0], year_to=window[1], **kw),
    st.tuples(st.none() | st.integers(2015, 2045), st.none() | st.integers(2015, 2045)).map(_in_order),
    organizations=st.frozensets(st.sampled_from(["fm", "ic", "nc", "ghost"]), max_size=3),
    technologies=st.frozensets(st.sampled_from(["solid-state", "sodium-ion", "megawatt", "ghost"]), max_size=3),
    statuses=st.frozensets(st.sampled_from(["achieved", "announced", "planned", "forecast"]), max_size=3),
    text=st.lists(st.sampled_from(WORDS), max_size=2).map(" ".join) | st.text(max_size=6),
)


@FAST
@given(f=filters)
def test_apply_filter_keeps_exactly_the_matching_milestones(small, f):
    roadmap, index = small
    got = [m.id for m in apply_filter(roadmap, f, index)]
    want = [m.id for m in roadmap.milestones if matches(roadmap, m, f)]
    assert got == want


def test_the_filter_property_can_see_differences(small):
    # guard against a vacuous property: the filters above really select different sets
    roadmap, index = small
    assert [m.id for m in apply_filter(roadmap, RoadmapFilter(organizations=frozenset({"ic"})), index)] == ["m2", "m5", "m7"]
    assert [m.id for m in apply_filter(roadmap, RoadmapFilter(year_from=2031), index)] == ["m3", "m4", "m7", "m8"]
    assert [m.id for m in apply_filter(roadmap, RoadmapFilter(text="pilot"), index)] == ["m1", "m6"]
