"""The thematic-warnings layer in the map page (QtWebEngine): off at first, switched on in the layer
control it paints the warnings, and a click on a marker opens its entity."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.db.models import Village
from tests.core.warning.handmade import entities, records

from .conftest import open_console
from .test_map_workspace import js

pytestmark = pytest.mark.webengine


def test_switching_the_layer_on_paints_the_warnings_and_a_click_opens_the_entity(
        console_app, console_context, entities_db, tasks, qtbot, tmp_path):
    db = entities_db
    with db.sessions() as s:
        village = s.scalars(select(Village).order_by(Village.code)).first()
    risky = entities(db, 2, town=village.town_code, village=village.code, lat=village.lat, lng=village.lng,
                     risk_class="D", spread_m=4000)
    records(db, [(e, "licence", dt.date(2021, 12, 10), "准予许可") for e in risky],
            valid_until=dt.date.today() + dt.timedelta(days=10), title="食品经营许可证")
    window = open_console(db, tasks, tmp_path, console_context, qtbot)
    try:
        workspace = window.page("map")
        qtbot.waitUntil(lambda: workspace.controller.last_payload is not None, timeout=30000)
        qtbot.waitUntil(lambda: js(qtbot, workspace, "tongguan.lastPayload ? 1 : 0") == 1, timeout=20000)
        assert js(qtbot, workspace, "tongguan.layers.themes") is False
        assert "themes" not in workspace.controller.last_payload.get("overlays", {})
        clicked = js(qtbot, workspace, """(function () {
            var labels = document.querySelectorAll('.leaflet-control-layers-overlays label');
            for (var i = 0; i < labels.length; i++) {
              if (labels[i].textContent.indexOf('专题预警') >= 0 || labels[i].textContent.indexOf('Thematic') >= 0) {
                labels[i].querySelector('input').click(); return true;
              }
            }
            return false; })()""")
        assert clicked
        qtbot.waitUntil(lambda: js(qtbot, workspace, "(tongguan.lastPayload.overlays || {}).themes ? "
                                                     "tongguan.lastPayload.overlays.themes.id.length : 0") >= 2,
                        timeout=20000)
        layer = workspace.controller.last_payload["overlays"]["themes"]
        assert set(risky) <= set(layer["id"])
        opened: list[int] = []
        workspace.view.bridge.entity_clicked.connect(opened.append)
        i = layer["id"].index(risky[0])
        js(qtbot, workspace, f"""(function () {{
            var m = tongguan.map; m.setView([{layer['lat'][i]}, {layer['lng'][i]}], 15, {{animate: false}});
            return 1; }})()""")
        qtbot.wait(500)
        js(qtbot, workspace, f"""(function () {{
            var m = tongguan.map; var ll = L.latLng({layer['lat'][i]}, {layer['lng'][i]});
            m.fire('click', {{latlng: ll, containerPoint: m.latLngToContainerPoint(ll)}}); return 1; }})()""")
        qtbot.waitUntil(lambda: bool(opened), timeout=10000)
        assert opened[0] == risky[0]
    finally:
        workspace.view.shutdown()
        tasks.wait_idle()
