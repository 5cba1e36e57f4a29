"""The map workspace in QtWebEngine: paint, pan, zoom, filter, click, select, export — offline."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from sqlalchemy import text

from core.services import wall
from maps.base_map import external_urls
from maps.export import INERT_URLS

from .conftest import Painted, open_console

pytestmark = pytest.mark.webengine


def sql(db, query):
    with db.engine.connect() as conn:
        return conn.execute(text(query)).all()


def js(qtbot, workspace, script):
    box = {}
    workspace.run_js(script, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=10000)
    return box["value"]


def ready(qtbot, window):
    workspace = window.page("map")
    qtbot.waitUntil(lambda: workspace.controller.last_payload is not None, timeout=30000)
    painted = Painted(workspace)
    qtbot.waitUntil(lambda: js(qtbot, workspace, "tongguan.lastPayload ? tongguan.lastPayload.seq : -1") >= 0,
                    timeout=20000)
    return workspace, painted


def test_map_paints_every_entity_and_asks_nothing_of_the_internet(map_window, entities_db, qtbot):
    workspace, _ = ready(qtbot, map_window)
    payload = workspace.controller.last_payload
    total = sql(entities_db, "SELECT COUNT(*) FROM market_entities")[0][0]
    assert payload["total"] == total == 3000
    if payload["mode"] == "clusters":
        assert sum(payload["clusters"]["count"]) == payload["visible"]
    else:  # a small city fits the point limit: every entity is its own point
        assert len(payload["points"]["id"]) == payload["visible"]
    assert payload["visible"] > 0.95 * total
    assert js(qtbot, workspace, "tongguan.lastPayload.total") == total
    assert workspace.view.guard.external_requests() == []
    assert workspace.view.map_page.errors == []
    assert "3,000" in workspace.panel.counts_label.text()


def test_pan_zoom_and_filter_update_map_and_counts(map_window, entities_db, qtbot):
    workspace, painted = ready(qtbot, map_window)
    town_lat, town_lng = sql(entities_db, "SELECT AVG(lat), AVG(lng) FROM market_entities WHERE town_code='330782001'")[0]
    before = len(painted.reports)
    js(qtbot, workspace, f"tongguan.setView({town_lat}, {town_lng}, 15); 1")
    qtbot.waitUntil(lambda: workspace.controller.last_payload["visible"] < 3000, timeout=20000)
    painted.wait(qtbot, after=before)
    zoomed = workspace.controller.last_payload
    assert 0 < zoomed["visible"] < zoomed["total"] == 3000

    combo = workspace.search_bar.combo("risk")
    index = next(i for i in range(combo.count()) if combo.itemData(i) == "D")
    combo.setCurrentIndex(index)
    expected = sql(entities_db, "SELECT COUNT(*) FROM market_entities WHERE risk_class='D'")[0][0]
    qtbot.waitUntil(lambda: workspace.controller.last_payload["total"] == expected, timeout=20000)
    qtbot.waitUntil(lambda: js(qtbot, workspace, "tongguan.lastPayload.total") == expected, timeout=20000)
    assert f"{expected:,}" in workspace.panel.counts_label.text()
    assert workspace.view.guard.external_requests() == []


def test_clicking_an_entity_opens_its_panorama(map_window, entities_db, qtbot):
    workspace, painted = ready(qtbot, map_window)
    entity_id, lat, lng = sql(entities_db, "SELECT id, lat, lng FROM market_entities ORDER BY id LIMIT 1")[0]
    before = len(painted.reports)
    js(qtbot, workspace, f"tongguan.setView({lat}, {lng}, 19); 1")
    qtbot.waitUntil(lambda: workspace.controller.last_payload["mode"] == "points"
                    and entity_id in workspace.controller.last_payload["points"]["id"], timeout=20000)
    painted.wait(qtbot, after=before)
    point = js(qtbot, workspace, f"(function(){{var p=tongguan.map.latLngToContainerPoint([{lat},{lng}]);"
                                 "return [Math.round(p.x), Math.round(p.y)];})()")
    target = workspace.view.focusProxy() or workspace.view
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*point))
    entities = map_window.page("entities")
    qtbot.waitUntil(lambda: map_window.current_workspace() == "entities", timeout=10000)
    qtbot.waitUntil(lambda: any(v.entity_id == entity_id for v in entities.panoramas()), timeout=10000)


def test_drawn_selection_counts_filtered_entities_inside(map_window, entities_db, qtbot):
    workspace, _ = ready(qtbot, map_window)
    s, w, n, e = sql(entities_db, "SELECT MIN(lat), MIN(lng), MAX(lat), MAX(lng) FROM market_entities "
                                  "WHERE town_code='330782001'")[0]
    s, w, n, e = s - 1e-4, w - 1e-4, n + 1e-4, e + 1e-4  # a rectangle just around the town's entities
    ring = [[s, w], [n, w], [n, e], [s, e]]
    counts = []
    workspace.selection_changed.connect(counts.append)
    workspace.view.bridge.selectionDrawn(json.dumps({"type": "rectangle", "ring": ring}))
    qtbot.waitUntil(lambda: bool(counts), timeout=10000)
    expected = sql(entities_db, f"SELECT COUNT(*) FROM market_entities WHERE lat BETWEEN {s} AND {n} "
                                f"AND lng BETWEEN {w} AND {e}")[0][0]
    assert counts[-1] == len(workspace.selection_ids()) == expected > 0
    assert workspace.panel.buttons["pool"].isEnabled()
    workspace.view.bridge.selectionDrawn(json.dumps({"type": "none"}))
    assert counts[-1] == -1 and not workspace.panel.buttons["pool"].isEnabled()


def test_exports_and_push_to_wall(map_window, entities_db, qtbot, tmp_path):
    workspace, _ = ready(qtbot, map_window)
    html = tmp_path / "map.html"
    from tests.support.audit_entries import exports
    workspace.export_html(html)
    # The file is written first, then the export is audited (in the same worker job): wait for both.
    qtbot.waitUntil(lambda: html.exists() and bool(exports(entities_db, "map_html")), timeout=20000)
    page = html.read_text("utf-8")
    # Only text inside the libraries (licence headers, the SVG namespace) is left; nothing is fetched.
    assert external_urls(page) - INERT_URLS == set()
    assert "file://" not in page and "qrc:" not in page
    assert "TONGGUAN_STATIC" in page
    actor, entry = exports(entities_db, "map_html")[-1]
    assert entry["file"] == "map.html" and actor == workspace._actor and entry["rows"] > 0
    png = tmp_path / "map.png"
    assert workspace.export_png(png)
    image = QImage(str(png))
    assert image.width() > 400 and image.height() > 300
    workspace.push_to_wall("全市主体分布")
    qtbot.waitUntil(lambda: wall.latest_view(entities_db, workspace="map") is not None, timeout=10000)
    pushed = wall.latest_view(entities_db, workspace="map")
    assert pushed.title == "全市主体分布" and pushed.pushed_by == "operator"
    assert pushed.view["view"]["zoom"] == workspace.controller.view["zoom"]


def test_tiles_come_from_the_configured_server_only(console_app, console_context, entities_db, tasks, qtbot,
                                                     tmp_path):
    from tests.support.tile_server import TileServer

    with TileServer() as server:
        window = open_console(entities_db, tasks, tmp_path, console_context, qtbot, tile_url=server.url)
        workspace, _ = ready(qtbot, window)
        qtbot.waitUntil(lambda: len(server.requests) > 0, timeout=20000)
        requests = workspace.view.guard.external_requests()
        assert requests and all(r.startswith("http://127.0.0.1:") for r in requests)
        assert workspace.view.guard.blocked() == []
        workspace.view.shutdown()
        tasks.wait_idle()


def test_a_batch_shown_from_the_draws_workspace_is_overlaid(map_window, entities_db, qtbot):
    from core.draws import commit, new_seed
    from core.services import draws

    from ...core.services_draws.helpers import batch, plan

    workspace, painted = ready(qtbot, map_window)
    b = batch(entities_db, plan(entities_db))
    seed = new_seed()
    draws.lock_batch(entities_db, "planner", b, randomness_kind="seed", seed_commitment=commit(seed))
    drawn = draws.draw_batch(entities_db, "planner", b, seed=seed)
    page = map_window.page("draws")
    map_window.select_workspace("draws")
    qtbot.waitUntil(lambda: page.select_batch(b), timeout=20000)
    qtbot.waitUntil(lambda: page.overview.detail is not None and page.overview.detail.id == b, timeout=20000)
    page.overview.buttons["map"].click()
    assert map_window.current_workspace() == "map"
    qtbot.waitUntil(lambda: workspace.panel.batch_combo.currentData() == b, timeout=20000)
    qtbot.waitUntil(lambda: len((workspace.controller.last_payload.get("overlays") or {}).get("draw", {}).get("id", []))
                    == len(drawn.picks), timeout=20000)
    ids = set(workspace.controller.last_payload["overlays"]["draw"]["id"])
    assert ids == {p.entity_id for p in drawn.picks}
