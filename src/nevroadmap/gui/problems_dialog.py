"""The window listing the problems of a dataset (or the warnings of one that opened).

One ``file:line: message`` per row, as plain text (never rich text: a
message quotes the data).  ``Copy All`` puts them all on the clipboard;
``Open in Editor`` opens the selected problem's file at its line
(:mod:`nevroadmap.gui.editor_launch`).  The window is not modal: the main
window keeps one and updates it in place (:meth:`set_problems`) when a
save in an editor brings new problems, so it never stacks up or steals the
focus again and again.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from nevroadmap.gui.language import ensure_language
from nevroadmap.gui.plain_text import plain_tooltip

__all__ = ["ProblemsDialog", "locate"]

_LINE_MARK = re.compile(r":(\d+): ")


def locate(problem: object) -> tuple[str, int] | None:
    """The file and line (0: none) a problem text ``file:line: message`` or ``file: message`` names.

    Only an existing file or folder counts: the text is split at the first
    ``:LINE: `` (or ``: ``) whose left side names one, so a colon in a path
    (``C:\\``) or in the message does not mislead.
    """
    file, line = getattr(problem, "file", None), getattr(problem, "line", None)
    if isinstance(file, str) and isinstance(line, int):
        return (file, max(line, 0)) if Path(file).exists() else None
    text = str(problem)
    for m in _LINE_MARK.finditer(text):
        if m.start() > 0 and Path(text[:m.start()]).exists():
            return text[:m.start()], int(m.group(1))
    start = 0
    while (i := text.find(": ", start)) > 0:
        if Path(text[:i]).exists():
            return text[:i], 0
        start = i + 1
    return None


class ProblemsDialog(QDialog):
    """Every ``file:line: message``, selectable, copyable and openable in an editor; never blocks by itself."""

    def __init__(self, path: str, problems: Sequence[object], parent: QWidget | None = None,
                 kept_note: str | None = None, warnings: bool = False) -> None:
        ensure_language()  # before the widget exists: installing sends every widget LanguageChange
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("problemsSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # bold summary; its parts are escaped
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item: self.open_in_editor())
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copyAllButton")
        self.copy_button.clicked.connect(self.copy)
        self.editor_button = buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.editor_button.setObjectName("openInEditorButton")
        self.editor_button.clicked.connect(self.open_in_editor)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(760, 360)
        self.set_problems(path, problems, kept_note, warnings)

    # -- content ----------------------------------------------------------------
    def set_problems(self, path: str, problems: Sequence[object], kept_note: str | None = None,
                     warnings: bool = False) -> None:
        """Show these problems (or warnings) instead; the window stays where and as it is."""
        self.path = str(path)
        self.kept_note = kept_note
        self.warnings = warnings
        self.problems = [str(p) for p in problems]
        self._places = [locate(p) for p in problems]
        self.list.clear()
        for text in self.problems:
            item = QListWidgetItem(text)  # plain text: a QListWidgetItem never interprets markup
            item.setToolTip(plain_tooltip(text))  # a tooltip would read markup: escaped
            self.list.addItem(item)
        if self.problems:
            self.list.setCurrentRow(0)
        self.retranslate()

    def retranslate(self) -> None:
        n = len(self.problems)
        if self.warnings:
            self.setWindowTitle(self.tr("Warnings about the data"))
            head = self.tr("%n part(s) of %1 could not be read and were left out.", "", n)
            body = self.tr("The rest of the data was loaded.")
        else:
            self.setWindowTitle(self.tr("Problems in the data"))
            head = self.tr("%n problem(s) found in %1; nothing was loaded.", "", n)
            note = self.kept_note if self.kept_note is not None else self.tr("The roadmap shown was not changed.")
            body = note + " " + self.tr("Fix the lines below and save (or reload with F5).")
        self.summary.setText(f"<b>{_esc(head.replace('%1', self.path))}</b><br>{_esc(body)}")
        self.copy_button.setText(self.tr("Copy All"))
        self.editor_button.setText(self.tr("Open in Editor"))
        self.editor_button.setToolTip(self.tr("Open the selected problem's file at its line"))
        self._update_buttons()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "editor_button"):
            self.retranslate()
        super().changeEvent(event)

    def plain_text(self) -> str:
        return "\n".join(self.problems)

    def place(self, row: int | None = None) -> tuple[str, int] | None:
        """The file and line of a row (default: the selected one), None when it names no file on disk."""
        row = self.list.currentRow() if row is None else row
        return self._places[row] if 0 <= row < len(self._places) else None

    def _update_buttons(self) -> None:
        self.editor_button.setEnabled(self.place() is not None)

    # -- actions ----------------------------------------------------------------
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())

    def open_in_editor(self) -> bool:
        where = self.place()
        if where is None:
            return False
        from nevroadmap.gui import editor_launch  # its first use (shlex, QProcess): not needed to start

        return editor_launch.open_at(*where)


def _esc(s: str) -> str:
    return html.escape(str(s), quote=True)
