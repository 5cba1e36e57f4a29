"""Joint-plan suggestions (进一次门、查多项事): departments whose separate visits fall on the
same entities, how many visits one joint batch would save, and the draft batch made in one click.
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from core.db.database import Database
from core.db.models import BatchDepartment, Department, DrawBatch, DrawPlan, DrawStatus, RegulatoryMatter
from core.db.models.inspections import task_matters

from .fetch import fetch_rows
from .period import Period
from .scope import Viewer
from .visits import load_visits

MIN_SHARED = 3  # entities two departments must both have visited separately to be suggested


@dataclass(frozen=True)
class JointSuggestion:
    """Departments (lead first) that visited ``entity_ids`` separately in ``year``.

    ``visits_now`` the separate visits they made there, ``visits_joint`` one joint visit per
    entity, ``visits_saved`` the difference. ``draft_batch_ids`` next year's draft batches of
    these departments (single-department ones that a joint batch could replace).
    """

    department_ids: tuple[int, ...]
    entity_ids: tuple[int, ...]
    visits_now: int
    visits_joint: int
    visits_saved: int
    shared_matters: tuple[str, ...]           # matter codes inspected there
    year: int = 0
    matter_ids: tuple[tuple[int, tuple[int, ...]], ...] = ()   # (department id, its matter ids)
    draft_batch_ids: tuple[int, ...] = ()


def suggest_joint(db: Database, year: int, *, min_shared: int = MIN_SHARED,
                  viewer: object | None = None) -> list[JointSuggestion]:
    """Suggestions from ``year``'s inspection history and year + 1's draft batches, most
    visits saved first. A department user (``draw.read`` joint scope) sees the suggestions its
    department is in, with the partner's visits at the entities it visited too."""
    with db.sessions() as s:
        viewer_ = Viewer(s, viewer)
        viewer_.readable(("joint_visit",))  # draw.read, or refused
        # Every department's visits count (a partner's visits are what a suggestion is made
        # of); a department is then shown only the suggestions it is in.
        v = load_visits(s, Period.year(year), Viewer(s, None))
        matter_rows = _cols(s, select(task_matters.c.task_id, task_matters.c.matter_id, RegulatoryMatter.code,
                                      RegulatoryMatter.department_id)
                            .join(RegulatoryMatter, RegulatoryMatter.id == task_matters.c.matter_id)
                            .where(task_matters.c.task_id.in_(np.unique(v.task).tolist() or [0])))
        drafts = s.execute(select(DrawBatch.id, BatchDepartment.department_id)
                           .join(DrawPlan, DrawPlan.id == DrawBatch.plan_id)
                           .join(BatchDepartment, BatchDepartment.batch_id == DrawBatch.id)
                           .where(DrawPlan.year == year + 1, DrawBatch.status == DrawStatus.DRAFT)).all()
    mine = viewer_.department_id if viewer_.principal is not None and viewer_.scope("draw.read") != "all" else None
    found = _suggest(v, matter_rows, drafts, year, max(1, int(min_shared)))
    if mine is not None:
        found = [x for x in found if mine in x.department_ids]
    return found


def _cols(s, stmt) -> list[tuple]:
    return fetch_rows(s, stmt)


def _separate(v) -> dict[int, dict[int, set[int]]]:
    """entity -> department -> its tasks there, for entities two or more departments visited."""
    out: dict[int, dict[int, set[int]]] = {}
    if not len(v):
        return out
    order = np.lexsort((v.department, v.entity))
    ent, dept, task = v.entity[order], v.department[order], v.task[order]
    starts = np.flatnonzero(np.r_[True, ent[1:] != ent[:-1]])
    ends = np.r_[starts[1:], len(ent)]
    multi = np.flatnonzero((ends - starts > 1) & (dept[np.minimum(ends - 1, len(dept) - 1)] != dept[starts]))
    for g in multi.tolist():
        by_dept: dict[int, set[int]] = {}
        for d, t in zip(dept[starts[g]:ends[g]].tolist(), task[starts[g]:ends[g]].tolist()):
            by_dept.setdefault(d, set()).add(t)
        out[int(ent[starts[g]])] = by_dept
    return out


