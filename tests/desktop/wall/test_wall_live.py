"""A push made by another process reaches a running wall through the shared database
(PostgreSQL LISTEN/NOTIFY, SQLite's data version), and the wall shows it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.live.bus import ChangeBus
from desktop.tasks import TaskManager
from desktop.wall.board import WallBoard
from desktop.wall.controller import WallController
from desktop.wall.session import WallSession

ROOT = Path(__file__).resolve().parents[3]
PUSH = ("import sys; from core.db.database import Database; from core.services.wall import push_view; "
        "db = Database.open(sys.argv[1]); push_view(db, 'leader', workspace='entities', title='另一台工作站的推送', "
        "view={'kind': 'scene', 'scene': 'rankings'}); db.dispose()")


def test_a_push_from_another_process_reaches_the_wall(console_app, demo_db, qtbot):
    tasks = TaskManager()
    bus = ChangeBus(demo_db, wait_s=0.2)
    controller = WallController(demo_db, tasks, bus, debounce_ms=10)
    session = WallSession(controller, None, interval_ms=60_000, hold_ms=60_000)
    board = WallBoard(session)
    qtbot.addWidget(board)
    try:
        with qtbot.waitSignal(controller.figures_changed, timeout=60_000):
            session.start()
        qtbot.waitUntil(lambda: bus.following, timeout=10_000)
        url = demo_db.engine.url.render_as_string(hide_password=False)
        with qtbot.waitSignal(controller.push_arrived, timeout=30_000) as arrived:
            subprocess.run([sys.executable, "-c", PUSH, url], cwd=ROOT, check=True, timeout=120)
        item = arrived.args[0]
        assert item.push.title == "另一台工作站的推送" and item.kind == "scene"
        assert board.current_scene() == "rankings" and "另一台工作站的推送" in board.banner.toolTip()
    finally:
        session.stop()
        bus.close()
        tasks.wait_idle()


def test_the_wall_survives_a_lost_server_connection(console_app, demo_db, qtbot):
    """The server drops every connection (as a restart does): the wall says it is
    reconnecting, then reads again and shows the next push."""
    if demo_db.engine.dialect.name != "postgresql":
        pytest.skip("a server connection to lose: PostgreSQL")
    from sqlalchemy import text

    tasks = TaskManager()
    bus = ChangeBus(demo_db, wait_s=0.2)
    controller = WallController(demo_db, tasks, bus, debounce_ms=10)
    session = WallSession(controller, None, interval_ms=60_000, hold_ms=60_000)
    board = WallBoard(session)
    qtbot.addWidget(board)
    states: list[bool] = []
    bus.connection_changed.connect(states.append)
    try:
        with qtbot.waitSignal(controller.figures_changed, timeout=60_000):
            session.start()
        qtbot.waitUntil(lambda: bus.following, timeout=10_000)
        with demo_db.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND usename = current_user "
                              "AND pid <> pg_backend_pid()"))
        demo_db.engine.dispose()
        qtbot.waitUntil(lambda: states[:1] == [False], timeout=30_000)
        assert "…" in board.status_text() or states[-1:] == [True]
        qtbot.waitUntil(lambda: states[-1:] == [True] and board.status_text() == "", timeout=30_000)
        url = demo_db.engine.url.render_as_string(hide_password=False)
        with qtbot.waitSignal(controller.push_arrived, timeout=30_000) as arrived:
            subprocess.run([sys.executable, "-c", PUSH, url], cwd=ROOT, check=True, timeout=120)
        assert arrived.args[0].push.title == "另一台工作站的推送"
        assert "Traceback" not in board.status_text()
    finally:
        session.stop()
        bus.close()
        tasks.wait_idle()
