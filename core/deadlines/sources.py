"""Where each kind of clock lives in the database: one SQLAlchemy Core select per kind.

Every select yields the same labelled columns, so :func:`core.deadlines.items.load_items`
converts them all alike: ``id, entity, department, town, person, start, due, done, extra``
(``extra`` is the state or status the kind's :attr:`Source.settled` rule reads). The rules that
decide when a clock stopped are here, next to the columns they read:

- ``clue_handling``: from ``received_at`` to ``due_on``; stopped when the clue is closed
  or marked duplicate (the final states of ``core.clues.states``), on ``closed_at``.
  Returned and transferred clues are still open: they wait for another department.
- ``push_claim``: from ``pushed_on`` to ``claim_due``; stopped on ``claimed_on``. A
  returned push is not done: it waits in the shared to-be-claimed queue, and its clock
  does not restart (``core.services.obligations``), so it stays open with no department
  until some department claims it.
- ``commitment_verification``: from the commitment's ``fulfil_by`` to the verification's
  ``due_on``; stopped on ``done_on``; the person is the verifying inspector.
- ``inspection_task``: from the batch's window start (else the due day) to ``due_on``;
  stopped on ``done_on``; cancelled tasks are no clocks. The person is the lowest-id
  inspector of the lead department on the team (else of any department).
- ``results_publication``: one per inspection result (a finished task, the item id is the
  task's), from the day it was formed (the task's ``done_on``: its last checklist item was
  recorded) to 20 working days later (the policy's duration; no due date is stored);
  stopped on the day it was published (``result_publications``, 企业信息公示暂行条例
  Arts. 6-7). A task marked done without a ``done_on`` has no start: no clock. The batch's
  inspection window is the ``inspection_task`` clock.
- ``case_decision``: from ``filed_on`` to ``decision_due``: 90 calendar days, moved by every
  extension and every ended pause (市场监督管理行政处罚程序规定 Art. 64; the case services keep
  ``decision_due`` so). A pause still open stops the clock: its due day moves on by each day
  the pause has lasted up to the day the items are loaded (its first day included), so a
  paused case keeps the days left it had when the pause began, at the level it had then;
  it never grows more overdue while paused, and is not counted done. (Levels asked "as of"
  an earlier day read the same moved due day.) Stopped on ``decided_on``.

A row that is settled but carries no stop date is counted done on its due day and flagged.
Dates come back as day numbers computed by the database (:mod:`core.deadlines.sqldays`),
states as plain strings.

Each kind's ``lean`` select reads the kind's own tables (its ``town`` column is the town known
without the entity: a clue's source village); ``stmt`` joins the entity's town in. Neither
orders its rows: the loader sorts the arrays, so the server never sorts (or spills to
temporary files) for it. :meth:`Source.subset` reads the clocks of a few item ids only
(``key``), for :func:`core.deadlines.refresh.refresh`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    String,
    bindparam,
    case,
    func,
    literal,
    null,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased

from core.clues.states import CLOSED_STATES
from core.db.models import (
    Case,
    CasePause,
    Clue,
    Commitment,
    CommitmentVerification,
    DrawBatch,
    InspectionTask,
    Inspector,
    MarketEntity,
    NotificationPush,
    ResultPublication,
    Village,
)
from core.db.models.enums import CaseStatus, PushStatus, TaskStatus
from core.db.models.inspections import task_inspectors

from .kinds import Kind
from .sqldays import beijing_day
from .sqldays import epoch_day as day

# settled(stop day per row (-1 when NULL), extra per row) -> whether each clock stopped
Settled = Callable[[np.ndarray, list], np.ndarray]


@dataclass(frozen=True)
class Source:
    """The selects of one kind and its rule for "this clock has stopped"."""

    kind: Kind
    lean: Select
    settled: Settled
    key: ColumnElement
    narrowed: Callable[[ColumnElement], Select] | None = None  # lean, its inner reads limited too

    @cached_property
    def stmt(self) -> Select:
        """Every clock of the kind, the entity's town in the town column (where it has an entity).
        (Built once: callers add ``.where(stmt.selected_columns[0].in_(ids))`` to it.)"""
        return _with_town(self.lean)

    def subset(self, ids, dialect: str) -> Select:
        """The clocks of item ids ``ids`` only (as :attr:`stmt`)."""
        condition = id_in(self.key, ids, dialect)
        lean = self.narrowed(condition) if self.narrowed else self.lean.where(condition)
        return _with_town(lean)


def _with_town(lean: Select) -> Select:
    sub = lean.subquery()
    cols = list(sub.c)
    return (select(*cols[:3], func.coalesce(MarketEntity.town_code, cols[3]), *cols[4:])
            .outerjoin(MarketEntity, MarketEntity.id == cols[1]))


def id_in(column: ColumnElement, ids, dialect: str) -> ColumnElement[bool]:
    """``column IN ids``, as one array parameter on PostgreSQL (any number of ids)."""
    ids = [int(i) for i in ids]
    if dialect == "postgresql":
        return column == func.any(bindparam(None, ids, type_=ARRAY(BigInteger)))
    return column.in_(ids)



def _text(col):
    # The raw stored value: the rules compare strings, no enum objects per row.
    return type_coerce(col, String)


def _stamped_or(values: frozenset[str]) -> Settled:
    """Stopped when a stop day is recorded or the extra value is one of ``values``."""
    def settled(done: np.ndarray, extra: list) -> np.ndarray:
        return (done >= 0) | np.fromiter((x in values for x in extra), dtype=bool, count=len(extra))
    return settled


def _no_town():
    # The entity's town is looked up apart (entity_towns); typed, so the joined ``stmt`` can coalesce.
    return type_coerce(null(), String)


def _clues() -> Source:
    village = aliased(Village)
    stmt = (select(Clue.id, Clue.entity_id, Clue.department_id, village.town_code, Clue.handler_user_id,
                   beijing_day(Clue.received_at), day(Clue.due_on), beijing_day(Clue.closed_at),
                   _text(Clue.state))
            .select_from(Clue)
            .outerjoin(village, village.code == Clue.source_village_code))
    final = frozenset(s.value for s in CLOSED_STATES)

    def settled(done, states):
        # Only the final state counts: closed_at of a reopened clue is cleared, but be sure.
        return np.fromiter((s in final for s in states), dtype=bool, count=len(states))
    return Source(Kind.CLUE_HANDLING, stmt, settled, Clue.id)


def _pushes() -> Source:
    p = NotificationPush
    # A returned push is in the shared queue whatever department it was first sent to.
    holder = case((p.status == PushStatus.RETURNED, null()), else_=p.department_id)
    stmt = select(p.id, p.entity_id, holder, _no_town(), null(), day(p.pushed_on),
                  day(p.claim_due), day(p.claimed_on), _text(p.status))
    return Source(Kind.PUSH_CLAIM, stmt, _stamped_or(frozenset({PushStatus.CLAIMED.value})), p.id)


def _verifications() -> Source:
    cv = CommitmentVerification
    stmt = (select(cv.id, Commitment.entity_id, Commitment.department_id, _no_town(),
                   cv.inspector_id, day(Commitment.fulfil_by), day(cv.due_on), day(cv.done_on), null())
            .join(Commitment, Commitment.id == cv.commitment_id))
    return Source(Kind.COMMITMENT_VERIFICATION, stmt, _stamped_or(frozenset()), cv.id)


def _tasks() -> Source:
    t, ti = InspectionTask, task_inspectors

    def build(only: ColumnElement | None = None) -> Select:
        same = case((Inspector.department_id == t.lead_department_id, ti.c.inspector_id))
        team = (select(ti.c.task_id, func.min(same).label("lead"), func.min(ti.c.inspector_id).label("anyone"))
                .join(Inspector, Inspector.id == ti.c.inspector_id)
                .join(t, t.id == ti.c.task_id))
        if only is not None:  # a refresh: only these tasks' teams, not every team of the city
            team = team.where(only)
        team = team.group_by(ti.c.task_id).subquery()
        stmt = (select(t.id, t.entity_id, t.lead_department_id, _no_town(), func.coalesce(team.c.lead, team.c.anyone),
                       day(func.coalesce(DrawBatch.window_start, t.due_on)), day(t.due_on), day(t.done_on),
                       _text(t.status))
                .outerjoin(DrawBatch, DrawBatch.id == t.batch_id)
                .outerjoin(team, team.c.task_id == t.id)
                .where(t.status != TaskStatus.CANCELLED))
        return stmt if only is None else stmt.where(only)

    return Source(Kind.INSPECTION_TASK, build(), _stamped_or(frozenset({TaskStatus.DONE.value})), t.id, build)


def _results() -> Source:
    t, p = InspectionTask, ResultPublication
    stmt = (select(t.id, t.entity_id, t.lead_department_id, _no_town(), null(),
                   day(t.done_on), null(), day(p.published_on), null())
            .outerjoin(p, p.task_id == t.id)
            .where(t.status == TaskStatus.DONE, t.done_on.is_not(None)))
    return Source(Kind.RESULTS_PUBLICATION, stmt, _stamped_or(frozenset()), t.id)


def _today() -> int:
    """Today's day number in Beijing (how long open case pauses have lasted)."""
    return (dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date() - dt.date(1970, 1, 1)).days


def _cases() -> Source:
    paused = (select(CasePause.case_id, func.min(CasePause.started_on).label("since"))
              .where(CasePause.ended_on.is_(None)).group_by(CasePause.case_id).subquery())
    lasted = literal(_today()) - day(paused.c.since) + 1  # days of the open pause so far, its first included
    due = day(Case.decision_due) + case((lasted > 0, lasted), else_=0)
    stmt = (select(Case.id, Case.entity_id, Case.department_id, _no_town(), null(),
                   day(Case.filed_on), due, day(Case.decided_on), _text(Case.status))
            .outerjoin(paused, paused.c.case_id == Case.id))
    return Source(Kind.CASE_DECISION, stmt, _stamped_or(frozenset({CaseStatus.DECIDED.value, CaseStatus.CLOSED.value})),
                  Case.id)


def sources() -> tuple[Source, ...]:
    """The select of every kind, in kind-code order."""
    return (_clues(), _pushes(), _verifications(), _tasks(), _results(), _cases())
