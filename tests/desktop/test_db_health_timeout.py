"""The health check notices a frozen database: a ping that does not answer within the
check's time-out shows the banner, on a real PostgreSQL and when even the driver hangs."""
from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import create_engine, text

import core.db.engine as engine_mod
import desktop.db_health as db_health
from core.db.engine import EngineOptions, open_engine, resolve_url
from core.errors import DatabaseTimedOut
from desktop.db_health import ConnectionBanner, DatabaseHealthMonitor


def test_a_check_that_hangs_marks_the_database_lost_and_its_late_answer_restores_it(tasks, qtbot, tmp_path,
                                                                                   monkeypatch):
    engine = create_engine(f"sqlite:///{tmp_path}/x.sqlite")
    release = threading.Event()
    monkeypatch.setattr(db_health, "check_connection", lambda _engine, _timeout: release.wait(30))
    monitor = DatabaseHealthMonitor(tasks, engine, check_interval_ms=60_000, check_timeout_ms=200)
    banner = ConnectionBanner(monitor)
    qtbot.addWidget(banner)
    with qtbot.waitSignal(monitor.connection_lost, timeout=10_000) as lost:
        monitor.start()
        monitor.check_now()
    assert isinstance(lost.args[0], DatabaseTimedOut) and monitor.checking
    assert banner.isVisible() and banner.state() == "lost"
    with qtbot.waitSignal(monitor.connection_restored, timeout=10_000):
        release.set()
    monitor.stop()
    engine.dispose()


def test_a_check_is_not_queued_behind_busy_workers(tasks, qtbot, tmp_path):
    """Every worker busy with a long load: the database is busy, not lost."""
    engine = create_engine(f"sqlite:///{tmp_path}/x.sqlite")
    release = threading.Event()
    for _ in range(4):  # more long jobs than the pool has threads
        tasks.run(lambda: release.wait(30), on_done=lambda _r: None)
    monitor = DatabaseHealthMonitor(tasks, engine, check_interval_ms=60_000, check_timeout_ms=1_000)
    lost = []
    monitor.connection_lost.connect(lost.append)
    try:
        with qtbot.waitSignal(monitor.check_finished, timeout=10_000):
            monitor.start()
            monitor.check_now()
        assert lost == [] and monitor.lost_error is None
    finally:
        release.set()
        monitor.stop()
        tasks.wait_idle()
        engine.dispose()


@pytest.mark.postgres
def test_a_backend_stuck_behind_a_lock_shows_the_banner(tasks, qtbot, monkeypatch):
    url = os.environ.get("TONGGUAN_TEST_PG_URL")
    if not url:
        if os.environ.get("TONGGUAN_REQUIRE_PG") == "1":
            pytest.fail("TONGGUAN_REQUIRE_PG=1 but TONGGUAN_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server configured (TONGGUAN_TEST_PG_URL)")
    engine = open_engine(resolve_url(url), EngineOptions(statement_timeout_s=0))
    holder = engine.connect()
    holder.execute(text("SELECT pg_advisory_lock(7302)"))
    monkeypatch.setattr(engine_mod, "PING_SQL", "SELECT pg_advisory_lock_shared(7302)")
    monitor = DatabaseHealthMonitor(tasks, engine, check_interval_ms=60_000, check_timeout_ms=500)
    try:
        with qtbot.waitSignal(monitor.connection_lost, timeout=10_000) as lost:
            monitor.start()
            monitor.check_now()
        assert isinstance(lost.args[0], DatabaseTimedOut)
        qtbot.waitUntil(lambda: not monitor.checking, timeout=10_000)  # the server cancelled the stuck ping
        assert isinstance(monitor.lost_error, DatabaseTimedOut)
    finally:
        monitor.stop()
        holder.execute(text("SELECT pg_advisory_unlock_all()"))
        holder.close()
        engine.dispose()
