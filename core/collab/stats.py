"""Per-group figures of handover rows: count, median and 90th percentile of working days,
returned and overdue shares. Pure numpy; the rows come from :mod:`core.collab.sources`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from core.workdays import WorkdayCalendar


@dataclass(frozen=True)
class KindStats:
    """One kind of handover on one edge (or one band, one stage)."""

    count: int
    median_days: float | None    # working days; None when no row has a duration
    p90_days: float | None
    returned_share: float        # share returned or transferred on
    overdue_share: float


def _q(values: np.ndarray, q: float) -> float | None:
    values = values[~np.isnan(values)]
    if not len(values):
        return None
    return round(float(np.percentile(values, q)), 2)


def median(values: np.ndarray) -> float | None:
    """The median of the non-NaN values, or None."""
    return _q(np.asarray(values, dtype=float), 50)


def figures(days: np.ndarray, returned: np.ndarray, overdue: np.ndarray) -> KindStats:
    """The figures of one group of rows (``days`` NaN where a row has no duration)."""
    n = len(days)
    if not n:
        return KindStats(0, None, None, 0.0, 0.0)
    return KindStats(n, _q(days, 50), _q(days, 90), round(float(np.mean(returned)), 4),
                     round(float(np.mean(overdue)), 4))


def grouped(codes: np.ndarray, n_groups: int, days: np.ndarray, returned: np.ndarray,
            overdue: np.ndarray) -> list[KindStats]:
    """:func:`figures` for each group ``0..n_groups-1`` of rows labelled by ``codes``,
    vectorized: one sort, then each group's quantiles by index (numpy's linear method)."""
    codes = np.asarray(codes, dtype=np.int64)
    days = np.asarray(days, dtype=float)
    count = np.bincount(codes, minlength=n_groups)
    timed = ~np.isnan(days)
    valid = np.bincount(codes[timed], minlength=n_groups)
    values = days[timed][np.lexsort((days[timed], codes[timed]))]
    start = np.r_[0, np.cumsum(valid)[:-1]]

    def quantile(q: float) -> np.ndarray:
        pos = np.maximum(valid - 1, 0) * q
        lo, hi = np.floor(pos).astype(np.int64), np.ceil(pos).astype(np.int64)
        out = np.full(n_groups, np.nan)
        has = valid > 0
        a, b = values[(start + lo)[has]], values[(start + hi)[has]]
        out[has] = a + (b - a) * (pos - lo)[has]
        return out

    med, p90 = quantile(0.5), quantile(0.9)
    with np.errstate(invalid="ignore", divide="ignore"):
        ret = np.bincount(codes, weights=np.asarray(returned, dtype=float), minlength=n_groups) / count
        late = np.bincount(codes, weights=np.asarray(overdue, dtype=float), minlength=n_groups) / count
    out = []
    for g in range(n_groups):
        if not count[g]:
            out.append(KindStats(0, None, None, 0.0, 0.0))
            continue
        out.append(KindStats(int(count[g]), None if np.isnan(med[g]) else round(float(med[g]), 2),
                             None if np.isnan(p90[g]) else round(float(p90[g]), 2),
                             round(float(ret[g]), 4), round(float(late[g]), 4)))
    return out


class WorkingDays:
    """Vectorized working-day counts over one range of days (the project's calendar)."""

    def __init__(self, calendar: WorkdayCalendar, first: dt.date, last: dt.date) -> None:
        self.days = calendar.working_days(first, last).astype("datetime64[D]")

    def between(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Working days in (start, end] per row as floats; NaN where either is NaT.

        A handover done on the day it began takes 0 working days (行政处罚法 Art. 85 does not
        count the first day); an end before its start counts 0 too.
        """
        start = np.asarray(start, dtype="datetime64[D]")
        end = np.asarray(end, dtype="datetime64[D]")
        out = np.full(start.shape, np.nan)
        ok = ~(np.isnat(start) | np.isnat(end))
        if ok.any():
            a = np.searchsorted(self.days, start[ok], side="right")
            b = np.searchsorted(self.days, end[ok], side="right")
            out[ok] = np.maximum(b - a, 0)
        return out

    def clock(self, moments: np.ndarray) -> np.ndarray:
        """A working-day clock: working days before each moment's day, plus the share of its
        day gone when that day is a working day (a moment on a day off stands at the start of
        the next working day). NaN for NaT."""
        moments = np.asarray(moments, dtype="datetime64[s]")
        out = np.full(moments.shape, np.nan)
        ok = ~np.isnat(moments)
        if ok.any():
            day = moments[ok].astype("datetime64[D]")
            index = np.searchsorted(self.days, day, side="left")
            working = self.days[np.minimum(index, len(self.days) - 1)] == day
            share = (moments[ok] - day.astype("datetime64[s]")).astype(np.int64) / 86400.0
            out[ok] = index + np.where(working, share, 0.0)
        return out

    def elapsed(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Fractional working days from ``start`` to ``end`` (local moments, datetime64[s]):
        whole working days between their days as :meth:`between` counts them, plus the hours
        of the day; an end before its start counts 0; NaN where either is NaT."""
        return np.maximum(self.clock(end) - self.clock(start), 0.0)

