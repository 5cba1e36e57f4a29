"""Which database to use, and opening it with the right settings for its dialect.

SQLite (one workstation, zero setup) is the default; PostgreSQL is the shared server.
Resolution order: an explicit URL (``--db``), then ``TONGGUAN_DB``, then a SQLite file in
the user data folder. On a shared PostgreSQL server, migrations run as the owner
of the tables (``--owner-url``, then ``TONGGUAN_DB_OWNER``) while the console connects as
an application role that cannot change the audit log (see :mod:`core.db.roles`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from core.paths import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from core.errors import DatabaseTimedOut, DatabaseUnavailable

ENV_VAR = "TONGGUAN_DB"
OWNER_ENV_VAR = "TONGGUAN_DB_OWNER"
STATEMENT_TIMEOUT_ENV_VAR = "TONGGUAN_PG_STATEMENT_TIMEOUT"  # seconds; 0 turns the limit off
# A unit of work's connections carry this execution option: on SQLite their transaction
# starts with BEGIN IMMEDIATE (see _sqlite_begin).
WRITE_OPTION = "tongguan_write"
PING_SQL = "SELECT 1"


def default_sqlite_path() -> Path:
    """The embedded database file in the user's data folder."""
    return user_data_dir() / "tongguan.sqlite"


def resolve_url(explicit: str | None = None) -> URL:
    """Turn ``--db``/``TONGGUAN_DB``/the default into a SQLAlchemy URL.

    A bare path means a SQLite file; ``postgresql://`` gets the psycopg 3 driver.
    """
    raw = explicit or os.environ.get(ENV_VAR) or str(default_sqlite_path())
    if "://" not in raw:
        return make_url("sqlite:///" + str(Path(raw).expanduser().resolve()))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"not a database URL: {exc}", where=raw) from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if not url.drivername.startswith(("sqlite", "postgresql")):
        raise DatabaseUnavailable(
            "only SQLite files and PostgreSQL servers are supported", where=raw
        )
    return url


def resolve_owner_url(owner: str | None = None, app: str | None = None) -> URL:
    """The URL migrations use: ``--owner-url``, then ``TONGGUAN_DB_OWNER``, then the app's URL."""
    return resolve_url(owner or os.environ.get(OWNER_ENV_VAR) or app)


def describe(url: URL) -> str:
    """A short label for status bars and messages, never showing a password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database or ':memory:'}"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"PostgreSQL {url.database}@{host}{port}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlite_begin(conn) -> None:
    """A unit of work takes SQLite's write lock before it reads (BEGIN IMMEDIATE).

    pysqlite would only begin (deferred) at the first INSERT/UPDATE, after the unit has
    read the state it checks: two workstations could then both see a clue unclaimed and
    both claim it. Taken first, the lock makes each unit see the other's commit; another
    unit waits for it (busy_timeout). Read-only sessions keep pysqlite's behaviour, so they
    never wait on a writer (WAL). SQLAlchemy's recipe for SQLite transactions, scoped.
    """
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass(frozen=True)
class EngineOptions:
    """Knobs a caller may change; defaults suit the console."""

    create_sqlite_dir: bool = True
    echo: bool = False
    # PostgreSQL: no statement runs longer (None: TONGGUAN_PG_STATEMENT_TIMEOUT, else 120 s;
    # 0: no limit), and TCP keep-alives notice a server that went away silently.
    statement_timeout_s: float | None = None
    connect_timeout_s: int = 5
    keepalives_idle_s: int = 30
    keepalives_interval_s: int = 10
    keepalives_count: int = 3


def statement_timeout_s(options: EngineOptions) -> float:
    """The PostgreSQL statement time-out in seconds (0 means none)."""
    if options.statement_timeout_s is not None:
        return options.statement_timeout_s
    raw = os.environ.get(STATEMENT_TIMEOUT_ENV_VAR, "").strip()
    try:
        return float(raw) if raw else 120.0
    except ValueError:
        raise DatabaseUnavailable(f"{STATEMENT_TIMEOUT_ENV_VAR} must be a number of seconds, not {raw!r}",
                                  where=STATEMENT_TIMEOUT_ENV_VAR) from None


def pg_connect_args(options: EngineOptions) -> dict:
    """psycopg connection arguments: time-outs, keep-alives and the application's name."""
    timeout_ms = int(statement_timeout_s(options) * 1000)
    return {"connect_timeout": options.connect_timeout_s, "application_name": "tongguan",
            "options": f"-c statement_timeout={timeout_ms}",
            "keepalives": 1, "keepalives_idle": options.keepalives_idle_s,
            "keepalives_interval": options.keepalives_interval_s, "keepalives_count": options.keepalives_count}


def open_engine(url: URL, options: EngineOptions = EngineOptions()) -> Engine:
    """Create an engine and prove the database answers; raise DatabaseUnavailable if not."""
    where = describe(url)
    try:
        if url.get_backend_name() == "sqlite":
            engine = _sqlite_engine(url, options)
        else:
            engine = create_engine(
                url,
                echo=options.echo,
                pool_pre_ping=True,
                connect_args=pg_connect_args(options),
            )
    except NoSuchModuleError as exc:
        raise DatabaseUnavailable(f"no driver for this database: {exc}", where=where) from exc
    check_connection(engine)
    return engine


def _sqlite_engine(url: URL, options: EngineOptions) -> Engine:
    if url.database and url.database != ":memory:":
        parent = Path(url.database).parent
        if not parent.exists():
            if not options.create_sqlite_dir:
                raise DatabaseUnavailable("folder does not exist", where=str(parent))
            parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=options.echo)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def check_connection(engine: Engine, timeout_s: float | None = None) -> None:
    """Run a trivial query; turn any driver failure into one clear DatabaseUnavailable.

    With ``timeout_s`` on PostgreSQL the server cancels the ping after that long
    (DatabaseTimedOut), so a backend stuck behind a lock cannot pass for a healthy one.
    """
    try:
        with engine.connect() as conn:
            if timeout_s is not None and engine.dialect.name == "postgresql":
                conn.execute(text("SELECT set_config('statement_timeout', :ms, true)"),
                             {"ms": str(max(1, int(timeout_s * 1000)))})
            conn.execute(text(PING_SQL))
    except DBAPIError as exc:
        timed_out = _timed_out(exc, describe(engine.url))
        if timed_out is not None:
            raise timed_out from exc
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(
            f"cannot reach the database ({reason})", where=describe(engine.url)
        ) from exc


def _timed_out(exc: BaseException, where: str) -> DatabaseTimedOut | None:
    """PostgreSQL's statement time-out (SQLSTATE 57014) or SQLite's busy time-out, typed."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "57014":
        return DatabaseTimedOut("the database did not answer in time (statement time-out)", where=where)
    if type(orig).__name__ == "OperationalError" and "database is locked" in str(orig):
        return DatabaseTimedOut("the database stayed locked by another workstation", where=where)
    return None


def as_unavailable(exc: BaseException, where: str = "database") -> DatabaseUnavailable | None:
    """The DatabaseUnavailable an exception means, if it says the database went away."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    if isinstance(exc, DatabaseUnavailable):
        return exc
    if isinstance(exc, DBAPIError) and (timed_out := _timed_out(exc, where)) is not None:
        return timed_out
    if isinstance(exc, DBAPIError) and (
        exc.connection_invalidated or isinstance(exc, (OperationalError, InterfaceError))
    ):
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        return DatabaseUnavailable(f"lost the database connection ({reason})", where=where)
    return None
