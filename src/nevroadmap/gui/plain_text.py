"""Text from a data file reaches a widget as plain text, never as markup.

Qt guesses whether a string is rich text (``Qt::mightBeRichText``) for
tooltips, labels and message boxes; an organization named ``<img src=...>``
would otherwise load a local file into a tooltip.  Every widget that shows
data text goes through one of these:

* :func:`plain_tooltip` - a tooltip: the text escaped inside our own
  paragraph, so Qt renders exactly the characters given (line breaks kept);
  the rule lives in :mod:`nevroadmap.render.tooltips` so graphics items
  (timeline, metrics pane) use it too;
* :func:`set_plain_label` - a label set to ``Qt.PlainText`` before its text;
* :func:`plain_message_box` - a message box whose text is plain.

The details panel is HTML built by :mod:`nevroadmap.gui.details_html`, which
escapes every data string itself; item texts of lists and trees and window
titles are always plain in Qt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from nevroadmap.render.tooltips import TOOLTIP_LIMIT, plain_tooltip

__all__ = ["plain_tooltip", "set_plain_label", "plain_message_box", "TOOLTIP_LIMIT"]

def set_plain_label(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` as plain text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_message_box(icon: QMessageBox.Icon, title: str, text: str,
                      buttons: QMessageBox.StandardButton, parent: QWidget | None = None) -> QMessageBox:
    """A message box whose text (which may quote data or a file name) is plain text."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
