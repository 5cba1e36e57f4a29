"""Credit records from the timeline: every penalty, honour, upheld complaint and credit fact.

Departments write their facts to ``entity_records`` (imports, the demo, clue closing,
commitment checks); :func:`sync_timeline` adds the credit record of each new one, once
(``source_record_id`` is unique; a watermark in ``app_meta`` keeps the next run short),
and ends an abnormal-operation listing where a removal (移出) follows it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, insert, select, update

from core.db.models import AppMeta, CreditRecord, EntityRecord
from core.db.models.base import utcnow

from .kinds import ABNORMAL, SOURCE_KINDS, classify, is_removal

WATERMARK = "credit.synced_record_id"
_BATCH = 20_000
_IN = 900  # ids per IN (...): under SQLite's variable limit
_MANY = 5000


def _watermark(conn: Connection) -> int:
    value = conn.scalar(select(AppMeta.value).where(AppMeta.key == WATERMARK))
    return int(value) if value else 0


def _set_watermark(conn: Connection, value: int) -> None:
    if conn.scalar(select(AppMeta.key).where(AppMeta.key == WATERMARK)) is None:
        conn.execute(insert(AppMeta).values(key=WATERMARK, value=str(value)))
    else:
        conn.execute(update(AppMeta).where(AppMeta.key == WATERMARK).values(value=str(value)))


def credit_row(record_id: int, entity_id: int, kind: str, occurred_on: dt.date, department_id: int | None,
               title: str, valid_until: dt.date | None, now: dt.datetime) -> dict:
    return {"entity_id": entity_id, "kind": kind, "occurred_on": occurred_on, "valid_until": valid_until,
            "ended_on": None, "repaired_on": None, "department_id": department_id, "title": title[:200],
            "source_record_id": record_id, "created_at": now}


def sync_timeline(conn: Connection, entity_ids: Sequence[int] | None = None) -> int:
    """Add the credit records of timeline facts not yet seen; returns how many were added.

    With ``entity_ids`` only those entities' facts are read (the watermark stays); either
    way a fact that already has its credit record (a service wrote both) is skipped.
    """
    e = EntityRecord
    query = (select(e.id, e.entity_id, e.kind, e.occurred_on, e.department_id, e.title, e.outcome, e.valid_until)
             .where(e.kind.in_(SOURCE_KINDS),
                    ~select(CreditRecord.id).where(CreditRecord.source_record_id == e.id).exists()))
    start = _watermark(conn)
    if entity_ids is None:
        queries = [query.where(e.id > start)]
    else:
        ids = sorted({int(i) for i in entity_ids})
        queries = [query.where(e.entity_id.in_(ids[i:i + _IN])) for i in range(0, len(ids), _IN)]
    now = utcnow()
    rows, removals, top = [], [], start
    for q in queries:
        for rid, ent, kind, day, dept, title, outcome, valid in conn.execute(q.order_by(e.id)):
            top = max(top, rid)
            if is_removal(str(kind), title):
                removals.append((ent, day, rid))
                continue
            ck = classify(str(kind), title, outcome)
            if ck is not None:
                rows.append(credit_row(rid, ent, ck, day, dept, title, valid, now))
    for i in range(0, len(rows), _BATCH):
        conn.execute(insert(CreditRecord), rows[i:i + _BATCH])
    _end_listings(conn, removals)
    if entity_ids is None:
        _set_watermark(conn, top)
    return len(rows)


def _end_listings(conn: Connection, removals: list[tuple[int, dt.date, int]]) -> None:
    """End each entity's latest open abnormal listing on or before its removal's day.

    A removal that already ended a listing (one ended on its day) is not used again, so
    reading an entity's facts twice ends nothing twice.
    """
    if not removals:
        return
    c = CreditRecord
    entities = sorted({ent for ent, _, _ in removals})
    open_by_entity: dict[int, list[tuple[dt.date, int]]] = {}
    used: set[tuple[int, dt.date]] = set()
    # Many entities (a first sync): read every listing once; few: by entity (its index), kind checked here.
    cols = select(c.entity_id, c.occurred_on, c.id, c.ended_on, c.kind)
    queries = ([cols.where(c.kind == ABNORMAL)] if len(entities) > _MANY else
               [cols.where(c.entity_id.in_(entities[i:i + _IN])) for i in range(0, len(entities), _IN)])
    wanted = set(entities)
    for q in queries:
        for ent, day, rid, ended_on, kind in conn.execute(q):
            if kind != ABNORMAL or ent not in wanted:
                continue
            if ended_on is None:
                open_by_entity.setdefault(ent, []).append((day, rid))
            else:
                used.add((ent, ended_on))
    ended: list[dict] = []
    for ent, day, _ in sorted(removals, key=lambda r: r[1]):
        if (ent, day) in used:
            continue
        used.add((ent, day))
        listings = sorted(l for l in open_by_entity.get(ent, []) if l[0] <= day)
        if listings:
            listed_on, rid = listings[-1]
            open_by_entity[ent].remove((listed_on, rid))
            ended.append({"rid": rid, "day": day})
    if ended:
        conn.execute(update(c.__table__).where(c.__table__.c.id == bindparam("rid"))
                     .values(ended_on=bindparam("day")), ended)
