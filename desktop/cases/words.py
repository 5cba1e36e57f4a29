"""Words for what the clue services store: sources, states, actions, departments and times.

The core keeps both languages of its own vocabulary (``core.clues.states``, the clue
sources), so the console takes the one in the UI language from there instead of
translating the same words again. Refusals from the core are worded here by their code
(``refusal_words``), with the core's whole text kept as the details.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core.clues import ACTIONS, state_name
from core.errors import NotFound, ValidationError
from core.services.clues import SOURCE_NAMES
from core.services.matters import DepartmentInfo, MatterInfo
from desktop.bilingual import in_language  # noqa: F401 - the workspace words untyped messages with it
from desktop.entities.errors import show_error

from .refusal_words import refusal_text

translate = QCoreApplication.translate
OVERDUE_COLOR = "#b3261e"


def zh(lang: str) -> bool:
    return lang.startswith("zh")


def source_name(source: str, lang: str) -> str:
    names = SOURCE_NAMES.get(source)
    if names is None:
        return source
    return names[0] if zh(lang) else names[1]


def state_label(state: str | None, lang: str) -> str:
    if not state:
        return "—"
    try:
        return state_name(state, lang)
    except ValueError:
        return state


def action_name(key: str, lang: str) -> str:
    action = ACTIONS.get(key)
    if action is None:
        return key
    return action.name_zh if zh(lang) else action.name_en


def local_time(when: dt.datetime | None) -> str:
    """A stored time (UTC; naive from SQLite) in the console's local time, to the minute."""
    if when is None:
        return "—"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def department_names(departments: Iterable[DepartmentInfo], lang: str) -> dict[int, str]:
    return {d.id: d.name(lang) for d in departments}


def matter_label(matter: MatterInfo, lang: str) -> str:
    name = matter.name_zh if zh(lang) or not matter.name_en else matter.name_en
    return f"{matter.code} {name}"


def show_refusal(parent: QWidget, title: str, error: BaseException, lang: str) -> QMessageBox:
    """``show_error``, leading with the core's own sentence when it refused (it names the rule)."""
    lead = None
    if isinstance(error, (ValidationError, NotFound)):
        lead = refusal_text(error, lang)
    return show_error(parent, title, error, lead=lead)
