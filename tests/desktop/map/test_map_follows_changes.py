"""The map controller follows the change bus: entities and tags patch, clue steps touch only overlays."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from sqlalchemy import text

from core.geoindex.counters import ROWS_READ
from core.live.changes import ChangeSet
from core.services import tagging
from core.services.clues import act
from core.services.search import EntityFilter
from desktop.map.controller import MapController
from desktop.map.labels import build_labels
from desktop.map.query import whole_city_view


class FakeBus(QObject):
    """What the console's change bus offers the map: one signal."""

    changed = Signal(object)


def sql(db, query):
    with db.engine.connect() as conn:
        return conn.execute(text(query)).all()


def started(db, tasks, qtbot, bus, **kw):
    controller = MapController(db, tasks, changes=bus, **kw)
    payloads: list[dict] = []
    controller.payload_ready.connect(lambda _json, payload: payloads.append(payload))
    controller.set_labels(build_labels(tagging.list_tags(db), lang="zh_CN", title="义乌市"))
    with qtbot.waitSignal(controller.index_ready, timeout=30000):
        controller.start()
    s, w, n, e = sql(db, "SELECT MIN(lat), MIN(lng), MAX(lat), MAX(lng) FROM market_entities")[0]
    controller.set_view({**whole_city_view((s, w, n, e), 1600, 1000), "seq": 1})
    settle(qtbot, controller, tasks)
    return controller, payloads


def settle(qtbot, controller, tasks) -> None:
    qtbot.waitUntil(lambda: not controller._running and controller._pending is None and not controller._applying,
                    timeout=20000)
    tasks.wait_idle()


def emit(qtbot, controller, bus, changes: ChangeSet) -> None:
    with qtbot.waitSignal(controller.changes_applied, timeout=20000):
        bus.changed.emit(changes)


def test_a_bus_replaces_the_stamp_poll(console_app, entities_db, tasks, qtbot):
    controller, _payloads = started(entities_db, tasks, qtbot, FakeBus())
    assert controller.follows_changes and not controller._stamp_timer.isActive()
    plain, _ = started(entities_db, tasks, qtbot, None)
    assert not plain.follows_changes and plain._stamp_timer.isActive()


def test_a_clue_step_updates_the_clue_layer_without_reading_entity_columns(console_app, entities_db, tasks, qtbot):
    bus = FakeBus()
    controller, payloads = started(entities_db, tasks, qtbot, bus)
    controller.set_choice(clues=True, measure="open_clues")
    settle(qtbot, controller, tasks)
    shown = payloads[-1]["overlays"]["clues"]["id"]
    open_before = sum(payloads[-1]["choropleth"]["values"].values())
    states = dict(sql(entities_db, "SELECT id, state FROM clues"))
    clue_id = next(i for i in shown if states[i] in ("assigned", "claimed", "received", "returned", "transferred"))
    original = next(i for i in sorted(states) if i != clue_id and states[i] != "duplicate")
    before = ROWS_READ.snapshot()
    act(entities_db, "operator", clue_id, "duplicate", original_id=original)
    count = len(payloads)
    emit(qtbot, controller, bus, ChangeSet(clues=frozenset({clue_id})))
    qtbot.waitUntil(lambda: len(payloads) > count, timeout=20000)
    settle(qtbot, controller, tasks)
    read = ROWS_READ.since(before)
    assert "entity_columns" not in read and "entity_tags" not in read
    assert clue_id not in payloads[-1]["overlays"]["clues"]["id"]
    assert sum(payloads[-1]["choropleth"]["values"].values()) == open_before - 1


def test_tags_and_moves_patch_the_index(console_app, entities_db, tasks, qtbot):
    bus = FakeBus()
    controller, payloads = started(entities_db, tasks, qtbot, bus)
    tag = tagging.list_tags(entities_db)[0]
    tagged = controller.index.count(EntityFilter(tag_ids=(tag.id,)))
    untagged = [i for (i,) in sql(entities_db, f"SELECT id FROM market_entities WHERE id NOT IN "
                                               f"(SELECT entity_id FROM entity_tags WHERE tag_id={tag.id}) LIMIT 5")]
    tagging.add_tags(entities_db, "operator", untagged, [tag.id])
    lat, lng = sql(entities_db, f"SELECT lat, lng FROM market_entities WHERE id={untagged[0]}")[0]
    tagging.set_location(entities_db, "operator", untagged[0], lat + 0.01, lng + 0.01)
    before = ROWS_READ.snapshot()
    emit(qtbot, controller, bus, ChangeSet(entities=frozenset(untagged), tags=frozenset()))
    read = ROWS_READ.since(before)
    assert read["entity_columns"] == len(untagged)  # not the city's 3,000
    assert controller.index.count(EntityFilter(tag_ids=(tag.id,))) == tagged + len(untagged)
    found, lat2, _lng2 = controller.index.positions([untagged[0]])
    assert found.tolist() == [untagged[0]] and np.isclose(lat2[0], lat + 0.01)
    settle(qtbot, controller, tasks)
    assert payloads[-1]["total"] == 3000


