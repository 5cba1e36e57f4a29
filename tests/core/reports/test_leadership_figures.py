"""The leadership report's figures on the small demo city equal counts made by hand, row by row,
from the ORM (a different route from the report's grouped SQL and numpy arrays)."""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

import numpy as np
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.clues.states import CLOSED_STATES
from core.db.models import (
    ChecklistItem,
    Clue,
    Department,
    InspectionResult,
    InspectionTask,
    MarketEntity,
    NotificationPush,
    RegulatoryMatter,
)
from core.errors import PermissionDenied, ValidationError
from core.reports.leadership import build_report
from core.reports.leadership_tables import INTERNAL, sections, write_xlsx
from core.workdays import WorkdayCalendar

START, END = dt.date(2026, 1, 1), dt.date(2026, 9, 30)
TODAY = dt.date(2026, 11, 20)
CAL = WorkdayCalendar()


@pytest.fixture(scope="module")
def report(demo_db):
    return build_report(demo_db, START, END, viewer="leader", today=TODAY, calendar=CAL)


def _beijing(ts: dt.datetime) -> dt.date:
    return (ts + dt.timedelta(hours=8)).date()


def test_population_by_type_and_town_equals_a_count_of_every_entity(demo_db, report):
    with demo_db.sessions() as s:
        rows = s.execute(select(MarketEntity.entity_type, MarketEntity.town_code, MarketEntity.status,
                                MarketEntity.registered_on)).all()
    by_type: Counter = Counter()
    by_town: Counter = Counter()
    for etype, town, status, registered in rows:
        if registered > END:
            continue
        for counter, key in ((by_type, str(etype)), (by_town, town)):
            counter[key, "end"] += status == "active"
            counter[key, "start"] += status == "active" and registered < START
            counter[key, "new"] += registered >= START
            counter[key, str(status)] += 1
    assert report.population_by_type, "the demo city has entities"
    for r in (*report.population_by_type, *report.population_by_town):
        counter = by_type if r in report.population_by_type else by_town
        assert (r.active_start, r.active_end, r.new, r.deregistered, r.revoked) == (
            counter[r.key, "start"], counter[r.key, "end"], counter[r.key, "new"], counter[r.key, "deregistered"],
            counter[r.key, "revoked"]), r.key
    total = report.population_total
    assert total.active_end == sum(by_type[k, "end"] for k, _ in list(by_type) if _ == "end")
    assert total.net == total.active_end - total.active_start
    assert sum(n for _, n in report.new_by_month) == total.new > 0


def test_inspections_by_department_and_field_equal_the_results_counted_one_by_one(demo_db, report):
    with demo_db.sessions() as s:
        tasks = {t.id: t.lead_department_id for t in s.scalars(select(InspectionTask).where(
            InspectionTask.status == "done", InspectionTask.done_on >= START, InspectionTask.done_on <= END))}
        matter_dept = dict(s.execute(select(ChecklistItem.id, RegulatoryMatter.department_id)
                                     .join(RegulatoryMatter, RegulatoryMatter.id == ChecklistItem.matter_id)).all())
        fields = dict(s.execute(select(Department.id, Department.field)).all())
        results = s.execute(select(InspectionResult.task_id, InspectionResult.checklist_item_id,
                                   InspectionResult.outcome)).all()
    done, problems, items, failed = Counter(), Counter(), Counter(), Counter()
    failing_tasks = set()
    for task, item, outcome in results:
        if task not in tasks or outcome == "na":
            continue
        items[matter_dept[item]] += 1
        if outcome == "fail":
            failed[matter_dept[item]] += 1
            failing_tasks.add(task)
    for task, dept in tasks.items():
        done[dept] += 1
        problems[dept] += task in failing_tasks
    assert report.inspections_total.tasks == len(tasks) > 0
    for r in report.inspections_by_department:
        assert (r.tasks, r.tasks_with_problems, r.items, r.items_failed) == (
            done[r.key], problems[r.key], items[r.key], failed[r.key]), r.name_zh
    for r in report.inspections_by_field:
        members = [d for d, f in fields.items() if f == r.key]
        assert r.tasks == sum(done[d] for d in members) and r.items_failed == sum(failed[d] for d in members)
    assert report.top_failed_matters == tuple(sorted(report.top_failed_matters, key=lambda m: -m.items_failed))


