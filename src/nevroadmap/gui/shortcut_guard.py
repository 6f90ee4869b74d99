"""Window shortcuts that work in text fields too: ``Ctrl+E`` exports while the search box has the focus.

A text field claims some key combinations for editing through a
``ShortcutOverride`` event (with an Emacs-like key scheme, as on some Linux
desktops, ``Ctrl+E`` is "end of line"); a claimed key never reaches the
window's action.  :class:`TextFieldShortcutGuard` lets exactly the window's
modifier shortcuts through and leaves every other key to the field.
Single keys (``F``, ``+``, arrows) need no guard: they are timeline-only
actions (see :mod:`nevroadmap.gui.actions`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

__all__ = ["TextFieldShortcutGuard", "guard_text_fields", "TEXT_FIELDS"]

class TextFieldShortcutGuard(QObject):
    """An event filter for text fields: the given modifier shortcuts are never claimed by the field."""

    def __init__(self, sequences: Iterable[QKeySequence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.combos = {seq[0].toCombined() for seq in sequences if seq.count() == 1}
        self.watched: list[QWidget] = []

    def watch(self, field: QWidget) -> None:
        field.installEventFilter(self)
        self.watched.append(field)

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 (Qt override)
        if ev.type() == QEvent.Type.ShortcutOverride:
            mods = ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                       | Qt.KeyboardModifier.MetaModifier):
                combo = (mods.value if hasattr(mods, "value") else int(mods)) | ev.key()
                if combo in self.combos:
                    ev.ignore()
                    return True  # not claimed: the shortcut map triggers the action
        return False


TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


def guard_text_fields(root: QWidget, actions: Iterable[QAction]) -> TextFieldShortcutGuard:
    """Install one :class:`TextFieldShortcutGuard` for the window-level ``actions`` on every text field in ``root``."""
    seqs = [k for a in actions if a.shortcutContext() == Qt.ShortcutContext.WindowShortcut for k in a.shortcuts()]
    guard = TextFieldShortcutGuard(seqs, root)
    for cls in TEXT_FIELDS:
        for w in root.findChildren(cls):
            guard.watch(w)
    return guard
