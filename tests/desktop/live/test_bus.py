"""The console's change bus: this process's commits and other processes' arrive once, on the
GUI thread; a lost database connection is said and survived."""
from __future__ import annotations

import multiprocessing as mp
import threading

import pytest
from sqlalchemy import text

from core.db.database import Database
from core.live.changes import ChangeSet
from core.services import wall
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from tests.support.accounts import account

TIMEOUT = 20000


def _push(url: str, actor: str, title: str) -> None:
    other = Database.open(url)
    try:
        wall.push_view(other, actor, workspace="map", title=title, view={"kind": "map"})
    finally:
        other.dispose()


def _push_elsewhere(db: Database, actor: str, title: str) -> None:
    process = mp.get_context("spawn").Process(target=_push, args=(db.url.render_as_string(hide_password=False),
                                                                  actor, title))
    process.start()
    process.join(60)
    assert process.exitcode == 0


@pytest.fixture
def operator(db):
    return account(db, "operator", "operator")


def test_a_local_commit_arrives_once_on_the_gui_thread(qapp, qtbot, db, operator):
    bus = ChangeBus(db)  # following too: the follower sees the same commit and must not repeat it
    heard: list[tuple[ChangeSet, bool]] = []
    bus.changed.connect(lambda c: heard.append((c, threading.current_thread() is threading.main_thread())))
    try:
        qtbot.waitUntil(lambda: bus.following, timeout=TIMEOUT)
        qtbot.wait(300)  # the follower has read where the log stands
        pushed = wall.push_view(db, operator, workspace="map", title="本机", view={})
        qtbot.waitUntil(lambda: len(heard) == 1, timeout=TIMEOUT)
        qtbot.wait(1500)  # time enough for the follower to see it too
    finally:
        bus.close()
    assert len(heard) == 1
    changes, on_gui_thread = heard[0]
    assert changes.wall == {pushed.id} and on_gui_thread


def test_another_workstation_commit_reaches_this_console(qapp, qtbot, db, operator):
    bus = ChangeBus(db)
    heard: list[ChangeSet] = []
    bus.changed.connect(heard.append)
    try:
        qtbot.waitUntil(lambda: bus.following, timeout=TIMEOUT)
        qtbot.wait(300)
        _push_elsewhere(db, operator, "另一台工作站")
        qtbot.waitUntil(lambda: len(heard) == 1, timeout=TIMEOUT)
    finally:
        bus.close()
    assert heard[0].remote and len(heard[0].wall) == 1


def test_a_detached_bus_hears_only_this_process(qapp, qtbot, db, operator):
    bus = ChangeBus.detached(db)
    heard: list[ChangeSet] = []
    bus.changed.connect(heard.append)
    _push_elsewhere(db, operator, "另一台")
    wall.push_view(db, operator, workspace="map", title="本机", view={})
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=TIMEOUT)
    qtbot.wait(800)
    bus.close()
    assert not bus.following and len(heard) == 1 and not heard[0].remote


@pytest.mark.postgres
def test_a_lost_server_connection_is_said_and_survived(qapp, qtbot, empty_db_url):
    if not empty_db_url.startswith("postgresql"):
        pytest.skip("the server connection is PostgreSQL's")
    from core.db.migrate import upgrade

    db = Database.open(empty_db_url)
    upgrade(db.engine)
    operator = account(db, "operator", "operator")
    bus = ChangeBus(db, wait_s=0.2)
    states: list[bool] = []
    heard: list[ChangeSet] = []
    bus.connection_changed.connect(states.append)
    bus.changed.connect(heard.append)
    try:
        qtbot.waitUntil(lambda: bus.following, timeout=TIMEOUT)
        qtbot.wait(300)
        # The server drops every other connection of the database: the listener's too.
        with db.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        db.engine.dispose()
        qtbot.waitUntil(lambda: states[:1] == [False], timeout=TIMEOUT)
        _push_elsewhere(db, operator, "重连之后")
        qtbot.waitUntil(lambda: states == [False, True] and len(heard) == 1, timeout=TIMEOUT)
    finally:
        bus.close()
        db.dispose()
    assert bus.connected and heard[0].remote and len(heard[0].wall) == 1


def test_a_listener_hears_only_its_kinds_a_burst_at_a_time(qapp, qtbot):
    bus = ChangeBus.detached()
    calls: list[ChangeSet] = []
    from PySide6.QtCore import QObject

    owner = QObject()
    listener = on_changes(owner, bus, ("clues", "cases"), calls.append, delay_ms=50, settings=("routing",))
    bus.publish(ChangeSet(entities=frozenset({1}), change_id=1))
    bus.publish(ChangeSet(clues=frozenset({7}), change_id=2))
    bus.publish(ChangeSet(cases=frozenset({3}), change_id=3))
    bus.publish(ChangeSet(cases=frozenset({3}), change_id=3))  # the same commit again: once
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=TIMEOUT)
    assert calls[0].clues == {7} and calls[0].cases == {3} and not calls[0].entities
    bus.publish(ChangeSet(settings=frozenset({"routing"}), change_id=4))
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=TIMEOUT)
    bus.publish(ChangeSet(tags=frozenset({2}), change_id=5))
    qtbot.wait(200)
    assert len(calls) == 2 and listener.concerns(ChangeSet(everything=True))
    with pytest.raises(ValueError):
        on_changes(owner, bus, ("clue",), calls.append)
