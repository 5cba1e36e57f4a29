"""A cumulative working-day index: working days between any two days is one subtraction.

``through[d - first]`` is the number of working days on or before day ``d`` (days since
1970-01-01), so the working days in (a, b] are ``through[b] - through[a]`` for whole arrays
at once: a gather, not a calendar search per row. Built from
:meth:`core.workdays.WorkdayCalendar.working_days`, so schedule files, the package data
and provisional years all count exactly as they do for a single deadline.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from core.workdays.statutory import FIRST_YEAR, LAST_YEAR

_EPOCH = dt.date(1970, 1, 1).toordinal()
FIRST_DAY = dt.date(FIRST_YEAR, 1, 1).toordinal() - _EPOCH
LAST_DAY = dt.date(LAST_YEAR, 12, 31).toordinal() - _EPOCH
MARGIN_DAYS = 30


@dataclass(frozen=True, eq=False)
class WorkdayIndex:
    """Working days counted through each day of ``first``..``first + len(through) - 1``.

    Days outside the span are clamped to its ends, which only happens for days outside the
    calendar's years (2000-2099): such rows get a count, never an IndexError.
    """

    first: int
    through: np.ndarray  # int32

    @classmethod
    def build(cls, calendar, lo: int, hi: int) -> WorkdayIndex:
        """The index of days ``lo``..``hi`` (day numbers), with a margin either side."""
        lo = min(max(int(lo) - MARGIN_DAYS, FIRST_DAY), LAST_DAY)
        hi = max(min(int(hi) + MARGIN_DAYS, LAST_DAY), lo)
        working = calendar.working_days(dt.date.fromordinal(lo + _EPOCH), dt.date.fromordinal(hi + _EPOCH))
        mask = np.zeros(hi - lo + 1, dtype=np.int32)
        mask[working.astype(np.int64) - lo] = 1
        return cls(lo, np.cumsum(mask, dtype=np.int32))

    @property
    def last(self) -> int:
        return self.first + len(self.through) - 1

    def covers(self, lo: int, hi: int) -> bool:
        return self.first <= max(lo, FIRST_DAY) and min(hi, LAST_DAY) <= self.last

    def count(self, days: np.ndarray | int) -> np.ndarray | int:
        """Working days on or before each day (relative to the index start)."""
        if np.isscalar(days):
            return int(self.through[min(max(int(days) - self.first, 0), len(self.through) - 1)])
        off = np.asarray(days, dtype=np.int64) - self.first
        np.clip(off, 0, len(self.through) - 1, out=off)
        return self.through[off]

    def between(self, start: int, end: int) -> int:
        """Working days in (start, end]; negative when end < start."""
        return self.count(end) - self.count(start)
