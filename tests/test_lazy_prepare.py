"""Opening a dataset builds only what the first frame needs; the rest comes later and is the same.

:func:`nevroadmap.gui.state.prepare` leaves the search text, the organization
columns, the other grouping's packing and the claims per organization for
later: :meth:`Prepared.complete` (the loader's worker, after the first paint)
or their first use.  Here: every lazy part equals the one built eagerly, the
worker completes a loaded dataset, and the filter panel of a big tracker gets
its companies' counts once the worker has built them.  Data: the benchmark
generator (fictional, seeded).  No timing here: speed lives in benchmarks/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from nevroadmap.core.layout import LayoutEngine
from nevroadmap.core.loader import load
from nevroadmap.core.query import FilterIndex, RoadmapFilter, matches
from nevroadmap.gui.state import LABEL_YEARS_PER_CHAR, AppState, Prepared, prepare
from conftest import bench_generator



@pytest.fixture(scope="module")
def data_file(tmp_path_factory) -> Path:
    gen = bench_generator()
    p = tmp_path_factory.mktemp("lazy") / "generated.json"
    p.write_text(json.dumps(gen.generate(1500, seed=3, n_orgs=80)), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def roadmap(data_file):
    return load(data_file)


FILTERS = [RoadmapFilter(text="sodium"), RoadmapFilter(text="fictional org 0007 the"), RoadmapFilter(text="zzz-none"),
           RoadmapFilter(organizations=frozenset({"org-0003", "org-0011"})),
           RoadmapFilter(organizations=frozenset({"org-0003"}), text="pilot")]


def _layout_columns(lay) -> dict:
    return {k: getattr(lay, k).tolist() for k in ("item", "lane", "row", "x0", "x1", "kind", "color")} | {
        "lanes": lay.lanes, "n_rows": lay.n_rows}


def test_prepare_builds_only_the_first_frame(roadmap):
    p = prepare(roadmap, "technology", LABEL_YEARS_PER_CHAR)
    assert not p.index.has_org_columns
    assert "_blob" not in p.index.__dict__
    assert p.engine.packed() == {"technology"}
    assert p.org_claims is None
    assert p.complete("technology")
    assert p.index.has_org_columns and "_blob" in p.index.__dict__
    assert p.engine.packed() == {"technology", "company"}
    assert p.org_claims is not None


def test_lazy_parts_equal_the_eager_ones(roadmap):
    lazy = prepare(roadmap)  # every part built on first use below
    eager = prepare(roadmap)
    assert eager.complete("technology")
    ms = roadmap.milestones
    orgs = {o.id for o in roadmap.organizations}
    for f in FILTERS:
        assert f.organizations <= orgs
        want = np.array([matches(roadmap, m, f) for m in ms])
        assert want.any() or f.text == "zzz-none"
        assert lazy.index.mask(f).tolist() == want.tolist() == eager.index.mask(f).tolist()
    assert lazy.index.org_ptr.tolist() == eager.index.org_ptr.tolist()
    assert lazy.index.org_idx.tolist() == eager.index.org_idx.tolist()
    assert _layout_columns(lazy.engine.full("company")) == _layout_columns(eager.engine.full("company"))
    assert lazy.organization_claims() == eager.org_claims == roadmap.claims_by_organization


def test_the_shared_date_columns_give_the_same_layout(roadmap):
    shared = LayoutEngine(roadmap, LABEL_YEARS_PER_CHAR, columns=FilterIndex(roadmap).span_columns)
    own = LayoutEngine(roadmap, LABEL_YEARS_PER_CHAR)
    for group_by in ("technology", "company"):
        assert _layout_columns(shared.full(group_by)) == _layout_columns(own.full(group_by))


def test_complete_stops_when_told(roadmap):
    p = prepare(roadmap, "company")
    calls = []
    assert not p.complete("company", keep_going=lambda: calls.append(1) or len(calls) < 2)
    assert p.index.has_org_columns  # the company packing needed them; the first step ran
    assert "_blob" in p.index.__dict__ and p.engine.packed() == {"company"} and p.org_claims is None


def test_state_uses_what_the_worker_completed(roadmap):
    p = prepare(roadmap)
    state = AppState()
    fired = []
    state.sigPrepared.connect(lambda: fired.append(1))
    state.set_roadmap(p)
    state.note_completed(prepare(roadmap))  # another dataset's completion: not ours
    assert fired == []
    p.complete("technology")
    state.note_completed(p)
    assert fired == [1]
    assert state.claims_by_organization() is p.org_claims


def test_the_loader_completes_a_dataset_after_delivering_it(qtbot, data_file):
    from nevroadmap.gui.dataset_loader import DatasetLoader

    state = AppState()
    loader = DatasetLoader(state)
    got: list[Prepared] = []
    loader.sigLoaded.connect(lambda path, prepared: (got.append(prepared), state.set_roadmap(prepared)))
    try:
        with qtbot.waitSignal(state.sigPrepared, timeout=20000):
            loader.load(data_file)
        (p,) = got
        assert p.index.has_org_columns and "_blob" in p.index.__dict__
        assert p.engine.packed() == {"technology", "company"} and p.org_claims is not None
    finally:
        loader.shutdown()


def test_big_tracker_counts_companies_once_the_worker_has(qtbot, tmp_path, monkeypatch, data_file, roadmap):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui import filter_panel
    from nevroadmap.gui.main_window import MainWindow

    monkeypatch.setattr(filter_panel, "COUNT_NOW_LIMIT", 100)  # 1,500 milestones count as big here
    w = MainWindow(AppState(), theme="light")
    qtbot.addWidget(w)
    w.show()
    seen_at_load: list[str] = []
    w.loader.sigLoaded.connect(lambda *a: seen_at_load.extend(_org_texts(w)))  # before the window takes it
    w.state.sigRoadmapChanged.connect(lambda: seen_at_load.extend(_org_texts(w)))
    with qtbot.waitSignal(w.state.sigPrepared, timeout=20000):
        w.open_path(data_file)
    names = {o.name for o in roadmap.organizations}
    assert any(t in names for t in seen_at_load)  # shown without counts first
    counts = {}
    for t in _org_texts(w):
        name, n = re.fullmatch(r"(.*) \((\d+)\)", t).groups()
        counts[name] = int(n)
    want = {o.name: 0 for o in roadmap.organizations}
    for parties in roadmap.milestone_parties:  # the company filter's rule: who acts and who reports
        for o in parties:
            want[roadmap.org_name(o)] += 1
    assert counts == want
    w.close()


def _org_texts(w) -> list[str]:
    lst = w.filter_panel.org_list
    return [lst.item(i).text() for i in range(lst.count())]


def test_start_up_skips_pydantic_plugins_but_keeps_an_explicit_choice(monkeypatch):
    import gc

    from nevroadmap.runtime import GC_THRESHOLDS, start_up

    before = gc.get_threshold()
    try:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
        monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)  # set by start_up, restored after the test
        start_up()
        import os

        assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
        assert gc.get_threshold() == GC_THRESHOLDS
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some_plugin")
        start_up()
        assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "some_plugin"
    finally:
        gc.set_threshold(*before)


def test_start_up_paints_on_one_thread_unless_asked_or_told_otherwise(monkeypatch):
    import os

    from nevroadmap.runtime import paint_on_one_thread

    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    monkeypatch.delenv("NEVROADMAP_QT_PAINT_THREADS", raising=False)
    paint_on_one_thread()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL")
    for yes in ("1", "yes", "True", " on "):  # the user wants Qt's painting threads
        monkeypatch.setenv("NEVROADMAP_QT_PAINT_THREADS", yes)
        paint_on_one_thread()
        assert "QT_NO_GUI_THREADPOOL" not in os.environ
    monkeypatch.delenv("NEVROADMAP_QT_PAINT_THREADS")
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "yes")  # an explicit setting is kept
    paint_on_one_thread()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "yes"
