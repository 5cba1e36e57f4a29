"""Everything a view shows about one batch, read once into frozen values."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import (
    Department,
    DrawBatch,
    DrawnObject,
    DrawPlan,
    DrawStatus,
    DrawTeamMember,
    InspectionTask,
    Inspector,
    MarketEntity,
    RegulatoryMatter,
    TaskStatus,
    task_drawn_objects,
)
from core.draws import STRATA

from .common import (
    get_batch,
    get_record,
    normalise_avoidance,
    normalise_sampling,
    sampling_rule,
    utc,
)
from .lifecycle import DrawnPick, StratumRow, TeamMember, stratum_rows
from .pools import batch_departments, eligible_counts, pool_entity_filter, pool_fit, pool_strata


@dataclass(frozen=True)
class MatterDetail:
    id: int
    code: str
    name_zh: str
    name_en: str
    category: str
    department_id: int


@dataclass(frozen=True)
class DepartmentDetail:
    department_id: int
    code: str
    name_zh: str
    name_en: str
    team_size: int
    eligible_inspectors: int     # frozen count once locked; live (through the window end) before
    matters: tuple[MatterDetail, ...]


@dataclass(frozen=True)
class BatchDetail:
    id: int
    plan_id: int
    plan_name: str
    plan_year: int
    name: str
    status: str
    lead_department_id: int
    lead_department_zh: str
    lead_department_en: str
    window_start: dt.date
    window_end: dt.date
    results_due: dt.date | None
    departments: tuple[DepartmentDetail, ...]
    pool_filter: dict
    sampling: dict
    avoidance: dict
    pool_count: int | None       # live for a draft, frozen once locked
    pool_hash: str | None
    strata_hash: str | None
    strata: tuple[StratumRow, ...]   # internal: pool, planned and drawn per risk class
    randomness_kind: str | None
    seed_commitment: str | None
    announcement: str
    random_sources: tuple[str, ...]
    seed: str | None
    draw_key: str | None
    algorithm_version: str | None
    record_digest: str | None
    locked_at: dt.datetime | None
    drawn_at: dt.datetime | None
    published_at: dt.datetime | None
    drawn_count: int
    task_count: int
    tasks_done: int
    alternates: int | None
    has_record: bool
    abandoned: dict | None = None   # {"at", "by", "reason"}: a locked batch given up (published)


def _drawn_by_stratum(s: Session, batch_id: int) -> dict[str, int]:
    rows = s.execute(select(DrawnObject.stratum, func.count()).where(DrawnObject.batch_id == batch_id)
                     .group_by(DrawnObject.stratum)).all()
    return {str(getattr(k, "value", k)): int(n) for k, n in rows}


def _strata(s: Session, batch: DrawBatch, summary: dict) -> tuple[StratumRow, ...]:
    rule = sampling_rule(batch.ratio_table)
    if batch.status == DrawStatus.DRAFT:
        return stratum_rows(pool_strata(s, pool_entity_filter(batch.pool_filter), pool_fit(s, batch)), rule)
    drawn = summary.get("drawn")
    if drawn is None and batch.status in (DrawStatus.DRAWN, DrawStatus.PUBLISHED):
        drawn = _drawn_by_stratum(s, batch.id)
    sizes = summary.get("strata")
    if sizes is None:  # drawn outside this service (the demo's history): sizes unknown
        return tuple(StratumRow(k, 0, 0, (drawn or {}).get(k, 0), 0.0) for k in STRATA)
    return stratum_rows(sizes, rule, drawn)


def _sampling(batch: DrawBatch) -> dict:
    # The recorded override of the plan's bands travels with the rule it covers.
    out = normalise_sampling(batch.ratio_table)
    if batch.band_override:
        out["override"] = dict(batch.band_override)
    return out


def _task_counts(s: Session, batch_id: int) -> tuple[int, int]:
    linked = (select(task_drawn_objects.c.task_id)
              .join(DrawnObject, DrawnObject.id == task_drawn_objects.c.drawn_object_id)
              .where(DrawnObject.batch_id == batch_id))
    ids = select(InspectionTask.id).where((InspectionTask.id.in_(linked)) | (InspectionTask.batch_id == batch_id))
    total = s.scalar(select(func.count(distinct(InspectionTask.id))).where(InspectionTask.id.in_(ids))) or 0
    done = s.scalar(select(func.count(distinct(InspectionTask.id)))
                    .where(InspectionTask.id.in_(ids), InspectionTask.status == TaskStatus.DONE)) or 0
    return int(total), int(done)


def _when(value) -> dt.datetime | None:
    if isinstance(value, str):
        return utc(dt.datetime.fromisoformat(value))
    return utc(value)


def batch_detail(db: Database, batch_id: int) -> BatchDetail:
    """The batch with names, eligible inspectors, pool per stratum, hashes, randomness and counts.

    For a draft the pool is counted live from its filter (a GROUP BY over the entities,
    about a second on the whole city): call it off the GUI thread.
    """
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        plan = s.get(DrawPlan, batch.plan_id)
        row = get_record(s, batch_id)
        summary = dict(row.summary or {}) if row is not None else {}
        depts = batch_departments(s, batch)
        ids = [d.department_id for d in depts] + [batch.lead_department_id]
        names = {d.id: d for d in s.scalars(select(Department).where(Department.id.in_(ids)))}
        matter_ids = {int(m) for d in depts for m in d.matter_ids or ()}
        matters = {m.id: m for m in s.scalars(select(RegulatoryMatter).where(RegulatoryMatter.id.in_(matter_ids)))}
        frozen_counts = summary.get("inspectors")
        live = eligible_counts(s, [d.department_id for d in depts], batch.window_end) if frozen_counts is None else {}
        departments = tuple(DepartmentDetail(
            d.department_id, names[d.department_id].code, names[d.department_id].name_zh,
            names[d.department_id].name_en, d.team_size,
            int(frozen_counts.get(str(d.department_id), 0)) if frozen_counts is not None
            else int(live.get(d.department_id, 0)),
            tuple(MatterDetail(m.id, m.code, m.name_zh, m.name_en, m.category.value, m.department_id)
                  for m in (matters.get(int(x)) for x in d.matter_ids or ()) if m is not None))
            for d in depts)
        strata = _strata(s, batch, summary)
        pool_count = batch.pool_count
        if batch.status == DrawStatus.DRAFT:
            pool_count = sum(r.pool for r in strata)
        drawn_count = s.scalar(select(func.count()).select_from(DrawnObject)
                               .where(DrawnObject.batch_id == batch_id)) or 0
        tasks, done = _task_counts(s, batch_id)
        lead = names.get(batch.lead_department_id)
        return BatchDetail(
            id=batch.id, plan_id=plan.id, plan_name=plan.name, plan_year=plan.year, name=batch.name,
            status=batch.status.value, lead_department_id=batch.lead_department_id,
            lead_department_zh=lead.name_zh if lead else "", lead_department_en=lead.name_en if lead else "",
            window_start=batch.window_start, window_end=batch.window_end,
            results_due=row.results_due if row is not None else None, departments=departments,
            pool_filter=dict(batch.pool_filter or {}), sampling=_sampling(batch),
            avoidance=normalise_avoidance(batch.avoidance_rules), pool_count=pool_count,
            pool_hash=batch.pool_hash, strata_hash=summary.get("strata_hash"), strata=strata,
            randomness_kind=row.randomness_kind if row is not None else None,
            seed_commitment=batch.seed_commitment, announcement=summary.get("announcement", ""),
            random_sources=tuple(str(x) for x in batch.random_sources or ()),
            seed=row.seed if row is not None else None, draw_key=batch.draw_key,
            algorithm_version=batch.algorithm_version, record_digest=row.digest if row is not None else None,
            locked_at=utc(batch.locked_at), drawn_at=utc(batch.drawn_at),
            published_at=_when(summary.get("published_at")), drawn_count=int(drawn_count), task_count=tasks,
            tasks_done=done, alternates=summary.get("alternates"),
            has_record=row is not None and row.record is not None,
            abandoned=dict(summary["abandoned"]) if summary.get("abandoned") else None)


def pool_vs_drawn(db: Database, batch_id: int) -> tuple[StratumRow, ...]:
    """Per risk class: pool size, what the rule asks for, drawn, ratio (internal statistics)."""
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        row = get_record(s, batch_id)
        return _strata(s, batch, dict(row.summary or {}) if row is not None else {})


def drawn_picks(db: Database, batch_id: int) -> tuple[DrawnPick, ...]:
    """A drawn batch's picks in pick order, with entity, team and task (for tables and replays)."""
    with db.sessions() as s:
        get_batch(s, batch_id)
        objects = s.execute(select(DrawnObject.id, DrawnObject.pick_order, DrawnObject.entity_id, DrawnObject.stratum,
                                   MarketEntity.uscc, MarketEntity.name, MarketEntity.address, MarketEntity.town_code,
                                   MarketEntity.village_code)
                            .join(MarketEntity, MarketEntity.id == DrawnObject.entity_id)
                            .where(DrawnObject.batch_id == batch_id).order_by(DrawnObject.pick_order)).all()
        teams: dict[int, list[TeamMember]] = {}
        for obj, inspector, name, department in s.execute(
                select(DrawTeamMember.drawn_object_id, Inspector.id, Inspector.name, DrawTeamMember.department_id)
                .join(Inspector, Inspector.id == DrawTeamMember.inspector_id)
                .join(DrawnObject, DrawnObject.id == DrawTeamMember.drawn_object_id)
                .where(DrawnObject.batch_id == batch_id)
                .order_by(DrawTeamMember.drawn_object_id, DrawTeamMember.department_id, Inspector.id)):
            teams.setdefault(obj, []).append(TeamMember(inspector, name, department))
        task_of = dict(s.execute(select(task_drawn_objects.c.drawn_object_id, task_drawn_objects.c.task_id)
                                 .join(DrawnObject, DrawnObject.id == task_drawn_objects.c.drawn_object_id)
                                 .where(DrawnObject.batch_id == batch_id)).tuples().all())
        if len(task_of) < len(objects):  # drawn before tasks were linked (the demo's history)
            by_entity = dict(s.execute(select(InspectionTask.entity_id, InspectionTask.id)
                                       .where(InspectionTask.batch_id == batch_id)).tuples().all())
            task_of.update({o[0]: by_entity[o[2]] for o in objects if o[0] not in task_of and o[2] in by_entity})
        return tuple(DrawnPick(order, entity, uscc, name, address, town, village, str(getattr(stratum, "value", stratum)),
                               tuple(teams.get(obj, ())), task_of.get(obj, 0))
                     for obj, order, entity, stratum, uscc, name, address, town, village in objects)
