"""Clues as a list for the console: filter by state, department, source, overdue, text; page.

The ``viewer`` sees what ``clue.read`` grants it (core.services.read_scope): a department
its own department's clues, a town user its own grid's, the center and the monitor all.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select

from core.clues.states import CLOSED_STATES, OPEN_STATES
from core.db.database import Database
from core.db.models import Clue, ClueState, MarketEntity
from core.services.read_scope import clue_condition


@dataclass(frozen=True)
class ClueFilter:
    states: tuple[str, ...] = ()          # empty: all; see also open_only
    open_only: bool = False
    department_id: int | None = None
    unrouted: bool = False                # no department yet (the center routes it)
    source: str | None = None
    overdue_on: dt.date | None = None     # open and due before this day
    text: str = ""                        # in the reference, description, entity name or USCC
    entity_id: int | None = None


@dataclass(frozen=True)
class ClueRow:
    id: int
    ref_no: str
    source: str
    state: str
    department_id: int | None
    entity_id: int | None
    entity_name: str | None
    uscc: str | None
    description: str
    received_at: dt.datetime
    due_on: dt.date | None
    closed: bool


def _where(stmt: Select, f: ClueFilter) -> Select:
    if f.states:
        stmt = stmt.where(Clue.state.in_([ClueState(s) for s in f.states]))
    if f.open_only:
        stmt = stmt.where(Clue.state.in_(OPEN_STATES))
    if f.department_id is not None:
        stmt = stmt.where(Clue.department_id == f.department_id)
    if f.unrouted:
        stmt = stmt.where(Clue.department_id.is_(None))
    if f.source:
        stmt = stmt.where(Clue.source == f.source)
    if f.overdue_on is not None:
        stmt = stmt.where(Clue.state.in_(OPEN_STATES), Clue.due_on < f.overdue_on)
    if f.entity_id is not None:
        stmt = stmt.where(Clue.entity_id == f.entity_id)
    text = f.text.strip()
    if text:
        like = f"%{text}%"
        stmt = stmt.where(or_(Clue.ref_no.like(like), Clue.description.like(like), MarketEntity.name.like(like),
                              MarketEntity.uscc.like(like), Clue.source_ref.like(like)))
    return stmt


def count_clues(db: Database, f: ClueFilter, *, viewer: object | None = None) -> int:
    stmt = _where(select(func.count()).select_from(Clue).outerjoin(MarketEntity, MarketEntity.id == Clue.entity_id), f)
    with db.sessions() as s:
        return int(s.scalar(stmt.where(clue_condition(s, viewer))) or 0)


def list_clues(db: Database, f: ClueFilter, *, offset: int = 0, limit: int = 200,
               viewer: object | None = None) -> list[ClueRow]:
    """Newest first (by received time); only the clues ``viewer`` may see (None: all)."""
    stmt = _where(select(Clue.id, Clue.ref_no, Clue.source, Clue.state, Clue.department_id, Clue.entity_id,
                         MarketEntity.name, MarketEntity.uscc, Clue.description, Clue.received_at, Clue.due_on)
                  .outerjoin(MarketEntity, MarketEntity.id == Clue.entity_id), f)
    stmt = stmt.order_by(Clue.received_at.desc(), Clue.id.desc()).offset(offset).limit(limit)
    with db.sessions() as s:
        stmt = stmt.where(clue_condition(s, viewer))
        return [ClueRow(r[0], r[1], r[2].value, r[3].value, r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                        r[3] in CLOSED_STATES) for r in s.execute(stmt)]
