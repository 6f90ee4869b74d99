"""Issue 10 follow-up (new-user test): labels on exports with a metric band, preview = file, the metrics
pane's labels, drift labels clear of milestone labels, Chinese everywhere, Compare Claims closes."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QTextDocument

from nevroadmap.core import i18n
from nevroadmap.core.catalogue import catalogue_translator
from nevroadmap.core.loader import load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "forecast-drift.yaml"


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "nevroadmap", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _labelled_share(svg: str, roadmap) -> float:
    """The share of milestones whose title is a text of the SVG (elided ones count by their start)."""
    texts = [html.unescape(t).strip() for t in re.findall(r">([^<>]+)<", svg)]
    hits = 0
    for m in roadmap.milestones:
        head = m.title[:12]
        hits += any(t == m.title or (t.startswith(head) and t.endswith("…")) for t in texts)
    return hits / len(roadmap.milestones)


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    made = []

    def _make(path=None, size=(1600, 1000)):
        w = MainWindow(AppState(load(path) if path is not None else load()))
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield _make
    for w in made:
        if w.comparison_view is not None:
            w.comparison_view.close()
        w.close()


# -- 1. the page: the band is a modest share, the lanes keep their labels ---------------------------
def test_band_gives_way_so_the_lanes_keep_labelled_rows():
    from nevroadmap.render.page import BAND_SHARE, LABELLED_ROW_PX, MAX_BAND_SHARE, split_plot_room

    plot_h, band_h = split_plot_room(950, 59, 56, band_min=140)  # the bundled data on a slide
    assert (plot_h - 56) / 59 >= LABELLED_ROW_PX and band_h >= 140
    assert band_h <= 950 * BAND_SHARE + 1
    plot_h, band_h = split_plot_room(900, 3, 56, band_min=140)  # few lanes: the band may grow, modestly
    assert 900 * BAND_SHARE <= band_h <= 900 * MAX_BAND_SHARE + 1
    plot_h, band_h = split_plot_room(900, 200, 56, band_min=140)  # too many rows: the band keeps its minimum
    assert band_h == 140 and plot_h <= 900 - 140
    assert split_plot_room(900, 59, 56, band_min=None)[1] == 0


@pytest.mark.parametrize("size", [("1920", "1080", "96"), ("3840", "2160", "192")])
def test_metric_export_keeps_milestone_labels(tmp_path, size):
    w, h, dpi = size
    out = tmp_path / "m.svg"
    r = _cli("export", "-o", str(out), "--width", w, "--height", h, "--dpi", dpi, "--metric", "NEV penetration rate")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    assert ">NEV penetration rate (%)<" in svg and ">over 70% (China)<" in svg
    assert _labelled_share(svg, load()) >= 0.97


def test_default_app_export_has_the_band_and_the_labels(make_window, tmp_path, qtbot):
    from nevroadmap.gui import evidence_views
    from nevroadmap.gui.export_dialog import ExportDialog
    from nevroadmap.render.export import export_roadmap

    w = make_window()
    metric = evidence_views.export_metric(w)
    assert metric  # the pane is shown at startup: Ctrl+E includes its band by default
    dlg = ExportDialog(w.state, w.settings, None, "light", w, metric=metric)
    qtbot.addWidget(dlg)
    req = dlg.request().replace(format="svg", time_range=None)
    assert req.metric == metric
    out = tmp_path / "app.svg"
    export_roadmap(w.state.roadmap, out, req)
    svg = out.read_text(encoding="utf-8")
    assert f">{metric}<" in svg or metric.split(" (")[0] in svg
    assert _labelled_share(svg, w.state.roadmap) >= 0.97


# -- 2. the preview is the file, smaller -----------------------------------------------------------
def _gray(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_Grayscale8)
    ptr = img.constBits()
    a = np.frombuffer(ptr, np.uint8, img.bytesPerLine() * img.height()).reshape(img.height(), img.bytesPerLine())
    return a[:, :img.width()].astype(float)


@pytest.mark.parametrize("size", [(1920, 1080, 96), (3840, 2160, 192)])
def test_preview_is_the_export_scaled_down(qapp, tmp_path, size):
    from nevroadmap.render.export import ExportRequest, export_roadmap, render_image

    rm = load()
    req = ExportRequest(width=size[0], height=size[1], dpi=size[2], metric="NEV penetration rate")
    prev = render_image(rm, req, max_size=(480, 270))
    out = tmp_path / "e.png"
    export_roadmap(rm, out, req)
    file_small = QImage(str(out)).scaled(prev.width(), prev.height(), Qt.AspectRatioMode.IgnoreAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
    diff = np.abs(_gray(prev) - _gray(file_small))
    assert diff.mean() < 3.0
    # and the band's part of it too (where the marks were ten times too large)
    band = diff[int(prev.height() * 0.75):int(prev.height() * 0.92)]
    assert band.mean() < 4.0


# -- 3. the metrics pane ----------------------------------------------------------------------------
def test_value_ticks_stand_apart():
    from nevroadmap.render.metrics_pane import value_tick_step

    assert value_tick_step(100, 45, 28) == 100  # a 45 px plot: one or two ticks, not 20/40/60/80
    assert value_tick_step(100, 400, 28) == 10
    assert value_tick_step(700, 140, 28) in (200, 500)


def _placed(pane):
    marks = pane.plot.marks
    return marks.label_rects, marks.mark_rects


def _check_labels(pane, qtbot, expected: set[str]):
    pane.view.grab()  # paint
    labels, marks = _placed(pane)
    texts = {pane.plot.marks.label_text(i) for i, _r in labels}
    assert expected <= texts, texts
    vb = pane.plot.getViewBox()
    view = pane.view.mapFromScene(vb.sceneBoundingRect()).boundingRect()
    for k, (i, a) in enumerate(labels):
        assert QRectF(view).adjusted(-1, -1, 1, 1).contains(a), pane.plot.marks.label_text(i)
        assert not any(a.intersects(b) for _j, b in labels[k + 1:])
        assert not any(a.intersects(m) for m in marks), pane.plot.marks.label_text(i)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_pane_labels_never_overlap_marks_or_each_other(make_window, qtbot, size):
    w = make_window(size=size)
    pane = w.metrics_pane
    assert pane.view.minimumHeight() >= 120 and pane.view.height() >= 120
    qtbot.waitUntil(lambda: len(pane.plot.marks.rows) == 5)
    _check_labels(pane, qtbot, {"over 70% (China)", "25% (global)"})
    # the picker shows its metric whole (or elided with a tooltip)
    fm = pane.picker.fontMetrics()
    tip = QTextDocument()
    tip.setHtml(pane.picker.toolTip())  # the tooltip shows the metric as plain text (it is data)
    assert tip.toPlainText() == pane.picker.currentText()
    assert pane.picker.width() >= min(fm.horizontalAdvance(pane.picker.currentText()), 380)


def test_drift_example_pane_labels_clear(make_window, qtbot):
    w = make_window(EXAMPLE, size=(1280, 720))
    pane = w.metrics_pane
    qtbot.waitUntil(lambda: len(pane.plot.marks.rows) == 5)
    _check_labels(pane, qtbot, {"450 Wh/kg", "over 400 Wh/kg"})


def test_pane_without_figures_says_so(make_window, qtbot):
    w = make_window()
    pane = w.metrics_pane
    assert pane.stack.currentWidget() is pane.view
    from nevroadmap.core.query import RoadmapFilter

    w.state.set_filter(RoadmapFilter(organizations=frozenset({"byd"})))  # BYD claims no penetration rate
    qtbot.waitUntil(lambda: not pane.shown_rows())
    assert pane.stack.currentWidget() is pane.empty_label
    assert pane.empty_label.text() == "No claimed figures in the data shown"
    assert pane.count_label.text() == ""  # said once, in the middle


# -- 4. forecast drift ------------------------------------------------------------------------------
def _drift_clear(item):
    placed = item.placed
    assert {t for _m, t, _r in placed} >= {"+2 y", "2023"}
    labels = item.milestone_label_rects()
    assert labels
    for k, (_m, text, r) in enumerate(placed):
        assert not any(r.intersects(b) for b in labels), text
        assert not any(r.intersects(o) for _x, _t, o in placed[k + 1:]), text


def test_drift_labels_clear_of_milestone_labels_in_the_app(make_window, qtbot):
    w = make_window(EXAMPLE, size=(1280, 720))
    w.timeline.view.grab()
    _drift_clear(w.drift_item)


@pytest.mark.parametrize("size", [(1920, 1080, 96), (3840, 2160, 192)])
def test_drift_labels_clear_of_milestone_labels_in_an_export(qapp, size):
    from nevroadmap.render.drift import DriftItem
    from nevroadmap.render.export import ExportRequest, _Page, render_image

    rm = load(EXAMPLE)
    req = ExportRequest(width=size[0], height=size[1], dpi=size[2], metric="energy density")
    seen = []
    orig = DriftItem.paint

    def paint(self, p, *a):
        orig(self, p, *a)
        seen.append(self)
        _drift_clear(self)

    DriftItem.paint = paint
    try:
        render_image(rm, req)
    finally:
        DriftItem.paint = orig
    assert seen


def test_drift_list_shows_no_zero_slip(qapp):
    from nevroadmap.gui.details_html import Colors, _drift_html

    rm = load(EXAMPLE)
    m = next(m for m in rm.milestones if "start of production" in m.title)
    text = _drift_html(rm, m, Colors())
    assert "; 0)" not in text and "+1 y)" in text


# -- 5. Chinese ------------------------------------------------------------------------------------
@pytest.fixture
def chinese():
    i18n.set_translator(catalogue_translator("zh_CN"), "zh_CN")
    yield
    i18n.set_translator(None)


def test_figures_voices_and_dates_in_chinese(chinese):
    from nevroadmap.core.claims import claim_rows, comparison, comparison_cells, pick_metric

    rm = load()
    _key, rows = pick_metric(rm, claim_rows(rm), "NEV penetration rate")
    cells = [comparison_cells(c) for c in comparison(rows)]
    claimed = " ".join(c["claimed"] for c in cells)
    assert "超过 40%" in claimed and "over" not in claimed
    assert all(c["for"] in ("2024年", "2025年", "2030年前") for c in cells), [c["for"] for c in cells]
    words = " ".join(c[k] for c in cells for k in ("speaker", "said", "for", "claimed"))
    for english in ("not given", "the article", "by 2030", "over"):
        assert english not in words
    assert "未注明" in words and "文章" in words


def test_metrics_legend_in_chinese(qapp, chinese):
    from nevroadmap.core.claims import claim_rows, pick_metric
    from nevroadmap.render.metrics_pane import MetricsPlot

    rm = load()
    key, rows = pick_metric(rm, claim_rows(rm), "NEV penetration rate")
    plot = MetricsPlot()
    plot.set_rows(key, rows)
    labels = [e[0] for e in plot.legend_entries()]
    assert "已实现" in labels and "预测" in labels and "该文章（未指明发言人）" in labels
    assert not any(x in labels for x in ("achieved", "forecast", "the article (no speaker named)"))


def test_cli_claims_headers_in_chinese():
    r = _cli("--lang", "zh_CN", "claims", "--metric", "NEV penetration rate")
    assert r.returncode == 0, r.stderr
    head = r.stdout.splitlines()[0]
    assert "目标时间" in head and "说法内容" in head and "FOR" not in head and "CLAIMED" not in head
    assert "超过 70%" in r.stdout


def test_chinese_export_band_speaks_chinese(tmp_path):
    out = tmp_path / "zh.svg"
    r = _cli("--lang", "zh_CN", "export", "-o", str(out), "--metric", "NEV penetration rate")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    # (a line of mixed scripts is written in runs, one per font)
    assert "超过 70%" in svg and ">已实现<" in svg and ">预测<" in svg
    assert ">achieved<" not in svg and "over 70%" not in svg


def test_catalogue_says_shuofa_for_claim():
    ts = (ROOT / "resources" / "translations" / "nevroadmap_zh_CN.ts").read_text(encoding="utf-8")
    assert "论断" not in ts and "说法" in ts


def test_language_switch_retranslates_the_dock_and_comparison(make_window, qtbot):
    from nevroadmap.gui.language import apply_language

    w = make_window()
    pane = w.metrics_pane
    w.show_comparison()
    view = w.comparison_view
    try:
        w.act_lang_zh_CN.trigger()
        assert pane.metric_label.text() == "指标(&M)："
        assert pane.compare_button.text() == "比较说法…"
        assert "显示了" in pane.count_label.text()
        assert "已实现" in pane.legend.text()
        assert view.close_button.text() == "关闭" and view.windowTitle() == "相互竞争的说法"
        heads = [view.table.horizontalHeaderItem(j).text() for j in range(view.table.columnCount())]
        assert "Speaker" not in heads
        w.act_lang_en.trigger()
        assert pane.metric_label.text() == "&Metric:" and view.close_button.text() == "Close"
    finally:
        apply_language("en")


# -- 6. polish --------------------------------------------------------------------------------------
def test_comparison_closes_with_esc_and_close(make_window, qtbot):
    w = make_window()
    w.show_comparison()
    view = w.comparison_view
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    w.show_comparison()
    view = w.comparison_view
    qtbot.waitExposed(view)
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.isVisible())


def test_every_footnote_number_is_on_a_milestone_label(tmp_path):
    out = tmp_path / "f.svg"
    r = _cli("export", str(EXAMPLE), "-o", str(out), "--footnotes", "--metric", "energy density")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    texts = re.findall(r">([^<>]+)<", svg)
    notes = [int(m.group(1)) for t in texts for m in [re.match(r"\[(\d+)\] ", t)] if m]
    assert notes == [1, 2, 3, 4]
    marked = set()
    for t in texts:
        for m in re.finditer(r"\[([\d, ]+)\]$", t.strip()):
            marked |= {int(x) for x in m.group(1).split(",")}
    assert set(notes) <= marked


def test_band_labels_keep_off_range_lines(qapp):
    """The band's labels ("500 Wh/kg" on a 2030-2036 span, "potentially over 400" with its dashed hedge)
    cover no mark, span or other label."""
    from nevroadmap.render.export import ExportRequest, render_image
    from nevroadmap.render.metrics_pane import ClaimMarksItem

    seen = []
    orig = ClaimMarksItem.paint

    def paint(self, p, *a):
        orig(self, p, *a)
        seen.append((list(self.label_rects), list(self.mark_rects), [self.label_text(i) for i, _r in self.label_rects]))

    ClaimMarksItem.paint = paint
    try:
        render_image(load(), ExportRequest(width=1920, height=1080, metric="energy density"))
    finally:
        ClaimMarksItem.paint = orig
    (labels, marks, texts), = seen
    assert set(texts) == {"500 Wh/kg", "potentially over 400 Wh/kg"}
    for k, (_i, a) in enumerate(labels):
        assert not any(a.intersects(m) for m in marks), texts[k]
        assert not any(a.intersects(b) for _j, b in labels[k + 1:])
