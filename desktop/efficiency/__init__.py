"""The Efficiency workspace (效能监察): on-time rates and overdue items by department, town
and person, weekly trends, drill-down to the items, the escalation list, reports.

    from desktop.efficiency import register
    register(registry)
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import current_language
from desktop.workspaces import register_signed_in

__all__ = ["WORKSPACE_KEY", "register", "workspace_for"]

WORKSPACE_KEY = "efficiency"


def workspace_for(services: Any) -> QWidget:
    from core.paths import user_cache_dir

    from .workspace import EfficiencyWorkspace

    user = services.user
    return EfficiencyWorkspace(services.db, services.tasks, user.username if user is not None else "",
                               current_language(QCoreApplication.instance()), snapshot_dir=user_cache_dir())


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("EfficiencyWorkspace", "Sign in to see the efficiency monitor."),
                  objectName="efficiencyEmptyPage")


def register(registry: Any, services: Any = None) -> None:
    """Install the Efficiency workspace factory for key ``"efficiency"``."""
    register_signed_in(registry, WORKSPACE_KEY, workspace_for, _empty_page, services)
