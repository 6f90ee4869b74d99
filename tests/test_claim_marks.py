"""The metrics pane's marks drawn from columns: what the columns read, where marks stand side by side,
which mark the mouse picks, which pixels each kind of mark colours; the filter lists' counts."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from nevroadmap.core.claim_columns import ClaimColumns
from nevroadmap.core.claims import BOUND_DIRECTION


# -- the columns ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def figure_rows(bundled):
    from nevroadmap.core.claims import claim_rows

    rows = [r for r in claim_rows(bundled) if r.metric is not None]
    assert len(rows) >= 10
    return rows


def test_columns_read_each_row_as_the_row_says(figure_rows):
    cols = ClaimColumns.of(figure_rows)
    assert len(cols) == len(figure_rows)
    for i, r in enumerate(figure_rows):
        assert (cols.t[i], cols.t0[i], cols.t1[i]) == (r.t, r.t0, r.t1)
        mid = r.value if r.value_max is None else (r.value + r.value_max) / 2
        assert cols.y[i] == pytest.approx(mid)
        assert np.isnan(cols.value_max[i]) == (r.value_max is None)
        assert cols.direction[i] == BOUND_DIRECTION[r.bound]
        assert bool(cols.time_range[i]) == r.is_time_range
        assert (bool(cols.achieved[i]), bool(cols.hedged[i]), bool(cols.about[i])) == (
            r.achieved, r.hedged, r.bound == "about")
    some = np.array([3, 0, 5])
    part, direct = cols.take(some), ClaimColumns.of([figure_rows[i] for i in some])
    for name in ("t", "t0", "t1", "value", "y", "direction", "open_end", "hedged"):
        np.testing.assert_array_equal(getattr(part, name), getattr(direct, name))


def _cols(t, value, value_max=None, **flags) -> ClaimColumns:
    n = len(t)
    t = np.asarray(t, float)
    value = np.asarray(value, float)
    vmax = np.full(n, np.nan) if value_max is None else np.asarray(value_max, float)
    false = np.zeros(n, bool)
    return ClaimColumns(t=t, t0=t - 0.5, t1=t + 0.5, value=value, value_max=vmax,
                        y=np.where(np.isnan(vmax), value, (value + vmax) / 2),
                        time_range=flags.get("time_range", false), open_start=false,
                        open_end=flags.get("open_end", false), direction=np.asarray(flags.get("direction", [0] * n), np.int8),
                        about=false, achieved=flags.get("achieved", false), hedged=flags.get("hedged", false),
                        figure=np.asarray(flags.get("figure", [0] * n), np.int64))


def test_marks_at_one_time_and_figure_stand_side_by_side():
    cols = _cols([2030, 2027, 2030, 2030, 2027, 2027], [5, 5, 5, 5, 5, 5],
                 value_max=[np.nan, np.nan, np.nan, np.nan, 9, np.nan])
    slots, last = cols.side_by_side()
    # three at (2030, 5): -1, 0, 1 in row order; two at (2027, 5) without a range; one with a range alone
    assert slots.tolist() == [-1.0, -0.5, 0.0, 1.0, 0.0, 0.5]
    assert last.tolist() == [False, False, False, True, True, True]
    assert cols.extent() == (2026.5, 2030.5, 5.0, 9.0)


def test_different_figures_at_one_place_get_a_label_each_and_a_crowd_stays_near_its_date():
    cols = _cols([2030] * 4, [40] * 4, figure=[0, 1, 0, 2])  # "40 % (global)", "over 40 % (China)", ...
    slots, last = cols.side_by_side()
    assert slots.tolist() == [-1.5, -0.5, 0.5, 1.5]
    assert last.tolist() == [False, True, True, True]  # one label per figure, the last to claim it
    crowd = _cols([2027] * 3000, [42] * 3000)
    slots, last = crowd.side_by_side(max_side=3)
    assert slots.min() == -3 and slots.max() == 3  # 3000 identical figures: seven slots wide, not 3000
    assert np.all(np.diff(slots) >= 0) and last.sum() == 1


# -- the item in a plot -----------------------------------------------------------------------------
def _row(org="fictional-motors", scope=None, hedged=False, text="10 %"):
    return SimpleNamespace(organization=org, organization_name="Fictional Motors (example)", scope=scope,
                           hedged=hedged, source=None, value_text=lambda: text, unit="%",
                           one_line=lambda: "Fictional Motors (example): " + text)


@pytest.fixture
def plot(qapp):
    import pyqtgraph as pg

    from nevroadmap.render.metrics_pane import MetricsPlot

    view = pg.GraphicsLayoutWidget()
    view.resize(600, 300)
    p = MetricsPlot("light")
    view.addItem(p)
    p.getViewBox().setRange(xRange=(2020, 2040), yRange=(0, 100), padding=0)
    view.show()
    qapp.processEvents()
    yield p, view
    view.close()


def _show(p, view, cols, rows, qapp):
    from nevroadmap.render.metrics_pane import organization_colors

    p.marks.set_rows(rows, organization_colors(rows, p.theme), {None: "circle"}, cols)
    p.getViewBox().setRange(xRange=(2020, 2040), yRange=(0, 100), padding=0)
    return _show_again(p, view, qapp)


def _px(p, view, x, y):
    pt = view.mapFromScene(p.getViewBox().mapViewToScene(QPointF(x, y)))
    return pt.x(), pt.y()


def _dist(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_each_kind_of_mark_colours_its_own_pixels(plot, qapp):
    p, view = plot
    cols = _cols([2024, 2028, 2032, 2036], [50, 50, 50, 20], value_max=[np.nan, np.nan, np.nan, 60],
                 achieved=np.array([True, False, False, True]), direction=[0, 0, -1, 0])
    rows = [_row() for _ in range(4)]
    img = _show(p, view, cols, rows, qapp)
    bg, ink = QColor(p.theme.background), p.marks.colors["fictional-motors"]
    near = lambda x, y, c, tol=60: _dist(img.pixelColor(x, y), c) < tol  # noqa: E731
    x, y = _px(p, view, 2024, 50)
    assert near(x, y, ink)  # achieved: a filled dot
    x, y = _px(p, view, 2028, 50)
    assert near(x, y, bg) and near(x + 5, y, ink, 200)  # a forecast: hollow, its ring inked
    x, y = _px(p, view, 2032, 50)
    assert near(x, y + 14, ink, 200) and near(x, y - 14, bg)  # "under": the arrow points down, not up
    x, lo = _px(p, view, 2036, 20)
    _x, hi = _px(p, view, 2036, 60)
    for end in (lo, hi):  # a range in value: a cap across each end
        assert near(x - 3, end, ink, 200) and near(x + 3, end, ink, 200)
        assert near(x - 3, end + 6, bg) and near(x - 3, end - 6, bg)
    assert near(x, (lo + hi) // 2 - 12, ink, 200)  # and the line between them
    assert len(p.marks.mark_rects) == 4


def test_a_hedged_mark_is_fainter_and_the_selected_one_ringed(plot, qapp):
    p, view = plot
    cols = _cols([2025, 2035], [50, 50], achieved=np.array([True, True]), hedged=np.array([False, True]))
    img = _show(p, view, cols, [_row(), _row(hedged=True)], qapp)
    bg = QColor(p.theme.background)
    plain, faint = img.pixelColor(*_px(p, view, 2025, 50)), img.pixelColor(*_px(p, view, 2035, 50))
    assert _dist(faint, bg) < _dist(plain, bg) - 60
    p.marks.set_selected(0)
    img = _show_again(p, view, qapp)
    x, y = _px(p, view, 2025, 50)
    sel = QColor(p.theme.selection)
    assert any(_dist(img.pixelColor(x + dx, y), sel) < 80 for dx in range(9, 13))


def _show_again(p, view, qapp):
    qapp.processEvents()
    return view.viewport().grab().toImage()


def test_the_mouse_picks_the_nearest_mark_and_the_last_drawn_among_equals(plot, qapp):
    p, view = plot
    cols = _cols([2025, 2025, 2030], [50, 50, 20], time_range=np.array([False, False, True]))
    _show(p, view, cols, [_row(), _row(), _row()], qapp)
    m = p.marks
    sx = (2040 - 2020) / p.getViewBox().width()
    # two marks at one place stand 13 px apart: the mouse on the right one picks it, on the left one the left
    assert m.row_at(QPointF(2025 + m.offsets[1] * sx, 50)) == 1
    assert m.row_at(QPointF(2025 + m.offsets[0] * sx, 50)) == 0
    assert m.row_at(QPointF(2030.4, 20)) == 2  # anywhere on a span
    assert m.row_at(QPointF(2038, 90)) is None


# -- where labels may go ------------------------------------------------------------------------------
def _boxes(*bs):
    return tuple(np.array(v, float) for v in zip(*bs)) if bs else tuple(np.zeros(0) for _ in range(4))


def test_a_label_goes_right_of_its_mark_else_left_else_above_or_below():
    from nevroadmap.render.label_places import place_labels

    marks = _boxes((95, 95, 105, 105))  # the mark itself
    x, y, w = np.array([100.0]), np.array([100.0]), np.array([40.0])
    (k, box), = place_labels(marks, x, y, w, 10, 8, 15, None)
    assert k == 0 and box == (108, 95, 148, 105)  # right of the mark
    blocked = _boxes((95, 95, 105, 105), (120, 99, 121, 101))  # another mark on the right
    (_k, box), = place_labels(blocked, x, y, w, 10, 8, 15, None)
    assert box == (52, 95, 92, 105)  # left of it
    (_k, box), = place_labels(blocked, x, y, w, 10, 8, 15, (0, 0, 150, 200))
    assert box == (52, 95, 92, 105)
    (_k, box), = place_labels(blocked, x, y, w, 10, 8, 15, (60, 0, 150, 200))  # the view cuts the left
    assert box == (108, 80, 148, 90)  # above, on the right
    assert place_labels(blocked, x, y, w, 10, 8, 15, (99, 99, 101, 101)) == []  # no room anywhere


def test_labels_never_cover_each_other_but_may_touch():
    from nevroadmap.render.label_places import place_labels

    x, y = np.array([100.0, 100.0, 152.0]), np.array([100.0, 100.0, 100.0])
    placed = place_labels(_boxes(), x, y, np.array([40.0, 40.0, 30.0]), 10, 4, 12, None)
    boxes = [b for _k, b in placed]
    assert [k for k, _b in placed] == [0, 1, 2]
    assert boxes[0] == (104, 95, 144, 105) and boxes[1] == (56, 95, 96, 105)  # the second one goes left
    assert boxes[2] == (156, 95, 186, 105)  # the third one's left edge is free, though near the first
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


# -- the counts beside companies and technologies ---------------------------------------------------------
def test_counts_follow_filters_and_the_language(open_window, english_after):
    from nevroadmap.core.facets import organization_counts, technology_counts
    from nevroadmap.core.query import RoadmapFilter

    w = open_window(None)
    panel, state = w.filter_panel, w.state
    tech = state.roadmap.technologies[0].id
    state.set_filter(RoadmapFilter(technologies=frozenset({tech})))
    want = organization_counts(state.index, state.filter)
    for org, n in want.items():
        assert panel.count_of(org) == n
        assert panel.org_item(org).text().endswith(f"({n:,})")
    state.set_filter(RoadmapFilter())
    want = technology_counts(state.index, state.filter)
    assert all(panel.count_of(t) == n for t, n in want.items())
    english_after("zh_CN")
    org = next(iter(want and organization_counts(state.index, state.filter)))
    assert panel.org_item(org).text().endswith(f"（{panel.count_of(org):,}）")  # worded in Chinese too


def test_a_figure_s_words_keep_their_order_whatever_controls_its_data_holds():
    from nevroadmap.core.claims import figure_text
    from nevroadmap.core.model import Metric

    m = Metric(name="x", value=40, unit="%", bound="over", hedge="likely\u202e")
    assert figure_text(m) == "likely over 40%"  # an unclosed override would have reversed "over 40%"
    assert figure_text(Metric(name="x", value=5, unit="\u2067u\u202b")) == "5 u"


def test_labels_are_whole_again_once_a_pan_rests(qtbot, open_window, cached_as_drawn):
    """On screen the marks are a cached picture that a pan scrolls; the labels chosen for the new view
    must be painted whole once the view rests (they were cut at the edge of the strip uncovered)."""
    win = open_window(None, size=(1280, 720))
    view, marks = win.metrics_pane.view, win.metrics_pane.plot.marks
    qtbot.waitUntil(lambda: bool(marks.label_rects))
    vb = win.metrics_pane.plot.getViewBox()
    (x0, x1), _ = vb.viewRange()
    vb.setXRange(x0 + (x1 - x0) * 0.3, x1 + (x1 - x0) * 0.3, padding=0)  # a pan
    qtbot.wait(30)
    vb.setXRange(x0, x1, padding=0)  # and back, as Fit does
    qtbot.wait(3 * 120)
    cached_as_drawn(view, marks)


def test_names_sort_as_people_read_them():
    from nevroadmap.core.names import natural_key

    scopes = ["Scope 10", "scope 2", "Scope 1", "Europe", "China"]
    assert sorted(scopes, key=natural_key) == ["China", "Europe", "Scope 1", "scope 2", "Scope 10"]


def test_the_picker_line_and_the_hover_line_keep_their_order_too():
    from nevroadmap.core.claims import MetricKey

    assert MetricKey("x", "\u202estinu", "\u202eanihC").label() == "x (stinu) - anihC"  # as typed, not turned around


def test_the_legend_names_one_organization_before_it_drops_keys_and_space_opens_the_rest(qtbot):
    from PySide6.QtCore import Qt

    from nevroadmap.gui.metrics_legend import MetricsLegend

    keys = [(f"scope {i} with a long name", "#000", "\u25cb") for i in range(8)]

    def make(k):
        orgs = [("Fictional Motors (example)", "#0072B2", "\u25cf"), ("Fictional Cells (example)", "#D55E00", "\u25cf")]
        return orgs[:k] + ([("1 more organization", "#888", "\u2026")] if k < 2 else []) + keys

    legend = MetricsLegend()
    qtbot.addWidget(legend)
    legend.resize(600, 40)
    legend.show()
    legend.set_entries(make, 2)
    text = legend.text()
    assert "Fictional Motors (example)" in text and "1 more organization" in text  # one name and a count
    assert "scope 7" not in text and 'href="#more"' in text  # the keys that do not fit are in the popup
    assert "white-space:nowrap" in text  # an entry never breaks inside
    legend.setFocus()
    qtbot.keyClick(legend, Qt.Key.Key_Space)
    assert legend.popup is not None and legend.popup.isVisible()
    legend.popup.close()


@pytest.mark.parametrize("height", [130, 300])
def test_the_zero_line_keeps_room_for_its_tick_label_in_a_short_pane(plot, qapp, height):
    from PySide6.QtGui import QFontMetricsF

    p, view = plot
    view.resize(600, height)
    _show(p, view, _cols([2025, 2030], [25, 90]), [_row(), _row()], qapp)
    p._fit_y()  # as set_rows and every resize do
    qapp.processEvents()
    vb = p.getViewBox()
    zero_y = vb.mapViewToScene(QPointF(2030, 0)).y()
    bottom = vb.sceneBoundingRect().bottom()
    half = QFontMetricsF(p.getAxis("left").style["tickFont"]).height() / 2
    assert bottom - zero_y >= half  # the "0" label fits above the plot's bottom edge


def test_a_bound_s_arrow_stays_on_top_of_another_figure_s_span(plot, qapp):
    p, view = plot
    # "over 40" by one organization at 2030, a 2026-2036 span at 44 by another: the arrow crosses the span
    cols = _cols([2030, 2031], [40, 44], direction=[1, 0], time_range=np.array([False, True]))
    cols = ClaimColumns(**{**cols.__dict__, "t0": np.array([2030.0, 2026.0]), "t1": np.array([2030.0, 2036.0])})
    rows = [_row(org="fictional-motors"), _row(org="fictional-cells")]
    img = _show(p, view, cols, rows, qapp)
    arrow = p.marks.colors["fictional-motors"]
    assert _dist(arrow, p.marks.colors["fictional-cells"]) > 100
    x, y = _px(p, view, 2030, 44)
    assert _dist(img.pixelColor(x, y), arrow) < 60  # where they cross, the arrow's colour
