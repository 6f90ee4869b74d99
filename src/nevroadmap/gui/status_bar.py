"""The main window's status bar: the counts, a transient message and the loading indicator."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from nevroadmap.gui.plain_text import plain_tooltip

__all__ = ["StatusBar"]

PULSE_STEPS, PULSE_MS = 12, 100  # the loading bar: 12 steps of 0.1 s, then again


class StatusBar(QStatusBar):
    """Counts on the left; a message and, while a dataset loads, a busy bar on the right.

    ``busy_widget`` (the timeline) shows a busy cursor while loading; the
    rest of the window keeps its normal cursor and stays usable.
    """

    def __init__(self, parent: QWidget | None = None, busy_widget: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy_widget = busy_widget
        self.counts = QLabel(self)
        self.counts.setObjectName("statusCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.addWidget(self.counts, 1)
        # transient messages get their own label: QStatusBar.showMessage would paint over the counts
        self.message = QLabel(self)
        self.message.setObjectName("statusMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.flash("", 0))
        self.addPermanentWidget(self.message)
        # a message may offer one thing to do about it ("Reopened FILE" [Open Bundled Data]): drawn as
        # a button (an auto-raised one has no frame until hovered and reads as more message text),
        # with the hand cursor, reachable with Tab, and the action's tooltip (setDefaultAction)
        self.message_action = QToolButton(self)
        self.message_action.setObjectName("statusMessageAction")
        self.message_action.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.message_action.setAutoRaise(False)
        self.message_action.setCursor(Qt.CursorShape.PointingHandCursor)
        self.message_action.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus where it was
        self.message_action.hide()
        self.addPermanentWidget(self.message_action)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("loadProgress")
        # a load has no measurable steps: the bar fills and starts again, a step every PULSE_MS.
        # (Qt's own busy bar repaints some 120 times a second, each time on the GUI thread, which
        # the loading thread then waits for: 0.07-0.1 s of a 2 s load of 100,000 milestones)
        self.progress.setRange(0, PULSE_STEPS)
        self._pulse = QTimer(self)
        self._pulse.setInterval(PULSE_MS)
        self._pulse.timeout.connect(lambda: self.progress.setValue((self.progress.value() + 1) % (PULSE_STEPS + 1)))
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.addPermanentWidget(self.progress)
        self._busy_text = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.progress.setAccessibleName(self.tr("Loading"))

    def set_counts(self, text: str) -> None:
        self.counts.setText(text)
        self.counts.setToolTip(plain_tooltip(text))

    def flash(self, text: str, msecs: int = 4000, action: QAction | None = None) -> None:
        """A transient message (0: until replaced), with a button for ``action`` while it shows."""
        self.message.setText(text)
        if action is not None and text:
            self.message_action.setDefaultAction(action)
        self.message_action.setVisible(action is not None and bool(text))
        if text and msecs:
            self._timer.start(msecs)
        else:
            self._timer.stop()

    def show_busy(self, text: str) -> None:
        """The loading message and the busy bar and cursor (call again to change the message)."""
        self._busy_text = text
        self.flash(text, 0)
        if not self.progress.isVisible():
            self.progress.setValue(0)
            self._pulse.start()
            self.progress.show()
            if self.busy_widget is not None:
                self.busy_widget.setCursor(Qt.CursorShape.BusyCursor)

    def is_busy(self) -> bool:
        return not self.progress.isHidden()

    def clear_busy(self) -> None:
        """Busy bar and cursor off; the loading message goes unless another message replaced it."""
        self._pulse.stop()
        self.progress.hide()
        if self.busy_widget is not None:
            self.busy_widget.unsetCursor()
        if self._busy_text and self.message.text() == self._busy_text:
            self.flash("", 0)
        self._busy_text = ""
