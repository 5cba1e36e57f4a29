"""Moving a clue along its life, one allowed action at a time; refusals say what is allowed.

Each step is one transaction: the clue's new state (and department), its event, a line on
the entity's timeline and the audit entry. A case (立案) can be filed from a clue being
handled; its decision is due 90 days after filing (行政处罚法 Art. 60).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from core.clues.states import CLOSED_STATES, action_for
from core.db.database import Database
from core.db.models import Case, CasePause, CaseStatus, Clue, ClueState
from core.db.models.base import utcnow
from core.errors import AlreadyChanged, ValidationError
from core.rights import CLUE_ACTIONS

from .case_clock import CASE_DECISION_DAYS, RULE_PAUSE, refusal
from .common import department_name, get_clue, new_ref, record_step, require_on_clue

RULE_CASE = "行政处罚法 第六十条：自立案之日起九十日内作出处理决定 (Art. 60: decide within 90 days of filing)"


@dataclass(frozen=True)
class Step:
    clue_id: int
    from_state: str
    to_state: str
    department_id: int | None


def act(db: Database, actor: str, clue_id: int, action: str, *, note: str = "", department_id: int | None = None,
        original_id: int | None = None) -> Step:
    """Take ``action`` on clue ``clue_id`` (see core.clues.ACTIONS for what each needs)."""
    note = (note or "").strip()
    with db.uow(actor) as uow:
        s = uow.session
        if original_id is not None:  # both rows locked in id order: two links made at once cannot cross
            s.execute(select(Clue.id).where(Clue.id.in_({clue_id, original_id})).order_by(Clue.id).with_for_update())
        clue = get_clue(s, clue_id, for_update=True)
        if action in CLUE_ACTIONS:  # an unknown action is refused by action_for below
            require_on_clue(uow, CLUE_ACTIONS[action], clue)
        if action == "claim" and clue.state == ClueState.CLAIMED:
            by = department_name(s, clue.department_id)
            raise AlreadyChanged(f"该线索已由{by}签收 (already claimed by {by})", by=by, where="clue",
                                 code="clue.already_claimed", params={"by": by})
        rule = action_for(action, clue.state)
        if rule.needs_note and not note:
            raise ValidationError(f"“{rule.name_zh}”须写明原因或结果 ({rule.key!r} needs a reason or result in words)",
                                  where="note", code="clue.needs_note", params={"action": rule.key})
        if rule.needs_department and department_id is None:
            raise ValidationError(f"“{rule.name_zh}”须指明部门 ({rule.key!r} needs a department: "
                                  f"{'whose it is' if rule.key == 'return' else 'where it goes'})", where="department",
                                  code="clue.needs_department", params={"action": rule.key})
        department_name(s, department_id)
        if rule.key in ("return", "transfer") and department_id == clue.department_id:
            raise ValidationError("退回或转办须指向另一个部门 (a return or transfer names another department)",
                                  where="department", code="clue.same_department")
        if rule.needs_original:
            original = get_clue(s, original_id) if original_id is not None else None
            if original is None or original.id == clue.id or original.state == ClueState.DUPLICATE:
                raise ValidationError("重复件须关联一条原始线索（不能是自身或另一条重复件） "
                                      "(a duplicate links to an original clue, not itself or another duplicate)",
                                      where="original", code="clue.bad_original")
            clue.duplicate_of_id = original.id
            note = note or f"与线索 {original.ref_no} 重复"
        before = clue.state.value
        clue.state = rule.target
        if rule.key in ("assign", "transfer"):
            clue.department_id = department_id
        step_department = department_id if rule.needs_department else clue.department_id
        now = utcnow()
        clue.closed_at = now if rule.target in CLOSED_STATES else None
        record_step(uow, clue, before, rule.target.value, note=note, department_id=step_department, at=now)
        uow.commit()
        return Step(clue.id, before, rule.target.value, clue.department_id)


def file_case(db: Database, actor: str, clue_id: int, *, on: dt.date | None = None) -> int:
    """File a case (立案) from a clue that is being handled; returns the case id."""
    with db.uow(actor) as uow:
        s = uow.session
        clue = get_clue(s, clue_id, for_update=True)
        require_on_clue(uow, "case.handle", clue)
        if clue.state not in (ClueState.CLAIMED, ClueState.HANDLING):
            raise ValidationError("只有已签收或处置中的线索才能立案 (only a claimed clue, or one being handled, "
                                  "can become a case)", where="state", code="case.not_handling")
        filed_already = s.scalar(select(Case.ref_no).where(Case.clue_id == clue.id).limit(1))
        if filed_already is not None:
            raise AlreadyChanged(f"该线索已立案 {filed_already} (a case was already filed from this clue: "
                                 f"{filed_already})", by=filed_already, where="clue",
                                 code="clue.already_filed", params={"case": filed_already})
        if clue.entity_id is None or clue.department_id is None:
            raise ValidationError("立案须先确定市场主体和承办部门 (a case needs the entity and the department)",
                                  where="entity", code="case.needs_entity")
        filed = on or utcnow().date()
        case = Case(ref_no=new_ref("AJ", filed), clue_id=clue.id, entity_id=clue.entity_id,
                    department_id=clue.department_id, filed_on=filed,
                    decision_due=filed + dt.timedelta(days=CASE_DECISION_DAYS), status=CaseStatus.FILED)
        s.add(case)
        s.flush()
        record_step(uow, clue, clue.state.value, clue.state.value, department_id=clue.department_id,
                    note=f"已立案 {case.ref_no}，{case.decision_due.isoformat()} 前作出决定 ({RULE_CASE})")
        uow.audit("case.file", "case", case.id, after={"clue_id": clue.id, "filed_on": filed.isoformat(),
                                                       "decision_due": case.decision_due.isoformat()})
        uow.commit()
        return case.id


def decide_case(db: Database, actor: str, case_id: int, *, on: dt.date | None = None) -> None:
    """Record a filed case's decision."""
    with db.uow(actor) as uow:
        case = uow.session.get(Case, case_id, with_for_update=True)
        if case is None:
            raise ValidationError(f"案件 {case_id} 不存在 (case {case_id} does not exist)", where="case",
                                  code="case.not_found", params={"case": case_id})
        uow.require("case.handle", department_id=case.department_id)
        if case.status != CaseStatus.FILED:
            raise ValidationError("只有已立案未决定的案件才能作出决定 (only a filed, undecided case can be decided)",
                                  where="case", code="case.not_filed")
        decided = on or utcnow().date()
        open_pause = uow.session.scalar(select(CasePause.started_on)
                                        .where(CasePause.case_id == case.id, CasePause.ended_on.is_(None)))
        if open_pause is not None:
            raise refusal(f"案件自 {open_pause.isoformat()} 起的不计入期间尚未结束，先恢复计算期限再作出决定",
                          f"the pause that began on {open_pause.isoformat()} is still open: resume the clock before "
                          "the decision", RULE_PAUSE, "case",
                          code="case.decide_paused", params={"since": open_pause.isoformat()})
        if decided < case.filed_on:
            raise ValidationError("决定日期不能早于立案日期 (a decision cannot precede the filing)", where="date",
                                  code="case.decided_before_filing")
        case.decided_on, case.status = decided, CaseStatus.DECIDED
        uow.audit("case.decide", "case", case.id, after={"decided_on": decided.isoformat(),
                                                         "late": decided > case.decision_due})
        uow.commit()
