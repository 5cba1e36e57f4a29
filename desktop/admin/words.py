"""Refusals of the user services, worded in the UI language from their code and parameters."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.errors import DatabaseUnavailable, NotFound, PermissionDenied
from core.services.users import UserRefused
from desktop.refusals import refusal_text as permission_refusal

CONTEXT = "AdminWords"
_REFUSALS = {
    "user.exists": QT_TRANSLATE_NOOP("AdminWords", "The user name {username} is taken."),
    "user.bad_name": QT_TRANSLATE_NOOP("AdminWords", "A user name is 1 to 60 characters without spaces."),
    "user.password_short": QT_TRANSLATE_NOOP("AdminWords", "A password has at least {minimum} characters."),
    "user.bad_role": QT_TRANSLATE_NOOP("AdminWords", "There is no role {role}."),
    "user.department_required": QT_TRANSLATE_NOOP("AdminWords", "A department user needs a department."),
    "user.last_admin": QT_TRANSLATE_NOOP(
        "AdminWords", "{username} is the last administrator: create another one first."),
    "user.system_no_password": QT_TRANSLATE_NOOP(
        "AdminWords", "{username} is a system account: it has no password."),
    "user.admin_exists": QT_TRANSLATE_NOOP("AdminWords", "This database already has an administrator."),
}


def refusal_text(error: BaseException) -> str:
    """What to tell the user about ``error`` from a user service, in the UI language."""
    tr = QCoreApplication.translate
    if isinstance(error, PermissionDenied):
        return permission_refusal(error)
    if isinstance(error, UserRefused) and error.code in _REFUSALS:
        return tr(CONTEXT, _REFUSALS[error.code]).format(**{k: str(v) for k, v in error.params.items()})
    if isinstance(error, NotFound):
        return QCoreApplication.translate("AdminWords", "Not found: {detail}").format(detail=error.message)
    if isinstance(error, DatabaseUnavailable):
        return QCoreApplication.translate("AdminWords", "Cannot reach the database: {detail}").format(
            detail=str(error))
    return QCoreApplication.translate("AdminWords", "Not done: {detail}").format(detail=str(error))
