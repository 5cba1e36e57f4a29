"""A case's decision clock: extensions and the periods that do not count (规定 Art. 64).

市场监督管理行政处罚程序规定 Art. 64: the 90 calendar days of 行政处罚法 Art. 60 may be
extended once by 30 days with the department head's approval; any further extension is a
collective decision (集体讨论决定) with its own length. Hearings (听证), announcements
(公告), testing or inspection (检测、检验) and appraisal (鉴定) do not count: each pauses the
clock from its first day through its last, both included, and the clock then resumes.

``Case.decision_due`` always holds the due date as it stands (filing + 90 + every extension
+ every ended pause, :func:`decision_due`); every action here recomputes it from the
stored rows in the same transaction and audits it (the case's own record; the entity's
public timeline is not told of the internal steps of a case). A pause still open stops
the clock: the deadline engine moves the due date day by day while it lasts (see
``core.deadlines.sources``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import (
    Case,
    CaseApproval,
    CaseExtension,
    CasePause,
    CasePauseKind,
    CaseStatus,
    Department,
    MarketEntity,
)
from core.db.models.base import utcnow
from core.db.uow import UnitOfWork
from core.errors import NotFound, ValidationError

CASE_DECISION_DAYS = 90  # 行政处罚法 Art. 60: calendar days from filing
HEAD_EXTENSION_DAYS = 30  # 规定 Art. 64: the one extension the department head approves

RULE_HEAD = ("市场监督管理行政处罚程序规定 第六十四条：经市场监督管理部门负责人批准，可以延长三十日",
             "Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: the department head may "
             "approve one extension of 30 days")
RULE_COLLECTIVE = ("市场监督管理行政处罚程序规定 第六十四条：案情特别复杂或者有其他特殊情况，经延期仍不能作出处理决定的，"
                   "应当由市场监督管理部门负责人集体讨论决定是否继续延期",
                   "Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: any further extension "
                   "is decided collectively by the department's heads")
RULE_PAUSE = ("市场监督管理行政处罚程序规定 第六十四条：案件处理过程中，听证、公告和检测、检验、检疫、鉴定等时间"
              "不计入前款所指的案件办理期限",
              "Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: hearings, announcements, "
              "testing, inspection and appraisal do not count towards the period")

RULE_KEYS = {RULE_HEAD: "head", RULE_COLLECTIVE: "collective", RULE_PAUSE: "pause"}

PAUSE_NAMES = {
    CasePauseKind.HEARING: ("听证", "hearing"),
    CasePauseKind.ANNOUNCEMENT: ("公告", "announcement"),
    CasePauseKind.TESTING: ("检测检验", "testing or inspection"),
    CasePauseKind.APPRAISAL: ("鉴定", "appraisal"),
}
APPROVAL_NAMES = {CaseApproval.HEAD: ("负责人批准", "department head's approval"),
                  CaseApproval.COLLECTIVE: ("集体讨论决定", "collective decision")}


@dataclass(frozen=True)
class Extension:
    approval: str       # head or collective
    days: int
    approved_on: dt.date
    reason: str
    actor: str


@dataclass(frozen=True)
class Pause:
    id: int
    kind: str           # hearing, announcement, testing, appraisal
    started_on: dt.date
    ended_on: dt.date | None
    reason: str

    def days(self, today: dt.date) -> int:
        """Days that do not count: through ``ended_on``, or through ``today`` while open."""
        last = self.ended_on or today
        return max(0, (last - self.started_on).days + 1)


@dataclass(frozen=True)
class CaseClock:
    """Where a case's decision clock stands; ``decision_due`` already counts the ended pauses."""

    case_id: int
    filed_on: dt.date
    decision_due: dt.date
    extensions: tuple[Extension, ...]
    pauses: tuple[Pause, ...]

    @property
    def extended_days(self) -> int:
        return sum(e.days for e in self.extensions)

    @property
    def open_pause(self) -> Pause | None:
        return next((p for p in self.pauses if p.ended_on is None), None)

    def due_as_of(self, today: dt.date) -> dt.date:
        """The due date on ``today``: an open pause moves it by each day it lasts."""
        p = self.open_pause
        return self.decision_due + dt.timedelta(days=p.days(today) if p else 0)


def decision_due(filed_on: dt.date, extension_days: Iterable[int],
                 pauses: Iterable[tuple[dt.date, dt.date]]) -> dt.date:
    """Filing + 90 days + every extension + every ended pause (first through last day)."""
    days = CASE_DECISION_DAYS + sum(extension_days) + sum((end - start).days + 1 for start, end in pauses)
    return filed_on + dt.timedelta(days=days)


