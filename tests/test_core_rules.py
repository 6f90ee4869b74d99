"""Rules written once in the core: the table of references (both loader paths),
who a claim speaks for, the milestone index, one date cache, plain records and
a loader that leaves the process alone."""

import copy
import dataclasses
import json
import subprocess
import sys

import pytest
import yaml

from nevroadmap.core.dates import parse_when
from nevroadmap.core.loader import RoadmapError, load, references
from nevroadmap.core.loader.json_fast import load_json_fast
from nevroadmap.core.loader.problems import record_noun
from nevroadmap.core.model import SECTIONS, Claim

DATA = {
    "sources": [{"id": "src", "title": "Fictional Source (example)"}],
    "organizations": [
        {"id": "fm", "name": "Fictional Motors (example)"},
        {"id": "fm-sub", "name": "Fictional Motors Subsidiary (example)", "parent": "fm"},
        {"id": "fc", "name": "Fictional Cells (example)"},
    ],
    "people": [{"id": "pat", "name": "Pat Example", "organization": "fc"}],
    "areas": [{"id": "batt", "name": "Batteries"}],
    "technologies": [{"id": "ssb", "name": "Fictional cells", "area": "batt"}],
    "milestones": [
        {"id": "m1", "title": "Fictional milestone", "technology": "ssb", "organizations": ["fm"],
         "when": "2031", "status": "planned"},
        {"id": "m2", "title": "Another fictional milestone", "technology": "ssb", "when": "Q3 2032",
         "status": "forecast"},
    ],
    "claims": [
        {"id": "c1", "statement": "An invented statement.", "speaker": "pat", "organization": "fm",
         "source": "src", "supports": ["m1", "m2"]},
        {"id": "c2", "statement": "Another invented statement.", "speaker": "pat", "source": "src",
         "supports": ["m2"]},
        {"id": "c3", "statement": "A third invented statement.", "source": "src", "supports": ["m2"]},
    ],
}


def _write_both(tmp_path, data):
    y, j = tmp_path / "data.yaml", tmp_path / "data.json"
    y.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    j.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return y, j


def _with_unknown(ref: references.Reference) -> dict:
    data = copy.deepcopy(DATA)
    record = data[ref.section][1 if ref.section == "organizations" else 0]  # records that have every field
    record[ref.field] = ["nope"] if ref.many else "nope"
    return data


def _messages(path) -> list[str]:
    with pytest.raises(RoadmapError) as info:
        load(path)
    assert all(p.line > 1 for p in info.value.problems), info.value
    return [p.message for p in info.value.problems]


def test_the_valid_example_loads_the_same_through_both_formats(tmp_path):
    y, j = _write_both(tmp_path, DATA)
    assert load_json_fast(j, [j]) is not None  # the fast path accepts it
    a, b = load(y), load(j)
    for section in SECTIONS:
        assert getattr(a, section) == getattr(b, section)


@pytest.mark.parametrize("ref", references.REFERENCES, ids=lambda r: f"{r.section}.{r.field}")
def test_an_unknown_reference_reads_the_same_through_yaml_and_the_json_fast_path(tmp_path, ref):
    y, j = _write_both(tmp_path, _with_unknown(ref))
    assert load_json_fast(j, [j]) is None  # the fast path says "not sure" ...
    expected = f"{ref.field}: unknown {record_noun(ref.target)} id 'nope'"
    from_yaml, from_json = _messages(y), _messages(j)  # ... and the full path words it
    assert [m for m in from_yaml if m.startswith(expected)] == [m for m in from_json if m.startswith(expected)]
    assert any(m.startswith(expected) for m in from_yaml), from_yaml


def test_the_table_of_references_drives_both_paths(tmp_path, monkeypatch):
    supports = next(r for r in references.REFERENCES if (r.section, r.field) == ("claims", "supports"))
    y, j = _write_both(tmp_path, _with_unknown(supports))
    monkeypatch.setattr(references, "REFERENCES", tuple(r for r in references.REFERENCES if r is not supports))
    assert load_json_fast(j, [j]) is not None
    assert "nope" in load(y).claims[0].supports
    assert "nope" in load(j).claims[0].supports


