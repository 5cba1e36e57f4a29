"""Every clock of the command center as columns: one numpy row per deadline.

A million deadlines as Python objects cost seconds to build and hundreds of megabytes;
as ten numpy columns they cost ~45 MB and every level, count and ranking is a vectorised
pass (see :mod:`core.deadlines.levels` and :mod:`core.deadlines.summary`). The UI keeps
the ``(kind, item_id)`` pairs it shows and fetches the rows themselves when it needs them.

Days are whole days since 1970-01-01 (int32), in Beijing time for timestamps. Missing
references are -1: no entity (a results clock, a clue not yet tied to an entity), no
department (a push in the shared queue, an unrouted clue), unknown town, no person.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from sqlalchemy import select

from core.db.models import Town

from .kinds import CALENDAR, KINDS, Kind
from .sources import Source, sources

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
READERS = 2  # concurrent source queries (this is a two-core workstation)
WORK_MEM = "32MB"  # PostgreSQL, for the reading transaction only
BEIJING = dt.timezone(dt.timedelta(hours=8))
OPEN = -1

# flags (bits)
DONE_DATE_ASSUMED = 1  # settled, but no stop date recorded: counted done on the due day
DUE_COMPUTED = 2       # no due date stored: computed from the start with the policy's duration

_DTYPES = {"kind": np.int8, "item_id": np.int64, "entity": np.int64, "department": np.int32,
           "town": np.int16, "person": np.int64, "start": np.int32, "due": np.int32,
           "done": np.int32, "flags": np.uint8}


def day_number(d: dt.date) -> int:
    """Days since 1970-01-01 of a date (a datetime is read in Beijing time)."""
    if isinstance(d, dt.datetime):
        d = (d.astimezone(BEIJING) if d.tzinfo else d + dt.timedelta(hours=8)).date()
    return d.toordinal() - EPOCH_ORDINAL


def day_date(n: int) -> dt.date:
    """The date of a day number."""
    return dt.date.fromordinal(int(n) + EPOCH_ORDINAL)


@dataclass(frozen=True, eq=False)
class DeadlineItems:
    """One row per clock. ``town`` indexes ``town_codes``; ``done`` is -1 while open.

    ``person`` refers to ``users`` or ``inspectors`` depending on the kind
    (``KINDS[kind].person_table``), so group by ``(kind's table, person)``, not ``person``.
    """

    kind: np.ndarray
    item_id: np.ndarray
    entity: np.ndarray
    department: np.ndarray
    town: np.ndarray
    person: np.ndarray
    start: np.ndarray
    due: np.ndarray
    done: np.ndarray
    flags: np.ndarray
    town_codes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.kind)
        for name, dtype in _DTYPES.items():
            arr = np.asarray(getattr(self, name))
            if arr.dtype != dtype:
                arr = arr.astype(dtype)
            if arr.shape != (n,):
                raise ValueError(f"column {name} has shape {arr.shape}, expected ({n},)")
            object.__setattr__(self, name, arr)
        object.__setattr__(self, "town_codes", tuple(self.town_codes))

    def __len__(self) -> int:
        return len(self.kind)

    @classmethod
    def empty(cls, town_codes: Iterable[str] = ()) -> DeadlineItems:
        return cls(**{name: np.empty(0, dtype) for name, dtype in _DTYPES.items()}, town_codes=tuple(town_codes))

    @classmethod
    def build(cls, rows: Iterable[dict[str, Any]], town_codes: Iterable[str] = ()) -> DeadlineItems:
        """Items from dicts (hand-made cases, tests): dates may be ``datetime.date``; a
        missing ``done``/``entity``/``department``/``town``/``person`` is -1, ``town`` may be a code."""
        codes = tuple(town_codes)
        index = {c: i for i, c in enumerate(codes)}
        cols: dict[str, list] = {name: [] for name in _DTYPES}
        for i, r in enumerate(rows):
            for name in _DTYPES:
                v = r.get(name, i + 1 if name == "item_id" else (0 if name == "flags" else -1))
                if name == "town" and isinstance(v, str):
                    v = index[v]
                if isinstance(v, dt.date):
                    v = day_number(v)
                cols[name].append(-1 if v is None else int(v))
        return cls(**{n: np.array(v, dtype=_DTYPES[n]) for n, v in cols.items()}, town_codes=codes)

    def take(self, selection: np.ndarray) -> DeadlineItems:
        """The rows picked by a boolean mask or an index array."""
        return replace(self, **{name: getattr(self, name)[selection] for name in _DTYPES})

    @classmethod
    def concat(cls, parts: Iterable[DeadlineItems]) -> DeadlineItems:
        parts = list(parts)
        if not parts:
            return cls.empty()
        codes = parts[0].town_codes
        if any(p.town_codes != codes for p in parts):
            raise ValueError("cannot join items with different town lists")
        return cls(**{n: np.concatenate([getattr(p, n) for p in parts]) for n in _DTYPES}, town_codes=codes)

    def tile(self, at_least: int) -> DeadlineItems:
        """The rows repeated until there are at least ``at_least`` (benchmarks of scale)."""
        reps = max(1, -(-at_least // max(1, len(self))))
        return replace(self, **{name: np.tile(getattr(self, name), reps) for name in _DTYPES})

    def kinds(self) -> dict[Kind, int]:
        """Number of rows per kind."""
        counts = np.bincount(self.kind, minlength=len(Kind)) if len(self) else np.zeros(len(Kind), int)
        return {k: int(counts[k]) for k in Kind}


def _ints(col: Iterable[Any], n: int, dtype) -> np.ndarray:
    return np.fromiter((OPEN if v is None else v for v in col), dtype=dtype, count=n)


def _convert(src: Source, rows: list, town_index: dict[str, int]) -> dict[str, np.ndarray]:
    n = len(rows)
    ids, entity, dept, town, person, start, due, done, extra = zip(*rows)
    due_days, done_days = _ints(due, n, np.int32), _ints(done, n, np.int32)
    settled = src.settled(done_days, extra)
    done_days[~settled] = OPEN
    assumed = settled & (done_days == OPEN)
    done_days[assumed] = due_days[assumed]  # still -1 where the due day is missing: see _fill_missing_dues
    return {"kind": np.full(n, int(src.kind), np.int8), "item_id": _ints(ids, n, np.int64),
            "entity": _ints(entity, n, np.int64), "department": _ints(dept, n, np.int32),
            "town": np.fromiter((town_index.get(t, OPEN) for t in town), dtype=np.int16, count=n),
            "person": _ints(person, n, np.int64), "start": _ints(start, n, np.int32), "due": due_days,
            "done": done_days, "flags": np.where(assumed, DONE_DATE_ASSUMED, 0).astype(np.uint8)}


def in_order(items: DeadlineItems) -> DeadlineItems:
    """``items`` sorted by kind, then item id: the one order every load and refresh returns."""
    order = np.lexsort((items.item_id, items.kind))
    if len(order) and (np.diff(order) == 1).all():
        return items
    return items.take(order)


def read_rows(db, src: Source, stmt, town_index: dict[str, int], chunk: int = 50_000) -> list[dict[str, np.ndarray]]:
    """``stmt`` (a select of ``src``'s columns) converted ``chunk`` rows at a time (a server-side
    cursor on PostgreSQL, whose hash joins get the memory to stay off temporary files)."""
    with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SET LOCAL work_mem = '{WORK_MEM}'")
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(stmt)
        return [_convert(src, part, town_index) for part in result.partitions()]


def _fill_missing_dues(items: DeadlineItems, calendar, policy) -> DeadlineItems:
    missing = np.flatnonzero(items.due == OPEN)
    if not len(missing):
        return items
    due, flags, done = items.due.copy(), items.flags.copy(), items.done.copy()
    for kind in np.unique(items.kind[missing]):
        rows = missing[items.kind[missing] == kind]
        days = policy.duration(kind)
        if KINDS[Kind(kind)].unit == CALENDAR:
            due[rows] = items.start[rows] + days
        else:
            dues = calendar.add_working_days_many(items.start[rows].astype("datetime64[D]"), days)
            # Outside the calendar's years (NaT): count calendar days rather than lose the row.
            due[rows] = np.where(np.isnat(dues), items.start[rows] + days, dues.astype(np.int64))
        flags[rows] |= DUE_COMPUTED
    assumed = (flags & DONE_DATE_ASSUMED).astype(bool) & (done == OPEN)
    done[assumed] = due[assumed]
    return replace(items, due=due, flags=flags, done=done)


def town_codes(db) -> tuple[str, ...]:
    with db.engine.connect() as conn:
        return tuple(conn.execute(select(Town.code).order_by(Town.code)).scalars())


def from_parts(parts: list[dict[str, np.ndarray]], codes: tuple[str, ...]) -> DeadlineItems:
    if not parts:
        return DeadlineItems.empty(codes)
    return DeadlineItems(**{n: np.concatenate([p[n] for p in parts]) for n in _DTYPES}, town_codes=codes)


def load_items(db, *, calendar=None, policy=None, chunk: int = 50_000) -> DeadlineItems:
    """Every clock in the database (see :mod:`core.deadlines.sources` for the rules), in
    kind, then item id order.

    Reads each kind with a SQLAlchemy Core select, unordered (sorted here, not on the server),
    streamed ``chunk`` rows at a time (a server-side cursor on PostgreSQL). Due dates missing in the database are computed with ``policy``
    durations on ``calendar`` (defaults: the administrator's policy and calendar).
    """
    codes = town_codes(db)
    index = {c: i for i, c in enumerate(codes)}
    # The database does most of the work and releases the GIL meanwhile: read the sources
    # two at a time (one connection each).
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        parts = [part for chunks in pool.map(lambda src: read_rows(db, src, src.stmt, index, chunk), sources())
                 for part in chunks]
    return complete(in_order(from_parts(parts, codes)), calendar, policy)


def complete(items: DeadlineItems, calendar=None, policy=None) -> DeadlineItems:
    """``items`` with due days the database does not store computed (see :func:`load_items`)."""
    if (items.due == OPEN).any():
        from core.workdays import default_calendar

        from .policy import load_policy

        items = _fill_missing_dues(items, calendar or default_calendar(), policy or load_policy())
    return items


__all__ = ["DONE_DATE_ASSUMED", "DUE_COMPUTED", "OPEN", "DeadlineItems", "complete", "day_date", "day_number",
           "from_parts", "in_order", "load_items", "read_rows", "town_codes"]
