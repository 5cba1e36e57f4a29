"""Inspection tasks from draws: joint visits across batches, teams, avoidance, results, clues."""
import datetime as dt
from collections import defaultdict

import pytest
from sqlalchemy import select

from tests.support.accounts import task_user
from core.db.models import (
    BatchDepartment,
    ChecklistItem,
    Clue,
    ClueEvent,
    DrawnObject,
    DrawTeamMember,
    EntityRecord,
    InspectionTask,
    Inspector,
    InspectorConflict,
    MarketEntity,
    task_drawn_objects,
    task_inspectors,
    task_matters,
)
from core.errors import ValidationError
from core.services import draws

from .helpers import ALL, batch, declare_conflicts, dept, lock_and_draw, plan, town_with


def tasks_of_plan(db, plan_id):
    """entity -> [(task id, due_on, joint, lead, {inspectors}, {matters})] for the plan's drawn objects."""
    from core.db.models import DrawBatch

    with db.sessions() as s:
        rows = s.execute(select(DrawnObject.entity_id, task_drawn_objects.c.task_id)
                         .join(task_drawn_objects, task_drawn_objects.c.drawn_object_id == DrawnObject.id)
                         .join(DrawBatch, DrawBatch.id == DrawnObject.batch_id)
                         .where(DrawBatch.plan_id == plan_id)).all()
        out = defaultdict(set)
        for entity, task in rows:
            out[entity].add(task)
        detail = {}
        for task in {t for ts in out.values() for t in ts}:
            t = s.get(InspectionTask, task)
            inspectors = set(s.scalars(select(task_inspectors.c.inspector_id).where(task_inspectors.c.task_id == task)))
            matter_ids = set(s.scalars(select(task_matters.c.matter_id).where(task_matters.c.task_id == task)))
            detail[task] = (t.entity_id, t.due_on, t.joint, t.lead_department_id, inspectors, matter_ids)
        return out, detail


def test_overlapping_batches_of_a_plan_merge_into_one_joint_visit(demo_db):
    village = town_with(demo_db)
    p = plan(demo_db)
    first = batch(demo_db, p, depts=(("SCJG", 2, 1), ("WJJ", 2, 1)), pool={"village_codes": [village]},
                  sampling=ALL, window=(dt.date(2027, 3, 1), dt.date(2027, 4, 30)))
    second = batch(demo_db, p, depts=(("XZZF", 2, 1),), pool={"village_codes": [village]}, sampling=ALL,
                   window=(dt.date(2027, 4, 1), dt.date(2027, 5, 31)))
    later = batch(demo_db, p, depts=(("SCJG", 2, 1),), pool={"village_codes": [village]}, sampling=ALL,
                  window=(dt.date(2027, 9, 1), dt.date(2027, 9, 30)))
    a = lock_and_draw(demo_db, first)
    b = lock_and_draw(demo_db, second, kind="rfc3797")
    c = lock_and_draw(demo_db, later)
    entities = {x.entity_id for x in a.picks}
    assert entities == {x.entity_id for x in b.picks} == {x.entity_id for x in c.picks}
    assert a.tasks_created == len(entities) and b.tasks_created == 0 and b.tasks_merged == len(entities)
    assert c.tasks_created == len(entities) and c.tasks_merged == 0  # September overlaps nothing
    by_entity, detail = tasks_of_plan(demo_db, p)
    with demo_db.sessions() as s:
        all_matters = defaultdict(set)
        for bd in s.scalars(select(BatchDepartment).where(BatchDepartment.batch_id.in_([first, second]))):
            all_matters[bd.batch_id] |= set(bd.matter_ids)
        dept_of = dict(s.execute(select(Inspector.id, Inspector.department_id)).tuples().all())
    for entity in entities:
        assert len(by_entity[entity]) == 2  # one spring visit (merged) and one in September
        spring = next(t for t in by_entity[entity] if detail[t][1] != dt.date(2027, 9, 30))
        _, due, joint, lead, inspectors, matter_ids = detail[spring]
        assert due == dt.date(2027, 4, 30) and joint and lead == dept(demo_db, "SCJG")
        assert matter_ids == all_matters[first] | all_matters[second]
        assert sorted(dept_of[i] for i in inspectors).count(dept(demo_db, "XZZF")) == 2
        assert len(inspectors) == 6
        mine = next(x for x in a.picks if x.entity_id == entity)
        assert mine.task_id == spring == next(x for x in b.picks if x.entity_id == entity).task_id
    detail_a = draws.batch_detail(demo_db, first)
    assert detail_a.task_count == len(entities) and detail_a.tasks_done == 0


