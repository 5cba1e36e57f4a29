"""Administration workspaces: users, roles and system accounts, and the feeds and their mappings
(administrators only), and the data exchange (import and export of department files; operators
and administrators).

    from desktop.admin import register
    register(registry)
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.workspaces import WorkspaceRegistry, WorkspaceSpec, register_signed_in
from desktop.services import AppServices

__all__ = ["ADMIN_ROLES", "EXCHANGE_KEY", "EXCHANGE_ROLES", "FEEDS_KEY", "WORKSPACE_KEY", "register"]

WORKSPACE_KEY = "users"
ADMIN_ROLES = frozenset({"admin"})

SPEC = WorkspaceSpec(
    key=WORKSPACE_KEY,
    title=QT_TRANSLATE_NOOP("Workspaces", "Users"),
    summary=QT_TRANSLATE_NOOP(
        "Workspaces", "Creates users and system accounts, sets their role and department, unlocks and deactivates."),
    roles=ADMIN_ROLES,
)


EXCHANGE_KEY = "exchange"
EXCHANGE_ROLES = frozenset({"operator", "admin"})  # core.rights: data.import / data.export

EXCHANGE_SPEC = WorkspaceSpec(
    key=EXCHANGE_KEY,
    title=QT_TRANSLATE_NOOP("Workspaces", "Data exchange"),
    summary=QT_TRANSLATE_NOOP(
        "Workspaces", "Imports department files of every kind (checked row by row) and exports them."),
    roles=EXCHANGE_ROLES,
)


FEEDS_KEY = "feeds"

FEEDS_SPEC = WorkspaceSpec(
    key=FEEDS_KEY,
    title=QT_TRANSLATE_NOOP("Workspaces", "Feeds & mappings"),
    summary=QT_TRANSLATE_NOOP(
        "Workspaces", "Maps permits to approving departments, keeps the commitment catalogue, maps other "
                      "systems' service codes to our matters and makes their API keys."),
    roles=ADMIN_ROLES,  # core.rights: feeds.manage
)


def _feeds_page(services: AppServices) -> QWidget:
    from desktop.i18n import current_language

    from .feeds_page import FeedsPage

    if services.user is None:
        return _feeds_empty_page()
    return FeedsPage(services.db, services.tasks, services.user.username,
                     current_language(QCoreApplication.instance()), changes=services.changes)


def _feeds_empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("FeedsPage", "Sign in as an administrator to set up the data feeds."),
                  objectName="feedsEmptyPage")


def _exchange_page(services: AppServices) -> QWidget:
    from desktop.i18n import current_language

    from .import_page import ImportPage

    if services.user is None:
        return _exchange_empty_page()
    return ImportPage(services.db, services.tasks, services.user, current_language(QCoreApplication.instance()))


def _exchange_empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("ImportPage", "Sign in to import or export data."),
                  objectName="importEmptyPage")


def _page(services: AppServices) -> QWidget:
    from desktop.i18n import current_language

    from .users_page import UsersPage

    if services.user is None:
        return _empty_page()
    return UsersPage(services.db, services.tasks, services.user, current_language(QCoreApplication.instance()))


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("UsersPage", "Sign in as an administrator to manage users."),
                  objectName="usersEmptyPage")


def register(registry: WorkspaceRegistry) -> None:
    """Add the Users and Feeds & mappings workspaces (administrators only) and the Data exchange
    workspace with their pages."""
    if WORKSPACE_KEY not in registry.keys():
        registry.add(SPEC)
    register_signed_in(registry, WORKSPACE_KEY, _page, _empty_page)
    if FEEDS_KEY not in registry.keys():
        registry.add(FEEDS_SPEC)
    register_signed_in(registry, FEEDS_KEY, _feeds_page, _feeds_empty_page)
    if EXCHANGE_KEY not in registry.keys():
        registry.add(EXCHANGE_SPEC)
    register_signed_in(registry, EXCHANGE_KEY, _exchange_page, _exchange_empty_page)
