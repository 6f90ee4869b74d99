"""Colours, fonts and status styles shared by the app, the legend and the exporter.

Status is readable at a glance and drawn the same way everywhere:

========== ===============================================================
achieved   solid fill in the lane colour
announced  lighter solid fill with a solid outline
planned    light dotted fill with a solid outline
forecast   very light hatched fill with a dashed outline
========== ===============================================================

Uncertainty glyphs: an open end (``2030+``) fades out to the right, an
approximate date (``~2027``) has soft ends, a deadline (``by 2026``) is a
fading stem ending in a tick, a single date is a diamond.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6 import QtCore, QtGui

from nevroadmap.render.fonts import family_for

__all__ = ["Theme", "THEMES", "get_theme", "StatusStyle", "status_style", "mix", "STATUS_LABELS"]

STATUS_LABELS = ("Achieved", "Announced", "Planned", "Forecast")  # same order as core.model.STATUS_ORDER


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    muted: str  # secondary text (axis, filter line, attribution)
    grid: str
    grid_major: str
    band_even: str
    band_odd: str
    separator: str
    group_separator: str
    today: str
    selection: str
    hover: str
    text_on_dark: str
    text_on_light: str
    font_family: str = "DejaVu Sans"
    label_px: int = 12  # milestone labels
    axis_px: int = 12
    lane_px: int = 12
    title_px: int = 26
    subtitle_px: int = 14
    small_px: int = 11
    # status -> (fill mix towards background, outline width, dashed, hatched, fade alpha)
    status_mix: tuple[float, ...] = (0.0, 0.45, 0.80, 0.90)

    def font(self, px: float, bold: bool = False) -> QtGui.QFont:
        f = QtGui.QFont(family_for(self.font_family))  # a family with the glyphs of the interface language
        f.setPixelSize(max(1, int(round(px))))
        f.setBold(bold)
        f.setHintingPreference(QtGui.QFont.PreferNoHinting)
        return f

    def color(self, name: str) -> QtGui.QColor:
        return QtGui.QColor(getattr(self, name))


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light", background="#ffffff", foreground="#1d232b", muted="#5b6470", grid="#e9ecf0",
        grid_major="#d3d8df", band_even="#ffffff", band_odd="#f4f6f9", separator="#e1e5ea",
        group_separator="#9aa3ae", today="#d62728", selection="#ff7f0e", hover="#1d232b",
        text_on_dark="#ffffff", text_on_light="#1d232b",
    ),
    "dark": Theme(
        name="dark", background="#15191f", foreground="#e6e9ee", muted="#a3abb6", grid="#232932",
        grid_major="#323a45", band_even="#15191f", band_odd="#1c2129", separator="#2a313b",
        group_separator="#5d6775", today="#ff5c5c", selection="#ffb347", hover="#ffffff",
        text_on_dark="#ffffff", text_on_light="#111418",
        status_mix=(0.0, 0.40, 0.72, 0.86),
    ),
}


def get_theme(name: str | Theme) -> Theme:
    if isinstance(name, Theme):
        return name
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; expected one of {', '.join(THEMES)}") from None


def mix(a: QtGui.QColor, b: QtGui.QColor, t: float) -> QtGui.QColor:
    """``a`` moved a fraction ``t`` towards ``b``."""
    return QtGui.QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


def _luminance(c: QtGui.QColor) -> float:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


@dataclass(frozen=True)
class StatusStyle:
    """How one (lane colour, status) pair is painted, in device pixels."""

    fill: QtGui.QBrush
    hatch: QtGui.QBrush | None
    pen: QtGui.QPen
    fade: QtGui.QColor  # start colour of open-end fades and soft edges
    text_inside: QtGui.QColor  # label colour on the fill


@lru_cache(maxsize=4096)
def status_style(theme: Theme, color: str, status: int, scale: float = 1.0) -> StatusStyle:
    base = QtGui.QColor(color)
    bg = QtGui.QColor(theme.background)
    fill = mix(base, bg, theme.status_mix[status])
    outline = base if theme.name == "light" else base.lighter(115)
    if status == 0:
        pen = QtGui.QPen(base.darker(125) if theme.name == "light" else base.lighter(120))
        pen.setWidthF(1.0 * scale)
    else:
        pen = QtGui.QPen(outline)
        pen.setWidthF((1.6 if status == 1 else 1.4) * scale)
    if status == 3:
        # one (scaled) pixel wide: Qt strokes 1 px dashes on its fast path; a 1.4 px dashed
        # outline is stroked as a path, ~20x slower, and costs milliseconds per long bar
        pen.setWidthF(1.0 * scale)
        pen.setStyle(QtCore.Qt.CustomDashLine)
        pen.setDashPattern([4.0, 2.0])
    pen.setJoinStyle(QtCore.Qt.MiterJoin)
    pen.setCosmetic(False)
    # a texture per status, so that status never rests on colour alone (grey print, colour-blind
    # eyes): planned is dotted, forecast hatched (and its outline dashed)
    hatch = None
    if status == 2:
        hc = QtGui.QColor(base)
        hc.setAlpha(200)
        hatch = QtGui.QBrush(hc, QtCore.Qt.Dense7Pattern)
    elif status == 3:
        hc = QtGui.QColor(base)
        hc.setAlpha(110)
        hatch = QtGui.QBrush(hc, QtCore.Qt.BDiagPattern)
    fade = QtGui.QColor(base)
    fade.setAlpha((235, 190, 150, 110)[status])
    text = QtGui.QColor(theme.text_on_dark if _luminance(fill) < 0.55 else theme.text_on_light)
    return StatusStyle(QtGui.QBrush(fill), hatch, pen, fade, text)


def fade_brush(color: QtGui.QColor, fade_in: bool) -> QtGui.QBrush:
    """A left-to-right fade of ``color`` to transparent (or in from it): open ends, soft edges."""
    grad = QtGui.QLinearGradient(0, 0, 1, 0)
    grad.setCoordinateMode(QtGui.QGradient.ObjectMode)
    clear = QtGui.QColor(color)
    clear.setAlpha(0)
    grad.setColorAt(0, clear if fade_in else color)
    grad.setColorAt(1, color if fade_in else clear)
    return QtGui.QBrush(grad)


def _is_pdf(p: QtGui.QPainter) -> bool:
    engine = p.paintEngine()
    return engine is not None and engine.type() == QtGui.QPaintEngine.Type.Pdf


def fill_fade(p: QtGui.QPainter, rect: QtCore.QRectF, color: QtGui.QColor, fade_in: bool, background: str) -> None:
    """Fill ``rect`` with ``color`` fading out to the right (or in from the left).

    Qt's PDF engine drops the alpha of gradient stops, so there the fade runs to the
    opaque ``background`` instead (with the colour pre-blended by its own alpha).
    """
    if not _is_pdf(p):
        p.fillRect(rect, fade_brush(color, fade_in))
        return
    bg = QtGui.QColor(background)
    a = color.alphaF()
    solid = QtGui.QColor.fromRgbF(bg.redF() + (color.redF() - bg.redF()) * a,
                                  bg.greenF() + (color.greenF() - bg.greenF()) * a,
                                  bg.blueF() + (color.blueF() - bg.blueF()) * a)
    grad = QtGui.QLinearGradient(rect.left(), 0, rect.right(), 0)
    grad.setColorAt(0, bg if fade_in else solid)
    grad.setColorAt(1, solid if fade_in else bg)
    p.fillRect(rect, QtGui.QBrush(grad))
