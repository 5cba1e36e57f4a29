"""The console's one composition root: build the services, sign in, open the window.

Nothing here touches the database at import time; :func:`build_services` opens
it when called. Windows and workspace pages get the services handed to them
(see ``desktop/workspaces.py`` for how a factory receives them); they never
open a database or read settings on their own.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtWidgets import QDialog

from core.db.database import Database
from core.db.migrate import current_revision, head_revision
from core.errors import TongguanError
from desktop.context import ConsoleContext
from desktop.live.bus import ChangeBus
from desktop.services import AppServices
from desktop.settings import Settings
from desktop.tasks import TaskManager
from desktop.workspaces import WorkspaceRegistry

_log = logging.getLogger(__name__)

DEFAULT_CITY_NAME = "义乌市"


class SchemaMissing(TongguanError):
    """The database answers but holds no Tongguan schema yet."""

    code = "db.schema_missing"


def open_database(db_url: str | None) -> Database:
    """Open the database at ``db_url`` (None: TONGGUAN_DB or the default file).

    Raises DatabaseUnavailable when it cannot be reached and SchemaMissing when
    it has no Tongguan schema. Needs no Qt at all.
    """
    db = Database.open(db_url)
    revision = current_revision(db.engine)
    if revision is None:
        db.dispose()
        raise SchemaMissing("no Tongguan schema yet", where=db.label)
    if revision != head_revision():
        db.dispose()
        raise SchemaMissing(f"the schema is at {revision} but this version needs {head_revision()}: "
                            "run `tongguan db upgrade`", where=db.label)
    return db


def build_services(db_url: str | None, *, settings: Settings | None = None) -> AppServices:
    """Open the database at ``db_url`` (see :func:`open_database`) and build the
    services around it; ``settings`` default to the user's. Needs a QApplication."""
    return _assemble(open_database(db_url), settings)


def _assemble(db: Database, settings: Settings | None = None, *, follow: bool = False) -> AppServices:
    """The services around ``db``; with ``follow`` the change bus also hears other processes."""
    return AppServices(
        db=db,
        tasks=TaskManager(),
        settings=settings if settings is not None else Settings.open(),
        changes=ChangeBus(db, follow=follow),
    )


def load_context(db: Database) -> ConsoleContext:
    """Read the installation facts the shell shows (city, demo flag, entity count)."""
    from sqlalchemy import func, select

    from core.db.models import MarketEntity

    meta = db.meta()
    with db.sessions() as session:
        count = session.scalar(select(func.count()).select_from(MarketEntity))
    return ConsoleContext(
        database_label=db.label,
        city_name=meta.get("city_name_zh", DEFAULT_CITY_NAME),
        city_name_en=meta.get("city_name_en"),
        is_demo=meta.get("demo") == "1",
        entity_count=count,
    )


WORKSPACE_PACKAGES = ("desktop.entities", "desktop.map", "desktop.draws", "desktop.cases", "desktop.efficiency",
                      "desktop.collaboration", "desktop.wall", "desktop.credit", "desktop.admin")
"""Packages whose ``register(registry)`` installs a real workspace page."""


def build_registry() -> WorkspaceRegistry:
    """Return the workspaces with every real page that is installed registered."""
    registry = WorkspaceRegistry()
    for name in WORKSPACE_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError as error:
            # Only a missing package means "not built yet"; a broken one must fail loudly.
            if error.name not in (name, "desktop"):
                raise
            _log.debug("%s is not there; its workspace stays a placeholder", name)
            continue
        register = getattr(package, "register", None)
        if register is None:  # e.g. a package still being written, without __init__.py
            _log.warning("%s has no register(registry); its workspace stays a placeholder", name)
        else:
            register(registry)
    return registry


def start_console(db_url: str | None, lang: str | None = None) -> int:
    """Run the console on ``db_url``: sign in, then the main window; return the exit code.

    ``lang`` overrides the saved interface language for this session only.
    Returns 0 without opening the window when sign-in is cancelled. Raises
    DatabaseUnavailable or SchemaMissing before any window shows.
    """
    from desktop.app import create_application
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow
    from desktop.settings import LANGUAGE, THEME
    from desktop.signin import SignInDialog
    from desktop.theme import apply_theme

    # The database is checked before Qt starts, so a wrong --db is one line of text
    # even where no display is available.
    db = open_database(db_url)
    app = create_application()
    services = _assemble(db, follow=True)
    try:
        install_language(app, lang or services.settings[LANGUAGE])
        apply_theme(app, services.settings[THEME])
        context = load_context(services.db)

        dialog = SignInDialog(services, context)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return 0
        services = services.signed_in(dialog.user)
        dialog.deleteLater()

        window = MainWindow(context, registry=build_registry(), services=services)
        window.show()
        from desktop.efficiency import warm_up

        warm_up(services)
        return app.exec()
    finally:
        services.close()
