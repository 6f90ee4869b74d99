"""The fast paths give the same answers as the plain definitions.

FilterIndex.mask against :func:`matches`, the squeezed layout against the
masked items, LaneLayout.visible against a brute-force scan, the bulk helpers
against their one-at-a-time versions, and the JSON fast path of the loader
against the full path.  Data: the benchmark generator (fictional, seeded).
No timing here: speed lives in benchmarks/.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from nevroadmap.core import layout as layout_mod
from nevroadmap.core import loader as loader_mod
from nevroadmap.core.layout import LayoutEngine, _greedy_rows
from nevroadmap.core.loader import load
from nevroadmap.core.model import Roadmap
from nevroadmap.core.query import FilterIndex, RoadmapFilter, _search_texts, matches, search_text, span_columns
from conftest import bench_generator



@pytest.fixture(scope="module")
def data_file(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("perf") / "generated.json"
    # few organizations so that company filters keep several milestones
    p.write_text(json.dumps(bench_generator().generate(2000, seed=11, n_orgs=120)), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def roadmap(data_file) -> Roadmap:
    return load(data_file)


@pytest.fixture(scope="module")
def index(roadmap) -> FilterIndex:
    return FilterIndex(roadmap)


def _filters(roadmap: Roadmap, count: int, seed: int = 5) -> list[RoadmapFilter]:
    rng = random.Random(seed)
    orgs = [o.id for o in roadmap.organizations]
    techs = [t.id for t in roadmap.technologies]
    words = ["sodium", "robotaxis", "fictional org 0007", "wh/kg", "pilot", "the", "m0001", "europe", "zzz-none",
             "fictional person", "(2031)", "q3", "battery swapping", "~"]
    out = [RoadmapFilter()]
    for _ in range(count):
        kw: dict = {}
        if rng.random() < 0.4:
            kw["organizations"] = frozenset(rng.sample(orgs, rng.randint(1, 3)))
        if rng.random() < 0.4:
            kw["technologies"] = frozenset(rng.sample(techs, rng.randint(1, 4)))
        if rng.random() < 0.3:
            kw["statuses"] = frozenset(rng.sample(["achieved", "announced", "planned", "forecast"], rng.randint(1, 2)))
        if rng.random() < 0.3:
            kw["year_from"] = rng.randint(1995, 2040)
        if rng.random() < 0.3:
            kw["year_to"] = rng.randint(kw.get("year_from", 1990), 2060)
        if rng.random() < 0.5:
            kw["text"] = rng.choice(words)
        out.append(RoadmapFilter(**kw))
    return out


def test_generated_dataset_has_the_realistic_shape(roadmap):
    ms = roadmap.milestones
    assert len(ms) == 2000 and len(roadmap.technologies) == 60 and len(roadmap.areas) == 10
    assert all(20 <= len(m.title) <= 60 for m in ms)
    kinds = {"range": 0, "open_end": 0, "deadline": 0, "approx": 0, "point": 0}
    for m in ms:
        w = m.when
        kinds["deadline"] += w.open_start
        kinds["open_end"] += w.open_end
        kinds["approx"] += w.approximate
        kinds["range"] += w.is_range
        kinds["point"] += not w.is_range and not w.open_start and not w.open_end
    assert all(v > 40 for v in kinds.values()), kinds
    per = [len(roadmap.claims_for(m.id)) for m in ms]
    assert min(per) >= 1 and 1.7 < sum(per) / len(per) < 2.6
    assert all("Fictional" in o.name for o in roadmap.organizations)
    assert any(c.speaker for c in roadmap.claims) and all(c.source for c in roadmap.claims)


def test_mask_equals_reference_matches(roadmap, index):
    ms = roadmap.milestones
    nonempty = 0
    for f in _filters(roadmap, 120):
        want = np.fromiter((matches(roadmap, m, f) for m in ms), bool, len(ms))
        got = index.mask(f)
        assert got.dtype == bool and got.shape == want.shape
        assert np.array_equal(got, want), f
        nonempty += 0 < want.sum() < len(ms)
    assert nonempty > 30  # the filters really select something


def test_text_mask_paths_agree_with_reference(roadmap, index):
    """Rare and common words, several words, and small candidate sets take different paths."""
    ms = roadmap.milestones
    for text in ["sodium", "the", "fictional org 0003", "m00012", "m0001", "m000", "fictional", "e", "x" * 30, "wh/kg europe"]:
        f = RoadmapFilter(text=text)
        want = np.fromiter((matches(roadmap, m, f) for m in ms), bool, len(ms))
        assert np.array_equal(index.mask(f), want), text
        tech = RoadmapFilter(text=text, technologies=frozenset({roadmap.technologies[0].id}))
        want = np.fromiter((matches(roadmap, m, tech) for m in ms), bool, len(ms))
        assert np.array_equal(index.mask(tech), want), text


def test_bulk_helpers_equal_one_at_a_time(roadmap):
    ms = roadmap.milestones
    assert roadmap.milestone_organizations == tuple(roadmap.organizations_of(m) for m in ms)
    assert list(_search_texts(roadmap)) == [search_text(roadmap, m) for m in ms]
    cols = span_columns([m.when for m in ms])
    assert np.array_equal(cols["x0"], [m.when.x0 for m in ms])
    assert np.array_equal(cols["x1"], [m.when.x1 for m in ms])
    assert np.array_equal(cols["open_end"], [m.when.open_end for m in ms])
    assert np.array_equal(cols["single"], [m.when.first == m.when.last for m in ms])


def _check_layout(lay, roadmap, mask):
    kept = set(np.flatnonzero(mask).tolist())
    per_lane_keys = {}
    for j, ln in enumerate(lay.lanes):
        assert ln.rows >= 1
        per_lane_keys[j] = ln.key
        if j:
            prev = lay.lanes[j - 1]
            assert ln.row0 == prev.row0 + prev.rows  # lanes tile the rows
    assert lay.n_rows == (lay.lanes[-1].row0 + lay.lanes[-1].rows if lay.lanes else 0)
    if lay.group_by == "technology":
        assert sorted(lay.item.tolist()) == sorted(kept)  # exactly the masked items, once each
        for i, j in zip(lay.item.tolist(), lay.lane.tolist()):
            assert roadmap.milestones[i].technology == per_lane_keys[j]
    else:
        assert set(lay.item.tolist()) == kept
        for i, j in zip(lay.item.tolist(), lay.lane.tolist()):
            orgs = roadmap.milestone_organizations[i] or (layout_mod.NO_ORG_KEY,)
            assert per_lane_keys[j] in orgs
    reach = lay.extent_end
    for r in range(lay.n_rows):
        a, b = int(lay.row_ptr[r]), int(lay.row_ptr[r + 1])
        assert b > a  # no empty rows survive
        ln = lay.lanes[int(lay.lane[a])]
        assert ln.row0 <= r < ln.row0 + ln.rows and (lay.row[a:b] == r).all() and (lay.lane[a:b] == lay.lane[a]).all()
        assert np.all(np.diff(lay.x0[a:b]) >= 0)  # sorted by start
        assert np.all(reach[a:b - 1] <= lay.x0[a + 1:b])  # disjoint (with room for labels)


@pytest.mark.parametrize("group_by", ["technology", "company"])
def test_squeeze_keeps_exactly_the_masked_items(roadmap, index, monkeypatch, group_by):
    monkeypatch.setattr(layout_mod, "REPACK_LIMIT", 0)  # force the squeeze path
    engine = LayoutEngine(roadmap, label_years_per_char=0.11)
    full = engine.full(group_by)
    _check_layout(full, roadmap, np.ones(len(roadmap.milestones), bool))
    filters = _filters(roadmap, 25, seed=9)
    for f in filters:
        mask = index.mask(f)
        lay = engine.layout(group_by, mask)
        _check_layout(lay, roadmap, mask)
        if not mask.all():
            # rows keep their order and packing: a squeezed row is a subset of one full row
            full_row = {int(i): int(r) for i, r in zip(full.item, full.row)} if group_by == "technology" else None
            if full_row is not None:
                for r in range(lay.n_rows):
                    a, b = int(lay.row_ptr[r]), int(lay.row_ptr[r + 1])
                    assert len({full_row[int(i)] for i in lay.item[a:b]}) == 1


def test_repack_and_squeeze_show_the_same_items(roadmap, index, monkeypatch):
    engine = LayoutEngine(roadmap)
    f = RoadmapFilter(year_from=2020, year_to=2030)
    mask = index.mask(f)
    repacked = engine.layout("technology", mask)
    monkeypatch.setattr(layout_mod, "REPACK_LIMIT", 0)
    squeezed = LayoutEngine(roadmap).layout("technology", mask)
    assert sorted(repacked.item.tolist()) == sorted(squeezed.item.tolist())
    assert [ln.key for ln in repacked.lanes] == [ln.key for ln in squeezed.lanes]


def test_visible_equals_brute_force_scan(roadmap):
    lay = LayoutEngine(roadmap, label_years_per_char=0.11).full("technology")
    rng = random.Random(2)
    reach = lay.extent_end
    lo_all, hi_all = lay.x_range
    for _ in range(300):
        r0 = rng.randint(-3, lay.n_rows)
        r1 = r0 + rng.choice([0, 1, 5, 40, lay.n_rows])
        width = rng.choice([0.05, 0.3, 2.0, 15.0, 80.0])
        t0 = rng.uniform(lo_all - 5, hi_all)
        pad = rng.choice([0.0, 0.5])
        got = lay.visible(r0, r1, t0, t0 + width, pad=pad)
        want = np.flatnonzero((lay.row >= r0) & (lay.row <= r1) & (reach >= t0 - pad) & (lay.x0 <= t0 + width + pad))
        assert np.array_equal(np.sort(got), want), (r0, r1, t0, width)


def test_greedy_rows_is_first_fit():
    """The lowest row whose last entry ended (plus the gap) at the start, else a new row."""
    rng = random.Random(4)
    gap = layout_mod.GAP_YEARS
    for _ in range(200):
        n = rng.randint(0, 120)
        starts = sorted(rng.choice([2020.0, 2021.5, rng.uniform(2000, 2040)]) for _ in range(n))
        ends = [s + rng.choice([0.0, gap, 1.0, rng.uniform(0, 8)]) for s in starts]
        rows = _greedy_rows(starts, ends).tolist()
        last_end: list[float] = []
        for s, e, r in zip(starts, ends, rows):
            free = [k for k, le in enumerate(last_end) if le + gap <= s]
            want = free[0] if free else len(last_end)
            assert r == want
            if r == len(last_end):
                last_end.append(e)
            else:
                last_end[r] = e


def test_greedy_rows_chains_and_arrays():
    """Intervals that follow one another (touching at the gap) share one row; numpy input works too."""
    gap = layout_mod.GAP_YEARS
    starts = [2020.0 + 2 * k for k in range(10)]
    ends = [s + 2 - gap for s in starts]
    assert _greedy_rows(np.asarray(starts), np.asarray(ends)).tolist() == [0] * 10
    ends[4] += 0.5  # one interval reaches into the next: that one moves up, the rest stay in row 0
    assert _greedy_rows(starts, ends).tolist() == [0] * 5 + [1] + [0] * 4
    assert _greedy_rows([], []).tolist() == []


@pytest.mark.parametrize("group_by", ["technology", "company"])
def test_lanes_hold_exactly_their_milestones(roadmap, group_by):
    """Every lane holds the milestones of its technology / organization (or of none), each once, in order."""
    defs, members, _ = LayoutEngine(roadmap)._lane_defs(group_by)
    want: dict[str, list[int]] = {}
    for i, m in enumerate(roadmap.milestones):
        keys = [m.technology] if group_by == "technology" else list(roadmap.organizations_of(m)) or [layout_mod.NO_ORG_KEY]
        for k in dict.fromkeys(keys):
            want.setdefault(k, []).append(i)
    assert len(defs) == len(members)
    got = {d[0]: m.tolist() for d, m in zip(defs, members)}
    assert {k: v for k, v in got.items() if v} == want


def test_json_fast_path_equals_full_path(data_file, monkeypatch):
    fast = load(data_file)
    import nevroadmap.core.loader.json_fast as json_fast

    monkeypatch.setattr(json_fast, "load_json_fast", lambda root, files: None)
    full = load(data_file)
    for section in ("sources", "organizations", "people", "areas", "technologies", "milestones", "claims"):
        assert getattr(fast, section) == getattr(full, section), section
    assert fast.origin == full.origin


def test_json_fast_path_falls_back_for_every_problem(data_file, tmp_path):
    """A problem anywhere is still reported with file:line, as the full path words it."""
    data = json.loads(data_file.read_text(encoding="utf-8"))
    data["milestones"][1500]["status"] = "plannd"
    data["claims"][10]["supports"] = ["m9999"]
    data["claims"].append(dict(data["claims"][0]))  # a duplicate id
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(loader_mod.RoadmapError) as ei:
        load(p)
    text = str(ei.value)
    assert "'plannd' is not one of" in text and "unknown milestone id 'm9999'" in text and "duplicate id" in text
    assert all(pr.line > 1 for pr in ei.value.problems)
