"""The demo city: realistic proportions, valid codes, determinism, and all-or-nothing builds."""
import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import func, select

from core import uscc
from core.db.database import Database
from core.db.fingerprint import table_digests
from core.db.models import EntityRecord
from core.demo.builder import build_demo
from core.demo.spec import DemoSpec
from core.errors import Cancelled, ValidationError
from core.services.entities import timeline

AS_OF = dt.date(2026, 11, 20)
# Two chunks and a partial third: determinism must hold across chunk boundaries.
N = 6_000


def spec(entities=N, seed=7):
    # Small chunks so the build crosses chunk boundaries (and the generate-ahead thread).
    return DemoSpec(entities=entities, seed=seed, as_of=AS_OF, chunk=2_500)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "city.sqlite"
    report = build_demo(str(path), spec())
    db = Database.open(str(path))
    yield db, report
    db.dispose()


def scalar(db, stmt):
    with db.sessions() as s:
        return s.scalar(stmt)


def test_population_matches_yiwu(built):
    db, report = built
    assert report.entities == N
    with db.engine.connect() as conn:
        types = dict(conn.exec_driver_sql("SELECT entity_type, COUNT(*) FROM market_entities GROUP BY 1").all())
        risks = dict(conn.exec_driver_sql("SELECT risk_class, COUNT(*) FROM market_entities GROUP BY 1").all())
        towns = conn.exec_driver_sql("SELECT COUNT(DISTINCT town_code), COUNT(DISTINCT village_code) FROM market_entities").one()
    assert sum(types.values()) == N
    assert abs(types["individual"] / N - 0.72) < 0.03
    assert 0 < types["cooperative"] < types["enterprise"]
    # The classes are the built-in rule set's (core.credit), not drawn: most entities have a
    # clean record, every class is there, and fewer the worse the class.
    assert set(risks) == {"A", "B", "C", "D"} and risks["A"] > risks["B"] > risks["C"] > 0 and risks["D"] > 0
    assert towns[0] == 14 and towns[1] > 400


def test_the_classes_are_the_rule_sets(built):
    from core.credit.city import score_city

    db, _report = built
    scores = score_city(db, None, as_of=dt.date(2026, 11, 20), apply=False)
    assert len(scores.entity_ids) == N
    assert (scores.classes == scores.before).all()  # what is stored is what the rules give


def test_every_code_is_valid_unique_and_from_yiwu(built):
    db, _ = built
    with db.engine.connect() as conn:
        codes = [r[0] for r in conn.exec_driver_sql("SELECT uscc FROM market_entities")]
        kinds = dict(conn.exec_driver_sql("SELECT uscc, entity_type FROM market_entities").all())
    assert len(set(codes)) == len(codes) == N
    for code in codes:
        parts = uscc.parse(code)
        assert parts.division == "330782"
        assert parts.entity_type == kinds[code]


def test_positions_lie_around_yiwu(built):
    db, _ = built
    with db.engine.connect() as conn:
        lo_lat, hi_lat, lo_lng, hi_lng = conn.exec_driver_sql(
            "SELECT MIN(lat), MAX(lat), MIN(lng), MAX(lng) FROM market_entities").one()
        dense = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM market_entities WHERE town_code IN ('330782001','330782008')").scalar()
        rural = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM market_entities WHERE town_code IN ('330782101','330782106')").scalar()
    assert 29.0 < lo_lat and hi_lat < 29.65 and 119.7 < lo_lng and hi_lng < 120.4
    assert dense > 3 * rural  # the market district is far denser than the rural towns


def test_history_is_rich_and_in_time_order(built):
    db, _ = built
    records = scalar(db, select(func.count()).select_from(EntityRecord))
    assert records / N >= 5
    with db.engine.connect() as conn:
        kinds = {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT kind FROM entity_records")}
        before_registration = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM entity_records r JOIN market_entities e ON e.id = r.entity_id "
            "WHERE r.occurred_on < e.registered_on OR r.occurred_on > ?", (AS_OF.isoformat(),)).scalar()
        busiest = conn.exec_driver_sql(
            "SELECT entity_id FROM entity_records GROUP BY entity_id ORDER BY COUNT(*) DESC LIMIT 1").scalar()
    assert {"licence", "inspection", "penalty", "test", "honour", "credit", "complaint", "grid_event"} <= kinds
    assert before_registration == 0
    with db.bootstrap_uow("tester") as uow:
        items = timeline(uow, busiest)
    assert len(items) >= 10
    dates = [i.occurred_on for i in items]
    assert dates == sorted(dates, reverse=True)


