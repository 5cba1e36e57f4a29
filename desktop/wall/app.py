"""Running the wall: alone on the PC wired to the video wall (``tongguan wall``), or as a
window a workstation opens on a second screen. Both follow the shared database live."""
from __future__ import annotations

import logging

from core.db.database import Database
from core.errors import TongguanError

from .ceremony_source import load_ceremony
from .controller import WallController
from .session import WallSession
from .window import WallWindow, wall_screen

_log = logging.getLogger(__name__)


class NoSuchScreen(TongguanError):
    """``--screen N`` names a screen that is not connected."""

    code = "wall.screen"


def town_regions_of(db: Database) -> dict:
    """The town polygons of ``db``'s city (GeoJSON; surveyed when imported), for the map scene."""
    from maps.regions import city_regions

    return city_regions(db).towns


def make_session(db: Database, tasks, changes, settings, parent=None) -> WallSession:
    """The controller and playlist of a wall on ``db`` (not started)."""
    from core.paths import user_cache_dir
    from core.services.wall_figures import WallFigureCache

    # The clocks' snapshot beside the user's cache makes the safety re-read cheap when nothing changed.
    cache = WallFigureCache(db, snapshot_dir=user_cache_dir())
    controller = WallController(db, tasks, changes, cache=cache, ceremony_loader=load_ceremony, parent=parent)
    return WallSession(controller, settings, parent=parent)


def open_window(session: WallSession, regions: dict | None, screen=None, *, span: bool = False) -> WallWindow:
    """A wall window of ``session`` full screen on ``screen`` (None: where it opens), or over
    every screen with ``span``."""
    window = WallWindow(session)
    if regions is not None:
        window.set_regions(regions)
    if span:
        window.span()
    else:
        window.show_on(screen)
    return window


def run_wall(db: Database, actor: str, *, screen: int | None = None, lang: str | None = None,
             span: bool = False) -> int:
    """The wall alone, full screen, until its window is closed; returns the exit code."""
    from desktop.app import create_application
    from desktop.i18n import install_language
    from desktop.live.bus import ChangeBus
    from desktop.settings import LANGUAGE, WALL_WINDOW_SCREEN, Settings
    from desktop.tasks import TaskManager

    from PySide6.QtGui import QGuiApplication

    try:
        app = create_application()
        count = len(QGuiApplication.screens())
        if screen is not None and not 0 <= screen < count:
            raise NoSuchScreen(f"--screen {screen}: this PC has {count} screen{'s' if count != 1 else ''} "
                               f"(numbered 0 to {count - 1})")
    except BaseException:
        db.dispose()
        raise
    settings = Settings.open()
    install_language(app, lang or settings[LANGUAGE])
    tasks = TaskManager()
    bus = ChangeBus(db)
    try:
        _log.info("the wall reads %s as %s", db.label, actor)
        session = make_session(db, tasks, bus, settings)
        window = open_window(session, town_regions_of(db), wall_screen(settings[WALL_WINDOW_SCREEN], screen),
                             span=span)
        window.closed.connect(app.quit)
        session.start()
        return app.exec()
    finally:
        bus.close()
        tasks.wait_idle(5000)
        db.dispose()
