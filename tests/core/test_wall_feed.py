"""The wall's read-only JSON feed over HTTP, and what the wall shows for a push (SQLite and PostgreSQL)."""
import datetime as dt
import json
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest
from sqlalchemy import select

from core.db.models import Case, Clue, DrawBatch, MarketEntity
from core.errors import ValidationError
from core.services import clues, wall
from core.services.wall_feed import is_loopback, make_feed_server, serve_feed
from core.services.wall_figures import SCENES, figures_json, wall_figures


def _get(port, path, headers=None, method="GET", data=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {}, method=method,
                                     data=data)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers, json.loads(r.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read().decode("utf-8"))


@pytest.fixture
def feed(demo_db):
    servers = []

    def start(**kw):
        server = make_feed_server(demo_db, port=0, **kw)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return server.server_address[1]

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_the_feed_answers_every_scene_in_utf8_json(demo_db, feed):
    port = feed()
    status, headers, body = _get(port, "/figures")
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    expected = figures_json(wall_figures(demo_db))
    body.pop("as_of"), expected.pop("as_of")
    assert body == expected
    for scene in ("overview", "towns", "rankings", "trend", "feed", "pushes"):
        status, _, part = _get(port, f"/scenes/{scene}")
        assert status == 200 and part["scene"] == scene and part[scene] == expected[scene]
    raw = urllib.request.urlopen(f"http://127.0.0.1:{port}/scenes/towns", timeout=30).read()
    assert "街道".encode() in raw  # Chinese as characters, not \\u escapes


def test_unknown_paths_and_other_methods_are_refused_in_json(feed):
    port = feed()
    for path in ("/", "/scenes/nope", "/scenes", "/figures/x", "/../etc/passwd"):
        status, _, body = _get(port, path)
        assert status == 404 and body["error"] == "not_found", path
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        status, headers, body = _get(port, "/figures", method=method, data=b"{}")
        assert status == 405 and body["error"] == "method_not_allowed" and "GET" in headers["Allow"]


def test_a_token_is_required_when_set_and_compared_as_given(feed):
    port = feed(token="s3cret-tøken")
    assert _get(port, "/figures")[0] == 401
    status, headers, body = _get(port, "/figures", {"Authorization": "Bearer wrong"})
    assert status == 401 and body["error"] == "unauthorized" and headers["WWW-Authenticate"].startswith("Bearer")
    assert _get(port, "/scenes/overview?token=s3cret-t%C3%B8ke")[0] == 401
    assert _get(port, "/scenes/overview?token=s3cret-t%C3%B8ken")[0] == 200
    assert _get(port, "/figures", {"Authorization": "Bearer s3cret-tøken".encode().decode("latin-1")})[0] == 200


def test_a_non_loopback_address_needs_a_token(demo_db):
    for host in ("0.0.0.0", "192.168.1.20", "wall.example", "", "::"):
        assert not is_loopback(host)
        with pytest.raises(ValidationError) as refused:
            make_feed_server(demo_db, host=host, port=0)
        assert refused.value.code == "wall.feed_needs_token" and "--token" in str(refused.value)
    with pytest.raises(ValidationError):
        serve_feed(demo_db, host="0.0.0.0", port=0, token="")
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    server = make_feed_server(demo_db, host="0.0.0.0", port=0, token="t")
    try:
        assert server.server_address[0] == "0.0.0.0"
    finally:
        server.server_close()


def test_the_feed_follows_changes_committed_after_it_started(demo_db, feed):
    port = feed()
    before = _get(port, "/scenes/overview")[2]["overview"]["open_clues"]
    with demo_db.sessions() as s:
        uscc = s.scalar(select(MarketEntity.uscc).order_by(MarketEntity.id).offset(77).limit(1))
    clue_id = clues.create_clue(demo_db, "operator", clues.NewClue(source="hotline", description="反映无证经营",
                                                                    uscc=uscc))
    # refreshed at most once a second: ask until the next look (no fixed sleep)
    deadline = dt.datetime.now() + dt.timedelta(seconds=60)
    while True:
        body = _get(port, "/scenes/feed")[2]
        if any(e["object_id"] == clue_id for e in body["feed"]) or dt.datetime.now() > deadline:
            break
        time.sleep(0.05)
    assert body["feed"][0]["object_id"] == clue_id and body["feed"][0]["object_type"] == "clue"
    assert _get(port, "/scenes/overview")[2]["overview"]["open_clues"] == before + 1


def test_serve_feed_stops_on_its_event(demo_db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stop = threading.Event()
    worker = threading.Thread(target=serve_feed, args=(demo_db,), kwargs={"port": port, "stop_event": stop})
    worker.start()
    try:
        deadline = dt.datetime.now() + dt.timedelta(seconds=60)
        while True:
            try:
                assert _get(port, "/scenes/draw")[0] == 200
                break
            except urllib.error.URLError:
                if dt.datetime.now() > deadline:
                    raise
                time.sleep(0.05)
    finally:
        stop.set()
        worker.join(60)
    assert not worker.is_alive()
    assert set(SCENES) >= {"overview", "towns", "rankings", "trend", "feed", "pushes"}


def test_pushes_list_newest_first_and_describe_what_they_name(demo_db):
    with demo_db.sessions() as s:
        entity_id, name = s.execute(select(MarketEntity.id, MarketEntity.name).limit(1)).one()
        clue_id, clue_ref = s.execute(select(Clue.id, Clue.ref_no).order_by(Clue.id).limit(1)).one()
        case_id, case_ref = s.execute(select(Case.id, Case.ref_no).order_by(Case.id).limit(1)).one()
        batch_id, batch_name = s.execute(select(DrawBatch.id, DrawBatch.name).order_by(DrawBatch.id).limit(1)).one()
    views = [("entity", {"kind": "entity", "entity_id": entity_id}), ("clue", {"kind": "clue", "clue_id": clue_id}),
             ("case", {"kind": "case", "case_id": case_id}), ("batch", {"kind": "batch", "batch_id": batch_id}),
             ("map", {"zoom": 14, "town": "330782001", "center": [29.3, 120.07]}),
             ("scene", {"kind": "scene", "scene": "trend"}), ("gone", {"kind": "clue", "clue_id": 10 ** 9})]
    pushed = [wall.push_view(demo_db, "leader", workspace="clues", title=f"推送 {key}", view=view)
              for key, view in views]
    history = wall.push_history(demo_db, limit=len(views))
    assert [p.id for p in history] == [p.id for p in reversed(pushed)]
    assert wall.push_history(demo_db, limit=2) == history[:2]
    items = {key: wall.describe_push(demo_db, p) for (key, _), p in zip(views, pushed)}
    assert items["entity"].heading_zh == name and items["entity"].entity_ids == (entity_id,)
    assert items["entity"].lat is not None and not any("风险" in f.label_zh for f in items["entity"].facts)
    assert items["clue"].heading_zh == f"线索 {clue_ref}" and items["clue"].heading_en == f"Clue {clue_ref}"
    assert any(f.label_en == "Deadline" and f.value_zh for f in items["clue"].facts)
    assert items["case"].heading_zh == f"案件 {case_ref}"
    assert items["batch"].heading_zh == batch_name and any(f.label_en == "Drawn" for f in items["batch"].facts)
    assert items["map"].kind == "map" and items["map"].zoom == 14 and (items["map"].lat, items["map"].lng) == (29.3, 120.07)
    assert any(f.value_zh.endswith("街道") for f in items["map"].facts)
    assert items["scene"].scene == "trend"
    assert not items["gone"].found and items["gone"].object_id == 10 ** 9
    assert all(item.found for key, item in items.items() if key != "gone")
