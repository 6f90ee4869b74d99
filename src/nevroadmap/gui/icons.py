"""Toolbar and app icons, drawn from the SVG files in ``resources/icons``.

Toolbar icons use ``currentColor`` so they are recoloured to the palette's
text colour (readable in light and dark themes).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from nevroadmap.core.loader import bundled_resources_path

__all__ = ["icon", "app_icon", "app_icon_files", "icon_path", "APP_ICON_SIZES"]


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


APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon_files() -> dict[int, object]:
    """The rendered application icons (``tools/make_icons.py``) by size: the hicolor theme layout."""
    root = bundled_resources_path() / "icons" / "hicolor"
    found = {s: root / f"{s}x{s}" / "apps" / "nevroadmap.png" for s in APP_ICON_SIZES}
    return {s: p for s, p in found.items() if p.is_file()}


def app_icon() -> QIcon:
    """The window and application icon: the committed PNGs, or the SVG drawn at each size."""
    out = QIcon()
    files = app_icon_files()
    svg = _svg("nevroadmap")
    for size in APP_ICON_SIZES:
        if size in files:
            out.addFile(str(files[size]), QSize(size, size))
        elif svg:
            out.addPixmap(_render(svg, size))
    return out
