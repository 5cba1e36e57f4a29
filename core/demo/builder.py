"""Build the demo city into a database: all-or-nothing, with progress and cancel.

SQLite: built into a temporary file next to the target and moved into place only when
complete, so an existing database is never half-overwritten. PostgreSQL: built in one
transaction. Bulk rows go through the driver (core.db.bulk), not the ORM.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, func, inspect, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import sessionmaker

from core.db.database import Database
from core.db.engine import open_engine, resolve_url
from core.db.migrate import upgrade_on
from core.db.models import Base, MarketEntity
from core.db.models.base import clock_from
from core.db.uow import UnitOfWork
from core.demo.people import DEMO_SYSTEM_ACCOUNT
from core.errors import Cancelled, ValidationError

from .case_clocks import add_case_clocks
from .credit_classes import score_demo_city
from .showcase import add_showcase_plan
from .spec import DemoSpec
from .writer import DemoWriter

Progress = Callable[[float, str], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class DemoReport:
    """What a build produced and how long it took."""

    database: str
    entities: int
    rows: int
    build_s: float
    db_mb: float | None
    counts: dict[str, int]

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.build_s if self.build_s else 0.0


def _entity_count(engine: Engine) -> int:
    if "market_entities" not in inspect(engine).get_table_names():
        return 0
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(MarketEntity)) or 0


def build_demo(
    url: str | URL | None,
    spec: DemoSpec,
    *,
    replace: bool = False,
    progress: Progress = lambda f, m: None,
    is_cancelled: IsCancelled = lambda: False,
) -> DemoReport:
    """Build ``spec`` into the database at ``url``; refuse a non-empty one unless ``replace``."""
    target = url if isinstance(url, URL) else resolve_url(url)
    started = time.perf_counter()
    if target.get_backend_name() == "sqlite":
        counts = _build_sqlite(target, spec, replace, progress, is_cancelled)
    else:
        counts = _build_server(target, spec, replace, progress, is_cancelled)
    # Next year's plan goes through the draw services, on the finished city.
    progress(0.99, "next year's draw plan")
    db = Database.open(target)
    try:
        progress(0.99, "credit classes from the rules")
        score_demo_city(db, spec)  # before the plan: its pool is sampled by these classes
        add_showcase_plan(db, spec)
        add_case_clocks(db, spec)  # one case extended, one paused (规定 Art. 64)
    finally:
        db.dispose()
    if target.get_backend_name() == "sqlite":
        size = os.path.getsize(target.database) / 2**20
    else:
        size = _pg_size(target)
    elapsed = time.perf_counter() - started
    return DemoReport(str(target.render_as_string(hide_password=True)), spec.entities,
                      sum(counts.values()), elapsed, size, counts)


def _refuse_if_full(engine: Engine, replace: bool) -> None:
    existing = _entity_count(engine)
    if existing and not replace:
        raise ValidationError(
            f"the database already holds {existing} market entities; "
            "pass --replace to discard them and build the demo city",
            where=str(engine.url.render_as_string(hide_password=True)),
        )


def _build_sqlite(target: URL, spec: DemoSpec, replace: bool, progress: Progress,
                  is_cancelled: IsCancelled) -> dict[str, int]:
    path = Path(target.database)
    if path.exists():
        probe = open_engine(target)
        try:
            _refuse_if_full(probe, replace)
        finally:
            probe.dispose()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.building-{os.getpid()}")
    for leftover in (tmp, Path(f"{tmp}-journal")):
        leftover.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{tmp}")
    try:
        with engine.connect() as conn:
            # Safe to drop durability here: the file is thrown away unless we finish.
            for pragma in ("page_size=16384", "journal_mode=OFF", "synchronous=OFF", "cache_size=-262144",
                           "temp_store=MEMORY", "foreign_keys=OFF"):
                conn.exec_driver_sql(f"PRAGMA {pragma}")
            conn.commit()
            with conn.begin():
                counts = _fill(conn, spec, progress, is_cancelled)
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            conn.commit()
        engine.dispose()
        for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
        os.replace(tmp, path)
    except BaseException:
        engine.dispose()
        tmp.unlink(missing_ok=True)
        raise
    return counts


def _build_server(target: URL, spec: DemoSpec, replace: bool, progress: Progress,
                  is_cancelled: IsCancelled) -> dict[str, int]:
    engine = open_engine(target)
    try:
        _refuse_if_full(engine, replace)
        with engine.connect() as conn:
            with conn.begin():
                # DDL is transactional on PostgreSQL: a failed build restores the old data.
                Base.metadata.drop_all(conn)
                conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
                # Generated timestamps are UTC wall times; COPY must read them as such.
                conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
                counts = _fill(conn, spec, progress, is_cancelled)
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()
    return counts


def _pg_size(target: URL) -> float | None:
    engine = open_engine(target)
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT pg_database_size(current_database())")) / 2**20
    finally:
        engine.dispose()


def _fill(conn: Connection, spec: DemoSpec, progress: Progress, is_cancelled: IsCancelled) -> dict[str, int]:
    def check() -> None:
        if is_cancelled():
            raise Cancelled("demo build cancelled; nothing was written")

    upgrade_on(conn)
    sessions = sessionmaker(bind=conn, join_transaction_mode="create_savepoint")
    # The build is stamped on the demo's own clock, never the wall clock: nothing lies after its now.
    with clock_from(spec.history_end.astimezone(dt.timezone.utc)), UnitOfWork(
            sessions, DEMO_SYSTEM_ACCOUNT[0], bootstrap=True) as uow:  # the account is written by this unit
        writer = DemoWriter(conn, uow, spec, progress, check)
        counts = writer.run()
        uow.audit("demo.build", "database", "demo", after={
            "entities": spec.entities, "seed": spec.seed, "as_of": spec.as_of.isoformat(),
            "rows": sum(counts.values()),
        })
        uow.commit()
    return counts
