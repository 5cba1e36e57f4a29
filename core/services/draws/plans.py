"""Plans and their batches while they are drafts: create, change, list.

A draft may break rules while the planner works on it; :func:`check_batch` lists what
still blocks locking. Only structural errors (unknown ids, an empty name) are refused here.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import (
    BatchDepartment,
    Department,
    DrawBatch,
    DrawnObject,
    DrawPlan,
    DrawRecord,
    DrawStatus,
    RegulatoryMatter,
)
from core.db.models.base import utcnow
from core.draws.bands import normalise_bands
from core.errors import NotFound, ValidationError

from .common import (
    get_batch,
    normalise_avoidance,
    normalise_pool_filter,
    normalise_sampling,
    require_status,
    utc,
)

DepartmentPart = tuple[int, int, Sequence[int]]  # (department id, team size, matter ids)


@dataclass(frozen=True)
class BatchSummary:
    id: int
    plan_id: int
    name: str
    status: str
    lead_department_id: int
    window_start: dt.date
    window_end: dt.date
    pool_count: int | None
    drawn: int
    locked_at: dt.datetime | None
    drawn_at: dt.datetime | None
    abandoned: bool = False     # locked, then given up (its lock record says so)


@dataclass(frozen=True)
class PlanSummary:
    id: int
    year: int
    name: str
    created_by: str
    created_at: dt.datetime
    batches: tuple[BatchSummary, ...]


def _bands(bands: dict | None) -> dict | None:
    if bands is None:
        return None
    try:
        return {k: list(v) for k, v in normalise_bands(bands).items()}
    except ValueError as exc:
        raise ValidationError(str(exc), where="sampling bands") from None


def _capacity(capacity: float | None) -> float | None:
    if capacity is None:
        return None
    try:
        value = float(capacity)
    except (TypeError, ValueError):
        value = 0.0
    if not value > 0:
        raise ValidationError(f"每人每个工作日的检查上限须大于 0：{capacity!r} "
                              f"(visits per inspector per working day must be above 0)", where="visit capacity")
    return value


def create_plan(db: Database, actor: str, *, year: int, name: str, sampling_bands: dict | None = None,
                visit_capacity: float | None = None) -> int:
    """A new annual plan; returns its id. ``sampling_bands`` ``{class: [low, high]}`` (None: the
    default table, ``core.draws.bands.DEFAULT_BANDS``); ``visit_capacity`` visits per inspector
    per working day before the check warns (None: the default)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("抽查计划须有名称 (a plan needs a name)", where="plan name")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError(f"年度 {year!r} 无效 (year {year!r} is not valid)", where="plan year")
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        plan = DrawPlan(year=year, name=name[:200], created_by=uow.actor, sampling_bands=_bands(sampling_bands),
                        visit_capacity=_capacity(visit_capacity))
        uow.session.add(plan)
        uow.session.flush()
        uow.audit("draw.plan.create", "draw_plan", plan.id, after={
            "year": year, "name": plan.name, **_plan_rules(plan)})
        plan_id = plan.id
        uow.commit()
    return plan_id


def _plan_rules(plan: DrawPlan) -> dict:
    return {"sampling_bands": plan.sampling_bands, "visit_capacity": plan.visit_capacity}


def set_plan_rules(db: Database, actor: str, plan_id: int, *, sampling_bands: dict | None = None,
                   visit_capacity: float | None = None, reset: bool = False) -> None:
    """Change a plan's sampling bands and/or visit capacity (``reset``: back to the defaults). Audited."""
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        plan = uow.session.get(DrawPlan, plan_id)
        if plan is None:
            raise NotFound(f"抽查计划 {plan_id} 不存在 (draw plan {plan_id} does not exist)", where="plan")
        before = _plan_rules(plan)
        if reset:
            plan.sampling_bands = plan.visit_capacity = None
        if sampling_bands is not None:
            plan.sampling_bands = _bands(sampling_bands)
        if visit_capacity is not None:
            plan.visit_capacity = _capacity(visit_capacity)
        uow.audit("draw.plan.rules", "draw_plan", plan_id, before=before, after=_plan_rules(plan))
        uow.commit()


