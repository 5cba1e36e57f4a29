"""Screenshot views of the Draws workspace: "draws[:batch|ceremony|visits]" (desktop/screenshot.py).

The console on the Draws workspace with the newest batch that has a draw record (else the
newest batch) chosen and the tab asked for on show; returns once the data is loaded.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from desktop.context import ConsoleContext
from desktop.entities.screens import console_on, wait_until

from .workspace import DrawsWorkspace
from desktop.services import AppServices

TABS = ("batch", "ceremony", "visits")

_NEWEST = text("""
    SELECT b.id FROM draw_batches b LEFT JOIN draw_records r ON r.batch_id = b.id
    ORDER BY (r.record IS NOT NULL) DESC, b.id DESC LIMIT 1
""")


def build_draws_view(context: ConsoleContext, argument: str | None, services: AppServices | None) -> QWidget:
    tab = argument or "batch"
    if tab not in TABS:
        raise ValueError(f"unknown draws view {tab!r}; known: {', '.join(TABS)}")
    window, workspace = console_on(context, services, "draws", DrawsWorkspace, role="planner")
    with workspace.db.engine.connect() as conn:
        batch_id = conn.execute(_NEWEST).scalar()
    wait_until(lambda: bool(workspace.tree.plans()))
    if batch_id is not None and workspace.select_batch(batch_id):
        wait_until(lambda: workspace.overview.detail is not None and workspace.overview.detail.id == batch_id)
        detail = workspace.overview.detail
        if detail.status in ("drawn", "published"):
            wait_until(lambda: workspace.picks_model.rowCount() > 0)
            workspace.tabs.setCurrentIndex(TABS.index(tab))
            if tab == "visits":
                workspace.visits.view.selectRow(0)
    return window
