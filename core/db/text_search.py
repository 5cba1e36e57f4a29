"""Substring search over entity codes, names and addresses, by dialect.

SQLite: an FTS5 table with the trigram tokenizer, external-content over
``market_entities`` and kept in step by triggers. PostgreSQL: pg_trgm GIN indexes
(declared on the model, created only on PostgreSQL). Both answer "any 3+ character
substring" from an index; shorter queries fall back to a scan (see core.services.search).
"""
from __future__ import annotations

from sqlalchemy import Connection

FTS_TABLE = "entity_fts"
FTS_COLUMNS = ("uscc", "name", "address")

_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"{', '.join(FTS_COLUMNS)}, content='market_entities', content_rowid='id', tokenize='trigram')"
)
_COLS = ", ".join(FTS_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
_TRIGGERS = {
    "market_entities_fts_ai": f"AFTER INSERT ON market_entities BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES (new.id, {_NEW}); END",
    "market_entities_fts_ad": f"AFTER DELETE ON market_entities BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', old.id, {_OLD}); END",
    "market_entities_fts_au": f"AFTER UPDATE OF {_COLS} ON market_entities BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLS}) VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {_COLS}) VALUES (new.id, {_NEW}); END",
}


def is_search_object(name: str | None) -> bool:
    """True for the FTS table and its shadow tables, which the ORM metadata does not describe."""
    return bool(name) and name.startswith(FTS_TABLE)


def create_sqlite_fts(conn: Connection) -> None:
    """Create the FTS table and its triggers, and index what is already there."""
    conn.exec_driver_sql(_CREATE)
    create_sqlite_triggers(conn)
    rebuild_sqlite_fts(conn)


def drop_sqlite_fts(conn: Connection) -> None:
    drop_sqlite_triggers(conn)
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def create_sqlite_triggers(conn: Connection) -> None:
    for name, body in _TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop_sqlite_triggers(conn: Connection) -> None:
    """Bulk loads drop the triggers and rebuild the index once at the end (far faster)."""
    for name in _TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def rebuild_sqlite_fts(conn: Connection) -> None:
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def include_object_for(dialect: str):
    """Alembic ``include_object`` hook: leave out what the models do not describe on
    ``dialect`` (the FTS tables on SQLite; the PostgreSQL-only trigram indexes elsewhere)."""

    def include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        if type_ == "table":
            return not is_search_object(name)
        if type_ == "index" and dialect != "postgresql":
            return not (name or "").endswith("_trgm")
        return True

    return include
