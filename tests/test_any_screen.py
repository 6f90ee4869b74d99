"""Any screen: the first window on a small screen, crisp at device pixel ratio 2, Fit leaves room for labels,
the legend folds, zoom reaches weeks and days for data with exact days."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter

from nevroadmap.core.layout import LayoutEngine
from nevroadmap.core.loader import load
from nevroadmap.gui import window_geometry as wg
from nevroadmap.gui.timeline_widget import TimelineWidget
from nevroadmap.render.axis import tick_label, year_ticks
from nevroadmap.render.theme import get_theme, status_style
from nevroadmap.render.timeline_view import MIN_SPAN_DAYS_YEARS, MIN_SPAN_YEARS

FIX = Path(__file__).parent / "fixtures" / "gui_roadmap.yaml"
SMALL = QRect(0, 0, 1280, 720)


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("NEVROADMAP_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("NEVROADMAP_DATA_DIR", str(tmp_path / "appdata"))
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    made = []

    def _make(screens, roadmap=None):
        monkeypatch.setattr(wg, "_available_rects", lambda: list(screens))
        w = MainWindow(AppState(roadmap or load()), theme="light")
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield _make
    for w in made:
        w.close()


def test_first_window_on_a_laptop_screen_gives_the_timeline_most_of_it(qtbot, make_window):
    w = make_window([SMALL])
    assert SMALL.contains(w.frameGeometry())
    qtbot.waitUntil(lambda: w.timeline.width() >= 0.6 * w.width(), timeout=3000)
    # the docks share one column, as tabs; a selection brings the details to the front
    assert w.details_dock in w.tabifiedDockWidgets(w.filter_dock)
    mid = w.state.roadmap.milestones[0].id
    w.state.select_milestone(mid)
    qtbot.waitUntil(lambda: not w.details_dock.visibleRegion().isEmpty(), timeout=3000)
    # the legend takes one line, the rest one click away
    legend = w.timeline.legend
    one_line = legend.height_for(10_000)
    assert legend.folds(w.timeline.view.width() - 20)
    assert legend.height_for(w.timeline.view.width() - 20) == pytest.approx(one_line)
    popup = w.timeline.show_legend_popup()  # "More": the whole legend in a popup, not in the lanes' room
    assert legend.height_for(w.timeline.view.width() - 20) == pytest.approx(one_line)
    assert popup.isVisible() and popup.height() <= 0.4 * w.height() + 1
    popup.close()
    # the lane names leave the plot most of the timeline
    assert w.timeline.plot_item.getAxis("left").width() <= 0.3 * w.timeline.view.width() + 1


def test_a_big_screen_keeps_both_docks_side_by_side(qtbot, make_window):
    w = make_window([QRect(0, 0, 1920, 1080)])
    qtbot.waitUntil(lambda: w.details_dock.isVisible() and w.filter_dock.isVisible(), timeout=3000)
    assert not w.tabifiedDockWidgets(w.filter_dock)
    assert w.timeline.width() >= 0.5 * w.width()


def near(a: QColor, b: QColor, tol: int = 3) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) <= tol


def _fixture_widget(qtbot, width=900, height=300):
    rm = load(FIX)
    lay = LayoutEngine(rm).layout("technology")
    tl = TimelineWidget(theme="light")
    qtbot.addWidget(tl)
    tl.resize(width, height)
    tl.show()
    qtbot.waitExposed(tl)
    tl.set_data(rm, lay)
    tl.show_legend(False)
    tl.fit_all()
    return tl, rm, lay


def test_device_pixel_ratio_2_is_crisp_with_the_same_layout(qtbot):
    tl, rm, lay = _fixture_widget(qtbot)
    tl.timeline_item.show_labels = False  # the bar's own pixels, no text over them
    imgs = {}
    for ratio in (1, 2):
        img = QImage(tl.width() * ratio, tl.height() * ratio, QImage.Format.Format_ARGB32)
        img.setDevicePixelRatio(ratio)
        img.fill(QColor("white"))
        p = QPainter(img)
        tl.render(p, QPoint(0, 0))
        p.end()
        imgs[ratio] = img
    assert (imgs[2].width(), imgs[2].height()) == (2 * imgs[1].width(), 2 * imgs[1].height())
    # the announced range (2026-2028) in the megawatt lane: its top edge, walking up from the bar's centre
    c = tl.milestone_scene_pos("fm-mw-charging").toPoint()
    st = status_style(get_theme("light"), lay.colors[int(lay.color[np.flatnonzero(
        lay.item == [m.id for m in rm.milestones].index("fm-mw-charging"))[0]])], 1, 1.0)
    fill, outline = st.fill.color(), st.pen.color()
    band = {QColor(get_theme("light").band_even).rgb(), QColor(get_theme("light").band_odd).rgb()}
    edges = {}
    for ratio, img in imgs.items():
        x, y = c.x() * ratio, c.y() * ratio
        assert near(QColor(img.pixel(x, y)), fill)
        run = []
        while y > 0 and img.pixel(x, y) not in band:
            run.append(QColor(img.pixel(x, y)))
            y -= 1
        # sharp: every pixel from the centre to the band is the fill or the outline, none blended
        assert all(near(px, fill) or near(px, outline) for px in run), [px.name() for px in run]
        edges[ratio] = (c.y() * ratio - y, sum(near(px, outline) for px in run))
    # the same layout at twice the pixels: the edge twice as far from the centre, the outline twice as thick
    assert abs(edges[2][0] - 2 * edges[1][0]) <= 2
    assert edges[2][1] >= 2 * edges[1][1] - 1 and edges[1][1] >= 1


def test_fit_leaves_room_for_the_labels_of_the_last_items(qtbot):
    tl, rm, lay = _fixture_widget(qtbot, width=700)
    tl.view.grab()  # paint once: the item remembers its labels
    labels = {rm.milestones[int(lay.item[e])].id: (x, text, w) for e, x, _y, text, _in, w in tl.timeline_item._last_labels}
    # the item that starts last (sodium-ion mass production, 2030+) and the deadline of the last row
    last = rm.milestones[int(lay.item[int(np.argmax(lay.x0))])]
    assert last.id in labels
    x, text, w = labels[last.id]
    assert text == last.title  # whole, not elided
    assert x + w <= tl.viewbox.sceneBoundingRect().right() + 0.5  # (device pixels of the view)
    # the bars alone would end it earlier: Fit widened the window for the label
    from nevroadmap.render.fit import bars_range

    t0, t1 = tl.visible_range()
    assert t1 > bars_range(lay)[1] + 0.03 * (bars_range(lay)[1] - bars_range(lay)[0])


def test_fit_follows_a_resize_until_the_user_moves(qtbot):
    tl, _rm, _lay = _fixture_widget(qtbot, width=700)
    before = tl.visible_range()
    tl.resize(1100, 300)
    qtbot.waitUntil(lambda: tl.visible_range() != before, timeout=3000)
    tl.zoom(2.0)
    zoomed = tl.visible_range()
    tl.resize(800, 300)
    qtbot.wait(50)
    assert tl.visible_range() == pytest.approx(zoomed)


def test_zoom_reaches_days_when_the_data_has_exact_days(qtbot, write):
    days = write("days.yaml", FIX.read_text(encoding="utf-8").replace("when: 2027\n", "when: 2027-03-04\n", 1))
    for path, narrowest in ((FIX, MIN_SPAN_YEARS), (days, MIN_SPAN_DAYS_YEARS)):
        rm = load(path)
        tl = TimelineWidget()
        qtbot.addWidget(tl)
        tl.resize(900, 300)
        tl.set_data(rm, LayoutEngine(rm).layout("technology"))
        for _ in range(40):
            tl.zoom(3.0)
        t0, t1 = tl.visible_range()
        assert t1 - t0 == pytest.approx(narrowest, rel=1e-3)


def test_ticks_go_down_to_weeks_and_days():
    t0 = 2027.0 + 60 / 365  # early March 2027
    major, majors, minor, minors = year_ticks(t0, t0 + 10 / 365, 1000)
    assert major.name == "day" and len(majors) >= 9
    assert tick_label(majors[0], major).split()[1] == "Mar"
    major, majors, minor, _ = year_ticks(t0, t0 + 60 / 365, 1000)
    assert major.name == "week" and minor is not None and minor.name == "day"
    from datetime import date

    from nevroadmap.core.dates import decimal_year

    mondays = [decimal_year(date(2027, 3, 8)), decimal_year(date(2027, 3, 15))]
    assert all(any(abs(v - m) < 1e-9 for v in majors) for m in mondays)  # weeks start on Mondays


def test_on_a_laptop_screen_the_metrics_pane_leaves_the_timeline_most_of_the_height(qtbot, make_window):
    w = make_window([SMALL])
    assert w.metrics_dock.isVisible()
    qtbot.waitUntil(lambda: w.metrics_dock.height() <= max(w.metrics_dock.minimumSizeHint().height(),
                                                         0.3 * w.height()) + 2, timeout=3000)
    assert w.timeline.height() > w.metrics_dock.height()
