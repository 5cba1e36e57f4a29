"""The Efficiency workspace (效能监察): on-time rates and overdue items by department, town
and person, weekly trends, drill-down to the items, the escalation list, reports.

    from desktop.efficiency import register
    register(registry)
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import current_language
from desktop.workspaces import WorkspaceRegistry, register_signed_in
from desktop.services import AppServices

__all__ = ["WORKSPACE_KEY", "register", "warm_up", "workspace_for"]

WORKSPACE_KEY = "efficiency"


def workspace_for(services: AppServices) -> QWidget:
    from core.paths import user_cache_dir

    from .workspace import EfficiencyWorkspace

    user = services.user
    return EfficiencyWorkspace(services.db, services.tasks, user.username if user is not None else "",
                               current_language(QCoreApplication.instance()), snapshot_dir=user_cache_dir(),
                               settings=services.settings, changes=services.changes)


WARM_UP_DELAY_MS = 5000  # after the console's first page has had the workers


def warm_up(services: AppServices, *, delay_ms: int = WARM_UP_DELAY_MS) -> None:
    """Refresh the clocks snapshot quietly in the background after sign-in, so the
    Efficiency workspace opens from it at once (a whole city takes a second or two to read)."""
    import logging

    from PySide6.QtCore import QTimer

    from core.paths import user_cache_dir
    from core.services.efficiency import load_clocks

    db, tasks = services.db, services.tasks

    def start() -> None:
        tasks.run(lambda: load_clocks(db, snapshot_dir=user_cache_dir())[2], on_done=lambda _fresh: None,
                  on_error=lambda e: logging.getLogger(__name__).info("clocks not prepared ahead: %s", e),
                  quiet=True)

    QTimer.singleShot(delay_ms, start)


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("EfficiencyWorkspace", "Sign in to see the efficiency monitor."),
                  objectName="efficiencyEmptyPage")


def register(registry: WorkspaceRegistry, services: AppServices | None = None) -> None:
    """Install the Efficiency workspace factory for key ``"efficiency"``."""
    register_signed_in(registry, WORKSPACE_KEY, workspace_for, _empty_page, services)
