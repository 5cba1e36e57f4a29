"""All-or-nothing work spanning many services: one database transaction, DDL included.

A service opens its own unit of work and commits it. To make a run of several services
one unit (``tongguan draw run``, migrations), :func:`all_or_nothing` hands out a
:class:`~core.db.database.Database` whose sessions all join one outer transaction: each
service's commit only releases a savepoint, and the outer transaction commits once, at
the end, or rolls back whole on any error, or is rolled back by the database itself when
the process dies (``kill -9``). PostgreSQL's transactions cover DDL. On SQLite, pysqlite
would leave DDL before the first DML outside any transaction and would begin one only at
the first write, so :func:`one_transaction` sets the driver to autocommit for this one
connection and issues ``BEGIN IMMEDIATE`` itself (the write lock is taken first: nobody
changes what the run reads before it writes).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import sessionmaker

from core.errors import ConfigError

from .database import Database


@contextmanager
def one_transaction(engine: Engine, *, sqlite_foreign_keys_off: bool = False) -> Iterator[Connection]:
    """A connection inside one transaction, committed when the block ends without error.

    ``sqlite_foreign_keys_off``: on SQLite, foreign keys are not enforced during the block
    (tables may be rebuilt, as migrations do) and ``PRAGMA foreign_key_check`` must find
    nothing before the commit.
    """
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            with conn.begin():
                yield conn
            return
        dbapi = conn.connection.driver_connection
        legacy = dbapi.isolation_level
        dbapi.isolation_level = None  # no BEGIN/COMMIT of the driver's own: ours span DDL and reads
        try:
            if sqlite_foreign_keys_off:
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction
            conn.commit()
            with conn.begin():
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                yield conn
                if sqlite_foreign_keys_off:
                    _check_foreign_keys(conn)
        finally:
            if dbapi.in_transaction:  # an error inside: nothing of the block stays
                dbapi.rollback()
            conn.rollback()
            if sqlite_foreign_keys_off:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
            dbapi.isolation_level = legacy


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise ConfigError(f"外键不一致，已全部回滚 ({len(broken)} broken foreign keys, e.g. {table} row {rowid} "
                          f"-> {parent}; everything was rolled back)", where="database")


@contextmanager
def all_or_nothing(db: Database) -> Iterator[Database]:
    """A Database whose every unit of work joins one transaction, committed when the block ends.

    Services used inside commit as usual (a savepoint); an exception leaving the block rolls
    back everything they did, audit entries included.
    """
    with one_transaction(db.engine) as conn:
        inner = Database(db.engine)
        inner.sessions = sessionmaker(bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint")
        yield inner
