"""Clues out and in as Open311 GeoReport v2 requests: a round trip keeps every field; a bad
file is refused whole, naming the request and the field."""
import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import Clue
from core.demo.builder import build_demo
from core.demo.spec import DemoSpec
from core.errors import ValidationError
from core.services import clues

SPEC = DemoSpec(entities=1500, seed=5, as_of=dt.date(2026, 11, 20), chunk=1000)


@pytest.fixture(scope="module")
def twin_cities(tmp_path_factory):
    """Two copies of the same small city: one to export from, one to import into."""
    folder = tmp_path_factory.mktemp("open311")
    out = []
    for name in ("a", "b"):
        path = folder / f"{name}.sqlite"
        build_demo(str(path), SPEC)
        out.append(Database.open(str(path)))
    yield out
    for db in out:
        db.dispose()


def _count(db):
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Clue))


def _make_clues(db):
    from sqlalchemy import text

    with db.engine.connect() as conn:
        uscc, matter = conn.execute(text("SELECT m.uscc, r.id FROM market_entities m, regulatory_matters r "
                                         "ORDER BY m.id, r.id LIMIT 1")).one()
    a = clues.create_clue(db, "operator", clues.NewClue(source="hotline", description="销售过期食品", uscc=uscc,
                                                 matter_id=matter, source_ref="12345-2026-000881"))
    b = clues.create_clue(db, "operator", clues.NewClue(source="grid", description="占用消防通道", lat=29.305, lng=120.071,
                                                 village_code=_village(db)))
    clues.act(db, "operator", a, "claim")
    clues.act(db, "operator", a, "start")
    clues.act(db, "operator", a, "feed_back", note="已责令下架")
    c = clues.create_clue(db, "operator", clues.NewClue(source="hotline", description="同一家店销售过期食品", uscc=uscc,
                                                 matter_id=matter))
    clues.act(db, "operator", c, "duplicate", original_id=a)
    return [a, b, c]


def _village(db):
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(text("SELECT code FROM villages ORDER BY code LIMIT 1")).scalar()


def test_export_then_import_keeps_every_field(twin_cities, tmp_path):
    a, b = twin_cities
    ids = _make_clues(a)
    path = tmp_path / "requests.json"
    assert clues.export_open311(a, path, ids) == 3
    sent = json.loads(path.read_text(encoding="utf-8"))
    assert {"service_request_id", "status", "status_notes", "service_code", "agency_responsible",
            "requested_datetime", "updated_datetime", "expected_datetime", "lat", "long"} <= set(sent[0])
    assert sent[0]["service_request_id"] == "12345-2026-000881" and sent[0]["status"] == "open"
    assert sent[0]["status_notes"] == "已责令下架" and sent[0]["requested_datetime"].endswith("+08:00")
    assert sent[2]["status"] == "closed" and sent[2]["extended_attributes"]["duplicate_of"] == \
        sent[0]["extended_attributes"]["ref_no"]
    before = _count(b)
    assert clues.import_open311(b, "operator", path) == (3, 0)
    assert _count(b) == before + 3
    with b.sessions() as s:
        new_ids = s.scalars(select(Clue.id).order_by(Clue.id.desc()).limit(3)).all()
    back = clues.export_requests(b, new_ids)
    assert back == sent
    assert clues.import_open311(b, "operator", path) == (0, 3)  # a second import changes nothing


def test_a_foreign_request_is_routed_like_any_new_clue(twin_cities, tmp_path):
    _, b = twin_cities
    with b.sessions() as s:
        from core.db.models import RegulatoryMatter

        code = s.scalar(select(RegulatoryMatter.code).order_by(RegulatoryMatter.id))
    path = tmp_path / "hotline.json"
    path.write_text(json.dumps([{"service_request_id": "HL-77", "status": "open", "service_code": code,
                                 "description": "噪音扰民", "requested_datetime": "2026-11-18T09:30:00+08:00",
                                 "lat": 29.3, "long": 120.08}]), encoding="utf-8")
    assert clues.import_open311(b, "operator", path) == (1, 0)
    with b.sessions() as s:
        clue = s.scalar(select(Clue).where(Clue.source_ref == "HL-77"))
        assert clue.state.value == "assigned" and clue.department_id is not None
        assert clue.due_on > dt.date(2026, 11, 18)


@pytest.mark.parametrize("bad, where", [
    ({"status": "pending"}, "status"),
    ({"service_code": "X" * 65}, "service_code"),  # an unknown code is kept (tests/core/feeds), an overlong one not
    ({"requested_datetime": "yesterday"}, "requested_datetime"),
    ({"lat": "north"}, "lat"),
    ({"extended_attributes": {"uscc": "91330782MA2ABCDE1X"}}, "uscc"),
])
def test_one_bad_request_refuses_the_whole_file(twin_cities, tmp_path, bad, where):
    _, b = twin_cities
    good = {"service_request_id": "OK-1", "status": "open", "description": "好的请求",
            "requested_datetime": "2026-11-18T09:30:00+08:00", "lat": 29.3, "long": 120.08}
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps([good, {**good, "service_request_id": "BAD-2", **bad}]), encoding="utf-8")
    before = _count(b)
    with pytest.raises(ValidationError) as refused:
        clues.import_open311(b, "operator", path)
    assert "request 2 (BAD-2)" in refused.value.where and where in refused.value.where
    assert str(path) in refused.value.where
    assert _count(b) == before  # the good request was not stored either


def test_a_file_that_is_not_open311_is_refused(twin_cities, tmp_path):
    _, b = twin_cities
    path = tmp_path / "broken.json"
    path.write_text('{"service_requests": 3', encoding="utf-8")
    with pytest.raises(ValidationError, match="JSON"):
        clues.import_open311(b, "operator", path)
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ValidationError, match="array"):
        clues.import_open311(b, "operator", path)
