"""Exports of few lanes fill their page: rows grow to share its room, the lane text moderately
with them (one rule: render.page.fit_rows); many lanes keep the usual text (tests/test_page_fill.py: the picture)."""

import pytest

from nevroadmap.core.glyphs import ROW_PX
from nevroadmap.core.model import Area, Milestone, Organization, Roadmap, Technology
from nevroadmap.render.export import ExportRequest, _Page
from nevroadmap.render.page import MAX_FILL_TEXT_ZOOM, MAX_ROW_SHARE, TEXT_GROWTH, fit_rows


def test_fit_rows_grows_few_rows_and_their_text_up_to_a_cap():
    assert fit_rows(2400, 100) == (24.0, 1.0)  # rows as in the app: text as in the app
    assert fit_rows(1200, 100) == (12.0, 1.0)  # many rows share the room; text never shrinks here
    row, zoom = fit_rows(900, 3)
    assert row == 300 and zoom == MAX_FILL_TEXT_ZOOM  # few rows share the room; the text grows to its cap
    assert fit_rows(900, 1)[0] == 900 * MAX_ROW_SHARE  # one row: at most its share
    row, zoom = fit_rows(36 * 4, 4)
    assert row == 36 and 1.0 < zoom < 1 + TEXT_GROWTH


def _small() -> Roadmap:
    return Roadmap(
        areas=(Area(id="a", name="Fictional area", color="#2060c0"),),
        technologies=(Technology(id="t", name="Fictional tech", area="a"),),
        organizations=(Organization(id="o", name="Fictional Motors (invented)"),),
        milestones=(Milestone(id="m1", title="Fictional pilot line", technology="t", organizations=("o",), when="2027",
                              status="planned"),
                    Milestone(id="m2", title="Fictional mass production", technology="t", organizations=("o",),
                              when="2029", status="forecast")),
    )


def test_a_page_of_few_lanes_grows_rows_and_text(qapp, bundled):
    few = _Page(_small(), ExportRequest())
    rows = few.layout.n_rows
    axes_h = 2 * (few.theme.axis_px + 14)
    assert (few.plot_rect.height() - axes_h) / rows > ROW_PX * 4
    assert few.lane_theme.label_px > few.theme.label_px and few.lane_theme.lane_px > few.theme.lane_px
    full = _Page(bundled, ExportRequest())
    assert full.lane_theme.label_px == full.theme.label_px  # a full page: the usual text
    assert (full.plot_rect.height() - axes_h) / full.layout.n_rows <= ROW_PX
