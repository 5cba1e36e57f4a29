"""The Draws workspace (双随机抽查): joint double-random inspection plans, from the batch
editor through the rule-citing check, the locked pool and the public randomness to the
ceremony, the inspection tasks with their results and the public notice.

    from desktop.draws import register
    register(registry)
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import current_language
from desktop.workspaces import WorkspaceRegistry, register_signed_in
from desktop.services import AppServices

__all__ = ["WORKSPACE_KEY", "register", "workspace_for"]

WORKSPACE_KEY = "draws"


def workspace_for(services: AppServices) -> QWidget:
    from desktop.entities import is_internal

    from .workspace import DrawsWorkspace

    user = services.user
    return DrawsWorkspace(services.db, services.tasks, user.username if user is not None else "",
                          current_language(QCoreApplication.instance()), show_risk=user is None or is_internal(user),
                          settings=services.settings, changes=services.changes, navigator=services.navigator)


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("DrawsWorkspace", "Sign in to plan and run draws."),
                  objectName="drawsEmptyPage")


def register(registry: WorkspaceRegistry, services: AppServices | None = None) -> None:
    """Install the Draws workspace factory for key ``"draws"``."""
    register_signed_in(registry, WORKSPACE_KEY, workspace_for, _empty_page, services)
