"""The dialog listing every problem of a dataset that could not be opened."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from nevroadmap.gui.language import ensure_language

__all__ = ["ProblemsDialog"]


class ProblemsDialog(QDialog):
    """Every ``file:line: message``, selectable and copyable; never blocks by itself.

    Show it with ``open()`` (window-modal, returns at once) or ``show()``.
    """

    def __init__(self, path: str, problems: Sequence[object], parent: QWidget | None = None,
                 kept_note: str | None = None) -> None:
        ensure_language()  # before the widget exists: installing sends every widget LanguageChange
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.path = path
        self.kept_note = kept_note
        self.problems = [str(p) for p in problems]
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # long messages stay readable
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText("\n".join(self.problems))
        lay.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.retranslate()
        self.resize(760, 360)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Problems in the data"))
        found = self.tr("%n problem(s) found in %1; nothing was loaded.", "", len(self.problems))
        note = self.kept_note if self.kept_note is not None else self.tr("The roadmap shown was not changed.")
        fix = self.tr("Fix the lines below and reload (F5).")
        self.summary.setText(f"<b>{_esc(found.replace('%1', self.path))}</b><br>{_esc(note)} {_esc(fix)}")
        self.copy_button.setText(self.tr("Copy all"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "copy_button"):
            self.retranslate()
        super().changeEvent(event)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())


def _esc(s: str) -> str:
    import html

    return html.escape(str(s), quote=True)
