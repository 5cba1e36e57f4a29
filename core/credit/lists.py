"""Credit actions: record a fact, move long abnormal listings to the serious-violation list,
repair a record, import official classes. Each is audited and rescores the entities it touches.

企业信息公示暂行条例 (Art. 17): an enterprise still on the abnormal-operation list three
years after it was listed goes on the serious-violation list. :func:`due_transitions`
warns of who moves within N days; :func:`apply_transitions` moves them, once each.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, insert, select, update

from core.db.database import Database
from core.db.models import (
    CreditOfficialClass,
    CreditRecord,
    CreditRepair,
    CreditTransition,
    EntityRecord,
    MarketEntity,
    RecordKind,
)
from core.db.models.base import utcnow
from core.errors import AlreadyChanged, NotFound, ValidationError

from .city import rescore
from .kinds import ABNORMAL, HONOUR, KINDS, SERIOUS, SERIOUS_TITLE
from .rules import CLASSES

YEARS_ON_ABNORMAL = 3
_TIMELINE_KIND = {"penalty": RecordKind.PENALTY, "honour": RecordKind.HONOUR, "upheld_complaint": RecordKind.COMPLAINT}


def years_later(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later (29 February -> 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _listed_before(day: dt.date) -> dt.date:
    """Listings on or before this day are three years old on ``day``."""
    try:
        return day.replace(year=day.year - YEARS_ON_ABNORMAL)
    except ValueError:
        return day.replace(year=day.year - YEARS_ON_ABNORMAL, day=28)


@dataclass(frozen=True)
class DueTransition:
    """An abnormal listing that reaches three years on ``moves_on``."""

    record_id: int
    entity_id: int
    uscc: str
    name: str
    listed_on: dt.date
    moves_on: dt.date


def _due_query(day: dt.date, within_days: int):
    c, m = CreditRecord, MarketEntity
    return (select(c.id, c.entity_id, m.uscc, m.name, c.occurred_on, c.department_id).join(m, m.id == c.entity_id)
            .where(c.kind == ABNORMAL, c.ended_on.is_(None), c.repaired_on.is_(None),
                   c.occurred_on <= _listed_before(day + dt.timedelta(days=within_days)))
            .order_by(c.occurred_on, c.id))


def due_transitions(db: Database, as_of: dt.date | None = None, within_days: int = 0) -> list[DueTransition]:
    """Open abnormal listings that are (or, within ``within_days``, will be) three years old, oldest first."""
    day = as_of or utcnow().date()
    with db.sessions() as s:
        return [DueTransition(rid, eid, uscc, name, listed, years_later(listed, YEARS_ON_ABNORMAL))
                for rid, eid, uscc, name, listed, _ in s.execute(_due_query(day, within_days))]


@dataclass(frozen=True)
class TransitionsDone:
    moved: int
    entity_ids: tuple[int, ...]
    class_changes: int


def apply_transitions(db: Database, actor: str, as_of: dt.date | None = None,
                      progress: Callable[[float, str], None] = lambda f, m: None) -> TransitionsDone:
    """Move every abnormal listing three years old to the serious-violation list (idempotent).

    Each move ends the abnormal listing on its third anniversary, adds a serious-violation
    record (and its timeline entry) dated that day, and is audited; the entities are rescored.
    The listings are read and moved in one transaction (locked on PostgreSQL), so a second
    run, here or on another workstation, finds nothing left to move.
    """
    day = as_of or utcnow().date()
    with db.uow(actor) as uow:
        uow.require("credit.manage")
        s = uow.session
        due = s.execute(_due_query(day, 0).with_for_update(of=CreditRecord)).all()
        if not due:
            uow.commit()
            return TransitionsDone(0, (), 0)
        progress(0.1, "read")
        moves_on = [years_later(listed, YEARS_ON_ABNORMAL) for _, _, _, _, listed, _ in due]
        timeline = s.execute(insert(EntityRecord).returning(EntityRecord.id, sort_by_parameter_order=True), [
            {"entity_id": eid, "kind": RecordKind.CREDIT, "occurred_on": on, "department_id": dept,
             "title": SERIOUS_TITLE, "outcome": "已列入", "details": f"credit_record:{rid}"}
            for (rid, eid, _, _, _, dept), on in zip(due, moves_on)]).scalars().all()
        now = utcnow()
        serious = s.execute(insert(CreditRecord).returning(CreditRecord.id, sort_by_parameter_order=True), [
            {"entity_id": eid, "kind": SERIOUS, "occurred_on": on, "valid_until": None, "department_id": dept,
             "title": SERIOUS_TITLE, "source_record_id": tid, "created_at": now}
            for (_, eid, _, _, _, dept), on, tid in zip(due, moves_on, timeline)]).scalars().all()
        table = CreditRecord.__table__
        s.execute(update(table).where(table.c.id == bindparam("rid")).values(ended_on=bindparam("day")),
                  [{"rid": rid, "day": on} for (rid, *_), on in zip(due, moves_on)])
        s.execute(insert(CreditTransition), [
            {"entity_id": eid, "from_record_id": rid, "to_record_id": new, "due_on": on, "applied_at": now,
             "actor": uow.actor} for (rid, eid, *_), on, new in zip(due, moves_on, serious)])
        for (rid, eid, _, _, listed, _), on, new in zip(due, moves_on, serious):
            uow.audit("credit.transition", "market_entity", eid,
                      before={"abnormal_record_id": rid, "listed_on": listed.isoformat()},
                      after={"serious_record_id": new, "listed_on": on.isoformat()})
        moved = sorted({eid for _, eid, *_ in due})
        progress(0.5, "rescore")
        changes = rescore(s, moved, day)
        progress(0.7, "commit")  # the audit entries are chained as the unit commits
        uow.commit()
    return TransitionsDone(len(due), tuple(moved), len(changes))


def add_record(db: Database, actor: str, entity_id: int, kind: str, occurred_on: dt.date, title: str, *,
               department_id: int | None = None, valid_until: dt.date | None = None) -> int:
    """Record a credit fact (and its timeline entry) on an entity; returns the credit record id.

    The entity is rescored in the same transaction: its class follows the record at once.
    """
    if kind not in KINDS:
        raise ValidationError(f"未知的信用记录类别 {kind} (unknown kind; known: {', '.join(KINDS)})", where="kind")
    title = (title or "").strip()
    if not title:
        raise ValidationError("请写明记录名称 (give the record a title)", where="title")
    with db.uow(actor) as uow:
        uow.require("credit.manage")
        s = uow.session
        if s.get(MarketEntity, entity_id) is None:
            raise NotFound(f"市场主体 {entity_id} 不存在 (entity {entity_id} does not exist)", where="entity")
        timeline = EntityRecord(entity_id=entity_id, kind=_TIMELINE_KIND.get(kind, RecordKind.CREDIT),
                                occurred_on=occurred_on, department_id=department_id, title=title[:200],
                                outcome="属实" if kind == "upheld_complaint" else None, valid_until=valid_until)
        s.add(timeline)
        s.flush()
        record = CreditRecord(entity_id=entity_id, kind=kind, occurred_on=occurred_on, valid_until=valid_until,
                              department_id=department_id, title=title[:200], source_record_id=timeline.id)
        s.add(record)
        s.flush()
        uow.audit("credit.record", "market_entity", entity_id,
                  after={"credit_record_id": record.id, "kind": kind, "occurred_on": occurred_on.isoformat()})
        rescore(s, [entity_id])
        uow.commit()
        return record.id


def repair(db: Database, actor: str, record_id: int, *, note: str, attachment_name: str,
           on: dt.date | None = None) -> int:
    """Grant a credit repair (信用修复) of a record on its evidence; returns the repair id.

    The note says what the entity did (corrected, paid, promised); the attachment names the
    evidence file. The record stops counting from ``on``; the entity is rescored.
    """
    note, attachment_name = (note or "").strip(), (attachment_name or "").strip()
    if not note:
        raise ValidationError("请写明修复依据 (say why the record is repaired)", where="note")
    if not attachment_name:
        raise ValidationError("请附上证明材料 (name the evidence attached)", where="attachment")
    day = on or utcnow().date()
    with db.uow(actor) as uow:
        s = uow.session
        record = s.get(CreditRecord, record_id, with_for_update=True)
        if record is None:
            raise NotFound(f"信用记录 {record_id} 不存在 (credit record {record_id} does not exist)", where="record")
        uow.require("credit.repair", department_id=record.department_id)
        if record.repaired_on is not None:
            raise AlreadyChanged(f"该记录已于 {record.repaired_on} 修复 (already repaired on {record.repaired_on})",
                                 where="record")
        if record.kind == HONOUR:
            raise ValidationError("荣誉记录不计失信，无需修复 (an honour counts in favour: nothing to repair)",
                                  where="record")
        if record.ended_on is not None:
            raise ValidationError(f"该记录已于 {record.ended_on} 移出名录，无需修复 (taken off the list on "
                                  f"{record.ended_on}: nothing to repair)", where="record")
        if day < record.occurred_on:
            raise ValidationError("修复日期早于记录日期 (the repair cannot precede the record)", where="on")
        record.repaired_on = day
        row = CreditRepair(record_id=record.id, repaired_on=day, note=note[:1000], attachment_name=attachment_name[:255],
                           actor=uow.actor)
        s.add(row)
        s.flush()
        uow.audit("credit.repair", "market_entity", record.entity_id, before={"credit_record_id": record.id},
                  after={"repaired_on": day.isoformat(), "note": note[:1000], "attachment": attachment_name[:255]})
        rescore(s, [record.entity_id], max(day, utcnow().date()))
        uow.commit()
        return row.id


def import_official(db: Database, actor: str, classes: Iterable[tuple[str, str]], *, source: str,
                    on: dt.date | None = None) -> int:
    """Import official classes ``(credit code, class)``; they override the computed ones. Returns the count."""
    rows = [(uscc.strip().upper(), cls.strip().upper()) for uscc, cls in classes]
    bad = [u for u, c in rows if c not in CLASSES]
    if bad:
        raise ValidationError(f"等级须为 A-D：{', '.join(bad[:5])} (a class is A-D)", where="class")
    day = on or utcnow().date()
    with db.uow(actor) as uow:
        uow.require("credit.manage")
        s = uow.session
        ids = {u: i for u, i in s.execute(select(MarketEntity.uscc, MarketEntity.id)
                                          .where(MarketEntity.uscc.in_([u for u, _ in rows])))}
        missing = [u for u, _ in rows if u not in ids]
        if missing:
            raise NotFound(f"没有这些市场主体：{', '.join(missing[:5])} (no such entities)", where="uscc")
        for uscc, cls in rows:
            row = s.get(CreditOfficialClass, ids[uscc])
            if row is None:
                s.add(CreditOfficialClass(entity_id=ids[uscc], risk_class=cls, source=source[:200],
                                          imported_on=day, imported_by=uow.actor))
            else:
                row.risk_class, row.source, row.imported_on, row.imported_by = cls, source[:200], day, uow.actor
        s.flush()
        uow.audit("credit.import_official", "credit_official_classes", source[:60],
                  after={"count": len(rows), "source": source})
        rescore(s, sorted(ids.values()), day)
        uow.commit()
        return len(rows)
