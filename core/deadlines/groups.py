"""Grouping keys shared by the summaries, trends and drill-down of the efficiency monitor.

A group is "department", "town", "person" or "kind"; each row gets an int64 code (-1 for
none) and a code decodes to the ``(key, table)`` a :class:`~core.deadlines.summary.GroupRow`
shows: the department id, the town code, the person id with its table (person ids of
clues are users, of inspections and verifications inspectors), or the kind's key.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from .items import DeadlineItems, day_number
from .kinds import KINDS, Kind
from .levels import Assessment

GROUPS = ("department", "town", "person", "kind")
# Person ids refer to different tables per kind: keep them apart in one integer key.
_PERSON_TABLES = ("users", "inspectors")
_TABLE_OF_KIND = np.array([_PERSON_TABLES.index(KINDS[k].person_table) if KINDS[k].person_table else -1
                           for k in Kind], dtype=np.int64)

Period = tuple[dt.date | int, dt.date | int]


def levels_of(levels: np.ndarray | Assessment) -> np.ndarray:
    return levels.levels if isinstance(levels, Assessment) else np.asarray(levels)


def period_mask(items: DeadlineItems, period: Period | None) -> np.ndarray | None:
    """Rows whose due day is within ``period`` (inclusive); None for no period."""
    if period is None:
        return None
    lo, hi = (day_number(d) if isinstance(d, dt.date) else int(d) for d in period)
    return (items.due >= lo) & (items.due <= hi)


def _person_codes(items: DeadlineItems) -> np.ndarray:
    table = _TABLE_OF_KIND[items.kind]
    return np.where((items.person >= 0) & (table >= 0), items.person * 2 + table, -1)


def group_codes(items: DeadlineItems, group: str) -> np.ndarray:
    """An int64 key per row for ``group`` (-1 for none); see :func:`decode_key`."""
    if group == "department":
        return items.department.astype(np.int64)
    if group == "town":
        return items.town.astype(np.int64)
    if group == "person":
        return _person_codes(items)
    if group == "kind":
        return items.kind.astype(np.int64)
    raise ValueError(f"group must be one of {', '.join(GROUPS)}, not {group!r}")


def decode_key(items: DeadlineItems, group: str, code: int) -> tuple[int | str | None, str | None]:
    """(key, table) of a group code."""
    if code < 0:
        return None, None
    if group == "department":
        return int(code), "departments"
    if group == "town":
        return items.town_codes[code], "towns"
    if group == "person":
        return int(code) // 2, _PERSON_TABLES[int(code) % 2]
    return Kind(code).key, None


def encode_key(items: DeadlineItems, group: str, key: int | str | None, table: str | None = None) -> int:
    """The group code of a :class:`GroupRow` key (the inverse of :func:`decode_key`)."""
    if key is None:
        return -1
    if group == "town":
        return items.town_codes.index(key) if key in items.town_codes else -2
    if group == "person":
        if table not in _PERSON_TABLES:
            raise ValueError("a person key needs its table: 'users' or 'inspectors'")
        return int(key) * 2 + _PERSON_TABLES.index(table)
    if group == "kind":
        return int(Kind[key.upper()]) if isinstance(key, str) else int(key)
    return int(key)


def group_mask(items: DeadlineItems, group: str, key: int | str | None, table: str | None = None) -> np.ndarray:
    """Rows of one group row (``key`` and ``table`` as in :class:`GroupRow`)."""
    return group_codes(items, group) == encode_key(items, group, key, table)


def dense_codes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(distinct codes, index of each row's code): a bincount when codes are small ints."""
    lo, hi = int(codes.min()), int(codes.max())
    if lo >= -1 and hi < 4 * len(codes) + 1_000_000:
        present = np.bincount(codes + 1, minlength=hi + 2) > 0
        uniq = np.flatnonzero(present) - 1
        where = np.cumsum(present) - 1
        return uniq, where[codes + 1]
    return np.unique(codes, return_inverse=True)
