"""Commitment verifications and cases as lists for the console: filter by department, page.

Two plain selects (SQLAlchemy 2, SQLite and PostgreSQL alike) returning small frozen rows:
the verifications of notification-commitments (告知承诺核查) with their entity and
inspector, and the filed and decided cases (案件) with their entity. Open work comes
first, then by deadline; ``limit``/``offset`` page through the rest.

The ``viewer`` sees what ``push.read`` grants it (core.services.read_scope): a department its
own department's verifications and cases, the center and the monitor all, others refused.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, case, func, select

from core.db.database import Database
from core.db.models import (
    Case,
    CaseStatus,
    Commitment,
    CommitmentVerification,
    Department,
    Inspector,
    MarketEntity,
)
from core.services.read_scope import department_condition

LISTED_CASE_STATUSES = (CaseStatus.FILED, CaseStatus.DECIDED)
READ = "push.read"  # the obligations' "see" permission (core.services.read_scope)


@dataclass(frozen=True)
class VerificationFilter:
    department_id: int | None = None
    include_done: bool = False            # False: only verifications not yet done


@dataclass(frozen=True)
class VerificationRow:
    id: int
    commitment_id: int
    entity_id: int
    entity_name: str
    uscc: str
    matter_name: str
    commitment_text: str
    verification_standard: str
    department_id: int
    department_zh: str
    department_en: str
    due_on: dt.date
    done_on: dt.date | None
    inspector: str | None
    outcome: str | None
    status: str                           # the commitment's: pending, fulfilled or broken

    def department(self, lang: str) -> str:
        return self.department_zh if lang.startswith("zh") or not self.department_en else self.department_en

    def overdue(self, today: dt.date) -> bool:
        return self.done_on is None and self.due_on < today


@dataclass(frozen=True)
class CaseFilter:
    department_id: int | None = None
    undecided_only: bool = True           # False: decided cases too


@dataclass(frozen=True)
class CaseRow:
    id: int
    ref_no: str
    clue_id: int | None
    entity_id: int
    entity_name: str
    uscc: str
    department_id: int
    department_zh: str
    department_en: str
    filed_on: dt.date
    decision_due: dt.date
    decided_on: dt.date | None
    status: str                           # filed or decided

    def department(self, lang: str) -> str:
        return self.department_zh if lang.startswith("zh") or not self.department_en else self.department_en

    def overdue(self, today: dt.date) -> bool:
        """Undecided and past its decision deadline."""
        return self.status == CaseStatus.FILED.value and self.decision_due < today

    def decided_late(self) -> bool:
        return self.decided_on is not None and self.decided_on > self.decision_due


def _verification_where(stmt: Select, f: VerificationFilter) -> Select:
    if f.department_id is not None:
        stmt = stmt.where(Commitment.department_id == f.department_id)
    if not f.include_done:
        stmt = stmt.where(CommitmentVerification.done_on.is_(None))
    return stmt


def _verification_joins(stmt: Select) -> Select:
    return stmt.join(Commitment, Commitment.id == CommitmentVerification.commitment_id) \
               .join(MarketEntity, MarketEntity.id == Commitment.entity_id)


def count_verifications(db: Database, f: VerificationFilter, *, viewer: object | None = None) -> int:
    stmt = _verification_where(_verification_joins(select(func.count()).select_from(CommitmentVerification)), f)
    with db.sessions() as s:
        return int(s.scalar(stmt.where(department_condition(s, viewer, READ, Commitment.department_id))) or 0)


def list_verifications(db: Database, f: VerificationFilter, *, offset: int = 0, limit: int = 200,
                       viewer: object | None = None) -> list[VerificationRow]:
    """Open verifications first, then by deadline (earliest first)."""
    stmt = select(CommitmentVerification.id, Commitment.id, MarketEntity.id, MarketEntity.name, MarketEntity.uscc,
                  Commitment.matter_name, Commitment.commitment_text, Commitment.verification_standard,
                  Department.id, Department.name_zh, Department.name_en, CommitmentVerification.due_on,
                  CommitmentVerification.done_on, Inspector.name, CommitmentVerification.outcome, Commitment.status)
    stmt = _verification_joins(stmt.select_from(CommitmentVerification)) \
        .join(Department, Department.id == Commitment.department_id) \
        .outerjoin(Inspector, Inspector.id == CommitmentVerification.inspector_id)
    done_last = case((CommitmentVerification.done_on.is_(None), 0), else_=1)
    stmt = _verification_where(stmt, f).order_by(done_last, CommitmentVerification.due_on, CommitmentVerification.id)
    with db.sessions() as s:
        stmt = stmt.where(department_condition(s, viewer, READ, Commitment.department_id))
        return [VerificationRow(*r[:15], r[15].value) for r in s.execute(stmt.offset(offset).limit(limit))]


def _case_where(stmt: Select, f: CaseFilter) -> Select:
    if f.department_id is not None:
        stmt = stmt.where(Case.department_id == f.department_id)
    statuses = (CaseStatus.FILED,) if f.undecided_only else LISTED_CASE_STATUSES
    return stmt.where(Case.status.in_(statuses))


def count_cases(db: Database, f: CaseFilter, *, viewer: object | None = None) -> int:
    stmt = _case_where(select(func.count()).select_from(Case), f)
    with db.sessions() as s:
        return int(s.scalar(stmt.where(department_condition(s, viewer, READ, Case.department_id))) or 0)


def list_cases(db: Database, f: CaseFilter, *, offset: int = 0, limit: int = 200,
               viewer: object | None = None) -> list[CaseRow]:
    """Undecided cases first, by decision deadline (earliest first); then decided ones, latest first."""
    stmt = select(Case.id, Case.ref_no, Case.clue_id, MarketEntity.id, MarketEntity.name, MarketEntity.uscc,
                  Department.id, Department.name_zh, Department.name_en, Case.filed_on, Case.decision_due,
                  Case.decided_on, Case.status) \
        .select_from(Case) \
        .join(MarketEntity, MarketEntity.id == Case.entity_id) \
        .join(Department, Department.id == Case.department_id)
    undecided_first = case((Case.status == CaseStatus.FILED, 0), else_=1)
    latest_decision = func.coalesce(Case.decided_on, Case.decision_due)
    stmt = _case_where(stmt, f).order_by(undecided_first, case((Case.status == CaseStatus.FILED, Case.decision_due)),
                                         latest_decision.desc(), Case.id)
    with db.sessions() as s:
        stmt = stmt.where(department_condition(s, viewer, READ, Case.department_id))
        return [CaseRow(*r[:12], r[12].value) for r in s.execute(stmt.offset(offset).limit(limit))]


def case_ref(db: Database, case_id: int) -> str | None:
    """The reference number of case ``case_id`` (None if there is no such case)."""
    with db.sessions() as s:
        return s.scalar(select(Case.ref_no).where(Case.id == case_id))
