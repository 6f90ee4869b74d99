"""The main window: the timeline in the centre, filters and details as docks.

The window wires widgets to the :class:`~nevroadmap.gui.state.AppState`:
filter and selection changes flow into the state, and the state's new lane
layout flows into the timeline.  Datasets load on a worker thread (the window
stays responsive and shows a busy indicator); a dataset with problems is
listed in a :class:`ProblemsDialog` and the roadmap shown stays as it was.
"""

from __future__ import annotations

import html
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QWidget,
)

from nevroadmap import __version__
from nevroadmap.core.loader import RoadmapError, bundled_data_path
from nevroadmap.core.model import Roadmap
from nevroadmap.gui.details_html import esc, safe_http_url
from nevroadmap.gui.details_panel import DetailsPanel
from nevroadmap.gui.filter_panel import FilterPanel
from nevroadmap.gui.icons import app_icon, icon
from nevroadmap.gui.palette import THEME_NAMES, apply_theme
from nevroadmap.gui.problems_dialog import ProblemsDialog
from nevroadmap.gui.settings import make_settings
from nevroadmap.gui.state import AppState, Prepared, prepare
from nevroadmap.gui.timeline_widget import TimelineWidget

__all__ = ["MainWindow", "dataset_name"]

ZOOM_STEP = 1.5
PAN_STEP = 0.2
SHORTCUTS_HELP = [
    ("Ctrl+O", "Open a data file"), ("Ctrl+Shift+O", "Open a data folder"), ("F5", "Reload"),
    ("Ctrl+E", "Export image"), ("Ctrl+Shift+C", "Copy image"), ("Ctrl+F", "Search"),
    ("Ctrl+Shift+L", "Clear filters"), ("F, Home", "Fit the whole roadmap"), ("+ / -", "Zoom in / out"),
    ("Left / Right", "Pan in time"), ("Up / Down", "Scroll lanes"), ("Alt+Left / Alt+Right", "Back / Forward"),
    ("Ctrl+1 / Ctrl+2", "Lanes by technology / by company"), ("Ctrl+Shift+D", "Dark theme on/off"),
    ("Ctrl+Q", "Quit"),
]


def dataset_name(roadmap: Roadmap) -> str:
    """How the title bar names a dataset."""
    if not roadmap.origin:
        return "no data"
    try:
        if Path(roadmap.origin).resolve() == bundled_data_path().resolve():
            return "bundled dataset"
    except OSError:
        pass
    return Path(roadmap.origin).name or roadmap.origin


