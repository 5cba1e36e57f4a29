"""Inspection tasks from a draw: one visit per drawn entity, merged across batches.

优化营商环境条例 Art. 54 ("进一次门、查多项事"): when a batch draws an entity that another
batch of the same plan already gave a still-planned task whose window overlaps, the two
become one joint task (``core.draws.merge_joint_visits``): the team and matters are
united, the window is the intersection (due on its end), the lead is the lead of the
earliest-starting batch. ``task_drawn_objects`` records every drawn object a task serves.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.db.bulk import load_rows
from core.db.models import (
    BatchDepartment,
    DrawBatch,
    DrawnObject,
    InspectionTask,
    Inspector,
    TaskStatus,
    task_drawn_objects,
    task_inspectors,
    task_matters,
)
from core.draws import Visit, merge_joint_visits

_IN_CHUNK = 900


@dataclass(frozen=True)
class TaskPlan:
    """What the draw did to tasks: the task of each drawn entity, how many were new or merged."""

    task_of_entity: dict[int, int]
    created: int
    merged: int


@dataclass
class _Existing:
    task_id: int
    visit: Visit


def _existing_visits(s: Session, batch: DrawBatch, entity_ids: set[int]) -> dict[int, list[_Existing]]:
    """Still-planned tasks of the plan's other batches for these entities, as visits."""
    others = {b.id: b for b in s.scalars(select(DrawBatch).where(DrawBatch.plan_id == batch.plan_id,
                                                                 DrawBatch.id != batch.id))}
    if not others or not entity_ids:
        return {}
    tasks = [t for t in s.scalars(select(InspectionTask).where(InspectionTask.batch_id.in_(list(others)),
                                                               InspectionTask.status == TaskStatus.PLANNED)
                                  .order_by(InspectionTask.id))
             if t.entity_id in entity_ids]
    if not tasks:
        return {}
    ids = [t.id for t in tasks]
    team: dict[int, list[tuple[int, int]]] = {}
    matters: dict[int, list[int]] = {}
    starts: dict[int, list[dt.date]] = {}
    for k in range(0, len(ids), _IN_CHUNK):
        chunk = ids[k:k + _IN_CHUNK]
        for task, inspector, dept in s.execute(
                select(task_inspectors.c.task_id, Inspector.id, Inspector.department_id)
                .join(Inspector, Inspector.id == task_inspectors.c.inspector_id)
                .where(task_inspectors.c.task_id.in_(chunk)).order_by(task_inspectors.c.task_id, Inspector.id)):
            team.setdefault(task, []).append((inspector, dept))
        for task, matter in s.execute(select(task_matters.c.task_id, task_matters.c.matter_id)
                                      .where(task_matters.c.task_id.in_(chunk))
                                      .order_by(task_matters.c.task_id, task_matters.c.matter_id)):
            matters.setdefault(task, []).append(matter)
        for task, start in s.execute(select(task_drawn_objects.c.task_id, DrawBatch.window_start)
                                     .join(DrawnObject, DrawnObject.id == task_drawn_objects.c.drawn_object_id)
                                     .join(DrawBatch, DrawBatch.id == DrawnObject.batch_id)
                                     .where(task_drawn_objects.c.task_id.in_(chunk))):
            starts.setdefault(task, []).append(start)
    out: dict[int, list[_Existing]] = {}
    for t in tasks:
        own = others[t.batch_id]
        members = team.get(t.id, [])
        depts = tuple(dict.fromkeys([t.lead_department_id] + [d for _, d in members]))
        start = max(starts.get(t.id, []) + [own.window_start])
        out.setdefault(t.entity_id, []).append(_Existing(t.id, Visit(
            batch=str(t.batch_id), entity_id=t.entity_id, department_ids=depts,
            lead_department_id=t.lead_department_id, window=(start, t.due_on), team=tuple(members),
            matter_ids=tuple(matters.get(t.id, ())))))
    return out


def create_tasks(s: Session, batch: DrawBatch, departments: Sequence[BatchDepartment],
                 picks: Sequence[tuple[int, int, dict[int, tuple[int, ...]]]]) -> TaskPlan:
    """Tasks for ``picks`` of ``batch``: (drawn object id, entity id, {department: inspectors}).

    Runs in the caller's transaction; bulk writes for large draws.
    """
    dept_ids = tuple(d.department_id for d in departments)
    batch_matters = tuple(dict.fromkeys(int(m) for d in departments for m in d.matter_ids or ()))
    window = (batch.window_start, batch.window_end)
    existing = _existing_visits(s, batch, {e for _, e, _ in picks})
    new_rows: list[tuple] = []
    new_visits: dict[int, tuple[int, Visit]] = {}  # entity -> (drawn object, visit)
    merges: list[tuple[int, int, Visit, Visit]] = []  # (task, drawn object, before, after)
    for obj_id, entity_id, teams in picks:
        team = tuple((i, d) for d in dept_ids for i in teams.get(d, ()))
        visit = Visit(batch=str(batch.id), entity_id=entity_id, department_ids=dept_ids,
                      lead_department_id=batch.lead_department_id, window=window, team=team,
                      matter_ids=batch_matters)
        # The visit joins the first earlier task it merges with, as merge_joint_visits rules.
        for old in existing.get(entity_id, ()):
            merged = merge_joint_visits([old.visit, visit])
            if len(merged) == 1:
                merges.append((old.task_id, obj_id, old.visit, merged[0]))
                old.visit = merged[0]
                break
        else:
            new_visits[entity_id] = (obj_id, visit)
            new_rows.append((batch.id, entity_id, batch.lead_department_id, len(dept_ids) > 1,
                             TaskStatus.PLANNED.value, batch.window_end))
    conn = s.connection()
    load_rows(conn, InspectionTask.__table__,
              ("batch_id", "entity_id", "lead_department_id", "joint", "status", "due_on"), new_rows)
    task_of = dict(s.execute(select(InspectionTask.entity_id, InspectionTask.id)
                             .where(InspectionTask.batch_id == batch.id)).tuples().all())
    links: list[tuple[int, int]] = []
    inspectors: list[tuple[int, int]] = []
    matters: list[tuple[int, int]] = []
    for entity_id, (obj_id, visit) in new_visits.items():
        task = task_of[entity_id]
        links.append((obj_id, task))
        inspectors += [(task, i) for i in dict.fromkeys(i for i, _ in visit.team)]
        matters += [(task, m) for m in visit.matter_ids]
    for task, obj_id, before, after in merges:
        task_of[after.entity_id] = task
        links.append((obj_id, task))
        had = {i for i, _ in before.team}
        inspectors += [(task, i) for i in dict.fromkeys(i for i, _ in after.team) if i not in had]
        matters += [(task, m) for m in after.matter_ids if m not in before.matter_ids]
        s.execute(update(InspectionTask).where(InspectionTask.id == task).values(
            joint=len(after.department_ids) > 1, lead_department_id=after.lead_department_id,
            due_on=after.window[1]))
    load_rows(conn, task_drawn_objects, ("drawn_object_id", "task_id"), links)
    load_rows(conn, task_inspectors, ("task_id", "inspector_id"), inspectors)
    load_rows(conn, task_matters, ("task_id", "matter_id"), matters)
    return TaskPlan(task_of_entity=task_of, created=len(new_rows), merged=len(merges))