def _audit_override(uow, batch: DrawBatch, before: dict | None) -> None:
    if batch.band_override != before:
        uow.audit("draw.batch.band_override", "draw_batch", batch.id, before={"band_override": before},
                  after={"band_override": batch.band_override})


def _check_departments(s: Session, lead_department_id: int, departments: Iterable[DepartmentPart]) -> list[tuple]:
    parts: list[tuple[int, int, list[int]]] = []
    for part in departments:
        try:
            dept_id, team_size, matters = part
            parts.append((int(dept_id), int(team_size), [int(m) for m in (matters or ())]))
        except (TypeError, ValueError):
            raise ValidationError(f"参与部门应为 (部门, 每组人数, [事项]) ：{part!r} "
                                  f"(a department part is (department id, team size, [matter ids]))",
                                  where="departments") from None
    ids = [d for d, _, _ in parts]
    if len(set(ids)) != len(ids):
        raise ValidationError("同一部门列了两次 (a department is listed twice)", where="departments")
    wanted = set(ids) | {int(lead_department_id)}
    known = set(s.scalars(select(Department.id).where(Department.id.in_(wanted))))
    if wanted - known:
        raise NotFound(f"部门 {sorted(wanted - known)} 不存在 (no department with id {sorted(wanted - known)})",
                       where="departments")
    matter_ids = {m for _, _, ms in parts for m in ms}
    if matter_ids:
        found = set(s.scalars(select(RegulatoryMatter.id).where(RegulatoryMatter.id.in_(matter_ids))))
        if matter_ids - found:
            raise NotFound(f"监管事项 {sorted(matter_ids - found)} 不存在 (no matter with id "
                           f"{sorted(matter_ids - found)})", where="matters")
    return parts


def _name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("抽查批次须有名称 (a batch needs a name)", where="batch name")
    return name[:200]


def _date(value: dt.date, where: str) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(f"{value!r} 不是日期 (not a date, YYYY-MM-DD)", where=where) from None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise ValidationError(f"{value!r} 不是日期 (not a date)", where=where)
    return value


def _snapshot(s: Session, batch: DrawBatch) -> dict:
    depts = s.scalars(select(BatchDepartment).where(BatchDepartment.batch_id == batch.id)
                      .order_by(BatchDepartment.department_id)).all()
    pool_filter = dict(batch.pool_filter or {})
    if "entity_ids" in pool_filter:  # thousands of ids do not belong in an audit line
        pool_filter["entity_ids"] = f"{len(pool_filter['entity_ids'])} ids"
    return {"name": batch.name, "lead_department_id": batch.lead_department_id,
            "window": [batch.window_start.isoformat(), batch.window_end.isoformat()],
            "departments": [[d.department_id, d.team_size, list(d.matter_ids)] for d in depts],
            "pool_filter": pool_filter, "sampling": batch.ratio_table, "avoidance": batch.avoidance_rules,
            "band_override": batch.band_override}


def _split_override(sampling: dict | None) -> tuple[dict | None, str | None]:
    """``sampling`` without its ``"override"`` part, and the override's reason (None: no override)."""
    if sampling is None:
        return None, None
    given = dict(sampling)
    override = given.pop("override", None)
    reason = override.get("reason") if isinstance(override, dict) else override
    reason = str(reason or "").strip() or None
    return given, reason


def _apply_override(s: Session, batch: DrawBatch, reason: str | None, actor: str) -> None:
    """Record (or drop) the planner's override of the plan's bands: kept as given while the
    reason and the ratios stay the same, renewed (new author and time) when either changes."""
    if reason is None:
        batch.band_override = None
        return
    old = batch.band_override or {}
    if old.get("reason") == reason and old.get("sampling") == batch.ratio_table:
        return
    plan = s.get(DrawPlan, batch.plan_id)
    bands = {k: list(v) for k, v in normalise_bands(plan.sampling_bands if plan else None).items()}
    batch.band_override = {"reason": reason[:500], "by": actor, "at": utcnow().isoformat(), "bands": bands,
                           "sampling": batch.ratio_table}


