"""Shared fixtures of the Entities workspace tests: a small demo city and a workspace over it.

The demo city (3,000 entities) is built once per session; every test gets its own
copy, so tagging and location changes never leak between tests. Test modules import
the fixtures they use from here.
"""
from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import text

from core.db.database import Database
from desktop.entities import EntitiesWorkspace
from desktop.tasks import TaskManager
from tests.support.accounts import standard_accounts

AS_OF = dt.date(2026, 11, 20)
_TEMPLATE_NAME = "entities-demo.sqlite"


@pytest.fixture(scope="session")
def entities_template(tmp_path_factory) -> Path:
    """The demo city, built once per session (read-only: tests copy it)."""
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.getbasetemp() / _TEMPLATE_NAME
    if not path.exists():
        build_demo(str(path), DemoSpec(entities=3000, seed=11, as_of=AS_OF, chunk=1000))
        db = Database.open(str(path))
        standard_accounts(db)  # the accounts tests act as (core.rights)
        db.dispose()
    return path


@pytest.fixture
def entities_db(entities_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo city for one test."""
    path = tmp_path / "city.sqlite"
    shutil.copy(entities_template, path)
    db = Database.open(str(path))
    yield db
    db.dispose()


@pytest.fixture
def tasks(qapp) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.wait_idle()
    QCoreApplication.processEvents()


@pytest.fixture
def workspace(console_app, entities_db: Database, tasks: TaskManager, qtbot) -> Iterator[EntitiesWorkspace]:
    """The workspace as user "operator", shown, with its first search and reference data loaded."""
    ws = EntitiesWorkspace(entities_db, tasks, "operator", "zh_CN", today=AS_OF)
    qtbot.addWidget(ws)
    ws.resize(1300, 850)
    ws.show()
    qtbot.waitExposed(ws)
    wait_for_results(qtbot, ws)
    qtbot.waitUntil(lambda: ws.reference is not None)
    yield ws
    tasks.wait_idle()
    QCoreApplication.processEvents()


def wait_for_results(qtbot, ws: EntitiesWorkspace, timeout: int = 10000) -> None:
    """Until the latest search is counted and its first page is on show."""
    qtbot.waitUntil(lambda: ws.model.total is not None and (ws.model.total == 0 or 0 in ws.model.loaded_pages()),
                    timeout=timeout)


def sql(db: Database, query: str, **params) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


def test_the_demo_city_has_what_the_tests_need(entities_db):
    assert sql(entities_db, "SELECT COUNT(*) FROM market_entities") == [(3000,)]
    assert sql(entities_db, "SELECT COUNT(*) FROM tags")[0][0] > 5
    assert sql(entities_db, "SELECT COUNT(DISTINCT entity_id) FROM entity_records")[0][0] > 100
