"""Screenshot view of the Cases & deadlines workspace: "cases" (desktop/screenshot.py).

The console on the clue desk with an open clue chosen (overdue ones first, then the one with
the most steps); returns once the table and the clue are on show.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from desktop.context import ConsoleContext
from desktop.entities.screens import console_on, wait_until

from .workspace import CasesWorkspace
from desktop.services import AppServices

_BUSY_OPEN_CLUE = text("""
    SELECT c.id FROM clues c JOIN clue_events e ON e.clue_id = c.id
    WHERE c.state NOT IN ('closed', 'duplicate')
    GROUP BY c.id, c.due_on, c.received_at
    ORDER BY (c.due_on < CURRENT_DATE) DESC, COUNT(*) DESC, c.received_at DESC LIMIT 1
""")


def build_cases_view(context: ConsoleContext, argument: str | None, services: AppServices | None) -> QWidget:
    """The console on the Cases workspace; ``argument`` is a clue id (default: a busy open one)."""
    window, workspace = console_on(context, services, "cases", CasesWorkspace, role="operator")
    if argument:
        clue_id = int(argument)
    else:
        with workspace.db.engine.connect() as conn:
            clue_id = conn.execute(_BUSY_OPEN_CLUE).scalar()
    wait_until(lambda: workspace.reference is not None and workspace.desk.model.rowCount() > 0)
    if clue_id is not None:
        if not workspace.desk.select_clue(clue_id):
            workspace.desk.show_clue(clue_id)
        wait_until(lambda: workspace.desk.detail.detail is not None and workspace.desk.detail.detail.id == clue_id)
    return window
