"""Screenshot views of the Entities workspace: "search" and "panorama" (desktop/screenshot.py).

Both show the console window with the workspace selected, and return only when the
data is on show, so the picture is never half-loaded. Without a signed-in user on a
demo database the operator's demo account is used (never on real data, where the
workspace stays read-only).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from core.services.auth import authenticate, demo_accounts
from desktop.context import ConsoleContext

from .workspace import EntitiesWorkspace
from desktop.services import AppServices

DEFAULT_QUERY = "小商品"
_TIMEOUT_MS = 30000

# Entities with something still open, ranked by history, with a bonus for draws and obligations.
_BUSY_ENTITY = text("""
    WITH candidates AS (
        SELECT entity_id FROM clues WHERE state NOT IN ('closed', 'returned', 'duplicate')
        UNION SELECT entity_id FROM cases WHERE status = 'filed'
        UNION SELECT entity_id FROM commitments WHERE status = 'pending'
        UNION SELECT entity_id FROM notification_pushes WHERE status = 'pending'
    )
    SELECT c.entity_id,
           (SELECT COUNT(*) FROM drawn_objects d WHERE d.entity_id = c.entity_id) AS draws,
           (SELECT COUNT(*) FROM commitments m WHERE m.entity_id = c.entity_id)
             + (SELECT COUNT(*) FROM notification_pushes p WHERE p.entity_id = c.entity_id) AS obligations,
           (SELECT COUNT(*) FROM entity_records r WHERE r.entity_id = c.entity_id) AS records
    FROM candidates c
    ORDER BY records + 6 * (draws > 0) + 6 * (obligations > 0) DESC, c.entity_id
    LIMIT 1
""")


def busy_entity_id(db) -> int | None:
    """An entity with much on record, for showing off the panorama (None on an empty city)."""
    with db.engine.connect() as conn:
        row = conn.execute(_BUSY_ENTITY).first()
        if row is None:
            row = conn.execute(text("SELECT entity_id FROM entity_records GROUP BY entity_id "
                                    "ORDER BY COUNT(*) DESC LIMIT 1")).first()
    return row[0] if row is not None else None


def wait_until(condition: Callable[[], bool]) -> None:
    """Process events until ``condition()`` holds (at most 30 s)."""
    timer = QElapsedTimer()
    timer.start()
    while not condition() and timer.elapsed() < _TIMEOUT_MS:
        QTest.qWait(20)


def signed_in(services: AppServices, role: str = "operator") -> AppServices:
    """``services`` with the demo account of ``role`` signed in, if nobody is and the data is a demo."""
    if services.user is not None:
        return services
    accounts = {a.role_code: a for a in demo_accounts(services.db)}
    account = accounts.get(role) or accounts.get("operator") or next(iter(accounts.values()), None)
    if account is None:
        return services  # real data: stay read-only
    return services.signed_in(authenticate(services.db, account.username, account.password))


def console_on(context: ConsoleContext, services: AppServices | None, key: str, page_type: type, *,
               role: str = "operator") -> tuple[QWidget, Any]:
    """The console window showing workspace ``key`` (a ``page_type``), a demo ``role`` signed in."""
    if services is None:
        raise ValueError(f"the {key} views need a database: pass --db")
    from desktop.bootstrap import build_registry
    from desktop.main_window import MainWindow

    services = signed_in(services, role=role)
    window = MainWindow(context, registry=build_registry(), services=services, remember_geometry=False)
    window.select_workspace(key)
    workspace = window.page(key)
    if not isinstance(workspace, page_type):
        raise RuntimeError(f"the {key} workspace is not registered")
    return window, workspace


def _console(context: ConsoleContext, services: AppServices | None) -> tuple[QWidget, EntitiesWorkspace]:
    return console_on(context, services, "entities", EntitiesWorkspace)


def _settled(workspace: EntitiesWorkspace) -> bool:
    model = workspace.model
    return (workspace.reference is not None and model.total is not None
            and (model.total == 0 or 0 in model.loaded_pages()))


def build_search_view(context: ConsoleContext, argument: str | None, services: AppServices | None) -> QWidget:
    """The console on the Entities workspace with ``argument`` (default 小商品) searched."""
    window, workspace = _console(context, services)
    wait_until(lambda: _settled(workspace))
    workspace.search_page.search_bar.set_text(argument or DEFAULT_QUERY)
    wait_until(lambda: _settled(workspace))
    workspace.search_page.select_rows(2, 4)
    return window


def build_panorama_view(context: ConsoleContext, argument: str | None, services: AppServices | None) -> QWidget:
    """The console showing the panorama of entity ``argument`` (default: a busy one)."""
    window, workspace = _console(context, services)
    entity_id = int(argument) if argument else busy_entity_id(workspace.search.db)
    if entity_id is None:
        raise ValueError("this database has no entity with records to show")
    wait_until(lambda: _settled(workspace))
    view = workspace.open_panorama(entity_id)
    wait_until(lambda: view.panorama is not None and workspace.reference is not None)
    return window
