"""Services behind the map: wall pushes, map selections as draw pools, town measures."""
import datetime as dt

import pytest
from sqlalchemy import func, select, text

from core.db.models import AuditEntry, Department, DrawBatch, DrawPlan, DrawStatus
from core.errors import NotFound, ValidationError
from core.services import draw_pool, map_layers, wall
from core.services.wall_figures import beijing_today
from core.workdays import default_calendar


def scalar(db, sql):
    with db.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def audit_count(db, action):
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))


def test_push_to_wall_keeps_history_and_is_audited(demo_db):
    before = audit_count(demo_db, "wall.push")
    first = wall.push_view(demo_db, "leader", workspace="map", title="全市风险分布", view={"zoom": 11})
    second = wall.push_view(demo_db, "operator", workspace="map", title="稠城街道", view={"zoom": 14, "town": "330782001"})
    assert wall.latest_view(demo_db, workspace="map") == second
    assert second.id > first.id and second.view == {"zoom": 14, "town": "330782001"}
    assert wall.latest_view(demo_db, workspace="no-such") is None
    assert audit_count(demo_db, "wall.push") == before + 2
    with pytest.raises(ValidationError, match="title"):
        wall.push_view(demo_db, "leader", workspace="map", title="  ", view={})


@pytest.fixture
def draft_batch(demo_db):
    with demo_db.bootstrap_uow("planner") as uow:
        dept = uow.session.scalars(select(Department).order_by(Department.id)).first()
        plan = DrawPlan(year=2027, name="测试计划", created_by="planner")
        uow.session.add(plan)
        uow.session.flush()
        batch = DrawBatch(plan_id=plan.id, name="地图圈选批次", lead_department_id=dept.id,
                          window_start=dt.date(2027, 3, 1), window_end=dt.date(2027, 4, 30),
                          status=DrawStatus.DRAFT)
        uow.session.add(batch)
        uow.session.flush()
        batch_id = batch.id
        uow.commit()
    return batch_id


def test_selection_becomes_a_draft_batch_pool(demo_db, draft_batch):
    ids = [row for row in range(1, 60)]
    assert any(b.id == draft_batch for b in draw_pool.draft_batches(demo_db))
    n = draw_pool.set_pool(demo_db, "planner", draft_batch, ids + ids[:5], source={"kind": "rectangle"})
    assert n == len(ids)
    with demo_db.sessions() as s:
        batch = s.get(DrawBatch, draft_batch)
        assert batch.pool_count == len(ids)
        assert batch.pool_filter == {"source": {"kind": "rectangle"}, "entity_ids": ids}
    with pytest.raises(ValidationError, match="no longer exist"):
        draw_pool.set_pool(demo_db, "planner", draft_batch, [1, 10**9], source={})
    with pytest.raises(ValidationError, match="empty"):
        draw_pool.set_pool(demo_db, "planner", draft_batch, [], source={})
    with pytest.raises(NotFound):
        draw_pool.set_pool(demo_db, "planner", 10**9, [1], source={})
    with demo_db.bootstrap_uow("planner") as uow:
        uow.session.get(DrawBatch, draft_batch).status = DrawStatus.LOCKED
        uow.commit()
    with pytest.raises(ValidationError, match="locked"):
        draw_pool.set_pool(demo_db, "planner", draft_batch, [1], source={})
    assert all(b.id != draft_batch for b in draw_pool.draft_batches(demo_db))
    with demo_db.sessions() as s:  # the refused calls changed nothing
        assert s.get(DrawBatch, draft_batch).pool_count == len(ids)


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def test_town_measures_match_sql(demo_db):
    today = dt.date(2027, 3, 1)  # the demo is as of 2026-11-20: by then open work is overdue
    open_states = "('closed','duplicate')"
    by_town = map_layers.open_clues_by_town(demo_db)
    assert sum(by_town.values()) == scalar(demo_db, f"SELECT COUNT(*) FROM clues WHERE state NOT IN {open_states}")
    overdue = map_layers.overdue_by_town(demo_db, today)
    # Every clock the deadline engine follows, counted in plain SQL (open, due before today, town known).
    expected = sum(scalar(demo_db, sql) for sql in (
        f"SELECT COUNT(*) FROM clues c LEFT JOIN market_entities e ON e.id = c.entity_id LEFT JOIN villages v "
        f"ON v.code = c.source_village_code WHERE c.state NOT IN {open_states} AND c.due_on < '{today}' "
        f"AND COALESCE(e.town_code, v.town_code) IS NOT NULL",
        f"SELECT COUNT(*) FROM notification_pushes WHERE status IN ('pending', 'returned') AND claim_due < '{today}'",
        f"SELECT COUNT(*) FROM commitment_verifications WHERE done_on IS NULL AND due_on < '{today}'",
        f"SELECT COUNT(*) FROM inspection_tasks WHERE status NOT IN ('done', 'cancelled') AND done_on IS NULL "
        f"AND due_on < '{today}'",
    ))
    # A case's decision is due on decision_due, moved on by the days of a pause still open, counted
    # to today in Beijing (the pause lasts while the case waits: see core.deadlines.sources).
    paused_days = (beijing_today() - dt.date(1970, 1, 1)).days
    with demo_db.engine.connect() as conn:
        open_cases = conn.exec_driver_sql(
            "SELECT c.decision_due, (SELECT MIN(p.started_on) FROM case_pauses p WHERE p.case_id = c.id "
            "AND p.ended_on IS NULL) FROM cases c WHERE c.status = 'filed' AND c.decided_on IS NULL").all()
    for due, since in open_cases:
        lasted = paused_days - (_as_date(since) - dt.date(1970, 1, 1)).days + 1 if since is not None else 0
        expected += _as_date(due) + dt.timedelta(days=max(lasted, 0)) < today
    # Each inspection result must be published within 20 working days of being formed (its task's done_on).
    calendar = default_calendar()
    with demo_db.engine.connect() as conn:
        formed = conn.exec_driver_sql(
            "SELECT t.done_on FROM inspection_tasks t WHERE t.status = 'done' AND t.done_on IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM result_publications p WHERE p.task_id = t.id)").scalars().all()
    expected += sum(calendar.add_working_days(_as_date(d), 20).date < today for d in formed)
    assert sum(overdue.values()) == expected > 0
    markers = map_layers.open_clue_markers(demo_db, today)
    placed = scalar(demo_db, f"SELECT COUNT(*) FROM clues c LEFT JOIN market_entities e ON e.id = c.entity_id "
                             f"WHERE c.state NOT IN {open_states} AND COALESCE(c.lat, e.lat) IS NOT NULL")
    assert len(markers.ids) == len(markers.lats) == len(markers.overdue) == placed
    assert sum(markers.overdue) == scalar(
        demo_db, f"SELECT COUNT(*) FROM clues c LEFT JOIN market_entities e ON e.id = c.entity_id WHERE c.state "
                 f"NOT IN {open_states} AND COALESCE(c.lat, e.lat) IS NOT NULL AND c.due_on < '{today}'")


def test_drawn_batches_and_their_entities(demo_db):
    batches = map_layers.drawn_batches(demo_db)
    assert batches and all(b.drawn > 0 for b in batches)
    ids = map_layers.drawn_entity_ids(demo_db, batches[0].id)
    assert len(ids) == batches[0].drawn