def _set_departments(s: Session, batch_id: int, parts: list[tuple[int, int, list[int]]]) -> None:
    s.execute(delete(BatchDepartment).where(BatchDepartment.batch_id == batch_id))
    for dept_id, team_size, matters in parts:
        s.add(BatchDepartment(batch_id=batch_id, department_id=dept_id, team_size=team_size,
                              matter_ids=list(dict.fromkeys(matters))))


def create_batch(db: Database, actor: str, plan_id: int, *, name: str, lead_department_id: int,
                 window_start: dt.date, window_end: dt.date, departments: Iterable[DepartmentPart],
                 pool_filter: dict | None = None, sampling: dict | None = None,
                 avoidance: dict | None = None) -> int:
    """A draft batch of plan ``plan_id``; returns its id.

    ``departments`` lists ``(department id, team size, [matter ids])``; ``pool_filter`` the
    entity-search fields as JSON (or ``{"entity_ids": [...]}``; statuses default to active);
    ``sampling`` ``{"ratios": {...}}`` or ``{"counts": {...}}``, optionally with
    ``"override": {"reason": ...}`` to leave the plan's bands on purpose (recorded with who and
    when, audited, shown on the batch and written into the draw record); ``avoidance`` the
    switches ``declared_conflicts``, ``last_inspection`` and ``same_village``.
    """
    sampling, reason = _split_override(sampling)
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        s = uow.session
        if s.get(DrawPlan, plan_id) is None:
            raise NotFound(f"抽查计划 {plan_id} 不存在 (draw plan {plan_id} does not exist)", where="plan")
        parts = _check_departments(s, lead_department_id, departments)
        batch = DrawBatch(plan_id=plan_id, name=_name(name), lead_department_id=int(lead_department_id),
                          window_start=_date(window_start, "window start"),
                          window_end=_date(window_end, "window end"), status=DrawStatus.DRAFT,
                          pool_filter=normalise_pool_filter(pool_filter),
                          ratio_table=normalise_sampling(sampling),
                          avoidance_rules=normalise_avoidance(avoidance))
        _apply_override(s, batch, reason, uow.actor)
        s.add(batch)
        s.flush()
        _set_departments(s, batch.id, parts)
        s.flush()
        uow.audit("draw.batch.create", "draw_batch", batch.id, after={"plan_id": plan_id, **_snapshot(s, batch)})
        _audit_override(uow, batch, None)
        batch_id = batch.id
        uow.commit()
    return batch_id


def update_batch(db: Database, actor: str, batch_id: int, *, name: str | None = None,
                 lead_department_id: int | None = None, window_start: dt.date | None = None,
                 window_end: dt.date | None = None, departments: Iterable[DepartmentPart] | None = None,
                 pool_filter: dict | None = None, sampling: dict | None = None,
                 avoidance: dict | None = None) -> None:
    """Change a draft batch; arguments left ``None`` stay as they are. Audited before/after.

    A ``sampling`` given without ``"override"`` drops a recorded override of the bands.
    """
    sampling, reason = _split_override(sampling)
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.DRAFT, doing=("修改", "changed"))
        before = _snapshot(s, batch)
        lead = int(lead_department_id) if lead_department_id is not None else batch.lead_department_id
        if departments is not None or lead_department_id is not None:
            if departments is None:
                departments = [(d.department_id, d.team_size, d.matter_ids) for d in s.scalars(
                    select(BatchDepartment).where(BatchDepartment.batch_id == batch_id))]
            parts = _check_departments(s, lead, departments)
            _set_departments(s, batch_id, parts)
        batch.lead_department_id = lead
        if name is not None:
            batch.name = _name(name)
        if window_start is not None:
            batch.window_start = _date(window_start, "window start")
        if window_end is not None:
            batch.window_end = _date(window_end, "window end")
        if pool_filter is not None:
            batch.pool_filter = normalise_pool_filter(pool_filter)
            batch.pool_count = None
        if sampling is not None:
            batch.ratio_table = normalise_sampling(sampling)
            _apply_override(s, batch, reason, uow.actor)
        if avoidance is not None:
            batch.avoidance_rules = normalise_avoidance(avoidance)
        s.flush()
        uow.audit("draw.batch.update", "draw_batch", batch_id, before=before, after=_snapshot(s, batch))
        _audit_override(uow, batch, before["band_override"])
        uow.commit()


