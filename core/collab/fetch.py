"""Bulk reads: a statement run on the driver's own cursor, its rows as plain tuples.

The collaboration views read a year of rows (some hundred thousand); SQLAlchemy's row
objects and type processing cost more than the query itself there. Statements are compiled
with their values inlined (dates, numbers and codes the code itself supplies, never user text).
"""
from __future__ import annotations

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
    return [list(c) for c in zip(*rows)] if rows else [[] for _ in range(n)]
