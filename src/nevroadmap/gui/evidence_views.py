"""The evidence views (issue 10) in the main window.

* the metrics dock under the timeline (same time axis, aligned edges):
  :func:`make_metrics_dock`, before the action table is built (its toggle is
  the table's ``show_metrics`` action);
* the forecast-drift ghosts on the timeline and the competing-claims window
  (the table's ``compare`` action): :func:`install`, once the window is built.

Kept apart from :mod:`nevroadmap.gui.main_window` so the window needs a few lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from nevroadmap.core.claims import ClaimRow, MetricKey
from nevroadmap.gui.metrics_dock import MetricsDockWidget
from nevroadmap.render.drift import DriftItem

if TYPE_CHECKING:
    from nevroadmap.gui.comparison_view import ComparisonView

__all__ = ["make_metrics_dock", "install", "show_comparison", "export_metric"]


def make_metrics_dock(win) -> tuple[QDockWidget, MetricsDockWidget]:
    """The metrics dock at the bottom of ``win`` (a MainWindow with ``state``, ``theme`` and ``timeline``)."""
    # the bottom dock spans the timeline only (not under the side panels): its edges can line up
    win.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    win.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    pane = MetricsDockWidget(win.state, win.theme)
    pane.setObjectName("metricsPane")
    dock = QDockWidget(QCoreApplication.translate("EvidenceViews", "Metrics"), win)
    dock.setObjectName("metricsDock")
    dock.setWidget(pane)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    win.resizeDocks([dock], [240], Qt.Orientation.Vertical)
    pane.attach(win.timeline)
    dock.topLevelChanged.connect(lambda _f: pane.schedule_align())
    dock.visibilityChanged.connect(lambda _v: pane.schedule_align())
    win.show_comparison = lambda key=None: show_comparison(win, key)  # the action table's "compare" slot
    return dock, pane


def install(win) -> None:
    """The drift marks on the timeline, clicks on marks opening their claim, the comparison window."""
    state, pane = win.state, win.metrics_pane
    drift_item = DriftItem(win.theme, labels_of=lambda: win.timeline.item)
    win.timeline.plot_item.addItem(drift_item)
    win.drift_item = drift_item

    def push_layout() -> None:
        drift_item.set_data(state.roadmap, state.layout)

    state.sigLayoutChanged.connect(push_layout)
    push_layout()
    pane.sigClaimClicked.connect(lambda row: _open_claim(win, row))
    state.sigSelectionChanged.connect(lambda: pane.select_claim(state.selection.claim if state.selection else None))
    win.comparison_view = None
    pane.sigCompareRequested.connect(lambda key=None: show_comparison(win, key))
    pane.sigThemeChanged.connect(drift_item.set_theme)  # the pane follows the application palette


def _open_claim(win, row: ClaimRow) -> None:
    win.state.select_claim(row.milestone.id, row.claim.id if row.claim is not None else None)


def show_comparison(win, key: MetricKey | None = None) -> ComparisonView:
    """The competing-claims window of ``win``, showing ``key`` (default: the pane's metric)."""
    if win.comparison_view is None:
        from nevroadmap.gui.comparison_view import ComparisonView  # its first use: not needed to start

        win.comparison_view = ComparisonView(win.state, win)
        win.comparison_view.sigClaimActivated.connect(lambda row: _open_claim(win, row))
    view = win.comparison_view
    key = key if key is not None else win.metrics_pane.key
    if key is not None:
        view.show_metric(key)
    view.show()
    view.raise_()
    return view


def export_metric(win) -> str | None:
    """The metric an export of ``win`` includes by default: the pane's, when the pane is shown."""
    if win.metrics_dock.isVisible() and win.metrics_pane.key is not None:
        return win.metrics_pane.key.label()
    return None
