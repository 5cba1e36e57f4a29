"""The deadline engine counts a case's extensions and ended pauses, and an open pause stops its
clock (规定 Art. 64): the due day moves on with each day of the pause, the level stays."""
import datetime as dt

import numpy as np

from core.deadlines import Kind, Level, assess, load_items
from core.deadlines import sources as deadline_sources
from core.services import clues
from core.workdays import default_calendar

from ..services_clues.test_case_clock import FILED, TODAY, _case


def _engine_row(db, case_id):
    items = load_items(db)
    row = np.flatnonzero((items.kind == Kind.CASE_DECISION) & (items.item_id == case_id))
    assert len(row) == 1
    return int(items.due[row[0]]), int(items.done[row[0]])


def _day(d: dt.date) -> int:
    return (d - dt.date(1970, 1, 1)).days


def test_the_engine_counts_extensions_ended_pauses_and_stops_on_an_open_pause(demo_db, monkeypatch):
    monkeypatch.setattr(deadline_sources, "_today", lambda: _day(TODAY))
    case_id = _case(demo_db)
    assert _engine_row(demo_db, case_id) == (_day(FILED) + 90, -1)
    clues.extend_case(demo_db, "operator", case_id, days=30, approval="head", reason="案情复杂", on=TODAY, today=TODAY)
    clues.pause_case(demo_db, "operator", case_id, kind="testing", reason="送检", on=dt.date(2026, 10, 1), today=TODAY)
    clues.resume_case(demo_db, "operator", case_id, on=dt.date(2026, 10, 5), today=TODAY)  # 5 days
    assert _engine_row(demo_db, case_id) == (_day(FILED) + 125, -1)
    # An open pause: the due day moves with each day it lasts (its first day included).
    clues.pause_case(demo_db, "operator", case_id, kind="appraisal", reason="价格鉴定", on=dt.date(2026, 11, 11),
                     today=TODAY)
    assert _engine_row(demo_db, case_id) == (_day(FILED) + 125 + 10, -1)
    monkeypatch.setattr(deadline_sources, "_today", lambda: _day(TODAY) + 30)
    assert _engine_row(demo_db, case_id) == (_day(FILED) + 125 + 40, -1)  # 30 days on, as many days left


def test_a_paused_case_keeps_its_level_past_its_stored_due_day_and_a_decision_stops_it(demo_db, monkeypatch):
    case_id = _case(demo_db)
    due = FILED + dt.timedelta(days=90)
    start = due - dt.timedelta(days=1)  # paused on the eve of its deadline
    clues.pause_case(demo_db, "operator", case_id, kind="hearing", reason="听证", on=start, today=start)
    later = due + dt.timedelta(days=20)
    monkeypatch.setattr(deadline_sources, "_today", lambda: _day(later))
    items = load_items(demo_db)
    row = np.flatnonzero((items.kind == Kind.CASE_DECISION) & (items.item_id == case_id))
    level = assess(items, later, default_calendar()).levels[row[0]]
    assert level in (Level.ON_TIME, Level.DUE_SOON)  # not overdue, though its stored day has passed
    clues.resume_case(demo_db, "operator", case_id, on=later, today=later)
    clues.decide_case(demo_db, "leader", case_id, on=later + dt.timedelta(days=1))
    assert _engine_row(demo_db, case_id) == (_day(due) + 22, _day(later) + 1)  # decided in time
