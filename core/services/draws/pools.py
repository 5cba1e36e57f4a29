"""The two pools of a batch read from the database: objects (entities) and inspectors.

The object pool can be the whole city (1.2 million rows), so it is read with SQLAlchemy
Core in chunks of plain tuples, sorted in Python, and only then turned into
``PoolEntry`` values. Avoidance data (declared conflicts, each pool entity's last
inspection team) is small: a city has tens of thousands of tasks, not millions.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from itertools import starmap
from operator import itemgetter

from sqlalchemy import String, and_, false, func, not_, or_, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from core.db.database import Database
from core.db.models import (
    BatchDepartment,
    DrawBatch,
    InspectionTask,
    Inspector,
    InspectorConflict,
    MarketEntity,
    RegulatoryMatter,
    TaskStatus,
    task_inspectors,
)
from core.draws import Avoidance, DepartmentRule, DrawSpec, InspectorRef, PoolEntry, SamplingRule
from core.services.search import EntityFilter, _conditions

from .common import (
    Progress,
    batch_label,
    get_batch,
    normalise_avoidance,
    normalise_pool_filter,
    sampling_rule,
    stepper,
)

_CHUNK = 50_000
_IN_CHUNK = 900  # ids per IN (...) list: under SQLite's parameter limit


def pool_entity_filter(pool_filter: Mapping | None) -> EntityFilter:
    """The entity-search filter a batch's stored pool filter stands for."""
    f = normalise_pool_filter(pool_filter)
    return EntityFilter(
        town_codes=tuple(f.get("town_codes", ())), village_codes=tuple(f.get("village_codes", ())),
        industry_codes=tuple(f.get("industry_codes", ())), entity_types=tuple(f.get("entity_types", ())),
        statuses=tuple(f.get("statuses", ())), risk_classes=tuple(f.get("risk_classes", ())),
        tag_ids=tuple(f.get("tag_ids", ())), entity_ids=tuple(f.get("entity_ids", ())))


