"""Hand-made clocks and a slow, obvious per-row oracle to check the vectorised engine."""
from __future__ import annotations

import datetime as dt

import chinese_calendar as cc

from core.deadlines import DeadlineItems, DeadlinePolicy, Kind, Level

D = dt.date
ONE = dt.timedelta(days=1)
TOWNS = ("330782001", "330782002", "330782100")


def item(kind=Kind.PUSH_CLAIM, *, due, start=None, done=None, item_id=None, **refs) -> dict:
    row = {"kind": int(kind), "start": start or due - 7 * ONE, "due": due, "done": done, **refs}
    if item_id is not None:
        row["item_id"] = item_id
    return row


def items(*rows: dict) -> DeadlineItems:
    return DeadlineItems.build(rows, TOWNS)


def is_workday(d: dt.date) -> bool:
    """chinese_calendar's official data, one day at a time (premise, not the code under test)."""
    return cc.is_workday(d)


def working_days_in(a: dt.date, b: dt.date) -> int:
    """Working days in (a, b], counted day by day."""
    n, d = 0, a
    while d < b:
        d += ONE
        n += is_workday(d)
    return n


def slow_level(kind: int, due: dt.date, done: dt.date | None, today: dt.date, policy: DeadlinePolicy,
               workdays=working_days_in) -> tuple[Level, int]:
    """(level, working days overdue) of one clock, straight from the rules' wording."""
    if done is not None and done <= today:
        if done <= due:
            return Level.DONE_ON_TIME, 0
        return Level.DONE_LATE, workdays(due, done)
    if today <= due:
        left = workdays(today, due)
        return (Level.DUE_SOON if left <= policy.due_soon_working_days else Level.ON_TIME), 0
    late = workdays(due, today)
    return (Level.SERIOUSLY_OVERDUE if late >= policy.serious_after(kind) else Level.OVERDUE), late
