"""The playlist rotates, a pin stops it, a push shows for its hold time and the wall returns."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.wall.board import WallBoard
from desktop.wall.playlist import Playlist
from desktop.wall.session import PUSH_SCENE, WallSession, playlist_scenes, scene_of_push
from tests.desktop.wall import sample


class FakeController(QObject):
    """Stands in for WallController: the session only listens to these signals."""

    figures_changed = Signal(object)
    push_arrived = Signal(object)
    ceremony_ready = Signal(object, object)
    online_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.figures, self.online = None, True
        self.ceremonies: list[int] = []
        self.reset = 0

    def start(self) -> None:
        self.figures = sample.figures()
        self.figures_changed.emit(self.figures)

    def stop(self) -> None:
        pass

    def load_ceremony(self, batch_id: int) -> None:
        self.ceremonies.append(batch_id)

    def reset_ceremony(self) -> None:
        self.reset += 1


def test_rotation_visits_every_scene_in_order(qapp, qtbot):
    playlist = Playlist(("overview", "map", "trends"), interval_ms=20)
    seen: list[str] = []
    playlist.scene_changed.connect(seen.append)
    playlist.start()
    qtbot.waitUntil(lambda: len(seen) >= 4, timeout=3000)
    playlist.stop()
    assert seen[:4] == ["overview", "map", "trends", "overview"]


def test_pinning_stops_the_rotation_and_unpinning_resumes_it(qapp, qtbot):
    playlist = Playlist(("overview", "map", "trends"), interval_ms=20)
    playlist.start()
    playlist.pin("rankings")
    assert playlist.current() == "rankings" and not playlist.rotating()
    seen: list[str] = []
    playlist.scene_changed.connect(seen.append)
    qtbot.wait(120)  # six intervals: a rotating playlist would have moved
    assert seen == [] and playlist.current() == "rankings"
    playlist.pin(None)
    assert playlist.rotating()
    qtbot.waitUntil(lambda: len(seen) >= 2, timeout=3000)
    playlist.stop()


def test_push_shows_its_scene_then_the_wall_returns(qapp, qtbot):
    controller = FakeController()
    session = WallSession(controller, None, interval_ms=60_000, hold_ms=80)
    board = WallBoard(session)
    qtbot.addWidget(board)
    session.start()
    assert board.current_scene() == "overview"
    item = sample.entity_item()
    controller.push_arrived.emit(item)
    assert board.current_scene() == PUSH_SCENE
    assert board.push_card.heading.text() == item.heading_zh
    assert board.banner.isVisibleTo(board) and item.push.title in board.banner.toolTip()
    qtbot.waitUntil(lambda: board.current_scene() == "overview", timeout=3000)
    assert not board.banner.isVisibleTo(board)
    assert session.playlist.rotating()


def test_a_push_over_a_pin_returns_to_the_pin(qapp, qtbot):
    controller = FakeController()
    session = WallSession(controller, None, interval_ms=60_000, hold_ms=60)
    board = WallBoard(session)
    qtbot.addWidget(board)
    session.start()
    session.pin("rankings")
    controller.push_arrived.emit(sample.entity_item())
    assert board.current_scene() == PUSH_SCENE
    qtbot.waitUntil(lambda: board.current_scene() == "rankings", timeout=3000)
    assert not session.playlist.rotating()


def test_a_batch_push_loads_its_ceremony_and_lets_it_go_after(qapp, qtbot):
    from core.services.wall import PushedItem

    controller = FakeController()
    session = WallSession(controller, None, interval_ms=60_000, hold_ms=50)
    session.start()
    item = PushedItem(sample.push(60, {"kind": "batch", "batch_id": 7}), "batch", 7, "第 11 批", "Batch 11")
    controller.push_arrived.emit(item)
    assert session.playlist.current() == "draw" and controller.ceremonies == [7]
    qtbot.waitUntil(lambda: controller.reset == 1, timeout=3000)


def test_which_scene_a_push_takes():
    from core.services.wall import PushedItem

    def item(kind, **kw):
        return PushedItem(sample.push(1, {}), kind, None, "", "", **kw)

    assert scene_of_push(item("clue")) == PUSH_SCENE
    assert scene_of_push(item("map")) == "map"
    assert scene_of_push(item("batch")) == "draw"
    assert scene_of_push(item("scene", scene="rankings")) == "rankings"
    assert scene_of_push(item("scene", scene="trend")) == "trends"
    assert scene_of_push(item("scene", scene="nonsense")) == "overview"


def test_playlist_setting_keeps_known_scenes_in_its_order(qapp):
    assert playlist_scenes("feed, map ,nonsense,feed") == ("feed", "map")
    assert playlist_scenes("")[:2] == ("overview", "map")
