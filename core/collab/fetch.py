"""Bulk reads: a statement run on the driver's own cursor, its rows as plain tuples.

The collaboration views read a year of rows (some hundred thousand); SQLAlchemy's row
objects and type processing cost more than the query itself there. Statements are compiled
with their values inlined (dates, numbers and codes the code itself supplies, never user text).
The helpers below read timestamps and dates as text (numpy parses them) and make node keys.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
from sqlalchemy import String, cast, func
from sqlalchemy.orm import Session


def fetch_rows(s: Session, stmt) -> list[tuple]:
    """The rows of ``stmt`` as tuples, in the session's transaction."""
    conn = s.connection()
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


def fetch_columns(s: Session, stmt, n: int) -> list[list]:
    """The columns of ``stmt``'s rows (``n`` empty lists when there are none)."""
    rows = fetch_rows(s, stmt)
    # One comprehension per column: some times faster than zip(*rows) on 100,000s of rows.
    return [[r[i] for r in rows] for i in range(n)]


def txt(column):
    """A date column read as its text (ISO on both databases), parsed by numpy: far faster
    than a Python object per value on the hundred thousand rows of a year."""
    return cast(column, String)


def stamp(s: Session, column):
    """A timestamp column as naive-UTC ISO text (PostgreSQL stores them with a time zone and
    would print them in the session's)."""
    if s.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), 'YYYY-MM-DD"T"HH24:MI:SS')
    return cast(column, String)


def naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def days_of(values) -> np.ndarray:
    """Days of date texts or dates (NaT for None)."""
    if not len(values):
        return np.empty(0, "datetime64[D]")
    if isinstance(next((v for v in values if v is not None), None), dt.date):  # a driver's date objects
        values = [v.isoformat() if v is not None else None for v in values]
    return np.array(values, dtype="datetime64[D]")


def local_days(stamps) -> np.ndarray:
    """Beijing days of naive-UTC timestamps or their texts (NaT for None)."""
    return local_moments(stamps).astype("datetime64[D]")


def local_moments(stamps) -> np.ndarray:
    """Beijing moments (datetime64[s]) of naive-UTC timestamps or their texts (NaT for None)."""
    if not len(stamps):
        return np.empty(0, "datetime64[s]")
    if isinstance(next((v for v in stamps if v is not None), None), dt.datetime):
        stamps = [naive(v).isoformat() if v is not None else None for v in stamps]
    return np.array(stamps, dtype="datetime64[s]") + np.timedelta64(8, "h")


def keys(prefix: str, values) -> np.ndarray:
    return np.array([f"{prefix}:{v}" if v is not None else "" for v in values], dtype=object)