def test_a_batch_of_another_plan_keeps_its_own_tasks(demo_db):
    village = town_with(demo_db)
    first = batch(demo_db, plan(demo_db), pool={"village_codes": [village]}, sampling=ALL)
    other = batch(demo_db, plan(demo_db), depts=(("WJJ", 2, 1),), pool={"village_codes": [village]}, sampling=ALL)
    a = lock_and_draw(demo_db, first)
    b = lock_and_draw(demo_db, other)
    assert b.tasks_merged == 0 and b.tasks_created == len(b.picks)
    assert {x.task_id for x in a.picks}.isdisjoint({x.task_id for x in b.picks})


def test_teams_obey_team_size_and_declared_conflicts_on_every_task(demo_db):
    village = town_with(demo_db, nth=1)  # a village no other test here draws: conflicts stay local
    with demo_db.sessions() as s:
        pool = sorted(s.scalars(select(MarketEntity.id).where(MarketEntity.village_code == village,
                                                              MarketEntity.status == "active")))
        scjg = sorted(s.scalars(select(Inspector.id).where(Inspector.department_id == dept(demo_db, "SCJG"),
                                                           Inspector.active.is_(True))))
    # Every SCJG inspector but three has a conflict with the first entity; the first two with all.
    pairs = [(i, pool[0]) for i in scjg[3:]] + [(i, e) for i in scjg[:2] for e in pool[1:6]]
    declare_conflicts(demo_db, pairs)
    b = batch(demo_db, plan(demo_db), depts=(("SCJG", 3, 1), ("WJJ", 2, 1)), pool={"village_codes": [village]},
              sampling=ALL, avoidance={"declared_conflicts": True, "last_inspection": False})
    drawn = lock_and_draw(demo_db, b)
    assert drawn.alternates > 0
    with demo_db.sessions() as s:
        conflicts = set(s.execute(select(InspectorConflict.inspector_id, InspectorConflict.entity_id)).tuples())
        members = s.execute(select(DrawnObject.entity_id, DrawTeamMember.inspector_id, DrawTeamMember.department_id)
                            .join(DrawnObject, DrawnObject.id == DrawTeamMember.drawn_object_id)
                            .where(DrawnObject.batch_id == b)).all()
        task_rows = s.execute(select(InspectionTask.entity_id, task_inspectors.c.inspector_id)
                              .join(task_inspectors, task_inspectors.c.task_id == InspectionTask.id)
                              .where(InspectionTask.id.in_({p.task_id for p in drawn.picks}))).all()
    sizes = defaultdict(int)
    for entity, inspector, department in members:
        sizes[(entity, department)] += 1
        assert (inspector, entity) not in conflicts
    assert set(sizes.values()) == {2, 3}
    assert all(n == (3 if d == dept(demo_db, "SCJG") else 2) for (_, d), n in sizes.items())
    assert len(sizes) == 2 * len(drawn.picks)
    assert task_rows and all((i, e) not in conflicts for e, i in task_rows)
    first = next(p for p in drawn.picks if p.entity_id == pool[0])
    assert {m.inspector_id for m in first.team if m.department_id == dept(demo_db, "SCJG")} == set(scjg[:3])


