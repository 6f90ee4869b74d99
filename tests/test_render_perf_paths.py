"""The fast paint paths draw the same picture as the plain ones.

* any state change (selection, theme, range) shows on screen at once;
* bars reaching far past the view are cut just outside it before drawing;
* forecast outlines are 1 px dashes (Qt's fast stroker) and still in the lane colour;
* the axes cache their pixmap on screen only; exports still get vector text.
"""

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from nevroadmap.core.glyphs import ROW_PX
from nevroadmap.core.layout import LayoutEngine
from nevroadmap.core.model import Area, Milestone, Organization, Roadmap, Technology
from nevroadmap.render.frame_plan import Geometry
from nevroadmap.render.synthetic import synthetic_roadmap
from nevroadmap.render.theme import get_theme, status_style
from nevroadmap.render.timeline_item import TimelineItem


def _pixels(img: QtGui.QImage) -> np.ndarray:
    img = img.convertToFormat(QtGui.QImage.Format_ARGB32)
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint8, img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())[:, : img.width() * 4] \
        .reshape(img.height(), img.width(), 4).astype(np.int16).copy()


def _render(w) -> np.ndarray:
    QtWidgets.QApplication.processEvents()
    img = QtGui.QImage(w.width(), w.height(), QtGui.QImage.Format_ARGB32_Premultiplied)
    img.fill(0)
    w.render(img)
    return _pixels(img)


@pytest.fixture
def widget(qtbot):
    from nevroadmap.gui.timeline_widget import TimelineWidget

    rm = synthetic_roadmap(1500, seed=5)
    lay = LayoutEngine(rm, 0.11).layout("technology")
    w = TimelineWidget(theme="light")
    qtbot.addWidget(w)
    w.resize(1100, 640)
    w.show()
    qtbot.waitExposed(w)
    w.set_data(rm, lay)
    return w


