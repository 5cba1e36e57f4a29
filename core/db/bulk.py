"""Fast bulk loading of plain rows, by dialect: SQLite executemany, PostgreSQL COPY.

The ORM is the wrong tool for millions of generated rows; this writes tuples straight
through the driver inside the caller's transaction, so a failure leaves nothing.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, text


def _copy_field(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    s = str(value)
    if "\\" in s or "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


def load_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table``; returns the count."""
    dialect = conn.dialect.name
    raw = conn.connection.driver_connection
    cols = ", ".join(f'"{c}"' for c in columns)
    if dialect == "postgresql":
        count = 0
        with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy:
            buf: list[str] = []
            for row in rows:
                buf.append("\t".join(map(_copy_field, row)))
                count += 1
                if len(buf) >= 20000:
                    copy.write("\n".join(buf) + "\n")
                    buf.clear()
            if buf:
                copy.write("\n".join(buf) + "\n")
        return count
    marks = ", ".join("?" for _ in columns)
    rows = rows if isinstance(rows, list) else list(rows)
    cur = raw.cursor()
    try:
        cur.executemany(f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks})', rows)
    finally:
        cur.close()
    return len(rows)


def reset_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """After loading explicit ids on PostgreSQL, move each id sequence past the maximum."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"
            )
        )
