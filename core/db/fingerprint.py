"""A content digest per table, independent of dialect: proves two builds hold the same data."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import Engine, select

from .models import Base

_SKIP = {"audit_log"}  # holds wall-clock times of the build itself


def _norm(value: object) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 6))
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if hasattr(value, "value"):  # enums
        return str(value.value)
    return "" if value is None else str(value)


def table_digests(engine: Engine) -> dict[str, str]:
    """{table: sha256 of its rows in primary-key order}, for every Tongguan table."""
    out = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in _SKIP:
                continue
            h = hashlib.sha256()
            result = conn.execute(select(table).order_by(*table.primary_key.columns))
            for row in result:
                h.update("\x1f".join(_norm(v) for v in row).encode())
                h.update(b"\x1e")
            out[table.name] = h.hexdigest()
    return out
