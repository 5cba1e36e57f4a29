"""A migration run is one transaction on both backends: a failure half-way leaves schema, data and
version exactly as they were, and the re-run works once the cause is gone."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core.db import migrate
from core.db.database import Database
from core.demo.builder import build_demo
from core.demo.spec import DemoSpec
from tests.support.db_state import database_state

OLD = "0005_draw_records"


@pytest.fixture
def old_city(empty_db_url):
    """A small demo city taken back to revision 0005 (clues, draws and audit rows in it)."""
    build_demo(empty_db_url, DemoSpec(entities=300, seed=5, as_of=dt.date(2026, 11, 20), chunk=1000))
    db = Database.open(empty_db_url)
    assert migrate.downgrade(db.engine, OLD)[1] == OLD
    yield db
    db.dispose()


def _count(db, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_downgrade_over_a_city_is_whole(old_city):
    # 0006 -> 0005 rebuilds the clues table that clue events point at: it went half-way before.
    assert migrate.current_revision(old_city.engine) == OLD
    assert _count(old_city, "clues") > 0 and _count(old_city, "clue_events") > 0
    assert migrate.upgrade(old_city.engine) == (OLD, migrate.head_revision())
    assert migrate.schema_drift(old_city.engine) == []


def test_upgrade_over_a_conflicting_table_changes_nothing(old_city):
    with old_city.engine.begin() as conn:
        conn.execute(text("CREATE TABLE routing_rules (x INTEGER)"))
        conn.execute(text("INSERT INTO routing_rules VALUES (7)"))
    before = database_state(old_city.engine)
    with pytest.raises(Exception, match="routing_rules"):
        migrate.upgrade(old_city.engine)  # 0006 rebuilds clues, adds clue_attachments, then fails
    assert database_state(old_city.engine) == before
    with pytest.raises(Exception, match="routing_rules"):
        migrate.upgrade(old_city.engine)  # the same failure again: nothing was half-applied
    with old_city.engine.begin() as conn:
        conn.execute(text("DROP TABLE routing_rules"))
    assert migrate.upgrade(old_city.engine)[1] == migrate.head_revision()
    assert migrate.schema_drift(old_city.engine) == []


def test_a_failing_last_step_undoes_every_revision_of_the_run(old_city):
    before = database_state(old_city.engine)
    clues = _count(old_city, "clues")

    def fail(conn):
        assert conn.execute(text("SELECT count(*) FROM clues")).scalar() == clues  # all revisions ran
        raise RuntimeError("injected failure after the last revision")

    with pytest.raises(RuntimeError, match="injected"):
        migrate.upgrade(old_city.engine, then=fail)
    assert database_state(old_city.engine) == before
    assert migrate.current_revision(old_city.engine) == OLD
    assert migrate.upgrade(old_city.engine)[1] == migrate.head_revision()
    assert _count(old_city, "clues") == clues


def test_the_foreign_keys_are_enforced_again_after_a_run(old_city):
    migrate.upgrade(old_city.engine)
    if old_city.dialect != "sqlite":
        pytest.skip("PRAGMA foreign_keys is SQLite's")
    with old_city.engine.connect() as conn:  # the pooled connection that ran the migration
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.connection.driver_connection.isolation_level == ""
