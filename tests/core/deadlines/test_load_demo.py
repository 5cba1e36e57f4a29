"""Loading every clock of the demo city (SQLite and PostgreSQL), checked row by row against a
plain-Python reading of the same tables through the ORM, and levels against the scalar calendar."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import func, select

from core.db.models import (
    Case,
    CasePause,
    Clue,
    Commitment,
    CommitmentVerification,
    DrawBatch,
    InspectionTask,
    Inspector,
    MarketEntity,
    NotificationPush,
    ResultPublication,
    Village,
)
from core.db.models.inspections import task_inspectors
from core.deadlines import (
    DeadlinePolicy,
    Kind,
    Level,
    assess,
    by_group,
    day_date,
    load_items,
)
from core.deadlines import sources as deadline_sources
from core.workdays import WorkdayCalendar

from .helpers import slow_level

TODAY = dt.date(2026, 11, 20)  # the demo's as-of day
CAL = WorkdayCalendar()
BEIJING = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture(scope="module")
def loaded(demo_db):
    return load_items(demo_db, calendar=CAL)


def beijing(t: dt.datetime | None) -> dt.date | None:
    if t is None:
        return None
    return (t.astimezone(BEIJING) if t.tzinfo else t + dt.timedelta(hours=8)).date()


def reference(db) -> dict[tuple[int, int], tuple]:
    """{(kind, id): (start, due, done, department, town code, person)}, the rules in plain words."""
    out: dict[tuple[int, int], tuple] = {}
    with db.sessions() as s:
        town_of_entity = dict(s.execute(select(MarketEntity.id, MarketEntity.town_code)).tuples().all())
        town_of_village = dict(s.execute(select(Village.code, Village.town_code)).tuples().all())
        for c in s.scalars(select(Clue)):
            final = c.state.value in ("closed", "duplicate")
            done = (beijing(c.closed_at) or c.due_on) if final else None
            town = town_of_entity.get(c.entity_id) or town_of_village.get(c.source_village_code)
            out[Kind.CLUE_HANDLING, c.id] = (beijing(c.received_at), c.due_on, done, c.department_id, town,
                                             c.handler_user_id)
        for p in s.scalars(select(NotificationPush)):
            done = p.claimed_on or (p.claim_due if p.status.value == "claimed" else None)
            dept = None if p.status.value == "returned" else p.department_id
            out[Kind.PUSH_CLAIM, p.id] = (p.pushed_on, p.claim_due, done, dept, town_of_entity[p.entity_id], None)
        for v, c in s.execute(select(CommitmentVerification, Commitment).join(Commitment)).tuples():
            out[Kind.COMMITMENT_VERIFICATION, v.id] = (c.fulfil_by, v.due_on, v.done_on, c.department_id,
                                                       town_of_entity[c.entity_id], v.inspector_id)
        dept_of_inspector = dict(s.execute(select(Inspector.id, Inspector.department_id)).tuples().all())
        team: dict[int, list[int]] = {}
        for task_id, inspector_id in s.execute(select(task_inspectors.c.task_id, task_inspectors.c.inspector_id)):
            team.setdefault(task_id, []).append(inspector_id)
        windows = dict(s.execute(select(DrawBatch.id, DrawBatch.window_start)).tuples().all())
        tasks = {t.id: t for t in s.scalars(select(InspectionTask))}
        for t in tasks.values():
            if t.status.value == "cancelled":
                continue
            members = team.get(t.id, [])
            lead = [i for i in members if dept_of_inspector[i] == t.lead_department_id]
            person = min(lead) if lead else (min(members) if members else None)
            done = t.done_on or (t.due_on if t.status.value == "done" else None)
            out[Kind.INSPECTION_TASK, t.id] = (windows.get(t.batch_id, t.due_on), t.due_on, done,
                                               t.lead_department_id, town_of_entity[t.entity_id], person)
        published = dict(s.execute(select(ResultPublication.task_id, ResultPublication.published_on)).tuples().all())
        for t in tasks.values():  # one results clock per formed result: 20 working days to publish it
            if t.status.value == "done" and t.done_on is not None:
                out[Kind.RESULTS_PUBLICATION, t.id] = (t.done_on, CAL.add_working_days(t.done_on, 20).date,
                                                       published.get(t.id), t.lead_department_id,
                                                       town_of_entity[t.entity_id], None)
        # An open pause (规定 Art. 64) moves the due day by each day it has lasted, its first included.
        today = dt.date(1970, 1, 1) + dt.timedelta(days=deadline_sources._today())
        paused = dict(s.execute(select(CasePause.case_id, CasePause.started_on)
                                .where(CasePause.ended_on.is_(None))).tuples().all())
        for c in s.scalars(select(Case)):
            done = c.decided_on or (c.decision_due if c.status.value in ("decided", "closed") else None)
            lasted = max(0, (today - paused[c.id]).days + 1) if c.id in paused else 0
            out[Kind.CASE_DECISION, c.id] = (c.filed_on, c.decision_due + dt.timedelta(days=lasted), done,
                                             c.department_id, town_of_entity[c.entity_id], None)
    return out


def test_every_kind_is_there_with_the_table_counts(demo_db, loaded):
    counts = loaded.kinds()
    with demo_db.sessions() as s:
        def n(stmt):
            return s.scalar(stmt)
        assert counts[Kind.CLUE_HANDLING] == n(select(func.count()).select_from(Clue))
        assert counts[Kind.PUSH_CLAIM] == n(select(func.count()).select_from(NotificationPush))
        assert counts[Kind.COMMITMENT_VERIFICATION] == n(select(func.count()).select_from(CommitmentVerification))
        assert counts[Kind.INSPECTION_TASK] == n(select(func.count()).select_from(InspectionTask)
                                                 .where(InspectionTask.status != "cancelled"))
        assert counts[Kind.RESULTS_PUBLICATION] == n(select(func.count()).select_from(InspectionTask)
                                                     .where(InspectionTask.status == "done",
                                                            InspectionTask.done_on.is_not(None)))
        assert counts[Kind.CASE_DECISION] == n(select(func.count()).select_from(Case))
    # 3000 entities: ~300 pushes, ~90 clues, dozens of verifications and tasks, a few cases,
    # and the draw the demo makes through the real draw service (results due in 2027).
    assert all(counts[k] > 0 for k in Kind), counts
    assert counts[Kind.PUSH_CLAIM] > counts[Kind.CLUE_HANDLING] > counts[Kind.CASE_DECISION]
    assert (loaded.start <= loaded.due).all()
    done = loaded.done >= 0
    assert (loaded.done[done] >= loaded.start[done]).all()
    assert (loaded.town >= 0).all()
    assert len(loaded.town_codes) == 14  # 8 streets and 6 towns of Yiwu


def test_every_row_matches_the_plain_reading(demo_db, loaded):
    want = reference(demo_db)
    assert len(want) == len(loaded)
    for i in range(len(loaded)):
        key = (Kind(int(loaded.kind[i])), int(loaded.item_id[i]))
        start, due, done, dept, town, person = want[key]
        t = int(loaded.town[i])

        def opt(v):
            return None if v < 0 else int(v)
        got = (day_date(loaded.start[i]), day_date(loaded.due[i]),
               day_date(loaded.done[i]) if loaded.done[i] >= 0 else None, opt(loaded.department[i]),
               loaded.town_codes[t] if t >= 0 else None, opt(loaded.person[i]))
        assert got == (start, due, done, dept, town, person), key


def test_levels_agree_with_the_scalar_calendar_on_every_row(loaded):
    policy = DeadlinePolicy()
    for today in (TODAY, dt.date(2026, 10, 9), dt.date(2027, 5, 31)):
        a = assess(loaded, today, CAL, policy)
        for i in range(len(loaded)):
            done = day_date(loaded.done[i]) if loaded.done[i] >= 0 else None
            want = slow_level(int(loaded.kind[i]), day_date(loaded.due[i]), done, today, policy,
                              workdays=lambda a_, b_: CAL.working_days_between(a_, b_).days)
            assert (Level(int(a.levels[i])), int(a.overdue_days[i])) == want


def test_the_demo_figures_are_plausible(loaded):
    a = assess(loaded, TODAY, CAL)
    kinds = {r.key: r for r in by_group(loaded, a, "kind")}
    pushes = kinds["push_claim"]
    assert pushes.on_time_rate > 0.85  # the demo claims ~95% in time
    results = kinds["results_publication"]
    assert results.open >= 1 and results.done >= 1  # the demo publishes some results and leaves some pending
    assert np.isin(a.levels, list(Level)).all()
