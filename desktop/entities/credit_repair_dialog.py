"""Asking for a credit repair (信用修复) of one record: the day, what the entity did, the evidence.

The dialog refuses to go on while a field is missing (saying which, in red), states what
the repair will do, and stays open while the core grants it: :meth:`submitted` carries the
form, the caller runs :func:`core.credit.repair` and answers with :meth:`finish` or
:meth:`refuse` (the core's reason in the dialog, the operator's words kept).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from core.credit.records import CreditRecordRow
from core.errors import AlreadyChanged, PermissionDenied, ValidationError
from desktop.cases.checked_dialog import CheckedDialog

from .errors import headline

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

NOTE_MAX = 1000      # what core.credit.repair keeps
FILE_MAX = 255


@dataclass(frozen=True)
class RepairInput:
    """What the operator gave for the repair of ``record_id``."""

    record_id: int
    on: dt.date
    note: str
    attachment_name: str


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CreditRepairDialog(CheckedDialog):
    """The repair of ``record`` (shown as ``kind_name``), no earlier than the record, no later than ``today``."""

    submitted = Signal(object)   # RepairInput, once the form is complete

    def __init__(self, record: CreditRecordRow, kind_name: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditRepairDialog")
        self.setWindowTitle(self.tr("Credit repair"))
        self._record, self._today = record, today
        layout = QFormLayout(self)
        what = QLabel(self.tr("{date} · {kind} · {title}").format(
            date=record.occurred_on.isoformat(), kind=kind_name, title=record.title),
            objectName="creditRepairRecord", wordWrap=True)
        layout.addRow(self.tr("Record"), what)
        self.day = QDateEdit(_qdate(today), objectName="creditRepairDate", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDateRange(_qdate(record.occurred_on), _qdate(today))
        self.day.dateChanged.connect(self._explain)
        layout.addRow(self.tr("Repaired on"), self.day)
        self.note = QPlainTextEdit(objectName="creditRepairNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What the entity did: corrected the violation, paid the fine, "
                                             "made a public credit commitment…"))
        self.note.setMinimumHeight(90)
        layout.addRow(self.tr("What the entity did"), self.note)
        # The file row is a widget of its own: no layout nested in the form (see new_clue_dialog).
        file_row = QWidget()
        row_layout = QHBoxLayout(file_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        self.evidence = QLineEdit(objectName="creditRepairEvidence", maxLength=FILE_MAX)
        self.evidence.setPlaceholderText(self.tr("The evidence file's name"))
        self.choose = QPushButton(self.tr("Choose file…"), objectName="creditRepairChoose")
        self.choose.clicked.connect(self._on_choose_clicked)
        row_layout.addWidget(self.evidence, 1)
        row_layout.addWidget(self.choose)
        layout.addRow(self.tr("Evidence"), file_row)
        self.consequence = QLabel(objectName="creditRepairConsequence", wordWrap=True)
        layout.addRow(self.consequence)
        self.problem_label("creditRepairProblem")
        layout.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Grant the repair"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("creditRepairConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self._explain()
        self.resize(560, self.sizeHint().height())

    def values(self) -> RepairInput:
        d = self.day.date()
        return RepairInput(self._record.id, dt.date(d.year(), d.month(), d.day()),
                           self.note.toPlainText().strip()[:NOTE_MAX], self.evidence.text().strip()[:FILE_MAX])

    def missing(self) -> str:
        """What still has to be given, in words ("" when complete)."""
        given = self.values()
        if not self._record.occurred_on <= given.on <= self._today:
            return self.tr("The repair date must lie between the record's date and today.")
        if not given.note:
            return self.tr("Say what the entity did to earn the repair.")
        if not given.attachment_name:
            return self.tr("Choose the evidence file (or type its name).")
        return ""

    def accept(self) -> None:
        """Hand the complete form to the caller and wait for its answer (the dialog stays open)."""
        problem = self.missing()
        if problem:
            self._say(problem)
            return
        self.problem.hide()
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.values())

    def finish(self) -> None:
        """The core granted the repair: close."""
        self.done(QDialog.DialogCode.Accepted)

    def refuse(self, error: BaseException) -> None:
        """The core refused: say why in the dialog; the form stays as it was."""
        self.ok_button.setEnabled(not isinstance(error, (AlreadyChanged, PermissionDenied)))
        self._say(refusal(error))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _explain(self) -> None:
        self.consequence.setText(self.tr(
            "From {day} on this record no longer counts against the entity's credit, and its class is "
            "computed again. The repair, its note and its evidence are kept in the audit log.").format(
            day=self.values().on.isoformat()))

    def _on_choose_clicked(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence of the repair"), start,
                                              self.tr("All files (*)"))
        if path:
            self.evidence.setText(Path(path).name)


def refusal(error: BaseException) -> str:
    """The core's refusal of a repair in words: what kind of refusal, then the core's own reason."""
    if isinstance(error, PermissionDenied) and error.permission == "credit.repair":
        return translate("CreditRepairDialog", "You may not repair this record: only the leader, or the department "
                  "that recorded it, grants a credit repair.")
    if isinstance(error, AlreadyChanged):
        return translate("CreditRepairDialog", "Someone else has repaired this record already: {reason}").format(
            reason=error.message)
    if isinstance(error, ValidationError):
        return translate("CreditRepairDialog", "The repair was refused: {reason}").format(reason=error.message)
    return headline(error)
