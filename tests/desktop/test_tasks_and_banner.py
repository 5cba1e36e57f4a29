"""Background tasks (off the GUI thread, progress after 600 ms, cancel) and the
lost-database banner on SQLite (the PostgreSQL outage is in test_db_lost_pg.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from core.errors import Cancelled, DatabaseUnavailable
from core.services.auth import authenticate
from desktop.bootstrap import (
    load_context,
)
from desktop.db_health import ConnectionBanner, DatabaseHealthMonitor
from desktop.main_window import MainWindow
from desktop.tasks import PROGRESS_DELAY_MS, TaskManager

ROOT = Path(__file__).resolve().parents[2]
WRONG = "用户名或密码错误。"


# ---- the task manager -------------------------------------------------------


def test_work_runs_off_the_gui_thread_and_returns_on_it(tasks, qtbot):
    gui = threading.get_ident()
    seen = []
    with qtbot.waitSignal(tasks.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        tasks.run(lambda: threading.get_ident(), on_done=lambda worker: seen.append((worker, threading.get_ident())))
    [(worker, callback)] = seen
    assert worker != gui and callback == gui


def test_errors_come_back_to_the_caller(tasks, qtbot):
    errors = []

    def fail():
        raise ValueError("bad input")

    with qtbot.waitSignal(tasks.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        tasks.run(fail, on_done=lambda _: pytest.fail("no result expected"), on_error=errors.append)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "bad input"


def test_a_driver_error_reports_the_database_lost(tasks, qtbot):
    def lose():
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    errors = []
    with qtbot.waitSignal(tasks.database_lost, timeout=5000) as blocker:
        tasks.run(lose, on_done=lambda _: None, on_error=errors.append)
    assert isinstance(blocker.args[0], DatabaseUnavailable)
    assert errors == [blocker.args[0]] and "server closed" in str(errors[0])


def _visible_progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


class _ShowSpy(QObject):
    """Records every progress dialog that is shown, however briefly."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
            self.shown.append(watched.windowTitle())
        return False


@pytest.fixture
def show_spy(qapp):
    spy = _ShowSpy()
    qapp.installEventFilter(spy)
    yield spy
    qapp.removeEventFilter(spy)


def test_a_quick_job_shows_no_progress_dialog(tasks, qtbot, show_spy):
    done = []

    def quick(progress, is_cancelled):
        progress(0.5, "halfway")
        return 42

    with qtbot.waitSignal(tasks.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        tasks.run_with_progress(quick, title="Quick", on_done=done.append)
    assert done == [42]
    assert show_spy.shown == [] and _visible_progress_dialogs() == []
    # The delayed "show" timer is stopped, so the dialog can never appear later.
    assert not [t for t in tasks.findChildren(QTimer) if t.isActive()]


def _start_long_job(tasks: TaskManager, errors: list):
    def long_job(progress, is_cancelled):
        progress(0.25, "Counting entities")
        while not is_cancelled():
            threading.Event().wait(0.01)  # worker thread: stands in for a chunk of work
        raise Cancelled("stopped on request")

    return tasks.run_with_progress(long_job, title="Long", on_done=lambda _: None,
                                   on_error=errors.append)


def test_a_long_job_can_be_cancelled_from_its_progress_dialog(tasks, qtbot):
    errors = []
    handle = _start_long_job(tasks, errors)
    try:
        qtbot.waitUntil(lambda: bool(_visible_progress_dialogs()), timeout=5000)
        [dialog] = _visible_progress_dialogs()
        qtbot.waitUntil(lambda: dialog.labelText() == "Counting entities", timeout=5000)
        assert dialog.value() == 250
        [cancel] = dialog.findChildren(QPushButton)
        assert cancel.text() == "取消"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)
        assert handle.cancelled and isinstance(errors[0], Cancelled)
        assert _visible_progress_dialogs() == [] and tasks.active() == 0
    finally:
        handle.cancel()  # never leave the worker spinning, whatever failed


def test_a_long_job_shows_its_progress_dialog_only_after_the_delay(tasks, qtbot, show_spy):
    errors = []
    clock = QElapsedTimer()
    clock.start()
    handle = _start_long_job(tasks, errors)
    try:
        qtbot.waitUntil(lambda: bool(show_spy.shown), timeout=5000)
        assert clock.elapsed() >= PROGRESS_DELAY_MS - 50
    finally:
        handle.cancel()
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)


# ---- the lost-database banner -------------------------------------------------


def test_a_failing_periodic_check_shows_the_banner(tasks, qtbot, tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path}/missing/dir/x.sqlite")  # cannot be opened
    monitor = DatabaseHealthMonitor(tasks, engine, check_interval_ms=50, retry_interval_ms=50)
    banner = ConnectionBanner(monitor)
    qtbot.addWidget(banner)
    assert monitor.interval_ms() == 50 and DatabaseHealthMonitor(tasks, engine).interval_ms() == 5000
    with qtbot.waitSignal(monitor.connection_lost, timeout=5000) as blocker:
        monitor.start()
    assert isinstance(blocker.args[0], DatabaseUnavailable)
    assert banner.isVisible()
    assert banner.state() == "lost" and banner.title_text() == "数据库连接中断，正在重试…"
    assert "unable to open database file" in banner.detail_text()
    with qtbot.waitSignal(monitor.retry_failed, timeout=5000):
        pass
    monitor.stop()
    engine.dispose()


def test_banner_shows_lost_database_and_hides_after_recovery(demo_services, qtbot):
    user = authenticate(demo_services.db, "operator", "tongguan")
    window = MainWindow(load_context(demo_services.db), services=demo_services.signed_in(user),
                        remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    banner, monitor = window.connection_banner, window.health_monitor
    assert not banner.isVisible() and monitor.interval_ms() == 5000

    lost = DatabaseUnavailable("lost the database connection (server closed)", where="PostgreSQL x@db")
    with qtbot.waitSignal(monitor.connection_lost, timeout=1000):
        demo_services.tasks.database_lost.emit(lost)
    stack = window.findChild(QWidget, "workspaceStack")
    assert banner.isVisible() and banner.geometry().bottom() < stack.geometry().top()
    assert banner.detail_text().startswith("PostgreSQL x@db：lost the database connection")
    assert monitor.interval_ms() < 5000
    retry = banner.findChild(QPushButton, "connectionRetryButton")
    assert retry.text() == "立即重试"

    with qtbot.waitSignal(monitor.connection_restored, timeout=5000):
        qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert banner.isVisible() and banner.state() == "restored"
    assert banner.title_text() == "数据库连接已恢复。"
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    assert monitor.lost_error is None and monitor.interval_ms() == 5000


def test_work_whose_owner_is_gone_calls_nobody_back(tasks, qtbot):
    """A page closed while its work runs: no callback may touch the deleted widgets."""
    release = threading.Event()
    calls = []
    owner = QWidget()
    tasks.run(lambda: release.wait(5) and 1, on_done=calls.append, on_error=calls.append, owner=owner)
    progressing = QWidget()

    def long(progress, is_cancelled):
        while not is_cancelled():
            release.wait(0.01)
        raise Cancelled("stopped")

    handle = tasks.run_with_progress(long, title="…", on_done=calls.append, on_error=calls.append,
                                     parent=progressing)
    owner.deleteLater()
    progressing.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    assert tasks.wait_idle(5000)
    qtbot.waitUntil(lambda: tasks.active() == 0, timeout=5000)
    assert handle.cancelled  # the progress dialog died with its parent: the work was told to stop
    assert calls == []
