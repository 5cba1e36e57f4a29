"""A case's decision clock on SQLite and PostgreSQL: extensions and pauses (规定 Art. 64), each
audited, each refusal naming its rule (the deadline engine's count: tests/core/deadlines/test_case_clock.py)."""
import datetime as dt
import itertools
import json

import pytest
from sqlalchemy import select

from core.db.models import AuditEntry, Case, CaseExtension, CasePause, Department
from core.errors import PermissionDenied, ValidationError
from core.services import clues

from .test_workflow import _dept, _new

FILED = dt.date(2026, 9, 1)
TODAY = dt.date(2026, 11, 20)
_offset = itertools.count(200)


def _case(db) -> int:
    """A fresh case of 市场监管局 (SCJG), filed on FILED."""
    c = _new(db)
    clues.act(db, "scjg", c, "claim")
    return clues.file_case(db, "scjg", c, on=FILED)


def _audits(db, case_id):
    with db.sessions() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "case",
                                                              AuditEntry.object_id == str(case_id))
                              .order_by(AuditEntry.id)))


def _due(db, case_id):
    with db.sessions() as s:
        return s.get(Case, case_id).decision_due


def test_one_head_extension_then_collective_ones_move_the_due_date(demo_db):
    case_id = _case(demo_db)
    assert _due(demo_db, case_id) == FILED + dt.timedelta(days=90)
    clock = clues.extend_case(demo_db, "operator", case_id, days=30, approval="head", reason="案情复杂，需调取账册",
                              on=dt.date(2026, 11, 1), today=TODAY)
    assert clock.decision_due == FILED + dt.timedelta(days=120) == _due(demo_db, case_id)
    assert [(e.approval, e.days, e.reason) for e in clock.extensions] == [("head", 30, "案情复杂，需调取账册")]
    # A second extension by the head is refused, naming the rule; the collective one is allowed.
    with pytest.raises(ValidationError, match=r"集体讨论.*collective.*Art\. 64"):
        clues.extend_case(demo_db, "operator", case_id, days=30, approval="head", reason="再延", today=TODAY)
    clock = clues.extend_case(demo_db, "operator", case_id, days=45, approval="collective",
                              reason="涉案人员在外地，集体讨论决定继续延期", on=TODAY, today=TODAY)
    assert clock.decision_due == FILED + dt.timedelta(days=165) == _due(demo_db, case_id)
    assert clock.extended_days == 75
    assert _audits(demo_db, case_id) == ["case.file", "case.extend", "case.extend"]
    with demo_db.sessions() as s:
        last = json.loads(s.scalar(select(AuditEntry.after).where(AuditEntry.action == "case.extend",
                                                                  AuditEntry.object_id == str(case_id))
                                   .order_by(AuditEntry.id.desc()).limit(1)))
    assert (last["approval"], last["days"], last["reason"]) == ("collective", 45, "涉案人员在外地，集体讨论决定继续延期")


def test_extension_refusals_name_their_rule_and_change_nothing(demo_db):
    case_id = _case(demo_db)
    with pytest.raises(ValidationError, match=r"首次延期.*first extension.*Art\. 64"):
        clues.extend_case(demo_db, "operator", case_id, days=30, approval="collective", reason="x", today=TODAY)
    with pytest.raises(ValidationError, match=r"30 日.*30 days.*Art\. 64"):
        clues.extend_case(demo_db, "operator", case_id, days=60, approval="head", reason="x", today=TODAY)
    with pytest.raises(ValidationError, match="理由.*reason"):
        clues.extend_case(demo_db, "operator", case_id, days=30, approval="head", reason="  ", today=TODAY)
    # After the period ran out, an extension cannot revive it.
    late = FILED + dt.timedelta(days=91)
    with pytest.raises(ValidationError, match="届满前.*before the period ends"):
        clues.extend_case(demo_db, "operator", case_id, days=30, approval="head", reason="x", on=late,
                          today=late)
    # Another department's user may not; the case's own department may.
    with pytest.raises(PermissionDenied, match="case.clock"):
        _as_other_department(demo_db, case_id)
    assert _due(demo_db, case_id) == FILED + dt.timedelta(days=90)
    with demo_db.sessions() as s:
        assert not s.scalars(select(CaseExtension).where(CaseExtension.case_id == case_id)).all()
    clues.extend_case(demo_db, "dept_scjg", case_id, days=30, approval="head", reason="案情复杂", on=TODAY,
                      today=TODAY)
    assert _due(demo_db, case_id) == FILED + dt.timedelta(days=120)


