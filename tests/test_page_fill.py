"""A filtered export of few lanes uses its page (render.page: fit_rows, split_plot_room, chart_offset):
the lanes reach down to the legend, the bars keep a readable height, the text grows moderately, the
same at every page size and density; a metric band takes room the lanes leave; a full page is as it was."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6 import QtCore, QtGui

from nevroadmap.core.glyphs import BAR_MAX_PX, ROW_PX, bar_px
from nevroadmap.core.model import Area, Milestone, Organization, Roadmap, Technology
from nevroadmap.render.export import ExportRequest, _Page, export_roadmap, render_image
from nevroadmap.render.page import (
    MAX_BAND_SHARE, MAX_FILL_TEXT_ZOOM, MAX_ROW_SHARE, ROOMY_ROW_PX, chart_offset, fit_rows, split_plot_room,
)

GREEN = (0x1F, 0x9E, 0x4A)  # the fictional area's colour: its lane strip, its achieved bar, its legend swatch

SIZES = {  # (width, height, dpi)
    "slide": (1920, 1080, 96),
    "slide@2x": (3840, 2160, 192),
    "A4": (2246, 1588, 192),  # landscape at 2x
    "A3": (4961, 3508, 300),  # landscape at 300 dpi
}


def _two_lanes() -> Roadmap:
    """Two lanes of one row each: an achieved range (a solid green bar) and a forecast point."""
    return Roadmap(
        areas=(Area(id="a", name="Fictional area", color="#1f9e4a"),
               Area(id="b", name="Other fictional area", color="#8a4fd0")),
        technologies=(Technology(id="t", name="Fictional tech", area="a"),
                      Technology(id="u", name="Other fictional tech", area="b")),
        organizations=(Organization(id="o", name="Fictional Motors (example)"),),
        milestones=(Milestone(id="m1", title="Fictional pilot line", technology="t", organizations=("o",),
                              when="2026-2029", status="achieved"),
                    Milestone(id="m2", title="Fictional mass production", technology="u", organizations=("o",),
                              when="2029", status="forecast")),
    )


def _one_row() -> Roadmap:
    rm = _two_lanes()
    return Roadmap(areas=rm.areas[:1], technologies=rm.technologies[:1], organizations=rm.organizations,
                   milestones=rm.milestones[:1])


def pixels(img: QtGui.QImage) -> np.ndarray:
    img = img.convertToFormat(QtGui.QImage.Format_RGB888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), np.uint8, count=bpl * h).reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).astype(np.int16)


def longest_run(column: np.ndarray) -> tuple[int, int]:
    """(start, length) of the longest run of True in ``column``."""
    best, start = (0, 0), None
    for i, v in enumerate(np.append(column, False).tolist()):
        if v and start is None:
            start = i
        elif not v and start is not None:
            if i - start > best[1]:
                best = (start, i - start)
            start = None
    return best


def _near(px: np.ndarray, rgb, tol: int = 40) -> np.ndarray:
    return np.abs(px - np.asarray(rgb)).sum(axis=2) < tol


def measure(img: QtGui.QImage, scale: float) -> dict:
    """What the picture shows: the lane strip's extent (the lanes' height), the green bar's height and centre."""
    px = pixels(img)
    h = px.shape[0]
    bg = px[2, 2]  # the page's top-left corner is background
    strip_x = int(round(26 * scale))  # inside the lane strip (STRIP_PX wide, at the left margin)
    top, length = longest_run(np.abs(px[:, strip_x] - bg).sum(axis=1) > 30)
    green = _near(px, GREEN)
    green[:, : int(300 * scale)] = False  # leave out the strip and the legend swatch
    runs = [longest_run(green[:, x]) for x in range(int(300 * scale), img.width(), max(1, int(scale)))]
    bar_top, bar_h = max(runs, key=lambda r: r[1])
    return {"lanes_top": top, "lanes_h": length, "bar_h": bar_h, "bar_mid": bar_top + bar_h / 2, "h": h}


# -- the rules ---------------------------------------------------------------------------
def test_bars_keep_a_readable_height_and_the_app_keeps_its_bars():
    assert bar_px(ROW_PX) == round(ROW_PX * 0.62)  # the app's rows: bars as before
    assert bar_px(48) == 30  # twice the app's rows: as before
    assert bar_px(400) == BAR_MAX_PX and bar_px(400, 2.0) == 2 * BAR_MAX_PX  # a tall row: a capped bar
    assert bar_px(2) == 1


