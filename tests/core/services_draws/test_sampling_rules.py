"""Issue 12: ratios in the plan's bands and rising with the risk, a recorded override,
inspectors' workload, and matters that fit the objects drawn (SQLite and PostgreSQL)."""
import datetime as dt
import json

import pytest
from sqlalchemy import func, not_, select

from core.db.models import AuditEntry, MarketEntity, RegulatoryMatter
from core.draws import DrawRefused
from core.services import draws

from .helpers import ALL, batch, dept, lock_and_draw, plan, town_with

INVERTED = {"ratios": {"A": 0.90, "B": 0.20, "C": 0.05, "D": 0.01}}
WIDE = {"ratios": {"A": 0.2, "B": 0.5, "C": 1.0, "D": 1.0}}


def actions(db, batch_id):
    with db.sessions() as s:
        return [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.object_id == str(batch_id),
                                                                        AuditEntry.object_type == "draw_batch")
                                        .order_by(AuditEntry.id))]


def test_inverted_ratios_are_refused_by_the_check_and_the_lock(demo_db):
    b = batch(demo_db, plan(demo_db, bands=None), sampling=INVERTED)
    problems = draws.check_batch(demo_db, b)
    found = {(p.code, p.where) for p in problems}
    assert {("ratio_out_of_band", "stratum A"), ("ratio_falls_with_risk", "stratum D")} <= found
    assert all("(" in p.message and p.rule[0] > "~" for p in problems)  # Chinese first, then English
    with pytest.raises(DrawRefused) as refused:
        draws.lock_batch(demo_db, "planner", b, randomness_kind="rfc3797")
    assert "ratio_falls_with_risk" in {p.code for p in refused.value.problems}
    # In the bands and rising: nothing about ratios.
    draws.update_batch(demo_db, "planner", b, sampling={"ratios": {"A": 0.05, "B": 0.2, "C": 0.6, "D": 1.0}})
    assert not {p.code for p in draws.check_batch(demo_db, b)} & {"ratio_out_of_band", "ratio_falls_with_risk"}


def test_bands_are_the_plans_own_and_audited(demo_db):
    p = plan(demo_db, bands=None)
    b = batch(demo_db, p, sampling={"ratios": {"A": 0.1, "B": 0.2, "C": 0.6, "D": 1.0}})
    assert {p_.code for p_ in draws.check_batch(demo_db, b)} >= {"ratio_out_of_band"}
    draws.set_plan_rules(demo_db, "planner", p, sampling_bands={"A": [0, 0.1]})
    assert "ratio_out_of_band" not in {p_.code for p_ in draws.check_batch(demo_db, b)}
    with demo_db.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "draw.plan.rules",
                                                   AuditEntry.object_id == str(p))).one()
    after = json.loads(entry.after) if isinstance(entry.after, str) else entry.after
    assert after["sampling_bands"]["A"] == [0.0, 0.1]
    from core.errors import ValidationError
    with pytest.raises(ValidationError, match="class A"):
        draws.set_plan_rules(demo_db, "planner", p, sampling_bands={"A": [0.3, 0.1]})


def test_an_override_is_recorded_shown_and_written_into_the_record(demo_db):
    b = batch(demo_db, plan(demo_db, bands=None), sampling=WIDE)
    assert "ratio_out_of_band" in {p.code for p in draws.check_batch(demo_db, b)}
    draws.update_batch(demo_db, "leader", b, sampling={**WIDE, "override": {"reason": "夏季食品安全专项整治"}})
    assert not [p for p in draws.check_batch(demo_db, b) if p.code == "ratio_out_of_band"]
    shown = draws.batch_detail(demo_db, b).sampling["override"]
    assert shown["reason"] == "夏季食品安全专项整治" and shown["by"] == "leader" and shown["bands"]["A"] == [0.0, 0.05]
    assert actions(demo_db, b)[-1] == "draw.batch.band_override"
    lock_and_draw(demo_db, b)
    record, _ = draws.records.stored_record(demo_db, b)
    assert record["sampling"]["override"]["reason"] == "夏季食品安全专项整治"
    assert record["sampling"]["ratios"] == WIDE["ratios"]
    assert draws.verify_batch(demo_db, b).ok