def test_loading_leaves_the_garbage_collector_alone():
    code = ("import gc; t = gc.get_threshold(); from nevroadmap.core.loader import load; load(); "
            "print(gc.isenabled(), gc.get_freeze_count(), gc.get_threshold() == t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "0", "True"]


def test_records_are_frozen_dataclasses_without_basemodel_methods(bundled):
    for cls in SECTIONS.values():
        assert dataclasses.is_dataclass(cls)
        for name in ("model_copy", "model_dump", "model_validate", "model_fields"):
            assert not hasattr(cls, name), f"{cls.__name__}.{name}"
    m = bundled.milestones[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.title = "changed"  # type: ignore[misc]


def test_one_milestone_index(bundled):
    index = bundled.milestone_index
    assert index is bundled.milestone_index  # built once
    assert [bundled.milestones[index[m.id]] for m in bundled.milestones] == list(bundled.milestones)


def test_who_a_claim_speaks_for(tmp_path):
    rm = load(_write_both(tmp_path, DATA)[0])
    c1, c2, c3 = rm.claims
    assert (rm.claim_organization(c1), rm.claim_affiliations(c1)) == ("fm", ("fm", "fc"))
    assert (rm.claim_organization(c2), rm.claim_affiliations(c2)) == ("fc", ("fc",))
    assert (rm.claim_organization(c3), rm.claim_affiliations(c3)) == (None, ())
    assert rm.claims_by_organization == {"fm": (c1,), "fc": (c1, c2)}
    # the organizations of a milestone are the ones that act in it; who reported it is on its claims
    assert rm.milestone_organizations == (("fm",), ())
    assert rm.milestone_organizations == tuple(rm.organizations_of(m) for m in rm.milestones)
    assert [rm.reporters_of(m) for m in rm.milestones] == [(), ("fm", "fc")]
    # a company filter finds both: the ones who act and the ones who report
    assert rm.milestone_parties == (("fm",), ("fm", "fc"))
    assert rm.milestone_parties == tuple(rm.parties_of(m) for m in rm.milestones)


def test_a_claim_without_a_known_speaker_speaks_for_nobody(bundled):
    c = Claim(id="x", statement="Invented.", source="src", speaker="nobody-in-the-data")
    assert bundled.claim_organization(c) is None and bundled.claim_affiliations(c) == ()


def test_one_cache_of_date_texts(tmp_path):
    import nevroadmap.core.model as model

    assert not [n for n, v in vars(model).items() if isinstance(v, dict) and n.isupper() and n != "SECTIONS"]
    parse_when("Q3 2032")
    hits = parse_when.cache_info().hits
    load(_write_both(tmp_path, DATA)[1])  # "Q3 2032" again
    assert parse_when.cache_info().hits > hits


def test_the_entry_point_decides_the_gc_settings_once(tmp_path):
    y, _ = _write_both(tmp_path, DATA)
    code = ("import gc, sys; from nevroadmap.cli import main; from nevroadmap.runtime import GC_THRESHOLDS; "
            f"before = gc.get_threshold(); rc = main(['validate', {str(y)!r}]); "
            "print(rc, before != GC_THRESHOLDS, gc.get_threshold() == GC_THRESHOLDS, gc.isenabled(), gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[-5:] == ["0", "True", "True", "True", "0"]


def test_a_file_that_cannot_be_read_is_the_one_problem_named(tmp_path):
    """An unreadable YAML file may hold the records the others refer to: its own error is reported,
    not buried under one "unknown source id" per claim."""
    import shutil

    from nevroadmap.core.loader import RoadmapError, bundled_data_path, load

    root = tmp_path / "data"
    shutil.copytree(bundled_data_path(), root)
    (root / "sources.yaml").write_text("sources:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RoadmapError) as info:
        load(root)
    assert [str(p) for p in info.value.problems] == [
        f"{root / 'sources.yaml'}:3: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]
