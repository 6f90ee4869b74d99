"""Toolbar and app icons, drawn from the SVG files in ``resources/icons``.

Toolbar icons use ``currentColor`` so they are recoloured to the palette's
text colour (readable in light and dark themes).  They are drawn when Qt
first asks for a size (:class:`SvgIconEngine`), not for every size up front:
the window's start-up draws only the toolbar's one size.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from nevroadmap.core.loader import bundled_resources_path

__all__ = ["icon", "app_icon", "app_icon_files", "icon_path", "APP_ICON_SIZES", "ICON_SIZES", "SvgIconEngine"]

ICON_SIZES = (16, 20, 24, 32, 48)  # the sizes a toolbar icon lists (any other size is drawn as asked)


def icon_path(name: str):
    return bundled_resources_path() / "icons" / f"{name}.svg"


@lru_cache(maxsize=64)
def _svg(name: str) -> str:
    try:
        return icon_path(name).read_text(encoding="utf-8")
    except OSError:
        return ""


def _render(svg: str, size: int, height: int | None = None) -> QPixmap:
    pm = QPixmap(size, size if height is None else height)
    pm.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if renderer.isValid():
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p, QRectF(0, 0, pm.width(), pm.height()))
        p.end()
    return pm


_CLONES: list = []  # engines Qt asked to copy (it owns them; Python must not drop them first)


class SvgIconEngine(QIconEngine):
    """One SVG in two colours (normal, disabled), drawn per size on first use and kept."""

    def __init__(self, svg: str, color: str, disabled: str) -> None:
        super().__init__()
        self._svg, self._color, self._disabled = svg, color, disabled
        self._cache: dict[tuple, QPixmap] = {}

    def _pixmap(self, w: int, h: int, mode: QIcon.Mode) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (w, h, disabled)
        pm = self._cache.get(key)
        if pm is None:
            pm = _render(self._svg.replace("currentColor", self._disabled if disabled else self._color), w, h)
            self._cache[key] = pm
        return pm

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:  # noqa: ARG002
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802, ARG002
        w, h = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
        pm = QPixmap(self._pixmap(w, h, mode))  # a copy: the caller may change its ratio
        pm.setDevicePixelRatio(scale)
        if mode == QIcon.Mode.Selected:  # as Qt's own pixmap engine does for a mode it has no pixmap of
            from PySide6.QtWidgets import QApplication, QStyleOption

            style = QApplication.style() if QApplication.instance() is not None else None
            if style is not None:
                pm = style.generatedIconPixmap(mode, pm, QStyleOption())
        return pm

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, dpr))

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,  # noqa: N802
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:  # noqa: ARG002
        return [QSize(s, s) for s in ICON_SIZES]

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802, ARG002
        side = min(size.width(), size.height())  # square, within the size asked
        return QSize(side, side)

    def key(self) -> str:
        return "nevroadmap-svg"

    def clone(self) -> QIconEngine:
        twin = SvgIconEngine(self._svg, self._color, self._disabled)
        _CLONES.append(twin)
        return twin


@lru_cache(maxsize=256)
def icon(name: str, color: str = "#1d232b", disabled: str = "#9aa3ae") -> QIcon:
    """A toolbar icon in ``color`` (and a greyed version for disabled actions).

    Cached: one icon (and its engine) per name and colours, shared by every action
    showing it; a theme change asks for the other colours.
    """
    svg = _svg(name)
    if not svg:
        return QIcon()
    return QIcon(SvgIconEngine(svg, color, disabled))


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
