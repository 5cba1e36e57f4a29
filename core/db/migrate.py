"""Schema migrations with Alembic, driven from code (``tongguan db upgrade``).

Every run is all-or-nothing, on both backends: the whole run (all revisions from the
current one to the target, and the version stamp) is one database transaction, so a
migration that fails half-way, or a process killed half-way, leaves schema, data and
version exactly as they were, and the next run starts from there.

Why one transaction rather than a file backup on SQLite: SQLite DDL is transactional,
and its journal makes a transaction survive a crash or ``kill -9``. A backup restored "on
failure" cannot be restored by a process that was killed, and copying a city of a
million rows before every upgrade costs time and disk. What stands in the way is only
pysqlite's own transaction handling, which leaves DDL before the first DML outside any
transaction (autocommitted one statement at a time). So on SQLite
:func:`core.db.atomic.one_transaction` switches the driver to autocommit for this one
connection and issues ``BEGIN IMMEDIATE`` itself; Alembic sees the connection in a transaction and adds none of its own.
``render_as_batch`` operations (copy the table, drop the old one, rename) are plain DDL
and DML and stay inside it. ``PRAGMA foreign_keys`` cannot change inside a transaction,
so it is switched off around the run (as the SQLite manual's table-rebuild procedure
asks: a rebuilt parent table must not cascade or refuse) and ``PRAGMA foreign_key_check``
must find nothing before the commit. PostgreSQL DDL is transactional: the run is one
``engine.begin()``, and Alembic's per-migration transactions are off.
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("core.db") / "migrations"))
    return cfg


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def run_in_one_transaction(engine: Engine, work: Callable[[Connection], None]) -> None:
    """Run ``work(conn)`` as one transaction: committed whole, or rolled back whole (DDL too)."""
    from .atomic import one_transaction

    with one_transaction(engine, sqlite_foreign_keys_off=True) as conn:
        work(conn)


def _alembic(conn: Connection, action: Callable[[Config], None]) -> None:
    if conn.dialect.name == "postgresql":
        # A migration rebuilds indexes over millions of rows: the console's statement
        # time-out (core.db.engine) is for interactive calls, not for this transaction.
        conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
    cfg = _config()
    cfg.attributes["connection"] = conn
    action(cfg)


def upgrade(engine: Engine, revision: str = "head",
            then: Callable[[Connection], None] | None = None) -> tuple[str | None, str | None]:
    """Bring the schema to ``revision`` in one transaction; returns (before, after) revisions.

    ``then(conn)`` runs in the same transaction after the last revision (e.g. grants), so a
    failure there undoes the upgrade too.
    """
    before = current_revision(engine)

    def work(conn: Connection) -> None:
        _alembic(conn, lambda cfg: command.upgrade(cfg, revision))
        if then is not None:
            then(conn)

    run_in_one_transaction(engine, work)
    return before, current_revision(engine)


def downgrade(engine: Engine, revision: str) -> tuple[str | None, str | None]:
    """Take the schema back to ``revision`` in one transaction; returns (before, after)."""
    before = current_revision(engine)
    run_in_one_transaction(engine, lambda conn: _alembic(conn, lambda cfg: command.downgrade(cfg, revision)))
    return before, current_revision(engine)


def autogenerate(engine: Engine, message: str) -> None:
    """Write a new revision from the model diff (for developers, not users)."""
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, autogenerate=True)


def upgrade_on(conn: Connection, revision: str = "head") -> None:
    """Upgrade inside the caller's transaction (used by builds that must be all-or-nothing)."""
    _alembic(conn, lambda cfg: command.upgrade(cfg, revision))


def schema_drift(engine: Engine) -> list:
    """Differences between the database schema and the models (empty when in step)."""
    from alembic.autogenerate import compare_metadata

    from .models import Base
    from .text_search import include_object_for

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": include_object_for(conn.dialect.name)})
        return compare_metadata(ctx, Base.metadata)
