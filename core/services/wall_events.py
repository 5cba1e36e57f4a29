"""The wall's live feed: the newest recorded changes, worded in Chinese and English.

Read from the audit log (every change of shared data is recorded there, in the same
transaction). Only the work a leader follows is shown: clues, cases, double-notification
claims, commitment checks, inspections and draws, and pushes to the wall. Sign-ins, users,
exports, tags, routing rules and set-up are not. Titles name the clue or case number, the
department, the town or the batch; never a person, an entity's name or a risk class.
"""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, null, select
from sqlalchemy.orm import Session, aliased

from core.clues.states import STATE_NAMES
from core.db.database import Database
from core.db.models import (
    AuditEntry,
    Case,
    Clue,
    Commitment,
    Department,
    DrawBatch,
    InspectionTask,
    MarketEntity,
    NotificationPush,
    Town,
    Village,
)
from core.db.models.enums import ClueState

from .wall_figures import FeedEvent

# action -> (Chinese, English) title templates; {ref} {dept} {town} {name} {state} are filled in
_TITLES: dict[str, tuple[str, str]] = {
    "clue.open": ("新线索 {ref}{town_zh}", "New clue {ref}{town_en}"),
    "case.file": ("立案 {ref}{dept_zh}", "Case {ref} filed{dept_en}"),
    "case.decide": ("案件 {ref} 作出处理决定", "Decision in case {ref}"),
    "case.extend": ("案件 {ref} 延期", "Case {ref}: decision period extended"),
    "case.pause": ("案件 {ref} 中止计时", "Case {ref}: clock paused"),
    "case.resume": ("案件 {ref} 恢复计时", "Case {ref}: clock resumed"),
    "push.claim": ("双告知已认领{dept_zh}{town_zh}", "Double notification claimed{dept_en}{town_en}"),
    "push.return": ("双告知退回待认领{town_zh}", "Double notification returned to the queue{town_en}"),
    "commitment.verify": ("承诺核查完成{dept_zh}{town_zh}", "Commitment verified{dept_en}{town_en}"),
    "inspection.result": ("检查结果录入{town_zh}", "Inspection finding recorded{town_en}"),
    "inspection.task.status": ("检查任务状态更新{town_zh}", "Inspection task updated{town_en}"),
    "inspection.results.publish": ("检查结果公示：{name}", "Inspection results published: {name}"),
    "draw.plan.create": ("新建抽查计划：{name}", "Inspection plan created: {name}"),
    "draw.batch.create": ("新建抽查批次：{name}", "Draw batch created: {name}"),
    "draw.batch.lock": ("抽查批次已锁定：{name}", "Draw batch locked: {name}"),
    "draw.batch.draw": ("随机抽取完成：{name}", "Draw made: {name}"),
    "draw.batch.publish": ("抽查结果已公布：{name}", "Draw published: {name}"),
    "draw.batch.abandon": ("抽查批次已放弃：{name}", "Draw batch abandoned: {name}"),
    "wall.push": ("推送到大屏：{name}", "Pushed to the wall: {name}"),
    "entity.register": ("新登记市场主体{town_zh}", "New market entity registered{town_en}"),
}
# every clue step is "clue.<state>"
_CLUE_STEPS = {f"clue.{s.value}" for s in ClueState}
FEED_ACTIONS: frozenset[str] = frozenset(_TITLES) | frozenset(_CLUE_STEPS)


