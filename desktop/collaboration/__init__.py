"""The Collaboration workspace (部门协同): the collaboration graph, case flows and joint-plan
suggestions (issue 15).

    from desktop.collaboration import register
    register(registry)       # the window hands its services to the factory; the wall's scenes too

``services`` carries ``.db``, ``.tasks``, ``.user`` (its username is the audit actor and the
viewer whose read scope the figures follow) and, when the console has them, ``.navigator``
(opens the items behind a click) and ``.changes`` (the live change bus: the views refresh
when clues, cases, pushes, commitments, inspections or batches change).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import current_language
from desktop.workspaces import register_signed_in

__all__ = ["WORKSPACE_KEY", "register", "register_wall_scenes", "workspace_for"]

WORKSPACE_KEY = "collaboration"


def workspace_for(services: Any) -> QWidget:
    """Build the workspace from the composition root's services; what the signed-in role may
    not do (push to the wall, plan batches) is offered disabled."""
    from core.rights import scope_of

    from .workspace import CollaborationWorkspace

    user = services.user
    role = getattr(user, "role_code", None)
    return CollaborationWorkspace(services.db, services.tasks, user.username if user is not None else "",
                                  current_language(QCoreApplication.instance()),
                                  navigator=getattr(services, "navigator", None),
                                  changes=getattr(services, "changes", None),
                                  may_push=role is not None and scope_of(role, "wall.push") is not None,
                                  may_plan=role is not None and scope_of(role, "draw.plan") is not None)


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("CollaborationWorkspace", "Sign in to see how departments work together."),
                  objectName="collaborationEmptyPage")


def register(registry: Any, services: Any = None) -> None:
    """Install the Collaboration workspace factory for key ``"collaboration"``, and the
    wall's "collaboration" and "flows" scenes (desktop.wall.registry)."""
    register_signed_in(registry, WORKSPACE_KEY, workspace_for, _empty_page, services)
    register_wall_scenes()


def register_wall_scenes() -> None:
    """The wall's "collaboration" and "flows" scenes (:mod:`.wall_scenes`); a wall started on
    its own (``tongguan wall``) calls this before it builds its board."""
    from .wall_scenes import register_wall_scenes as install

    install()
