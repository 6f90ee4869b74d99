"""Starting the desktop app: ``nevroadmap [PATH]`` ends up in :func:`run_app`.

Also the top-level exception hook: an unexpected error is written with its
traceback to ``nevroadmap.log`` in the user's data folder and shown in a
readable dialog, and the app keeps running.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import traceback
from pathlib import Path

# No Qt here: make_application() imports the Qt-free core before PySide6 (see there).

__all__ = ["run_app", "start_gui", "main", "make_application", "install_excepthook", "ExceptionHook", "build_main_window"]


# The Qt-free modules the first window needs (numpy, the model, the loader, the layout, the
# claims...).  PySide6 installs an import hook that reads the source of every module imported
# after it (its ``__feature__`` check, ~0.15 ms a module), so they are imported before it.
QT_FREE_FIRST = ("numpy", "nevroadmap.core.layout", "nevroadmap.core.loader", "nevroadmap.core.claims",
                 "nevroadmap.core.facets", "nevroadmap.core.navigation", "nevroadmap.core.provenance",
                 "nevroadmap.core.language", "nevroadmap.core.safe_paths")


def _import_qt_free_core() -> None:
    import importlib

    for name in QT_FREE_FIRST:
        importlib.import_module(name)


def make_application(argv: list[str] | None = None):
    """The QApplication (created once per process) with name, organization and icon."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    _import_qt_free_core()
    from PySide6.QtWidgets import QApplication

    from nevroadmap import __version__
    from nevroadmap.gui.icons import app_icon
    from nevroadmap.gui.settings import APPLICATION, ORGANIZATION

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0] if sys.argv else "nevroadmap"])
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("NEV Roadmap")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("nevroadmap")
    app.setWindowIcon(app_icon())
    return app


class ExceptionHook:
    """``sys.excepthook`` for the GUI: log the traceback, show a dialog, carry on.

    ``show`` is the function that presents the message (patched in tests);
    while one dialog is open further errors are only logged, so a broken
    paint routine cannot bury the user under dialogs.
    """

    def __init__(self, log_path: Path | None = None, parent_getter=None, show=None) -> None:
        self.log_path = log_path
        self.parent_getter = parent_getter or (lambda: None)
        self.show = show or self._show_dialog
        self.previous = sys.excepthook
        self._box = None
        self.count = 0
        self._log_warned = False

    def _log_path(self) -> Path:
        if self.log_path is not None:
            return Path(self.log_path)
        from nevroadmap.gui.settings import log_path

        return log_path()

    def write_log(self, text: str) -> Path | None:
        from PySide6.QtCore import QCoreApplication

        from nevroadmap.core.safe_paths import append_plain

        path = self._log_path()
        if append_plain(path, text):
            return path
        if not self._log_warned:  # a link or FIFO in the log's place: never written through, said once
            self._log_warned = True
            try:
                sys.stderr.write(QCoreApplication.translate(
                    "app", "nevroadmap: the log %1 is not a plain file (a link, FIFO or folder?) or cannot be "
                           "written; nothing is logged").replace("%1", str(path)) + "\n")
            except (OSError, ValueError):
                pass
        return None

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        self.count += 1
        from PySide6.QtCore import QCoreApplication

        from nevroadmap import __version__

        tb_text = "".join(traceback.format_exception(exc_type, exc, tb))
        stamp = _dt.datetime.now().isoformat(timespec="seconds")
        where = self.write_log(f"--- {stamp} nevroadmap {__version__} ---\n{tb_text}\n")
        sys.stderr.write(tb_text)
        summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
        message = QCoreApplication.translate(
            "app", "NEV Roadmap ran into an unexpected error. You can keep working; "
                   "if something looks wrong, reload the data (F5).") + "\n\n" + summary
        if where is not None:
            written = QCoreApplication.translate("app", "The details were written to %1")
            message += "\n\n" + written.replace("%1", str(where))
        try:
            self.show(message, tb_text)
        except Exception:  # the hook itself must never raise
            pass

    def _show_dialog(self, message: str, details: str) -> None:
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            return
        if self._box is not None and self._box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("app", "Unexpected error"), message,
                          QMessageBox.StandardButton.Ok, self.parent_getter())
        box.setTextFormat(Qt.TextFormat.PlainText)  # an error message may quote data or a file name
        box.setDetailedText(details)
        self._box = box
        box.open()  # non-blocking: the event loop keeps running