def _as_other_department(db, case_id):
    from core.db.models import User
    with db.bootstrap_uow("admin") as uow:
        other = uow.session.scalar(select(Department.id).where(Department.id != _dept(db, "SCJG")).limit(1))
        name = f"dept_other_{next(_offset)}"
        uow.session.add(User(username=name, display_name="其他部门", password_hash="x", role_code="department",
                             department_id=other, active=True))
        uow.commit()
    clues.extend_case(db, name, case_id, days=30, approval="head", reason="x", today=TODAY)


def test_a_pause_stops_the_clock_and_its_days_move_the_due_date_when_it_ends(demo_db):
    case_id = _case(demo_db)
    start = dt.date(2026, 10, 10)
    clock = clues.pause_case(demo_db, "operator", case_id, kind="hearing", reason="当事人申请听证", on=start,
                             today=TODAY)
    assert clock.open_pause is not None and clock.decision_due == FILED + dt.timedelta(days=90)
    # While open, each day moves the due date: the days left stay those of the pause's eve.
    left = (clock.decision_due - start).days + 1
    for day in (start, start + dt.timedelta(days=20), TODAY):
        assert (clock.due_as_of(day) - day).days == left
    with pytest.raises(ValidationError, match="未结束.*still open"):
        clues.pause_case(demo_db, "operator", case_id, kind="testing", reason="送检", today=TODAY)
    with pytest.raises(ValidationError, match="尚未结束.*resume the clock"):
        clues.decide_case(demo_db, "leader", case_id, on=TODAY)
    with pytest.raises(ValidationError, match="开始.*before it starts"):
        clues.resume_case(demo_db, "operator", case_id, on=start - dt.timedelta(days=1), today=TODAY)
    clock = clues.resume_case(demo_db, "operator", case_id, on=dt.date(2026, 10, 19), today=TODAY)  # 10 days
    assert clock.open_pause is None and clock.decision_due == FILED + dt.timedelta(days=100) == _due(demo_db, case_id)
    with pytest.raises(ValidationError, match="重叠.*overlap"):
        clues.pause_case(demo_db, "operator", case_id, kind="appraisal", reason="鉴定", on=dt.date(2026, 10, 19),
                         today=TODAY)
    clues.pause_case(demo_db, "operator", case_id, kind="announcement", reason="公告送达", on=dt.date(2026, 11, 1),
                     today=TODAY)
    clock = clues.resume_case(demo_db, "operator", case_id, on=dt.date(2026, 11, 1), today=TODAY)  # one day
    assert clock.decision_due == FILED + dt.timedelta(days=101)
    assert [p.kind for p in clock.pauses] == ["hearing", "announcement"]
    assert _audits(demo_db, case_id) == ["case.file", "case.pause", "case.resume", "case.pause", "case.resume"]
    clues.decide_case(demo_db, "leader", case_id, on=TODAY)


def test_a_decided_case_cannot_be_paused_or_extended(demo_db):
    case_id = _case(demo_db)
    clues.decide_case(demo_db, "leader", case_id, on=dt.date(2026, 10, 1))
    with pytest.raises(ValidationError, match=r"已作出决定.*already decided.*Art\. 64"):
        clues.pause_case(demo_db, "operator", case_id, kind="hearing", reason="听证", today=TODAY)
    with pytest.raises(ValidationError, match="已作出决定.*already decided"):
        clues.extend_case(demo_db, "operator", case_id, days=30, approval="head", reason="x", today=TODAY)
    with pytest.raises(ValidationError, match="听证、公告.*hearing"):
        clues.pause_case(demo_db, "operator", _case(demo_db), kind="holiday", reason="x", today=TODAY)
    with demo_db.sessions() as s:
        assert not s.scalars(select(CasePause).where(CasePause.case_id == case_id)).all()
