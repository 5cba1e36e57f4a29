"""Week by week: the on-time rate of what was finished, and how many clocks ran out.

For the efficiency monitor's trend chart. Weeks are ISO weeks (Monday to Sunday); the
last one is the week of ``today``. Per week:

- ``done`` / ``done_on_time``: clocks stopped that week (on or before ``today``), and of
  those the ones stopped on or before their due day; ``on_time_rate`` is their ratio;
- ``overdue_opened``: clocks that became overdue that week, i.e. whose first day past due
  fell in it and that were not done by their due day (done late since, or still open).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .groups import encode_key, group_codes, levels_of
from .items import DeadlineItems, day_date, day_number
from .kinds import Kind
from .levels import Assessment, Level

# Day 0 (1970-01-01) is a Thursday: (day + 3) // 7 numbers the weeks starting on Mondays.
_MONDAY_SHIFT = 3


@dataclass(frozen=True)
class WeekRow:
    week_start: dt.date  # the Monday
    iso_year: int
    iso_week: int
    done: int
    done_on_time: int
    on_time_rate: float | None
    overdue_opened: int


def _week(days: np.ndarray) -> np.ndarray:
    return (days.astype(np.int64) + _MONDAY_SHIFT) // 7


def weekly_trend(items: DeadlineItems, levels: np.ndarray | Assessment, weeks: int = 12, *,
                 today: dt.date | int | None = None, group: str | None = None, key=None,
                 table: str | None = None, kinds: Iterable[Kind] | None = None) -> list[WeekRow]:
    """The last ``weeks`` ISO weeks up to the week of ``today``, oldest first, for all
    clocks or those of one group row (``group``, ``key``, ``table`` as in ``GroupRow``).

    ``levels`` must be computed for the same ``today`` (an :class:`Assessment` carries its
    day, so ``today`` may then be omitted).
    """
    lv = levels_of(levels)
    if today is None:
        if not isinstance(levels, Assessment):
            raise ValueError("say which day the levels are for (today=...)")
        today = levels.today
    t = day_number(today) if isinstance(today, dt.date) else int(today)
    keep = np.ones(len(items), dtype=bool)
    if group is not None:
        keep &= group_codes(items, group) == encode_key(items, group, key, table)
    if kinds is not None:
        keep &= np.isin(items.kind, [int(k) for k in kinds])
    last = int(_week(np.array([t]))[0])
    first = last - weeks + 1

    def per_week(days: np.ndarray, rows: np.ndarray) -> np.ndarray:
        w = _week(days[rows]) - first
        w = w[(w >= 0) & (w < weeks)]
        return np.bincount(w, minlength=weeks)

    finished = keep & ((lv == Level.DONE_ON_TIME) | (lv == Level.DONE_LATE))
    done = per_week(items.done, finished)
    on_time = per_week(items.done, finished & (lv == Level.DONE_ON_TIME))
    went_late = keep & np.isin(lv, [Level.DONE_LATE, Level.OVERDUE, Level.SERIOUSLY_OVERDUE])
    opened = per_week(items.due + 1, went_late)
    rows = []
    for i in range(weeks):
        monday = day_date((first + i) * 7 - _MONDAY_SHIFT)
        year, week, _ = monday.isocalendar()
        d, ok = int(done[i]), int(on_time[i])
        rows.append(WeekRow(monday, year, week, d, ok, ok / d if d else None, int(opened[i])))
    return rows
