"""Timeline drawing: culling and aggregation against brute force, ticks, labels, pixels."""

import math

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401

from nevroadmap.core.glyphs import ROW_PX, STEM_PX, marker_px
from nevroadmap.core.layout import FADE_YEARS, KIND_DEADLINE, KIND_POINT, LayoutEngine
from nevroadmap.core.model import Area, Milestone, Organization, Roadmap, Technology
from nevroadmap.render.axis import LEVELS, tick_label, year_ticks
from nevroadmap.render.frame_plan import Geometry
from nevroadmap.render.synthetic import synthetic_roadmap
from nevroadmap.render.timeline_item import TimelineItem
from nevroadmap.render.tooltips import milestone_tooltip


@pytest.fixture(scope="module")
def synth():
    rm = synthetic_roadmap(3000, seed=7)
    return rm, LayoutEngine(rm, 0.03).layout("technology")


def brute_visible(item, lay, t0, t1, y0, y1, px_per_year, row_px=ROW_PX):
    """Naive definition: every entry of a visible row whose drawn extent meets [t0, t1]."""
    m = marker_px(row_px) / px_per_year
    stem = STEM_PX / px_per_year
    lo = lay.x0 - np.where(lay.kind == KIND_POINT, m, np.where(lay.kind == KIND_DEADLINE, stem, 0.0))
    hi = np.maximum(lay.x0, lay.x1) + np.where(lay.open_end, FADE_YEARS, 0.0) + np.where(lay.kind == KIND_POINT, m, 0.0)
    rows_ok = (lay.row >= math.floor(y0)) & (lay.row <= math.ceil(y1) - 1)
    return np.flatnonzero(rows_ok & (hi >= t0) & (lo <= t1))


def test_culling_matches_brute_force_on_random_windows(qapp, synth):
    rm, lay = synth
    item = TimelineItem(rm, lay)
    rng = np.random.default_rng(3)
    nonempty = 0
    for _ in range(300):
        width = float(rng.choice([0.3, 1.0, 4.0, 15.0, 40.0]))
        t0 = float(rng.uniform(2010, 2045))
        y0 = float(rng.uniform(-5, lay.n_rows))
        y1 = y0 + float(rng.uniform(0.5, 60))
        ppy = 1600.0 / width
        got = item.visible_entries(QtCore.QRectF(t0, y0, width, y1 - y0), px_per_year=ppy)
        want = brute_visible(item, lay, t0, t0 + width, y0, y1, ppy)
        assert np.array_equal(np.sort(got), want)
        nonempty += len(want) > 0
    assert nonempty > 100  # the windows really hit data


def test_aggregation_merges_only_runs_closer_than_a_pixel(qapp, synth):
    rm, _ = synth
    lay = LayoutEngine(rm).layout("technology")  # no label room: dense rows
    item = TimelineItem(rm, lay)
    g = Geometry(500 / 30.0, -2010 * 500 / 30.0, ROW_PX, 0.0, 1.0)  # 30 years over 500 px
    f = item.plan(2010, 2040, 0, 40, g, want_labels=False)
    assert f.g_count.sum() == len(f.entries)
    assert (f.g_count > 1).any() and (f.g_count == 1).any()
    lo, hi = item.planner.extents(f.entries, g)
    plo, phi = g.x(lo), g.x(hi)
    for k in range(len(f.g_row)):
        a = f.g_first[k]
        b = a + f.g_count[k]
        assert np.all(f.entries[a:b] >= 0)
        assert np.all(lay.row[f.entries[a:b]] == f.g_row[k])
        # inside a group each entry starts within a pixel of what came before
        for j in range(a + 1, b):
            assert plo[j] <= phi[a:j].max() + 1.0
        # the next group in the row starts more than a pixel later
        if k + 1 < len(f.g_row) and f.g_row[k + 1] == f.g_row[k]:
            assert plo[b] > phi[a:b].max() + 1.0
    # zoomed out far enough, the number of groups is bounded by pixels, not items
    g2 = Geometry(200 / 30.0, -2010 * 200 / 30.0, ROW_PX, 0.0, 1.0)
    f2 = item.plan(2010, 2040, 0, lay.n_rows, g2, want_labels=False)
    rows = len(np.unique(f2.g_row))
    assert len(f2.g_row) <= rows * 200
    assert len(f2.g_row) < len(f2.entries)


