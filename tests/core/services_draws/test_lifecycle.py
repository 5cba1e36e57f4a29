"""A batch from draft to published on SQLite and PostgreSQL: checks, freezing, drawing, records."""
import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import func, select, update

from core.db.models import AuditEntry, DrawBatch, DrawnObject, DrawRecord, MarketEntity
from core.draws import DrawRefused, commit, new_seed, verify_record
from core.errors import NotFound, ValidationError
from core.services import draws

from .helpers import ALL, batch, dept, lock_and_draw, matters, plan, town_with


def audit_actions(db, batch_id):
    with db.sessions() as s:
        return [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.object_type == "draw_batch",
                                                                        AuditEntry.object_id == str(batch_id))
                                        .order_by(AuditEntry.id))]


def codes(problems):
    return {p.code for p in problems}


def test_create_update_list_and_detail(demo_db):
    p = plan(demo_db)
    b = batch(demo_db, p, depts=(("SCJG", 2, 2), ("WJJ", 2, 1)))
    detail = draws.batch_detail(demo_db, b)
    assert detail.status == "draft" and detail.plan_id == p and detail.lead_department_zh == "市场监管局"
    assert [d.code for d in detail.departments] == ["SCJG", "WJJ"]  # lead first
    assert all(d.eligible_inspectors >= 2 and d.matters for d in detail.departments)
    assert detail.pool_filter["statuses"] == ["active"]  # the default
    assert detail.pool_count == sum(r.pool for r in detail.strata) > 0
    assert detail.avoidance == {"declared_conflicts": True, "last_inspection": True, "same_village": False}
    assert detail.record_digest is None and detail.results_due is None
    draws.update_batch(demo_db, "planner", b, name="改名后的批次", sampling={"counts": {"A": 1, "B": 1, "C": 1, "D": 1}},
                       window_end=dt.date(2027, 5, 31))
    detail = draws.batch_detail(demo_db, b)
    assert detail.name == "改名后的批次" and detail.window_end == dt.date(2027, 5, 31)
    assert detail.sampling == {"counts": {"A": 1, "B": 1, "C": 1, "D": 1}}
    assert [r.planned for r in detail.strata] == [min(1, r.pool) for r in detail.strata]
    summary = next(x for x in draws.list_plans(demo_db) if x.id == p)
    assert [x.id for x in summary.batches] == [b] and summary.batches[0].status == "draft"
    assert audit_actions(demo_db, b) == ["draw.batch.create", "draw.batch.update"]
    with pytest.raises(NotFound):
        draws.batch_detail(demo_db, 10**6)
    with pytest.raises(ValidationError, match="pool filter keys"):
        draws.update_batch(demo_db, "planner", b, pool_filter={"colour": ["red"]})


def test_lock_refuses_with_rule_citing_problems(demo_db):
    p = plan(demo_db)
    scjg = dept(demo_db, "SCJG")
    with demo_db.sessions() as s:
        from core.db.models import Inspector
        staff = s.scalar(select(func.count()).select_from(Inspector).where(Inspector.department_id == scjg))
    b = batch(demo_db, p, depts=(("SCJG", staff + 1, 1), ("WJJ", 1, 1)),
              pool={"village_codes": ["330782999999"]}, sampling={"ratios": {"A": 1.5, "B": 0.2, "C": 0.6, "D": 1.0}})
    problems = draws.check_batch(demo_db, b)
    by_code = {p.code: p for p in problems}
    assert {"not_enough_inspectors", "team_too_small", "empty_pool", "ratio_over_100"} <= set(by_code)
    assert "第四十二条" in by_code["team_too_small"].rule and "Art. 42" in by_code["team_too_small"].rule
    assert "执法检查人员名录库" in by_code["not_enough_inspectors"].rule
    assert "抽查对象名录库" in by_code["empty_pool"].rule
    assert "100%" in by_code["ratio_over_100"].rule and by_code["ratio_over_100"].where == "stratum A"
    with pytest.raises(DrawRefused) as refused:
        draws.lock_batch(demo_db, "planner", b, randomness_kind="rfc3797")
    assert codes(refused.value.problems) == codes(problems)
    assert draws.batch_detail(demo_db, b).status == "draft"  # nothing changed


