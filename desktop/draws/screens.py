"""Screenshot views of the Draws workspace: "draws[:batch|ceremony|visits]" (desktop/screenshot.py).

The console on the Draws workspace with the newest batch that has a draw record (else the
newest batch) chosen and the tab asked for on show; returns once the data is loaded.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from desktop.context import ConsoleContext
from desktop.entities.screens import signed_in, wait_until

from .workspace import DrawsWorkspace

TABS = ("batch", "ceremony", "visits")

_NEWEST = text("""
    SELECT b.id FROM draw_batches b LEFT JOIN draw_records r ON r.batch_id = b.id
    ORDER BY (r.record IS NOT NULL) DESC, b.id DESC LIMIT 1
""")


def build_draws_view(context: ConsoleContext, argument: str | None, services: Any) -> QWidget:
    if services is None:
        raise ValueError("the Draws views need a database: pass --db")
    tab = argument or "batch"
    if tab not in TABS:
        raise ValueError(f"unknown draws view {tab!r}; known: {', '.join(TABS)}")
    from desktop.bootstrap import build_registry
    from desktop.main_window import MainWindow

    services = signed_in(services, role="planner")
    window = MainWindow(context, registry=build_registry(), services=services, remember_geometry=False)
    window.select_workspace("draws")
    workspace = window.page("draws")
    if not isinstance(workspace, DrawsWorkspace):
        raise RuntimeError("the Draws workspace is not registered")
    with services.db.engine.connect() as conn:
        batch_id = conn.execute(_NEWEST).scalar()
    wait_until(lambda: bool(workspace.tree.plans()))
    if batch_id is not None and workspace.select_batch(batch_id):
        wait_until(lambda: workspace.overview.detail is not None and workspace.overview.detail.id == batch_id)
        detail = workspace.overview.detail
        if detail.status in ("drawn", "published"):
            wait_until(lambda: workspace.picks_model.rowCount() > 0)
            workspace.tabs.setCurrentIndex(TABS.index(tab))
            if tab == "visits":
                workspace.picks_view.selectRow(0)
    return window
