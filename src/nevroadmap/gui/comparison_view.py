"""Competing claims side by side: who, when said, what for when, scope, source.

Pick a metric (every scope of it) or a technology; the table lists every
claim, sorted by the time claimed.  Cells where claims for the same time
disagree (another figure, another scope) are highlighted; the table can be
copied as TSV (pastes into a spreadsheet) or Markdown.  The cells come from
:func:`nevroadmap.core.claims.comparison_cells`, the rule the ``claims``
command uses too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from nevroadmap.core.claims import (
    COMPARISON_COLUMNS, ClaimRow, ComparisonRow, MetricKey, as_markdown, as_tsv, claim_rows, comparison,
    comparison_cells, rows_for_metric,
)
from nevroadmap.gui.plain_text import plain_tooltip
from nevroadmap.gui.state import AppState

__all__ = ["ComparisonView"]

MAX_TABLE_ROWS = 2000
DIFFERS_LIGHT = "#ffe2b8"
DIFFERS_DARK = "#6b4a1c"


class ComparisonView(QWidget):
    sigClaimActivated = Signal(object)  # ClaimRow (double click)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("comparisonView")
        self.state = state
        self.rows: list[ComparisonRow] = []
        self._subjects: list[tuple[str, object]] = []

        self.subject = QComboBox(self)
        self.subject.setObjectName("comparisonSubject")
        self.subject.currentIndexChanged.connect(self.refresh)
        self.copy_tsv = QPushButton(self)
        self.copy_tsv.clicked.connect(lambda: self.copy("tsv"))
        self.copy_md = QPushButton(self)
        self.copy_md.clicked.connect(lambda: self.copy("markdown"))
        self.subject_label = QLabel(self)
        self.subject_label.setBuddy(self.subject)
        top = QHBoxLayout()
        top.addWidget(self.subject_label)
        top.addWidget(self.subject, 1)
        top.addWidget(self.copy_tsv)
        top.addWidget(self.copy_md)

        self.table = QTableWidget(self)
        self.table.setObjectName("comparisonTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.sigClaimActivated.emit(self.rows[r].row))
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        # a window of its own: Esc or Close closes it
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("comparisonClose")
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        state.sigRoadmapChanged.connect(self.reload)
        self.resize(1250, 420)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """The fixed strings in the current language (View > Language switches it live)."""
        self.setWindowTitle(self.tr("Competing claims"))
        self.copy_tsv.setText(self.tr("Copy as table (TSV)"))
        self.copy_md.setText(self.tr("Copy as Markdown"))
        self.subject_label.setText(self.tr("&Compare:"))
        self.close_button.setText(self.tr("Close"))

    def keyPressEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        if ev.key() == Qt.Key.Key_Escape:  # as a dialog would
            self.close()
            return
        super().keyPressEvent(ev)

    def changeEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
            self.reload()  # subjects, headers and cells are words too

    # -- subjects ------------------------------------------------------------------
    def headers(self) -> dict[str, str]:
        return {
            "speaker": self.tr("Speaker"), "title": self.tr("Title"), "organization": self.tr("Organization"),
            "said": self.tr("Said on"), "claimed": self.tr("Claimed"), "for": self.tr("For"),
            "scope": self.tr("Scope"), "milestone": self.tr("Milestone"), "source": self.tr("Source"),
        }

    def reload(self) -> None:
        rm = self.state.roadmap
        rows, keys = self.state.claim_table()
        old = self.current_subject()
        self._subjects = []
        seen = set()
        for k, _n in keys:
            base = k.all_scopes()
            if base in seen:
                continue
            seen.add(base)
            n = len(rows_for_metric(rows, base))
            label = self.tr("Metric: %1 (%n claim)", "", n) if n == 1 else self.tr("Metric: %1 (%n claims)", "", n)
            self._subjects.append((label.replace("%1", base.label()), base))
        for t in rm.technologies:
            ms = [m for m in rm.milestones if m.technology == t.id]
            n = sum(len(rm.claims_for(m.id)) for m in ms)
            if n >= 2:
                label = self.tr("Technology: %1 (%n claims)", "", n)
                self._subjects.append((label.replace("%1", t.name), t.id))
        self.subject.blockSignals(True)
        self.subject.clear()
        for label, _data in self._subjects:
            self.subject.addItem(label)
        self.subject.setCurrentIndex(max(self._find(old), 0))
        self.subject.blockSignals(False)
        self.refresh()

    def current_subject(self):
        i = self.subject.currentIndex()
        return self._subjects[i][1] if 0 <= i < len(self._subjects) else None

    def _find(self, data) -> int:
        return next((i for i, (_l, d) in enumerate(self._subjects) if data is not None and d == data), -1)

    def show_metric(self, key: MetricKey) -> bool:
        i = self._find(key.all_scopes())
        if i < 0:
            return False
        self.subject.setCurrentIndex(i)
        self.refresh()
        return True

    def show_technology(self, tech_id: str) -> bool:
        i = self._find(tech_id)
        if i < 0:
            return False
        self.subject.setCurrentIndex(i)
        self.refresh()
        return True

    # -- table -------------------------------------------------------------------------
    def _subject_rows(self) -> list[ClaimRow]:
        rm = self.state.roadmap
        data = self.current_subject()
        if isinstance(data, MetricKey):
            return rows_for_metric(self.state.claim_table()[0], data)
        if isinstance(data, str):
            return claim_rows(rm, [m for m in rm.milestones if m.technology == data], with_dates=True)
        return []

    def cells(self) -> list[dict[str, str]]:
        return [comparison_cells(c) for c in self.rows]

    def refresh(self, *_a) -> None:
        self.rows = comparison(self._subject_rows())
        total = len(self.rows)
        del self.rows[MAX_TABLE_ROWS:]  # a table of 100,000 rows helps nobody; the CLI lists them all
        heads = self.headers()
        self.table.clear()
        self.table.setColumnCount(len(COMPARISON_COLUMNS))
        self.table.setHorizontalHeaderLabels([heads[c] for c in COMPARISON_COLUMNS])
        self.table.setRowCount(len(self.rows))
        dark = self.palette().base().color().lightness() < 128
        hot = QBrush(QColor(DIFFERS_DARK if dark else DIFFERS_LIGHT))
        n_diff = 0
        for i, c in enumerate(self.rows):
            cells = comparison_cells(c)
            differs = {"claimed": c.value_differs, "scope": c.scope_differs, "for": c.date_differs}
            n_diff += any(differs.values())
            for j, col in enumerate(COMPARISON_COLUMNS):
                item = QTableWidgetItem(cells[col])
                item.setToolTip(plain_tooltip(cells[col]))  # data: never markup
                if differs.get(col):
                    item.setBackground(hot)
                    item.setData(Qt.ItemDataRole.UserRole, "differs")
                    item.setToolTip(plain_tooltip(cells[col] + "\n" + {
                        "claimed": self.tr("Other claims for the same time give another figure."),
                        "scope": self.tr("Other claims for the same time speak of another scope."),
                        "for": self.tr("Other claims give this milestone another date."),
                    }[col]))
                if col in ("claimed", "speaker") and cells[col]:
                    f = item.font()
                    f.setBold(col == "claimed")
                    item.setFont(f)
                self.table.setItem(i, j, item)
        hdr = self.table.horizontalHeader()
        hdr.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for j, col in enumerate(COMPARISON_COLUMNS):
            limit = {"title": 220, "milestone": 240, "source": 260}.get(col, 320)
            if self.table.columnWidth(j) > limit:
                self.table.setColumnWidth(j, limit)
        hdr.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        n = len(self.rows)
        if n_diff:  # a disagreement needs two claims: always plural
            self.note.setText(self.tr("%n claims; highlighted cells disagree with another claim for the same time.",
                                      "", n))
        else:
            self.note.setText(self.tr("%n claim.", "", n) if n == 1 else self.tr("%n claims.", "", n))
        if total > n:
            self.note.setText(self.tr("First %1 of %2 claims: pick a narrower subject, or use `nevroadmap claims`.")
                              .replace("%1", f"{n:,}").replace("%2", f"{total:,}"))

    def text(self, fmt: str = "tsv") -> str:
        fn = as_markdown if fmt == "markdown" else as_tsv
        return fn(self.cells(), COMPARISON_COLUMNS, self.headers())

    def copy(self, fmt: str = "tsv") -> str:
        text = self.text(fmt)
        QGuiApplication.clipboard().setText(text)
        return text
