"""Hooks the evidence views (issue 10) into the main window in one call.

* the metrics dock under the timeline (same time axis, aligned edges);
* the competing-claims window, opened from the dock or the View menu;
* the forecast-drift ghosts on the timeline.

Kept apart from :mod:`nevroadmap.gui.main_window` so the window needs one line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from nevroadmap.core.claims import ClaimRow
from nevroadmap.gui.comparison_view import ComparisonView
from nevroadmap.gui.metrics_dock import MetricsDockWidget
from nevroadmap.render.drift import DriftItem

__all__ = ["install"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceViews", text)


def install(win) -> None:
    """Add the metrics dock, the comparison window and the drift marks to ``win`` (a MainWindow)."""
    state = win.state
    # the bottom dock spans the timeline only (not under the side panels): its edges can line up
    win.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    win.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    pane = MetricsDockWidget(state, win.theme)
    pane.setObjectName("metricsPane")
    dock = QDockWidget(_tr("Metrics"), win)
    dock.setObjectName("metricsDock")
    dock.setWidget(pane)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    win.resizeDocks([dock], [240], Qt.Orientation.Vertical)
    pane.attach(win.timeline)
    dock.topLevelChanged.connect(lambda _f: pane.schedule_align())
    dock.visibilityChanged.connect(lambda _v: pane.schedule_align())
    win.metrics_dock, win.metrics_pane = dock, pane

    drift_item = DriftItem(win.theme)
    win.timeline.plot_item.addItem(drift_item)
    win.drift_item = drift_item

    def push_layout() -> None:
        drift_item.set_data(state.roadmap, state.layout)

    state.sigLayoutChanged.connect(push_layout)
    push_layout()

    def open_claim(row: ClaimRow) -> None:
        state.select_claim(row.milestone.id, row.claim.id if row.claim is not None else None)

    pane.sigClaimClicked.connect(open_claim)
    state.sigSelectionChanged.connect(lambda: pane.select_claim(state.selection.claim if state.selection else None))

    win.comparison_view = None

    def show_comparison(key=None) -> ComparisonView:
        if win.comparison_view is None:
            win.comparison_view = ComparisonView(state, win)
            win.comparison_view.sigClaimActivated.connect(open_claim)
        view = win.comparison_view
        key = key if key is not None else pane.key
        if key is not None:
            view.show_metric(key)
        view.show()
        view.raise_()
        return view

    win.show_comparison = show_comparison
    pane.sigCompareRequested.connect(show_comparison)

    pane.sigThemeChanged.connect(drift_item.set_theme)  # the pane follows the application palette

    # View menu: show/hide the pane, open the comparison
    act_pane = dock.toggleViewAction()
    act_pane.setText(_tr("&Metrics Pane"))
    act_compare = QAction(_tr("&Competing Claims…"), win)
    act_compare.setStatusTip(_tr("Every claim of a metric or technology side by side"))
    act_compare.triggered.connect(lambda: show_comparison())
    win.act_show_metrics, win.act_compare = act_pane, act_compare
    view_menu = next((a.menu() for a in win.menuBar().actions() if a.menu() and a.text() == "&View"), None)
    if view_menu is not None:
        view_menu.addActions([act_pane, act_compare])
