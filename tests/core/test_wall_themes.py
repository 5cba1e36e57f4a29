"""The wall's thematic warnings: read with the rest of the figures, equal to the rules' own answer
(core.credit.themes), placed in a town, and served by the JSON feed (SQLite and PostgreSQL)."""
import datetime as dt
import json
import threading
import urllib.request

import pytest
from sqlalchemy import select

from core.credit.themes import thematic_warnings
from core.db.models import MarketEntity, Town, Village
from core.services.wall_feed import make_feed_server
from core.services.wall_figures import SCENES, WallFigureCache, figures_json, scene_json, wall_figures

from tests.core.warning.handmade import entities, records

TODAY = dt.date(2026, 11, 20)  # the demo city's "now"


@pytest.fixture(scope="module")
def city(demo_db):
    """The small demo city (this module's own copy) with a market building's complaints of the week
    and three high-risk entities whose licence expires in 20 days: it raises warnings of both kinds."""
    with demo_db.sessions() as s:
        village = s.scalars(select(Village).order_by(Village.code)).first()
    stalls = entities(demo_db, 3, town=village.town_code, village=village.code, lat=village.lat, lng=village.lng,
                      spread_m=15)
    risky = entities(demo_db, 3, town=village.town_code, village=village.code, lat=village.lat + 0.05,
                     lng=village.lng, risk_class="D", spread_m=3000)
    records(demo_db, [(e, "complaint", TODAY - dt.timedelta(days=2), "已转办") for e in stalls])
    records(demo_db, [(e, "licence", dt.date(2021, 12, 10), "准予许可") for e in risky],
            valid_until=TODAY + dt.timedelta(days=20), title="食品经营许可证")
    return demo_db


def test_the_figures_hold_the_thematic_warnings_of_the_day(city):
    figures = wall_figures(city, today=TODAY)
    expected = thematic_warnings(city, TODAY)
    assert {w.kind for w in expected} == {"complaint_cluster", "licence_expiring"}
    assert [t.warning for t in figures.themes] == expected
    with city.sessions() as s:
        towns = dict(s.execute(select(Town.code, Town.name_zh)).tuples().all())
        entity_towns = dict(s.execute(select(MarketEntity.id, MarketEntity.town_code)).tuples().all())
    for theme in figures.themes:
        assert towns[theme.town_code] == theme.town_zh
        if theme.warning.entity_ids:
            assert theme.town_code == entity_towns[theme.warning.entity_ids[0]]
    # no risk class on the wall: the titles say "high-risk" at most
    assert not any("D类" in t.warning.title_zh or "Class-D" in t.warning.title_en for t in figures.themes)


def test_the_json_holds_the_themes_and_the_scene_serves_them(city):
    figures = wall_figures(city, today=TODAY)
    data = figures_json(figures)["themes"]
    assert "themes" in SCENES
    assert [(d["kind"], d["title_zh"], d["day"], d["count"], d["entity_ids"], d["town_code"]) for d in data] == [
        (t.warning.kind, t.warning.title_zh, t.warning.day.isoformat(), t.warning.count, list(t.warning.entity_ids),
         t.town_code) for t in figures.themes]
    assert scene_json(figures, "themes")["themes"] == data


def test_the_feed_serves_the_themes_scene(city):
    server = make_feed_server(city, port=0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/scenes/themes", timeout=30) as r:
            body = json.loads(r.read().decode("utf-8"))
    finally:
        server.shutdown()
        server.server_close()
    expected = figures_json(wall_figures(city))["themes"]
    assert body["scene"] == "themes" and body["themes"] == expected


def test_a_refresh_without_clue_or_entity_changes_keeps_the_themes_until_they_age(city, monkeypatch):
    from core.live.changes import ChangeSet
    from core.services import wall_parts

    cache = WallFigureCache(city, today=TODAY)
    first = cache.get().themes
    reads = []
    original = wall_parts.WallParts.read_themes
    monkeypatch.setattr(wall_parts.WallParts, "read_themes", lambda self, today: (reads.append(today),
                                                                                   original(self, today)))
    assert cache.refresh(ChangeSet(wall=frozenset({1}))).themes == first
    assert reads == []
    assert cache.refresh(ChangeSet(clues=frozenset({1}))).themes == first
    assert reads == [TODAY]
    monkeypatch.setattr(wall_parts.time, "monotonic", lambda: 1e12)  # long after the last read
    cache.refresh(ChangeSet(wall=frozenset({1})))
    assert reads == [TODAY, TODAY]