def test_state_changes_show_on_screen(widget):
    widget.set_visible_range(2024.0, 2030.0)
    before = _render(widget)
    assert len(np.unique(before.reshape(-1, 4), axis=0)) > 20, "bars in lane colours, not just the background"
    ents = widget.item.visible_entries(QtCore.QRectF(2024.0, 0.0, 6.0, 20.0), px_per_year=150.0, row_px=ROW_PX)
    mid = widget.roadmap.milestones[int(widget.layout_data.item[ents[len(ents) // 2]])].id
    widget.set_selection(mid)
    selected = _render(widget)
    assert (np.abs(selected - before).max(axis=2) > 40).sum() > 20, "the selection ring is drawn"
    widget.set_theme("dark")
    dark = _render(widget)
    assert dark[:, :, :3].mean() < selected[:, :, :3].mean() - 40
    widget.pan(0.1)
    panned = _render(widget)
    assert (np.abs(panned - dark).max(axis=2) > 40).sum() > 100


def _bar_roadmap(status: str, when: str) -> Roadmap:
    return Roadmap(
        areas=(Area(id="a", name="Fictional area", color="#2060c0"),),
        technologies=(Technology(id="t", name="Fictional tech", area="a"),),
        organizations=(Organization(id="o", name="Fictional Motors (invented)"),),
        milestones=(Milestone(id="m", title="Fictional long bar", technology="t", organizations=("o",), when=when,
                              status=status),),
    )


def _paint_item(item: TimelineItem, t0: float, t1: float, w: int = 600, h: int = 72, left: int = 40) -> np.ndarray:
    """Paint the view [t0, t1] x rows into a w x h area ``left`` px into a wider image (as in a window)."""
    img = QtGui.QImage(w + 2 * left, h, QtGui.QImage.Format_ARGB32_Premultiplied)
    img.fill(QtGui.QColor("white"))
    g = Geometry(w / (t1 - t0), left - t0 * w / (t1 - t0), ROW_PX, 0.0, 1.0)
    p = QtGui.QPainter(img)
    item.paint_frame(p, t0, t1, 0.0, h / ROW_PX, g)
    p.end()
    return _pixels(img)[:, left: left + w]


@pytest.mark.parametrize("status", ["achieved", "announced", "planned", "forecast"])
def test_bar_far_wider_than_the_view_is_cut_but_looks_the_same(qapp, status):
    rm = _bar_roadmap(status, "2000-2060")
    lay = LayoutEngine(rm).layout("technology")
    item = TimelineItem(rm, lay)
    item.show_labels = False
    px = _paint_item(item, 2030.0, 2030.5)  # 60 years of bar, half a year of view: ~72,000 px of bar
    style = status_style(get_theme("light"), "#2060c0", ["achieved", "announced", "planned", "forecast"].index(status))
    fill = style.fill.color()
    outline = style.pen.color()
    row = px[:ROW_PX]
    bgr = lambda c: np.array([c.blue(), c.green(), c.red()])  # noqa: E731 (ARGB32 bytes are B, G, R, A)
    is_fill = (np.abs(row[:, :, :3] - bgr(fill)).max(axis=2) <= 6)
    is_outline = (np.abs(row[:, :, :3] - bgr(outline)).max(axis=2) <= 6)
    cols_fill = is_fill.any(axis=0)
    cols_outline = is_outline.any(axis=0)
    # the fill runs the whole view and so do the top/bottom outlines (dashes for forecast) ...
    assert cols_fill[2:-2].all()
    if status == "forecast":
        top = is_outline[np.flatnonzero(is_outline.any(axis=1))[0]]
        assert 0.5 < top.mean() < 0.8  # dashes: 4 on, 2 off
        assert cols_outline.mean() > 0.6
    else:
        assert cols_outline[2:-2].all()
    # ... and no vertical end edge shows at the view borders (the cut is outside the view)
    for x in (0, 1, 598, 599):
        assert is_outline[:, x].sum() <= 6  # top and bottom edge only, no 15 px end edge
    # nothing of the bar leaks into other rows
    below = px[ROW_PX + 2:, :, :3]
    assert not (np.abs(below - bgr(outline)).max(axis=2) <= 6).any()
    assert not (np.abs(below - bgr(fill)).max(axis=2) <= 6).any()


def test_cut_dashes_stay_on_the_bar_while_panning(qapp):
    rm = _bar_roadmap("forecast", "2000-2060")
    lay = LayoutEngine(rm).layout("technology")
    item = TimelineItem(rm, lay)
    item.show_labels = False
    outline = status_style(get_theme("light"), "#2060c0", 3).pen.color()
    ref = np.array([outline.blue(), outline.green(), outline.red()])
    rows = []
    for shift_px in (0, 7, 13):
        t0 = 2030.0 + shift_px / 1200.0  # 600 px per half year
        px = _paint_item(item, t0, t0 + 0.5)
        top = (np.abs(px[:ROW_PX, :, :3] - ref).max(axis=2) <= 6)
        r = int(np.flatnonzero(top.any(axis=1))[0])
        rows.append((shift_px, top[r]))
    base = rows[0][1]
    for shift_px, line in rows[1:]:
        # the dash pattern moves with the bar: the shifted view sees the same dashes, shifted
        assert np.array_equal(line[: 600 - shift_px - 20], base[shift_px: 600 - 20])


def test_forecast_outline_is_a_fast_one_pixel_dash_in_the_lane_colour(qapp):
    th = get_theme("light")
    st = status_style(th, "#2060c0", 3)
    assert st.pen.widthF() == 1.0 and st.pen.style() == QtCore.Qt.CustomDashLine
    assert st.pen.color().name() == "#2060c0"
    assert st.hatch is not None
    # exports at scale keep the proportions
    assert status_style(th, "#2060c0", 3, 2.0).pen.widthF() == 2.0


def test_axes_cache_on_screen_only(qapp, widget):
    from nevroadmap.render.plot import make_plot_item

    for name in ("left", "bottom"):
        assert widget.plot_item.getAxis(name).cacheMode() == QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
    import pyqtgraph as pg

    scene = pg.GraphicsScene()  # an export scene: no view
    plot = make_plot_item("light", row_px=None)
    scene.addItem(plot)
    for name in ("left", "bottom", "top"):
        assert plot.getAxis(name).cacheMode() == QtWidgets.QGraphicsItem.CacheMode.NoCache
    scene.clear()
