"""What the wall shows for a pushed view: a heading and a few facts, in Chinese and English.

See :mod:`core.services.wall` for the view kinds. The facts are what a leader may read,
less anything that identifies a person or grades an entity: no legal representative, no
risk class. A clue's or case's deadline is worded as the deadline engine levels it
(:mod:`core.deadlines`), so the card agrees with every count on the wall.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from core.clues.states import STATE_NAMES
from core.db.database import Database
from core.db.models import (
    Case,
    Clue,
    Department,
    DrawBatch,
    DrawnObject,
    DrawPlan,
    Industry,
    MarketEntity,
    Town,
    Village,
)
from core.deadlines import Kind, assess, level_name, load_policy
from core.vocabulary import ENTITY_TYPE_NAMES, STATUS_NAMES
from core.workdays import default_calendar

from .wall import Fact, PushedItem, PushedView, view_kind

CASE_STATUS_NAMES = {"filed": ("已立案", "Filed"), "decided": ("已作出决定", "Decided"), "closed": ("已结案", "Closed")}
DRAW_STATUS_NAMES = {"draft": ("草稿", "Draft"), "locked": ("已锁定", "Locked"), "drawn": ("已抽取", "Drawn"),
                     "published": ("已公布", "Published")}
BEIJING = dt.timezone(dt.timedelta(hours=8))


def _same(label_zh: str, label_en: str, value) -> Fact:
    text = "" if value is None else str(value)
    return Fact(label_zh, label_en, text, text)


def _named(label_zh: str, label_en: str, names: tuple[str, str] | None) -> Fact:
    zh, en = names or ("", "")
    return Fact(label_zh, label_en, zh, en)


def _int(view: dict, key: str) -> int | None:
    try:
        return int(view.get(key))
    except (TypeError, ValueError):
        return None


def _town(s: Session, code: str | None) -> tuple[str, str] | None:
    if not code:
        return None
    row = s.execute(select(Town.name_zh, Town.name_en).where(Town.code == code)).first()
    return tuple(row) if row else None


def _dept(s: Session, dept_id: int | None) -> tuple[str, str] | None:
    if dept_id is None:
        return None
    row = s.execute(select(Department.name_zh, Department.name_en).where(Department.id == dept_id)).first()
    return tuple(row) if row else None


def _clock_level(db: Database, kind: Kind, item_id: int, today: dt.date) -> tuple[str, str] | None:
    """The engine's level of one clock today, e.g. ("已逾期", "Overdue"); None when it has none."""
    from .map_overlays import reload_clocks

    calendar, policy = default_calendar(), load_policy()
    items = reload_clocks(db, {kind: {item_id}}, (), calendar, policy)
    if not len(items):
        return None
    level = int(assess(items, today, calendar, policy).levels[0])
    return level_name(level, "zh"), level_name(level, "en")


def _entity(db: Database, push: PushedView, entity_id: int | None) -> PushedItem:
    e = MarketEntity
    with db.sessions() as s:
        row = s.execute(select(e.name, e.uscc, e.entity_type, e.status, e.address, e.town_code, e.lat, e.lng,
                               e.registered_on, Industry.name_zh, Industry.name_en)
                        .outerjoin(Industry, Industry.code == e.industry_code).where(e.id == entity_id)).first()
        if row is None:
            return _missing(push, "entity", entity_id)
        name, uscc, etype, status, address, town, lat, lng, registered, ind_zh, ind_en = row
        facts = (_same("统一社会信用代码", "Credit code", uscc),
                 _named("主体类型", "Type", ENTITY_TYPE_NAMES.get(getattr(etype, "value", etype))),
                 Fact("行业", "Industry", ind_zh or "", ind_en or ""),
                 _named("所在镇街", "Town", _town(s, town)),
                 _same("地址", "Address", address),
                 _named("登记状态", "Status", STATUS_NAMES.get(getattr(status, "value", status))),
                 _same("成立日期", "Registered", registered.isoformat() if registered else ""))
    return PushedItem(push, "entity", entity_id, name, name, facts, (entity_id,), float(lat), float(lng), 16)


