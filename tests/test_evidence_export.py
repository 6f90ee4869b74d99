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
    # tall enough that the lanes under the band keep their labels
    r = _export("-o", str(out), "--metric", "NEV penetration rate", "--height", "1600")
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    for text in ("NEV penetration rate (%)", "over 70% (China)", "40% (global)", "Changan Automobile", "SAIC Group",
                 "China NEV penetration over 70 % by 2030"):
        assert f">{text}<" in svg, text


@pytest.mark.parametrize("width,height,dpi", [(1600, 1000, 96), (3200, 2000, 192)])
def test_png_band_lines_up_with_the_lanes(tmp_path, qapp, width, height, dpi):
    """One page: the band's plot area has the lanes' left and right edges, at 1x and 2x alike."""
    from PySide6.QtGui import QImage

    from nevroadmap.core.loader import load
    from nevroadmap.render.export import ExportRequest, _Page, render_image

    rm = load()
    req = ExportRequest(width=width, height=height, dpi=dpi, metric="energy density")
    page = _Page(rm, req)
    scene, lanes = page.build_scene()
    a, b = lanes.getViewBox().sceneBoundingRect(), page.band_plot.getViewBox().sceneBoundingRect()
    assert (b.left(), b.right()) == pytest.approx((a.left(), a.right()), abs=0.5)
    assert b.top() > a.bottom() and page.band_rect.bottom() <= page.legend_rect.top()
    axis_y = page.band_plot.getAxis("bottom").sceneBoundingRect().top()
    scene.clear()
    # in the picture: the band's year axis line starts where the lanes' plot area starts
    img = render_image(rm, req)
    k = page.geometry.scale
    y = int((axis_y + 0.5) * k)
    # (from 5 layout px left of the lanes: the value axis' tick labels end further left)
    xs = [x for x in range(int((a.left() - 5) * k), width) if img.pixelColor(x, y).lightness() < 235]
    assert xs and abs(xs[0] - a.left() * k) <= 3 * k
    out = tmp_path / "pane.png"
    r = _export("-o", str(out), "--metric", "energy density", "--width", str(width), "--height", str(height),
                "--dpi", str(dpi))
    assert r.returncode == 0, r.stderr
    assert QImage(str(out)).size().width() == width


def test_no_metric_no_band(qapp):
    from nevroadmap.core.loader import load
    from nevroadmap.render.export import ExportRequest, _Page

    page = _Page(load(), ExportRequest())
    assert page.band is None and page.band_rect is None and page.notes_rect is None


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
