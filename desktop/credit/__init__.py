"""The Credit rules workspace (信用规则): rule-set versions, their preview and activation, and
the list transitions. Shown to the administrator (who edits the rules) and the leader (who
reads them and moves listings); the core checks both rights again.

    from desktop.credit import register
    register(registry)
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.services import AppServices
from desktop.workspaces import WorkspaceRegistry, WorkspaceSpec, register_signed_in

__all__ = ["CREDIT_ROLES", "WORKSPACE_KEY", "register"]

WORKSPACE_KEY = "credit"
CREDIT_ROLES = frozenset({"admin", "leader"})  # core.rights: credit.rules / credit.manage

SPEC = WorkspaceSpec(
    key=WORKSPACE_KEY,
    title=QT_TRANSLATE_NOOP("Workspaces", "Credit rules"),
    summary=QT_TRANSLATE_NOOP(
        "Workspaces", "Sets how credit records make classes A-D, previews what a change moves, and moves "
                      "listings due to the serious-violation list."),
    roles=CREDIT_ROLES,
)


def _page(services: AppServices) -> QWidget:
    from desktop.i18n import current_language

    from .rules_page import CreditRulesPage

    if services.user is None:
        return _empty_page()
    return CreditRulesPage(services.db, services.tasks, services.user.username,
                           current_language(QCoreApplication.instance()), changes=services.changes,
                           navigator=services.navigator)


def _empty_page() -> QWidget:
    return QLabel(QCoreApplication.translate("CreditRulesPage", "Sign in as an administrator or a leader to see "
                                                                "the credit rules."),
                  objectName="creditEmptyPage")


def register(registry: WorkspaceRegistry) -> None:
    """Add the Credit rules workspace with its page."""
    if WORKSPACE_KEY not in registry.keys():
        registry.add(SPEC)
    register_signed_in(registry, WORKSPACE_KEY, _page, _empty_page)
