"""The SQL half of the leadership report: grouped counts the database computes in one pass each.

Each function returns plain tuples (no ORM objects); :mod:`core.reports.leadership` sums them
up with numpy and the deadline engine's arrays.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import case, exists, func, select

from core.db.models import (
    ChecklistItem,
    Clue,
    Department,
    Industry,
    InspectionResult,
    InspectionTask,
    MarketEntity,
    RegulatoryMatter,
    TaskStatus,
    Town,
)


def population_groups(conn, end: dt.date, start: dt.date) -> list[tuple]:
    """(town, industry, type, status, new, class_d, count) of the entities registered by ``end``:
    ``new`` is 1 for a registration on or after ``start``, ``class_d`` 1 for risk class D.

    One sequential scan of the entity table; every population and risk figure is a sum over
    these rows. The registration day is a grouping key, not a WHERE condition: filtered, SQLite
    walks the ``registered_on`` index and fetches a million rows in index order, one random
    page read each (three times slower than reading the table through).
    """
    e = MarketEntity
    when = case((e.registered_on > end, 2), (e.registered_on >= start, 1), else_=0)
    class_d = case((e.risk_class == "D", 1), else_=0)
    stmt = (select(e.town_code, e.industry_code, e.entity_type, e.status, when, class_d, func.count())
            .group_by(e.town_code, e.industry_code, e.entity_type, e.status, when, class_d))
    return [tuple(r) for r in conn.execute(stmt) if r[4] != 2]


def registrations_by_day(conn, start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    """(day, new registrations) within the period (the index on ``registered_on`` serves it)."""
    e = MarketEntity
    stmt = (select(e.registered_on, func.count()).where(e.registered_on.between(start, end))
            .group_by(e.registered_on))
    return [(_date(d), int(n)) for d, n in conn.execute(stmt)]


def inspection_tasks(conn, start: dt.date, end: dt.date) -> list[tuple[int, int, int]]:
    """(lead department, tasks done in the period, tasks with at least one failed item)."""
    t = InspectionTask
    failed = exists().where(InspectionResult.task_id == t.id, InspectionResult.outcome == "fail")
    stmt = (select(t.lead_department_id, func.count(), func.sum(case((failed, 1), else_=0)))
            .where(t.status == TaskStatus.DONE, t.done_on.between(start, end))
            .group_by(t.lead_department_id))
    return [(int(d), int(n), int(f or 0)) for d, n, f in conn.execute(stmt)]


def inspection_items(conn, start: dt.date, end: dt.date) -> list[tuple[int, int, str, int]]:
    """(matter, its department, outcome, checklist items) recorded on tasks done in the period.

    Results are counted per checklist item from the period's tasks (a planner given the
    matters too starts from them and loops over every result); items name their matters here."""
    t, r, c, m = InspectionTask, InspectionResult, ChecklistItem, RegulatoryMatter
    stmt = (select(r.checklist_item_id, r.outcome, func.count())
            .select_from(t).join(r, r.task_id == t.id)
            .where(t.status == TaskStatus.DONE, t.done_on.between(start, end))
            .group_by(r.checklist_item_id, r.outcome))
    counts = [(int(i), str(o), int(n)) for i, o, n in conn.execute(stmt)]
    matter_of = {int(i): (int(mid), int(dep)) for i, mid, dep in conn.execute(
        select(c.id, m.id, m.department_id).join(m, m.id == c.matter_id))}
    out: dict[tuple[int, int, str], int] = {}
    for item, outcome, n in counts:
        key = (*matter_of.get(item, (-1, -1)), outcome)
        out[key] = out.get(key, 0) + n
    return [(*k, n) for k, n in out.items()]


def clue_sources(conn) -> dict[int, str]:
    """Clue id -> source, of every clue (a clue closed in the period may have come in long before)."""
    return {int(i): str(s) for i, s in conn.execute(select(Clue.id, Clue.source))}


def industries_of(conn, entity_ids: Iterable[int], chunk: int = 900) -> dict[int, str]:
    """Entity id -> industry code, looked up by primary key a chunk at a time."""
    ids = sorted({int(i) for i in entity_ids if i >= 0})
    out: dict[int, str] = {}
    for k in range(0, len(ids), chunk):
        part = ids[k:k + chunk]
        out.update({int(i): str(c) for i, c in conn.execute(
            select(MarketEntity.id, MarketEntity.industry_code).where(MarketEntity.id.in_(part)))})
    return out


def names(conn) -> dict[str, dict]:
    """Names of departments (with their field), towns, industries and matters, zh and en."""
    return {
        "departments": {int(i): (zh, en, field) for i, zh, en, field in conn.execute(
            select(Department.id, Department.name_zh, Department.name_en, Department.field))},
        "towns": {c: (zh, en) for c, zh, en in conn.execute(select(Town.code, Town.name_zh, Town.name_en))},
        "industries": {c: (zh, en) for c, zh, en in conn.execute(
            select(Industry.code, Industry.name_zh, Industry.name_en))},
        "matters": {int(i): (zh, en) for i, zh, en in conn.execute(
            select(RegulatoryMatter.id, RegulatoryMatter.name_zh, RegulatoryMatter.name_en))},
    }


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
