"""Metric figures at the data's door: a figure's size is bounded (the chart's arithmetic overflowed
on 1e20 and beyond, drew nothing near 1e-320) and a range runs upwards (value_max >= value);
both reach the user as ``file:line: message`` from every loader path, and the metrics pane draws
the largest figures allowed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nevroadmap.core.loader import RoadmapError, load
from nevroadmap.core.loader.files import data_files
from nevroadmap.core.loader.snapshot import read_snapshot, snapshot_path
from nevroadmap.core.resources import bundled_data_path

HEAD_YAML = """areas:
  - {id: a, name: Batteries}
technologies:
  - {id: t, name: Solid-state, area: a}
organizations:
  - {id: fm, name: Fictional Motors (example)}
milestones:
"""


def _yaml(*metrics: str) -> str:
    """A YAML dataset of one milestone per metric (given as a flow mapping's inside); the metric of the
    k-th milestone (from 0) is on line 15 + 8 k."""
    out = HEAD_YAML
    for k, metric in enumerate(metrics):
        out += (f"  - id: m{k}\n    title: Milestone {k}\n    technology: t\n    organizations: [fm]\n"
                f"    when: \"{2025 + k}\"\n    status: planned\n    metrics:\n      - {{name: x, unit: u, {metric}}}\n")
    return out


def _problems(path) -> list[str]:
    with pytest.raises(RoadmapError) as info:
        load(path)
    return [f"{Path(p.file).name}:{p.line}: {p.message}" for p in info.value.problems]


TOO_LARGE = "is too large: a figure must lie between -1e+15 and 1e+15"
TOO_SMALL = "is too small: a figure must be 0 or at least 1e-15 either side of 0"
DOWNWARDS = "is less than value {value}: a range goes from value up to value_max"


# -- the size of a figure --------------------------------------------------------------------------
def test_yaml_figures_beyond_the_limits_are_refused_at_their_lines(write):
    p = write("big.yaml", _yaml("value: 1e20", "value: 1, value_max: -1.7e308", "value: 1.6e308",
                                "value: 1e-320", "value: -1e-16", "value: 1000000000000000.2"))
    assert _problems(p) == [
        f"big.yaml:15: milestone 'm0': metrics.value: 1e+20 {TOO_LARGE}",
        f"big.yaml:23: milestone 'm1': metrics.value_max: -1.7e+308 {TOO_LARGE}",
        f"big.yaml:31: milestone 'm2': metrics.value: 1.6e+308 {TOO_LARGE}",
        f"big.yaml:39: milestone 'm3': metrics.value: 1e-320 {TOO_SMALL}",
        f"big.yaml:47: milestone 'm4': metrics.value: -1e-16 {TOO_SMALL}",
        f"big.yaml:55: milestone 'm5': metrics.value: 1000000000000000.2 {TOO_LARGE}",
    ]


def test_figures_at_the_limits_load(write):
    p = write("edge.yaml", _yaml("value: 1e15", "value: -1e15", "value: 0, value_max: 1e15", "value: 1e-15",
                                 "value: -1e-15", "value: 0", "value: -1e15, value_max: 1e15"))
    got = [(m.metrics[0].value, m.metrics[0].value_max) for m in load(p).milestones]
    assert got == [(1e15, None), (-1e15, None), (0, 1e15), (1e-15, None), (-1e-15, None), (0, None), (-1e15, 1e15)]


def test_json_and_toml_figures_beyond_the_limits_are_refused_at_their_lines(write):
    head = '{"areas":[{"id":"a","name":"A"}],"technologies":[{"id":"t","name":"T","area":"a"}],\n'
    p = write("big.json", head + '"milestones":[{"id":"m","title":"M","technology":"t","when":"2027","status":"planned",\n'
                                 '"metrics":[{"value": 1e20, "unit":"u"},\n'
                                 '           {"value": 1, "value_max": 5e-324}]}]}\n')
    assert _problems(p) == [f"big.json:3: milestone 'm': metrics.value: 1e+20 {TOO_LARGE}",
                            f"big.json:4: milestone 'm': metrics.value_max: 5e-324 {TOO_SMALL}"]
    p = write("big.toml", '[[areas]]\nid = "a"\nname = "A"\n[[technologies]]\nid = "t"\nname = "T"\narea = "a"\n'
                          '[[milestones]]\nid = "m"\ntitle = "M"\ntechnology = "t"\nwhen = "2027"\nstatus = "planned"\n'
                          'metrics = [{value = -2e15, unit = "u"}]\n')
    assert _problems(p) == [f"big.toml:14: milestone 'm': metrics.value: -2000000000000000 {TOO_LARGE}"]


def test_csv_figures_beyond_the_limits_are_refused_at_their_rows(write):
    p = write("big.csv", "id,title,when,status,technology,metrics\n"
                         "m1,First,2025,achieved,Solid-state,energy: over 1e300 Wh/kg\n"
                         "m2,Second,2026,planned,Solid-state,energy: 300 Wh/kg\n"
                         "m3,Third,2027,planned,Solid-state,energy: 1e-320 Wh/kg\n")
    assert _problems(p) == [f"big.csv:2: milestone 'm1': metrics.value: 1e+300 {TOO_LARGE}",
                            f"big.csv:4: milestone 'm3': metrics.value: 1e-320 {TOO_SMALL}"]


def test_a_claim_s_own_figure_is_bounded_too(write):
    p = write("claim.yaml", _yaml("value: 1") + "sources:\n  - {id: s, title: Fictional Source (example)}\nclaims:\n"
              "  - id: c\n    statement: Fictional claim\n    source: s\n    supports: [m0]\n"
              "    metrics: [{name: x, unit: u, value: 3e16}]\n")
    assert _problems(p) == [f"claim.yaml:23: claim 'c': metrics.value: 3e+16 {TOO_LARGE}"]


# -- a range runs upwards ----------------------------------------------------------------------------
def test_a_range_running_downwards_is_refused_at_value_max(write):
    p = write("down.yaml", _yaml("value: 10, value_max: 2, bound: over", "value: -5, value_max: -50",
                                 "value: 5, value_max: 5"))
    assert _problems(p) == [f"down.yaml:15: milestone 'm0': metrics.value_max: 2 {DOWNWARDS.format(value=10)}",
                            f"down.yaml:23: milestone 'm1': metrics.value_max: -50 {DOWNWARDS.format(value=-5)}"]


def test_json_toml_and_csv_ranges_running_downwards_are_refused(write):
    head = '{"areas":[{"id":"a","name":"A"}],"technologies":[{"id":"t","name":"T","area":"a"}],\n'
    p = write("down.json", head + '"milestones":[{"id":"m","title":"M","technology":"t","when":"2027","status":"planned",\n'
                                  '"metrics":[{"value": 10.5,\n'
                                  '            "value_max": 2}]}]}\n')
    assert _problems(p) == [f"down.json:4: milestone 'm': metrics.value_max: 2 {DOWNWARDS.format(value=10.5)}"]
    p = write("down.toml", '[[areas]]\nid = "a"\nname = "A"\n[[technologies]]\nid = "t"\nname = "T"\narea = "a"\n'
                           '[[milestones]]\nid = "m"\ntitle = "M"\ntechnology = "t"\nwhen = "2027"\nstatus = "planned"\n'
                           '[[milestones.metrics]]\nvalue = 10\nvalue_max = 2\n')  # (TOML's line map: the milestone)
    assert _problems(p) == [f"down.toml:8: milestone 'm': metrics.value_max: 2 {DOWNWARDS.format(value=10)}"]
    p = write("down.csv", "id,title,when,status,technology,metrics\n"
                          "m1,First,2025,achieved,Solid-state,energy: over 10-2 Wh/kg\n"
                          "m2,Second,2026,planned,Solid-state,energy: -5--50 Wh/kg\n")
    assert _problems(p) == [f"down.csv:2: milestone 'm1': metrics.value_max: 2 {DOWNWARDS.format(value=10)}",
                            f"down.csv:3: milestone 'm2': metrics.value_max: -50 {DOWNWARDS.format(value=-5)}"]


def test_a_metric_built_in_code_keeps_both_rules():
    from pydantic import ValidationError

    from nevroadmap.core.model import Metric

    assert str(Metric(value=5, value_max=5, unit="u")) == "5-5 u"
    with pytest.raises(ValidationError, match="2 is less than value 10"):
        Metric(value=10, value_max=2)
    with pytest.raises(ValidationError, match=r"1e\+20 is too large"):
        Metric(value=1e20)


def test_the_rules_are_translated(english_after):
    english_after("zh_CN")
    from nevroadmap.core.model import Metric

    with pytest.raises(ValueError) as down:
        Metric(value=10, value_max=2)
    with pytest.raises(ValueError) as big:
        Metric(value=1e20)
    with pytest.raises(ValueError) as small:
        Metric(value=1e-20)
    for err in (down, big, small):
        text = err.value.errors()[0]["msg"]
        assert "range" not in text and "figure" not in text and any("\u4e00" <= ch <= "\u9fff" for ch in text), text


# -- the bundled snapshot re-checks both ------------------------------------------------------------
@pytest.mark.parametrize("change", [{"value": 1e20}, {"value": 5e-324}, {"value": 10, "value_max": 2}],
                         ids=["huge", "denormal", "downwards"])
def test_a_snapshot_breaking_a_metric_rule_is_ignored(tmp_path, change):
    root = tmp_path / "data"
    shutil.copytree(bundled_data_path(), root)
    snap = tmp_path / "snap.json"
    shutil.copyfile(snapshot_path(), snap)
    assert read_snapshot(root, data_files(root), snap) is not None
    doc = json.loads(snap.read_text(encoding="utf-8"))
    next(m for m in doc["sections"]["milestones"] if m["metrics"])["metrics"][0].update(change)
    snap.write_text(json.dumps(doc), encoding="utf-8")  # the data files' fingerprint still matches
    assert read_snapshot(root, data_files(root), snap) is None  # the full loader reads the data instead


# -- drawing the largest figures allowed ------------------------------------------------------------
def test_the_command_line_export_words_a_huge_figure_as_a_problem(tmp_path):
    (tmp_path / "x.yaml").write_text(_yaml("value: 1e20", "value: 1"), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "nevroadmap", "export", str(tmp_path / "x.yaml"), "-o",
                        str(tmp_path / "a.png"), "--metric", "x"], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "internal error" not in r.stderr and "Traceback" not in r.stderr
    assert f"x.yaml:15: milestone 'm0': metrics.value: 1e+20 {TOO_LARGE}" in r.stderr
    assert not (tmp_path / "a.png").exists()


LIMIT_CASES = {
    "largest": ("value: 1e15", "value: 1e15"),
    "most-negative": ("value: -1e15", "value: -999999999999999"),
    "both-ends": ("value: 1e15", "value: -1e15"),
    "range": ("value: 0, value_max: 1e15, bound: over", "value: 1e15, bound: up_to"),
    "single": ("value: 1e15",),
    "single-negative": ("value: -1e15",),
    "smallest": ("value: 1e-15", "value: -1e-15"),
}


@pytest.mark.filterwarnings("error")  # numpy's overflow / invalid-value warnings fail the test
@pytest.mark.parametrize("metrics", LIMIT_CASES.values(), ids=LIMIT_CASES.keys())
def test_figures_at_the_limits_export(tmp_path, qapp, metrics):
    from PySide6.QtGui import QImage

    from nevroadmap.render.export import ExportRequest, export_roadmap

    (tmp_path / "x.yaml").write_text(_yaml(*metrics), encoding="utf-8")
    out = tmp_path / "a.png"
    export_roadmap(load(tmp_path / "x.yaml"), out, ExportRequest(metric="x", width=1200, height=800))
    assert QImage(str(out)).size().width() == 1200


def _tick_texts(plot) -> list[str]:
    axis = plot.getAxis("left")
    lo, hi = plot.getViewBox().viewRange()[1]
    texts = []
    for spacing, values in axis.tickValues(lo, hi, axis.height() or 200):
        texts += axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
    return texts


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("metrics", LIMIT_CASES.values(), ids=LIMIT_CASES.keys())
def test_the_app_s_metrics_pane_draws_figures_at_the_limits(tmp_path, qtbot, metrics):
    import math

    from nevroadmap.core.claims import MetricKey
    from nevroadmap.gui.metrics_dock import MetricsDockWidget
    from nevroadmap.gui.state import AppState

    (tmp_path / "x.yaml").write_text(_yaml(*metrics), encoding="utf-8")
    rm = load(tmp_path / "x.yaml")
    pane = MetricsDockWidget(AppState(rm))
    qtbot.addWidget(pane)
    pane.resize(900, 300)
    assert pane.set_metric(MetricKey("x", "u"))
    pane.show()
    qtbot.waitExposed(pane)
    assert not pane.grab().isNull()  # painted: an exception in a paint() fails the test (pytest-qt)
    plot = pane.plot
    figures = [v for m in rm.milestones for v in (m.metrics[0].value, m.metrics[0].value_max) if v is not None]
    lo, hi = plot.getViewBox().viewRange()[1]
    assert math.isfinite(lo) and math.isfinite(hi) and lo < min(figures + [0]) and hi > max(figures + [0])
    texts = _tick_texts(plot)
    assert 2 <= len(texts) and all(len(t) <= 5 for t in texts), texts  # "-0.5", "1.0", "2.5": sensible ticks
