"""All threading of the console in one place: run a plain callable off the GUI thread.

Results and errors come back on the GUI thread through Qt signals; worker code never
touches widgets. A busy cursor shows at once, a progress dialog only after ~600 ms
(Anki's aqt/progress.py), and long work can be cancelled through ``is_cancelled``.
"""
from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.db.engine import as_unavailable

Progress = Callable[[float, str], None]
IsCancelled = Callable[[], bool]
PROGRESS_DELAY_MS = 600


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, float, str)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[..., Any], signals: _Signals, with_progress: bool,
                 cancelled: threading.Event) -> None:
        super().__init__()
        self.job_id, self.fn, self.signals = job_id, fn, signals
        self.with_progress, self.cancelled = with_progress, cancelled

    def run(self) -> None:  # worker thread: no widgets here
        try:
            if self.with_progress:
                result = self.fn(lambda f, m="": self.signals.progressed.emit(self.job_id, float(f), m),
                                 self.cancelled.is_set)
            else:
                result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self.signals.failed.emit(self.job_id, exc)
        else:
            self.signals.finished.emit(self.job_id, result)


class TaskHandle:
    """A submitted job: ask it to stop with ``cancel()``."""

    def __init__(self, job_id: int, cancelled: threading.Event) -> None:
        self.id = job_id
        self._cancelled = cancelled

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class TaskManager(QObject):
    """Submits callables to a thread pool and calls back on the GUI thread."""

    database_lost = Signal(object)  # the DatabaseUnavailable error
    database_ok = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        # Health checks get a thread of their own: queued behind a long load they would
        # time out and report a database that is merely busy as lost.
        self._check_pool = QThreadPool(self)
        self._check_pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_job_finished)
        self._signals.failed.connect(self._on_job_failed)
        self._signals.progressed.connect(self._on_job_progressed)
        self._ids = itertools.count(1)
        self._jobs: dict[int, dict[str, Any]] = {}

    def run(self, fn: Callable[[], Any], *, on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None, quiet: bool = False,
            owner: QObject | None = None) -> TaskHandle:
        """Run ``fn()`` in the pool; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

        ``quiet`` jobs (background health checks) never show the busy cursor. When ``owner``
        (the widget the callbacks belong to) is deleted first, the callbacks are skipped.
        """
        return self._submit(fn, on_done, on_error, with_progress=False, quiet=quiet, owner=owner)

    def run_check(self, fn: Callable[[], Any], *, on_done: Callable[[Any], None],
                  on_error: Callable[[BaseException], None]) -> TaskHandle:
        """Run a quick health check on its own thread, never queued behind other jobs."""
        return self._submit(fn, on_done, on_error, with_progress=False, quiet=True, pool=self._check_pool)

    def run_with_progress(self, fn: Callable[[Progress, IsCancelled], Any], *, title: str,
                          on_done: Callable[[Any], None], on_error: Callable[[BaseException], None] | None = None,
                          parent: QWidget | None = None) -> TaskHandle:
        """Run ``fn(progress, is_cancelled)``; a cancellable progress dialog appears after 600 ms."""
        handle = self._submit(fn, on_done, on_error, with_progress=True, owner=parent)
        job = self._jobs[handle.id]
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 1000, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Qt's own force-show timer would show the dialog at the first setValue();
        # keep it out of the way and let our 600 ms timer decide.
        dialog.setMinimumDuration(2**31 - 1)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(handle.cancel)
        # The dialog dies with its parent: then the work is of no use to anyone.
        dialog.destroyed.connect(lambda *_: self._orphan(handle))
        dialog.hide()
        job["dialog"] = dialog
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: handle.id in self._jobs and dialog.show())
        timer.start(PROGRESS_DELAY_MS)
        job["timer"] = timer
        return handle

    def active(self) -> int:
        return len(self._jobs)

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (for tests and shutdown)."""
        return self._pool.waitForDone(msecs) and self._check_pool.waitForDone(msecs)

    def _busy_jobs(self) -> int:
        return sum(1 for job in self._jobs.values() if not job["quiet"])

    def _orphan(self, handle: TaskHandle) -> None:
        """The job's owner is gone: cancel it, and drop its dialog and callbacks."""
        job = self._jobs.get(handle.id)
        if job is None:
            return
        handle.cancel()
        timer = job.pop("timer", None)
        if timer is not None:
            timer.stop()
        job.pop("dialog", None)
        job["owner_gone"] = True

    def _submit(self, fn, on_done, on_error, *, with_progress: bool, quiet: bool = False,
                owner: QObject | None = None, pool: QThreadPool | None = None) -> TaskHandle:
        job_id = next(self._ids)
        cancelled = threading.Event()
        if not quiet and not self._busy_jobs():
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
            self.busy_changed.emit(True)
        self._jobs[job_id] = {"on_done": on_done, "on_error": on_error, "quiet": quiet, "owner": owner}
        (pool or self._pool).start(_Job(job_id, fn, self._signals, with_progress, cancelled))
        return TaskHandle(job_id, cancelled)

    def _finish(self, job_id: int) -> dict[str, Any] | None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return None
        if "timer" in job:
            job["timer"].stop()
            job["dialog"].close()
            job["dialog"].deleteLater()
        if not job["quiet"] and not self._busy_jobs():
            QGuiApplication.restoreOverrideCursor()
            self.busy_changed.emit(False)
        owner = job["owner"]
        if job.get("owner_gone") or (owner is not None and not shiboken6.isValid(owner)):
            return None
        return job

    def _on_job_finished(self, job_id: int, result: object) -> None:
        job = self._finish(job_id)
        if job is not None:
            self.database_ok.emit()
            job["on_done"](result)

    def _on_job_failed(self, job_id: int, error: BaseException) -> None:
        job = self._finish(job_id)
        if job is None:
            return
        lost = as_unavailable(error)
        if lost is not None:
            self.database_lost.emit(lost)
            error = lost
        if job["on_error"] is not None:
            job["on_error"](error)
        elif lost is None:
            raise error

    def _on_job_progressed(self, job_id: int, fraction: float, message: str) -> None:
        job = self._jobs.get(job_id)
        if job and "dialog" in job:
            job["dialog"].setValue(int(max(0.0, min(1.0, fraction)) * 1000))
            if message:
                job["dialog"].setLabelText(message)