def test_workflows_have_open_and_closed_items(built):
    db, report = built
    c = report.counts
    for table in ("inspectors", "users", "clues", "clue_events", "notification_pushes", "commitments",
                  "draw_batches", "drawn_objects", "inspection_tasks", "inspection_results", "cases"):
        assert c.get(table, 0) > 0, table
    with db.engine.connect() as conn:
        states = dict(conn.exec_driver_sql("SELECT state, COUNT(*) FROM clues GROUP BY 1").all())
        late = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM notification_pushes WHERE claimed_on > claim_due").scalar()
        on_time = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM notification_pushes WHERE claimed_on <= claim_due").scalar()
        meta = dict(conn.exec_driver_sql("SELECT key, value FROM app_meta").all())
        small_teams = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM (SELECT drawn_object_id, department_id FROM draw_team_members "
            "GROUP BY 1, 2 HAVING COUNT(*) < 2) t").scalar()
        conflicted = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM draw_team_members m JOIN drawn_objects o ON o.id = m.drawn_object_id "
            "JOIN inspector_conflicts c ON c.inspector_id = m.inspector_id AND c.entity_id = o.entity_id").scalar()
    assert states.get("closed", 0) > sum(v for k, v in states.items() if k != "closed") > 0
    assert 0 < late < on_time
    assert small_teams == 0 and conflicted == 0  # 行政处罚法 Art. 42 and 43 hold in demo history
    assert meta["demo"] == "1" and json.loads(meta["demo_spec"])["entities"] == N
    roles = {u["role"] for u in json.loads(meta["demo_users"])}
    assert roles == {"operator", "leader", "planner", "monitor", "department", "town", "admin"}


def test_same_seed_same_city_and_other_seed_other_city(built, tmp_path):
    db, _ = built
    again = tmp_path / "again.sqlite"
    build_demo(str(again), spec())
    other = tmp_path / "other.sqlite"
    build_demo(str(other), spec(seed=8))
    first = table_digests(db.engine)
    second_db, other_db = Database.open(str(again)), Database.open(str(other))
    try:
        assert table_digests(second_db.engine) == first
        assert table_digests(other_db.engine)["market_entities"] != first["market_entities"]
    finally:
        second_db.dispose()
        other_db.dispose()


def test_refuses_to_overwrite_data_without_replace(built, tmp_path):
    db, _ = built
    path = db.engine.url.database
    before = table_digests(db.engine)
    with pytest.raises(ValidationError, match="--replace"):
        build_demo(path, spec(entities=50))
    assert table_digests(db.engine) == before


def test_cancelled_build_leaves_the_old_database_untouched(tmp_path):
    path = tmp_path / "keep.sqlite"
    build_demo(str(path), spec(entities=300))
    before = sqlite3.connect(path).execute("SELECT COUNT(*), MAX(uscc) FROM market_entities").fetchone()
    calls = {"n": 0}

    def cancel_soon():
        calls["n"] += 1
        return calls["n"] > 1

    with pytest.raises(Cancelled):
        build_demo(str(path), spec(entities=10_000, seed=99), replace=True, is_cancelled=cancel_soon)
    after = sqlite3.connect(path).execute("SELECT COUNT(*), MAX(uscc) FROM market_entities").fetchone()
    assert after == before
    assert not list(tmp_path.glob(".keep.sqlite.building-*"))


@pytest.mark.postgres
def test_postgresql_build_equals_sqlite_build(empty_db_url, tmp_path):
    if not empty_db_url.startswith("postgresql"):
        pytest.skip("compares against the PostgreSQL build")
    lite = tmp_path / "lite.sqlite"
    build_demo(str(lite), spec(entities=1500))
    report = build_demo(empty_db_url, spec(entities=1500))
    assert report.db_mb and report.db_mb > 0
    a, b = Database.open(str(lite)), Database.open(empty_db_url)
    try:
        assert table_digests(b.engine) == table_digests(a.engine)
        # The id sequences moved past the loaded rows: new rows insert normally.
        with b.bootstrap_uow("tester") as uow:
            uow.audit("test.insert", "x", 1)
            uow.commit()
        with pytest.raises(ValidationError):
            build_demo(empty_db_url, spec(entities=10))
    finally:
        a.dispose()
        b.dispose()


def test_next_years_plan_was_made_through_the_draw_services(built):
    from core.services import draws

    db, _ = built
    [plan] = [p for p in draws.list_plans(db) if p.year == spec().as_of.year + 1]
    assert [b.status for b in plan.batches] == ["drawn", "locked", "draft"]
    drawn = plan.batches[0]
    assert drawn.drawn > 0 and draws.verify_batch(db, drawn.id).ok
    detail = draws.batch_detail(db, drawn.id)
    assert detail.random_sources and detail.record_digest and detail.task_count > 0
    assert detail.locked_at.date() == spec().as_of  # the reproducible clock, not the wall clock
    assert draws.batch_detail(db, plan.batches[1].id).announcement
    assert draws.check_batch(db, plan.batches[2].id) == []
