"""The collaboration graph and the case flow as wall scenes: registered under the wall's slot
names, read off the GUI thread, drawn non-blank at 1920x1080 in the wall's theme, and a push
of a scene view shows its period until the push ends."""
import datetime as dt

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.collab import Period
from core.services.wall import describe_push, push_view
from desktop.collaboration import register_wall_scenes
from desktop.collaboration.wall_scenes import CollaborationScene, FlowsScene, default_period, period_of_view
from desktop.wall.registry import create_scene, scene_names
from desktop.wall.session import playlist_scenes
from desktop.wall.style import WALL_COLOURS, WallMetrics, wall_stylesheet
from tests.core.collab.history import build
from tests.support.accounts import account

MARCH = {"choice": "custom", "start": "2025-03-01", "end": "2025-03-31"}


@pytest.fixture
def hist(db):
    return build(db)


def on_wall(qtbot, scene, size=(1920, 1080)) -> QWidget:
    """``scene`` alone on a wall root of ``size``, styled as the wall is."""
    root = QWidget(objectName="wallRoot")
    root.setStyleSheet(wall_stylesheet(WallMetrics(size[1])))
    layout = QVBoxLayout(root)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scene)
    qtbot.addWidget(root)
    root.resize(*size)
    scene.rescale(WallMetrics(size[1]))
    return root


def pixels(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3].astype(float)


def drawn_share(widget) -> float:
    """The share of ``widget``'s pixels that are not the wall's ground."""
    ground = np.array([int(WALL_COLOURS["ground"][i:i + 2], 16) for i in (5, 3, 1)], dtype=float)  # BGR
    px = pixels(widget)
    return float(np.mean(np.abs(px - ground).sum(axis=2) > 30))


def test_the_scenes_fill_the_walls_slots(console_app, qtbot):
    register_wall_scenes()
    assert {"collaboration", "flows"} <= set(scene_names())
    assert playlist_scenes("flows,collaboration,nonsense") == ("flows", "collaboration")
    for name, cls in (("collaboration", CollaborationScene), ("flows", FlowsScene)):
        scene = create_scene(name)
        qtbot.addWidget(scene)
        assert isinstance(scene, cls) and scene.scene_name == name and scene.title()


def test_a_pushed_period_is_read_and_both_scenes_render_at_1920x1080(db, hist, tasks, console_app, qtbot):
    for cls in (CollaborationScene, FlowsScene):
        scene = cls(db=db, tasks=tasks)
        root = on_wall(qtbot, scene)
        blank = drawn_share(scene.view)
        scene.show_view({"kind": "scene", "scene": cls.scene_name, "period": MARCH, "filters": {}})
        qtbot.waitUntil(lambda s=scene: s.data is not None, timeout=20000)
        assert scene.shown_period == Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
        assert "2025-03-01" in scene.note_label.text()
        px = pixels(root)
        assert px.shape[:2] == (1080, 1920)
        assert px.std() > 20  # not one flat colour
        drawn = drawn_share(scene.view)
        assert blank < 0.01 and drawn > 0.03, (cls.scene_name, blank, drawn)
        assert len(np.unique(px.reshape(-1, 3), axis=0)) > 50


def test_what_the_scenes_show_of_the_history(db, hist, tasks, console_app, qtbot):
    graph_scene, flow_scene = CollaborationScene(db=db, tasks=tasks), FlowsScene(db=db, tasks=tasks)
    roots = []  # a wall root alive for each scene
    for scene in (graph_scene, flow_scene):
        roots.append(on_wall(qtbot, scene))
        scene.show_view({"period": MARCH, "filters": {"kinds": ["push"]}})
        qtbot.waitUntil(lambda s=scene: s.data is not None, timeout=20000)
    graph, _ = graph_scene.data
    assert [(e.source, e.target) for e in graph.edges] == [(f"dept:{hist.a}", f"dept:{hist.d}")]
    assert set(graph_scene.view.nodes) == {f"dept:{hist.a}", f"dept:{hist.d}"}
    flow, _ = flow_scene.data
    assert flow.clue_count == 5 and flow_scene.view.items_by_band
    assert str(round(flow.slowest_stage().median_days, 1)) in flow_scene.slowest_label.text()


def test_sizes_follow_the_wall_height(db, hist, tasks, console_app, qtbot):
    scene = CollaborationScene(db=db, tasks=tasks)
    root = on_wall(qtbot, scene, (1920, 1080))
    assert scene.view.zoom == pytest.approx(1.7)
    root.resize(3840, 2160)
    scene.rescale(WallMetrics(2160))
    assert scene.view.zoom == pytest.approx(3.4)


def test_a_push_shows_its_period_until_it_ends(db, hist, tasks, console_app, qtbot):
    from desktop.wall.board import WallBoard
    from desktop.wall.controller import WallController
    from desktop.wall.session import WallSession

    register_wall_scenes()
    session = WallSession(WallController(db, tasks), hold_ms=60_000)
    board = WallBoard(session)
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    scene = board.scenes["flows"]
    scene.apply(None)  # the wall's figures arrived: the scene reads this year, from the session's database
    qtbot.waitUntil(lambda: scene.shown_period is not None, timeout=20000)
    assert scene.shown_period == default_period()
    lead = account(db, "lead", "leader")
    pushed = push_view(db, lead, workspace="flows", title="3月案件流转",
                       view={"kind": "scene", "scene": "flows", "period": MARCH, "filters": {}})
    session.show_push(describe_push(db, pushed))
    assert board.current_scene() == "flows"
    qtbot.waitUntil(lambda: scene.shown_period == Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31)), timeout=20000)
    assert scene.data[0].clue_count == 5
    session.playlist.end_push()
    qtbot.waitUntil(lambda: scene.shown_period == default_period(), timeout=20000)


def test_a_view_without_a_period_means_the_default():
    assert period_of_view({"period": {"start": "2025-03-01"}}) is None
    assert period_of_view("nonsense") is None
    assert period_of_view({"period": MARCH}) == Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))


def test_a_snapshot_reads_at_once(db, hist, console_app, qtbot):
    scene = FlowsScene()  # no session, no task manager: as on a headless snapshot's board
    root = on_wall(qtbot, scene)
    scene.show_now(db, {"period": MARCH})
    assert scene.data[0].clue_count == 5 and scene.shown_period.start == dt.date(2025, 3, 1)
    assert drawn_share(scene.view) > 0.03 and root.isVisible() is False

