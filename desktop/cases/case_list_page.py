"""The "Cases" tab (案件): filed cases with their decision deadline, and decided ones.

Undecided cases by deadline (red once past; 90 days from filing, 行政处罚法 Art. 60);
"Undecided only" is on at first. "Record decision…" asks the decision date (today at
first, never before the filing or after today); a decision after the deadline is
recorded all the same, and the message says it was late. "Decision period…" extends the
period or pauses it (市场监督管理行政处罚程序规定 Art. 64, :mod:`.case_clock_dialog`); the
deadline moves with each, a paused case says so in its status and is never shown as late.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from core.db.database import Database
from core.services import clues
from core.services.obligations_listing import (
    CaseFilter,
    CaseRow,
    count_cases,
    list_cases,
)
from desktop.entities.message_bar import MessageBar
from desktop.tasks import TaskManager

from .case_clock_dialog import EXTEND_COLLECTIVE, EXTEND_HEAD, PAUSE, CaseClockDialog
from .checked_dialog import CheckedDialog
from .listing_page import ListingPage
from .words import OVERDUE_COLOR

_WIDTHS = (132, 0, 240, 96, 104, 96, 190)  # the entity takes the rest


class DecisionDialog(CheckedDialog):
    """The decision date of one case; says so when it is past the deadline."""

    def __init__(self, row: CaseRow, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Record decision: %1").replace("%1", row.ref_no))
        self.row, self.today = row, today
        self.date = QDateEdit(QDate(today), objectName="decisionDate", calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(QDate(row.filed_on))
        self.date.setMaximumDate(QDate(max(today, row.filed_on)))
        self.date.dateChanged.connect(self._sync)
        self.late = QLabel(objectName="decisionLate", wordWrap=True)
        self.late.setStyleSheet(f"color: {OVERDUE_COLOR}")
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout.addRow(self.tr("Case no."), QLabel(row.ref_no))
        layout.addRow(self.tr("Entity"), QLabel(row.entity_name, wordWrap=True))
        layout.addRow(self.tr("Filed"), QLabel(row.filed_on.isoformat()))
        layout.addRow(self.tr("Decision due"), QLabel(row.decision_due.isoformat()))
        layout.addRow(self.tr("Decided on"), self.date)
        layout.addRow(self.late)
        layout.addRow(self.problem_label("decisionProblem"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("decisionConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self._sync()
        self.resize(420, self.sizeHint().height())

    def value(self) -> dt.date:
        return self.date.date().toPython()

    def missing(self) -> str:
        if self.value() < self.row.filed_on:
            return self.tr("A decision cannot precede the filing (%1).").replace("%1", self.row.filed_on.isoformat())
        return ""

    def _sync(self) -> None:
        days = (self.value() - self.row.decision_due).days
        self.late.setText(self.tr("%1 days after the deadline: it is recorded as late.").replace("%1", str(days))
                          if days > 0 else "")
        self.late.setVisible(days > 0)


class CasesPage(ListingPage):
    """Filed (and, on request, decided) cases, with "Record decision…"."""

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str, *, today: dt.date,
                 department_id: int | None, message_bar: MessageBar, parent: QWidget | None = None) -> None:
        super().__init__(db, tasks, actor, lang, today=today, department_id=department_id, message_bar=message_bar,
                         name="casesPage", widths=_WIDTHS, stretch=1, parent=parent)
        self.undecided_only = QCheckBox(objectName="casesUndecidedOnly", checked=True)
        self.undecided_only.toggled.connect(lambda _on: self.refresh(offset=0))
        self.filters.addWidget(self.undecided_only)
        self.filters.addStretch(1)
        self.clock_button = QPushButton(objectName="casesClock", visible=bool(actor))
        self.clock_button.clicked.connect(self.clock_dialog)
        self.filters.addWidget(self.clock_button)
        self._clocks: dict[int, clues.CaseClock] = {}
        self.action_button.clicked.connect(self.decision_dialog)
        self.retranslate_ui()

    def case_filter(self) -> CaseFilter:
        return CaseFilter(self.department_id(), undecided_only=self.undecided_only.isChecked())

    def decision_dialog(self) -> DecisionDialog | None:
        row = self.chosen()
        if not self._can_act(row) or not self._actor:
            return None
        dialog = DecisionDialog(row, self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.decide(row, dialog.value()))
        dialog.open()
        return dialog

    def clock(self, case_id: int) -> clues.CaseClock | None:
        """The decision clock of a listed case (its extensions and pauses)."""
        return self._clocks.get(case_id)

    def clock_dialog(self) -> CaseClockDialog | None:
        row = self.chosen()
        if not self._can_act(row) or not self._actor or row.id not in self._clocks:
            return None
        dialog = CaseClockDialog(row, self._clocks[row.id], self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.record_clock(row, dialog.action(), dialog.value()))
        dialog.open()
        return dialog

    def record_clock(self, row: CaseRow, action: str, values: dict) -> None:
        db, actor, today = self._db, self._actor, self._today
        call = {EXTEND_HEAD: clues.extend_case, EXTEND_COLLECTIVE: clues.extend_case, PAUSE: clues.pause_case}\
            .get(action, clues.resume_case)
        self._run_change(lambda: call(db, actor, row.id, today=today, **values),
                         lambda clock: self._on_clock_changed(row, clock), self.tr("Decision period not changed"))

    def decide(self, row: CaseRow, on: dt.date) -> None:
        db, actor = self._db, self._actor
        self._run_change(lambda: clues.decide_case(db, actor, row.id, on=on), lambda _none: self._on_decided(row, on),
                         self.tr("Decision not recorded"))

    # ---- ListingPage --------------------------------------------------------

    def _loader(self, offset: int, limit: int):
        db, f, viewer = self._db, self.case_filter(), self._actor or None

        def load():
            rows = list_cases(db, f, offset=offset, limit=limit, viewer=viewer)
            return count_cases(db, f, viewer=viewer), rows, clues.case_clocks(db, [r.id for r in rows])
        return load

    def _on_loaded(self, generation: int, total: int, rows, clocks=None) -> None:
        if generation == self._generation:
            self._clocks = clocks or {}
        super()._on_loaded(generation, total, rows)

    def _can_act(self, row) -> bool:
        return row is not None and row.status == "filed"

    def _load_failed(self) -> str:
        return self.tr("Cases not loaded")

    def _sync_buttons(self) -> None:
        super()._sync_buttons()
        self.clock_button.setEnabled(bool(self._actor) and self._can_act(self.chosen()))

    def _cells(self, r: CaseRow):
        clock = self._clocks.get(r.id)
        paused = clock.open_pause if clock is not None and r.status == "filed" else None
        due = clock.due_as_of(self._today) if paused is not None else r.decision_due
        late = r.status == "filed" and due < self._today  # a pause that began in time keeps it in time
        due_tip = self.tr("The decision is overdue (90 days from filing)") if late else ""
        if clock is not None and clock.extended_days:
            due_tip = (due_tip + "\n" if due_tip else "") + self.tr("Extended by %1 days").replace(
                "%1", str(clock.extended_days))
        decided_tip = self.tr("Decided after the deadline") if r.decided_late() else ""
        status = self.tr("Filed") if r.status == "filed" else self.tr("Decided")
        if paused is not None:
            due_tip = (due_tip + "\n" if due_tip else "") + self.tr(
                "The clock is stopped: this date moves on each day the pause lasts")
            status = self.tr("Paused since %1").replace("%1", paused.started_on.isoformat())
        elif clock is not None and clock.extended_days:
            status = self.tr("%1, extended %2 days").replace("%1", status).replace("%2", str(clock.extended_days))
        return ((r.ref_no, "", False), (r.entity_name, f"{r.entity_name}\n{r.uscc}", False),
                (r.department(self._lang), r.department(self._lang), False), (r.filed_on.isoformat(), "", False),
                (due.isoformat(), due_tip, late),
                (r.decided_on.isoformat() if r.decided_on else "—", decided_tip, False), (status, "", False))

    def _on_decided(self, row: CaseRow, on: dt.date) -> None:
        days = (on - row.decision_due).days
        if days > 0:
            text = self.tr("Case %1 decided on %2 — late: %3 days after its deadline of %4.")
            kind = "info"
        else:
            text = self.tr("Case %1 decided on %2, within its deadline of %4.")
            kind = "success"
        self._message_bar.show_message(text.replace("%1", row.ref_no).replace("%2", on.isoformat())
                                       .replace("%3", str(days)).replace("%4", row.decision_due.isoformat()), kind=kind)

    def _on_clock_changed(self, row: CaseRow, clock: clues.CaseClock) -> None:
        paused = clock.open_pause
        if paused is not None:
            text = self.tr("Case %1 paused from %2: the clock is stopped.").replace("%2", paused.started_on.isoformat())
        else:
            text = self.tr("Case %1: the decision is now due on %2.").replace("%2", clock.decision_due.isoformat())
        self._message_bar.show_message(text.replace("%1", row.ref_no), kind="success")

    def retranslate_ui(self) -> None:
        self.undecided_only.setText(self.tr("Undecided only"))
        self.action_button.setText(self.tr("Record decision…"))
        self.clock_button.setText(self.tr("Decision period…"))
        self.clock_button.setToolTip(self.tr("Extend the decision period or pause it for a hearing, announcement, "
                                             "testing or appraisal (Art. 64)"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Case no."), self.tr("Entity"), self.tr("Department"), self.tr("Filed"), self.tr("Decision due"),
            self.tr("Decided"), self.tr("Status")])
        super().retranslate_ui()