def test_few_rows_share_the_room_one_row_at_most_its_share():
    assert fit_rows(840, 2) == (420, MAX_FILL_TEXT_ZOOM)
    assert fit_rows(840, 1)[0] == 840 * MAX_ROW_SHARE
    assert fit_rows(840, 1, page_room=1200)[0] == 600  # the share is of the room lanes and band share
    assert fit_rows(840, 70) == (12, 1.0)  # many rows: thinner than the app's, text as usual
    plot_h, band_h = split_plot_room(900, 2, 56)
    assert plot_h == 900 and band_h == 0  # no band: two rows fill the room
    plot_h, band_h = split_plot_room(900, 1, 56)
    assert plot_h == pytest.approx(56 + 900 * MAX_ROW_SHARE)
    assert chart_offset(900, plot_h) == pytest.approx((900 - plot_h) / 2) and chart_offset(900, 950) == 0


def test_a_band_takes_room_few_lanes_leave_but_the_lanes_keep_roomy_rows():
    plot_h, band_h = split_plot_room(900, 2, 56, band_min=140)
    assert band_h == pytest.approx(900 * MAX_BAND_SHARE)
    assert plot_h + 6 + band_h == pytest.approx(900)  # together they fill the room
    plot_h, band_h = split_plot_room(900, 6, 56, band_min=140)  # six rows: rows stay roomy, the band yields
    assert (plot_h - 56) / 6 >= ROOMY_ROW_PX and band_h < 900 * MAX_BAND_SHARE
    plot_h, band_h = split_plot_room(900, 1, 56, band_min=140)  # one row: lanes and band (nearly) fill the room
    assert plot_h + 6 + band_h >= 0.95 * 900 and band_h <= 900 * MAX_BAND_SHARE + 1


# -- the picture -------------------------------------------------------------------------
@pytest.mark.parametrize("size, theme", [(s, "light") for s in SIZES] + [("slide", "dark"), ("A4", "dark")])
def test_two_lanes_fill_the_page_with_bars_of_a_readable_height(qapp, size, theme):
    w, h, dpi = SIZES[size]
    req = ExportRequest(width=w, height=h, dpi=dpi, theme=theme)
    scale = req.geometry.scale
    m = measure(render_image(_two_lanes(), req), scale)
    # the lanes reach from under the title to the legend: 85% of the page (they took 19% before)
    assert m["lanes_h"] >= 0.8 * h, m
    assert m["lanes_top"] + m["lanes_h"] >= 0.9 * h, m
    # the bar keeps a readable height in its tall row, and sits in the middle of the upper lane
    assert 0.8 * BAR_MAX_PX * scale <= m["bar_h"] <= BAR_MAX_PX * scale + 1, m
    assert m["bar_mid"] == pytest.approx(m["lanes_top"] + m["lanes_h"] / 4, abs=0.02 * h), m
    page = _Page(_two_lanes(), req)
    assert page.lane_theme.label_px == round(page.theme.label_px * MAX_FILL_TEXT_ZOOM)  # text grows, moderately
    assert page.lane_theme.label_px < page.theme.title_px


def test_the_measure_sees_a_half_empty_page(qapp, monkeypatch):
    """The guard is not trivially true: rows capped at twice the app's (the old rule) leave the page empty."""
    from nevroadmap.render import export

    monkeypatch.setattr(export, "split_plot_room", lambda room, n, axes_h, band_min=None, **kw: (axes_h + n * 2 * ROW_PX, 0.0))
    monkeypatch.setattr(export, "chart_offset", lambda room, used: 0.0)
    m = measure(render_image(_two_lanes(), ExportRequest()), 1.0)
    assert m["lanes_h"] < 0.2 * 1080 and m["lanes_top"] + m["lanes_h"] < 0.3 * 1080, m


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_4k_slide_of_few_lanes_is_the_full_hd_slide_at_2x(qapp, theme):
    one = render_image(_two_lanes(), ExportRequest(theme=theme))
    two = render_image(_two_lanes(), ExportRequest(width=3840, height=2160, dpi=192, theme=theme))
    a = pixels(one.scaled(480, 270, QtCore.Qt.IgnoreAspectRatio, QtCore.Qt.SmoothTransformation))
    b = pixels(two.scaled(480, 270, QtCore.Qt.IgnoreAspectRatio, QtCore.Qt.SmoothTransformation))
    assert float(np.abs(a - b).mean()) < 1.5
    m1, m2 = measure(one, 1.0), measure(two, 2.0)
    assert m2["lanes_h"] == pytest.approx(2 * m1["lanes_h"], abs=3) and m2["bar_h"] == pytest.approx(2 * m1["bar_h"], abs=2)


