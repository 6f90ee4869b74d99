"""What the timeline says when it shows nothing: which filters hide everything, and a way out.

:class:`EmptyState` is a small panel laid over the middle of the timeline
widget (a child widget that follows its parent's size).  It reads the
:class:`AppState` and shows itself only when nothing is shown:

* filters match nothing: "No milestones match: <the filters, named>" and a
  ``Clear filters`` button;
* the dataset has no milestones at all: it says so (no button).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from nevroadmap.gui.state import AppState

__all__ = ["EmptyState"]


class EmptyState(QFrame):
    def __init__(self, state: AppState, parent: QWidget, clear_action: QAction | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("emptyState")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 18, 24, 18)
        lay.setSpacing(12)
        self.message = QLabel(self)
        self.message.setObjectName("emptyStateMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # filter text comes from the user and the data
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        lay.addWidget(self.message)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("emptyStateClear")
        # the table's Clear Filters command when given (one command, wherever it is offered)
        self.clear_button.clicked.connect(clear_action.trigger if clear_action is not None else state.clear_filter)
        lay.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        parent.installEventFilter(self)
        state.sigLayoutChanged.connect(self.update_state)
        state.sigRoadmapChanged.connect(self.update_state)
        self.update_state()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.parent() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "clear_button"):
            self.update_state()
        super().changeEvent(event)

    def update_state(self) -> None:
        st = self.state
        # (before the first dataset arrives the roadmap is a placeholder: nothing to say yet)
        empty = st.shown_count == 0 and st.has_dataset
        if empty and not st.filter.is_empty:
            described = st.filter.describe(st.roadmap)
            self.message.setText(self.tr("No milestones match: %1").replace("%1", described))
            self.clear_button.setText(self.tr("Clear filters"))
            self.clear_button.show()
        elif empty:
            self.message.setText(self.tr("This dataset has no milestones."))
            self.clear_button.hide()
        self.setVisible(empty)
        if empty:
            self._place()
            self.raise_()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(max(parent.width() // 2, 320), max(parent.width() - 40, 120))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, max((parent.height() - self.height()) // 2, 0))
