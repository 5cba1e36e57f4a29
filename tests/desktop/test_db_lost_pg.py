"""A real PostgreSQL outage: the console shows the red banner, stays responsive and
hides the banner once the server lets it back in.

The test creates its own scratch database, so it can block connections to it
without disturbing anything else on the server.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import Engine, create_engine, text

from core.db.database import Database
from core.db.engine import resolve_url
from core.db.migrate import upgrade
from desktop.bootstrap import build_services, load_context
from desktop.main_window import MainWindow
from desktop.settings import Settings

PG_URL = os.environ.get("TONGGUAN_TEST_PG_URL")
REQUIRE_PG = os.environ.get("TONGGUAN_REQUIRE_PG") == "1"

pytestmark = pytest.mark.postgres


def _admin() -> Engine:
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("TONGGUAN_REQUIRE_PG=1 but TONGGUAN_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server configured (TONGGUAN_TEST_PG_URL)")
    # CREATE/ALTER/DROP DATABASE cannot run inside a transaction.
    return create_engine(resolve_url(PG_URL), isolation_level="AUTOCOMMIT")


@pytest.fixture
def scratch_pg() -> Iterator[tuple[str, str, Engine]]:
    """(url, name, admin engine) of a fresh database dropped after the test."""
    admin = _admin()
    name = f"tongguan_console_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = resolve_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url, name, admin
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _block(admin: Engine, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                 "WHERE datname = :name AND pid <> pg_backend_pid()"),
            {"name": name},
        )


def _allow(admin: Engine, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))


def test_banner_follows_a_real_postgres_outage(console_app, scratch_pg, qtbot, tmp_path):
    url, name, admin = scratch_pg
    database = Database.open(url)
    upgrade(database.engine)
    database.dispose()

    services = build_services(url, settings=Settings.open(tmp_path / "console.ini"))
    window = MainWindow(load_context(services.db), services=services, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    banner, monitor = window.connection_banner, window.health_monitor
    assert monitor.interval_ms() == 5000
    monitor.set_intervals(300, 300)  # the schedule, not the mechanism, is what 5 s changes
    assert f"PostgreSQL {name}@" in window.findChild(QLabel, "databaseLabel").text()

    # The GUI thread must keep turning while the database is gone.
    ticks = []
    heartbeat = QTimer(window, interval=50)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    with qtbot.waitSignal(monitor.check_finished, timeout=10000):
        monitor.check_now()  # a pooled connection exists now, for the server to kill
    assert not banner.isVisible()

    try:
        _block(admin, name)
        qtbot.waitUntil(banner.isVisible, timeout=15000)
        assert banner.title_text() == "数据库连接中断，正在重试…"
        assert banner.detail_text().startswith(f"PostgreSQL {name}@")
        assert monitor.lost_error is not None

        retry = banner.findChild(QPushButton, "connectionRetryButton")
        qtbot.waitUntil(retry.isEnabled, timeout=10000)
        with qtbot.waitSignal(monitor.retry_failed, timeout=10000):
            qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
        assert banner.isVisible() and banner.state() == "lost"
        before = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= before + 5, timeout=5000)
    finally:
        _allow(admin, name)

    qtbot.waitUntil(lambda: banner.state() == "restored", timeout=15000)
    assert banner.title_text() == "数据库连接已恢复。"
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10000)
    assert monitor.lost_error is None
    window.close()
    services.close()
