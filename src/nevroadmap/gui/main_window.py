"""The main window: the timeline in the centre, filters and details as docks.

This module only wires the parts together:

* the commands, menus, toolbar and shortcuts come from the action table
  (:mod:`nevroadmap.gui.actions`);
* opening datasets is a :class:`~nevroadmap.gui.dataset_session.DatasetSession`:
  they load on a worker thread while the status bar shows a busy indicator and
  the roadmap shown stays usable; a dataset with problems is listed in the one
  :class:`ProblemsDialog` and the roadmap shown stays as it was; the files are
  watched and reload when saved, keeping the place; Open Recent;
* drops open files (``drop_open``); Export Data and the empty timeline's message
  are ``data_export`` and ``empty_state``;
* About and Keyboard Shortcuts are in :mod:`nevroadmap.gui.help`, the
  window's geometry in :mod:`nevroadmap.gui.window_geometry`;
* filter and selection changes flow into the :class:`AppState`, and the
  state's lane layout flows into the timeline.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QFrame, QMainWindow, QScrollArea, QWidget,
)

from nevroadmap.core import navigation as nav
from nevroadmap.core.facets import whole_areas
from nevroadmap.gui import actions as action_table
from nevroadmap.gui import evidence_views
from nevroadmap.gui.accessibility import name_controls, set_tab_order
from nevroadmap.gui.dataset_session import DatasetSession
from nevroadmap.gui.details_panel import DetailsPanel
from nevroadmap.gui.drop_open import DropOpener
from nevroadmap.gui.empty_state import EmptyState
from nevroadmap.gui.filter_panel import FilterPanel
from nevroadmap.gui.help import HelpDialog, about_html, dataset_name, message_box, shortcuts_html
from nevroadmap.gui.icons import app_icon, icon
from nevroadmap.gui.language import SETTINGS_KEY as LANGUAGE_KEY
from nevroadmap.gui.language import apply_language, current_language, ensure_language
from nevroadmap.gui.palette import THEME_MODES, apply_theme, resolve_theme
from nevroadmap.gui.settings import make_settings
from nevroadmap.gui.shortcut_guard import guard_text_fields
from nevroadmap.gui.state import AppState
from nevroadmap.gui.status_bar import StatusBar
from nevroadmap.gui.timeline_widget import TimelineWidget
from nevroadmap.gui.window_geometry import WindowGeometry

if TYPE_CHECKING:
    from nevroadmap.gui.problems_dialog import ProblemsDialog

__all__ = ["MainWindow", "dataset_name"]


class MainWindow(QMainWindow):
    sigLoadFinished = Signal(bool)  # a load ended: True when the dataset was taken

    def __init__(self, state: AppState, settings: QSettings | None = None, theme: str | None = None,
                 parent: QWidget | None = None) -> None:
        ensure_language()  # before the widget exists: installing sends every widget LanguageChange
        super().__init__(parent)
        self.state = state
        self._refit = True
        self.settings = settings if settings is not None else make_settings()
        mode = theme or str(self.settings.value("theme", "system"))
        self.theme_mode = mode if mode in THEME_MODES else "system"  # system, light or dark
        self.theme = resolve_theme(self.theme_mode)  # what is drawn: light or dark
        # the application's style and palette before any widget exists: set later, every widget
        # built (menus and hidden forms too) would get its change event and be polished again
        apply_theme(self.theme)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.timeline = TimelineWidget(self, theme=self.theme)
        self.timeline.setObjectName("timeline")
        self.timeline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(self.timeline)

        self.filter_panel = FilterPanel(state)
        # the panel scrolls when the window is short: its lists and boxes asked for 450 px, and with the
        # metrics dock across the bottom the window could not fit a 720 px screen
        filters_scroll = QScrollArea(self)
        filters_scroll.setObjectName("filtersScroll")
        filters_scroll.setWidget(self.filter_panel)
        filters_scroll.setWidgetResizable(True)
        filters_scroll.setFrameShape(QFrame.Shape.NoFrame)
        filters_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the panel's controls
        filters_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = filters_scroll.verticalScrollBar().sizeHint().width()
        filters_scroll.setMinimumWidth(self.filter_panel.minimumSizeHint().width() + bar)  # as narrow as before
        self.filter_dock = self._dock("filtersDock", filters_scroll, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.details_panel = DetailsPanel(state)
        self.details_dock = self._dock("detailsDock", self.details_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_panel.sigStatusMessage.connect(lambda t: self.flash(t, 4000))
        self.status_bar = StatusBar(self, busy_widget=self.timeline)
        self.setStatusBar(self.status_bar)
        self.status_label, self.message_label, self.progress = (
            self.status_bar.counts, self.status_bar.message, self.status_bar.progress)

        self.metrics_dock, self.metrics_pane = evidence_views.make_metrics_dock(self)  # issue 10

        # the action table: menus, toolbar, shortcuts and the shortcut help
        self.actions_by_id = action_table.build_actions(
            self, {"window": self, "timeline": self.timeline},
            provided={"show_filters": self.filter_dock.toggleViewAction(),
                      "show_details": self.details_dock.toggleViewAction(),
                      "show_metrics": self.metrics_dock.toggleViewAction()})
        for aid, act in self.actions_by_id.items():
            setattr(self, f"act_{aid}", act)
        self.menus = action_table.build_menus(self.menuBar(), self.actions_by_id)
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar_labels = action_table.build_toolbar(self.toolbar, self.actions_by_id)
        self._shortcut_guard = guard_text_fields(self, self.actions_by_id.values())
        self._retranslate()
        evidence_views.install(self)  # forecast drift on the timeline, the comparison window
        self._check_language_action()
        set_tab_order(self)

        self.session = DatasetSession(self)  # loading, live reload, Open Recent, the problems window
        self.loader, self.watcher, self.recent = self.session.loader, self.session.watcher, self.session.recent
        self.message_box: HelpDialog | None = None
        self.empty_state = EmptyState(state, self.timeline, self.act_clear)
        self.drop_opener = DropOpener(self, self.open_path)

        self.timeline.sigMilestoneClicked.connect(self._on_milestone_clicked)
        self.timeline.sigOrganizationClicked.connect(self._on_organization_clicked)
        self.timeline.sigMilestoneActivated.connect(self.open_details)
        self.details_panel.browser.sigEscape.connect(self.focus_timeline)  # Esc in the details: back to the lanes
        self.filter_panel.sigSearchSubmitted.connect(self._on_search_submitted)
        state.sigLayoutChanged.connect(self._push_layout)
        state.sigRoadmapChanged.connect(self._on_roadmap_changed)
        state.sigFilterChanged.connect(self._update_status)
        state.sigSelectionChanged.connect(self._on_selection_changed)
        state.sigGroupByChanged.connect(self._on_group_by_changed)
        state.sigHistoryChanged.connect(self._update_history_actions)

        group_by = str(self.settings.value("group_by", state.group_by))
        if group_by in ("technology", "company"):
            state.set_group_by(group_by)
        self._apply_theme(self.theme)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+: the desktop switched light/dark
            hints.colorSchemeChanged.connect(self.on_system_scheme)
        self._on_roadmap_changed()
        self._push_layout()
        self._on_group_by_changed()
        self._update_history_actions()
        self.geometry_keeper = WindowGeometry(self, self.settings, [self.filter_dock, self.details_dock])
        self.geometry_keeper.restore()

    # -- construction ------------------------------------------------------------
    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _retranslate(self) -> None:
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.filter_dock.setWindowTitle(self.tr("Filters"))  # (renames its toggle action: the table's text wins)
        self.details_dock.setWindowTitle(self.tr("Details"))
        self.metrics_dock.setWindowTitle(self.tr("Metrics"))
        action_table.retranslate(self.actions_by_id, self.menus, self.toolbar_labels)
        self.status_bar.retranslate()
        name_controls(self)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "geometry_keeper"):  # (built)
            self._retranslate()
            self._update_title()
            self._update_status()
            self._check_language_action()
            self.timeline.set_theme(self.theme)  # repaints the axis: its dates follow the language
            self.state.relabel()  # band names, "(no organization)" and the legend in the new language
        super().changeEvent(event)

    # -- language ----------------------------------------------------------------
    def set_language(self, lang: str, on: bool = True) -> None:
        """Speak ``lang`` (``en``, ``zh_CN``) from now on and remember it (``View > Language``)."""
        if not on or getattr(self, "_syncing_language", False):
            return
        if lang != current_language():
            apply_language(lang)
        self.settings.setValue(LANGUAGE_KEY, lang)
        self._check_language_action()

    def _check_language_action(self) -> None:
        act = self.actions_by_id.get(f"lang_{current_language()}")
        if act is not None and not act.isChecked():
            self._syncing_language = True  # (not QSignalBlocker: the exclusive group listens to the signals)
            try:
                act.setChecked(True)
            finally:
                self._syncing_language = False

    # -- slots of the action table -------------------------------------------------
    def set_lanes(self, group_by: str, on: bool) -> None:
        if on:
            self.state.set_group_by(group_by)

    def set_dark(self, on: bool) -> None:
        self.set_theme("dark" if on else "light")

    def clear_filters(self) -> None:
        self.state.clear_filter()

    def go_back(self) -> None:
        self.state.go_back()

    def go_forward(self) -> None:
        self.state.go_forward()

    def focus_search(self) -> None:
        if not self.filter_dock.isVisible():
            self.filter_dock.show()
        self.filter_dock.raise_()
        self.filter_panel.focus_search()

    def reset_layout(self) -> None:
        self.geometry_keeper.reset()

    def clear_recent(self) -> None:
        self.recent.clear()

    def open_bundled(self) -> None:
        self.open_path(None)

    def export_data_dialog(self) -> str | None:
        from nevroadmap.gui import data_export  # its first use: not needed to start

        return data_export.export_data_dialog(self)

    def find_step(self, step: int, restart: bool = False) -> None:
        """F3 / Shift+F3 (and Enter in the search box): select the next / previous milestone shown,
        in time order (the search narrows what is shown to its matches); the view follows."""
        items = nav.items_in_time(self.state.layout)
        if not len(items):
            self.flash(self.tr("No milestone matches."), 3000)
            return
        idx = self.timeline.index_of(self.state.selected_milestone)
        target = nav.step_item(items, None if restart else idx, step)
        self.state.select_milestone(self.state.roadmap.milestones[target].id)

    def _on_search_submitted(self) -> None:
        if self.state.filter.text:  # Enter in the search box: the first match, selected and in view
            self.find_step(1, restart=True)

    def open_details(self, milestone_id: str) -> None:
        """Enter on the timeline: the milestone in the details panel, shown and focused."""
        self.state.select_milestone(milestone_id)
        self.details_dock.show()
        self.details_dock.raise_()
        self.details_panel.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_timeline(self) -> None:
        """Esc in the details panel: the keyboard goes back to the timeline (a second Esc clears the selection)."""
        self.timeline.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- theme -------------------------------------------------------------------
    def set_theme(self, mode: str) -> None:
        """``system`` (follow the desktop), ``light`` or ``dark``; remembered."""
        if mode not in THEME_MODES:
            raise ValueError(f"unknown theme {mode!r}")
        self.theme_mode = mode
        self.settings.setValue("theme", mode)
        name = resolve_theme(mode)
        if name != self.theme or self.act_dark.isChecked() != (name == "dark"):
            self._apply_theme(name)
        self._check_theme_actions()

    def set_theme_mode(self, mode: str, on: bool) -> None:
        if on:
            self.set_theme(mode)

    def on_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The desktop's colour scheme changed: follow it in the ``system`` mode."""
        if self.theme_mode == "system":
            name = resolve_theme("system", scheme)
            if name != self.theme:
                self._apply_theme(name)

    def _check_theme_actions(self) -> None:
        for mode in THEME_MODES:  # each set, signals blocked (the group's own bookkeeping would not see it)
            act = self.actions_by_id.get(f"theme_{mode}")
            if act is not None and act.isChecked() != (mode == self.theme_mode):
                with QSignalBlocker(act):
                    act.setChecked(mode == self.theme_mode)

    def _apply_theme(self, name: str) -> None:
        self.theme = name
        apply_theme(name)
        self.timeline.set_theme(name)
        with QSignalBlocker(self.act_dark):
            self.act_dark.setChecked(name == "dark")
        self._check_theme_actions()
        fg = QApplication.palette().color(QPalette.ColorRole.ButtonText).name()
        dis = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name()
        for act in self.findChildren(QAction):
            name_ = act.data()
            if isinstance(name_, str) and name_:
                act.setIcon(icon(name_, fg, dis))

    # -- state -> widgets --------------------------------------------------------
    @Slot()
    def _push_layout(self) -> None:
        self.timeline.set_data(self.state.roadmap, self.state.layout)
        self.timeline.set_selection(self.state.selected_milestone)
        if self._refit:  # a new dataset starts with the whole roadmap in view
            self._refit = False
            self.timeline.fit_all()
        self._update_status()

    def _on_roadmap_changed(self) -> None:
        self._update_title()
        self._refit = not self.session.keeping_place  # a reload keeps the zoom; a new dataset is shown whole
        self._update_status()

    def _update_title(self) -> None:
        # Ends with the app name, so the platform does not append applicationDisplayName a second time.
        self.setWindowTitle(self.tr("%1 — NEV Roadmap").replace("%1", dataset_name(self.state.roadmap)))

    def _on_selection_changed(self) -> None:
        mid = self.state.selected_milestone
        self.timeline.set_selection(mid)
        if mid:  # chosen from a link or Back/Forward: bring it into view (keeps the zoom)
            self.timeline.reveal(mid)
        if self.state.selection is not None:
            if not self.details_dock.isVisible():
                self.details_dock.show()
            if self.tabifiedDockWidgets(self.details_dock):
                self.details_dock.raise_()  # its tab in front

    def _on_group_by_changed(self) -> None:
        act = self.act_by_tech if self.state.group_by == "technology" else self.act_by_company
        if not act.isChecked():
            act.setChecked(True)  # the group unchecks the other; its slot sees no change
        if self.settings.value("group_by") != self.state.group_by:  # unchanged: no file written (start-up)
            self.settings.setValue("group_by", self.state.group_by)

    def _update_history_actions(self) -> None:
        self.act_back.setEnabled(self.state.can_go_back())
        self.act_forward.setEnabled(self.state.can_go_forward())

    def flash(self, text: str, msecs: int = 4000) -> None:
        """A transient message at the right of the status bar (0: until replaced)."""
        self.status_bar.flash(text, msecs)

    def status_text(self) -> str:
        return self.status_label.text()

    def _update_status(self) -> None:
        st = self.state
        f = st.filter
        shown = self.locale().toString(st.shown_count)
        areas, rest = whole_areas(st.roadmap, f.technologies)
        if areas and not rest:  # whole areas chosen: named as such ("Batteries: 18 of 20 milestones shown")
            names = ", ".join(st.roadmap.area_by_id[a].name for a in areas)
            text = self.tr("%1: %2 of %Ln milestone(s) shown", "", st.total_count).replace(
                "%1", names).replace("%2", shown)
            f = dataclasses.replace(f, technologies=frozenset())
        else:
            text = self.tr("%1 of %Ln milestone(s) shown", "", st.total_count).replace("%1", shown)
        described = f.describe(st.roadmap)
        if described:
            text += "  ·  " + self.tr("Filters: %1").replace("%1", described)
        self.status_bar.set_counts(text)
        self.act_clear.setEnabled(not st.filter.is_empty)

    # -- widgets -> state --------------------------------------------------------
    def _on_milestone_clicked(self, milestone_id: str) -> None:
        self.state.select_milestone(milestone_id or None)

    def _on_organization_clicked(self, org_id: str) -> None:
        if org_id:
            self.state.select_organization(org_id)

    # -- opening data ----------------------------------------------------------------
    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open roadmap data"), self._last_dir(),
                                              self.tr("Roadmap data (*.yaml *.yml *.json *.toml *.csv);;All files (*)"))
        if path:
            self.settings.setValue("last_dir", str(Path(path).parent))
            self.open_path(path)

    def open_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of roadmap data"), self._last_dir())
        if path:
            self.settings.setValue("last_dir", str(Path(path).parent))
            self.open_path(path)

    # the loading itself, its messages and the problems window: DatasetSession
    def reload(self) -> None:
        """Load the dataset again, keeping the zoom, filters, lanes and selection (F5)."""
        self.session.reload()

    def is_loading(self) -> bool:
        return self.session.is_loading()

    def open_path(self, path: str | os.PathLike | None, **options) -> None:
        self.session.open_path(path, **options)

    def reopen_last(self, background: bool = True) -> bool:
        return self.session.reopen_last(background)

    def show_problems(self, path: str, problems, note: str | None = None, warnings: bool = False) -> ProblemsDialog:
        return self.session.show_problems(path, problems, note, warnings)

    @property
    def current_path(self) -> str | None:
        return self.session.current_path

    @property
    def requested_path(self) -> str | None:
        return self.session.requested_path

    @property
    def problems_dialog(self) -> ProblemsDialog | None:
        return self.session.problems_dialog

    # -- images ------------------------------------------------------------------
    def export_image_dialog(self):
        from nevroadmap.gui.export_dialog import ExportDialog

        dlg = ExportDialog(self.state, self.settings, self.timeline.visible_range(), self.theme, self,
                           metric=evidence_views.export_metric(self))
        dlg.accepted.connect(lambda: self.flash(self.tr("Exported %1").replace("%1", str(dlg.exported_path)), 6000))
        self.export_dialog = dlg
        dlg.open()  # window-modal, returns at once
        return dlg

    def copy_image(self) -> None:
        """Put a picture of the roadmap (as the export would draw it) on the clipboard."""
        image = None
        try:
            from nevroadmap.gui.export_dialog import render_image

            image = render_image(self.state, self.settings, self.timeline.visible_range(), self.theme,
                                 evidence_views.export_metric(self))
        except ImportError:
            image = None
        if image is None or image.isNull():
            image = self.timeline.grab().toImage()
        QGuiApplication.clipboard().setImage(QImage(image))
        self.flash(self.tr("Copied a %1×%2 image to the clipboard").replace("%1", str(image.width()))
                   .replace("%2", str(image.height())), 4000)

    # -- help --------------------------------------------------------------------
    def about_html(self) -> str:
        return about_html(self.state.roadmap)

    def show_about(self) -> HelpDialog:
        self.message_box = message_box(self, self.tr("About NEV Roadmap"), self.about_html())
        return self.message_box

    def show_help(self) -> HelpDialog:
        self.message_box = message_box(self, self.tr("NEV Roadmap Help"), shortcuts_html(self.actions_by_id))
        return self.message_box

    # -- window state ------------------------------------------------------------
    def save_window_state(self) -> None:
        self.geometry_keeper.save()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.save_window_state()
        self.session.shutdown()  # no reload of a closed window, no load thread outlives it
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            self.geometry_keeper.keep_on_screen()
        QTimer.singleShot(0, self.timeline.setFocus)
