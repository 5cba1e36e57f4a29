"""Shared fixtures: a fresh database on SQLite and, when configured, on PostgreSQL.

``TONGGUAN_TEST_PG_URL`` names a PostgreSQL database the tests may wipe. scripts/test
starts a server and sets it, with ``TONGGUAN_REQUIRE_PG=1`` so a missing server fails
the run instead of silently skipping half the suite.
"""
from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from core.db.database import Database
from core.db.engine import resolve_url
from core.db.migrate import upgrade
from core.db.models import Base
from tests.support.accounts import standard_accounts

PG_URL = os.environ.get("TONGGUAN_TEST_PG_URL")
REQUIRE_PG = os.environ.get("TONGGUAN_REQUIRE_PG") == "1"


def wipe_postgres(url: str) -> None:
    """Drop every Tongguan table so a test starts from an empty server database."""
    db = Database.open(url)
    try:
        with db.engine.begin() as conn:
            Base.metadata.drop_all(conn)
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        db.dispose()


DIALECTS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _empty_url(dialect: str, folder) -> str:
    if dialect == "sqlite":
        return str(folder / "tongguan.sqlite")
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("TONGGUAN_REQUIRE_PG=1 but TONGGUAN_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server configured (TONGGUAN_TEST_PG_URL)")
    wipe_postgres(PG_URL)
    return PG_URL


@pytest.fixture(params=DIALECTS)
def empty_db_url(request, tmp_path) -> str:
    """A URL of an empty database of each dialect."""
    return _empty_url(request.param, tmp_path)


@pytest.fixture(scope="module", params=DIALECTS)
def demo_db(request, tmp_path_factory):
    """A small demo city of each dialect, built once per test module (read-only use)."""
    import datetime as dt

    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    url = _empty_url(request.param, tmp_path_factory.mktemp("demo"))
    build_demo(url, DemoSpec(entities=3000, seed=11, as_of=dt.date(2026, 11, 20), chunk=1000))
    database = Database.open(url)
    standard_accounts(database)  # every service call acts as an account (core.rights)
    yield database
    database.dispose()


@pytest.fixture
def db(empty_db_url):
    """An upgraded, empty database of each dialect."""
    database = Database.open(empty_db_url)
    upgrade(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def dialect_url(empty_db_url) -> str:
    return str(resolve_url(empty_db_url))
