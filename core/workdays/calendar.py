"""The working-day calendar used for every statutory deadline.

行政处罚法 Art. 85: periods counted in days are working days, and a period does not count
its first day, so "N working days from D" ends on the N-th working day strictly after D.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from core.workdays.schedule_file import YearSchedule, bundled_schedule_dir, load_schedules
from core.workdays.statutory import FIRST_YEAR, LAST_YEAR
from core.workdays.year_table import YearSource, YearTable, build_year_table, check_year, package_years

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
# Fewest working days any year can have (261 weekdays minus holidays, with margin); used
# to guess how many years a span of n working days needs before searching.
_MIN_WORKING_DAYS_PER_YEAR = 200
_NAT = np.datetime64("NaT", "D")
_FIRST_EPOCH_DAY = _dt.date(FIRST_YEAR, 1, 1).toordinal() - _EPOCH_ORDINAL
_LAST_EPOCH_DAY = _dt.date(LAST_YEAR, 12, 31).toordinal() - _EPOCH_ORDINAL


@dataclass(frozen=True)
class DueDate:
    """A deadline; ``official`` is False when any year it depends on is provisional."""

    date: _dt.date
    official: bool
    provisional_years: tuple[int, ...]


@dataclass(frozen=True)
class DayCount:
    """A number of working days; ``official`` as for :class:`DueDate`."""

    days: int
    official: bool
    provisional_years: tuple[int, ...]


@dataclass(frozen=True)
class _Span:
    """Working days of the contiguous years first..last: a list of ordinals for scalar
    bisects, and dense per-day arrays so vectorized lookups are gathers, not searches
    (a binary search per row is several times slower on a million random rows)."""

    first: int
    last: int
    ordinals: list[int]
    days: np.ndarray  # datetime64[D] working days, ascending
    start_epoch: int  # Jan 1 of `first`, as days since 1970-01-01
    working: np.ndarray  # per day of the span: 1 if working
    through: np.ndarray  # per day of the span: working days on or before it
    year_index: np.ndarray  # per day of the span: its year - first
    provisional_before: np.ndarray  # [k] = provisional years among first..first+k-1

    def covers(self, lo: int, hi: int) -> bool:
        return self.first <= lo and hi <= self.last


def _as_date(value: _dt.date) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if not isinstance(value, _dt.date):
        raise TypeError(f"expected a datetime.date, got {type(value).__name__}")
    return value


def _check_n(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"the number of working days must be a whole number >= 0, not {n!r}")


def _years_ahead(n: int) -> int:
    return n // _MIN_WORKING_DAYS_PER_YEAR + 1


class WorkdayCalendar:
    """Chinese working days: weekends and public holidays off, make-up weekends on.

    Each year comes from a schedule file if one exists for it, else the official data of
    the ``chinesecalendar`` package, else it is provisional: the State Council's usual
    pattern, statutory holidays and days off in lieu (see :meth:`explain` and
    :func:`core.workdays.provisional.explain_provisional`). Results say whether they relied
    on a provisional year.

    ``schedule_dirs`` are folders scanned for ``*.json`` schedule files after the bundled
    ``resources/calendar/`` folder; a later folder wins for the same year. A malformed file
    raises :class:`~core.errors.ConfigError` from the constructor (and from :meth:`reload`);
    folders that do not exist (yet) are skipped.

    Years 2000-2099 are covered; scalar methods raise ValueError outside them, the
    vectorized ones give NaT.

    Year tables are built once and cached, so the calendar is cheap to call in loops, and
    safe to share between threads.
    """

    def __init__(self, schedule_dirs: Sequence[Path] = ()) -> None:
        self._schedule_dirs = tuple(Path(d) for d in schedule_dirs)
        self._lock = threading.Lock()
        self._schedules: dict[int, YearSchedule] = self._load()
        self._tables: dict[int, YearTable] = {}
        self._span: _Span | None = None
        self._generation = 0

    # ----------------------------------------------------------------- loading

    def _load(self) -> dict[int, YearSchedule]:
        return load_schedules([bundled_schedule_dir(), *self._schedule_dirs])

    def reload(self) -> None:
        """Re-read the schedule folders (after an administrator added a file).

        On a bad file this raises ConfigError and the calendar keeps its previous data.
        """
        schedules = self._load()
        with self._lock:
            self._schedules = schedules
            self._tables = {}
            self._span = None
            self._generation += 1

    @property
    def schedule_dirs(self) -> tuple[Path, ...]:
        """The administrator folders scanned (the bundled folder is not listed)."""
        return self._schedule_dirs

    def _table(self, year: int) -> YearTable:
        tables = self._tables
        table = tables.get(year)
        if table is None:
            check_year(year)
            hint = f" to {self._schedule_dirs[-1]}" if self._schedule_dirs else ""
            table = build_year_table(year, self._schedules.get(year), hint)
            with self._lock:
                table = tables.setdefault(year, table)
        return table

    def _span_for(self, lo: int, hi: int) -> _Span:
        lo, hi = max(lo, FIRST_YEAR), min(hi, LAST_YEAR)
        generation, span = self._generation, self._span
        if span is not None and span.covers(lo, hi):
            return span
        if span is not None:
            # Grow rather than replace, so callers alternating between eras do not rebuild.
            lo, hi = min(lo, span.first), max(hi, span.last)
        tables = [self._table(y) for y in range(lo, hi + 1)]
        ordinals = [o for t in tables for o in t.ordinals]
        epoch = np.asarray(ordinals, dtype=np.int64) - _EPOCH_ORDINAL
        working = np.frombuffer(b"".join(t.mask for t in tables), dtype=np.uint8).astype(np.int64)
        year_index = np.repeat(np.arange(len(tables), dtype=np.int64), [len(t.mask) for t in tables])
        provisional = [t.source is YearSource.PROVISIONAL for t in tables]
        new = _Span(
            first=lo,
            last=hi,
            ordinals=ordinals,
            days=epoch.astype("datetime64[D]"),
            start_epoch=tables[0].jan1 - _EPOCH_ORDINAL,
            working=working,
            through=np.cumsum(working, dtype=np.int64),
            year_index=year_index,
            provisional_before=np.concatenate(([0], np.cumsum(provisional, dtype=np.int64))),
        )
        with self._lock:
            current = self._span
            # Another thread may have grown the span meanwhile (keep the larger one) or
            # reloaded the schedules (then this span is stale but still fine to answer with).
            if generation == self._generation and (current is None or new.covers(current.first, current.last)):
                self._span = new
        return new

    # ------------------------------------------------------------------ queries

    def source_of(self, year: int) -> YearSource:
        """Where the working days of ``year`` come from."""
        check_year(year)
        if year in self._schedules:
            return YearSource.SCHEDULE_FILE
        if year in package_years():
            return YearSource.PACKAGE
        return YearSource.PROVISIONAL

    def explain(self, year: int) -> str:
        """A one-line note for users on how ``year`` is known (and what to do if provisional)."""
        return self._table(year).note

    def provisional_years(self, first: _dt.date, last: _dt.date) -> tuple[int, ...]:
        """The provisional years among those of the days ``first``..``last`` inclusive."""
        first, last = _as_date(first), _as_date(last)
        return tuple(
            y for y in range(first.year, last.year + 1)
            if self.source_of(y) is YearSource.PROVISIONAL
        )

    def is_working_day(self, d: _dt.date) -> bool:
        """Whether ``d`` is a working day."""
        d = _as_date(d)
        return self._table(d.year).is_working(d)

    def add_working_days(self, start: _dt.date, n: int) -> DueDate:
        """The deadline ``n`` working days from ``start``: the n-th working day after it.

        ``n == 0`` gives ``start`` itself if it is a working day, else the next one.
        """
        start = _as_date(start)
        _check_n(n)
        check_year(start.year)
        o = start.toordinal()
        ahead = _years_ahead(n)
        while True:
            span = self._span_for(start.year, start.year + ahead)
            i = bisect.bisect_left(span.ordinals, o) if n == 0 else bisect.bisect_right(span.ordinals, o) + n - 1
            if i < len(span.ordinals):
                break
            if span.last >= LAST_YEAR:
                raise ValueError(f"{n} working days from {start} ends after {LAST_YEAR}")
            ahead = span.last - start.year + _years_ahead(n)
        due = _dt.date.fromordinal(span.ordinals[i])
        # Days examined: [start, due] for n == 0 (start's own status matters), else (start, due].
        first = start if n == 0 else start + _dt.timedelta(days=1)
        provisional = self.provisional_years(first, due)
        return DueDate(due, not provisional, provisional)

    def working_days_between(self, start: _dt.date, end: _dt.date) -> DayCount:
        """The number of working days in (``start``, ``end``]; 0 if ``end <= start``."""
        start, end = _as_date(start), _as_date(end)
        if end <= start:
            return DayCount(0, True, ())
        check_year(start.year)
        check_year(end.year)
        span = self._span_for(start.year, end.year)
        count = bisect.bisect_right(span.ordinals, end.toordinal()) - bisect.bisect_right(
            span.ordinals, start.toordinal()
        )
        provisional = self.provisional_years(start + _dt.timedelta(days=1), end)
        return DayCount(count, not provisional, provisional)

    def working_days(self, start: _dt.date, end: _dt.date) -> np.ndarray:
        """The working days in [``start``, ``end``] as a sorted ``datetime64[D]`` array.

        Use :meth:`provisional_years` to learn whether the range relied on provisional data.
        """
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return np.empty(0, dtype="datetime64[D]")
        check_year(start.year)
        check_year(end.year)
        span = self._span_for(start.year, end.year)
        lo = bisect.bisect_left(span.ordinals, start.toordinal())
        hi = bisect.bisect_right(span.ordinals, end.toordinal())
        return span.days[lo:hi].copy()

    # -------------------------------------------------------------- vectorized

    def add_working_days_many(self, starts: np.ndarray, n: int) -> np.ndarray:
        """Vectorized :meth:`add_working_days`: ``datetime64`` starts -> ``datetime64[D]`` dues.

        NaT starts, and starts outside the years the calendar covers, give NaT (one bad row
        must not stop a batch of millions). Use :meth:`add_working_days_many_official` to
        also learn which rows relied on provisional years.
        """
        return self._many(starts, n, want_official=False)[0]

    def add_working_days_many_official(self, starts: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Like :meth:`add_working_days_many`, plus a bool array: True where the due date
        is official (no provisional year among the days examined). NaT rows are False."""
        return self._many(starts, n, want_official=True)

    def _many(self, starts: np.ndarray, n: int, want_official: bool) -> tuple[np.ndarray, np.ndarray]:
        _check_n(n)
        arr = np.asarray(starts)
        if arr.dtype.kind != "M":
            raise TypeError(f"starts must be a datetime64 array, not {arr.dtype}")
        shape = arr.shape
        arr = arr.astype("datetime64[D]").ravel()
        epoch = arr.view(np.int64)
        valid = ~np.isnat(arr) & (epoch >= _FIRST_EPOCH_DAY) & (epoch <= _LAST_EPOCH_DAY)
        dues = np.full(arr.shape, _NAT, dtype="datetime64[D]")
        official = np.zeros(arr.shape, dtype=bool)
        if not valid.any():
            return dues.reshape(shape), official.reshape(shape)

        v = epoch[valid]
        lo = _dt.date.fromordinal(int(v.min()) + _EPOCH_ORDINAL).year
        hi = _dt.date.fromordinal(int(v.max()) + _EPOCH_ORDINAL).year
        ahead = _years_ahead(n)
        while True:
            span = self._span_for(lo, hi + ahead)
            off = v - span.start_epoch
            # Index of the first working day after the start (n >= 1) or on/after it (n == 0).
            idx = span.through[off] + (n - 1 if n else -span.working[off])
            beyond = idx >= len(span.days)
            if not beyond.any() or span.last >= LAST_YEAR:
                break
            ahead = span.last - hi + _years_ahead(n)
        # Rows running past the last supported year stay NaT, like out-of-range starts.
        ok = ~beyond
        rows = np.flatnonzero(valid)[ok]
        got = span.days[idx[ok]]
        dues[rows] = got
        if want_official:
            first_off = off[ok] if n == 0 else off[ok] + 1
            due_off = got.view(np.int64) - span.start_epoch
            prefix = span.provisional_before
            provisional = prefix[span.year_index[due_off] + 1] - prefix[span.year_index[first_off]]
            official[rows] = provisional == 0
        return dues.reshape(shape), official.reshape(shape)