def matter_fits(s: Session, matter_ids: Iterable[int]) -> list[tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """(industries, entity types) each matter applies to; None when one of them applies to every entity
    (or there is no matter: nothing to narrow by)."""
    ids = sorted({int(m) for m in matter_ids})
    if not ids:
        return None
    fits = []
    for (applies,) in s.execute(select(RegulatoryMatter.applies_to).where(RegulatoryMatter.id.in_(ids))):
        industries = tuple((applies or {}).get("industries") or ())
        types = tuple((applies or {}).get("entity_types") or ())
        if not industries and not types:
            return None
        fits.append((industries, types))
    return fits or None


def fit_condition(fits: list[tuple[tuple[str, ...], tuple[str, ...]]] | None) -> ColumnElement[bool] | None:
    """SQL: the entity is one that some matter applies to (None: every entity is)."""
    if fits is None:
        return None
    terms = []
    for industries, types in fits:
        parts = []
        if industries:
            parts.append(MarketEntity.industry_code.in_(industries))
        if types:
            parts.append(MarketEntity.entity_type.in_(types))
        terms.append(and_(*parts))
    return or_(*terms) if terms else false()


def batch_matter_ids(s: Session, batch: DrawBatch) -> list[int]:
    return [int(m) for d in batch_departments(s, batch) for m in d.matter_ids or ()]


def pool_fit(s: Session, batch: DrawBatch) -> ColumnElement[bool] | None:
    """The extra pool condition of a batch narrowed to the objects its matters apply to
    (pool filter ``fit_matters``), or None."""
    if not normalise_pool_filter(batch.pool_filter).get("fit_matters"):
        return None
    return fit_condition(matter_fits(s, batch_matter_ids(s, batch)))


def unfit_entities(s: Session, batch: DrawBatch, *, first: int = 5) -> tuple[int, list[tuple[str, str]]]:
    """How many pool entities no matter of the batch applies to, and the first few (USCC, name)."""
    condition = fit_condition(matter_fits(s, batch_matter_ids(s, batch)))
    if condition is None:
        return 0, []
    conn = s.connection()
    where = [*_conditions(conn.dialect.name, pool_entity_filter(batch.pool_filter)), not_(condition)]
    extra = pool_fit(s, batch)
    if extra is not None:
        where.append(extra)
    count = s.scalar(select(func.count()).select_from(MarketEntity).where(*where)) or 0
    rows = s.execute(select(MarketEntity.uscc, MarketEntity.name).where(*where)
                     .order_by(MarketEntity.uscc).limit(first)).tuples().all() if count else []
    return int(count), [(u, n) for u, n in rows]


def read_pool(s: Session, f: EntityFilter, *, progress: Progress | None = None,
              extra: ColumnElement[bool] | None = None) -> tuple[PoolEntry, ...]:
    """The ordered pool (USCC order) of the entities matching ``f`` (and ``extra``)."""
    conn = s.connection()
    # The risk class as its plain letter: no enum conversion per row.
    stmt = select(MarketEntity.uscc, MarketEntity.id, type_coerce(MarketEntity.risk_class, String),
                  MarketEntity.village_code).where(*_conditions(conn.dialect.name, f))
    if extra is not None:
        stmt = stmt.where(extra)
    rows: list[tuple] = []
    # Per statement: Connection.execution_options would leave the session's connection streaming.
    result = conn.execute(stmt.execution_options(yield_per=_CHUNK))
    for part in result.partitions():
        rows.extend(part)
        if progress:
            progress(0.05, f"{len(rows):,} entities read")
    rows.sort(key=itemgetter(0))  # USCC order; codes are unique
    return tuple(starmap(PoolEntry, rows))


def pool_strata(s: Session, f: EntityFilter, extra: ColumnElement[bool] | None = None) -> dict[str, int]:
    """How many entities of each risk class the filter matches (live, for a draft)."""
    conn = s.connection()
    stmt = select(MarketEntity.risk_class, func.count()).where(*_conditions(conn.dialect.name, f)) \
        .group_by(MarketEntity.risk_class)
    if extra is not None:
        stmt = stmt.where(extra)
    out = {"A": 0, "B": 0, "C": 0, "D": 0}
    for risk, n in s.execute(stmt):
        out[str(getattr(risk, "value", risk))] = int(n)
    return out


def eligible_inspectors(s: Session, department_ids: Iterable[int], on: dt.date) -> dict[int, list[Inspector]]:
    """Active inspectors whose certificate is valid through ``on``, by department, by id."""
    ids = list(department_ids)
    out: dict[int, list[Inspector]] = {d: [] for d in ids}
    if not ids:
        return out
    for i in s.scalars(select(Inspector).where(Inspector.department_id.in_(ids), Inspector.active.is_(True),
                                               Inspector.certificate_valid_until >= on).order_by(Inspector.id)):
        out[i.department_id].append(i)
    return out


def eligible_counts(s: Session, department_ids: Iterable[int], on: dt.date) -> dict[int, int]:
    ids = list(department_ids)
    if not ids:
        return {}
    return dict(s.execute(select(Inspector.department_id, func.count())
                          .where(Inspector.department_id.in_(ids), Inspector.active.is_(True),
                                 Inspector.certificate_valid_until >= on)
                          .group_by(Inspector.department_id)).all())


def declared_conflicts(s: Session, inspector_ids: set[int], entity_ids: set[int]) -> frozenset[tuple[int, int]]:
    """(inspector, entity) pairs of declared conflicts among these inspectors and entities."""
    if not inspector_ids or not entity_ids:
        return frozenset()
    pairs = set()
    for i, e in s.execute(select(InspectorConflict.inspector_id, InspectorConflict.entity_id)):
        if i in inspector_ids and e in entity_ids:
            pairs.add((int(i), int(e)))
    return frozenset(pairs)


def last_inspection_teams(s: Session, inspector_ids: set[int], entity_ids: set[int]) -> dict[int, frozenset[int]]:
    """For each entity with an inspection task (not cancelled), the team of its latest one
    (by done or due date, then id), restricted to ``inspector_ids``."""
    if not inspector_ids or not entity_ids:
        return {}
    latest: dict[int, tuple[dt.date, int]] = {}
    stmt = select(InspectionTask.entity_id, InspectionTask.id,
                  func.coalesce(InspectionTask.done_on, InspectionTask.due_on)) \
        .where(InspectionTask.status != TaskStatus.CANCELLED)
    for entity, task, on in s.execute(stmt):
        if entity not in entity_ids:
            continue
        key = (on, task)
        if entity not in latest or key > latest[entity]:
            latest[entity] = key
    entity_of = {task: entity for entity, (_, task) in latest.items()}
    task_ids = sorted(entity_of)
    teams: dict[int, set[int]] = {}
    for k in range(0, len(task_ids), _IN_CHUNK):
        chunk = task_ids[k:k + _IN_CHUNK]
        for task, inspector in s.execute(select(task_inspectors.c.task_id, task_inspectors.c.inspector_id)
                                         .where(task_inspectors.c.task_id.in_(chunk))):
            if inspector in inspector_ids:
                teams.setdefault(entity_of[task], set()).add(int(inspector))
    return {e: frozenset(t) for e, t in teams.items()}


def batch_departments(s: Session, batch: DrawBatch) -> list[BatchDepartment]:
    """The batch's departments, lead first, then by id (the order teams are listed in)."""
    rows = s.scalars(select(BatchDepartment).where(BatchDepartment.batch_id == batch.id)).all()
    return sorted(rows, key=lambda d: (d.department_id != batch.lead_department_id, d.department_id))


def spec_for(s: Session, batch: DrawBatch, *, progress: Progress | None = None) -> DrawSpec:
    """The DrawSpec of ``batch`` from the live data (inside the caller's session)."""
    pool = read_pool(s, pool_entity_filter(batch.pool_filter), progress=progress, extra=pool_fit(s, batch))
    rules = normalise_avoidance(batch.avoidance_rules)
    depts = batch_departments(s, batch)
    inspectors = eligible_inspectors(s, [d.department_id for d in depts], batch.window_end)
    departments = tuple(
        DepartmentRule(d.department_id, int(d.team_size),
                       tuple(InspectorRef(i.id, i.department_id,
                                          i.home_village_code if rules["same_village"] else None)
                             for i in inspectors[d.department_id]),
                       tuple(int(m) for m in d.matter_ids or ()))
        for d in depts)
    inspector_ids = {ref.id for rule in departments for ref in rule.inspectors}
    needs_entities = rules["declared_conflicts"] or rules["last_inspection"]
    entity_ids = {e.entity_id for e in pool} if needs_entities and inspector_ids else set()
    avoidance = Avoidance(
        conflicts=declared_conflicts(s, inspector_ids, entity_ids) if rules["declared_conflicts"] else frozenset(),
        last_inspectors=last_inspection_teams(s, inspector_ids, entity_ids) if rules["last_inspection"] else {},
        same_village=rules["same_village"])
    rule = sampling_rule(batch.ratio_table)
    if batch.band_override:
        rule = SamplingRule(ratios=rule.ratios, counts=rule.counts, override=dict(batch.band_override))
    return DrawSpec(batch=batch_label(batch), pool=pool, sampling=rule, departments=departments, avoidance=avoidance)


def build_spec(db: Database, batch_id: int, *, progress: Progress | None = None,
               is_cancelled: Callable[[], bool] | None = None) -> DrawSpec:
    """What drawing batch ``batch_id`` would depend on now: the ordered pool, the eligible
    inspectors (active, certificate valid through the window end) and the avoidance data.

    A locked batch draws from what was frozen when it was locked, not from this.
    """
    with db.sessions() as s:
        return spec_for(s, get_batch(s, batch_id), progress=stepper(progress, is_cancelled))
