"""The metrics dock: pick a metric the data holds and see its claimed figures under the timeline.

The pane (:class:`~nevroadmap.render.metrics_pane.MetricsPlot`) shares the
timeline's time axis both ways, and its plot area is kept aligned with the
timeline's lanes at every width: its left axis takes the room the lane
names take, its right margin the room of the timeline's scrollbar.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGraphicsItem,
    QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from nevroadmap.core.claim_columns import ClaimColumns
from nevroadmap.core.claims import ClaimRow, MetricKey, rows_for_metric
from nevroadmap.gui.plain_text import plain_tooltip
from nevroadmap.gui.metrics_legend import MetricsLegend
from nevroadmap.gui.state import AppState
from nevroadmap.render.metrics_pane import MetricsPlot

__all__ = ["MAX_MARKS", "MetricsDockWidget", "metric_choices"]

MAX_MARKS = 5000  # marks drawn at most (each has a label to place, and is picked by the mouse)
MIN_PLOT_PX = 120  # the plot area at least: a mark, its arrow, its label and two value ticks fit
MAX_PICKER_PX = 420  # a longer metric name is elided (the tooltip and the list show it whole)
# a shown pane fills after the timeline's first frame when a dataset has more milestones than this
# (its rows and marks cost about a second at 100,000: the timeline is not kept waiting for them)
FILL_AFTER_PAINT = 20_000


class _MetricRows(NamedTuple):
    """The chosen metric's rows, kept while the dataset and the choice stay."""

    all_rows: list  # the dataset's claim rows they were taken from
    key: MetricKey | None
    rows: list  # the metric's rows
    pos: np.ndarray  # each row's milestone (its position in the roadmap)
    cols: ClaimColumns  # the rows as columns


def metric_choices(keys: list[tuple[MetricKey, int]]) -> list[tuple[MetricKey, int]]:
    """Picker entries from :func:`~nevroadmap.core.claims.metric_keys`: each metric per scope, plus
    "all scopes" where a metric has several."""
    scopes: dict[MetricKey, list[tuple[MetricKey, int]]] = {}
    for k, n in keys:
        scopes.setdefault(k.all_scopes(), []).append((k, n))
    out: list[tuple[MetricKey, int]] = []
    for base, members in scopes.items():
        if len(members) > 1:
            out.append((MetricKey(base.name, base.unit, None), sum(n for _, n in members)))
        out += members
    return out


