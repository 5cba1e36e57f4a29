"""The Entities workspace (市场主体): find entities, see their panorama, tag them.

    from desktop.entities import register
    register(registry)       # the window hands its services to the factory

``services`` carries ``.db`` (core Database), ``.tasks`` (TaskManager), ``.user``
(core.services.auth.UserInfo; its username is the audit actor) and ``.settings``.
The workspace is also constructible directly: ``EntitiesWorkspace(db, tasks, actor, lang)``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from core.rights import scope_of

from desktop.i18n import current_language
from desktop.workspaces import WorkspaceRegistry, register_signed_in

from .empty_page import EntitiesEmptyPage
from .workspace import EntitiesWorkspace
from desktop.services import AppServices

__all__ = ["WORKSPACE_KEY", "EntitiesWorkspace", "is_internal", "register", "workspace_for"]

WORKSPACE_KEY = "entities"
def is_internal(user: Any) -> bool:
    """Whether ``user`` (UserInfo) may see internal data such as credit-risk classes.

    Risk classes are internal supervision data: the permission table (core.rights,
    ``risk.read``) says which roles see them; department and town users do not.
    """
    role = getattr(user, "role_code", None)
    return role is not None and scope_of(role, "risk.read") is not None


def workspace_for(services: AppServices) -> EntitiesWorkspace:
    """Build the workspace from the composition root's services.

    Without a signed-in user (a screenshot, a test) the workspace is read-only:
    every change needs a user to record as its actor.
    """
    user = services.user
    return EntitiesWorkspace(services.db, services.tasks, user.username if user is not None else "",
                             current_language(QCoreApplication.instance()),
                             show_risk=user is None or is_internal(user), changes=services.changes)


def register(registry: WorkspaceRegistry, services: AppServices | None = None) -> None:
    """Install the Entities workspace factory for key ``"entities"`` in ``registry``.

    The registry hands the window's services to the factory; ``services`` given here
    are used when the window has none (e.g. a registry built for one fixed session).
    """
    register_signed_in(registry, WORKSPACE_KEY, workspace_for, EntitiesEmptyPage, services)