def test_labels_fit_and_never_overlap(qapp, synth):
    rm, lay = synth
    item = TimelineItem(rm, lay)
    g = Geometry(1600 / 6.0, -2024 * 1600 / 6.0, ROW_PX, 0.0, 1.0)
    f = item.plan(2024, 2030, 0, 40, g)
    assert len(f.labels) > 20
    by_row = {}
    for ent, x, _yb, text, _inside, w in f.labels:
        by_row.setdefault(int(lay.row[ent]), []).append((x, x + w, text))
    font = item.painter.label_font(g)
    fm = QtGui.QFontMetricsF(font)
    for spans in by_row.values():
        spans.sort()
        for (a0, a1, text), (b0, _b1, _t) in zip(spans, spans[1:]):
            assert a1 <= b0, "labels overlap"
        for a0, a1, text in spans:
            assert fm.horizontalAdvance(text) <= (a1 - a0) + 0.5
    # every label sits in its entry's row and starts at or after the entry
    for ent, x, _yb, _text, inside, _w in f.labels:
        assert x >= g.x(lay.x0[ent]) - 1 or inside


@pytest.mark.parametrize("span,width,level,sample", [
    (60.0, 500, "decade", "2030"),
    (60.0, 1200, "5y", "2025"),
    (12.0, 1200, "year", "2027"),
    (3.0, 700, "half", "H2 2027"),
    (3.0, 1200, "quarter", "Q3 2027"),
    (0.5, 1200, "month", "Sep 2027"),
])
def test_axis_ticks_refine_with_zoom(span, width, level, sample):
    t0 = 2027.5 - span / 3
    major, majors, minor, _minors = year_ticks(t0, t0 + span, width)
    assert major.name == level
    labels = [tick_label(v, major) for v in majors]
    assert sample in labels
    # labels never crowd: neighbours are at least the label room apart
    px = np.diff(majors) * width / span
    assert (px >= major.label_px - 1e-6).all()
    assert minor is None or minor.years < major.years


def test_tick_levels_are_ordered_coarse_to_fine():
    years = [lv.years for lv in LEVELS]
    assert years == sorted(years, reverse=True)


def test_tooltip_escapes_data_text():
    rm = Roadmap(
        areas=(Area(id="a", name="A"),), technologies=(Technology(id="t", name="T", area="a"),),
        organizations=(Organization(id="o", name="Fictional <b>Org</b> (invented)"),),
        milestones=(Milestone(id="m", title="<script>x</script> & co", technology="t", organizations=("o",),
                              when="2027", status="planned"),),
    )
    tip = milestone_tooltip(rm, 0)
    assert "<script>" not in tip and "&lt;script&gt;" in tip
    assert "&lt;b&gt;Org&lt;/b&gt;" in tip
    assert "2027" in tip and "Planned" in tip


def _one_bar_roadmap(status="achieved", when="2025-2027"):
    return Roadmap(
        areas=(Area(id="a", name="Fictional area", color="#d62728"),),
        technologies=(Technology(id="t", name="Fictional tech", area="a"),),
        organizations=(Organization(id="o", name="Fictional Motors (invented)"),),
        milestones=(Milestone(id="m1", title="Fictional bar", technology="t", organizations=("o",), when=when, status=status),
                    Milestone(id="m2", title="Fictional later", technology="t", organizations=("o",), when="2033-2034",
                              status="achieved")),
    )


def test_bar_pixel_has_lane_colour_and_hidden_item_is_not_drawn(qapp):
    from nevroadmap.render.export import ExportRequest, render_image

    rm = _one_bar_roadmap()
    opts = ExportRequest(width=800, height=400, show_title=False, show_legend=False, show_attribution=False,
                         time_range=(2024.0, 2030.0))
    img = render_image(rm, opts)
    # find the plot area: scan the middle of the image for the bar colour
    red = QtGui.QColor("#d62728")

    def close(c, ref, tol=12):
        return abs(c.red() - ref.red()) <= tol and abs(c.green() - ref.green()) <= tol and abs(c.blue() - ref.blue()) <= tol

    hits = [(x, y) for y in range(0, 400, 2) for x in range(0, 800, 4) if close(QtGui.QColor(img.pixel(x, y)), red)]
    assert hits, "the achieved bar is drawn in its lane colour"
    xs = [x for x, _ in hits if x > 20]  # ignore the lane's colour strip on the far left
    assert xs
    # the bar spans 2025-2027 of a 2024-2030 window: it lies in the left half of the plot, not at its right end
    assert max(xs) < 800 * 0.75
    # the 2033 bar is outside the window: nothing of it at the right edge
    right = [x for x, _ in hits if x > 800 * 0.8]
    assert not right


def test_status_styles_differ_in_fill(qapp):
    from nevroadmap.render.export import ExportRequest, render_image

    fills = []
    for status in ("achieved", "announced", "planned", "forecast"):
        rm = _one_bar_roadmap(status, "2020-2030")
        img = render_image(rm, ExportRequest(width=600, height=300, show_title=False, show_legend=False,
                                                  show_attribution=False, time_range=(2019.0, 2031.0)))
        # the bar covers the middle of the plot at the first row: sample the image centre column
        col = [QtGui.QColor(img.pixel(400, y)) for y in range(300)]
        fills.append(min(c.lightness() for c in col))
    # achieved is darkest, then announced, then planned / forecast lighter
    assert fills[0] < fills[1] < fills[2]
