"""An Open311 import is keyed by its source reference: concurrent and repeated imports add
nothing twice, and a null or empty reference is refused naming the request and the field."""
import datetime as dt
import json
import multiprocessing as mp

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from core.db.database import Database
from core.db.migrate import upgrade
from core.db.models import Clue, ClueSource, ClueState, Village
from core.errors import ValidationError
from core.services import clues
from tests.bench import trust_claims


def _requests(village: str, n: int, prefix: str = "HL") -> list[dict]:
    return [{"service_request_id": f"{prefix}-{i:04d}", "status": "open", "description": f"投诉 {i}",
             "requested_datetime": "2026-11-18T09:30:00+08:00", "address_id": village} for i in range(n)]


@pytest.fixture
def city(empty_db_url):
    trust_claims.prepare(empty_db_url)
    db = Database.open(empty_db_url)
    with db.sessions() as s:
        village = s.scalar(select(Village.code).order_by(Village.code).limit(1))
    yield empty_db_url, db, village
    db.dispose()


def _count(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Clue))


def _import_at_once(url: str, path: str, barrier, results) -> None:
    db = Database.open(url)
    try:
        barrier.wait()
        results.put(clues.import_open311(db, trust_claims.ACTOR, path))
    except Exception as error:  # noqa: BLE001 - the parent reports it
        results.put(f"{type(error).__name__}: {error}")
    finally:
        db.dispose()


def test_two_imports_of_one_file_at_once_add_each_request_once(city, tmp_path):
    url, db, village = city
    path = tmp_path / "hotline.json"
    path.write_text(json.dumps(_requests(village, 300)), encoding="utf-8")
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2, timeout=120), ctx.Queue()
    workers = [ctx.Process(target=_import_at_once, args=(url, str(path), barrier, results)) for _ in range(2)]
    for w in workers:
        w.start()
    heard = sorted(results.get(timeout=300) for _ in workers)
    for w in workers:
        w.join(timeout=60)
    assert heard == [(0, 300), (300, 0)]
    assert _count(db) == 300
    assert clues.import_open311(db, trust_claims.ACTOR, path) == (0, 300)  # and again: nothing new
    assert _count(db) == 300


@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_null_or_empty_source_ref_is_refused_naming_the_request_and_field(city, tmp_path, value):
    _url, db, village = city
    requests = _requests(village, 3)
    requests[1]["extended_attributes"] = {"source_ref": value}
    path = tmp_path / "null.json"
    path.write_text(json.dumps(requests), encoding="utf-8")
    with pytest.raises(ValidationError, match="source reference") as refused:
        clues.import_open311(db, trust_claims.ACTOR, path)
    assert "request 2 (HL-0001): extended_attributes.source_ref" in refused.value.where
    assert _count(db) == 0


def test_a_given_source_ref_is_the_key_and_our_own_export_comes_back_once(city, tmp_path):
    _url, db, village = city
    requests = _requests(village, 2)
    for r, ref in zip(requests, ("TICKET-9", "TICKET-10")):
        r["extended_attributes"] = {"source_ref": ref}
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps(requests), encoding="utf-8")
    assert clues.import_open311(db, trust_claims.ACTOR, path) == (2, 0)
    renamed = [{**r, "service_request_id": "OTHER-" + r["service_request_id"]} for r in requests]
    path.write_text(json.dumps(renamed), encoding="utf-8")
    assert clues.import_open311(db, trust_claims.ACTOR, path) == (0, 2)  # same tickets under other ids
    own = clues.create_clue(db, trust_claims.ACTOR, clues.NewClue(source="grid", description="手录", village_code=village))
    out = tmp_path / "out.json"
    clues.export_open311(db, out, [own])
    sent = json.loads(out.read_text(encoding="utf-8"))
    assert sent[0]["extended_attributes"]["source_ref"] == sent[0]["extended_attributes"]["ref_no"]
    assert clues.import_open311(db, trust_claims.ACTOR, out) == (0, 1)


def test_the_database_refuses_a_second_clue_with_the_same_source_reference(city):
    _url, db, village = city
    def clue(ref_no):
        return Clue(ref_no=ref_no, source=ClueSource.HOTLINE, description="x", state=ClueState.RECEIVED,
                    received_at=dt.datetime(2026, 11, 18, tzinfo=dt.timezone.utc), source_ref="T-1")
    with db.bootstrap_uow(trust_claims.ACTOR) as uow:
        uow.session.add(clue("XS-A"))
        uow.commit()
    with pytest.raises(IntegrityError), db.bootstrap_uow(trust_claims.ACTOR) as uow:
        uow.session.add(clue("XS-B"))
        uow.commit()


def test_migration_0012_keeps_earlier_double_imports_and_makes_the_key_unique(empty_db_url):
    db = Database.open(empty_db_url)
    try:
        upgrade(db.engine, "0011_audit_chain")
        rows = [("XS-1", "T-1"), ("XS-2", "T-1"), ("XS-3", "T-1"), ("XS-4", ""), ("XS-5", None), ("XS-6", "T-2")]
        with db.engine.begin() as conn:
            for ref_no, source_ref in rows:
                conn.execute(text("INSERT INTO clues (ref_no, source, description, state, received_at, source_ref) "
                                  "VALUES (:r, 'hotline', 'x', 'received', :at, :s)"),
                             {"r": ref_no, "s": source_ref, "at": dt.datetime(2026, 11, 18)})
        upgrade(db.engine)
        with db.engine.connect() as conn:
            got = dict(conn.execute(text("SELECT ref_no, source_ref FROM clues")).all())
        assert got["XS-1"] == "T-1" and got["XS-6"] == "T-2" and got["XS-4"] is None and got["XS-5"] is None
        assert got["XS-2"].startswith("T-1#dup") and got["XS-3"].startswith("T-1#dup") and got["XS-2"] != got["XS-3"]
        assert len(got) == 6  # no clue was dropped
    finally:
        db.dispose()
