"""Claims as evidence (issue 10), Qt-free: claim rows, comparison, drift, the ``claims`` command."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nevroadmap.core.claims import (
    ARTICLE_VOICE, MetricKey, claim_rows, comparison, comparison_cells, find_metric, metric_keys, rows_for_metric,
)
from nevroadmap.core.provenance import claims_in_said_order, drift, format_slip, independent_sources
from nevroadmap.core.loader import load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "forecast-drift.yaml"


@pytest.fixture(scope="module")
def bundled():
    return load()


@pytest.fixture(scope="module")
def example():
    return load(EXAMPLE)


def test_energy_density_rows_keep_bound_hedge_and_time_span(bundled):
    rows = rows_for_metric(claim_rows(bundled), MetricKey("energy density", "Wh/kg"))
    by_value = {r.value: r for r in rows}
    assert set(by_value) == {400.0, 500.0}
    r400, r500 = by_value[400.0], by_value[500.0]
    assert (r400.bound, r400.hedge, str(r400.when)) == ("over", "potentially", "after 2030")
    assert r400.hedged and r400.is_time_range and r400.value_text() == "potentially over 400 Wh/kg"
    assert (r500.bound, str(r500.when), r500.is_time_range) == ("exact", "2030-2035", True)
    assert r500.t0 == 2030.0 and r500.t1 == 2036.0
    # the article's own voice is named, not left out
    assert r400.voice == ARTICLE_VOICE and r400.claim.id == "solid-state-large-scale-outlook"


def test_a_claim_that_does_not_give_the_figure_is_not_credited_with_it(bundled):
    rows = claim_rows(bundled, [bundled.milestone_by_id["solid-state-large-scale-after-2030"]])
    assert [r.claim.id for r in rows] == ["solid-state-large-scale-outlook"]


def test_scopes_are_told_apart(bundled):
    keys = [k for k, _ in metric_keys(claim_rows(bundled))]
    assert MetricKey("NEV penetration rate", "%", "China") in keys
    assert MetricKey("NEV penetration rate", "%", "global") in keys
    assert MetricKey("NEV penetration rate", "%", None) not in keys  # every figure has its scope
    assert find_metric(claim_rows(bundled), "NEV penetration rate (%) - China") == [
        MetricKey("NEV penetration rate", "%", "China")]


def test_changan_and_saic_2030_forecasts_disagree_side_by_side(bundled):
    rows = rows_for_metric(claim_rows(bundled), MetricKey("NEV penetration rate", "%"))
    table = comparison(rows)
    in_2030 = [c for c in table if c.target == "by 2030"]
    cells = {comparison_cells(c)["organization"]: comparison_cells(c) for c in in_2030 if c.row.speaker}
    assert cells["Changan Automobile"]["speaker"] == "Zhu Huarong"
    assert (cells["Changan Automobile"]["claimed"], cells["Changan Automobile"]["scope"]) == (
        "NEV penetration rate: 40%", "global")
    assert cells["SAIC Group"]["speaker"] == "Wang Xiaoqiu"
    assert (cells["SAIC Group"]["claimed"], cells["SAIC Group"]["scope"]) == ("NEV penetration rate: over 70%", "China")
    assert all(c.value_differs and c.scope_differs for c in in_2030)
    # the 2024 figure stands alone: nothing to disagree with
    assert not any(c.value_differs for c in table if c.target == "2024")


def test_example_forecast_slips_in_said_order(example):
    m = example.milestone_by_id["example-solid-state-sop"]
    points = drift(example, m)
    assert [str(p.said) for p in points] == ["2021-03-15", "2023-06-20", "2024-11-05", "2024-12-01"]
    assert [str(p.when) for p in points] == ["by 2025", "by 2026", "by 2027", "by 2027"]
    assert [format_slip(p.slip) for p in points] == ["0", "+1 y", "+2 y", "+2 y"]
    assert [c.id for c in claims_in_said_order(example, m.id)] == ["jane-2021", "jane-2023", "jane-2024",
                                                                  "analysts-2024"]
    assert independent_sources(example, m.id) == 4
    # a milestone whose date never moved has no drift
    assert drift(example, example.milestone_by_id["example-cell-sample"]) == []


def test_claims_own_figures_win_over_the_milestones(example):
    rows = claim_rows(example, [example.milestone_by_id["example-solid-state-sop"]])
    got = [(r.claim.id, r.value, r.bound, str(r.when), r.own_date) for r in rows]
    assert got == [("jane-2021", 450.0, "exact", "by 2025", True), ("jane-2023", 420.0, "over", "by 2026", True),
                   ("jane-2024", 400.0, "over", "by 2027", False)]
    assert all(r.kind == "forecast" for r in rows)


def test_format_slip():
    assert (format_slip(2.0), format_slip(-1.0), format_slip(0.5), format_slip(1.5), format_slip(0.0)) == (
        "+2 y", "\u22121 y", "+6 mo", "+1.5 y", "0")


def test_example_dataset_is_not_part_of_the_bundled_data(bundled):
    assert not any("fictional" in o.name.lower() for o in bundled.organizations)
    assert not (ROOT / "data" / "examples").exists()


def test_ministry_is_the_reporter_not_the_actor_of_industry_progress(bundled):
    m = bundled.milestone_by_id["most-battery-density-safety"]
    assert m.organizations == ()
    (c,) = bundled.claims_for(m.id)
    assert bundled.claim_organization(c) == "most"


def _run(*args):
    return subprocess.run([sys.executable, "-m", "nevroadmap", "claims", *args], capture_output=True, text=True,
                          cwd=ROOT)


def test_cli_claims_metric_json_shows_both_2030_forecasts():
    r = _run("--metric", "NEV penetration rate", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    by_org = {x["organization"]: x for x in rows if x["for"] == "by 2030" and x["organization"]}
    assert (by_org["changan"]["value"], by_org["changan"]["scope"], by_org["changan"]["speaker"]) == (
        40.0, "global", "Zhu Huarong")
    assert (by_org["saic"]["value"], by_org["saic"]["bound"], by_org["saic"]["scope"], by_org["saic"]["speaker"]) == (
        70.0, "over", "China", "Wang Xiaoqiu")
    assert by_org["saic"]["value_differs"] and by_org["saic"]["scope_differs"]


def test_cli_claims_table_and_csv():
    r = _run("--metric", "NEV penetration rate")
    assert r.returncode == 0
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("by 2030")]
    assert any("Zhu Huarong" in ln and "global" in ln and "40%" in ln for ln in lines)
    assert any("Wang Xiaoqiu" in ln and "China" in ln and "over 70%" in ln for ln in lines)
    r = _run(str(EXAMPLE), "--metric", "energy density", "--format", "csv", "--company", "Example Battery")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(x["for"], x["value"], x["said"]) for x in rows] == [
        ("2023", "350.0", "2023-06-20"), ("by 2025", "450.0", "2021-03-15"), ("by 2026", "420.0", "2023-06-20"),
        ("by 2027", "400.0", "2024-11-05")]


def test_cli_claims_unknown_or_ambiguous_metric_exits_2():
    r = _run("--metric", "no such thing")
    assert r.returncode == 2 and "no metric matches" in r.stderr and "energy density (Wh/kg)" in r.stderr
    r = _run("--metric", "NEV")
    assert r.returncode == 2 and "matches several metrics" in r.stderr
    assert "Traceback" not in r.stderr


def test_example_validates_with_the_cli():
    r = subprocess.run([sys.executable, "-m", "nevroadmap", "validate", str(EXAMPLE)], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("OK: 3 organizations")


def test_company_lanes_hold_actors_not_reporters(bundled):
    from nevroadmap.core.layout import NO_ORG_KEY, LayoutEngine

    import numpy as np

    lay = LayoutEngine(bundled).layout("company", np.ones(len(bundled.milestones), bool))
    ids = [m.id for m in bundled.milestones]
    lanes_of = {}
    for i, j in zip(lay.item.tolist(), lay.lane.tolist()):
        lanes_of.setdefault(ids[i], set()).add(lay.lanes[j].key)
    # industry progress the ministry reported: no ministry lane
    assert lanes_of["most-battery-density-safety"] == {NO_ORG_KEY}
    assert lanes_of["l2-large-scale-commercialization"] == {NO_ORG_KEY}
    # what the ministry itself did stays in its lane; a company's own forecast in the company's
    assert lanes_of["most-five-year-plan-support"] == {"most"}
    assert lanes_of["china-nev-penetration-70-2030"] == {"saic"}


def test_list_names_each_metric():
    r = subprocess.run([sys.executable, "-m", "nevroadmap", "list", "--format", "json"], capture_output=True, text=True)
    by = {x["id"]: x for x in json.loads(r.stdout)}
    assert by["semi-solid-models-launched"]["metrics"] == ["liquid electrolyte share 5-10%"]
    assert by["china-nev-2024-volume"]["metrics"][:2] == ["NEV production over 12,800,000 units (China)",
                                                          "NEV sales over 12,800,000 units (China)"]
    assert by["solid-state-large-scale-after-2030"]["metrics"] == ["energy density potentially over 400 Wh/kg"]


def test_tooltips_tell_who_claims_and_when(bundled):
    from nevroadmap.core.provenance import who_says

    assert who_says(bundled, "global-nev-penetration-2030") == "Zhu Huarong (Changan), 2025-09-28; the article"
    assert who_says(bundled, "most-battery-density-safety") == "Miao Hong (MOST), 2025-09-28"
    pytest.importorskip("PySide6")
    from nevroadmap.render.tooltips import milestone_tooltip

    i = [m.id for m in bundled.milestones].index("china-nev-penetration-70-2030")
    assert "Claimed by Wang Xiaoqiu (SAIC), 2025-09-28" in milestone_tooltip(bundled, i)
