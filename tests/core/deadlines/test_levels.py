"""Levels of hand-made clocks: the statutory edges, checked against the calendar's own data.

Expected working days come from chinese_calendar day by day (helpers.working_days_in),
never from the code under test.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from core.deadlines import (
    DeadlineItems,
    DeadlinePolicy,
    Kind,
    Level,
    WorkdayIndex,
    assess,
    compute_levels,
    day_date,
    day_number,
    working_days_overdue,
)
from core.workdays import WorkdayCalendar

from .helpers import ONE, D, is_workday, item, items, slow_level, working_days_in


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


def level_on(cal, row: dict, today: dt.date, policy: DeadlinePolicy | None = None) -> Level:
    return Level(int(compute_levels(items(row), today, cal, policy)[0]))


def test_a_push_on_the_last_working_day_before_national_day_is_due_after_the_holiday(cal):
    pushed = D(2025, 9, 30)
    # Premises from the official data: 10-01..10-08 off, Saturday 10-11 a make-up working day.
    assert all(not is_workday(D(2025, 10, d)) for d in range(1, 9))
    assert D(2025, 10, 11).weekday() == 5 and is_workday(D(2025, 10, 11))
    due = cal.add_working_days(pushed, 5).date
    assert working_days_in(pushed, due) == 5 and is_workday(due) and working_days_in(pushed, due - ONE) == 4
    assert due == D(2025, 10, 14)  # 10-09, 10-10, 10-11 (Sat), 10-13, 10-14
    row = item(Kind.PUSH_CLAIM, start=pushed, due=due)
    # Eight holiday days in, nothing is late: still 5 working days ahead.
    a = assess(items(row), D(2025, 10, 8), cal)
    assert a.levels[0] == Level.ON_TIME and a.days_left[0] == 5
    assert level_on(cal, row, D(2025, 10, 13)) == Level.DUE_SOON
    assert level_on(cal, row, D(2025, 10, 14)) == Level.DUE_SOON
    assert level_on(cal, row, D(2025, 10, 15)) == Level.OVERDUE


def test_overdue_flips_exactly_after_the_due_day(cal):
    due = D(2025, 11, 12)  # a Wednesday
    row = item(due=due)
    assert level_on(cal, row, due) == Level.DUE_SOON
    assert level_on(cal, row, due + ONE) == Level.OVERDUE
    # Done on the due day is on time; the day after is late.
    assert level_on(cal, {**row, "done": due}, due + 10 * ONE) == Level.DONE_ON_TIME
    assert level_on(cal, {**row, "done": due + ONE}, due + 10 * ONE) == Level.DONE_LATE


def test_the_weekend_after_a_friday_deadline_is_already_late_but_zero_working_days(cal):
    friday = D(2025, 11, 14)
    a = assess(items(item(due=friday)), friday + ONE, cal)
    assert a.levels[0] == Level.OVERDUE and a.overdue_days[0] == 0
    a = assess(items(item(due=friday)), friday + 3 * ONE, cal)  # Monday
    assert a.levels[0] == Level.OVERDUE and a.overdue_days[0] == 1


def test_due_soon_threshold_counts_working_days_left(cal):
    due = D(2025, 11, 17)  # Monday
    row = item(due=due)
    assert level_on(cal, row, D(2025, 11, 14)) == Level.DUE_SOON   # Friday: 1 working day left
    assert level_on(cal, row, D(2025, 11, 13)) == Level.ON_TIME    # Thursday: 2 left
    two = DeadlinePolicy(due_soon_working_days=2)
    assert level_on(cal, row, D(2025, 11, 13), two) == Level.DUE_SOON
    zero = DeadlinePolicy(due_soon_working_days=0)
    assert level_on(cal, row, D(2025, 11, 14), zero) == Level.ON_TIME
    assert level_on(cal, row, due, zero) == Level.DUE_SOON


def test_seriously_overdue_after_the_kind_threshold_in_working_days(cal):
    due = D(2025, 11, 3)  # Monday; five working days later is Monday 11-10
    row = item(Kind.CLUE_HANDLING, due=due)
    assert working_days_in(due, D(2025, 11, 7)) == 4 and working_days_in(due, D(2025, 11, 10)) == 5
    assert level_on(cal, row, D(2025, 11, 9)) == Level.OVERDUE  # Sunday: still 4
    assert level_on(cal, row, D(2025, 11, 10)) == Level.SERIOUSLY_OVERDUE
    strict = DeadlinePolicy().with_overrides(serious_after_working_days={"clue_handling": 2})
    assert level_on(cal, row, D(2025, 11, 5), strict) == Level.SERIOUSLY_OVERDUE
    # Another kind keeps its own threshold.
    assert level_on(cal, item(Kind.PUSH_CLAIM, due=due), D(2025, 11, 5), strict) == Level.OVERDUE


def test_a_case_runs_90_calendar_days_and_escalates_after_10_working_days(cal):
    filed = D(2025, 7, 15)
    due = filed + 90 * ONE  # 行政处罚法 Art. 60: calendar days from filing, holidays included
    assert due == D(2025, 10, 13)
    row = item(Kind.CASE_DECISION, start=filed, due=due)
    assert level_on(cal, row, due) == Level.DUE_SOON
    assert level_on(cal, row, due + ONE) == Level.OVERDUE
    tenth = due
    while working_days_in(due, tenth) < 10:
        tenth += ONE
    assert level_on(cal, row, tenth - ONE) == Level.OVERDUE
    assert level_on(cal, row, tenth) == Level.SERIOUSLY_OVERDUE
    assert DeadlinePolicy().duration(Kind.CASE_DECISION) == 90


def test_levels_are_as_of_the_day_asked(cal):
    due = D(2025, 11, 12)
    done_late = item(due=due, done=D(2025, 11, 20))
    assert level_on(cal, done_late, D(2025, 11, 10)) == Level.ON_TIME        # not done yet then
    assert level_on(cal, done_late, D(2025, 11, 14)) == Level.OVERDUE
    assert level_on(cal, done_late, D(2025, 11, 20)) == Level.DONE_LATE
    a = assess(items(done_late), D(2025, 12, 31), cal)
    assert a.overdue_days[0] == working_days_in(due, D(2025, 11, 20)) == 6    # frozen when done


def test_working_days_overdue_matches_a_day_by_day_count(cal):
    due = D(2025, 9, 26)
    today = D(2025, 10, 20)
    got = working_days_overdue(items(item(due=due)), today, cal)
    assert got.tolist() == [working_days_in(due, today)]


def test_vectorised_levels_agree_with_the_slow_rules_on_random_clocks(cal):
    rng = np.random.default_rng(5)
    n = 3000
    base = day_number(D(2025, 1, 1))
    due = base + rng.integers(0, 640, n)
    done = np.where(rng.random(n) < 0.5, due + rng.integers(-20, 25, n), -1)
    kinds = rng.integers(0, 6, n)
    rows = [item(Kind(int(k)), due=day_date(d), done=day_date(x) if x >= 0 else None)
            for k, d, x in zip(kinds, due, done)]
    policy = DeadlinePolicy(due_soon_working_days=2)
    for today in (D(2025, 10, 1), D(2025, 10, 9), D(2026, 2, 17), D(2026, 9, 30)):
        a = assess(items(*rows), today, cal, policy)
        for i in range(0, n, 7):
            expected = slow_level(int(kinds[i]), day_date(due[i]), rows[i]["done"], today, policy)
            assert (Level(int(a.levels[i])), int(a.overdue_days[i])) == expected, (rows[i], today)


def test_the_working_day_index_counts_like_the_calendar(cal):
    lo, hi = day_number(D(2024, 12, 1)), day_number(D(2027, 2, 1))
    index = WorkdayIndex.build(cal, lo, hi + 90)
    rng = np.random.default_rng(2)
    a = rng.integers(lo, hi, 300)
    b = a + rng.integers(0, 90, 300)
    got = index.count(b) - index.count(a)
    want = [cal.working_days_between(day_date(x), day_date(y)).days for x, y in zip(a, b)]
    assert got.tolist() == want


def test_empty_items_give_empty_levels(cal):
    assert compute_levels(DeadlineItems.empty(), D(2025, 1, 1), cal).shape == (0,)


def test_recomputing_a_million_levels_is_fast(cal):
    import time

    rng = np.random.default_rng(1)
    n = 1_000_000
    due = day_number(D(2024, 1, 1)) + rng.integers(0, 1000, n)
    done = np.where(rng.random(n) < 0.8, due + rng.integers(-30, 10, n), -1)
    big = DeadlineItems(kind=rng.integers(0, 6, n), item_id=np.arange(n), entity=np.full(n, -1),
                        department=rng.integers(1, 29, n), town=rng.integers(0, 3, n), person=np.full(n, -1),
                        start=due - 5, due=due, done=done, flags=np.zeros(n))
    compute_levels(big, D(2026, 6, 1), cal)  # warm the calendar
    times = []
    for _ in range(5):
        t = time.perf_counter()
        compute_levels(big, D(2026, 6, 1), cal)
        times.append(time.perf_counter() - t)
    assert sorted(times)[2] < 0.3  # target 300 ms (typically ~35 ms); generous for a busy 2-core box
