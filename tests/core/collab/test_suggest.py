"""Joint-plan suggestions on a hand-built history: B and C visit the same three entities apart."""
import datetime as dt

import pytest
from sqlalchemy import func, insert, select

from core.collab import create_joint_draft, suggest_joint
from core.db.models import (
    AuditEntry,
    BatchDepartment,
    DrawBatch,
    InspectionTask,
    MarketEntity,
    RegulatoryMatter,
)
from core.db.models.inspections import task_matters
from core.errors import PermissionDenied
from core.services import draws
from tests.support.accounts import account

from .history import build


@pytest.fixture
def apart(db):
    """The history, plus B and C visiting three entities separately in 2025."""
    hist = build(db)
    with db.bootstrap_uow("test-setup") as uow:
        s = uow.session
        entities = list(s.scalars(select(MarketEntity.id).order_by(MarketEntity.id)))[:3]
        matter = {d: s.scalar(select(RegulatoryMatter.id).where(RegulatoryMatter.department_id == d)
                              .order_by(RegulatoryMatter.id).limit(1)) for d in (hist.b, hist.c)}
        for dept in (hist.b, hist.c):
            for k, entity in enumerate(entities):
                task = InspectionTask(entity_id=entity, lead_department_id=dept, joint=False, status="done",
                                      due_on=dt.date(2025, 6, 30), done_on=dt.date(2025, 6, 2 + k))
                s.add(task)
                s.flush()
                s.execute(insert(task_matters), [{"task_id": task.id, "matter_id": matter[dept]}])
        uow.commit()
    planner = account(db, "planner", "planner")
    plan = draws.create_plan(db, planner, year=2026, name="2026年度计划")
    draft = draws.create_batch(db, planner, plan, name="卫健局单独抽查", lead_department_id=hist.b,
                               window_start=dt.date(2026, 3, 1), window_end=dt.date(2026, 4, 30),
                               departments=[(hist.b, 2, [matter[hist.b]])])
    return hist, entities, matter, draft


def test_departments_visiting_the_same_entities_apart_are_suggested(db, apart):
    hist, entities, matter, draft = apart
    found = suggest_joint(db, 2025)
    assert len(found) == 1  # A and D went together (no saving); A and B met at one entity only
    s = found[0]
    assert set(s.department_ids) == {hist.b, hist.c}
    assert s.entity_ids == tuple(sorted(entities))
    assert (s.visits_now, s.visits_joint, s.visits_saved) == (6, 3, 3)
    assert len(s.shared_matters) == 2 and s.draft_batch_ids == (draft,)
    assert dict(s.matter_ids) == {hist.b: (matter[hist.b],), hist.c: (matter[hist.c],)}
    assert suggest_joint(db, 2025, min_shared=4) == []
    assert suggest_joint(db, 2024) == []


def test_a_department_sees_the_suggestions_it_is_in(db, apart):
    hist = apart[0]
    assert len(suggest_joint(db, 2025, viewer=account(db, "wjj", "department", department=hist.b))) == 1
    assert suggest_joint(db, 2025, viewer=account(db, "fire", "department", department=hist.d)) == []
    with pytest.raises(PermissionDenied):
        suggest_joint(db, 2025, viewer=account(db, "t1", "town", town="330782001"))


def test_the_suggestion_becomes_a_draft_joint_batch_in_one_click(db, apart):
    hist, entities, matter, _ = apart
    suggestion = suggest_joint(db, 2025)[0]
    with pytest.raises(PermissionDenied):
        create_joint_draft(db, account(db, "wjj", "department", department=hist.b), suggestion)
    before = _audits(db)
    batch_id = create_joint_draft(db, "planner", suggestion)
    with db.sessions() as s:
        batch = s.get(DrawBatch, batch_id)
        parts = dict(s.execute(select(BatchDepartment.department_id, BatchDepartment.matter_ids)
                               .where(BatchDepartment.batch_id == batch_id)).all())
        year = s.scalar(select(func.count()).select_from(DrawBatch).where(DrawBatch.plan_id == batch.plan_id))
    assert batch.status == "draft" and batch.lead_department_id == suggestion.department_ids[0]
    assert batch.pool_filter["entity_ids"] == sorted(entities)
    assert parts == {hist.b: [matter[hist.b]], hist.c: [matter[hist.c]]}
    assert year == 2  # into next year's existing plan, beside the draft it replaces
    assert "联合" in batch.name
    assert _audits(db) > before


def _audits(db):
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))
