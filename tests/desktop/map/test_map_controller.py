"""The map controller without a browser: newest-only updates, filters, text, fresh data."""
from __future__ import annotations

from sqlalchemy import text

from core.services import tagging
from core.services.search import EntityFilter, EntitySearch
from desktop.map.controller import MapController
from desktop.map.labels import build_labels
from desktop.map.query import whole_city_view


def sql(db, query):
    with db.engine.connect() as conn:
        return conn.execute(text(query)).all()


def started(db, tasks, qtbot) -> tuple[MapController, list[dict]]:
    controller = MapController(db, tasks)
    payloads: list[dict] = []
    controller.payload_ready.connect(lambda _json, payload: payloads.append(payload))
    controller.set_labels(build_labels(tagging.list_tags(db), lang="zh_CN", title="义乌市"))
    with qtbot.waitSignal(controller.index_ready, timeout=30000):
        controller.start()
    return controller, payloads


def city_view(db, seq=1) -> dict:
    s, w, n, e = sql(db, "SELECT MIN(lat), MIN(lng), MAX(lat), MAX(lng) FROM market_entities")[0]
    return {**whole_city_view((s, w, n, e), 1600, 1000), "seq": seq}


def settle(qtbot, controller, tasks) -> None:
    qtbot.waitUntil(lambda: not controller._running and controller._pending is None, timeout=20000)
    tasks.wait_idle()


def test_a_burst_of_moves_costs_at_most_two_updates_and_ends_on_the_last(console_app, entities_db, tasks, qtbot):
    controller, payloads = started(entities_db, tasks, qtbot)
    base = city_view(entities_db)
    for seq in range(1, 31):
        shift = seq * 0.001
        controller.set_view({**base, "seq": seq, "west": base["west"] + shift, "east": base["east"] + shift})
    settle(qtbot, controller, tasks)
    assert 1 <= len(payloads) <= 2  # the first request, then only the newest one
    assert payloads[-1]["seq"] == 30
    assert payloads[-1]["total"] == 3000


def test_filters_and_text_set_the_counts(console_app, entities_db, tasks, qtbot):
    controller, payloads = started(entities_db, tasks, qtbot)
    controller.set_view(city_view(entities_db))
    settle(qtbot, controller, tasks)
    controller.set_filter(EntityFilter(risk_classes=("C", "D"), entity_types=("individual",)))
    settle(qtbot, controller, tasks)
    expected = sql(entities_db, "SELECT COUNT(*) FROM market_entities WHERE risk_class IN ('C','D') "
                                "AND entity_type='individual'")[0][0]
    assert payloads[-1]["total"] == expected
    word = sql(entities_db, "SELECT substr(name, 3, 3) FROM market_entities ORDER BY id LIMIT 1")[0][0]
    controller.set_filter(EntityFilter(text=word))
    settle(qtbot, controller, tasks)
    assert payloads[-1]["total"] == EntitySearch(entities_db).count(EntityFilter(text=word)) > 0
    towns = payloads[-1]["choropleth"]["values"]
    assert sum(towns.values()) == payloads[-1]["total"]


def test_the_index_follows_changes_made_elsewhere(console_app, entities_db, tasks, qtbot):
    controller, payloads = started(entities_db, tasks, qtbot)
    controller.set_view(city_view(entities_db))
    settle(qtbot, controller, tasks)
    tag = tagging.list_tags(entities_db)[0]
    tagged = EntitySearch(entities_db).count(EntityFilter(tag_ids=(tag.id,)))
    untagged = [i for (i,) in sql(entities_db, f"SELECT id FROM market_entities WHERE id NOT IN "
                                               f"(SELECT entity_id FROM entity_tags WHERE tag_id={tag.id}) LIMIT 5")]
    stamp = controller.index.columns.stamp
    tagging.add_tags(entities_db, "operator", untagged, [tag.id])  # as if from another console
    controller.check_for_changes()
    qtbot.waitUntil(lambda: controller.index.columns.stamp != stamp, timeout=20000)
    assert controller.index.count(EntityFilter(tag_ids=(tag.id,))) == tagged + len(untagged)
    controller.set_filter(EntityFilter(tag_ids=(tag.id,)))
    settle(qtbot, controller, tasks)
    assert payloads[-1]["total"] == tagged + len(untagged)