def test_one_row_takes_half_the_room_and_the_chart_is_centred(qapp):
    page = _Page(_one_row(), ExportRequest())
    room_top = page.sub_rect.bottom() + 10
    room_bottom = page.attr_rect.top() - 6
    above = page.plot_rect.top() - room_top
    below = room_bottom - page.legend_rect.bottom()
    assert above == pytest.approx(below, abs=12) and above > 100  # centred, not stuck at the top
    axes_h = 2 * (page.theme.axis_px + 14)
    assert page.plot_rect.height() - axes_h <= MAX_ROW_SHARE * (room_bottom - room_top) + 1


def _mask(roadmap, keep) -> np.ndarray:
    return np.fromiter((bool(keep(m)) for m in roadmap.milestones), bool, len(roadmap.milestones))


def _in_order(*rects) -> None:
    rects = [r for r in rects if r is not None]
    for a, b in zip(rects, rects[1:]):
        assert a.bottom() <= b.top() + 0.5, (a, b)


@pytest.mark.parametrize("size", ["slide", "A4"])
def test_a_metric_band_and_footnotes_share_the_page_of_few_lanes(qapp, bundled, size):
    w, h, dpi = SIZES[size]
    mask = _mask(bundled, lambda m: m.technology == "nev-penetration")
    req = ExportRequest(width=w, height=h, dpi=dpi, mask=mask, metric="NEV penetration rate", footnotes=True)
    page = _Page(bundled, req)
    rows = page.layout.n_rows
    axes_h = 2 * (page.theme.axis_px + 14)
    assert rows <= 3 and (page.plot_rect.height() - axes_h) / rows >= ROOMY_ROW_PX
    room = page.legend_rect.top() - 10 - page.plot_rect.top()
    assert page.band_rect.height() > 0.25 * room  # more than its usual fifth
    assert page.band_rect.height() <= MAX_BAND_SHARE * (room + 8) + 1
    _in_order(page.sub_rect, page.plot_rect, page.band_rect, page.legend_rect, page.notes_rect, page.attr_rect)
    assert page.legend_rect.bottom() >= page.notes_rect.top() - 30  # nothing left empty between them
    assert page.attr_rect.bottom() <= page.h


def test_a_full_page_is_as_it_was(qapp, bundled):
    page = _Page(bundled, ExportRequest())
    axes_h = 2 * (page.theme.axis_px + 14)
    assert (page.plot_rect.height() - axes_h) / page.layout.n_rows <= ROW_PX
    assert page.lane_theme == page.theme
    assert page.plot_rect.top() == pytest.approx(page.sub_rect.bottom() + 10)  # no offset: the lanes fill the room
    few = _Page(bundled, ExportRequest(mask=_mask(bundled, lambda m: "byd" in m.organizations)))
    assert few.plot_rect.top() == page.plot_rect.top()  # few lanes start where many do...
    for p in (page, few):  # ...and reach down to the legend, as many do
        assert p.attr_rect.top() - p.legend_rect.bottom() < 20


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return [t for el in root.iter() if el.tag.endswith("text") for t in [("".join(el.itertext())).strip()] if t]


def test_grown_labels_and_lane_names_stay_whole(qapp, bundled, tmp_path):
    byd = _mask(bundled, lambda m: "byd" in m.organizations)
    out = tmp_path / "byd.svg"
    export_roadmap(bundled, out, ExportRequest(mask=byd))
    texts = svg_texts(out)
    for m in np.asarray(bundled.milestones, dtype=object)[byd]:
        assert m.title in texts  # every label whole, at its grown size
    assert "Solid-state batteries" in texts and "Active body control" in texts
    page = _Page(bundled, ExportRequest(mask=byd))
    assert page.lane_theme.lane_px > page.theme.lane_px
    # grouped by company: a lane name that fits whole at the usual size stays whole (another is too long anyway)
    nio = _mask(bundled, lambda m: "nio" in m.organizations)
    out = tmp_path / "nio.svg"
    export_roadmap(bundled, out, ExportRequest(mask=nio, group_by="company"))
    assert "World New Energy Vehicle Conference" in svg_texts(out)


def test_an_empty_band_keeps_its_least_height_and_the_lanes_take_the_rest(qapp, bundled):
    from nevroadmap.render.evidence_page import band_min_height

    mask = _mask(bundled, lambda m: m.technology == "solid-state-battery")  # no penetration figures behind these
    page = _Page(bundled, ExportRequest(mask=mask, metric="NEV penetration rate"))
    assert page.layout.n_rows >= 3 and not page.band.rows
    assert page.band_rect.height() == pytest.approx(band_min_height(page.theme))
    assert page.attr_rect.top() - page.legend_rect.bottom() < 20  # no room left over
    full = _Page(bundled, ExportRequest(mask=_mask(bundled, lambda m: m.technology == "nev-penetration"),
                                        metric="NEV penetration rate"))
    assert full.band.rows and full.band_rect.height() > 2 * band_min_height(full.theme)