def test_data_checks_window_matters_and_lead(demo_db):
    p = plan(demo_db)
    scjg_matter = matters(demo_db, "SCJG")[0]
    b = draws.create_batch(
        demo_db, "planner", p, name="事项错配", lead_department_id=dept(demo_db, "XFZD"),
        window_start=dt.date(2027, 5, 1), window_end=dt.date(2027, 3, 1),
        departments=[(dept(demo_db, "WJJ"), 2, [scjg_matter]), (dept(demo_db, "SCJG"), 2, [])],
        pool_filter={"village_codes": [town_with(demo_db)]}, sampling={"ratios": {"A": 0.1, "B": 0.1, "C": 0.1, "D": 0.1}},
        avoidance={})
    problems = {p.code: p for p in draws.check_batch(demo_db, b)}
    assert {"window_reversed", "matter_of_other_department", "no_matters", "lead_not_participating"} <= set(problems)
    assert "抽查事项清单" in problems["matter_of_other_department"].rule


def test_seed_lock_needs_a_commitment_and_the_seed_must_match(demo_db):
    b = batch(demo_db, plan(demo_db))
    with pytest.raises(DrawRefused, match="commitment"):
        draws.lock_batch(demo_db, "planner", b, randomness_kind="seed")
    seed = new_seed()
    locked = draws.lock_batch(demo_db, "planner", b, randomness_kind="seed", seed_commitment=commit(seed))
    assert locked.status == "locked" and locked.seed_commitment == commit(seed) and len(locked.pool_hash) == 64
    with pytest.raises(ValidationError, match="only a draft"):
        draws.update_batch(demo_db, "planner", b, name="too late")
    with pytest.raises(ValidationError, match="only a draft"):
        draws.lock_batch(demo_db, "planner", b, randomness_kind="seed", seed_commitment=commit(seed))
    with pytest.raises(DrawRefused, match="does not match"):
        draws.draw_batch(demo_db, "planner", b, seed=new_seed())
    with pytest.raises(ValidationError, match="not public sources"):
        draws.draw_batch(demo_db, "planner", b, sources=["1 2 3"])
    assert draws.batch_detail(demo_db, b).status == "locked"
    drawn = draws.draw_batch(demo_db, "planner", b, seed=seed)
    assert drawn.seed == seed and drawn.key == "seed:" + seed
    detail = draws.batch_detail(demo_db, b)
    assert detail.seed == seed and detail.randomness_kind == "seed" and detail.status == "drawn"


def test_frozen_pool_survives_later_changes_to_entities(demo_db):
    village = town_with(demo_db)
    b = batch(demo_db, plan(demo_db), pool={"village_codes": [village]}, sampling=ALL)
    locked = draws.lock_batch(demo_db, "planner", b, randomness_kind="rfc3797", announcement="福彩3D")
    with demo_db.sessions() as s:
        frozen = set(s.scalars(select(MarketEntity.id).where(MarketEntity.village_code == village,
                                                             MarketEntity.status == "active")))
        victim = min(frozen)
    with demo_db.bootstrap_uow("tester") as uow:  # after locking: one entity leaves, all change risk class
        uow.session.execute(update(MarketEntity).where(MarketEntity.id == victim).values(status="deregistered"))
        uow.session.execute(update(MarketEntity).where(MarketEntity.village_code == village).values(risk_class="D"))
        uow.commit()
    try:
        assert draws.build_spec(demo_db, b).pool != ()  # the live pool differs now ...
        drawn = draws.draw_batch(demo_db, "planner", b, sources=["9319", "2 5 12 8 10"])
        assert drawn.pool_hash == locked.pool_hash and drawn.pool_count == locked.pool_count
        assert {p.entity_id for p in drawn.picks} == frozen  # ... but the draw took the frozen one
        assert victim in {p.entity_id for p in drawn.picks}
        assert {r.stratum: r.pool for r in drawn.strata} == {r.stratum: r.pool for r in locked.strata}
        assert draws.verify_batch(demo_db, b).ok
    finally:
        with demo_db.bootstrap_uow("tester") as uow:
            uow.session.execute(update(MarketEntity).where(MarketEntity.id == victim).values(status="active"))
            uow.commit()


