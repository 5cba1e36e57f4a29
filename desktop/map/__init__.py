"""The Map workspace (地图): every entity on the city map, offline, filtered like the search.

    from desktop.map import register
    register(registry)

The tile server comes from the user's settings (``map/tile_url``, ``map/tile_coords``,
``map/tile_attribution``, ``map/tile_kind`` and the WMTS ones, ``map/overlay_*`` for a
label overlay); without one the base map is schematic. QtWebEngine is imported
only when the workspace is first shown, so a console that never opens the map never
starts a browser engine.
"""
from __future__ import annotations

import logging
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from core.errors import ConfigError
from desktop.i18n import current_language
from desktop.services import AppServices
from desktop.settings import Settings
from desktop.workspaces import WorkspaceRegistry, register_signed_in

__all__ = ["WORKSPACE_KEY", "register", "tile_config", "workspace_for"]

WORKSPACE_KEY = "map"
_log = logging.getLogger(__name__)


def tile_config(settings: Settings):
    """The configured tile server, or None (schematic). A broken setting is logged and ignored."""
    from desktop.settings import TILE_SETTINGS, TILE_URL
    from maps.tiles import tile_config_from

    if settings is None or not settings[TILE_URL]:
        return None
    try:
        return tile_config_from({name: settings[setting] for name, setting in TILE_SETTINGS.items()})
    except ConfigError as error:
        _log.warning("map tile setting ignored, schematic base map used: %s", error)
        return None


def workspace_for(services: AppServices) -> QWidget:
    from desktop.entities import is_internal

    from .workspace import MapWorkspace

    user = services.user
    return MapWorkspace(services.db, services.tasks, user.username if user is not None else "",
                        current_language(QCoreApplication.instance()), tiles=tile_config(services.settings),
                        show_risk=user is None or is_internal(user), settings=services.settings,
                        changes=services.changes, navigator=services.navigator)


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("MapWorkspace", "Sign in to see the map."), objectName="mapEmptyPage")


def register(registry: WorkspaceRegistry, services: AppServices | None = None) -> None:
    """Install the Map workspace factory for key ``"map"``."""
    register_signed_in(registry, WORKSPACE_KEY, workspace_for, _empty_page, services)
