"""The cheaper checks of the JSON fast path (issue 9: opening a 100,000-milestone tracker) give the
answers of the plain definitions they replace, and what they guard against still goes to the
careful path, which words it with ``file:line``.  No timing here (that is benchmarks/bench.py)."""

from __future__ import annotations

import dataclasses
import json
import random
import re
from pathlib import Path

import pytest

from nevroadmap.core import dates
from nevroadmap.core.dates import DateSyntaxError, parse_when
from nevroadmap.core.loader import RoadmapError, load
from nevroadmap.core.loader import json_fast, json_slices
from nevroadmap.core.loader.references import ids_ok, references_ok
from nevroadmap.core.model import SECTIONS
from nevroadmap.core.query import span_columns
from conftest import bench_generator

BLOCK = json_fast._BLOCK


@pytest.fixture(scope="module")
def big_data() -> dict:
    """A generated tracker (fictional, seeded) big enough for the block-wise byte counts (over 4 blocks)."""
    data = bench_generator().generate(2000, seed=5, n_orgs=80)
    assert len(json.dumps(data).encode()) > 4 * BLOCK
    return data


def _write(tmp_path: Path, data: dict, name: str = "t.json", indent: int | None = 1) -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(data, indent=indent, ensure_ascii=False), encoding="utf-8")
    return p


def _overlapping(raw: bytes, what: bytes) -> int:
    return sum(1 for k in range(len(raw) - len(what) + 1) if raw[k:k + len(what)] == what)


# -- the byte census --------------------------------------------------------------------------
@pytest.mark.parametrize("size", [0, 3, 4, 4 * BLOCK - 1, 4 * BLOCK, 4 * BLOCK + 3, 5 * BLOCK + 1])
def test_the_census_counts_what_the_byte_searches_count(size):
    rng = random.Random(size)
    raw = bytes(rng.choices(b'"id,\\x: ', k=size))
    commas, escaped, ids = json_fast._census(raw)
    assert commas == raw.count(b",") and escaped is False
    # overlapping "id" strings ("id"id") may count twice: never fewer than bytes.count finds
    assert ids >= raw.count(b'"id"')
    assert ids == (_overlapping(raw, b'"id"') if size >= 4 * BLOCK else raw.count(b'"id"'))


@pytest.mark.parametrize("at", [BLOCK - 4, BLOCK - 3, BLOCK - 2, BLOCK - 1, BLOCK, 4 * BLOCK - 2])
def test_an_id_string_across_a_block_boundary_is_counted_once(at):
    raw = bytearray(b"x" * (5 * BLOCK))
    raw[at:at + 4] = b'"id"'
    raw[-4:] = b'"id"'  # and one at the very end
    assert json_fast._census(bytes(raw))[2] == 2


ESCAPES = [b"\\u0041", b"\\u0061", b"\\u007a", b"\\u007F", b"\\u0020", b"\\u002f", b"\\u0041x",  # could spell a key
           b"\\u0019", b"\\u0080", b"\\u00G1", b"\\u008a", b"\\U0041", b"\\x0041", b"\\u004", b"\\n", b"\\\\"]


@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("at", [0, BLOCK - 3, BLOCK - 1, 3 * BLOCK, None])  # None: at the very end
def test_the_census_finds_an_escaped_letter_where_the_search_finds_one(escape, at):
    raw = bytearray(b"x" * (5 * BLOCK))
    pos = len(raw) - len(escape) if at is None else at
    raw[pos:pos + len(escape)] = escape
    raw = bytes(raw)
    assert json_fast._census(raw)[1] is (json_fast._ESCAPED_LETTER.search(raw) is not None)
    small = raw[-100:]
    assert json_fast._census(small)[1] is (json_fast._ESCAPED_LETTER.search(small) is not None)


def test_a_key_id_given_twice_in_a_big_file_goes_to_the_careful_path(tmp_path, big_data):
    p = _write(tmp_path, big_data)
    assert json_fast.load_json_fast(p, [p]) is not None
    text = p.read_text(encoding="utf-8")
    first = text.index('"id": "m')
    p.write_text(text[:first] + '"id": "m-other", ' + text[first:], encoding="utf-8")  # the last one wins in JSON
    assert json_fast.load_json_fast(p, [p]) is None
    with pytest.raises(RoadmapError) as info:
        load(p)
    assert any("appears twice" in pr.message and pr.line > 1 for pr in info.value.problems), info.value


