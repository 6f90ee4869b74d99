"""Toolbar and app icons, drawn from the SVG files in ``resources/icons``.

Toolbar icons use ``currentColor`` so they are recoloured to the palette's
text colour (readable in light and dark themes).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from nevroadmap.core.loader import bundled_resources_path

__all__ = ["icon", "app_icon", "icon_path"]


def icon_path(name: str):
    return bundled_resources_path() / "icons" / f"{name}.svg"


@lru_cache(maxsize=64)
def _svg(name: str) -> str:
    try:
        return icon_path(name).read_text(encoding="utf-8")
    except OSError:
        return ""


def _render(svg: str, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if renderer.isValid():
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p, QRectF(0, 0, size, size))
        p.end()
    return pm


def icon(name: str, color: str = "#1d232b", disabled: str = "#9aa3ae") -> QIcon:
    """A toolbar icon in ``color`` (and a greyed version for disabled actions)."""
    svg = _svg(name)
    out = QIcon()
    if not svg:
        return out
    for size in (16, 20, 24, 32, 48):
        out.addPixmap(_render(svg.replace("currentColor", color), size), QIcon.Mode.Normal)
        out.addPixmap(_render(svg.replace("currentColor", disabled), size), QIcon.Mode.Disabled)
    return out


def app_icon() -> QIcon:
    svg = _svg("nevroadmap")
    out = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        out.addPixmap(_render(svg, size))
    return out
