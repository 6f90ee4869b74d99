"""Light and dark Qt palettes, matched to the timeline's render themes, and the system's choice.

The theme *mode* the user picks is ``system``, ``light`` or ``dark``; the
``system`` mode follows the desktop's colour scheme
(``QStyleHints.colorScheme``, Qt 6.5+) and :func:`resolve_theme` turns a mode
and a scheme into the theme drawn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from nevroadmap.core.loader import bundled_resources_path
from nevroadmap.render.theme import get_theme

__all__ = ["make_palette", "apply_theme", "THEME_NAMES", "THEME_MODES", "resolve_theme", "system_scheme"]

THEME_NAMES = ("light", "dark")
THEME_MODES = ("system", "light", "dark")


def system_scheme() -> Qt.ColorScheme:
    """The desktop's colour scheme (Unknown where the platform does not say, or before Qt 6.5)."""
    app = QGuiApplication.instance()
    hints = QGuiApplication.styleHints() if app is not None else None
    getter = getattr(hints, "colorScheme", None)
    return getter() if getter is not None else Qt.ColorScheme.Unknown


def resolve_theme(mode: str, scheme: Qt.ColorScheme | None = None) -> str:
    """The theme drawn for a mode: ``light``/``dark`` as asked; ``system`` after the desktop (light if unknown)."""
    if mode in THEME_NAMES:
        return mode
    scheme = system_scheme() if scheme is None else scheme
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def make_palette(name: str) -> QPalette:
    t = get_theme(name)
    style = QStyleFactory.create("Fusion")
    pal = QPalette(style.standardPalette()) if style is not None else QPalette()
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    if name == "dark":
        colors = {
            R.Window: "#1e232b", R.WindowText: t.foreground, R.Base: t.background, R.AlternateBase: "#1c2129",
            R.ToolTipBase: "#2b3038", R.ToolTipText: t.foreground, R.PlaceholderText: "#7d8794",
            R.Text: t.foreground, R.Button: "#272d36", R.ButtonText: t.foreground, R.BrightText: "#ff6b6b",
            R.Light: "#3a424e", R.Midlight: "#313843", R.Mid: "#2a3039", R.Dark: "#12161b", R.Shadow: "#000000",
            R.Highlight: "#2f6db5", R.HighlightedText: "#ffffff", R.Link: "#6cb4ff", R.LinkVisited: "#b19cf0",
        }
        for role, c in colors.items():
            pal.setColor(G.All, role, QColor(c))
        for role in (R.WindowText, R.Text, R.ButtonText):
            pal.setColor(G.Disabled, role, QColor("#6b7480"))
    else:
        pal.setColor(G.All, R.Base, QColor(t.background))
        pal.setColor(G.All, R.Text, QColor(t.foreground))
        pal.setColor(G.All, R.WindowText, QColor(t.foreground))
        pal.setColor(G.All, R.Link, QColor("#0b62c4"))
        pal.setColor(G.All, R.Highlight, QColor("#2f6db5"))
        pal.setColor(G.All, R.HighlightedText, QColor("#ffffff"))
    return pal


def style_sheet(name: str) -> str:
    """Extra styling for the dark theme: Fusion draws check box outlines, spin box,
    scroll bar and tree arrows darker than the window, which vanish on a dark background."""
    if name != "dark":
        return ""
    icons = (bundled_resources_path() / "icons").as_posix()
    return f"""
QCheckBox::indicator, QAbstractItemView::indicator, QGroupBox::indicator {{
    width: 13px; height: 13px; border: 1px solid #8b95a3; border-radius: 3px; background: #15191f; }}
QCheckBox::indicator:hover, QAbstractItemView::indicator:hover {{ border-color: #c5ccd6; }}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{
    background: #2f6db5; border-color: #5b93d6; image: url("{icons}/check.svg"); }}
QCheckBox::indicator:indeterminate, QAbstractItemView::indicator:indeterminate {{
    background: #2f6db5; border-color: #5b93d6; image: url("{icons}/partial.svg"); }}
QCheckBox::indicator:disabled {{ border-color: #4a525e; }}
QRadioButton::indicator {{ width: 13px; height: 13px; border: 1px solid #8b95a3; border-radius: 7px; background: #15191f; }}
QRadioButton::indicator:checked {{ background: #2f6db5; border-color: #5b93d6; image: url("{icons}/dot.svg"); }}
QAbstractSpinBox {{ background: #15191f; border: 1px solid #4a525e; border-radius: 3px;
    padding: 2px 18px 2px 4px; }}
QAbstractSpinBox:focus {{ border-color: #5b93d6; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 16px; background: #2a313b; border-left: 1px solid #4a525e; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 3px; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 3px; }}
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{ background: #3a424e; }}
QAbstractSpinBox::up-arrow {{ image: url("{icons}/arrow-up-light.svg"); width: 10px; height: 10px; }}
QAbstractSpinBox::down-arrow {{ image: url("{icons}/arrow-down-light.svg"); width: 10px; height: 10px; }}
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off {{ image: url("{icons}/arrow-up-dim.svg"); }}
QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off {{
    image: url("{icons}/arrow-down-dim.svg"); }}
QScrollBar::up-arrow:vertical {{ image: url("{icons}/arrow-up-light.svg"); width: 9px; height: 9px; }}
QScrollBar::down-arrow:vertical {{ image: url("{icons}/arrow-down-light.svg"); width: 9px; height: 9px; }}
QTreeView::branch:closed:has-children {{ image: url("{icons}/arrow-right-light.svg"); }}
QTreeView::branch:open:has-children {{ image: url("{icons}/arrow-down-light.svg"); }}
"""


def apply_theme(name: str) -> None:
    """Use the Fusion style (the same look on every platform) with the named palette."""
    app = QApplication.instance()
    if app is None:
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(make_palette(name))
    app.setStyleSheet(style_sheet(name))
