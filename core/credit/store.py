"""Reading credit records as arrays and writing classes: the database side of scoring.

Both dialects return day numbers (days since 1970-01-01) from SQL, so a city's records
reach numpy without a Python date object per row.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from core.db.models import CreditRuleSet

from .rules import CLASSES, DEFAULT_RULES, RuleSet, rules_from_json
from .scoring import KIND_INDEX, NO_DAY, RecordArrays

EPOCH = dt.date(1970, 1, 1)
_CHUNK = 900  # ids per IN (...) list: under SQLite's variable limit


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def _days(conn: Connection, column: str) -> str:
    if conn.dialect.name == "sqlite":
        return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"
    return f"({column} - DATE '1970-01-01')"


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _fetch(conn: Connection, sql: str, width: int) -> np.ndarray:
    """Rows of integers straight from the driver's cursor (no Row objects: a city is millions)."""
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(sql)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return np.array(rows, dtype=np.int64).reshape(len(rows), width)


def _ids_where(column: str, ids: Sequence[int] | None) -> list[str]:
    if ids is None:
        return [""]
    return [f"WHERE {column} IN ({','.join(str(int(i)) for i in part)})" for part in _chunks(list(ids))]


def _case(column: str, values: Sequence[str], other: int) -> str:
    whens = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values))
    return f"CASE {column} {whens} ELSE {other} END"


def load_records(conn: Connection, entity_ids: Sequence[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(entity id per record, int64 matrix [kind index, day, valid_until, ended, repaired]) of the records
    of ``entity_ids`` (None: the whole city); a kind the rules do not know is -1."""
    cols = ", ".join(f"COALESCE({_days(conn, c)}, {NO_DAY})" for c in ("valid_until", "ended_on", "repaired_on"))
    select_sql = (f"SELECT entity_id, {_case('kind', list(KIND_INDEX), -1)}, {_days(conn, 'occurred_on')}, {cols} "
                  "FROM credit_records ")
    parts = [_fetch(conn, select_sql + where, 6) for where in _ids_where("entity_id", entity_ids)]
    data = np.concatenate(parts) if parts else np.zeros((0, 6), dtype=np.int64)
    return data[:, 0], data[:, 1:]


def arrays_for(entity_ids: np.ndarray, owners: np.ndarray, cols: np.ndarray) -> RecordArrays:
    """Records as :class:`RecordArrays` indexed into ``entity_ids`` (sorted); others dropped."""
    idx = np.searchsorted(entity_ids, owners)
    idx = np.clip(idx, 0, max(len(entity_ids) - 1, 0))
    keep = (entity_ids[idx] == owners) if len(entity_ids) else np.zeros(len(owners), dtype=bool)
    c = cols[keep]
    return RecordArrays(owner=idx[keep], kind=c[:, 0], day=c[:, 1], valid_until=c[:, 2], ended=c[:, 3],
                        repaired=c[:, 4])


def entity_classes(conn: Connection, entity_ids: Sequence[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(sorted entity ids, current class index 0-3) from ``market_entities.risk_class``."""
    sql = f"SELECT id, {_case('risk_class', CLASSES[:3], 3)} FROM market_entities "
    ids = None if entity_ids is None else sorted(set(int(i) for i in entity_ids))
    data = np.concatenate([_fetch(conn, sql + where + " ORDER BY id", 2) for where in _ids_where("id", ids)]
                          or [np.zeros((0, 2), dtype=np.int64)])
    return data[:, 0], data[:, 1].astype(np.int8)


def official_classes(conn: Connection, entity_ids: Sequence[int] | None = None) -> dict[int, tuple[str, str]]:
    """entity id -> (official class, source) for the entities that have one."""
    sql = "SELECT entity_id, risk_class, source FROM credit_official_classes"
    if entity_ids is None:
        return {r[0]: (r[1], r[2]) for r in conn.exec_driver_sql(sql)}
    out: dict[int, tuple[str, str]] = {}
    for part in _chunks(list(entity_ids)):
        out.update({r[0]: (r[1], r[2]) for r in
                    conn.exec_driver_sql(f"{sql} WHERE entity_id IN ({','.join(str(int(i)) for i in part)})")})
    return out


def apply_overrides(ids: np.ndarray, cls: np.ndarray, official: dict[int, tuple[str, str]]) -> np.ndarray:
    """A mask of the entities whose class is the official one (written into ``cls``)."""
    mask = np.zeros(len(ids), dtype=bool)
    if official:
        oid = np.fromiter(official, dtype=np.int64, count=len(official))
        ocls = np.fromiter((CLASSES.index(v[0]) for v in official.values()), dtype=np.int8, count=len(official))
        pos = np.searchsorted(ids, oid).clip(0, max(len(ids) - 1, 0))
        hit = ids[pos] == oid
        cls[pos[hit]] = ocls[hit]
        mask[pos[hit]] = True
    return mask


def write_classes(conn: Connection, ids: np.ndarray, cls: np.ndarray) -> None:
    """Set ``market_entities.risk_class`` of ``ids`` (one UPDATE per target class and id chunk)."""
    for c in range(4):
        chosen = ids[cls == c].tolist()
        for part in _chunks(chosen):
            conn.exec_driver_sql(f"UPDATE market_entities SET risk_class = '{CLASSES[c]}' "
                                 f"WHERE id IN ({','.join(map(str, part))})")


def active_rules(session: Session | Connection) -> RuleSet:
    """The active rule set (the built-in one if the table holds none)."""
    row = session.execute(select(CreditRuleSet.version, CreditRuleSet.rules)
                          .where(CreditRuleSet.active.is_(True))).first()
    return rules_from_json(row[1], row[0]) if row else DEFAULT_RULES
