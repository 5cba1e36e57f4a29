"""Double notification (先照后证"双告知") and notification-commitments (告知承诺).

A registration is pushed to the department that approves the permit it needs; that
department claims it within 5 working days or returns it with a reason. A push nobody
could match, or one returned, waits in the shared queue any department may claim from
(the claim clock does not restart: the entity has waited since the push).

A permit granted on a written commitment is verified by its department (the verification
is a task with its own deadline); a broken commitment writes a credit record on the
entity and can open a case.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from core.credit.city import rescore
from core.db.database import Database
from core.db.models import (
    Case,
    CaseStatus,
    Commitment,
    CommitmentStatus,
    CommitmentVerification,
    Department,
    EntityRecord,
    NotificationPush,
    PushStatus,
    RecordKind,
)
from core.db.models.base import utcnow
from core.errors import AlreadyChanged, NotFound, ValidationError

from .clues.common import new_ref
from .clues.workflow import CASE_DECISION_DAYS

CLAIM_WORKING_DAYS = 5
RULE_CLAIM = ("“双告知”：审批部门应在 5 个工作日内认领推送的登记信息，无法认领的应说明理由退回 "
              "(double notification: claim within 5 working days, or return with a reason)")


@dataclass(frozen=True)
class PushRow:
    id: int
    entity_id: int
    permit_name: str
    department_id: int | None
    pushed_on: dt.date
    claim_due: dt.date
    claimed_on: dt.date | None
    status: str
    return_reason: str | None


def _row(p: NotificationPush) -> PushRow:
    return PushRow(p.id, p.entity_id, p.permit_name, p.department_id, p.pushed_on, p.claim_due, p.claimed_on,
                   p.status.value, p.return_reason)


def _push(s, push_id: int) -> NotificationPush:
    push = s.get(NotificationPush, push_id, with_for_update=True)
    if push is None:
        raise NotFound(f"推送 {push_id} 不存在 (push {push_id} does not exist)", where="push")
    return push


def _in_queue():
    return or_(NotificationPush.status == PushStatus.RETURNED,
               (NotificationPush.status == PushStatus.PENDING) & NotificationPush.department_id.is_(None))


def shared_queue(db: Database, limit: int = 500, *, viewer: object | None = None) -> list[PushRow]:
    """Pushes no department holds (unmatched or returned), oldest deadline first.

    The queue is the pool every department claims from: any role with ``push.read`` sees it
    whole (core.services.read_scope); a role without it is refused."""
    from core.services.read_scope import read_scope

    with db.sessions() as s:
        read_scope(s, viewer, "push.read")
        return [_row(p) for p in s.scalars(select(NotificationPush).where(_in_queue())
                                            .order_by(NotificationPush.claim_due, NotificationPush.id).limit(limit))]


def department_pushes(db: Database, department_id: int, *, pending_only: bool = True, limit: int = 500,
                      viewer: object | None = None) -> list[PushRow]:
    """The pushes ``department_id`` holds, as far as ``viewer`` may see them (``push.read``)."""
    from core.services.read_scope import department_condition

    with db.sessions() as s:
        stmt = select(NotificationPush).where(NotificationPush.department_id == department_id,
                                              department_condition(s, viewer, "push.read",
                                                                   NotificationPush.department_id))
        if pending_only:
            stmt = stmt.where(NotificationPush.status == PushStatus.PENDING)
        return [_row(p) for p in s.scalars(stmt.order_by(NotificationPush.claim_due, NotificationPush.id).limit(limit))]


def claim_push(db: Database, actor: str, push_id: int, department_id: int, *, on: dt.date | None = None) -> PushRow:
    """``department_id`` claims the push (its own, or one from the shared queue). Audited."""
    with db.uow(actor) as uow:
        s = uow.session
        push = _push(s, push_id)
        uow.require("push.claim", department_id=department_id)  # claiming for one's own department only
        if s.get(Department, department_id) is None:
            raise NotFound(f"部门 {department_id} 不存在 (department {department_id} does not exist)", where="department")
        queued = push.status == PushStatus.RETURNED or push.department_id is None
        if push.status == PushStatus.CLAIMED:
            by = s.get(Department, push.department_id).name_zh
            raise AlreadyChanged(f"该推送已于 {push.claimed_on} 被{by}认领 (already claimed by {by} on "
                                 f"{push.claimed_on})", by=by, where="push")
        if not queued and push.department_id != department_id:
            raise ValidationError("该推送已推给另一个部门；退回后才进入待认领库 (this push was sent to another "
                                  "department; it reaches the shared queue only when returned)", where="department")
        claimed = on or utcnow().date()
        if claimed < push.pushed_on:
            raise ValidationError("认领日期不能早于推送日期 (a claim cannot precede the push)", where="date")
        before = {"status": push.status.value, "department_id": push.department_id}
        push.department_id, push.claimed_on, push.status = department_id, claimed, PushStatus.CLAIMED
        uow.audit("push.claim", "notification_push", push.id, before=before,
                  after={"department_id": department_id, "claimed_on": claimed.isoformat(),
                         "in_time": claimed <= push.claim_due, "from_queue": queued})
        row = _row(push)
        uow.commit()
        return row


def return_push(db: Database, actor: str, push_id: int, reason: str) -> PushRow:
    """The department the push was sent to returns it, saying why; it goes to the shared queue."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(f"退回须说明理由 (a return needs a reason; {RULE_CLAIM})", where="reason")
    with db.uow(actor) as uow:
        push = _push(uow.session, push_id)
        uow.require("push.claim", department_id=push.department_id)
        if push.status != PushStatus.PENDING or push.department_id is None:
            raise ValidationError("只有推送给本部门、尚未认领的推送可以退回 (only a pending push sent to a department "
                                  "can be returned)", where="push")
        before = {"status": push.status.value, "department_id": push.department_id}
        push.status, push.return_reason, push.department_id = PushStatus.RETURNED, reason[:400], None
        uow.audit("push.return", "notification_push", push.id, before=before, after={"reason": reason})
        row = _row(push)
        uow.commit()
        return row


