"""The dialog listing every problem of a dataset that could not be opened."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

__all__ = ["ProblemsDialog"]


class ProblemsDialog(QDialog):
    """Every ``file:line: message``, selectable and copyable; never blocks by itself.

    Show it with ``open()`` (window-modal, returns at once) or ``show()``.
    """

    def __init__(self, path: str, problems: Sequence[object], parent: QWidget | None = None,
                 kept_note: str = "The roadmap shown was not changed.") -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle("Problems in the data")
        self.problems = [str(p) for p in problems]
        n = len(self.problems)
        lay = QVBoxLayout(self)
        self.summary = QLabel(
            f"<b>{n} problem{'s' * (n != 1)} found in {_esc(path)}; nothing was loaded.</b><br>{_esc(kept_note)}"
            " Fix the lines below and reload (F5).", self)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)  # long messages stay readable
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText("\n".join(self.problems))
        lay.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton("Copy all", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(760, 360)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())


def _esc(s: str) -> str:
    import html

    return html.escape(str(s), quote=True)
