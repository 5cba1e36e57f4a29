"""Turning core errors into words for the operator, in the UI language.

The core raises typed errors with English details; the console leads with a sentence
chosen by the error's type and keeps the core's detail below it for the record.
Dialogs open window-modal without blocking (``open()``), so work in flight carries on.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import (
    Cancelled,
    DatabaseUnavailable,
    InvalidUSCC,
    NotFound,
    PermissionDenied,
    TongguanError,
    ValidationError,
)

from desktop.refusals import refusal_text

_log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")



def headline(error: BaseException) -> str:
    """One sentence saying what went wrong, by the kind of error."""
    if isinstance(error, DatabaseUnavailable):
        return translate("EntityErrors", "The database cannot be reached. Check the network or ask the administrator.")
    if isinstance(error, PermissionDenied):
        return refusal_text(error)
    if isinstance(error, InvalidUSCC):
        return translate("EntityErrors", "This is not a valid unified social credit code.")
    if isinstance(error, NotFound):
        return translate("EntityErrors", "The record no longer exists; it may have been removed by someone else.")
    if isinstance(error, ValidationError):
        return translate("EntityErrors", "The change was refused because it breaks a rule.")
    if isinstance(error, Cancelled):
        return translate("EntityErrors", "The operation was cancelled; nothing was changed.")
    if isinstance(error, OSError):
        return translate("EntityErrors", "The file could not be written.")
    return translate("EntityErrors", "Something unexpected went wrong. The details have been logged.")


def detail(error: BaseException) -> str:
    """The core's own explanation (English), with where it happened."""
    if isinstance(error, TongguanError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def show_error(parent: QWidget, title: str, error: BaseException, *, lead: str | None = None) -> QMessageBox:
    """A window-modal, non-blocking message box for ``error``; returns it (tests read it).

    ``lead`` replaces the generic sentence when the caller knows better what a refusal means.
    """
    if not isinstance(error, (TongguanError, OSError)):
        _log.error("unexpected error in the Entities workspace", exc_info=error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, lead or headline(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("entityErrorBox")
    box.setInformativeText(translate("EntityErrors", "Details: {detail}").format(detail=detail(error)))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