def refusal(zh: str, en: str, rule: tuple[str, str], where: str, *, code: str,
            params: dict[str, object] | None = None) -> ValidationError:
    """A refusal that cites its rule: "中文（规定） (English; rule)"; ``params["rule"]`` names the rule for the UI."""
    return ValidationError(f"{zh}（{rule[0]}） ({en}; {rule[1]})", where=where, code=code,
                           params={**(params or {}), "rule": RULE_KEYS[rule]})


def _case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id, with_for_update=True)
    if case is None:
        raise NotFound(f"案件 {case_id} 不存在 (case {case_id} does not exist)", where="case",
                       code="case.not_found", params={"case": case_id})
    return case


def _check_may_act(uow: UnitOfWork, case: Case, what_zh: str, what_en: str, rule: tuple[str, str]) -> None:
    """Only by its department or the center (``case.clock``), only an undecided case."""
    uow.require("case.clock", department_id=case.department_id)
    if case.status != CaseStatus.FILED:
        done = what_en + ("d" if what_en.endswith("e") else "ed")
        raise refusal(f"案件 {case.ref_no} 已作出决定，办案期限已结束，不能再{what_zh}",
                      f"case {case.ref_no} is already decided, its period is over: it cannot be {done}", rule, "case",
                      code="case.clock_decided", params={"variant": what_en, "case": case.ref_no})


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("须写明理由 (a reason is required)", where="reason", code="case.needs_reason")
    return reason[:400]


def _day(on: dt.date | None, case: Case, today: dt.date) -> dt.date:
    on = on or today
    if on < case.filed_on:
        raise ValidationError(f"日期不能早于立案日期 {case.filed_on.isoformat()} "
                              f"(a date cannot precede the filing on {case.filed_on.isoformat()})", where="date",
                              code="case.date_before_filing", params={"filed": case.filed_on.isoformat()})
    if on > today:
        raise ValidationError(f"日期不能晚于今天 {today.isoformat()} (a date cannot be after today, "
                              f"{today.isoformat()})", where="date", code="case.date_after_today",
                              params={"today": today.isoformat()})
    return on


def _recompute(uow: UnitOfWork, case: Case, note: str, action: str, after: dict) -> None:
    s = uow.session
    s.flush()
    before = case.decision_due
    ext = s.scalars(select(CaseExtension.days).where(CaseExtension.case_id == case.id))
    ended = s.execute(select(CasePause.started_on, CasePause.ended_on)
                      .where(CasePause.case_id == case.id, CasePause.ended_on.is_not(None))).all()
    case.decision_due = decision_due(case.filed_on, ext, [(a, b) for a, b in ended])
    uow.audit(action, "case", case.id, before={"decision_due": before.isoformat()},
              after={**after, "note": note, "decision_due": case.decision_due.isoformat()})


def extend_case(db: Database, actor: str, case_id: int, *, days: int, approval: str, reason: str,
                on: dt.date | None = None, today: dt.date | None = None) -> CaseClock:
    """Extend a filed case's decision period: the first by the head (30 days), any further one collectively."""
    today = today or utcnow().date()
    with db.uow(actor) as uow:
        s = uow.session
        case = _case(s, case_id)
        _check_may_act(uow, case, "延期", "extend", RULE_HEAD)
        reason = _reason(reason)
        try:
            kind = CaseApproval(approval)
        except ValueError:
            raise ValidationError(f"未知的批准方式 {approval!r} (unknown approval {approval!r}: head or collective)",
                                  where="approval", code="case.unknown_approval", params={"approval": approval}) from None
        before = s.scalar(select(CaseExtension.id).where(CaseExtension.case_id == case.id).limit(1))
        if kind == CaseApproval.HEAD:
            if before is not None:
                raise refusal("负责人批准的延期只有一次，再次延期须集体讨论决定",
                              "the head approves one extension only; a further one is a collective decision",
                              RULE_COLLECTIVE, "approval", code="case.head_once")
            if days != HEAD_EXTENSION_DAYS:
                raise refusal(f"负责人批准的延期为 {HEAD_EXTENSION_DAYS} 日",
                              f"the head's extension is {HEAD_EXTENSION_DAYS} days", RULE_HEAD, "days",
                              code="case.head_days", params={"days": HEAD_EXTENSION_DAYS})
        else:
            if before is None:
                raise refusal(f"首次延期由负责人批准 {HEAD_EXTENSION_DAYS} 日，集体讨论决定用于其后的延期",
                              f"the first extension is the head's {HEAD_EXTENSION_DAYS} days; a collective decision "
                              "extends further", RULE_HEAD, "approval",
                              code="case.first_by_head", params={"days": HEAD_EXTENSION_DAYS})
            if not 0 < days <= 366:
                raise ValidationError("延期天数须在 1 到 366 日之间 (an extension is 1 to 366 days)", where="days",
                                      code="case.extension_days")
        approved = _day(on, case, today)
        due = _clocks(s, [case])[case.id].due_as_of(approved)
        if approved > due:
            raise refusal(f"延期须在办案期限（{due.isoformat()}）届满前批准",
                          f"an extension is approved before the period ends on {due.isoformat()}", RULE_HEAD, "date",
                          code="case.extension_late", params={"due": due.isoformat()})
        s.add(CaseExtension(case_id=case.id, approval=kind, days=days, approved_on=approved, reason=reason,
                            actor=uow.actor, recorded_at=utcnow()))
        name = APPROVAL_NAMES[kind][0]
        _recompute(uow, case, f"案件 {case.ref_no} 经{name}延期 {days} 日：{reason}", "case.extend",
                   {"approval": kind.value, "days": days, "approved_on": approved.isoformat(), "reason": reason})
        uow.commit()
    return case_clock(db, case_id)


