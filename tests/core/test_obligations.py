"""Double notification: claim within 5 working days, return with a reason, the shared queue;
commitments: a broken one writes a credit record and can open a case."""
import datetime as dt
import json

import pytest
from sqlalchemy import select

from core.db.models import (
    AuditEntry,
    Case,
    CommitmentVerification,
    EntityRecord,
    NotificationPush,
    PushStatus,
)
from core.errors import ValidationError
from core.services import obligations
from tests.support.accounts import dept_user


def _pending(db, *, in_queue=False, skip=0):
    """A new pending push (to department 5, or unmatched), pushed 2025-09-30: due after National Day."""
    from core.workdays import default_calendar

    pushed = dt.date(2025, 9, 30)
    with db.bootstrap_uow("registry") as uow:
        entity = uow.session.scalar(select(NotificationPush.entity_id).limit(1).offset(skip))
        push = NotificationPush(entity_id=entity, permit_name="食品经营许可", department_id=None if in_queue else 5,
                                pushed_on=pushed, claim_due=default_calendar().add_working_days(pushed, 5).date,
                                status=PushStatus.PENDING)
        uow.session.add(push)
        uow.commit()
        uow.session.refresh(push)
        uow.session.expunge(push)
        return push


def _other_department(push):
    return 1 if push.department_id != 1 else 2


def test_a_department_claims_its_push_and_not_anothers(demo_db):
    push = _pending(demo_db)
    with pytest.raises(ValidationError, match="another department"):
        obligations.claim_push(demo_db, dept_user(demo_db, _other_department(push)), push.id, _other_department(push))
    row = obligations.claim_push(demo_db, dept_user(demo_db, push.department_id), push.id, push.department_id, on=push.pushed_on)
    assert row.status == "claimed" and row.claimed_on <= row.claim_due
    with pytest.raises(ValidationError, match="already claimed"):
        obligations.claim_push(demo_db, dept_user(demo_db, push.department_id), push.id, push.department_id)
    with demo_db.sessions() as s:
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "push.claim",
                                                  AuditEntry.object_id == str(push.id)))
        assert json.loads(audit.after)["in_time"] is True


def test_a_returned_push_waits_in_the_shared_queue_for_anyone(demo_db):
    push = _pending(demo_db, skip=1)
    with pytest.raises(ValidationError, match="reason"):
        obligations.return_push(demo_db, dept_user(demo_db, 5), push.id, "  ")
    row = obligations.return_push(demo_db, dept_user(demo_db, 5), push.id, "该许可不属于本部门审批")
    assert row.status == "returned" and row.department_id is None
    assert push.id in {p.id for p in obligations.shared_queue(demo_db, limit=100_000)}
    other = _other_department(push)
    late = row.claim_due + dt.timedelta(days=10)
    claimed = obligations.claim_push(demo_db, dept_user(demo_db, other), push.id, other, on=late)
    assert claimed.department_id == other and claimed.claim_due == push.claim_due  # the clock did not restart
    assert push.id not in {p.id for p in obligations.shared_queue(demo_db, limit=100_000)}


def test_an_unmatched_push_can_be_claimed_by_any_department(demo_db):
    push = _pending(demo_db, in_queue=True)
    assert obligations.claim_push(demo_db, dept_user(demo_db, 3), push.id, 3).department_id == 3


def _open_verification(db, skip=0):
    with db.sessions() as s:
        return s.scalars(select(CommitmentVerification).where(CommitmentVerification.done_on.is_(None))
                         .order_by(CommitmentVerification.id).offset(skip).limit(1)).one()


def test_a_broken_commitment_writes_a_credit_record_and_can_open_a_case(demo_db):
    v = _open_verification(demo_db)
    done = obligations.verify_commitment(demo_db, "leader", v.id, fulfilled=False, outcome="现场未达到承诺条件",
                                         on=v.due_on, open_case=True)
    assert done.status == "broken" and done.credit_record_id and done.case_id
    with demo_db.sessions() as s:
        record = s.get(EntityRecord, done.credit_record_id)
        case = s.get(Case, done.case_id)
        assert record.kind.value == "credit" and "未履行告知承诺" in record.title
        assert case.decision_due == v.due_on + dt.timedelta(days=90) and case.clue_id is None
    with pytest.raises(ValidationError, match="already verified"):
        obligations.verify_commitment(demo_db, "leader", v.id, fulfilled=True, outcome="复查")


def test_a_kept_commitment_writes_nothing_on_the_credit_record(demo_db):
    v = _open_verification(demo_db, skip=1)
    done = obligations.verify_commitment(demo_db, "leader", v.id, fulfilled=True, outcome="符合承诺")
    assert done.status == "fulfilled" and done.credit_record_id is None and done.case_id is None
    with pytest.raises(ValidationError, match="found"):
        obligations.verify_commitment(demo_db, "leader", _open_verification(demo_db).id, fulfilled=True, outcome="")


def test_a_push_on_the_last_working_day_before_national_day_is_due_after_the_holiday(demo_db):
    on_time, late = _pending(demo_db, skip=2), _pending(demo_db, skip=3)
    # 2025-10-01..08 are holidays and Saturday 2025-10-11 a make-up working day.
    assert on_time.claim_due == dt.date(2025, 10, 14)
    obligations.claim_push(demo_db, dept_user(demo_db, 5), on_time.id, 5, on=dt.date(2025, 10, 14))
    obligations.claim_push(demo_db, dept_user(demo_db, 5), late.id, 5, on=dt.date(2025, 10, 15))
    with demo_db.sessions() as s:
        verdicts = {int(a.object_id): json.loads(a.after)["in_time"] for a in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "push.claim",
                                     AuditEntry.object_id.in_([str(on_time.id), str(late.id)])))}
    assert verdicts == {on_time.id: True, late.id: False}
