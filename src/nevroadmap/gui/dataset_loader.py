"""Loading a dataset off the GUI thread, in an object of its own with its own signals.

:class:`DatasetLoader` reads a data file or folder (``None``: the bundled
dataset) and prepares it for the window on one worker thread: first what the
first frame needs (filter index, the shown grouping's packing), delivered by
``sigLoaded``; then, once the window has had its turn to paint it, the same
worker builds the rest (search text, the other grouping, claims per
organization: :meth:`Prepared.complete`), so that the first search or
grouping switch does not wait for them.  The newest request wins: a request made while another
runs supersedes it (its result, good or bad, is dropped), and requests that
have not started yet are cancelled.  :meth:`shutdown` waits for the running
job, so no thread outlives the window.

Signals (all delivered on the GUI thread):

* ``sigStarted(path)`` - a load began (path is ``None`` for the bundled data)
* ``sigProgress(path, stage)`` - ``"reading"`` or ``"preparing"``
* ``sigLoaded(path, prepared)`` - the dataset is ready (a :class:`Prepared`)
* ``sigFailed(path, problems)`` - the data has problems (``file:line: message`` each)
* ``sigCrashed(path, exc)`` - an unexpected error (a bug): the window reports it
* ``sigBusy(bool)`` - a load is running / all loads are done
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot

from nevroadmap.core.loader import RoadmapError
from nevroadmap.gui.state import AppState, Prepared, prepare

__all__ = ["DatasetLoader"]

# how long the worker waits for the GUI to paint a new dataset before it completes the preparation
PAINT_GRACE_S = 1.0


class _AfterNextPaint(QObject):
    """Calls ``done`` once the next repaint pass that paints ``watched`` is over (then removes
    itself).  ``watched`` is the widget that shows the data (its own events only: a filter on
    the whole application would run for every event of every widget until then); None: any."""

    def __init__(self, done, watched: QObject | None = None) -> None:
        super().__init__()
        self._done = done
        self._watched = watched if watched is not None else QCoreApplication.instance()
        self._watched.installEventFilter(self)

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.Paint and self._done is not None:
            self._watched.removeEventFilter(self)
            done, self._done = self._done, None
            QTimer.singleShot(0, done)  # after the whole pass
        return False


# the after-paint check of repeated JSON keys reads the text once more; above this size it would
# raise the app's peak memory beyond its budget (README "Performance"), so only validate/list/export check
LATE_CHECK_MAX_BYTES = 32 * 1024 * 1024


class DatasetLoader(QObject):
    sigStarted = Signal(object)  # path | None
    sigProgress = Signal(object, str)  # path, stage: "reading" | "preparing"
    sigLoaded = Signal(object, object)  # path, Prepared
    sigFailed = Signal(object, list)  # path, [problem text]
    sigCrashed = Signal(object, object)  # path, exception
    sigBusy = Signal(bool)
    # path, [problem text]: found after the roadmap was delivered (a key repeated in a JSON record)
    sigLateProblems = Signal(object, list)
    # from the worker thread to this object's (GUI) thread
    _sigDone = Signal(int, object, object, object)  # job, path, Prepared | None, exception | None
    _sigStage = Signal(int, object, str)
    _sigCompleted = Signal(int, object)  # job, Prepared: its lazy parts are built
    _sigLate = Signal(int, object, list)  # job, path, [problem text]

    def __init__(self, state: AppState, parent: QObject | None = None, shown_in: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._job = 0
        self._running: int | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._futures: list[Future] = []
        self._shown = threading.Event()  # set once the GUI has painted the newest result
        self._after_paint: _AfterNextPaint | None = None
        self._shown_in = shown_in  # the widget whose first paint of a dataset lets the worker finish it
        self._sigDone.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._sigStage.connect(self._on_stage, Qt.ConnectionType.QueuedConnection)
        self._sigCompleted.connect(self._on_completed, Qt.ConnectionType.QueuedConnection)
        self._sigLate.connect(self._on_late, Qt.ConnectionType.QueuedConnection)

    # -- asking ------------------------------------------------------------------
    @property
    def current_job(self) -> int:
        """The number of the newest request (the only one whose result is delivered)."""
        return self._job

    def is_busy(self) -> bool:
        return self._running is not None

    def load(self, path: str | os.PathLike | None, *, background: bool = True) -> int:
        """Start loading ``path``; returns the job number.  Without ``background`` it runs here and now."""
        path = None if path is None else os.fspath(path)
        self._job += 1
        job = self._job
        for fut in self._futures:  # not started yet: never will be
            fut.cancel()
        self._futures = [f for f in self._futures if not f.done()]
        was_busy = self.is_busy()
        self._running = job
        self.sigStarted.emit(path)
        if not was_busy:
            self.sigBusy.emit(True)
        args = (job, path, self.state.group_by, self.state.label_years_per_char)
        if background:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nevroadmap-load")
            self._futures.append(self._pool.submit(self._work, *args, queued=True))
        else:
            result = self._work(*args, queued=False)
            self._finish(*result)
            if result[2] is not None and job == self._job and self._complete(job, result[2], self.state.group_by):
                self._on_completed(job, result[2])
            if result[2] is not None:
                late = self._late_problems(job, path)
                if late:
                    self._on_late(job, path, late)
        return job

    def shutdown(self) -> None:
        """Drop every request and wait for the running one (call when the window closes)."""
        self._job += 1  # whatever still arrives is stale
        self._shown.set()  # a worker waiting to complete a dataset stops at once
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures = []
        if self._running is not None:
            self._running = None
            self.sigBusy.emit(False)

    # -- the worker ----------------------------------------------------------------
    def _work(self, job: int, path: str | None, group_by: str, label_years_per_char: float, *, queued: bool):
        def stage(name: str) -> None:
            if queued:
                self._sigStage.emit(job, path, name)
            else:
                self._on_stage(job, path, name)

        try:
            from nevroadmap.core.loader import load

            stage("reading")
            roadmap = load(path)
            stage("preparing")
            result = (job, path, prepare(roadmap, group_by, label_years_per_char), None)
        except BaseException as exc:  # handed to the GUI thread: shown there, never lost
            result = (job, path, None, exc)
        if queued:
            self._shown.clear()
            self._sigDone.emit(*result)
            if result[2] is not None:
                # let the GUI thread paint first (it needs the interpreter), then build the rest here
                deadline = time.monotonic() + PAINT_GRACE_S
                while job == self._job and not self._shown.wait(0.02) and time.monotonic() < deadline:
                    pass
                if self._complete(job, result[2], group_by):
                    self._sigCompleted.emit(job, result[2])
                late = self._late_problems(job, path)
                if late:
                    self._sigLate.emit(job, path, late)
        return result

    def _late_problems(self, job: int, path) -> list[str]:
        """What the fast JSON path lets through, checked after the first paint (the full check
        would make a big tracker wait): a key given twice in one record."""
        if job != self._job:
            return []
        try:
            from nevroadmap.core.loader import repeated_json_keys

            return [str(p) for p in repeated_json_keys(path, max_bytes=LATE_CHECK_MAX_BYTES)]
        except Exception:  # noqa: BLE001 - a check that cannot run is not a problem of the data
            return []

    def _complete(self, job: int, prepared: Prepared, group_by: str) -> bool:
        try:
            return prepared.complete(group_by, keep_going=lambda: job == self._job)
        except Exception:  # noqa: BLE001 - the same parts are built again on first use, where errors show
            return False

    # -- back on the GUI thread -------------------------------------------------------
    @Slot(int, object, str)
    def _on_stage(self, job: int, path, stage: str) -> None:
        if job == self._job:
            self.sigProgress.emit(path, stage)

    @Slot(int, object, list)
    def _on_late(self, job: int, path, problems: list) -> None:
        if job == self._job:
            self.sigLateProblems.emit(path, problems)

    @Slot(int, object)
    def _on_completed(self, job: int, prepared: Prepared) -> None:
        if job == self._job:
            self.state.note_completed(prepared)

    @Slot(int, object, object, object)
    def _on_done(self, job: int, path, prepared, exc) -> None:
        self._finish(job, path, prepared, exc)

    def _finish(self, job: int, path: str | None, prepared: Prepared | None, exc: BaseException | None) -> None:
        if job != self._job:  # a newer request replaced this one
            return
        self._running = None
        if prepared is not None:
            self.sigLoaded.emit(path, prepared)
            self._after_paint = _AfterNextPaint(self._shown.set, self._shown_in)  # the worker completes it after that
        elif isinstance(exc, RoadmapError):
            self.sigFailed.emit(path, [str(p) for p in exc.problems])
        else:
            self.sigCrashed.emit(path, exc)
        if self._running is None:  # a handler may have asked for the next load already
            self.sigBusy.emit(False)
