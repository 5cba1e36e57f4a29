"""The "Commitments" tab (告知承诺核查): verifications of permits granted on a written commitment.

Open verifications by deadline (red once past), the department's own for a department
user; "Show done too" adds the verified ones with what was found. "Record verification…"
asks whether the commitment was kept and what the check found; a broken one writes a
credit record on the entity and, if asked, files a case (core.services.obligations).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.services import obligations
from core.services.obligations_listing import (
    VerificationFilter,
    VerificationRow,
    case_ref,
    count_verifications,
    list_verifications,
)
from desktop.entities.message_bar import MessageBar
from desktop.provisional import date_text, span_note, tooltip
from desktop.tasks import TaskManager

from .checked_dialog import CheckedDialog
from .listing_page import ListingPage

_WIDTHS = (52, 220, 156, 210, 0, 150, 92, 80, 140)  # the standard checked against takes the rest
_DONE_COLUMN = 8


class VerifyDialog(CheckedDialog):
    """Kept or broken, what was found, and (when broken) whether to file a case."""

    def __init__(self, row: VerificationRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("Record verification: %1").replace("%1", row.entity_name))
        self.row = row
        self.kept = QRadioButton(self.tr("Fulfilled: the commitment was kept"), objectName="verifyKept")
        self.broken = QRadioButton(self.tr("Not fulfilled: the commitment was broken"), objectName="verifyBroken")
        self.choice = QButtonGroup(self)
        for button in (self.kept, self.broken):
            self.choice.addButton(button)
            button.toggled.connect(self._sync)
        self.consequence = QLabel(self.tr("A credit record is written on the entity."), wordWrap=True)
        self.consequence.setEnabled(False)
        self.open_case = QCheckBox(self.tr("Also file a case (the decision is then due within 90 days)"),
                                   objectName="verifyOpenCase")
        self.outcome = QPlainTextEdit(objectName="verifyOutcome")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setPlaceholderText(self.tr("What the check found on site and in the papers"))
        self.outcome.setMinimumHeight(72)
        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, value in ((self.tr("Entity"), f"{row.entity_name}  {row.uscc}"),
                             (self.tr("Matter"), row.matter_name),
                             (self.tr("Commitment"), row.commitment_text),
                             (self.tr("Check against"), row.verification_standard),
                             (self.tr("Due"), row.due_on.isoformat())):
            text = QLabel(value, wordWrap=True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(label, text)
        facts.addRow(self.tr("Result"), self.kept)
        facts.addRow("", self.broken)
        facts.addRow("", self.consequence)
        facts.addRow("", self.open_case)
        facts.addRow(self.tr("Found"), self.outcome)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("verifyConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(self.problem_label("verifyProblem"))
        layout.addWidget(buttons)
        self._sync()
        self.resize(560, self.sizeHint().height())

    def fulfilled(self) -> bool | None:
        return True if self.kept.isChecked() else False if self.broken.isChecked() else None

    def text(self) -> str:
        return self.outcome.toPlainText().strip()

    def values(self) -> tuple[bool, str, bool]:
        """(fulfilled, outcome, open a case)."""
        broken = self.fulfilled() is False
        return not broken, self.text(), broken and self.open_case.isChecked()

    def missing(self) -> str:
        if self.fulfilled() is None:
            return self.tr("Say whether the commitment was kept.")
        if not self.text():
            return self.tr("Say what the verification found.")
        return ""

    def _sync(self) -> None:
        broken = self.broken.isChecked()
        self.consequence.setEnabled(broken)
        self.open_case.setEnabled(broken)
        if not broken:
            self.open_case.setChecked(False)


class CommitmentsPage(ListingPage):
    """Open (and, on request, done) commitment verifications, with "Record verification…"."""

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str, *, today: dt.date,
                 department_id: int | None, message_bar: MessageBar, parent: QWidget | None = None) -> None:
        super().__init__(db, tasks, actor, lang, today=today, department_id=department_id, message_bar=message_bar,
                         name="commitmentsPage", widths=_WIDTHS, stretch=4, parent=parent)
        self.show_done = QCheckBox(objectName="commitmentsShowDone")
        self.show_done.toggled.connect(self._on_show_done_toggled)
        self.filters.addWidget(self.show_done)
        self.filters.addStretch(1)
        self.table.setColumnHidden(_DONE_COLUMN, True)
        self.action_button.clicked.connect(self.verify_dialog)
        self.retranslate_ui()

    def verification_filter(self) -> VerificationFilter:
        return VerificationFilter(self.department_id(), include_done=self.show_done.isChecked())

    def verify_dialog(self) -> VerifyDialog | None:
        row = self.chosen()
        if not self._can_act(row) or not self._actor:
            return None
        dialog = VerifyDialog(row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.verify(row, *dialog.values()))
        dialog.open()
        return dialog

    def verify(self, row: VerificationRow, fulfilled: bool, outcome: str, open_case: bool) -> None:
        db, actor, day = self._db, self._actor, self._today

        def work():
            done = obligations.verify_commitment(db, actor, row.id, fulfilled=fulfilled, outcome=outcome, on=day,
                                                 open_case=open_case)
            return done, case_ref(db, done.case_id) if done.case_id is not None else None

        self._run_change(work, lambda result: self._on_verified(row, *result), self.tr("Verification not recorded"))

    # ---- ListingPage --------------------------------------------------------

    def _loader(self, offset: int, limit: int):
        db, f, viewer = self._db, self.verification_filter(), self._actor or None
        return lambda: (count_verifications(db, f, viewer=viewer),
                        list_verifications(db, f, offset=offset, limit=limit, viewer=viewer))

    def _can_act(self, row) -> bool:
        return row is not None and row.done_on is None

    def _load_failed(self) -> str:
        return self.tr("Commitments not loaded")

    def _cells(self, r: VerificationRow):
        late = r.overdue(self._today)
        due_note = span_note(None, r.due_on)
        due_tip = "\n".join(t for t in (self.tr("The verification is overdue") if late else "",
                                         tooltip(due_note, self._lang)) if t)
        done = ""
        if r.done_on is not None:
            kept = self.tr("kept") if r.status == "fulfilled" else self.tr("broken")
            done = f"{r.done_on.isoformat()} · {kept}"
        department = r.department(self._lang)
        return ((str(r.id), "", False), (r.entity_name, r.entity_name, False), (r.uscc, "", False),
                (r.matter_name, self.tr("Commitment: %1").replace("%1", r.commitment_text), False),
                (r.verification_standard, r.verification_standard, False), (department, department, False),
                (date_text(r.due_on, due_note), due_tip, late), (r.inspector or "—", "", False), (done, r.outcome or "", False))

    def _on_show_done_toggled(self, on: bool) -> None:
        self.table.setColumnHidden(_DONE_COLUMN, not on)
        self.refresh(offset=0)

    def _on_verified(self, row: VerificationRow, done: obligations.VerificationDone, ref_no: str | None) -> None:
        if done.credit_record_id is None:
            text = self.tr("Verification recorded: %1 kept its commitment.")
        elif ref_no:
            text = self.tr("Verification recorded: %1 broke its commitment. A credit record was written and case %2 "
                           "filed; its decision is due within 90 days.")
        else:
            text = self.tr("Verification recorded: %1 broke its commitment. A credit record was written.")
        self._message_bar.show_message(text.replace("%1", row.entity_name).replace("%2", ref_no or ""),
                                       kind="success")

    def retranslate_ui(self) -> None:
        self.show_done.setText(self.tr("Show done too"))
        self.action_button.setText(self.tr("Record verification…"))
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Entity"), self.tr("USCC"), self.tr("Matter"), self.tr("Check against"),
            self.tr("Department"), self.tr("Due"), self.tr("Inspector"), self.tr("Verified")])
        self.table.setColumnHidden(_DONE_COLUMN, not self.show_done.isChecked())
        super().retranslate_ui()