def test_draw_once_only_and_all_or_nothing(demo_db):
    b = batch(demo_db, plan(demo_db))
    first = lock_and_draw(demo_db, b, kind="rfc3797")
    assert first.key == "9319./2.5.8.10.12./9.18.26.34.41.45./" and first.sources[1] == "2 5 12 8 10"
    with pytest.raises(ValidationError, match="only a locked"):
        draws.draw_batch(demo_db, "planner", b, sources=["1 2 3"])
    with demo_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(DrawnObject).where(DrawnObject.batch_id == b)) == len(first.picks)
    assert audit_actions(demo_db, b) == ["draw.batch.create", "draw.batch.lock", "draw.batch.draw"]
    # A refused draw (no sources) writes nothing and leaves the batch locked.
    other = batch(demo_db, plan(demo_db))
    draws.lock_batch(demo_db, "planner", other, randomness_kind="rfc3797")
    with pytest.raises(DrawRefused):
        draws.draw_batch(demo_db, "planner", other, sources=[])
    with demo_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(DrawnObject).where(DrawnObject.batch_id == other)) == 0
    assert draws.batch_detail(demo_db, other).status == "locked"


def test_drawn_batch_results_deadline_and_publication(demo_db):
    b = batch(demo_db, plan(demo_db), window=(dt.date(2025, 9, 1), dt.date(2025, 9, 30)))
    drawn = lock_and_draw(demo_db, b)
    # 20 working days after 2025-09-30, skipping the National Day holiday (Oct 1-8, Sat Oct 11 works).
    assert drawn.results_due == dt.date(2025, 11, 4)
    assert draws.batch_detail(demo_db, b).results_due == dt.date(2025, 11, 4)
    assert {p.stratum for p in drawn.picks} <= {"A", "B", "C", "D"}
    assert [p.order for p in drawn.picks] == list(range(1, len(drawn.picks) + 1))
    assert all(p.name and p.task_id and len(p.team) == 2 for p in drawn.picks)
    with pytest.raises(ValidationError, match="only a drawn"):
        draws.publish_batch(demo_db, "planner", batch(demo_db, plan(demo_db)))
    draws.publish_batch(demo_db, "leader", b)
    detail = draws.batch_detail(demo_db, b)
    assert detail.status == "published" and detail.published_at is not None
    stats = draws.pool_vs_drawn(demo_db, b)
    assert [r.stratum for r in stats] == ["A", "B", "C", "D"]
    assert sum(r.drawn for r in stats) == len(drawn.picks) and all(r.drawn == r.planned for r in stats)


def test_record_verifies_and_tampering_is_found(demo_db, tmp_path):
    b = batch(demo_db, plan(demo_db), depts=(("SCJG", 2, 1), ("WJJ", 2, 1)))
    drawn = lock_and_draw(demo_db, b)
    report = draws.verify_batch(demo_db, b)
    assert report.ok, report.problems
    path = draws.export_record(demo_db, b, tmp_path / "r.json")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == drawn.digest  # the file is the canonical JSON
    record = json.loads(path.read_text(encoding="utf-8"))
    assert verify_record(record).ok and record["meta"]["batch_id"] == b
    assert record["randomness"]["seed"] == drawn.seed
    # A record with a swapped team member no longer verifies.
    team = record["outcome"]["picks"][0]["teams"][0]["inspectors"]
    team[0] = team[0] + 100000
    report = verify_record(record)
    assert not report.ok and any("pick 1" in p for p in report.problems)
    # Tampering with the stored record is found by the batch verification too.
    with demo_db.bootstrap_uow("tester") as uow:
        row = uow.session.scalars(select(DrawRecord).where(DrawRecord.batch_id == b)).one()
        row.record = record
        uow.commit()
    report = draws.verify_batch(demo_db, b)
    assert not report.ok and any("digest" in p for p in report.problems)
    with pytest.raises(NotFound):
        draws.export_record(demo_db, batch(demo_db, plan(demo_db)), tmp_path / "none.json")


def test_batch_ids_and_status_are_unique_per_batch(demo_db):
    b = batch(demo_db, plan(demo_db))
    lock_and_draw(demo_db, b)
    with demo_db.sessions() as s:
        stored = s.get(DrawBatch, b)
        assert stored.algorithm_version == "tongguan-draw/1" and stored.draw_key.startswith("seed:")
        assert stored.drawn_at is not None and stored.locked_at is not None
        assert s.scalar(select(DrawRecord.frozen).where(DrawRecord.batch_id == b)) is None  # the record holds it


