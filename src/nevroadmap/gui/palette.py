"""Light and dark Qt palettes, matched to the timeline's render themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from nevroadmap.core.loader import bundled_resources_path
from nevroadmap.render.theme import get_theme

__all__ = ["make_palette", "apply_theme", "THEME_NAMES"]

THEME_NAMES = ("light", "dark")


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
    """Extra styling for the dark theme: Fusion draws check box outlines darker
    than the window, which vanish on a dark background."""
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
