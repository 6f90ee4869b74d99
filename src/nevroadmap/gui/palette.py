"""Light and dark Qt palettes, matched to the timeline's render themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

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


def apply_theme(name: str) -> None:
    """Use the Fusion style (the same look on every platform) with the named palette."""
    app = QApplication.instance()
    if app is None:
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(make_palette(name))