def _suggest(v, matter_rows, drafts, year: int, min_shared: int) -> list[JointSuggestion]:
    per_entity = _separate(v)
    # Pairs of departments that both visited an entity, each on visits the other was not on.
    apart: dict[tuple[int, int], set[int]] = {}
    for entity, by_dept in per_entity.items():
        for a, b in itertools.combinations(sorted(by_dept), 2):
            if by_dept[a] - by_dept[b] and by_dept[b] - by_dept[a]:
                apart.setdefault((a, b), set()).add(entity)
    groups: dict[tuple[int, ...], set[int]] = {p: e for p, e in apart.items() if len(e) >= min_shared}
    # Grow pairs into groups of three where all three met apart at enough of the same entities.
    for (a, b), ents in list(groups.items()):
        for c in sorted({d for p in groups for d in p} - {a, b}):
            trio = tuple(sorted((a, b, c)))
            if trio in groups:
                continue
            shared = ents & apart.get(tuple(sorted((a, c))), set()) & apart.get(tuple(sorted((b, c))), set())
            if len(shared) >= min_shared:
                groups[trio] = shared
    task_matter: dict[int, list[tuple[int, str, int]]] = {}
    for task, matter, code, dept in matter_rows:
        task_matter.setdefault(task, []).append((matter, code, dept))
    draft_of: dict[int, set[int]] = {}
    for batch, dept in drafts:
        draft_of.setdefault(dept, set()).add(batch)
    out = []
    for depts, ents in groups.items():
        tasks = {t for e in ents for d in depts for t in per_entity[e].get(d, ())}
        now, joint = len(tasks), len(ents)
        by_dept: dict[int, set[int]] = {d: set() for d in depts}
        codes: set[str] = set()
        for t in tasks:
            for matter, code, dept in task_matter.get(t, ()):
                if dept in by_dept:
                    by_dept[dept].add(matter)
                    codes.add(code)
        lead = max(depts, key=lambda d: (sum(len(per_entity[e].get(d, ())) for e in ents), -d))
        ordered = (lead, *sorted(set(depts) - {lead}))
        out.append(JointSuggestion(
            ordered, tuple(sorted(ents)), now, joint, now - joint, tuple(sorted(codes)), year,
            tuple((d, tuple(sorted(by_dept[d]))) for d in ordered),
            tuple(sorted(b for d in depts for b in draft_of.get(d, ())))))
    out.sort(key=lambda x: (-x.visits_saved, -len(x.department_ids), x.department_ids))
    return out


def create_joint_draft(db: Database, actor: str, suggestion: JointSuggestion, *, name: str | None = None) -> int:
    """A draft joint batch for ``suggestion`` in a plan of year + 1 (made if none), through the
    draw services (rights-checked: ``draw.plan``; audited). Returns the batch id.

    The pool is the suggestion's entities; each department sends a team of two (行政处罚法
    Art. 42) for the matters it inspected there; the window is the second quarter of the
    plan's year. The planner adjusts the draft before locking it.
    """
    from core.services import draws

    year = (suggestion.year or dt.date.today().year) + 1
    with db.sessions() as s:
        plan_id = s.scalar(select(DrawPlan.id).where(DrawPlan.year == year).order_by(DrawPlan.id).limit(1))
        names = dict(s.execute(select(Department.id, Department.name_zh)
                               .where(Department.id.in_(suggestion.department_ids))).all())
    if plan_id is None:
        plan_id = draws.create_plan(db, actor, year=year, name=f"{year}年度跨部门联合双随机抽查计划")
    matters = dict(suggestion.matter_ids)
    title = name or f"{'、'.join(names.get(d, str(d)) for d in suggestion.department_ids)}联合抽查（进一次门、查多项事）"
    window = dt.date(year, 4, 1)
    return draws.create_batch(
        db, actor, plan_id, name=title, lead_department_id=suggestion.department_ids[0],
        window_start=window, window_end=window + dt.timedelta(days=60),
        departments=[(d, 2, list(matters.get(d, ()))) for d in suggestion.department_ids],
        pool_filter={"entity_ids": list(suggestion.entity_ids), "source": "collab.suggestion"})