def _clue(db: Database, push: PushedView, clue_id: int | None, today: dt.date) -> PushedItem:
    entity, village = aliased(MarketEntity), aliased(Village)
    with db.sessions() as s:
        row = s.execute(select(Clue.ref_no, Clue.state, Clue.department_id, Clue.received_at, Clue.due_on,
                               func.coalesce(entity.town_code, village.town_code), Clue.entity_id,
                               func.coalesce(Clue.lat, entity.lat, village.lat),
                               func.coalesce(Clue.lng, entity.lng, village.lng))
                        .outerjoin(entity, entity.id == Clue.entity_id)
                        .outerjoin(village, village.code == Clue.source_village_code)
                        .where(Clue.id == clue_id)).first()
        if row is None:
            return _missing(push, "clue", clue_id)
        ref, state, dept, received, due, town, entity_id, lat, lng = row
        received_day = (received.replace(tzinfo=dt.timezone.utc) if received.tzinfo is None else received)
        facts = [_named("状态", "State", STATE_NAMES.get(state)),
                 _named("承办部门", "Department", _dept(s, dept) or ("（待分派）", "(not routed)")),
                 _named("所在镇街", "Town", _town(s, town)),
                 _same("受理时间", "Received", received_day.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")),
                 _same("办理期限", "Due", due.isoformat() if due else "")]
    level = _clock_level(db, Kind.CLUE_HANDLING, clue_id, today)
    if level:
        facts.append(_named("时限", "Deadline", level))
    return PushedItem(push, "clue", clue_id, f"线索 {ref}", f"Clue {ref}", tuple(facts),
                      (entity_id,) if entity_id else (), _float(lat), _float(lng), 15)


def _case(db: Database, push: PushedView, case_id: int | None, today: dt.date) -> PushedItem:
    with db.sessions() as s:
        row = s.execute(select(Case.ref_no, Case.status, Case.department_id, Case.filed_on, Case.decision_due,
                               Case.decided_on, Case.entity_id, MarketEntity.town_code, MarketEntity.lat,
                               MarketEntity.lng)
                        .join(MarketEntity, MarketEntity.id == Case.entity_id).where(Case.id == case_id)).first()
        if row is None:
            return _missing(push, "case", case_id)
        ref, status, dept, filed, due, decided, entity_id, town, lat, lng = row
        facts = [_named("状态", "Status", CASE_STATUS_NAMES.get(getattr(status, "value", status))),
                 _named("办案部门", "Department", _dept(s, dept)),
                 _named("所在镇街", "Town", _town(s, town)),
                 _same("立案日期", "Filed", filed.isoformat()),
                 _same("决定期限", "Decision due", due.isoformat())]
        if decided:
            facts.append(_same("决定日期", "Decided", decided.isoformat()))
    level = _clock_level(db, Kind.CASE_DECISION, case_id, today)
    if level:
        facts.append(_named("时限", "Deadline", level))
    return PushedItem(push, "case", case_id, f"案件 {ref}", f"Case {ref}", tuple(facts), (entity_id,),
                      _float(lat), _float(lng), 15)


def _batch(db: Database, push: PushedView, batch_id: int | None) -> PushedItem:
    with db.sessions() as s:
        row = s.execute(select(DrawBatch.name, DrawBatch.status, DrawBatch.lead_department_id, DrawBatch.window_start,
                               DrawBatch.window_end, DrawBatch.pool_count, DrawPlan.name)
                        .join(DrawPlan, DrawPlan.id == DrawBatch.plan_id).where(DrawBatch.id == batch_id)).first()
        if row is None:
            return _missing(push, "batch", batch_id)
        name, status, lead, start, end, pool, plan = row
        drawn = s.scalar(select(func.count()).select_from(DrawnObject).where(DrawnObject.batch_id == batch_id))
        facts = (_same("抽查计划", "Plan", plan),
                 _named("状态", "Status", DRAW_STATUS_NAMES.get(getattr(status, "value", status))),
                 _named("牵头部门", "Lead department", _dept(s, lead)),
                 _same("检查时段", "Window", f"{start.isoformat()} – {end.isoformat()}"),
                 _same("对象库", "Pool", pool if pool is not None else ""),
                 _same("抽中对象", "Drawn", drawn))
    return PushedItem(push, "batch", batch_id, name, name, facts)


def _float(value) -> float | None:
    return float(value) if value is not None else None


def _map(db: Database, push: PushedView) -> PushedItem:
    view = push.view
    center = view.get("center")
    lat = lng = None
    if isinstance(center, (list, tuple)) and len(center) == 2:
        lat, lng = _float(center[0]), _float(center[1])
    ids = tuple(int(i) for i in view.get("entity_ids", ()) if isinstance(i, int))
    facts = []
    with db.sessions() as s:
        town = _town(s, view.get("town") if isinstance(view.get("town"), str) else None)
    if town:
        facts.append(_named("镇街", "Town", town))
    return PushedItem(push, "map", None, push.title, push.title, tuple(facts), ids, lat, lng, _int(view, "zoom"))


def _missing(push: PushedView, kind: str, object_id: int | None) -> PushedItem:
    return PushedItem(push, kind, object_id, f"{push.title}（已不存在）", f"{push.title} (no longer there)",
                      found=False)


def describe(db: Database, push: PushedView, today: dt.date | None = None) -> PushedItem:
    """The card of ``push`` (see :func:`core.services.wall.describe_push`)."""
    today = today or dt.datetime.now(BEIJING).date()
    view, kind = push.view, view_kind(push.view)
    if kind == "entity":
        return _entity(db, push, _int(view, "entity_id"))
    if kind == "clue":
        return _clue(db, push, _int(view, "clue_id"), today)
    if kind == "case":
        return _case(db, push, _int(view, "case_id"), today)
    if kind == "batch":
        return _batch(db, push, _int(view, "batch_id"))
    if kind == "scene":
        scene = view.get("scene") if isinstance(view.get("scene"), str) else None
        return PushedItem(push, "scene", None, push.title, push.title, scene=scene)
    return _map(db, push)
