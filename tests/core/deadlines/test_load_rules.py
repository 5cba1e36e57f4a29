"""The loading rules on hand-made rows (SQLite and PostgreSQL): Beijing days, missing due
dates, returned pushes, cancelled tasks, the inspector who answers for a task, and when a
batch's results are done."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert

from core.db.models import (
    Case,
    Clue,
    Commitment,
    CommitmentVerification,
    Department,
    DrawBatch,
    DrawnObject,
    DrawPlan,
    DrawRecord,
    Industry,
    InspectionTask,
    Inspector,
    MarketEntity,
    NotificationPush,
    ResultPublication,
    Role,
    Town,
    User,
    Village,
)
from core.db.models.draws import task_drawn_objects
from core.db.models.inspections import task_inspectors
from core.deadlines import (
    DONE_DATE_ASSUMED,
    DUE_COMPUTED,
    DeadlinePolicy,
    Kind,
    day_date,
    load_items,
)
from core.workdays import WorkdayCalendar

D = dt.date
UTC = dt.UTC
CAL = WorkdayCalendar()


def _rows(conn, table, rows):
    conn.execute(insert(table), rows)


@pytest.fixture
def crafted(db):
    with db.engine.begin() as c:
        _rows(c, Town.__table__, [{"code": "330782001", "name_zh": "稠城", "name_en": "Choucheng", "kind": "street",
                                   "lat": 29.3, "lng": 120.07},
                                  {"code": "330782100", "name_zh": "佛堂", "name_en": "Fotang", "kind": "town",
                                   "lat": 29.19, "lng": 120.04}])
        _rows(c, Village.__table__, [{"code": "330782001001", "name_zh": "甲社区", "town_code": "330782001",
                                      "lat": 29.3, "lng": 120.07},
                                     {"code": "330782100001", "name_zh": "乙村", "town_code": "330782100",
                                      "lat": 29.19, "lng": 120.04}])
        _rows(c, Department.__table__, [{"id": 1, "code": "SCJG", "name_zh": "市场监管局", "name_en": "AMR", "group": "5"},
                                        {"id": 2, "code": "WJ", "name_zh": "卫健局", "name_en": "Health", "group": "X"}])
        _rows(c, Industry.__table__, [{"code": "5211", "name_zh": "百货零售", "name_en": "Department stores"}])
        _rows(c, Role.__table__, [{"code": "department", "name_zh": "部门", "name_en": "Department"}])
        _rows(c, User.__table__, [{"id": 5, "username": "u5", "display_name": "张三", "password_hash": "x",
                                   "role_code": "department", "department_id": 1}])
        _rows(c, Inspector.__table__, [
            {"id": 10, "department_id": 2, "name": "李四", "certificate_no": "C10", "certificate_valid_until": D(2030, 1, 1)},
            {"id": 20, "department_id": 1, "name": "王五", "certificate_no": "C20", "certificate_valid_until": D(2030, 1, 1)},
            {"id": 30, "department_id": 1, "name": "赵六", "certificate_no": "C30", "certificate_valid_until": D(2030, 1, 1)}])
        _rows(c, MarketEntity.__table__, [
            {"id": 100, "uscc": "92330782MA00000001", "name": "甲商行", "entity_type": "individual",
             "industry_code": "5211", "legal_rep": "甲", "address": "稠城", "town_code": "330782001",
             "village_code": "330782001001", "lat": 29.3, "lng": 120.07, "registered_on": D(2025, 1, 1),
             "status": "active", "risk_class": "B"}])
        clue = {"source": "grid", "description": "测试", "lat": None, "lng": None, "department_id": None,
                "handler_user_id": None}
        _rows(c, Clue.__table__, [
            # received 01:30 on 10-01 in Beijing; no due date stored; known only by its village
            {**clue, "id": 1, "ref_no": "XS1", "source_village_code": "330782100001", "entity_id": None,
             "state": "received", "received_at": dt.datetime(2025, 9, 30, 17, 30, tzinfo=UTC), "due_on": None,
             "closed_at": None, "handler_user_id": 5},
            # closed at 00:30 on 10-14 in Beijing (16:30 UTC the day before): one day late
            {**clue, "id": 2, "ref_no": "XS2", "source_village_code": "330782100001", "entity_id": 100,
             "department_id": 1, "state": "closed", "received_at": dt.datetime(2025, 9, 29, 2, tzinfo=UTC),
             "due_on": D(2025, 10, 13), "closed_at": dt.datetime(2025, 10, 13, 16, 30, tzinfo=UTC)},
            # returned to the center: still open
            {**clue, "id": 3, "ref_no": "XS3", "source_village_code": None, "entity_id": 100, "department_id": 2,
             "state": "returned", "received_at": dt.datetime(2025, 9, 29, 2, tzinfo=UTC), "due_on": D(2025, 10, 13),
             "closed_at": None},
            # closed without a closing time: done on its due day, flagged
            {**clue, "id": 4, "ref_no": "XS4", "source_village_code": None, "entity_id": 100, "department_id": 2,
             "state": "closed", "received_at": dt.datetime(2025, 9, 29, 2, tzinfo=UTC), "due_on": D(2025, 10, 13),
             "closed_at": None}])
        push = {"entity_id": 100, "permit_name": "食品经营许可", "pushed_on": D(2025, 9, 30), "claim_due": D(2025, 10, 14)}
        _rows(c, NotificationPush.__table__, [
            {**push, "id": 1, "department_id": 2, "claimed_on": None, "status": "returned", "return_reason": "不归我们"},
            {**push, "id": 2, "department_id": 1, "claimed_on": D(2025, 10, 10), "status": "claimed", "return_reason": None},
            {**push, "id": 3, "department_id": None, "claimed_on": None, "status": "pending", "return_reason": None}])
        _rows(c, Commitment.__table__, [{"id": 1, "entity_id": 100, "matter_name": "食品经营", "commitment_text": "承诺",
                                         "fulfil_by": D(2025, 6, 30), "verification_standard": "现场",
                                         "department_id": 1, "breach_consequence": "撤销", "status": "pending"}])
        _rows(c, CommitmentVerification.__table__, [{"id": 1, "commitment_id": 1, "due_on": D(2025, 7, 28),
                                                     "done_on": None, "inspector_id": None, "outcome": None}])
        _rows(c, DrawPlan.__table__, [{"id": 1, "year": 2025, "name": "计划", "created_by": "t",
                                       "created_at": dt.datetime(2025, 1, 1, tzinfo=UTC)}])
        batch = {"plan_id": 1, "lead_department_id": 1, "status": "drawn", "pool_filter": {}, "ratio_table": {},
                 "avoidance_rules": {}}
        _rows(c, DrawBatch.__table__, [
            {**batch, "id": 1, "name": "批次一", "window_start": D(2025, 3, 1), "window_end": D(2025, 4, 30)},
            {**batch, "id": 2, "name": "批次二", "window_start": D(2025, 5, 1), "window_end": D(2025, 6, 30)},
            {**batch, "id": 3, "name": "批次三", "window_start": D(2025, 7, 1), "window_end": D(2025, 7, 31)}])
        record = {"randomness_kind": "seed", "summary": {}, "created_at": dt.datetime(2025, 2, 1, tzinfo=UTC)}
        _rows(c, DrawRecord.__table__, [{**record, "id": 1, "batch_id": 1, "results_due": D(2025, 5, 29)},
                                        {**record, "id": 2, "batch_id": 2, "results_due": D(2025, 7, 28)},
                                        {**record, "id": 3, "batch_id": 3, "results_due": None}])  # locked, not drawn
        task = {"entity_id": 100, "lead_department_id": 1, "joint": True, "due_on": D(2025, 4, 30)}
        _rows(c, InspectionTask.__table__, [
            {**task, "id": 1, "batch_id": 1, "status": "done", "done_on": D(2025, 4, 20)},
            {**task, "id": 2, "batch_id": None, "status": "done", "done_on": D(2025, 5, 6)},   # merged into batch 1
            {**task, "id": 3, "batch_id": 1, "status": "cancelled", "done_on": None},          # no clock
            {**task, "id": 4, "batch_id": 2, "status": "done", "done_on": D(2025, 6, 1), "due_on": D(2025, 6, 30)},
            {**task, "id": 5, "batch_id": 2, "status": "planned", "done_on": None, "due_on": D(2025, 6, 30)}])
        _rows(c, DrawnObject.__table__, [{"id": 1, "batch_id": 1, "entity_id": 100, "stratum": "B", "pick_order": 1}])
        _rows(c, task_drawn_objects, [{"drawn_object_id": 1, "task_id": 2}])
        _rows(c, ResultPublication.__table__, [{"task_id": 1, "batch_id": 1, "published_on": D(2025, 5, 12),
                                                "published_at": dt.datetime(2025, 5, 12, 2, tzinfo=UTC),
                                                "published_by": "t", "notice_file": "r.xlsx"}])
        _rows(c, task_inspectors, [{"task_id": 1, "inspector_id": 10}, {"task_id": 1, "inspector_id": 30},
                                   {"task_id": 1, "inspector_id": 20}, {"task_id": 4, "inspector_id": 10}])
        _rows(c, Case.__table__, [{"id": 1, "ref_no": "AJ1", "clue_id": 2, "entity_id": 100, "department_id": 1,
                                   "filed_on": D(2025, 7, 15), "decision_due": D(2025, 10, 13), "decided_on": None,
                                   "status": "filed"}])
    return db


def rows_of(items) -> dict[tuple[Kind, int], dict]:
    out = {}
    for i in range(len(items)):
        t = int(items.town[i])
        out[Kind(int(items.kind[i])), int(items.item_id[i])] = {
            "start": day_date(items.start[i]), "due": day_date(items.due[i]),
            "done": day_date(items.done[i]) if items.done[i] >= 0 else None,
            "department": int(items.department[i]), "town": items.town_codes[t] if t >= 0 else None,
            "person": int(items.person[i]), "entity": int(items.entity[i]), "flags": int(items.flags[i])}
    return out


def test_clues_count_in_beijing_days_and_get_a_due_date_when_missing(crafted):
    got = rows_of(load_items(crafted, calendar=CAL, policy=DeadlinePolicy()))
    first = got[Kind.CLUE_HANDLING, 1]
    assert first["start"] == D(2025, 10, 1)
    assert first["due"] == CAL.add_working_days(D(2025, 10, 1), 10).date == D(2025, 10, 21)
    assert first["flags"] == DUE_COMPUTED and first["done"] is None
    assert first["town"] == "330782100" and first["entity"] == -1 and first["person"] == 5
    assert first["department"] == -1
    closed = got[Kind.CLUE_HANDLING, 2]
    assert closed["done"] == D(2025, 10, 14) and closed["town"] == "330782001"  # the entity's town wins
    assert got[Kind.CLUE_HANDLING, 3]["done"] is None
    assumed = got[Kind.CLUE_HANDLING, 4]
    assert assumed["done"] == D(2025, 10, 13) and assumed["flags"] == DONE_DATE_ASSUMED


def test_a_policy_changes_computed_due_dates_only(crafted):
    got = rows_of(load_items(crafted, calendar=CAL, policy=DeadlinePolicy().with_overrides(durations={"clue_handling": 3})))
    assert got[Kind.CLUE_HANDLING, 1]["due"] == D(2025, 10, 11)  # 10-09, 10-10 and the make-up Saturday
    assert got[Kind.CLUE_HANDLING, 2]["due"] == D(2025, 10, 13)


def test_a_returned_push_waits_in_the_shared_queue(crafted):
    got = rows_of(load_items(crafted, calendar=CAL))
    returned = got[Kind.PUSH_CLAIM, 1]
    assert returned["done"] is None and returned["department"] == -1  # the clock does not restart
    assert got[Kind.PUSH_CLAIM, 2]["done"] == D(2025, 10, 10) and got[Kind.PUSH_CLAIM, 2]["department"] == 1
    assert got[Kind.PUSH_CLAIM, 3]["department"] == -1


def test_tasks_results_verifications_and_cases(crafted):
    items = load_items(crafted, calendar=CAL)
    got = rows_of(items)
    assert (Kind.INSPECTION_TASK, 3) not in got  # cancelled
    first = got[Kind.INSPECTION_TASK, 1]
    assert first["person"] == 20  # lowest-id inspector of the lead department, not inspector 10
    assert first["start"] == D(2025, 3, 1) and first["done"] == D(2025, 4, 20)
    assert got[Kind.INSPECTION_TASK, 4]["person"] == 10  # nobody from the lead department: anyone
    assert got[Kind.INSPECTION_TASK, 2]["start"] == D(2025, 4, 30)  # no batch: starts on its due day
    # One clock per result, from the day its task was done, 20 working days (no due date stored).
    one = got[Kind.RESULTS_PUBLICATION, 1]
    assert one == {"start": D(2025, 4, 20), "due": CAL.add_working_days(D(2025, 4, 20), 20).date,
                   "done": D(2025, 5, 12), "department": 1, "town": "330782001", "person": -1, "entity": 100,
                   "flags": DUE_COMPUTED}
    assert one["due"] == D(2025, 5, 20)  # Labour Day (05-01..05) is no working day; 04-27 is a make-up day
    merged = got[Kind.RESULTS_PUBLICATION, 2]
    assert (merged["start"], merged["done"]) == (D(2025, 5, 6), None)  # not published yet
    assert got[Kind.RESULTS_PUBLICATION, 4]["start"] == D(2025, 6, 1)
    assert (Kind.RESULTS_PUBLICATION, 5) not in got  # a task still planned: no result yet
    assert (Kind.RESULTS_PUBLICATION, 3) not in got  # cancelled
    v = got[Kind.COMMITMENT_VERIFICATION, 1]
    assert (v["start"], v["due"], v["person"], v["department"]) == (D(2025, 6, 30), D(2025, 7, 28), -1, 1)
    case = got[Kind.CASE_DECISION, 1]
    assert (case["start"], case["due"], case["done"], case["town"]) == (D(2025, 7, 15), D(2025, 10, 13), None,
                                                                         "330782001")
    assert items.kinds() == {Kind.CLUE_HANDLING: 4, Kind.PUSH_CLAIM: 3, Kind.COMMITMENT_VERIFICATION: 1,
                             Kind.INSPECTION_TASK: 4, Kind.RESULTS_PUBLICATION: 3, Kind.CASE_DECISION: 1}


def test_small_chunks_give_the_same_items(crafted):
    a, b = load_items(crafted, calendar=CAL), load_items(crafted, calendar=CAL, chunk=2)
    for name in ("kind", "item_id", "entity", "department", "town", "person", "start", "due", "done", "flags"):
        assert (getattr(a, name) == getattr(b, name)).all(), name


def test_an_empty_database_has_no_clocks(db):
    items = load_items(db, calendar=CAL)
    assert len(items) == 0 and items.town_codes == ()
