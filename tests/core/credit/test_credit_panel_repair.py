"""The credit panel names the records its viewer may repair (信用修复): in force, not repaired, in scope."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.credit import add_record, repair
from core.credit.panel import credit_panel
from core.db.models import Department

from .support import new_entity

TODAY = dt.date(2026, 11, 20)


def _department(db, code: str) -> int:
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


def test_the_panel_offers_repair_by_scope_and_state(demo_db):
    eid = new_entity(demo_db, "信用修复范围辛")
    scjg, czj = _department(demo_db, "SCJG"), _department(demo_db, "CZJ")
    own = add_record(demo_db, "leader", eid, "penalty", TODAY - dt.timedelta(days=20), "行政处罚（市场监管）",
                     department_id=scjg)
    other = add_record(demo_db, "leader", eid, "dishonesty", TODAY - dt.timedelta(days=20), "失信记录（财政）",
                       department_id=czj)
    nobody = add_record(demo_db, "leader", eid, "penalty", TODAY - dt.timedelta(days=10), "行政处罚（无部门）")
    expired = add_record(demo_db, "leader", eid, "late_annual_report", TODAY - dt.timedelta(days=900), "未按期报送年度报告",
                         department_id=scjg)
    honour = add_record(demo_db, "leader", eid, "honour", TODAY - dt.timedelta(days=5), "守合同重信用企业",
                        department_id=scjg)
    repaired = add_record(demo_db, "leader", eid, "penalty", TODAY - dt.timedelta(days=30), "行政处罚（已修复）",
                          department_id=scjg)
    repair(demo_db, "leader", repaired, note="已整改", attachment_name="整改报告.pdf", on=TODAY - dt.timedelta(days=1))

    assert credit_panel(demo_db, eid, "leader", TODAY).repairable == {own, other, nobody}
    assert credit_panel(demo_db, eid, "scjg", TODAY).repairable == {own}
    assert credit_panel(demo_db, eid, "czj", TODAY).repairable == {other}
    for viewer in ("operator", "planner", "admin", None):     # credit.repair is the leader's and the departments'
        assert credit_panel(demo_db, eid, viewer, TODAY).repairable == frozenset(), viewer
    panel = credit_panel(demo_db, eid, "scjg", TODAY)
    assert panel.may_repair(own) and not any(panel.may_repair(r) for r in (other, expired, honour, repaired))
