"""The faster evidence and reference checks give the plain definitions' answers.

drift_tracks (one pass over the layout, a quick test for two dated claims),
claims_in_said_order (a stable sort instead of a position map) and the fast
path's ids_ok (set operations) against their former, obvious versions, on the
benchmark generator's data (fictional, seeded).  No timing here.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest

from nevroadmap.core.layout import LayoutEngine
from nevroadmap.core.loader import load
from nevroadmap.core.loader.references import REFERENCES, ids_ok, references_ok, unique_ids_ok
from nevroadmap.core.dates import parse_when
from nevroadmap.core.model import SECTIONS, Roadmap
from nevroadmap.core.provenance import claims_in_said_order, drift, format_slip, target_year
from nevroadmap.render.drift import DriftTrack, drift_tracks
from conftest import bench_generator

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def roadmap(tmp_path_factory):
    gen = bench_generator()
    p = tmp_path_factory.mktemp("ev") / "generated.json"
    p.write_text(json.dumps(gen.generate(3000, seed=13, n_orgs=150)), encoding="utf-8")
    rm = load(p)
    # the generator's claims repeat their milestone's date: give some dated claims a date of their own
    claims = tuple(dataclasses.replace(c, when=parse_when(f"by {2030 + i % 9}")) if c.said is not None and i % 3 == 0
                   else c for i, c in enumerate(rm.claims))
    return Roadmap(**{sec: getattr(rm, sec) for sec in SECTIONS if sec != "claims"}, claims=claims, origin=rm.origin)


def _said_order_plain(rm, mid):
    pos = {c.id: i for i, c in enumerate(rm.claims)}
    return sorted(rm.claims_for(mid), key=lambda c: (c.said.x0 if c.said is not None else math.inf, pos.get(c.id, 0)))


def _tracks_plain(rm, layout):
    out = []
    index = {m.id: i for i, m in enumerate(rm.milestones)}
    for m in rm.milestones:
        points = drift(rm, m)
        if not points:
            continue
        hits = np.flatnonzero(layout.item == index[m.id]) if len(layout) else []
        if not len(hits):
            continue
        row = float(layout.row[int(hits[0])]) + 0.5
        current = target_year(points[-1].when)
        ghosts, seen = [], {round(current, 6)}
        for p in points:
            x = target_year(p.when)
            if round(x, 6) in seen:
                continue
            seen.add(round(x, 6))
            ghosts.append((x, str(p.said.first.year)))
        out.append(DriftTrack(m.id, row, tuple(ghosts), current, format_slip(points[-1].slip)))
    return out


def test_claims_in_said_order_as_the_plain_definition(roadmap):
    ties = 0
    for m in roadmap.milestones:
        got = claims_in_said_order(roadmap, m.id)
        assert [c.id for c in got] == [c.id for c in _said_order_plain(roadmap, m.id)]
        ties += sum(a.said is None and b.said is None for a, b in zip(got, got[1:]))
    assert ties > 0  # undated claims tie: their data order is what is checked


@pytest.mark.parametrize("grouping", ["technology", "company"])
def test_drift_tracks_as_the_plain_definition(roadmap, grouping):
    engine = LayoutEngine(roadmap)
    full = engine.layout(grouping, None)
    some = engine.layout(grouping, np.arange(len(roadmap.milestones)) % 3 == 0)
    for layout in (full, some):
        got = drift_tracks(roadmap, layout)
        assert got == _tracks_plain(roadmap, layout)
        assert len(got) > 10  # the generated data has forecasts that moved
    assert len(drift_tracks(roadmap, some)) < len(drift_tracks(roadmap, full))


def _records(rm):
    return {sec: list(getattr(rm, sec)) for sec in SECTIONS}


def test_ids_ok_as_unique_and_references(roadmap):
    records = _records(roadmap)
    assert ids_ok(records) and unique_ids_ok(records) and references_ok(records)
    # a duplicate id in any section
    for sec in ("milestones", "claims", "organizations"):
        bad = dict(records, **{sec: records[sec] + [records[sec][0]]})
        assert not ids_ok(bad) and not unique_ids_ok(bad)
    # every reference of the table, pointed at an id that does not exist
    for ref in REFERENCES:
        recs = records[ref.section]
        value = ("no-such-id",) if ref.many else "no-such-id"
        broken = dataclasses.replace(recs[-1], **{ref.field: value})
        bad = dict(records, **{ref.section: recs[:-1] + [broken]})
        assert not ids_ok(bad), ref
        assert not references_ok(bad), ref
    # an empty optional reference is fine
    person = dataclasses.replace(records["people"][0], organization=None)
    assert ids_ok(dict(records, people=[person] + records["people"][1:]))


def test_big_dataset_fills_the_metrics_pane_after_the_first_paint(qtbot, monkeypatch, tmp_path):
    """Above FILL_AFTER_PAINT milestones the shown pane is filled after the timeline's first frame,
    with the same choices and marks as when it is filled at once."""
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui import metrics_dock
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    w = MainWindow(AppState())
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    pane = w.metrics_pane
    assert pane.isVisible()
    bundled = load()
    w.state.set_roadmap(bundled)  # small: filled at once
    at_once = (list(pane._choices), pane.key, [r.claim for r in pane.shown_rows()])
    assert at_once[0] and at_once[2]
    w.state.set_roadmap(load(REPO / "examples" / "forecast-drift.yaml"))
    monkeypatch.setattr(metrics_dock, "FILL_AFTER_PAINT", 0)  # every dataset counts as big
    w.state.set_roadmap(bundled)
    assert pane._choices == [] and pane.shown_rows() == []  # nothing of the previous dataset meanwhile
    assert pane.stack.currentWidget() is pane.empty_label
    assert pane.empty_label.text() == "Reading the claimed figures…"  # not "no figures": they are coming
    qtbot.waitUntil(lambda: bool(pane._choices))
    assert pane.stack.currentWidget() is pane.view
    assert (list(pane._choices), pane.key, [r.claim for r in pane.shown_rows()]) == at_once


def test_a_big_tracker_opened_from_a_file_gets_its_claim_rows_built_off_the_gui_thread(qtbot, monkeypatch, tmp_path):
    """The metrics pane of a big tracker waits for the loader's worker to build the claim rows (seconds
    at 100,000 milestones: they froze the window once) and fills when it is done."""
    import threading

    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui import metrics_dock, state as state_mod
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    built_on = []
    original = state_mod.Prepared.claims_and_metrics

    def spy(self):
        if self.claim_table is None and self.roadmap.milestones:
            built_on.append(threading.current_thread() is threading.main_thread())
        return original(self)

    monkeypatch.setattr(state_mod.Prepared, "claims_and_metrics", spy)
    monkeypatch.setattr(metrics_dock, "FILL_AFTER_PAINT", 0)  # every dataset counts as big
    w = MainWindow(AppState())
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.open_path(str(REPO / "examples" / "forecast-drift.yaml"))  # in the background, as File > Open
    qtbot.waitUntil(lambda: not w.is_loading() and len(w.state.roadmap.milestones) > 0, timeout=20_000)
    qtbot.waitUntil(lambda: bool(w.metrics_pane._choices), timeout=20_000)
    assert built_on == [False]  # built once, by the worker