def pause_case(db: Database, actor: str, case_id: int, *, kind: str, reason: str, on: dt.date | None = None,
               today: dt.date | None = None) -> CaseClock:
    """Start a period that does not count (hearing, announcement, testing, appraisal) on ``on``."""
    today = today or utcnow().date()
    with db.uow(actor) as uow:
        s = uow.session
        case = _case(s, case_id)
        _check_may_act(uow, case, "暂停计算期限", "pause", RULE_PAUSE)
        reason = _reason(reason)
        try:
            pause_kind = CasePauseKind(kind)
        except ValueError:
            raise refusal("不计入期限的只有听证、公告、检测检验、鉴定",
                          f"only a hearing, an announcement, testing or appraisal does not count, not {kind!r}",
                          RULE_PAUSE, "kind", code="case.unknown_pause", params={"kind": kind}) from None
        if s.scalar(select(CasePause.id).where(CasePause.case_id == case.id, CasePause.ended_on.is_(None))):
            raise ValidationError("案件已有一个未结束的不计入期间，先结束它 (the case has a pause still open: "
                                  "end it first)", where="kind", code="case.pause_open")
        start = _day(on, case, today)
        last_end = s.scalar(select(CasePause.ended_on).where(CasePause.case_id == case.id)
                            .order_by(CasePause.ended_on.desc()).limit(1))
        if last_end is not None and start <= last_end:
            raise ValidationError(f"不计入期间不能重叠，上一个至 {last_end.isoformat()} 结束 (pauses cannot "
                                  f"overlap: the last one ended on {last_end.isoformat()})", where="date",
                                  code="case.pause_overlap", params={"last": last_end.isoformat()})
        s.add(CasePause(case_id=case.id, kind=pause_kind, started_on=start, reason=reason, started_by=uow.actor,
                        recorded_at=utcnow()))
        name = PAUSE_NAMES[pause_kind][0]
        _recompute(uow, case, f"案件 {case.ref_no} 自 {start.isoformat()} 起{name}期间不计入办案期限：{reason}",
                   "case.pause", {"kind": pause_kind.value, "started_on": start.isoformat(), "reason": reason})
        uow.commit()
    return case_clock(db, case_id)


