"""The big-screen wall (指挥大屏, issue 14): scenes sized from the window height, a playlist,
pushes from any workspace, the wall window, headless snapshots and the Wall workspace page.

    from desktop.wall import register, register_scene
    register(registry)                                  # the "wall" workspace page
    register_scene("collaboration", CollaborationScene) # another package's scene
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.workspaces import WorkspaceRegistry, register_signed_in

from .registry import register_scene, scene_names

__all__ = ["WORKSPACE_KEY", "register", "register_scene", "scene_names"]

WORKSPACE_KEY = "wall"


WALL_PERMISSION = "efficiency.read"
"""The wall shows city-wide counts: the center's roles (leader, operator on duty, monitor) see them."""


def _page(services) -> QWidget:
    from core.rights import scope_of

    from .page import WallPage

    user = services.user
    if user is not None and scope_of(user.role_code, WALL_PERMISSION) is None:
        return QLabel(QCoreApplication.translate("WallPage", "The wall shows the whole city's figures: it is "
                                                 "controlled by the center (leader, operator on duty, monitor)."),
                      objectName="wallRefusedPage", wordWrap=True)
    return WallPage(services)


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("WallPage", "Sign in to control the wall."), objectName="wallEmptyPage")


def register(registry: WorkspaceRegistry, services=None) -> None:
    """Give the "wall" workspace its control page."""
    register_signed_in(registry, WORKSPACE_KEY, _page, _empty_page, services)