def test_everything_reloads_the_index(console_app, entities_db, tasks, qtbot):
    bus = FakeBus()
    controller, _payloads = started(entities_db, tasks, qtbot, bus)
    old = controller.index.columns
    with entities_db.engine.begin() as conn:  # a bulk change behind the services
        conn.execute(text("UPDATE market_entities SET risk_class = 'D' WHERE id % 3 = 0"))
    before = ROWS_READ.snapshot()
    bus.changed.emit(ChangeSet(everything=True))
    qtbot.waitUntil(lambda: controller.index.columns is not old, timeout=20000)
    assert ROWS_READ.since(before)["entity_columns"] == 3000
    expected = sql(entities_db, "SELECT COUNT(*) FROM market_entities WHERE risk_class = 'D'")[0][0]
    assert controller.index.count(EntityFilter(risk_classes=("D",))) == expected


def test_the_patched_columns_are_saved_for_the_next_start(console_app, entities_db, tasks, qtbot):
    from core.geoindex import data_stamp, load_snapshot, snapshot_path

    bus = FakeBus()
    controller, _payloads = started(entities_db, tasks, qtbot, bus)
    tag = tagging.list_tags(entities_db)[0]
    entity = sql(entities_db, f"SELECT id FROM market_entities WHERE id NOT IN "
                              f"(SELECT entity_id FROM entity_tags WHERE tag_id={tag.id}) LIMIT 1")[0][0]
    tagging.add_tags(entities_db, "operator", [entity], [tag.id])
    emit(qtbot, controller, bus, ChangeSet(entities=frozenset({entity})))
    assert load_snapshot(snapshot_path(entities_db), expect_stamp=data_stamp(entities_db)) is None  # not yet saved
    controller.stop()  # at close
    tasks.wait_idle()
    saved = load_snapshot(snapshot_path(entities_db), expect_stamp=data_stamp(entities_db))
    assert saved is not None and entity in saved.ids[saved.tag_rows[tag.id]].tolist()


def test_the_console_bus_brings_this_console_s_commits(console_app, entities_db, tasks, qtbot):
    from desktop.live.bus import ChangeBus

    bus = ChangeBus.detached(entities_db)
    controller, _payloads = started(entities_db, tasks, qtbot, bus)
    tag = tagging.list_tags(entities_db)[0]
    entity = sql(entities_db, f"SELECT id FROM market_entities WHERE id NOT IN "
                              f"(SELECT entity_id FROM entity_tags WHERE tag_id={tag.id}) LIMIT 1")[0][0]
    tagged = controller.index.count(EntityFilter(tag_ids=(tag.id,)))
    before = ROWS_READ.snapshot()
    with qtbot.waitSignal(controller.changes_applied, timeout=20000):
        tagging.add_tags(entities_db, "operator", [entity], [tag.id])  # no emit by hand: the commit reaches the bus
    assert controller.index.count(EntityFilter(tag_ids=(tag.id,))) == tagged + 1
    assert ROWS_READ.since(before)["entity_columns"] == 1
    bus.close()


def test_changes_the_map_does_not_show_cost_nothing(console_app, entities_db, tasks, qtbot):
    bus = FakeBus()
    controller, payloads = started(entities_db, tasks, qtbot, bus)
    applied: list = []
    controller.changes_applied.connect(applied.append)
    count, before = len(payloads), ROWS_READ.snapshot()
    bus.changed.emit(ChangeSet(wall=frozenset({1}), plans=frozenset({2})))
    settle(qtbot, controller, tasks)
    assert applied == [] and len(payloads) == count and ROWS_READ.since(before) == {}
