"""The JSON fast path validates a file slice by slice; the records must be the
same as validating it in one piece, whatever the file's layout and content."""

import copy
import json

import pytest

from nevroadmap.core.loader import json_slices
from nevroadmap.core.loader.json_fast import _file_adapter
from test_core_rules import DATA

TRICKY = copy.deepcopy(DATA)
TRICKY["claims"][0]["statement"] = 'Invented: a string holding },{ and ],"claims":[ and "quotes" \\ },{"id":"x"}'
TRICKY["milestones"][0]["metrics"] = [{"value": 1, "unit": "x"}, {"value": 2, "unit": "%"}, {"value": 3}]
TRICKY["milestones"][1]["tags"] = ["a", "],\"people\":[", "b"]


def one_piece(raw: bytes) -> dict:
    return {k: v for k, v in _file_adapter().validate_json(raw, strict=True).items() if v is not None}


@pytest.mark.parametrize("slice_bytes", [1, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("data", [DATA, TRICKY], ids=["plain", "tricky"])
def test_slices_give_the_records_of_one_piece(monkeypatch, slice_bytes, indent, data):
    monkeypatch.setattr(json_slices, "SLICE_BYTES", slice_bytes)
    raw = json.dumps(data, indent=indent, separators=None if indent else (",", ":")).encode()
    got = json_slices.read_sections_in_slices(raw)
    assert got is not None
    assert got == one_piece(raw)
    assert [c.id for c in got["claims"]] == ["c1", "c2", "c3"]


def test_empty_sections_and_any_order(monkeypatch):
    monkeypatch.setattr(json_slices, "SLICE_BYTES", 1)
    data = {"claims": [], **{k: v for k, v in reversed(DATA.items()) if k != "claims"}, "areas": []}
    raw = json.dumps(data).encode()
    assert json_slices.read_sections_in_slices(raw) == one_piece(raw)


@pytest.mark.parametrize("raw", [
    b'{"sources": null, "areas": []}',  # a null section
    b'\xef\xbb\xbf{"areas": []}',  # a byte-order mark
    b'{"areas": [], "areas": []}',  # a section twice
    b'{"areas": [{"id": "a", "name": "A"}], "colours": []}',  # not a section
    b'{"areas": [{"id": "a", "name": "A"},]}',  # a trailing comma
    b'{"areas": [{"id": "a", "name": "A"}]} []',  # more after the end
    b'[{"id": "a", "name": "A"}]',  # no sections at all
])
def test_what_does_not_fit_is_left_to_the_one_piece_path(monkeypatch, raw):
    monkeypatch.setattr(json_slices, "SLICE_BYTES", 1)
    assert json_slices.read_sections_in_slices(raw) is None


def test_an_invalid_record_stops_the_slices(monkeypatch):
    monkeypatch.setattr(json_slices, "SLICE_BYTES", 1)
    data = copy.deepcopy(DATA)
    data["milestones"][1]["status"] = "plannd"
    assert json_slices.read_sections_in_slices(json.dumps(data).encode()) is None


def test_junk_gives_one_error_per_slice_not_one_per_value():
    """A file of millions of bad values must not make millions of pydantic errors (memory)."""
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        json_slices._slice_adapter("milestones").validate_json(b"[" + b",".join([b"0"] * 1000) + b"]", strict=True)
    assert len(info.value.errors()) == 1
    assert json_slices.read_sections_in_slices(b'{"milestones":[' + b",".join([b"0"] * 1000) + b"]}") is None
