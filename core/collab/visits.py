"""Who visited which entity in a period: (task, entity, department) for every department on an
inspection task -- its lead, the departments of its inspectors, and the departments of every
batch merged into it (task_drawn_objects) -- read under ``draw.read``."""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from sqlalchemy import String, cast, func, select, union, union_all
from sqlalchemy.orm import Session

from core.db.models import BatchDepartment, DrawnObject, InspectionTask, Inspector
from core.db.models.draws import task_drawn_objects
from core.db.models.inspections import task_inspectors
from core.rights import ALL

from .fetch import fetch_columns
from .period import Period
from .scope import Viewer


@dataclass(frozen=True)
class Visits:
    """Parallel columns: one row per (task, department); tasks carry their entity, lead, days."""

    task: np.ndarray
    department: np.ndarray
    entity: np.ndarray
    lead: np.ndarray
    due: np.ndarray      # datetime64[D]
    done: np.ndarray     # datetime64[D], NaT while not done

    def __len__(self) -> int:
        return len(self.task)


def task_day():
    """The day a task counts on: when it was done, else when it is due."""
    return func.coalesce(InspectionTask.done_on, InspectionTask.due_on)


def load_visits(s: Session, period: Period, viewer: Viewer, *, partners=None, limit: int | None = None) -> Visits:
    """Every (task, department) of the tasks of ``period`` the viewer may read.

    ``partners`` (a click on the graph) reads only the departments other than each task's
    lead, those meeting ``partners(lead, department)`` (an SQL condition on the two columns),
    and with ``limit`` only the newest ``limit`` of them (by the task's day, then id).
    """
    scope = viewer.scope("draw.read")
    day = task_day()
    in_period = (day >= period.start, day <= period.end)
    by_inspector = (select(task_inspectors.c.task_id, Inspector.department_id)
                    .join(Inspector, Inspector.id == task_inspectors.c.inspector_id)
                    .join(InspectionTask, InspectionTask.id == task_inspectors.c.task_id).where(*in_period))
    by_batch = (select(task_drawn_objects.c.task_id, BatchDepartment.department_id)
                .join(DrawnObject, DrawnObject.id == task_drawn_objects.c.drawn_object_id)
                .join(BatchDepartment, BatchDepartment.batch_id == DrawnObject.batch_id)
                .join(InspectionTask, InspectionTask.id == task_drawn_objects.c.task_id).where(*in_period))
    if scope is None:
        v = _visits([[] for _ in range(6)])
    elif partners is None:
        v = _every_visit(s, in_period, by_inspector, by_batch)
    else:  # the lead's own row is never a partner's: two branches, each filtered before the union
        lead = InspectionTask.lead_department_id
        pairs = union(by_inspector.where(Inspector.department_id != lead, partners(lead, Inspector.department_id)),
                      by_batch.where(BatchDepartment.department_id != lead,
                                     partners(lead, BatchDepartment.department_id))).subquery()
        stmt = (select(pairs.c.task_id, pairs.c.department_id, InspectionTask.entity_id,
                       InspectionTask.lead_department_id, cast(InspectionTask.due_on, String),
                       cast(InspectionTask.done_on, String))
                .join(InspectionTask, InspectionTask.id == pairs.c.task_id))
        if limit is not None:
            stmt = stmt.order_by(day.desc(), pairs.c.task_id.desc(), pairs.c.department_id).limit(limit)
        else:
            stmt = stmt.order_by(pairs.c.task_id, pairs.c.department_id)
        v = _visits(fetch_columns(s, stmt, 6))
    if scope is None or scope == ALL or not len(v):
        return v
    mine = viewer.department_id
    # The lead is on every task: its tasks are known from ``lead`` even without its own row.
    tasks = np.unique(v.task[(v.department == mine) | (v.lead == mine)]) if mine is not None else np.empty(0, np.int64)
    keep = np.isin(v.task, tasks)  # a department sees the visits it takes part in (JOINT)
    return Visits(*(getattr(v, f)[keep] for f in Visits.__dataclass_fields__))


def _visits(cols) -> Visits:
    return Visits(np.array(cols[0], dtype=np.int64), np.array(cols[1], dtype=np.int64),
                  np.array(cols[2], dtype=np.int64), np.array(cols[3], dtype=np.int64),
                  np.array(cols[4], dtype="datetime64[D]"), np.array(cols[5], dtype="datetime64[D]"))


def _every_visit(s: Session, in_period, by_inspector, by_batch) -> Visits:
    """Each task of the period with its lead, and the other departments on it (its inspectors'
    and its merged batches'), read as two plain lists and put together here: cheaper than
    letting the database join and deduplicate them."""
    tasks, entity, lead, due, done = fetch_columns(s, select(
        InspectionTask.id, InspectionTask.entity_id, InspectionTask.lead_department_id,
        cast(InspectionTask.due_on, String), cast(InspectionTask.done_on, String))
        .where(*in_period).order_by(InspectionTask.id), 5)
    if not tasks:
        return _visits([[] for _ in range(6)])
    other_task, other_dept = fetch_columns(s, union_all(by_inspector, by_batch), 2)
    task_ids, leads = np.array(tasks, dtype=np.int64), np.array(lead, dtype=np.int64)
    task_of = np.concatenate([task_ids, np.array(other_task, dtype=np.int64)])
    dept_of = np.concatenate([leads, np.array(other_dept, dtype=np.int64)])
    width = int(dept_of.max()) + 1
    code = np.unique(task_of * width + dept_of)  # sorted by task, then department; each pair once
    task_of, dept_of = code // width, code % width
    at = np.searchsorted(task_ids, task_of)
    return Visits(task_of, dept_of, np.array(entity, dtype=np.int64)[at], leads[at],
                  np.array(due, dtype="datetime64[D]")[at], np.array(done, dtype="datetime64[D]")[at])


def meetings(v: Visits) -> dict[tuple[str, str], int]:
    """Department pairs -> how many entities both visited (together or apart)."""
    if not len(v):
        return {}
    pairs = np.unique(np.stack([v.entity, v.department], axis=1), axis=0)
    out: dict[tuple[str, str], int] = {}
    starts = np.flatnonzero(np.r_[True, pairs[1:, 0] != pairs[:-1, 0]])
    ends = np.r_[starts[1:], len(pairs)]
    for a, b in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
        for d1, d2 in itertools.combinations(pairs[a:b, 1].tolist(), 2):
            key = (f"dept:{d1}", f"dept:{d2}")
            out[key] = out.get(key, 0) + 1
    return out
