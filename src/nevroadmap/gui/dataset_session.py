"""The main window's dataset: opening it, keeping it live, remembering it, and its problems window.

A :class:`DatasetSession` belongs to a main window and does the loading side
of it:

* requests go to a :class:`~nevroadmap.gui.dataset_loader.DatasetLoader`
  (worker thread, newest request wins); the status bar shows the progress and,
  when it is done, what happened (:mod:`nevroadmap.gui.load_report`);
* the requested file or folder is watched (:mod:`nevroadmap.gui.file_watcher`):
  a save reloads it keeping the place (zoom and rows, filters, lanes,
  selection), like F5; a broken save lists its problems in the one problems
  window, updated in place, and the last good roadmap stays;
* every dataset opened goes to ``File > Open Recent``
  (:mod:`nevroadmap.gui.recent_files`); :meth:`reopen_last` opens the last one
  on start;
* a dataset that cannot be opened at startup (``fallback``) is listed and the
  bundled dataset shown instead; an import's warnings (what it left out) are
  listed after it loads, once.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot

from nevroadmap.core.loader import bundled_data_path
from nevroadmap.gui.dataset_loader import DatasetLoader
from nevroadmap.gui.file_watcher import DatasetWatcher
from nevroadmap.gui.load_report import dropped_note, loaded_message
from nevroadmap.gui.recent_files import RecentFiles
from nevroadmap.gui.state import Prepared

if TYPE_CHECKING:
    from nevroadmap.gui.problems_dialog import ProblemsDialog

__all__ = ["DatasetSession"]


class DatasetSession(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        timeline = getattr(window, "timeline", None)
        self.loader = DatasetLoader(self.state, self, timeline.canvas if timeline is not None else None)
        self.loader.sigStarted.connect(self._on_load_started)
        self.loader.sigProgress.connect(self._on_load_progress)
        self.loader.sigLoaded.connect(self._on_loaded)
        self.loader.sigFailed.connect(self._on_load_failed)
        self.loader.sigCrashed.connect(self._on_load_crashed)
        self.loader.sigBusy.connect(self._on_busy)
        self.loader.sigLateProblems.connect(self._on_late_problems)
        self.current_path: str | None = None
        self.requested_path: str | None = None  # what Reload loads again
        self._fallback = False
        self._fallback_background = True
        self.problems_dialog: ProblemsDialog | None = None
        self.keeping_place = False  # a reload of the dataset shown is being applied: no refit
        self._keep_place = False  # the request in flight is such a reload
        self._reopening: str | None = None
        self.watcher = DatasetWatcher(self)
        self.watcher.sigChanged.connect(self._on_disk_changed)
        self.recent = RecentFiles(window.settings, self)
        self.recent.sigOpen.connect(self.open_path)
        self.recent.sigMessage.connect(lambda text: window.flash(text, 8000))
        self.recent.attach(window.menus["file/recent"], window.act_clear_recent)

    # -- asking ------------------------------------------------------------------
    def reload(self) -> None:
        # the dataset last asked for: after a broken file fell back to the bundled data,
        # F5 tries the user's file again once they have fixed it
        self.open_path(self.requested_path, keep_place=True)

    def _on_disk_changed(self, path: str) -> None:
        if self.requested_path is not None and os.path.abspath(self.requested_path) == path:
            self.reload()

    def reopen_last(self, background: bool = True) -> bool:
        """Open the dataset of the last session (False when there is none on disk)."""
        last = self.recent.last()
        if last is None or not os.path.exists(last):
            return False
        self._reopening = last
        self.open_path(last, fallback=True, background=background)
        return True

    def is_loading(self) -> bool:
        return self.loader.is_busy()

    def open_path(self, path: str | os.PathLike | None, *, fallback: bool = False, background: bool = True,
                  keep_place: bool = False) -> None:
        """Load a dataset (None: the bundled one) and show it when it is valid.

        With ``fallback`` a dataset with problems is listed and the bundled
        dataset is shown instead (used at startup).  Loading runs on a worker
        thread unless ``background`` is False; the window's ``sigLoadFinished``
        tells when it is done.  The newest request wins.  With ``keep_place``
        (a reload of the dataset shown) the zoom and row scroll stay as they are.
        """
        path = None if path is None else os.fspath(path)
        self._keep_place = keep_place and path == self.current_path
        if path != self.requested_path or self.watcher.path is None:
            self.watcher.watch(path)  # from the request on: a broken file reloads once it is fixed
        self.requested_path = path
        self._fallback = fallback and path is not None  # for this request, the newest
        self._fallback_background = background
        self.loader.load(path, background=background)

    def shutdown(self) -> None:
        """The window closes: stop watching, drop the requests, wait for the running load."""
        self.watcher.watch(None)
        self.loader.shutdown()

    # -- what the loader says ------------------------------------------------------
    def _shown_name(self, path: str | None) -> str:
        return Path(path).name if path else self.tr("the bundled dataset")

    def _on_load_started(self, path: str | None) -> None:
        self.window.status_bar.show_busy(self.tr("Loading %1…").replace("%1", self._shown_name(path)))

    def _on_load_progress(self, path: str | None, stage: str) -> None:
        text = self.tr("Loading %1: laying out the lanes…") if stage == "preparing" else self.tr("Loading %1…")
        self.window.status_bar.show_busy(text.replace("%1", self._shown_name(path)))

    def _on_loaded(self, path: str | None, prepared: Prepared) -> None:
        st, window = self.state, self.window
        keep = self._keep_place and path == self.current_path
        old, old_filter, old_selection = st.roadmap, st.filter, st.selection
        self.current_path = path
        self.keeping_place = keep  # read by the window when the roadmap changes: no refit
        try:
            st.set_roadmap(prepared)
        finally:
            self.keeping_place = self._keep_place = False
        if path is not None:
            self.recent.add(path)
        reopened = self._reopening is not None and self._reopening == path
        self._reopening = None
        note = dropped_note(old, old_filter, old_selection, st)
        window.status_bar.flash(loaded_message(path, prepared.roadmap, reopened=reopened, reloaded=keep, note=note),
                                15000 if note or reopened else 5000, window.act_open_bundled if reopened else None)
        dlg, where, warnings = self.problems_dialog, path or str(bundled_data_path()), list(prepared.roadmap.warnings)
        errors_shown = dlg is not None and dlg.isVisible() and dlg.path == where and not dlg.warnings
        if warnings and (errors_shown or not (keep and warnings == list(old.warnings))):  # (a save: said already)
            self.show_problems(where, warnings, warnings=True)
        elif errors_shown or (not warnings and dlg is not None and dlg.isVisible() and dlg.path == where):
            dlg.close()  # the problems it lists are fixed
        window.sigLoadFinished.emit(True)

    def _on_late_problems(self, path: str | None, problems: list) -> None:
        """Problems found after the roadmap was shown (a key repeated in a JSON record)."""
        self.show_problems(path or str(bundled_data_path()), problems,
                           note=self.tr("The roadmap shown uses the last value of each repeated key."))

    def _on_load_failed(self, path: str | None, problems: list) -> None:
        self.window.flash("", 0)
        fallback, self._fallback = self._fallback, False
        self._keep_place = False
        self._reopening = None
        note = self.tr("The bundled dataset is shown instead.") if fallback else self.kept_note()
        self.show_problems(path or str(bundled_data_path()), problems, note)
        self.window.sigLoadFinished.emit(False)
        if fallback:
            self.loader.load(None, background=self._fallback_background)

    def _on_load_crashed(self, path: str | None, exc: BaseException) -> None:
        self.window.flash("", 0)
        self.window.sigLoadFinished.emit(False)
        sys.excepthook(type(exc), exc, exc.__traceback__)

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        if not busy:
            self.window.status_bar.clear_busy()

    # -- the problems window -----------------------------------------------------------
    def kept_note(self) -> str:
        """What a failed load left in the window: the roadmap shown before, or (at start-up, before
        anything loaded) no roadmap at all, which the problems window must not call "not changed"."""
        if self.state.has_dataset:
            return self.tr("The roadmap shown was not changed.")
        return self.tr("No roadmap is shown.")

    def show_problems(self, path: str, problems, note: str | None = None, warnings: bool = False) -> ProblemsDialog:
        """The one problems window, shown (not modal), or updated in place when open: not raised or
        activated again, so a save that is still broken does not take the focus from the editor."""
        if note is None and not warnings:
            note = self.kept_note()
        dlg = self.problems_dialog
        if dlg is None:
            from nevroadmap.gui.problems_dialog import ProblemsDialog  # first use: not needed to start

            dlg = ProblemsDialog(path, problems, self.window, kept_note=note, warnings=warnings)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            dlg.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
            self.problems_dialog = dlg
        else:
            dlg.set_problems(path, problems, note, warnings)
        if not dlg.isVisible():
            dlg.show()
        return dlg