def test_clues_by_source_and_working_days_to_close_equal_a_count_by_hand(demo_db, report):
    final = {s.value for s in CLOSED_STATES}
    with demo_db.sessions() as s:
        clues = s.execute(select(Clue.source, Clue.received_at, Clue.closed_at, Clue.due_on, Clue.state)).all()
    received, closed, took = Counter(), Counter(), {}
    for source, received_at, closed_at, due_on, state in clues:
        day = _beijing(received_at)
        received[str(source)] += START <= day <= END
        if str(state) in final:
            stop = _beijing(closed_at) if closed_at else due_on
            if START <= stop <= END:
                closed[str(source)] += 1
                took.setdefault(str(source), []).append(CAL.working_days_between(day, stop).days)
    assert sum(received.values()) == report.clues_total.received > 0
    assert sum(closed.values()) == report.clues_total.closed > 0
    for r in report.clues_by_source:
        assert (r.received, r.closed) == (received[r.key], closed[r.key]), r.key
        if took.get(r.key):
            assert r.median_days == statistics.median(took[r.key])
            assert r.p90_days == pytest.approx(float(np.percentile(took[r.key], 90)))
    everything = [d for days in took.values() for d in days]
    assert report.clues_total.median_days == statistics.median(everything)


def test_claims_in_time_equal_the_pushes_counted_by_hand(demo_db, report):
    with demo_db.sessions() as s:
        pushes = s.execute(select(NotificationPush.claim_due, NotificationPush.claimed_on, NotificationPush.status)
                           .where(NotificationPush.claim_due >= START, NotificationPush.claim_due <= END)).all()
    as_of = report.as_of
    claimed = [p for p in pushes if p.claimed_on is not None and p.claimed_on <= as_of]
    in_time = [p for p in claimed if p.claimed_on <= p.claim_due]
    unclaimed_late = [p for p in pushes if (p.claimed_on is None or p.claimed_on > as_of) and p.claim_due < as_of]
    total = report.claims_total
    assert total.total == len(pushes) > 0
    assert (total.done, total.done_on_time, total.overdue) == (len(claimed), len(in_time), len(unclaimed_late))
    assert total.rate == pytest.approx(len(in_time) / (len(claimed) + len(unclaimed_late)))


def test_overdue_and_risks_add_up(report):
    overdue = report.overdue_total
    assert overdue.total == sum(r.total for r in report.overdue_by_department) == sum(overdue.by_kind)
    shares = [r.d_share for r in report.risk_towns]
    assert shares == sorted(shares, reverse=True)
    active = sum(r.active for r in report.risk_towns)
    assert report.city_d_share == pytest.approx(sum(r.class_d for r in report.risk_towns) / active)
    assert active == report.population_total.active_end  # risks read the same population


def test_only_leaders_the_monitor_and_the_administrator_may_build_it(demo_db):
    for refused in ("operator", "planner", "scjg"):
        with pytest.raises(PermissionDenied):
            build_report(demo_db, START, END, viewer=refused, today=TODAY)
    with pytest.raises(ValidationError):
        build_report(demo_db, END, START, viewer="monitor", today=TODAY)
    assert build_report(demo_db, START, START, viewer="admin", today=TODAY).start == START


def test_the_workbook_has_a_sheet_per_table_the_chart_data_and_the_internal_mark(report, tmp_path):
    for lang in ("zh_CN", "en"):
        path = write_xlsx(report, tmp_path / f"r_{lang}.xlsx", lang)
        book = load_workbook(path, read_only=True)
        tables = [f"{s.number}.{k} {t.title}"[:31] for s in sections(report, lang) for k, t in enumerate(s.tables, 1)]
        assert book.sheetnames[1:-1] == tables and len({n[0] for n in tables}) == 6
        for sheet in book.worksheets:
            title = next(sheet.iter_rows(values_only=True))[0]
            assert INTERNAL[0 if lang == "zh_CN" else 1] in title
        towns = {row[0] for row in book[tables[1]].iter_rows(min_row=3, values_only=True)}
        assert {r.name(lang) for r in report.population_by_town} <= towns
    with pytest.raises(ValidationError):
        write_xlsx(report, tmp_path / "r.csv")