def test_changing_the_ratios_drops_the_override_and_plain_records_have_none(demo_db):
    b = batch(demo_db, plan(demo_db, bands=None), sampling={**WIDE, "override": {"reason": "专项"}})
    assert draws.batch_detail(demo_db, b).sampling.get("override")
    draws.update_batch(demo_db, "planner", b, sampling={"ratios": {"A": 0.05, "B": 0.2, "C": 0.6, "D": 1.0}})
    assert "override" not in draws.batch_detail(demo_db, b).sampling
    lock_and_draw(demo_db, b)
    record, _ = draws.records.stored_record(demo_db, b)
    assert set(record["sampling"]) == {"ratios"}


def test_workload_above_capacity_warns_with_the_numbers(demo_db):
    p = plan(demo_db, bands=None, capacity=2.0)
    day = dt.date(2027, 3, 2)  # a Tuesday: one working day
    b = batch(demo_db, p, sampling=ALL, window=(day, day))
    result = draws.check_batch(demo_db, b)
    assert "over_capacity" not in {x.code for x in result}  # a warning does not block
    [warning] = [w for w in result.warnings if w.code == "over_capacity"]
    detail = draws.batch_detail(demo_db, b)
    visits, staff = detail.pool_count, detail.departments[0].eligible_inspectors
    load = visits * 2 / staff
    assert warning.severity == "warning" and f"{visits:,} visits" in warning.message
    assert f"{staff} inspectors" in warning.message and f"{load:.1f} visits per inspector" in warning.message
    assert "1 working days" in warning.message and "capacity of 2" in warning.message
    assert warning.rule.startswith("国发〔2019〕5号")
    draws.set_plan_rules(demo_db, "planner", p, visit_capacity=load + 1)
    assert not [w for w in draws.check_batch(demo_db, b).warnings if w.code == "over_capacity"]


def test_pool_entities_no_matter_applies_to_are_listed_and_narrowed_away(demo_db):
    with demo_db.sessions() as s:
        food = s.scalars(select(RegulatoryMatter).where(RegulatoryMatter.code == "SCJG-001")).one()
        fits = food.applies_to["industries"]
        village = town_with(demo_db, 30)
        pool = (MarketEntity.village_code == village, MarketEntity.status == "active")
        unfit = s.scalar(select(func.count()).select_from(MarketEntity)
                         .where(*pool, not_(MarketEntity.industry_code.in_(fits))))
        first = s.execute(select(MarketEntity.uscc, MarketEntity.name)
                          .where(*pool, not_(MarketEntity.industry_code.in_(fits)))
                          .order_by(MarketEntity.uscc).limit(1)).one()
    assert "8040" not in fits and unfit > 0  # a hair salon is no food seller
    b = draws.create_batch(demo_db, "planner", plan(demo_db), name="食品销售", lead_department_id=dept(demo_db, "SCJG"),
                           window_start=dt.date(2027, 3, 1), window_end=dt.date(2027, 4, 30),
                           departments=[(dept(demo_db, "SCJG"), 2, [food.id])],
                           pool_filter={"village_codes": [village]}, sampling=ALL)
    result = draws.check_batch(demo_db, b)
    [warning] = [w for w in result.warnings if w.code == "matter_not_applicable"]
    assert f"{unfit:,} pool entities fit none" in warning.message and first[0] in warning.message
    assert first[1] in warning.message and warning.rule.startswith("一单两库")
    before = draws.batch_detail(demo_db, b).pool_count
    draws.narrow_pool_to_matters(demo_db, "planner", b)
    assert "draw.batch.narrow_to_matters" in actions(demo_db, b)
    assert not [w for w in draws.check_batch(demo_db, b).warnings if w.code == "matter_not_applicable"]
    assert draws.batch_detail(demo_db, b).pool_count == before - unfit
    drawn = lock_and_draw(demo_db, b)
    with demo_db.sessions() as s:
        industries = set(s.scalars(select(MarketEntity.industry_code)
                                   .where(MarketEntity.id.in_([p.entity_id for p in drawn.picks]))))
    assert industries and industries <= set(fits)