def test_an_escaped_letter_that_could_spell_a_key_goes_to_the_careful_path(tmp_path, big_data):
    data = json.loads(json.dumps(big_data))
    data["claims"][3]["statement"] = "Invented: a line\nand a tab\tand a quote \" (escapes, no letters)"
    p = _write(tmp_path, data)
    assert b"\\" in p.read_bytes()
    assert json_fast.load_json_fast(p, [p]) is not None  # backslashes alone do not send it away
    p.write_bytes(p.read_bytes().replace(b'"statement"', b'"st\\u0061tement"', 1))
    assert json_fast.load_json_fast(p, [p]) is None
    assert load(p).claims == load(_write(tmp_path, data, "same.json")).claims  # the careful path reads it


def test_a_wrong_date_in_a_big_file_is_worded_with_its_line(tmp_path, big_data):
    data = json.loads(json.dumps(big_data))
    data["milestones"][1500]["when"] = "2025-13"
    p = _write(tmp_path, data)
    with pytest.raises(RoadmapError) as info:
        load(p)
    (problem,) = info.value.problems
    assert "month 13 does not exist" in problem.message
    assert p.read_text(encoding="utf-8").splitlines()[problem.line - 1].strip() == '"when": "2025-13",'


def test_the_fast_path_gives_the_careful_paths_roadmap(tmp_path, big_data, monkeypatch):
    p = _write(tmp_path, big_data, indent=None)
    assert json_fast.load_json_fast(p, [p]) is not None
    fast = load(p)
    monkeypatch.setattr(json_fast, "load_json_fast", lambda root, files: None)  # load() imports it when needed
    careful = load(p)
    for section in SECTIONS:
        assert getattr(fast, section) == getattr(careful, section), section


# -- the end of the text without a copy ---------------------------------------------------------
@pytest.mark.parametrize("raw", [b"", b" ", b"]}", b"]}\n", b"] \t}\r\n", b"]}" + b" " * 300, b" " * 300,
                                 b"x" + b"\n" * 255, b"x" + b"\n" * 256, b"x" + b"\x0b\x0c" * 200])
def test_the_end_of_the_text_is_where_rstrip_puts_it(raw):
    for end in range(len(raw) + 1):
        assert json_slices._end_of_text(raw, end) == len(raw[:end].rstrip())


# -- references ------------------------------------------------------------------------------------
def test_an_id_listed_twice_in_one_record_is_not_ok(tmp_path, big_data):
    rm = load(_write(tmp_path, big_data))
    records = {sec: list(getattr(rm, sec)) for sec in SECTIONS}
    assert ids_ok(records) and references_ok(records)
    for section, field in (("claims", "supports"), ("milestones", "organizations")):
        rec = next(r for r in records[section] if getattr(r, field))
        twice = dataclasses.replace(rec, **{field: getattr(rec, field) + getattr(rec, field)[:1]})
        bad = dict(records, **{section: [twice if r is rec else r for r in records[section]]})
        assert not references_ok(bad) and not ids_ok(bad), (section, field)


# -- dates -----------------------------------------------------------------------------------------
def _general(text: str):
    """parse_when without its direct reading of plain dates."""
    saved = dates._PLAIN
    dates._PLAIN = re.compile(r"(?!)")
    try:
        return parse_when.__wrapped__(text)
    except DateSyntaxError as exc:
        return str(exc)
    finally:
        dates._PLAIN = saved


def _direct(text: str):
    try:
        return parse_when.__wrapped__(text)
    except DateSyntaxError as exc:
        return str(exc)


PLAIN_TEXTS = ([f"{y}" for y in (1799, 1800, 2025, 2200, 2201, 9999, 0)]
               + [f"{y}-{m:02d}" for y in (1799, 2024, 2201) for m in (0, 1, 9, 12, 13)]
               + [f"{y}-{m:02d}-{d:02d}" for y in (1800, 2023, 2024, 2200) for m in (0, 1, 2, 12, 13) for d in (0, 1, 28, 29, 30, 31, 32)]
               + ["0000", "2024-1", "2024-1-01", "2024-01-1", " 2024", "2024 ", "2024-02-29 ", "２０２４", "2024-", "2024--01"])


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_dates_read_directly_as_the_full_parser_reads_them(text):
    direct, general = _direct(text), _general(text)
    assert direct == general
    if not isinstance(direct, str):
        assert direct.first is direct.last  # one period, as the full parser gives it


def test_span_columns_are_per_span_whatever_the_order(tmp_path, big_data):
    rm = load(_write(tmp_path, big_data))
    spans = [m.when for m in rm.milestones]
    cols = span_columns(spans)
    for i in range(0, len(spans), 97):
        s = spans[i]
        assert (cols["x0"][i], cols["x1"][i], cols["open_start"][i], cols["open_end"][i], cols["single"][i]) == \
            (s.x0, s.x1, s.open_start, s.open_end, s.first == s.last)
    assert span_columns([])["x0"].shape == (0,)
