"""The list transitions: abnormal -> serious after 3 years (warned ahead, audited, once), and repair."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, update

from core.credit import add_record, apply_transitions, current_class, due_transitions, explain, repair
from core.db.models import AuditEntry, CreditRecord, CreditRepair, CreditTransition
from core.errors import AlreadyChanged, PermissionDenied, ValidationError

from .support import new_entity

TODAY = dt.date(2026, 11, 20)


def test_three_years_on_the_abnormal_list_moves_an_entity_to_the_serious_list(demo_db):
    eid = new_entity(demo_db, "异常满三年己")
    listed_on = dt.date(2023, 11, 30)                      # three years on 2026-11-30, ten days after TODAY
    abnormal = add_record(demo_db, "leader", eid, "abnormal", listed_on, "列入经营异常名录（通过登记住所无法联系）")
    assert current_class(demo_db, [eid])[eid].risk_class != "D"

    assert eid not in {d.entity_id for d in due_transitions(demo_db, TODAY)}
    warned = [d for d in due_transitions(demo_db, TODAY, within_days=10) if d.entity_id == eid]
    assert [(d.record_id, d.moves_on) for d in warned] == [(abnormal, dt.date(2026, 11, 30))]
    assert eid not in apply_transitions(demo_db, "leader", TODAY).entity_ids   # not yet

    with pytest.raises(PermissionDenied):
        apply_transitions(demo_db, "planner", dt.date(2026, 11, 30))
    done = apply_transitions(demo_db, "leader", dt.date(2026, 11, 30))
    assert eid in done.entity_ids
    with demo_db.sessions() as s:
        old = s.get(CreditRecord, abnormal)
        move = s.scalar(select(CreditTransition).where(CreditTransition.from_record_id == abnormal))
        new = s.get(CreditRecord, move.to_record_id)
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "credit.transition",
                                                  AuditEntry.object_id == str(eid)))
    assert old.ended_on == dt.date(2026, 11, 30) and (new.kind, new.occurred_on) == ("serious", dt.date(2026, 11, 30))
    assert json.loads(audit.after)["serious_record_id"] == new.id and audit.actor == "leader"
    assert current_class(demo_db, [eid])[eid].risk_class == "D"
    assert apply_transitions(demo_db, "leader", dt.date(2026, 12, 1)).moved == 0   # once only

    e = explain(demo_db, eid, dt.date(2026, 12, 1))
    assert [(w.record.kind, w.in_force, w.why_not) for w in e.records] == [("abnormal", False, "ended"),
                                                                            ("serious", True, "")]
    assert e.floor_kinds == ("serious",)


def test_a_repair_needs_evidence_is_audited_and_lifts_the_class(demo_db):
    eid = new_entity(demo_db, "信用修复庚")
    rid = add_record(demo_db, "leader", eid, "serious", TODAY - dt.timedelta(days=40), "列入严重违法失信名单",
                     department_id=1)
    assert current_class(demo_db, [eid])[eid].risk_class == "D"
    with pytest.raises(ValidationError, match="evidence"):
        repair(demo_db, "leader", rid, note="已整改并缴清罚款", attachment_name=" ")
    with pytest.raises(PermissionDenied):
        repair(demo_db, "scjg" if _dept_code(demo_db, 1) != "SCJG" else "fgj", rid, note="x", attachment_name="y.pdf")
    repair_id = repair(demo_db, "leader", rid, note="已整改并缴清罚款，公开作出信用承诺", attachment_name="整改报告.pdf",
                       on=TODAY)
    with demo_db.sessions() as s:
        row = s.get(CreditRepair, repair_id)
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "credit.repair",
                                                  AuditEntry.object_id == str(eid)))
    assert (row.record_id, row.attachment_name, row.actor) == (rid, "整改报告.pdf", "leader")
    assert json.loads(audit.after)["attachment"] == "整改报告.pdf"
    assert current_class(demo_db, [eid])[eid].risk_class == "A"
    e = explain(demo_db, eid, TODAY)
    assert [(w.in_force, w.why_not) for w in e.records] == [(False, "repaired")]
    with pytest.raises(AlreadyChanged):
        repair(demo_db, "leader", rid, note="again", attachment_name="b.pdf")


def test_an_honour_or_a_listing_already_ended_is_not_repaired(demo_db):
    eid = new_entity(demo_db, "信用修复辛")
    honour = add_record(demo_db, "leader", eid, "honour", TODAY - dt.timedelta(days=10), "守合同重信用企业")
    listed = add_record(demo_db, "leader", eid, "abnormal", TODAY - dt.timedelta(days=200), "列入经营异常名录")
    with demo_db.sessions() as s:  # taken off the list (as a 移出经营异常名录 fact does in sync_timeline)
        s.execute(update(CreditRecord).where(CreditRecord.id == listed).values(ended_on=TODAY - dt.timedelta(days=20)))
        s.commit()
    for record_id, why in ((honour, "honour"), (listed, "taken off the list")):
        with pytest.raises(ValidationError, match=why):
            repair(demo_db, "leader", record_id, note="已整改", attachment_name="证明.pdf")
    with demo_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CreditRepair)
                        .where(CreditRepair.record_id.in_([honour, listed]))) == 0


def _dept_code(db, dept_id: int) -> str:
    from core.db.models import Department

    with db.sessions() as s:
        return s.get(Department, dept_id).code
