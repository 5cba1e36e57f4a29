"""The map workspace with surveyed boundaries: the panel offers villages, the page colours them."""
from __future__ import annotations

import json

import pytest

from core.services.boundaries import import_boundaries
from tests.core.geo.make_samples import TOWNS_FILE, VILLAGES_FILE

from .conftest import open_console
from .test_map_workspace import js, ready

pytestmark = pytest.mark.webengine

# Regions drawn (visible fill) per level, once the choropleth layer is shown.
COUNT_DRAWN = """(function () { try {
  tongguan.apply(Object.assign({}, tongguan.lastPayload, {seq: 0, layers: {choropleth: true, entities: true}}));
  var n = {town: 0, village: 0};
  tongguan.map.eachLayer(function (l) {
    if (l.feature && l.feature.properties.level && l.options.fillOpacity > 0) n[l.feature.properties.level]++;
  });
  return JSON.stringify(n);
} catch (e) { return String(e && e.stack || e); } })()"""


@pytest.fixture
def surveyed_window(console_app, console_context, entities_db, tasks, qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication

    import_boundaries(entities_db, "admin", "town", TOWNS_FILE)
    import_boundaries(entities_db, "admin", "village", VILLAGES_FILE)
    window = open_console(entities_db, tasks, tmp_path, console_context, qtbot)
    yield window
    window.page("map").view.shutdown()
    tasks.wait_idle()
    QCoreApplication.processEvents()


def test_villages_are_offered_and_coloured_once_their_boundaries_are_imported(surveyed_window, qtbot):
    workspace, painted = ready(qtbot, surveyed_window)
    panel = workspace.panel
    qtbot.waitUntil(lambda: panel.level_combo.model().item(1).isEnabled(), timeout=10000)
    assert panel.regions_note.text() == panel.tr("Surveyed boundaries.")
    assert json.loads(js(qtbot, workspace, COUNT_DRAWN)) == {"town": 14, "village": 0}

    panel.level_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: (workspace.controller.last_payload or {}).get("choropleth", {}).get("level") == "village",
                    timeout=20000)
    qtbot.waitUntil(lambda: js(qtbot, workspace, "tongguan.lastPayload.choropleth.level") == "village", timeout=20000)
    drawn = json.loads(js(qtbot, workspace, COUNT_DRAWN))
    assert drawn["town"] == 0 and drawn["village"] > 500
    note_js = "(document.querySelector('.tongguan-legend-note') || {}).textContent || ''"
    qtbot.waitUntil(lambda: bool(js(qtbot, workspace, note_js)), timeout=10000)  # drawn with the layer
    note = js(qtbot, workspace, note_js)
    assert "实测" in note or "surveyed" in note
    assert workspace.view.map_page.errors == []


def test_without_boundaries_the_panel_says_regions_are_approximate(map_window, qtbot):
    workspace, _ = ready(qtbot, map_window)
    panel = workspace.panel
    qtbot.waitUntil(lambda: "Voronoi" in panel.regions_note.text() or "泰森" in panel.regions_note.text(),
                    timeout=10000)
    assert not panel.level_combo.model().item(1).isEnabled() and panel.level() == "town"


def test_a_wmts_base_and_its_label_overlay_are_both_fetched(console_app, console_context, entities_db, tasks, qtbot,
                                                            tmp_path):
    from desktop.settings import TILE_SETTINGS, Settings
    from tests.support.tile_server import TileServer

    with TileServer() as server:
        origin = server.url.split("/{z}")[0]
        settings = Settings.open(tmp_path / "console.ini")
        for name, value in {"kind": "wmts", "layer": "vec", "matrix_set": "w", "format": "tiles",
                            "overlay_url": origin + "/labels/{z}/{x}/{y}.png"}.items():
            settings[TILE_SETTINGS[name]] = value
        settings.sync()
        window = open_console(entities_db, tasks, tmp_path, console_context, qtbot, tile_url=origin + "/wmts?tk=KEY")
        workspace, _ = ready(qtbot, window)
        wmts = lambda: [r for r in server.requests if r.startswith("/wmts?")]  # noqa: E731
        labels = lambda: [r for r in server.requests if r.startswith("/labels/")]  # noqa: E731
        qtbot.waitUntil(lambda: bool(wmts() and labels()), timeout=20000)
        assert "LAYER=vec" in wmts()[0] and "TILEMATRIXSET=w" in wmts()[0] and "&TILEMATRIX=" in wmts()[0]
        assert workspace.view.guard.blocked() == []
        assert json.loads(js(qtbot, workspace, "JSON.stringify(Object.keys(tongguan.map.getPanes()))")).count(
            "tongguanLabels") == 1
        workspace.view.shutdown()
        tasks.wait_idle()