def test_drawn_picks_read_back_and_the_demo_history(demo_db):
    b = batch(demo_db, plan(demo_db), depts=(("SCJG", 2, 1), ("WJJ", 2, 1)))
    drawn = lock_and_draw(demo_db, b)
    again = draws.drawn_picks(demo_db, b)
    assert [(p.order, p.entity_id, p.task_id, p.name) for p in again] == \
        [(p.order, p.entity_id, p.task_id, p.name) for p in drawn.picks]
    assert [set(p.team) for p in again] == [set(p.team) for p in drawn.picks]
    with demo_db.sessions() as s:
        historical = s.scalar(select(DrawBatch.id).where(DrawBatch.algorithm_version == "demo-synthetic-1").limit(1))
    picks = draws.drawn_picks(demo_db, historical)
    assert picks and all(p.task_id and len(p.team) >= 2 for p in picks)
    detail = draws.batch_detail(demo_db, historical)
    assert detail.status == "published" and not detail.has_record and detail.drawn_count == len(picks)
    assert sum(r.drawn for r in detail.strata) == len(picks)
    with pytest.raises(NotFound, match="no draw record"):
        draws.verify_batch(demo_db, historical)


def test_long_calls_report_progress_and_can_be_cancelled(demo_db):
    from core.errors import Cancelled

    b = batch(demo_db, plan(demo_db))
    with pytest.raises(Cancelled):
        draws.lock_batch(demo_db, "planner", b, randomness_kind="rfc3797", is_cancelled=lambda: True)
    assert draws.batch_detail(demo_db, b).status == "draft"
    locking, drawing = [], []
    draws.lock_batch(demo_db, "planner", b, randomness_kind="rfc3797", progress=lambda f, m: locking.append(f))
    with pytest.raises(Cancelled):
        draws.draw_batch(demo_db, "planner", b, sources=["1 2 3"], is_cancelled=lambda: True)
    assert draws.batch_detail(demo_db, b).status == "locked"
    draws.draw_batch(demo_db, "planner", b, sources=["1 2 3"], progress=lambda f, m: drawing.append(f))
    for seen in (locking, drawing):
        assert seen and seen == sorted(seen) and 0 <= seen[0] and seen[-1] < 1


def test_a_draw_failing_half_way_writes_nothing(demo_db, monkeypatch):
    from core.services.draws import lifecycle

    b = batch(demo_db, plan(demo_db))
    draws.lock_batch(demo_db, "planner", b, randomness_kind="rfc3797")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(lifecycle, "create_tasks", broken)  # after drawn objects and teams were written
    with pytest.raises(RuntimeError, match="disk full"):
        draws.draw_batch(demo_db, "planner", b, sources=["5 6 7"])
    with demo_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(DrawnObject).where(DrawnObject.batch_id == b)) == 0
    assert draws.batch_detail(demo_db, b).status == "locked"
    monkeypatch.undo()
    assert draws.draw_batch(demo_db, "planner", b, sources=["5 6 7"]).picks


def test_discarding_drafts_is_audited_and_refused_once_locked(demo_db):
    p = plan(demo_db)
    keep, drop = batch(demo_db, p), batch(demo_db, p)
    draws.discard_batch(demo_db, "planner", drop)
    with pytest.raises(NotFound):
        draws.batch_detail(demo_db, drop)
    assert audit_actions(demo_db, drop) == ["draw.batch.create", "draw.batch.discard"]
    [summary] = [x for x in draws.list_plans(demo_db) if x.id == p]
    assert [b.id for b in summary.batches] == [keep]
    seed = new_seed()
    draws.lock_batch(demo_db, "planner", keep, randomness_kind="seed", seed_commitment=commit(seed))
    with pytest.raises(ValidationError):
        draws.discard_batch(demo_db, "planner", keep)
    with pytest.raises(ValidationError):
        draws.discard_plan(demo_db, "planner", p)
    assert draws.batch_detail(demo_db, keep).status == "locked"
    empty = plan(demo_db)
    draws.discard_plan(demo_db, "planner", empty)
    assert empty not in {x.id for x in draws.list_plans(demo_db)}
