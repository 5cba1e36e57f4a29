"""Which clocks rely on a provisional year of the working-day calendar (vectorised).

A clock's figures are provisional when a day they count lies in a year that no schedule
file and no package data cover (:class:`core.workdays.YearSource.PROVISIONAL`):

- a working-day clock's due date counts the working days in (start, due];
- days left count (today, due] while open and not late; days overdue count (due, today]
  while open and late, (due, done] once done late (see :mod:`core.deadlines.levels`).

A calendar-day clock (case decisions) done on time counts nothing and is never provisional.
Kept apart from :func:`~core.deadlines.levels.assess` so levelling a million clocks costs
nothing more; call it for the rows a view shows, or for all of them (a few gathers).
Explain the years with :func:`core.workdays.provisional.explain_provisional`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from core.workdays.statutory import FIRST_YEAR, LAST_YEAR
from core.workdays.year_table import YearSource

from .items import DeadlineItems, day_date, day_number
from .kinds import KINDS, WORKING, Kind

_WORKING_KIND = np.array([KINDS[k].unit == WORKING for k in Kind], dtype=bool)


@dataclass(frozen=True, eq=False)
class ProvisionalRows:
    """``rows[i]`` is True when row i's due date or working-day figures rely on a
    provisional year; ``years`` are the provisional years those rows touch, ascending."""

    rows: np.ndarray  # bool
    years: tuple[int, ...]

    def any(self) -> bool:
        return bool(self.years)


def _runs(provisional: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of provisional years as (first day, last day) day numbers."""
    runs: list[tuple[int, int]] = []
    for year in provisional:
        first, last = day_number(dt.date(year, 1, 1)), day_number(dt.date(year, 12, 31))
        if runs and runs[-1][1] + 1 == first:
            runs[-1] = (runs[-1][0], last)
        else:
            runs.append((first, last))
    return runs


def _candidates(items: DeadlineItems, t: int, runs: list[tuple[int, int]]) -> np.ndarray:
    """Indexes of the rows that may meet a run: every day a row counts lies between
    min(start, due, today) and max(due, done, today). Most rows are far from any run, so
    this cheap bound leaves the exact test a small subset."""
    near = np.zeros(len(items), dtype=bool)
    latest = earliest = None
    for first, last in runs:
        if t >= first:
            reach = True
        else:
            latest = np.maximum(items.due, items.done) if latest is None else latest
            reach = latest >= first
        if t <= last:
            back = True
        else:
            earliest = np.minimum(items.start, items.due) if earliest is None else earliest
            back = earliest <= last
        near |= reach & back
    return np.flatnonzero(near)


def provisional_rows(items: DeadlineItems, today: dt.date | int, calendar) -> ProvisionalRows:
    """Flag the rows of ``items`` whose figures as of ``today`` rely on a provisional year."""
    t = day_number(today) if isinstance(today, dt.date) else int(today)
    provisional = [y for y in range(FIRST_YEAR, LAST_YEAR + 1) if calendar.source_of(y) is YearSource.PROVISIONAL]
    n = len(items)
    rows = np.zeros(n, dtype=bool)
    if not n or not provisional:
        return ProvisionalRows(rows, ())
    # Provisional years come in a few runs (before the package's data, after it): a row is
    # flagged when its days meet one, a few comparisons per run, not a year per row.
    runs = _runs(provisional)
    near = _candidates(items, t, runs)
    due, done, start = items.due[near], items.done[near], items.start[near]  # -1 when missing
    finished = (done >= 0) & (done <= t)
    late = due < t
    # The days the level figures count, [lo, hi]: empty (lo > hi) for a clock done on time.
    lo = np.where(finished | late, due + 1, t + 1)
    hi = np.where(finished, done, np.where(late, t, due))
    working = _WORKING_KIND[items.kind[near]]
    np.minimum(lo, start + 1, out=lo, where=working & (start >= 0))
    np.maximum(hi, due, out=hi, where=working)
    meets = np.zeros(len(near), dtype=bool)
    for first, last in runs:
        meets |= (lo <= last) & (hi >= first)
    meets &= (lo <= hi) & (due >= 0)
    if not meets.any():
        return ProvisionalRows(rows, ())
    rows[near[meets]] = True
    f_lo, f_hi = lo[meets], hi[meets]
    lowest, highest = day_date(int(f_lo.min())).year, day_date(int(f_hi.max())).year
    years = tuple(
        y for y in provisional
        if lowest <= y <= highest
        and ((f_lo <= day_number(dt.date(y, 12, 31))) & (f_hi >= day_number(dt.date(y, 1, 1)))).any()
    )
    return ProvisionalRows(rows, years)
