"""``nevroadmap export --metric``: the metrics pane below the roadmap, aligned, in PNG/SVG/PDF."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "forecast-drift.yaml"


def _export(*args):
    return subprocess.run([sys.executable, "-m", "nevroadmap", "export", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})


def test_svg_has_the_metric_band_with_both_2030_forecasts(tmp_path):
    out = tmp_path / "pane.svg"
    r = _export("-o", str(out), "--metric", "NEV penetration rate")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    for text in ("NEV penetration rate (%)", "over 70% (China)", "40% (global)", "Changan Automobile", "SAIC Group",
                 "China NEV penetration over 70 % by 2030"):
        assert f">{text}<" in svg, text


def test_png_band_lines_up_with_the_lanes(tmp_path, qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage

    from nevroadmap.core.claims import MetricKey, claim_rows, rows_for_metric
    from nevroadmap.core.layout import LayoutEngine
    from nevroadmap.core.loader import load
    from nevroadmap.render import evidence_export as ee
    from nevroadmap.render.export import ExportOptions

    rm = load()
    lay = LayoutEngine(rm).layout("technology")
    opts = ExportOptions(width=1600, height=1000)
    top = ExportOptions(width=1600, height=1000 - round(1000 * ee.BAND_SHARE))
    left, right, trange = ee._plot_edges(ee._PageWithDrift(rm, lay, top))
    rows = rows_for_metric(claim_rows(rm), MetricKey("NEV penetration rate", "%"))
    band = ee._Band(rows, MetricKey("NEV penetration rate", "%"), "light", 1600, 300, left, right, trange)
    img = QImage(1600, 300, QImage.Format.Format_ARGB32)
    from PySide6.QtGui import QPainter

    p = QPainter(img)
    band.paint(p, QRectF(0, 0, 1600, 300))
    p.end()
    # the band's year axis line starts where the lanes' plot area starts
    y = 300 - 40
    xs = [x for x in range(1600) if img.pixelColor(x, y).lightness() < 235]
    assert xs and abs(xs[0] - left) <= 3
    out = tmp_path / "pane.png"
    r = _export("-o", str(out), "--metric", "energy density", "--width", "1600", "--height", "1000")
    assert r.returncode == 0, r.stderr
    assert QImage(str(out)).size().width() == 1600


def test_example_export_draws_the_drift(tmp_path):
    out = tmp_path / "drift.svg"
    r = _export(str(EXAMPLE), "-o", str(out), "--metric", "energy density")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    assert ">+2 y<" in svg and ">2021<" in svg and ">2023<" in svg
    assert ">450 Wh/kg<" in svg


@pytest.mark.parametrize("metric,want", [("nope", "no metric matches"), ("NEV", "matches several metrics")])
def test_bad_metric_exits_2_and_writes_nothing(tmp_path, metric, want):
    out = tmp_path / "x.png"
    r = _export("-o", str(out), "--metric", metric)
    assert r.returncode == 2 and want in r.stderr and not out.exists()


def test_footnotes_number_the_sources_and_the_marks_cite_them(tmp_path):
    out = tmp_path / "notes.svg"
    r = _export(str(EXAMPLE), "-o", str(out), "--metric", "energy density", "--footnotes")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    # first cited first: the A-sample cells (2023 report) come before the 2021 investor day
    assert ">[1] Fictional Press (example): Example Battery Co. annual report 2023 (fictional), published 2023-06-20<" in svg
    assert ">[2] Fictional Press (example): Example Battery Co. investor day 2021 (fictional), published 2021-03-15<" in svg
    assert ">450 Wh/kg [2]<" in svg and ">350 Wh/kg [1]<" in svg
    out2 = tmp_path / "plain.svg"
    assert _export("-o", str(out2), "--footnotes").returncode == 0
    assert ">[1] NenPower: Exploring Intelligent Mobility Together" in out2.read_text(encoding="utf-8")