class MetricsDockWidget(QWidget):
    sigClaimClicked = Signal(object)  # ClaimRow
    sigCompareRequested = Signal(object)  # MetricKey
    sigThemeChanged = Signal(str)  # "light" or "dark", when the application palette changes

    def __init__(self, state: AppState, theme: str = "light", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._timeline = None
        self._right_margin = 0
        self._all_rows: list[ClaimRow] = []
        # made once per dataset and choice, so a filter change only looks up the mask
        self._metric_cache: _MetricRows | None = None
        self._choices: list[tuple[MetricKey, int]] = []

        self.picker = QComboBox(self)
        self.picker.setObjectName("metricPicker")
        # sized to its metric names, up to MAX_PICKER_PX (then elided; the tooltip and the list show them whole)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.setMaximumWidth(MAX_PICKER_PX)
        self.picker.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.picker.currentIndexChanged.connect(self._on_pick)
        self.compare_button = QPushButton(self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(lambda: self.key is not None and self.sigCompareRequested.emit(self.key))
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        top = QHBoxLayout()
        top.setContentsMargins(6, 2, 6, 2)
        self.metric_label = QLabel(self)
        self.metric_label.setBuddy(self.picker)
        top.addWidget(self.metric_label)
        top.addWidget(self.picker)
        top.addWidget(self.compare_button)
        top.addWidget(self.count_label, 1)

        self.view = pg.GraphicsLayoutWidget(self)
        self.view.ci.layout.setContentsMargins(0, 0, 0, 0)
        # the plot is for the mouse; the keyboard reads the same claims in the comparison view (Compare claims…)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot = MetricsPlot(theme)
        # on screen the marks are kept as a picture until they change or the view moves: a filter
        # change relays out the window and repaints it several times (exports draw them anew, as vectors)
        self.plot.marks.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.view.addItem(self.plot, row=0, col=0)
        self.view.setBackground(self.plot.theme.background)
        self.view.setMinimumHeight(MIN_PLOT_PX)
        self.plot.sigClaimClicked.connect(self.sigClaimClicked)
        # no figures for the data shown: a message, not an empty 0-1 axis
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("metricsEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMinimumHeight(MIN_PLOT_PX)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.legend = MetricsLegend(self)
        lay.addLayout(top)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.legend)

        self._align_timer = QTimer(self)
        self._align_timer.setSingleShot(True)
        self._align_timer.timeout.connect(self.align)
        self._waiting_for = None  # a big roadmap whose claim rows the loader's worker is building
        state.sigPrepared.connect(self._on_prepared)
        state.sigRoadmapChanged.connect(self._on_roadmap)
        state.sigFilterChanged.connect(self._on_filter)
        self._stale = False  # a filter changed while the pane was hidden: refreshed when shown
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Every string of the dock in the current language (View > Language switches it live)."""
        self.metric_label.setText(self.tr("&Metric:"))
        self.compare_button.setText(self.tr("Compare claims…"))
        self.compare_button.setToolTip(self.tr("List every claim of this metric side by side"))
        self._say_empty()

    def _say_empty(self) -> None:
        """What the pane says without marks: the figures are still being read (a big tracker, seconds
        after its first frame), or there are none for the data shown."""
        self.empty_label.setText(self.tr("Reading the claimed figures…") if getattr(self, "_waiting_for", None)
                                 is not None else self.tr("No claimed figures in the data shown"))

    # -- wiring -----------------------------------------------------------------
    def attach(self, timeline) -> None:
        """Share ``timeline``'s time axis (a TimelineWidget) and keep the plot areas aligned."""
        self._timeline = timeline
        self.plot.link_time(timeline.viewbox)
        timeline.viewbox.sigResized.connect(self.schedule_align)
        self.plot.getViewBox().sigResized.connect(self.schedule_align)
        self.schedule_align()

    def schedule_align(self, *_a) -> None:
        self._align_timer.start(0)

    def align(self) -> None:
        """Line the pane's plot area up under the timeline's lanes (same left and right edges)."""
        tl = self._timeline
        if tl is None or not self.isVisible() or not tl.isVisible():
            return
        dock = self.parentWidget()
        if getattr(dock, "isFloating", lambda: False)():  # a floating pane has no lanes to line up with
            left, right = 60, 0
            if int(self.plot.getAxis("left").width()) != left or self._right_margin != right:
                self.plot.getAxis("left").setWidth(left)
                self._right_margin = right
                self.view.ci.layout.setContentsMargins(0, 0, 0, 0)
            return
        tvb = tl.viewbox
        r = tvb.sceneBoundingRect()
        tl_left = tl.view.mapToGlobal(tl.view.mapFromScene(r.topLeft())).x()
        tl_right = tl.view.mapToGlobal(tl.view.mapFromScene(r.topRight())).x()
        me_left = self.view.mapToGlobal(QPoint(0, 0)).x()
        me_right = self.view.mapToGlobal(QPoint(self.view.width(), 0)).x()
        left = max(tl_left - me_left, 0)
        right = max(me_right - tl_right, 0)
        axis = self.plot.getAxis("left")
        changed = False
        if int(axis.width()) != left:
            axis.setWidth(left)
            changed = True
        if self._right_margin != right:
            self._right_margin = right
            self.view.ci.layout.setContentsMargins(0, 0, right, 0)
            changed = True
        if changed:  # check again once the layout has moved
            self._align_timer.start(0)

    def edges(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(left, right) screen x of the timeline's plot area and of the pane's, for checks."""
        tl = self._timeline
        r = tl.viewbox.sceneBoundingRect()
        a = (tl.view.mapToGlobal(tl.view.mapFromScene(r.topLeft())).x(),
             tl.view.mapToGlobal(tl.view.mapFromScene(r.topRight())).x())
        q = self.plot.getViewBox().sceneBoundingRect()
        b = (self.view.mapToGlobal(self.view.mapFromScene(q.topLeft())).x(),
             self.view.mapToGlobal(self.view.mapFromScene(q.topRight())).x())
        return a, b

    def showEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().showEvent(ev)
        if self._stale:
            self._stale = False
            self._refresh_marks()
        self.schedule_align()

    def _on_filter(self) -> None:
        if self.isVisible():
            self._refresh_marks()
        else:  # a closed pane costs a filter change nothing
            self._stale = True

    def changeEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if hasattr(self, "_choices"):
                self.reload()
        elif ev.type() == QEvent.Type.PaletteChange:  # the theme is application-wide: follow it
            name = "dark" if self.palette().base().color().lightness() < 128 else "light"
            if name != self.plot.theme.name:
                self.set_theme(name)
                self.sigThemeChanged.emit(name)

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(ev)
        self.schedule_align()

    # -- data --------------------------------------------------------------------
    @property
    def key(self) -> MetricKey | None:
        i = self.picker.currentIndex()
        return self._choices[i][0] if 0 <= i < len(self._choices) else None

    def _on_roadmap(self) -> None:
        """A new dataset: fill now, or, for a big one, once the loader's worker has built its claim
        rows (off the GUI thread, after the timeline's first frame: seconds at 100,000 milestones)."""
        if len(self.state.roadmap.milestones) <= FILL_AFTER_PAINT or self.state.claims_ready():
            self._waiting_for = None
            self.reload()
            return
        self._waiting_for = self.state.roadmap
        self.reload(empty=True)  # nothing from the previous dataset stays shown meanwhile
        if not self.state.claims_coming():  # set in code, not by the loader: built here, after this turn
            QTimer.singleShot(0, lambda: self._on_prepared(build=True))

    def _on_prepared(self, build: bool = False) -> None:
        if self._waiting_for is not None and self._waiting_for is self.state.roadmap and (
                build or self.state.claims_ready()):
            self._waiting_for = None
            self.reload()

    def reload(self, empty: bool = False) -> None:
        """Fill the picker from the dataset's metrics (keeps the choice when it still exists)."""
        old = self.key
        self._all_rows, keys = ([], []) if empty else self.state.claim_table()
        self._choices = metric_choices(keys)
        with _Blocked(self.picker):
            self.picker.clear()
            # metrics (same_metric: name casefolded, unit) that have a scoped choice; one pass, not one per choice
            scoped = {(c.name.casefold(), c.unit) for c, _ in self._choices if c.scope}
            for k, n in self._choices:
                label = self.tr("%1 — all scopes").replace("%1", k.label()) if k.scope is None and (
                    k.name.casefold(), k.unit) in scoped else k.label()
                self.picker.addItem((self.tr("%1 (%Ln figure)", "", n) if n == 1 else self.tr("%1 (%Ln figures)", "", n))
                                    .replace("%1", label))
            idx = next((i for i, (k, _) in enumerate(self._choices) if k == old), -1)
            if idx < 0 and self._choices:  # the metric with the most claimed figures
                idx = max(range(len(self._choices)), key=lambda i: (self._choices[i][1], -i))
            self.picker.setCurrentIndex(idx)
        self._refresh_marks()

    def _update_picker_tip(self) -> None:
        self.picker.setToolTip(plain_tooltip(self.picker.currentText()))  # a metric name is data: never markup

    def set_metric(self, key: MetricKey) -> bool:
        for i, (k, _) in enumerate(self._choices):
            if k == key:
                self.picker.setCurrentIndex(i)
                return True
        return False

    def _on_pick(self, _i: int) -> None:
        self._refresh_marks()

    def _metric_rows(self) -> tuple[list[ClaimRow], np.ndarray, ClaimColumns]:
        """The rows of the chosen metric, the position of each row's milestone, and the rows' columns."""
        key, cache = self.key, self._metric_cache
        if cache is None or cache.all_rows is not self._all_rows or cache.key != key:
            rows = rows_for_metric(self._all_rows, key) if key is not None else []
            index = self.state.roadmap.milestone_index
            pos = np.fromiter((index[r.milestone.id] for r in rows), dtype=np.intp, count=len(rows))
            cache = self._metric_cache = _MetricRows(self._all_rows, key, rows, pos, ClaimColumns.of(rows))
        return cache.rows, cache.pos, cache.cols

    def _shown(self) -> tuple[list[ClaimRow], np.ndarray, ClaimColumns]:
        """The chosen metric's rows whose milestones the filters show, their positions among the
        metric's rows, and the metric's columns."""
        rows, pos, cols = self._metric_rows()
        keep = np.flatnonzero(self.state.mask[pos]) if rows else np.zeros(0, np.intp)
        return [rows[i] for i in keep.tolist()], keep, cols

    def shown_rows(self) -> list[ClaimRow]:
        """The chosen metric's rows whose milestones the filters show."""
        return self._shown()[0]

    def _refresh_marks(self) -> None:
        self._update_picker_tip()
        rows, keep, cols = self._shown()
        self._say_empty()
        self.stack.setCurrentWidget(self.view if rows else self.empty_label)
        total = len(cols)
        if len(rows) > MAX_MARKS:  # a tracker of 100,000 figures: draw the first, say so
            self.plot.set_rows(self.key, rows[:MAX_MARKS], cols.take(keep[:MAX_MARKS]))
            self.count_label.setText(self.tr("first %1 of %2 claimed figures shown: filter to narrow")
                                     .replace("%1", f"{MAX_MARKS:,}").replace("%2", f"{len(rows):,}"))
            self.compare_button.setEnabled(True)
            self._fill_legend()
            return
        self.plot.set_rows(self.key, rows, cols.take(keep))
        one = self.tr("%Ln claimed figure shown", "", len(rows)) if len(rows) == 1 else self.tr(
            "%Ln claimed figures shown", "", len(rows))
        if not rows:
            one = ""  # the pane's message says it, centred
        self.count_label.setText(one if len(rows) == total or not rows
                                 else self.tr("%1 of %2 claimed figures shown (filters)")
                                 .replace("%1", f"{len(rows):,}").replace("%2", f"{total:,}"))
        self.compare_button.setEnabled(self.key is not None)
        self._fill_legend()

    def _fill_legend(self) -> None:
        parts = self.plot.legend_parts()
        self.legend.set_entries(lambda k: self.plot.legend_entries(k, parts), len(parts[0]))

    def select_claim(self, claim_id: str | None) -> None:
        rows = self.plot.marks.rows
        self.plot.marks.set_selected(next((i for i, r in enumerate(rows) if r.claim and r.claim.id == claim_id), None))

    def set_theme(self, name: str) -> None:
        self.plot.set_theme(name)
        self.view.setBackground(self.plot.theme.background)
        self._fill_legend()


class _Blocked:
    def __init__(self, obj) -> None:
        self.obj = obj

    def __enter__(self):
        self.was = self.obj.blockSignals(True)
        return self.obj

    def __exit__(self, *exc) -> None:
        self.obj.blockSignals(self.was)
