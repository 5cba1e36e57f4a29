"""What an action asks before it is taken: a department, a reason or result, the original clue.

:class:`ActionDialog` asks exactly what :class:`core.clues.Action` says the action needs
and refuses to close without it (saying what is missing); the core checks again.
:func:`confirm` asks a yes/no question without blocking.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from core.clues import Action
from core.services.matters import DepartmentInfo

from .checked_dialog import CheckedDialog
from .words import action_name

NOTE_MAX = 400


@dataclass(frozen=True)
class ActionInput:
    """What the operator gave: the note, the department and the original clue's reference."""

    note: str = ""
    department_id: int | None = None
    original_ref: str = ""


class ActionDialog(CheckedDialog):
    """Asks for what ``action`` needs on the clue ``ref_no`` (of department ``current_department``)."""

    def __init__(self, action: Action, ref_no: str, departments: Sequence[DepartmentInfo], lang: str, *,
                 current_department: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clueActionDialog")
        self.action = action
        name = action_name(action.key, lang)
        self.setWindowTitle(self.tr("%1: %2").replace("%1", name).replace("%2", ref_no))
        layout = QFormLayout(self)
        self.department: QComboBox | None = None
        self.original: QLineEdit | None = None
        self.note: QPlainTextEdit | None = None
        if action.needs_department:
            self.department = QComboBox(objectName="clueActionDepartment")
            self.department.addItem(self.tr("Choose a department…"), None)
            excluded = current_department if action.key in ("return", "transfer") else None
            for d in departments:
                if d.id != excluded:
                    self.department.addItem(d.name(lang), d.id)
            label = {"return": self.tr("Whose is it?"), "transfer": self.tr("Transfer to")}.get(
                action.key, self.tr("Assign to"))
            layout.addRow(label, self.department)
        if action.needs_original:
            self.original = QLineEdit(objectName="clueActionOriginal")
            self.original.setPlaceholderText(self.tr("e.g. XS20261120-1A2B3C4D"))
            layout.addRow(self.tr("Reference of the original clue"), self.original)
        if action.needs_note or action.needs_original:
            self.note = QPlainTextEdit(objectName="clueActionNote")
            self.note.setTabChangesFocus(True)
            if action.key in ("return", "transfer", "reopen"):
                self.note.setPlaceholderText(self.tr("Why (the source and the next department read this)"))
            elif action.key == "feed_back":
                self.note.setPlaceholderText(self.tr("What was found and done (the source reads this)"))
            else:
                self.note.setPlaceholderText(self.tr("Optional note"))
            label = self.tr("Reason or result") if action.needs_note else self.tr("Note")
            layout.addRow(label, self.note)
        self.problem_label("clueActionProblem")
        layout.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(name, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("clueActionConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> ActionInput:
        return ActionInput(
            note=self.note.toPlainText().strip()[:NOTE_MAX] if self.note is not None else "",
            department_id=self.department.currentData() if self.department is not None else None,
            original_ref=self.original.text().strip().upper() if self.original is not None else "")

    def missing(self) -> str:
        """What still has to be given, in words ("" when complete)."""
        given = self.values()
        if self.department is not None and given.department_id is None:
            return self.tr("Choose the department.")
        if self.original is not None and not given.original_ref:
            return self.tr("Type the reference number of the original clue.")
        if self.action.needs_note and not given.note:
            return self.tr("Say why, or what was done: this action needs it in words.")
        return ""



def confirm(parent: QWidget, question: str, then: Callable[[], None], *, object_name: str) -> QMessageBox:
    """Ask ``question`` (Yes / Cancel, Cancel the default) and call ``then`` on Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("CasesConfirm", "Please confirm"), question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName(object_name)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(then)
    box.open()
    return box
