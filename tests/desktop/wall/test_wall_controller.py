"""The wall follows the database: a push committed on it reaches the wall through the change
bus; a read that finds the database gone shows "reconnecting…", and the wall resumes."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from PySide6.QtCore import QObject, Signal

from core.db.models import MarketEntity
from core.errors import DatabaseUnavailable
from core.services import wall
from desktop.live.bus import ChangeBus
from desktop.wall.board import WallBoard
from desktop.wall.controller import WallController
from desktop.wall.session import PUSH_SCENE, WallSession
from tests.desktop.wall import sample
from tests.support.accounts import standard_accounts


@pytest.fixture
def wall_db(demo_services):
    standard_accounts(demo_services.db)
    return demo_services


def test_a_push_reaches_the_wall_and_it_returns(wall_db, qtbot):
    db, tasks = wall_db.db, wall_db.tasks
    bus = ChangeBus.detached(db)
    controller = WallController(db, tasks, bus, debounce_ms=10)
    session = WallSession(controller, None, interval_ms=60_000, hold_ms=150)
    board = WallBoard(session)
    qtbot.addWidget(board)
    with qtbot.waitSignal(controller.figures_changed, timeout=30_000):
        session.start()
    assert board.scenes["overview"].tiles["entities"].value_label.text() not in ("", "—")
    with db.sessions() as s:
        entity_id = s.scalar(select(MarketEntity.id).limit(1))
    with qtbot.waitSignal(controller.push_arrived, timeout=30_000) as arrived:
        wall.push_view(db, "leader", workspace="entities", title="重点主体", view={"kind": "entity",
                                                                                 "entity_id": entity_id})
    item = arrived.args[0]
    assert item.kind == "entity" and item.push.title == "重点主体"
    assert board.current_scene() == PUSH_SCENE
    assert board.push_card.heading.text() == item.heading_zh
    qtbot.waitUntil(lambda: board.current_scene() == "overview", timeout=5000)
    assert controller.figures.latest_push.id == item.push.id
    bus.close()
    controller.stop()
    tasks.wait_idle()


class FlakyCache:
    """A figure cache whose database is away until ``back`` is set."""

    def __init__(self) -> None:
        self.back = False
        self.reads = 0

    def get(self):
        return self.refresh(None)

    def refresh(self, changes=None):
        self.reads += 1
        if not self.back:
            raise DatabaseUnavailable("connection refused")
        return sample.figures()


class Bus(QObject):
    changed = Signal(object)
    connection_changed = Signal(bool)


def test_reconnecting_then_resuming_never_a_traceback(console_app, tasks, qtbot):
    cache, bus = FlakyCache(), Bus()
    controller = WallController(None, tasks, bus, cache=cache)
    board = WallBoard(WallSession(controller, None))
    qtbot.addWidget(board)
    controller._retry.setInterval(20)
    controller.start()
    qtbot.waitUntil(lambda: "…" in board.status_text(), timeout=5000)
    assert board.status_label.isVisibleTo(board) and "Traceback" not in board.status_text()
    cache.back = True
    qtbot.waitUntil(lambda: board.status_text() == "", timeout=5000)
    assert board.scenes["overview"].tiles["overdue"].value_label.text() == "4,321"
    bus.connection_changed.emit(False)
    assert "…" in board.status_text()
    bus.connection_changed.emit(True)  # the bus follows again: the wall rereads
    qtbot.waitUntil(lambda: board.status_text() == "", timeout=5000)
    controller.stop()


def test_changes_that_do_not_concern_the_wall_read_nothing(console_app, tasks, qtbot):
    from core.live.changes import ChangeSet

    cache, bus = FlakyCache(), Bus()
    cache.back = True
    controller = WallController(None, tasks, bus, cache=cache, debounce_ms=5)
    with qtbot.waitSignal(controller.figures_changed, timeout=5000):
        controller.start()
    reads = cache.reads
    bus.changed.emit(ChangeSet(tags=frozenset({3}), settings=frozenset({"users"})))
    with qtbot.waitSignal(controller.figures_changed, timeout=5000):
        bus.changed.emit(ChangeSet(clues=frozenset({1})))
        bus.changed.emit(ChangeSet(clues=frozenset({2})))  # within the debounce: one read for both
    tasks.wait_idle()
    assert cache.reads == reads + 1
    controller.stop()