@dataclass(frozen=True)
class VerificationDone:
    commitment_id: int
    status: str
    credit_record_id: int | None
    case_id: int | None


def verify_commitment(db: Database, actor: str, verification_id: int, *, fulfilled: bool, outcome: str,
                      on: dt.date | None = None, open_case: bool = False) -> VerificationDone:
    """Record a commitment's verification; a broken one writes a credit record (and a case if asked)."""
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError("请写明核查结果 (say what the verification found)", where="outcome")
    with db.uow(actor) as uow:
        s = uow.session
        v = s.get(CommitmentVerification, verification_id, with_for_update=True)
        if v is None:
            raise NotFound(f"核查任务 {verification_id} 不存在 (verification {verification_id} does not exist)",
                           where="verification")
        c = s.get(Commitment, v.commitment_id)
        uow.require("commitment.verify", department_id=c.department_id)
        if v.done_on is not None:
            raise AlreadyChanged(f"该核查已于 {v.done_on} 完成 (already verified on {v.done_on})", where="verification")
        day = on or utcnow().date()
        v.done_on, v.outcome = day, outcome[:200]
        c.status = CommitmentStatus.FULFILLED if fulfilled else CommitmentStatus.BROKEN
        credit_id = case_id = None
        if not fulfilled:
            record = EntityRecord(entity_id=c.entity_id, kind=RecordKind.CREDIT, occurred_on=day,
                                  department_id=c.department_id, title=f"未履行告知承诺：{c.matter_name}"[:200],
                                  outcome=c.breach_consequence[:200], details=outcome)
            s.add(record)
            s.flush()
            credit_id = record.id
            rescore(s, [c.entity_id])  # the broken commitment counts for the entity's class at once
            if open_case:
                case = Case(ref_no=new_ref("AJ", day), clue_id=None, entity_id=c.entity_id,
                            department_id=c.department_id, filed_on=day,
                            decision_due=day + dt.timedelta(days=CASE_DECISION_DAYS), status=CaseStatus.FILED)
                s.add(case)
                s.flush()
                case_id = case.id
                uow.touch("cases", [case_id])  # a new case clock: the change record names it (no audit of its own)
        uow.audit("commitment.verify", "commitment", c.id,
                  after={"verification_id": v.id, "fulfilled": fulfilled, "done_on": day.isoformat(),
                         "late": day > v.due_on, "credit_record_id": credit_id, "case_id": case_id})
        uow.commit()
        return VerificationDone(c.id, c.status.value, credit_id, case_id)
