"""The Cases & deadlines workspace (线索案件): the clue desk, double notification and routing rules.

    from desktop.cases import register
    register(registry)       # the window hands its services to the factory

Constructible directly too: ``CasesWorkspace(db, tasks, actor, lang, department_id=...)``.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from core.db.models import RoleCode
from core.rights import scope_of
from desktop.i18n import current_language
from desktop.workspaces import WorkspaceRegistry, register_signed_in
from desktop.services import AppServices

__all__ = ["RULE_EDITOR_ROLES", "WORKSPACE_KEY", "register", "workspace_for"]

WORKSPACE_KEY = "cases"
RULE_EDITOR_ROLES = frozenset(role.value for role in RoleCode if scope_of(role, "routing.manage"))  # core.rights


def workspace_for(services: AppServices) -> QWidget:
    """Build the workspace for the signed-in user (read-only without one).

    A department user sees their department's clues and pushes first and claims for it;
    administrators and leaders also edit the routing rules.
    """
    from .workspace import CasesWorkspace

    user = services.user
    role = getattr(user, "role_code", None)
    return CasesWorkspace(services.db, services.tasks, user.username if user is not None else "",
                          current_language(QCoreApplication.instance()),
                          department_id=user.department_id if role == "department" else None,
                          can_edit_rules=role in RULE_EDITOR_ROLES, role=role, changes=services.changes)


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("CasesWorkspace", "Sign in to follow clues, cases and their deadlines."),
                  objectName="casesEmptyPage")


def register(registry: WorkspaceRegistry, services: AppServices | None = None) -> None:
    """Install the Cases & deadlines workspace factory for key ``"cases"``."""
    register_signed_in(registry, WORKSPACE_KEY, workspace_for, _empty_page, services)