def resume_case(db: Database, actor: str, case_id: int, *, on: dt.date | None = None, reason: str = "",
                today: dt.date | None = None) -> CaseClock:
    """End the open pause on ``on`` (its last day that does not count); the clock resumes the next day."""
    today = today or utcnow().date()
    with db.uow(actor) as uow:
        s = uow.session
        case = _case(s, case_id)
        _check_may_act(uow, case, "恢复计算期限", "resume", RULE_PAUSE)
        pause = s.scalar(select(CasePause).where(CasePause.case_id == case.id, CasePause.ended_on.is_(None)))
        if pause is None:
            raise ValidationError("案件没有未结束的不计入期间 (the case has no open pause to end)", where="case",
                                  code="case.no_open_pause")
        end = _day(on, case, today)
        if end < pause.started_on:
            raise ValidationError(f"不计入期间不能在开始（{pause.started_on.isoformat()}）之前结束 "
                                  f"(a pause cannot end before it starts on {pause.started_on.isoformat()})",
                                  where="date", code="case.pause_end_early",
                                  params={"start": pause.started_on.isoformat()})
        pause.ended_on, pause.ended_by = end, uow.actor
        reason = (reason or "").strip()[:400]
        name = PAUSE_NAMES[pause.kind][0]
        days = (end - pause.started_on).days + 1
        _recompute(uow, case, f"案件 {case.ref_no} {name}期间至 {end.isoformat()} 结束（{days} 日不计入），恢复计算期限"
                   + (f"：{reason}" if reason else ""), "case.resume",
                   {"kind": pause.kind.value, "started_on": pause.started_on.isoformat(),
                    "ended_on": end.isoformat(), "days": days, "reason": reason})
        uow.commit()
    return case_clock(db, case_id)


def _clocks(s: Session, cases: Sequence[Case]) -> dict[int, CaseClock]:
    ids = [c.id for c in cases]
    ext: dict[int, list[Extension]] = {i: [] for i in ids}
    pauses: dict[int, list[Pause]] = {i: [] for i in ids}
    for e in s.scalars(select(CaseExtension).where(CaseExtension.case_id.in_(ids)).order_by(CaseExtension.id)):
        ext[e.case_id].append(Extension(e.approval.value, e.days, e.approved_on, e.reason, e.actor))
    for p in s.scalars(select(CasePause).where(CasePause.case_id.in_(ids)).order_by(CasePause.started_on)):
        pauses[p.case_id].append(Pause(p.id, p.kind.value, p.started_on, p.ended_on, p.reason))
    return {c.id: CaseClock(c.id, c.filed_on, c.decision_due, tuple(ext[c.id]), tuple(pauses[c.id])) for c in cases}


def case_clock(db: Database, case_id: int) -> CaseClock:
    """The clock of one case, with its extensions and pauses in order."""
    with db.sessions() as s:
        case = s.get(Case, case_id)
        if case is None:
            raise NotFound(f"案件 {case_id} 不存在 (case {case_id} does not exist)", where="case",
                           code="case.not_found", params={"case": case_id})
        return _clocks(s, [case])[case.id]


def case_clocks(db: Database, case_ids: Iterable[int]) -> dict[int, CaseClock]:
    """The clocks of several cases (a page of the case list)."""
    ids = list(case_ids)
    if not ids:
        return {}
    with db.sessions() as s:
        return _clocks(s, list(s.scalars(select(Case).where(Case.id.in_(ids)))))


@dataclass(frozen=True)
class ExtendedCase:
    """A case whose decision period was extended or paused (the efficiency report lists them apart)."""

    case_id: int
    ref_no: str
    entity_name: str
    department_zh: str
    department_en: str
    filed_on: dt.date
    decision_due: dt.date
    decided_on: dt.date | None
    extended_days: int
    extensions: int
    paused_days: int              # ended pauses
    paused_since: dt.date | None  # an open pause


def extended_cases(db: Database) -> list[ExtendedCase]:
    """Every case with an extension or a pause, by filing date."""
    ext = (select(CaseExtension.case_id, func.sum(CaseExtension.days).label("days"), func.count().label("n"))
           .group_by(CaseExtension.case_id).subquery())
    with db.sessions() as s:
        pauses: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
        for case_id, start, end in s.execute(select(CasePause.case_id, CasePause.started_on, CasePause.ended_on)):
            pauses.setdefault(case_id, []).append((start, end))
        ids = set(pauses) | set(s.scalars(select(ext.c.case_id)))
        if not ids:
            return []
        rows = s.execute(select(Case.id, Case.ref_no, MarketEntity.name, Department.name_zh, Department.name_en,
                                Case.filed_on, Case.decision_due, Case.decided_on, ext.c.days, ext.c.n)
                         .join(MarketEntity, MarketEntity.id == Case.entity_id)
                         .join(Department, Department.id == Case.department_id)
                         .outerjoin(ext, ext.c.case_id == Case.id)
                         .where(Case.id.in_(ids)).order_by(Case.filed_on, Case.id)).all()
    out = []
    for r in rows:
        spans = pauses.get(r[0], [])
        ended = sum((b - a).days + 1 for a, b in spans if b is not None)
        since = next((a for a, b in spans if b is None), None)
        out.append(ExtendedCase(*r[:8], int(r[8] or 0), int(r[9] or 0), ended, since))
    return out
