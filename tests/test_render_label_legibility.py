"""Labels stay legible: the today line breaks behind a label it crosses, and a label inside a hatched bar
sits on a box of the bar's plain fill (no hatch lines through the text), light and dark."""

import numpy as np
import pytest
from PySide6 import QtGui

from nevroadmap.core.glyphs import ROW_PX
from nevroadmap.core.layout import LayoutEngine
from nevroadmap.core.model import Area, Milestone, Organization, Roadmap, Technology
from nevroadmap.render.frame_plan import Geometry
from nevroadmap.render.theme import get_theme, status_style
from nevroadmap.render.timeline_item import TimelineItem


def _roadmap(status: str, when: str, title: str) -> Roadmap:
    return Roadmap(
        areas=(Area(id="a", name="Fictional area", color="#b3b8bf"),),
        technologies=(Technology(id="t", name="Fictional tech", area="a"),),
        organizations=(Organization(id="o", name="Fictional Motors (invented)"),),
        milestones=(Milestone(id="m", title=title, technology="t", organizations=("o",), when=when, status=status),),
    )


def _paint(item: TimelineItem, t0: float, t1: float, w: int = 800, h: int = 3 * ROW_PX):
    img = QtGui.QImage(w, h, QtGui.QImage.Format_ARGB32)
    img.fill(QtGui.QColor(item.theme.background))
    g = Geometry(w / (t1 - t0), -t0 * w / (t1 - t0), ROW_PX, 0.0, 1.0)
    p = QtGui.QPainter(img)
    frame = item.paint_frame(p, t0, t1, 0.0, h / ROW_PX, g)
    p.end()
    arr = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(h, w, 4)[:, :, 2::-1].astype(int)
    return arr, frame, g


def _is(arr, color: QtGui.QColor, tol: int = 30) -> np.ndarray:
    return np.abs(arr - np.array([color.red(), color.green(), color.blue()])).max(axis=-1) <= tol


def test_the_today_line_breaks_behind_a_label_it_crosses(qapp):
    rm = _roadmap("announced", "2026-01-01", "Fictional Motors announce a very long fictional milestone title")
    item = TimelineItem(rm, LayoutEngine(rm).layout("technology"))
    arr, frame, g = _paint(item, 2025.0, 2030.0)
    (_e, x, yb, _text, inside, w), = frame.labels
    assert not inside
    item.today = 2025.0 + (x + w / 2) / g.sx  # the middle of the label
    arr, frame, g = _paint(item, 2025.0, 2030.0)
    tx = int(round(g.x(item.today)))
    red = _is(arr[:, tx - 1: tx + 2], QtGui.QColor(item.theme.today)).any(axis=1)
    fm = QtGui.QFontMetricsF(item.painter.label_font(g))
    text_rows = np.arange(int(yb - fm.ascent()), int(yb + fm.descent()))
    assert not red[text_rows].any()  # no red through the text
    assert red.sum() >= 2 * ROW_PX - 4  # but the line is there above and below it


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_label_inside_a_hatched_bar_sits_on_the_plain_fill(qapp, theme):
    rm = _roadmap("forecast", "2026-2029", "Fictional forecast")
    item = TimelineItem(rm, LayoutEngine(rm).layout("technology"), theme)
    item.today = None
    arr, frame, g = _paint(item, 2025.0, 2032.0)
    (_e, x, yb, _text, inside, w), = frame.labels
    assert inside
    style = status_style(get_theme(theme), "#b3b8bf", 3)
    fill = style.fill.color()
    fm = QtGui.QFontMetricsF(item.painter.label_font(g))
    # the title has no descenders: below the baseline the box shows nothing but the plain fill
    under = arr[int(yb) + 1: int(yb + fm.descent()) + 1, int(x): int(x + w)]
    assert under.size and _is(under, fill, 8).all()
    behind = arr[int(yb) + 1: int(yb + fm.descent()) + 1, int(x + w) + 8: int(x + w) + 60]
    assert not _is(behind, fill, 8).all()  # past the label the hatch is still drawn
