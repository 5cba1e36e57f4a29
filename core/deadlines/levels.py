"""Where every clock stands on a given day: on time, due soon, overdue, seriously overdue.

All rows at once, with numpy: working days left and late are differences of a cumulative
working-day index (:class:`~core.deadlines.workindex.WorkdayIndex`), so a million clocks
take a few tens of milliseconds and the efficiency monitor can recompute on every refresh.

The rules (行政处罚法 Art. 85: a period ends at the end of its last day):

- done on or before the due day: DONE_ON_TIME, after it: DONE_LATE;
- open and ``today <= due``: DUE_SOON when at most ``policy.due_soon_working_days``
  working days are left (the working days in (today, due]: 0 on the due day itself),
  else ON_TIME;
- open and ``today > due``: OVERDUE from the very next calendar day (a weekend after a
  Friday deadline is already late), SERIOUSLY_OVERDUE once the working days in
  (due, today] reach ``policy.serious_after(kind)``.

Levels are "as of ``today``": a clock done after ``today`` counts as still open then, so
the same function answers "where did we stand last Monday".
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

import numpy as np

from .items import DeadlineItems, day_number
from .policy import DeadlinePolicy
from .workindex import WorkdayIndex


class Level(enum.IntEnum):
    """Where a clock stands; the value is the int8 code in level arrays."""

    DONE_ON_TIME = 0
    DONE_LATE = 1
    ON_TIME = 2
    DUE_SOON = 3
    OVERDUE = 4
    SERIOUSLY_OVERDUE = 5


LEVEL_NAMES: dict[Level, tuple[str, str]] = {
    Level.DONE_ON_TIME: ("按期办结", "Done on time"),
    Level.DONE_LATE: ("逾期办结", "Done late"),
    Level.ON_TIME: ("正常", "On time"),
    Level.DUE_SOON: ("即将到期", "Due soon"),
    Level.OVERDUE: ("已逾期", "Overdue"),
    Level.SERIOUSLY_OVERDUE: ("严重逾期", "Seriously overdue"),
}
DONE_LEVELS = (Level.DONE_ON_TIME, Level.DONE_LATE)
OPEN_LEVELS = (Level.ON_TIME, Level.DUE_SOON, Level.OVERDUE, Level.SERIOUSLY_OVERDUE)


def level_name(level: Level | int, lang: str = "zh_CN") -> str:
    zh, en = LEVEL_NAMES[Level(level)]
    return zh if lang.startswith("zh") else en


@dataclass(frozen=True, eq=False)
class Assessment:
    """Levels of every row on ``today`` (a day number), with the working-day figures.

    ``overdue_days``: working days past due (open: in (due, today]; done late: in
    (due, done]); 0 otherwise. ``days_left``: for open rows not yet due, working days in
    (today, due]; 0 otherwise.
    """

    today: int
    levels: np.ndarray  # int8 Level codes
    overdue_days: np.ndarray  # int32
    days_left: np.ndarray  # int32


def _day(today: dt.date | int) -> int:
    return day_number(today) if isinstance(today, dt.date) else int(today)


def index_for(items: DeadlineItems, today: dt.date | int, calendar) -> WorkdayIndex:
    """A working-day index covering ``today`` and every due and done day of ``items``."""
    t = _day(today)
    if not len(items):
        return WorkdayIndex.build(calendar, t, t)
    # Done days before the earliest due day need no count (they are on time).
    return WorkdayIndex.build(calendar, min(int(items.due.min()), t), max(int(items.due.max()), int(items.done.max()), t))


def assess(items: DeadlineItems, today: dt.date | int, calendar, policy: DeadlinePolicy | None = None,
           *, index: WorkdayIndex | None = None) -> Assessment:
    """Levels and working-day figures of every row as of ``today`` (vectorised)."""
    policy = policy or DeadlinePolicy()
    t = _day(today)
    index = index or index_for(items, t, calendar)
    due, done = items.due, items.done
    c_today = index.count(t)
    c_due = index.count(due)
    finished = (done >= 0) & (done <= t)
    late = due < t
    left = c_due - c_today          # working days in (today, due] while not late
    past = c_today - c_due          # working days in (due, today] once late
    serious_after = policy.serious_array()[items.kind]
    open_level = np.where(late, np.where(past >= serious_after, Level.SERIOUSLY_OVERDUE, Level.OVERDUE),
                          np.where(left <= policy.due_soon_working_days, Level.DUE_SOON, Level.ON_TIME))
    done_late = done > due
    levels = np.where(finished, np.where(done_late, Level.DONE_LATE, Level.DONE_ON_TIME), open_level).astype(np.int8)
    late_at_done = index.count(done) - c_due
    overdue_days = np.where(finished, np.where(done_late, late_at_done, 0), np.where(late, past, 0)).astype(np.int32)
    days_left = np.where(~finished & ~late, left, 0).astype(np.int32)
    return Assessment(t, levels, overdue_days, days_left)


def compute_levels(items: DeadlineItems, today: dt.date | int, calendar, policy: DeadlinePolicy | None = None,
                   *, index: WorkdayIndex | None = None) -> np.ndarray:
    """The :class:`Level` code (int8) of every row as of ``today``."""
    return assess(items, today, calendar, policy, index=index).levels


def working_days_overdue(items: DeadlineItems, today: dt.date | int, calendar,
                         *, index: WorkdayIndex | None = None) -> np.ndarray:
    """Working days each row is (or was, when done late) past its due day; 0 if not late."""
    return assess(items, today, calendar, index=index).overdue_days
