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

from core.errors import DatabaseUnavailable

ENV_VAR = "TONGGUAN_DB"
OWNER_ENV_VAR = "TONGGUAN_DB_OWNER"


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


@dataclass(frozen=True)
class EngineOptions:
    """Knobs a caller may change; defaults suit the console."""

    create_sqlite_dir: bool = True
    echo: bool = False


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
                connect_args={"connect_timeout": 5, "application_name": "tongguan"},
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
    return engine


def check_connection(engine: Engine) -> None:
    """Run a trivial query; turn any driver failure into one clear DatabaseUnavailable."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(
            f"cannot reach the database ({reason})", where=describe(engine.url)
        ) from exc


def as_unavailable(exc: BaseException, where: str = "database") -> DatabaseUnavailable | None:
    """The DatabaseUnavailable an exception means, if it says the database went away."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    if isinstance(exc, DatabaseUnavailable):
        return exc
    if isinstance(exc, DBAPIError) and (
        exc.connection_invalidated or isinstance(exc, (OperationalError, InterfaceError))
    ):
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        return DatabaseUnavailable(f"lost the database connection ({reason})", where=where)
    return None