class MainWindow(QMainWindow):
    sigLoadFinished = Signal(bool)  # a load ended: True when the dataset was taken
    _sigLoaded = Signal(int, object, object)  # from the loader thread: (job, Prepared | None, exc | None)

    def __init__(self, state: AppState, settings: QSettings | None = None, theme: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._refit = True
        self.settings = settings if settings is not None else make_settings()
        self.theme = theme or str(self.settings.value("theme", "light"))
        if self.theme not in THEME_NAMES:
            self.theme = "light"
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.timeline = TimelineWidget(self, theme=self.theme)
        self.timeline.setObjectName("timeline")
        self.timeline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(self.timeline)

        self.filter_panel = FilterPanel(state)
        self.filter_dock = self._dock("Filters", "filtersDock", self.filter_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.details_panel = DetailsPanel(state)
        self.details_dock = self._dock("Details", "detailsDock", self.details_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_panel.sigStatusMessage.connect(lambda t: self.flash(t, 4000))

        self._make_status_bar()
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._install_evidence_views()

        self.timeline.sigMilestoneClicked.connect(self._on_milestone_clicked)
        self.timeline.sigOrganizationClicked.connect(self._on_organization_clicked)
        state.sigLayoutChanged.connect(self._push_layout)
        state.sigRoadmapChanged.connect(self._on_roadmap_changed)
        state.sigFilterChanged.connect(self._update_status)
        state.sigSelectionChanged.connect(self._on_selection_changed)
        state.sigGroupByChanged.connect(self._on_group_by_changed)
        state.sigHistoryChanged.connect(self._update_history_actions)

        self._job = 0
        self._loading = False
        self.current_path: str | None = None
        self.requested_path: str | None = None  # what Reload loads again
        self.problems_dialog: ProblemsDialog | None = None
        self.message_box: QMessageBox | None = None
        self._sigLoaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)

        group_by = str(self.settings.value("group_by", state.group_by))
        if group_by in ("technology", "company"):
            state.set_group_by(group_by)
        self._apply_theme(self.theme)
        self._on_roadmap_changed()
        self._push_layout()
        self._on_group_by_changed()
        self._update_history_actions()
        self.resize(1600, 1000)
        self._restore_geometry()

    # -- construction ------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.status_label, 1)
        # transient messages get their own label: QStatusBar.showMessage would paint over the counts
        self.message_label = QLabel(self)
        self.message_label.setObjectName("statusMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message_label.clear)
        bar.addPermanentWidget(self.message_label)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy indicator
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)

    def _action(self, text: str, slot, shortcuts=(), icon_name: str | None = None, tip: str = "",
                checkable: bool = False, context: Qt.ShortcutContext | None = None) -> QAction:
        act = QAction(text, self)
        if shortcuts:
            # standard keys differ by platform; keep each sequence once (duplicates are "ambiguous")
            seqs: dict[str, QKeySequence] = {}
            for sc in shortcuts:
                keys = QKeySequence.keyBindings(sc) if isinstance(sc, QKeySequence.StandardKey) else [QKeySequence(sc)]
                for k in keys:
                    if not k.isEmpty():
                        seqs.setdefault(k.toString(), k)
            act.setShortcuts(list(seqs.values()))
        if context is not None:
            act.setShortcutContext(context)
        act.setCheckable(checkable)
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        if icon_name:
            act.setData(icon_name)
        if checkable:
            act.toggled.connect(slot)
        else:
            act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)  # window-wide shortcuts work even with the menu bar hidden
        return act

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey
        local = Qt.ShortcutContext.WidgetWithChildrenShortcut  # keys that mean something else in text fields
        self.act_open = self._action("&Open…", self.open_file_dialog, [K.Open], "open", "Open a data file (YAML, JSON or TOML)")
        self.act_open_folder = self._action("Open &Folder…", self.open_folder_dialog, ["Ctrl+Shift+O"], None, "Open a folder of data files")
        self.act_reload = self._action("&Reload", self.reload, [K.Refresh, "F5"], None, "Load the current dataset again")
        self.act_export = self._action("&Export Image…", self.export_image_dialog, ["Ctrl+E"], "export", "Save the roadmap as PNG, SVG or PDF")
        self.act_quit = self._action("&Quit", self.close, [K.Quit, "Ctrl+Q"], None, "Quit NEV Roadmap")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.act_copy_image = self._action("&Copy Image", self.copy_image, ["Ctrl+Shift+C"], "copy", "Copy a picture of the roadmap to the clipboard")
        self.act_find = self._action("&Find…", self.focus_search, [K.Find, "Ctrl+F"], None, "Search milestones, claims and people")
        self.act_clear = self._action("C&lear Filters", self.state.clear_filter, ["Ctrl+Shift+L"], "clear-filter", "Show every milestone again")

        self.act_fit = self._action("&Fit Whole Roadmap", self.timeline.fit_all, ["F", "Home"], "fit", "Show the whole roadmap (F)", context=local)
        self.act_zoom_in = self._action("Zoom &In", lambda: self.timeline.zoom(ZOOM_STEP), ["+", "=", K.ZoomIn], "zoom-in", "Zoom in (+)", context=local)
        self.act_zoom_out = self._action("Zoom &Out", lambda: self.timeline.zoom(1 / ZOOM_STEP), ["-", K.ZoomOut], "zoom-out", "Zoom out (-)", context=local)
        self.act_pan_left = self._action("Pan Earlier", lambda: self.timeline.pan(-PAN_STEP), ["Left"], None, "Move towards the past", context=local)
        self.act_pan_right = self._action("Pan Later", lambda: self.timeline.pan(PAN_STEP), ["Right"], None, "Move towards the future", context=local)
        self.act_scroll_up = self._action("Scroll Up", lambda: self.timeline.scroll_rows(-1), ["Up"], None, "Scroll the lanes up", context=local)
        self.act_scroll_down = self._action("Scroll Down", lambda: self.timeline.scroll_rows(1), ["Down"], None, "Scroll the lanes down", context=local)
        for act in (self.act_fit, self.act_zoom_in, self.act_zoom_out, self.act_pan_left, self.act_pan_right,
                    self.act_scroll_up, self.act_scroll_down):
            self.removeAction(act)
            self.timeline.addAction(act)

        self.act_back = self._action("&Back", self.state.go_back, [K.Back, "Alt+Left"], "back", "Back to what you looked at before (Alt+Left)")
        self.act_forward = self._action("F&orward", self.state.go_forward, [K.Forward, "Alt+Right"], "forward", "Forward again (Alt+Right)")

        self.group_actions = QActionGroup(self)
        self.group_actions.setExclusive(True)
        self.act_by_tech = self._action("Lanes by &Technology", lambda on: on and self.state.set_group_by("technology"),
                                        ["Ctrl+1"], "by-technology", "One lane per technology (Ctrl+1)", checkable=True)
        self.act_by_company = self._action("Lanes by &Company", lambda on: on and self.state.set_group_by("company"),
                                           ["Ctrl+2"], "by-company", "One lane per company (Ctrl+2)", checkable=True)
        self.group_actions.addAction(self.act_by_tech)
        self.group_actions.addAction(self.act_by_company)
        self.act_by_tech.setIconText("Technology")
        self.act_by_company.setIconText("Company")

        self.act_dark = self._action("&Dark Theme", lambda on: self.set_theme("dark" if on else "light"),
                                     ["Ctrl+Shift+D"], "theme", "Switch between light and dark (Ctrl+Shift+D)", checkable=True)
        self.act_help = self._action("&Keyboard Shortcuts", self.show_help, [K.HelpContents, "F1"], None, "What the keys do")
        self.act_about = self._action("&About NEV Roadmap", self.show_about, [], None, "Version and data sources")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addActions([self.act_open, self.act_open_folder, self.act_reload])
        m.addSeparator()
        m.addAction(self.act_export)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = mb.addMenu("&Edit")
        m.addActions([self.act_copy_image])
        m.addSeparator()
        m.addActions([self.act_find, self.act_clear])
        m = mb.addMenu("&View")
        m.addActions([self.act_fit, self.act_zoom_in, self.act_zoom_out])
        nav = m.addMenu("&Navigate")
        nav.addActions([self.act_pan_left, self.act_pan_right, self.act_scroll_up, self.act_scroll_down])
        m.addSeparator()
        m.addActions([self.act_back, self.act_forward])
        m.addSeparator()
        m.addActions([self.act_by_tech, self.act_by_company])
        m.addSeparator()
        m.addAction(self.act_dark)
        m.addSeparator()
        self.act_show_filters = self.filter_dock.toggleViewAction()
        self.act_show_filters.setText("&Filters Panel")
        self.act_show_details = self.details_dock.toggleViewAction()
        self.act_show_details.setText("&Details Panel")
        m.addActions([self.act_show_filters, self.act_show_details])
        self.act_reset_layout = QAction("&Reset Window Layout", self)
        self.act_reset_layout.triggered.connect(self.reset_layout)
        m.addAction(self.act_reset_layout)
        m = mb.addMenu("&Help")
        m.addActions([self.act_help, self.act_about])

    def _make_toolbar(self) -> None:
        tb = self.addToolBar("Main")
        tb.setObjectName("mainToolBar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar = tb
        self.act_open.setIconText("Open")
        self.act_export.setIconText("Export")
        self.act_fit.setIconText("Fit")
        self.act_back.setIconText("Back")
        self.act_forward.setIconText("Forward")
        self.act_clear.setIconText("Clear filters")
        self.act_dark.setIconText("Dark")
        tb.addActions([self.act_open, self.act_export])
        tb.addSeparator()
        tb.addActions([self.act_fit, self.act_zoom_in, self.act_zoom_out])
        tb.addSeparator()
        tb.addActions([self.act_back, self.act_forward])
        tb.addSeparator()
        tb.addWidget(QLabel(" Lanes: ", tb))
        tb.addActions([self.act_by_tech, self.act_by_company])
        tb.addSeparator()
        tb.addActions([self.act_clear, self.act_dark])
        for act in (self.act_zoom_in, self.act_zoom_out):
            tb.widgetForAction(act).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _install_evidence_views(self) -> None:
        """Metrics pane, competing-claims view and forecast drift (issue 10): see gui/evidence_views.py."""
        from nevroadmap.gui.evidence_views import install

        install(self)

    # -- theme -------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        if name not in THEME_NAMES:
            raise ValueError(f"unknown theme {name!r}")
        if name == self.theme and self.act_dark.isChecked() == (name == "dark"):
            return
        self._apply_theme(name)
        self.settings.setValue("theme", name)

    def _apply_theme(self, name: str) -> None:
        self.theme = name
        apply_theme(name)
        self.timeline.set_theme(name)
        with _Blocked(self.act_dark):
            self.act_dark.setChecked(name == "dark")
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
        self.setWindowTitle(f"NEV Roadmap — {dataset_name(self.state.roadmap)}")
        self._refit = True
        self._update_status()

    def _on_selection_changed(self) -> None:
        mid = self.state.selected_milestone
        self.timeline.set_selection(mid)
        if mid:  # chosen from a link or Back/Forward: bring it into view (keeps the zoom)
            self.timeline.reveal(mid)
        if self.state.selection is not None and not self.details_dock.isVisible():
            self.details_dock.show()

    def _on_group_by_changed(self) -> None:
        act = self.act_by_tech if self.state.group_by == "technology" else self.act_by_company
        if not act.isChecked():
            act.setChecked(True)  # the group unchecks the other; its slot sees no change
        self.settings.setValue("group_by", self.state.group_by)

    def _update_history_actions(self) -> None:
        self.act_back.setEnabled(self.state.can_go_back())
        self.act_forward.setEnabled(self.state.can_go_forward())

    def flash(self, text: str, msecs: int = 4000) -> None:
        """A transient message at the right of the status bar (0: until replaced)."""
        self.message_label.setText(text)
        if text and msecs:
            self._message_timer.start(msecs)
        else:
            self._message_timer.stop()

    def status_text(self) -> str:
        return self.status_label.text()

    def _update_status(self) -> None:
        st = self.state
        text = f"{st.shown_count:,} of {st.total_count:,} milestones shown"
        described = st.filter.describe(st.roadmap)
        if described:
            text += f"  ·  Filters: {described}"
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        self.act_clear.setEnabled(not st.filter.is_empty)

    # -- widgets -> state --------------------------------------------------------
    def _on_milestone_clicked(self, milestone_id: str) -> None:
        self.state.select_milestone(milestone_id or None)

    def _on_organization_clicked(self, org_id: str) -> None:
        if org_id:
            self.state.select_organization(org_id)

    def focus_search(self) -> None:
        if not self.filter_dock.isVisible():
            self.filter_dock.show()
        self.filter_dock.raise_()
        self.filter_panel.focus_search()

    # -- opening data ----------------------------------------------------------------
    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open roadmap data", self._last_dir(),
                                              "Roadmap data (*.yaml *.yml *.json *.toml);;All files (*)")
        if path:
            self.settings.setValue("last_dir", str(Path(path).parent))
            self.open_path(path)

    def open_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open a folder of roadmap data", self._last_dir())
        if path:
            self.settings.setValue("last_dir", str(Path(path).parent))
            self.open_path(path)

    def reload(self) -> None:
        # the dataset last asked for: after a broken file fell back to the bundled data,
        # F5 tries the user's file again once they have fixed it
        self.open_path(self.requested_path)

    def is_loading(self) -> bool:
        return self._loading

    def open_path(self, path: str | os.PathLike | None, *, fallback: bool = False, background: bool = True) -> None:
        """Load a dataset (None: the bundled one) and show it when it is valid.

        With ``fallback`` a dataset with problems is listed and the bundled
        dataset is shown instead (used at startup).  Loading runs on a worker
        thread unless ``background`` is False; ``sigLoadFinished`` tells when
        it is done.
        """
        path = None if path is None else os.fspath(path)
        if not getattr(self, "_falling_back", False):
            self.requested_path = path
        self._job += 1
        job = self._job
        self._set_busy(True, path)

        def work() -> None:
            try:
                from nevroadmap.core.loader import load

                prepared = prepare(load(path), self.state.group_by, self.state.label_years_per_char)
                result = (job, prepared, None)
            except BaseException as exc:  # handed to the GUI thread: shown there, never lost
                result = (job, None, exc)
            if background:
                self._sigLoaded.emit(*result)
            else:
                self._finish_load(*result, path=path, fallback=fallback)

        self._pending = (path, fallback)
        if background:
            threading.Thread(target=work, name="nevroadmap-load", daemon=True).start()
        else:
            work()

    @Slot(int, object, object)
    def _on_loaded(self, job: int, prepared: Prepared | None, exc: BaseException | None) -> None:
        path, fallback = self._pending
        self._finish_load(job, prepared, exc, path=path, fallback=fallback)

    def _finish_load(self, job: int, prepared: Prepared | None, exc: BaseException | None, *,
                     path: str | None, fallback: bool) -> None:
        if job != self._job:  # a newer load replaced this one
            return
        self._set_busy(False, path)
        if prepared is not None:
            self.current_path = path
            self.state.set_roadmap(prepared)
            self.flash(f"Loaded {prepared.roadmap.summary()}", 5000)
            self.sigLoadFinished.emit(True)
            return
        shown = path or str(bundled_data_path())
        if isinstance(exc, RoadmapError):
            note = ("The bundled dataset is shown instead." if fallback and path is not None
                    else "The roadmap shown was not changed.")
            self.show_problems(shown, exc.problems, note)
        else:
            self.sigLoadFinished.emit(False)
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self.sigLoadFinished.emit(False)
        if fallback and path is not None:
            self._falling_back = True
            try:
                self.open_path(None, background=False)
            finally:
                self._falling_back = False

    def _set_busy(self, busy: bool, path: str | None) -> None:
        if busy == self._loading:
            return
        self._loading = busy
        for act in (self.act_open, self.act_open_folder, self.act_reload):
            act.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.flash(f"Loading {path or 'the bundled dataset'}…", 0)
        else:
            QApplication.restoreOverrideCursor()
            self.flash("", 0)

    def show_problems(self, path: str, problems, note: str = "The roadmap shown was not changed.") -> ProblemsDialog:
        if self.problems_dialog is not None:
            self.problems_dialog.close()
            self.problems_dialog.deleteLater()
        dlg = ProblemsDialog(path, problems, self, kept_note=note)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.problems_dialog = dlg
        dlg.open()  # window-modal, returns at once
        return dlg

    # -- images ------------------------------------------------------------------
    def export_image_dialog(self):
        from nevroadmap.gui.export_dialog import ExportDialog

        dlg = ExportDialog(self.state, self.settings, self.timeline.visible_range(), self.theme, self)
        dlg.accepted.connect(lambda: self.flash(f"Exported {dlg.exported_path}", 6000))
        self.export_dialog = dlg
        dlg.open()  # window-modal, returns at once
        return dlg

    def copy_image(self) -> None:
        """Put a picture of the roadmap (as the export would draw it) on the clipboard."""
        image = None
        try:
            from nevroadmap.gui.export_dialog import render_image

            image = render_image(self.state, self.settings, self.timeline.visible_range(), self.theme)
        except ImportError:
            image = None
        if image is None or image.isNull():
            image = self.timeline.grab().toImage()
        QGuiApplication.clipboard().setImage(QImage(image))
        self.flash(f"Copied a {image.width()}×{image.height()} image to the clipboard", 4000)

    # -- help --------------------------------------------------------------------
    def about_html(self) -> str:
        rm = self.state.roadmap
        items = []
        for s in rm.sources:
            line = f"<b>{esc(s.title)}</b>"
            if s.publisher:
                line += f", {esc(s.publisher)}"
            url = safe_http_url(s.url)
            if url:
                line += f'<br><a href="{esc(url)}">{esc(url)}</a>'
            elif s.url:
                line += f"<br>{esc(s.url)}"
            items.append(f"<li>{line}</li>")
        sources = "<ul>" + "".join(items) + "</ul>" if items else "<p>No sources in this dataset.</p>"
        return (f"<h3>NEV Roadmap {esc(__version__)}</h3>"
                "<p>A zoomable timeline of new-energy-vehicle technology milestones, "
                "each backed by attributed claims: who said what, where and when.</p>"
                f"<p>Dataset: {esc(dataset_name(rm))} ({esc(rm.summary())}).</p>"
                f"<p><b>Data sources</b></p>{sources}")

    def _message(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.NoIcon, title, "", QMessageBox.StandardButton.Close, self)
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message_box = box
        box.open()
        return box

    def show_about(self) -> QMessageBox:
        return self._message("About NEV Roadmap", self.about_html())

    def show_help(self) -> QMessageBox:
        rows = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
                       for k, v in SHORTCUTS_HELP)
        text = ("<h3>Keyboard shortcuts</h3>"
                "<p>Click a milestone to see who says so; click a company name to see its profile. "
                "Drag to pan, scroll to zoom.</p>"
                f"<table>{rows}</table>")
        return self._message("NEV Roadmap Help", text)

    # -- window state ------------------------------------------------------------
    def _restore_geometry(self) -> None:
        self._default_state = self.saveState()
        geo = self.settings.value("window/geometry")
        if isinstance(geo, (QByteArray, bytes)):
            self.restoreGeometry(QByteArray(geo))
        st = self.settings.value("window/state")
        if isinstance(st, (QByteArray, bytes)):
            self.restoreState(QByteArray(st))
        else:
            self.resizeDocks([self.filter_dock, self.details_dock], [270, 390], Qt.Orientation.Horizontal)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        self.filter_dock.show()
        self.details_dock.show()
        self.resizeDocks([self.filter_dock, self.details_dock], [270, 390], Qt.Orientation.Horizontal)

    def save_window_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.save_window_state()
        if self._loading:
            QApplication.restoreOverrideCursor()
            self._loading = False
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        QTimer.singleShot(0, self.timeline.setFocus)


class _Blocked:
    """``with _Blocked(obj):`` - no signals from obj inside (QSignalBlocker for QAction too)."""

    def __init__(self, obj) -> None:
        self.obj = obj

    def __enter__(self):
        self.was = self.obj.blockSignals(True)
        return self.obj

    def __exit__(self, *exc) -> None:
        self.obj.blockSignals(self.was)
