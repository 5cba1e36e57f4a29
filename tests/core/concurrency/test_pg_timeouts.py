"""PostgreSQL: a statement time-out and keep-alives on every connection; a statement that
runs past the time-out, or a ping stuck behind a lock, is a typed DatabaseTimedOut."""
import os

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

import core.db.engine as engine_mod
from core.db.engine import EngineOptions, as_unavailable, check_connection, open_engine, resolve_url
from core.errors import DatabaseTimedOut

PG_URL = os.environ.get("TONGGUAN_TEST_PG_URL")
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url():
    if not PG_URL:
        if os.environ.get("TONGGUAN_REQUIRE_PG") == "1":
            pytest.fail("TONGGUAN_REQUIRE_PG=1 but TONGGUAN_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server configured (TONGGUAN_TEST_PG_URL)")
    return resolve_url(PG_URL)


def test_connections_carry_the_time_out_and_keep_alives(pg_url, monkeypatch):
    monkeypatch.delenv(engine_mod.STATEMENT_TIMEOUT_ENV_VAR, raising=False)
    engine = open_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "2min"
            params = conn.connection.dbapi_connection.info.get_parameters()
            assert params["keepalives"] == "1" and int(params["keepalives_idle"]) > 0
            assert int(params["keepalives_interval"]) > 0 and int(params["keepalives_count"]) > 0
    finally:
        engine.dispose()
    monkeypatch.setenv(engine_mod.STATEMENT_TIMEOUT_ENV_VAR, "0")
    engine = open_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "0"
    finally:
        engine.dispose()


def test_a_statement_past_the_time_out_is_a_typed_time_out(pg_url, monkeypatch):
    monkeypatch.setenv(engine_mod.STATEMENT_TIMEOUT_ENV_VAR, "0.3")
    engine = open_engine(pg_url)
    try:
        with pytest.raises(DBAPIError) as raised, engine.connect() as conn:
            conn.execute(text("SELECT pg_sleep(30)"))
        typed = as_unavailable(raised.value, "test")
        assert isinstance(typed, DatabaseTimedOut) and typed.code == "db.timeout"
        assert "time-out" in typed.message
        with engine.connect() as conn:  # the connection is fine afterwards
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()


def test_a_ping_stuck_behind_a_lock_times_out(pg_url, monkeypatch):
    engine = open_engine(pg_url, EngineOptions(statement_timeout_s=0))  # no server-wide limit here
    holder = engine.connect()
    try:
        holder.execute(text("SELECT pg_advisory_lock(7301)"))
        monkeypatch.setattr(engine_mod, "PING_SQL", "SELECT pg_advisory_lock_shared(7301)")
        with pytest.raises(DatabaseTimedOut):
            check_connection(engine, timeout_s=0.3)
    finally:
        holder.execute(text("SELECT pg_advisory_unlock_all()"))
        holder.close()
        engine.dispose()


def test_migrations_run_without_the_consoles_time_out(pg_url, monkeypatch):
    """A migration's transaction lifts the statement time-out: its statements may take minutes."""
    from core.db import migrate

    from ...conftest import wipe_postgres

    wipe_postgres(PG_URL)
    monkeypatch.setenv(engine_mod.STATEMENT_TIMEOUT_ENV_VAR, "0.5")
    engine = open_engine(pg_url)
    seen = []
    try:
        before, after = migrate.upgrade(engine, then=lambda conn: seen.append(
            conn.execute(text("SHOW statement_timeout")).scalar()))
        assert before is None and after == migrate.head_revision()
        assert seen == ["0"]
        with engine.connect() as conn:  # outside the migration the console's time-out holds
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "500ms"
    finally:
        engine.dispose()
        wipe_postgres(PG_URL)
