"""The Cases workspace over a private copy of the demo city (3,000 entities, as of 2026-11-20)."""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from core.db.models import Department, MarketEntity, RegulatoryMatter
from core.services.clues.detail import ClueDetail
from desktop.cases.workspace import CasesWorkspace

from ..test_entities_support import AS_OF, entities_db, entities_template  # noqa: F401 - fixtures

TIMEOUT = 20000


@pytest.fixture
def make_workspace(console_app, entities_db, tasks, qtbot) -> Iterator:  # noqa: F811
    """``make(actor="leader", **options)``: a shown workspace with its reference and first page loaded."""

    def make(actor: str = "leader", **options) -> CasesWorkspace:
        options.setdefault("today", AS_OF)
        ws = CasesWorkspace(entities_db, tasks, actor, "zh_CN", **options)
        qtbot.addWidget(ws)
        ws.resize(1400, 900)
        ws.show()
        qtbot.waitUntil(lambda: ws.reference is not None and ws.desk.page_label.text() != "", timeout=TIMEOUT)
        tasks.wait_idle()
        qtbot.wait(10)
        return ws

    yield make
    tasks.wait_idle()
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def _widgets_go_on_the_gui_thread(qapp) -> Iterator[None]:
    """pytest-qt has closed the test's widgets and asked for their deletion: delete them now,
    on this thread, and collect their wrappers here. Left to the garbage collector, a wrapper
    could be collected in a worker thread of a later test, deleting a widget off the GUI thread."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def clue_detail_sample(state: str = "received", actions: tuple[str, ...] = ("assign",), **extra) -> ClueDetail:
    """A hotline clue's detail as the service would return it, without a database."""
    return ClueDetail(7, "XS20261118-0001", "hotline", "yw12345:HL-1", None, None, None, None, 29.3, 120.07, None,
                      None, "路边无证摊点销售熟食", None, state,
                      dt.datetime(2026, 11, 18, 1, 30, tzinfo=dt.timezone.utc), dt.date(2026, 12, 2), None, None,
                      (), (), (), actions, **extra)


def dept(db, code: str) -> int:
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


def matter_of(db, code: str) -> int:
    """The first matter of department ``code``."""
    with db.sessions() as s:
        return s.scalar(select(RegulatoryMatter.id).join(Department, Department.id == RegulatoryMatter.department_id)
                        .where(Department.code == code).order_by(RegulatoryMatter.id).limit(1))


def uscc_of(db, nth: int = 0) -> str:
    with db.sessions() as s:
        return s.scalar(select(MarketEntity.uscc).order_by(MarketEntity.id).offset(nth).limit(1))


def visible_dialog(parent: QWidget, kind: type, timeout_ms: int = 2000):
    """The shown dialog of ``kind`` under ``parent`` (closed ones may linger until deleted)."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtTest import QTest

    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < timeout_ms:
        shown = [d for d in parent.findChildren(kind) if d.isVisible()]
        if shown:
            return shown[-1]
        QTest.qWait(10)
    raise AssertionError(f"no {kind.__name__} on show")