def install_excepthook(log_path: Path | None = None, parent_getter=None, show=None) -> ExceptionHook:
    hook = ExceptionHook(log_path, parent_getter, show)
    sys.excepthook = hook
    return hook


def build_main_window(path: str | os.PathLike | None = None, theme: str | None = None, *, fallback: bool = True,
                      background: bool = True, reopen: bool = True):
    """A main window on an empty roadmap that starts loading ``path``.

    Without a path it reopens the dataset of the last session (when ``reopen``
    and it still exists), else the bundled data.  The small bundled dataset is
    loaded at once, before the window is shown, so the first frame already shows it.
    """
    from nevroadmap.gui.main_window import MainWindow
    from nevroadmap.gui.state import AppState

    window = MainWindow(AppState(), theme=theme)
    if path is not None or not (reopen and window.reopen_last(background=background)):
        window.open_path(path, fallback=fallback, background=background and path is not None)
    return window


def start_gui(path: str | os.PathLike | None = None, lang: str | None = None, *, reopen: bool = True):
    """What ``nevroadmap`` does before its event loop: the application, the language, the error
    dialog and the main window, shown on ``path`` (None: the last dataset when ``reopen``, else the
    bundled one).  The cyclic garbage collector waits until the window's first frame is painted
    (:func:`nevroadmap.runtime.hold_collections`).  Returns (application, window)."""
    from nevroadmap.runtime import hold_collections

    hold_collections()
    app = make_application()
    from nevroadmap.gui.language import apply_language, startup_language
    from nevroadmap.gui.settings import make_settings

    apply_language(startup_language(lang, make_settings()))
    window_ref: list = []
    install_excepthook(parent_getter=lambda: window_ref[0] if window_ref else None)
    window = build_main_window(path, reopen=reopen)
    window_ref.append(window)
    window.show()
    _release_collections_after_first_frame(window)
    return app, window


def _release_collections_after_first_frame(window, limit_ms: int = 10_000) -> None:
    """Release the garbage collector once ``window`` is painted (or after ``limit_ms``, for a
    window that starts minimised)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from nevroadmap.runtime import release_collections

    class AfterFirstFrame(QObject):
        def __init__(self) -> None:
            super().__init__(window)
            self.pending = True
            window.installEventFilter(self)
            QTimer.singleShot(limit_ms, self.release)

        def eventFilter(self, obj, ev) -> bool:  # noqa: N802 - Qt override
            if ev.type() == QEvent.Type.Paint and self.pending:
                window.removeEventFilter(self)
                QTimer.singleShot(0, self.release)  # after the whole repaint pass
            return False

        def release(self) -> None:
            if self.pending:
                self.pending = False
                release_collections()

    window._collections_released = AfterFirstFrame()


def run_app(path: str | os.PathLike | None = None, lang: str | None = None) -> int:
    """Open the app on ``path`` (a data file or folder; None: the bundled dataset) in ``lang``
    (None: ``$NEVROADMAP_LANG``, the language chosen in ``View > Language``, or the system's)."""
    app, _window = start_gui(path, lang)
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    """``nevroadmap-gui [--lang LANG] [PATH]``: the app only (a GUI script: no console window on Windows)."""
    from nevroadmap.runtime import start_up

    args = list(sys.argv[1:] if argv is None else argv)
    lang = None
    paths = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--lang" and i + 1 < len(args):
            lang, i = args[i + 1], i + 2
            continue
        if a.startswith("--lang="):
            lang = a.split("=", 1)[1]
        elif not a.startswith("-"):
            paths.append(a)
        i += 1
    start_up()  # once, on the main thread, as the command line does
    return run_app(paths[0] if paths else None, lang=lang)