def test_results_item_by_item_then_done(demo_db):
    b = batch(demo_db, plan(demo_db), depts=(("SCJG", 2, 2), ("WJJ", 2, 1)))
    drawn = lock_and_draw(demo_db, b)
    task_id = drawn.picks[0].task_id
    checklist = draws.task_checklist(demo_db, task_id)
    assert checklist.status == "planned" and checklist.recorded == 0 and len(checklist.items) >= 3
    assert {i.department_id for i in checklist.items} == {dept(demo_db, "SCJG"), dept(demo_db, "WJJ")}
    assert len(checklist.inspectors) == 4
    first, *rest = checklist.items
    r = draws.record_result(demo_db, task_user(demo_db, task_id), task_id, first.item_id, "fail", "抽检记录不全")
    assert r.task_status == "in_progress" and r.remaining == len(rest) and r.clue_id is None
    r = draws.record_result(demo_db, task_user(demo_db, task_id), task_id, first.item_id, "pass")  # corrected before done
    with pytest.raises(ValidationError, match="pass, fail or na"):
        draws.record_result(demo_db, task_user(demo_db, task_id), task_id, first.item_id, "ok")
    with pytest.raises(ValidationError, match="only a failed item"):
        draws.record_result(demo_db, task_user(demo_db, task_id), task_id, first.item_id, "pass", open_clue=True)
    with demo_db.sessions() as s:
        foreign = s.scalar(select(ChecklistItem.id).where(ChecklistItem.matter_id.not_in(
            {i.matter_id for i in checklist.items})).limit(1))
    with pytest.raises(ValidationError, match="not on task"):
        draws.record_result(demo_db, task_user(demo_db, task_id), task_id, foreign, "pass")
    for item in rest[:-1]:
        draws.record_result(demo_db, task_user(demo_db, task_id), task_id, item.item_id, "na")
    done = draws.record_result(demo_db, task_user(demo_db, task_id), task_id, rest[-1].item_id, "pass", on=dt.date(2027, 3, 15))
    assert done.task_status == "done" and done.remaining == 0
    checklist = draws.task_checklist(demo_db, task_id)
    assert checklist.done_on == dt.date(2027, 3, 15) and checklist.recorded == len(checklist.items)
    assert checklist.items[0].outcome == "pass"
    with demo_db.sessions() as s:
        record = s.scalars(select(EntityRecord).where(EntityRecord.ref_no == f"JC{task_id:06d}")).one()
        assert record.kind.value == "inspection" and record.outcome == "未发现问题"
    with pytest.raises(ValidationError, match="done"):
        draws.record_result(demo_db, task_user(demo_db, task_id), task_id, first.item_id, "fail")
    assert draws.batch_detail(demo_db, b).tasks_done == 1


def test_failed_item_opens_a_clue_for_the_matters_department(demo_db):
    b = batch(demo_db, plan(demo_db), depts=(("SCJG", 2, 1), ("WJJ", 2, 1)))
    drawn = lock_and_draw(demo_db, b)
    task_id = drawn.picks[0].task_id
    items = draws.task_checklist(demo_db, task_id).items
    wjj_item = next(i for i in items if i.department_id == dept(demo_db, "WJJ"))
    r = draws.record_result(demo_db, task_user(demo_db, task_id), task_id, wjj_item.item_id, "fail", "未公示卫生许可证", open_clue=True)
    assert r.clue_id and r.clue_ref.startswith("XS")
    with demo_db.sessions() as s:
        clue = s.get(Clue, r.clue_id)
        entity = s.get(MarketEntity, drawn.picks[0].entity_id)
        assert clue.source.value == "inspection" and clue.entity_id == entity.id
        assert clue.matter_id == wjj_item.matter_id and clue.department_id == dept(demo_db, "WJJ")
        assert clue.state.value == "assigned" and clue.source_village_code == entity.village_code
        assert clue.due_on > clue.received_at.date() and "未公示卫生许可证" in clue.description
        events = [e.to_state for e in s.scalars(select(ClueEvent).where(ClueEvent.clue_id == clue.id)
                                                .order_by(ClueEvent.id))]
        assert events == ["received", "assigned"]
    for item in items:
        if item.item_id != wjj_item.item_id:
            draws.record_result(demo_db, task_user(demo_db, task_id), task_id, item.item_id, "pass")
    with demo_db.sessions() as s:
        record = s.scalars(select(EntityRecord).where(EntityRecord.ref_no == f"JC{task_id:06d}")).one()
        assert record.outcome == "发现问题 1 项"