def _object_id(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _town_of_clues(s: Session, ids: set[int]) -> dict[int, tuple[str, str | None, int | None]]:
    """clue id -> (ref_no, town code, department id)."""
    if not ids:
        return {}
    entity, village = aliased(MarketEntity), aliased(Village)
    stmt = (select(Clue.id, Clue.ref_no, func.coalesce(entity.town_code, village.town_code), Clue.department_id)
            .outerjoin(entity, entity.id == Clue.entity_id)
            .outerjoin(village, village.code == Clue.source_village_code)
            .where(Clue.id.in_(ids)))
    return {i: (ref, town, dept) for i, ref, town, dept in s.execute(stmt)}


def _lookup(s: Session, stmt, ids: set[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    return {row[0]: tuple(row[1:]) for row in s.execute(stmt(ids))}


def _facts(s: Session, rows: list[AuditEntry]) -> dict[tuple[str, int], dict]:
    """What each event's title needs, per (object type, id): ref, town code, department id, name."""
    wanted: dict[str, set[int]] = {}
    for r in rows:
        oid = _object_id(r.object_id)
        if oid is not None:
            wanted.setdefault(r.object_type, set()).add(oid)
    out: dict[tuple[str, int], dict] = {}
    for i, (ref, town, dept) in _town_of_clues(s, wanted.get("clue", set())).items():
        out[("clue", i)] = {"ref": ref, "town": town, "dept": dept}
    readers = {
        "case": lambda ids: (select(Case.id, Case.ref_no, MarketEntity.town_code, Case.department_id)
                             .join(MarketEntity, MarketEntity.id == Case.entity_id).where(Case.id.in_(ids))),
        "notification_push": lambda ids: (select(NotificationPush.id, null(), MarketEntity.town_code,
                                                 NotificationPush.department_id)
                                          .join(MarketEntity, MarketEntity.id == NotificationPush.entity_id)
                                          .where(NotificationPush.id.in_(ids))),
        "commitment": lambda ids: (select(Commitment.id, null(), MarketEntity.town_code, Commitment.department_id)
                                   .join(MarketEntity, MarketEntity.id == Commitment.entity_id)
                                   .where(Commitment.id.in_(ids))),
        "inspection_task": lambda ids: (select(InspectionTask.id, null(), MarketEntity.town_code,
                                               InspectionTask.lead_department_id)
                                        .join(MarketEntity, MarketEntity.id == InspectionTask.entity_id)
                                        .where(InspectionTask.id.in_(ids))),
        "market_entity": lambda ids: (select(MarketEntity.id, null(), MarketEntity.town_code, null())
                                      .where(MarketEntity.id.in_(ids))),
    }
    for kind, stmt in readers.items():
        for i, (ref, town, dept) in _lookup(s, stmt, wanted.get(kind, set())).items():
            out[(kind, i)] = {"ref": ref, "town": town, "dept": dept}
    for i, (name,) in _lookup(s, lambda ids: select(DrawBatch.id, DrawBatch.name).where(DrawBatch.id.in_(ids)),
                              wanted.get("draw_batch", set())).items():
        out[("draw_batch", i)] = {"name": name}
    return out


def _after(entry: AuditEntry) -> dict:
    try:
        value = json.loads(entry.after) if entry.after else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _word(entry: AuditEntry, facts: dict, towns: dict, depts: dict) -> tuple[str, str]:
    action = entry.action
    after = _after(entry)
    town = towns.get(facts.get("town"))
    dept_id = after.get("department_id") if action == "push.claim" else facts.get("dept")
    dept = depts.get(dept_id)
    name = facts.get("name") or ""
    if action == "wall.push":
        name = str(after.get("title") or "")
    elif action == "draw.plan.create":
        name = str(after.get("name") or "")
    fill = {"ref": facts.get("ref") or after.get("ref_no") or "", "name": name,
            "town_zh": f"（{town[0]}）" if town else "", "town_en": f" ({town[1]})" if town else "",
            "dept_zh": f"（{dept[0]}）" if dept else "", "dept_en": f" ({dept[1]})" if dept else ""}
    if action == "clue.received":  # intake records the first step; an inspection finding records clue.open
        action = "clue.open"
    if action in _CLUE_STEPS:
        state_zh, state_en = STATE_NAMES[ClueState(action.split(".", 1)[1])]
        where_zh = f"（{dept[0]}）" if dept else fill["town_zh"]
        where_en = f" ({dept[1]})" if dept else fill["town_en"]
        return f"线索 {fill['ref']} {state_zh}{where_zh}", f"Clue {fill['ref']}: {state_en.lower()}{where_en}"
    zh, en = _TITLES[action]
    return zh.format(**fill), en.format(**fill)


def _aware(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.timezone.utc) if at.tzinfo is None else at


def feed_events(db: Database, limit: int = 30) -> tuple[FeedEvent, ...]:
    """The newest ``limit`` events of the feed, newest first."""
    stmt = (select(AuditEntry).where(AuditEntry.action.in_(sorted(FEED_ACTIONS)))
            .order_by(AuditEntry.id.desc()).limit(max(0, int(limit))))
    with db.sessions() as s:
        rows = list(s.scalars(stmt))
        facts = _facts(s, rows)
        towns = {c: (zh, en) for c, zh, en in s.execute(select(Town.code, Town.name_zh, Town.name_en))}
        depts = {i: (zh, en) for i, zh, en in s.execute(select(Department.id, Department.name_zh, Department.name_en))}
    return tuple(_event(r, facts, towns, depts) for r in rows)


def _event(r: AuditEntry, facts: dict, towns: dict, depts: dict) -> FeedEvent:
    oid = _object_id(r.object_id)
    f = facts.get((r.object_type, oid), {}) if oid is not None else {}
    zh, en = _word(r, f, towns, depts)
    return FeedEvent(_aware(r.at), r.action, zh, en, r.object_type, oid, f.get("town"))
