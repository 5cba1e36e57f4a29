"""A fingerprint of a whole database as it stands, at any schema revision.

Unlike :mod:`core.db.fingerprint` (the models' tables at head, without the audit log) this
reads whatever tables the database holds, with their columns, indexes and keys, every row
(the audit log too) and the Alembic version: two equal fingerprints mean nothing changed.
"""
from __future__ import annotations

import hashlib

from sqlalchemy import Engine, MetaData, inspect, select


def _schema(engine: Engine) -> dict:
    insp = inspect(engine)
    out = {}
    for name in sorted(insp.get_table_names()):
        out[name] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(name)],
            "pk": insp.get_pk_constraint(name).get("constrained_columns"),
            "indexes": sorted((i["name"] or "", tuple(i["column_names"]), bool(i["unique"]))
                              for i in insp.get_indexes(name)),
            "fks": sorted((tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                          for f in insp.get_foreign_keys(name)),
        }
    return out


def database_state(engine: Engine) -> dict[str, str]:
    """{"schema": digest, "<table>": digest of its rows, "version": revision} for every table there."""
    meta = MetaData()
    meta.reflect(engine)
    schema = _schema(engine)
    state = {"schema": hashlib.sha256(repr(schema).encode()).hexdigest()}
    with engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            rows = sorted(repr(tuple(row)) for row in conn.execute(select(table)))
            state[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest() + f" ({len(rows)} rows)"
        if "alembic_version" in meta.tables:
            state["version"] = ",".join(r[0] for r in conn.execute(select(meta.tables["alembic_version"])))
    return state