def narrow_pool_to_matters(db: Database, actor: str, batch_id: int) -> None:
    """Keep in the draft batch's pool only the entities some matter of the batch applies to
    (the pool filter's ``fit_matters``; it follows later changes of the matters). Audited."""
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.DRAFT, doing=("修改", "changed"))
        before = _snapshot(s, batch)
        batch.pool_filter = normalise_pool_filter({**(batch.pool_filter or {}), "fit_matters": True})
        batch.pool_count = None
        s.flush()
        uow.audit("draw.batch.narrow_to_matters", "draw_batch", batch_id, before=before, after=_snapshot(s, batch))
        uow.commit()


def list_plans(db: Database, *, year: int | None = None) -> list[PlanSummary]:
    """Plans (newest year first) with their batches in creation order."""
    with db.sessions() as s:
        stmt = select(DrawPlan).order_by(DrawPlan.year.desc(), DrawPlan.id.desc())
        if year is not None:
            stmt = stmt.where(DrawPlan.year == year)
        plans = s.scalars(stmt).all()
        if not plans:
            return []
        drawn = dict(s.execute(select(DrawnObject.batch_id, func.count()).group_by(DrawnObject.batch_id)).all())
        batches: dict[int, list[BatchSummary]] = {}
        rows = s.scalars(select(DrawBatch).where(DrawBatch.plan_id.in_([p.id for p in plans]))
                         .order_by(DrawBatch.id)).all()
        locked = [b.id for b in rows if b.status == DrawStatus.LOCKED]
        gone = {r.batch_id for r in s.scalars(select(DrawRecord).where(DrawRecord.batch_id.in_(locked)))
                if (r.summary or {}).get("abandoned")} if locked else set()
        for b in rows:
            batches.setdefault(b.plan_id, []).append(BatchSummary(
                b.id, b.plan_id, b.name, b.status.value, b.lead_department_id, b.window_start, b.window_end,
                b.pool_count, drawn.get(b.id, 0), utc(b.locked_at), utc(b.drawn_at), b.id in gone))
        return [PlanSummary(p.id, p.year, p.name, p.created_by, utc(p.created_at), tuple(batches.get(p.id, ())))
                for p in plans]


def discard_batch(db: Database, actor: str, batch_id: int) -> None:
    """Delete a draft batch (one that was never locked); audited with what it held."""
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.DRAFT, doing=("删除", "discarded"))
        before = _snapshot(s, batch)
        s.execute(delete(BatchDepartment).where(BatchDepartment.batch_id == batch_id))
        s.delete(batch)
        uow.audit("draw.batch.discard", "draw_batch", batch_id, before=before)
        uow.commit()


def discard_plan(db: Database, actor: str, plan_id: int) -> None:
    """Delete a plan whose batches are all still drafts (nothing was locked or published)."""
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        s = uow.session
        plan = s.get(DrawPlan, plan_id)
        if plan is None:
            raise NotFound(f"抽查计划 {plan_id} 不存在 (draw plan {plan_id} does not exist)", where="plan")
        batches = s.scalars(select(DrawBatch).where(DrawBatch.plan_id == plan_id)).all()
        for b in batches:
            require_status(b, DrawStatus.DRAFT, doing=("删除", "discarded"))
        ids = [b.id for b in batches]
        if ids:
            s.execute(delete(BatchDepartment).where(BatchDepartment.batch_id.in_(ids)))
            s.execute(delete(DrawBatch).where(DrawBatch.id.in_(ids)))
        s.delete(plan)
        uow.audit("draw.plan.discard", "draw_plan", plan_id,
                  before={"year": plan.year, "name": plan.name, "draft_batches": ids})
        uow.commit()
