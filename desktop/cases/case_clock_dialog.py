"""A case's decision clock (办案期限): its extensions and pauses, and one action to add.

市场监督管理行政处罚程序规定 Art. 64: the first extension is the department head's 30 days,
any further one a collective decision with its length; a hearing, announcement, testing or
appraisal pauses the clock until it ends. The dialog offers only the action that fits
(no head extension twice, "Resume" only while paused, no new pause while one is open);
the core refuses the rest with the rule. Every action needs a reason (a resume may go
without one).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from core.services.clues import CaseClock
from core.services.clues.case_clock import HEAD_EXTENSION_DAYS
from core.services.obligations_listing import CaseRow

from .checked_dialog import CheckedDialog

EXTEND_HEAD, EXTEND_COLLECTIVE, PAUSE, RESUME = "extend_head", "extend_collective", "pause", "resume"
PAUSE_KINDS = ("hearing", "announcement", "testing", "appraisal")


class CaseClockDialog(CheckedDialog):
    """The clock of one filed case; :meth:`action` says what to record once accepted."""

    def __init__(self, row: CaseRow, clock: CaseClock, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseClockDialog")
        self.setWindowTitle(self.tr("Decision period: %1").replace("%1", row.ref_no))
        self.row, self.clock, self.today = row, clock, today
        paused = clock.open_pause
        self.status = QLabel(self._status_text(), objectName="caseClockStatus", wordWrap=True)
        self.history = QListWidget(objectName="caseClockHistory")
        self.history.addItems(self.history_lines() or [self.tr("No extension or pause yet.")])
        self.history.setMinimumHeight(90)
        self.history.setWordWrap(True)
        self.choice = QComboBox(objectName="caseClockAction")
        if paused is not None:
            self.choice.addItem(self.tr("Resume the clock (the pause ends)"), RESUME)
        else:
            if clock.extensions:
                self.choice.addItem(self.tr("Extend by collective decision"), EXTEND_COLLECTIVE)
            else:
                self.choice.addItem(self.tr("Extend by %1 days (department head's approval)")
                                    .replace("%1", str(HEAD_EXTENSION_DAYS)), EXTEND_HEAD)
            self.choice.addItem(self.tr("Pause: a period that does not count"), PAUSE)
        self.days = QSpinBox(objectName="caseClockDays", minimum=1, maximum=366, value=HEAD_EXTENSION_DAYS,
                             suffix=self.tr(" days"))
        self.kind = QComboBox(objectName="caseClockKind")
        for key in PAUSE_KINDS:
            self.kind.addItem(self.pause_name(key), key)
        start = paused.started_on if paused else row.filed_on
        self.date = QDateEdit(QDate(today), objectName="caseClockDate", calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(QDate(start))
        self.date.setMaximumDate(QDate(max(today, start)))
        self.reason = QPlainTextEdit(objectName="caseClockReason")
        self.reason.setFixedHeight(64)
        self.layout_ = QFormLayout(self)
        self.layout_.addRow(self.tr("Case no."), QLabel(row.ref_no))
        self.layout_.addRow(self.tr("Filed"), QLabel(row.filed_on.isoformat()))
        self.layout_.addRow(self.status)
        self.layout_.addRow(self.history)
        self.layout_.addRow(self.tr("Action"), self.choice)
        self.layout_.addRow(self.tr("Length"), self.days)
        self.layout_.addRow(self.tr("Period"), self.kind)
        self.date_label = QLabel()
        self.layout_.addRow(self.date_label, self.date)
        self.layout_.addRow(self.tr("Reason"), self.reason)
        self.layout_.addRow(self.problem_label("caseClockProblem"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("caseClockConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.layout_.addRow(buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self._sync())
        self._sync()
        self.resize(480, self.sizeHint().height())

    # ---- what the operator chose ---------------------------------------------

    def action(self) -> str:
        return self.choice.currentData()

    def value(self) -> dict:
        """Keyword arguments of the core call for the chosen action."""
        on, reason = self.date.date().toPython(), self.reason.toPlainText().strip()
        match self.action():
            case "extend_head":
                return {"approval": "head", "days": HEAD_EXTENSION_DAYS, "reason": reason, "on": on}
            case "extend_collective":
                return {"approval": "collective", "days": self.days.value(), "reason": reason, "on": on}
            case "pause":
                return {"kind": self.kind.currentData(), "reason": reason, "on": on}
            case _:
                return {"reason": reason, "on": on}

    def missing(self) -> str:
        if self.action() != RESUME and not self.reason.toPlainText().strip():
            return self.tr("Write the reason (it is kept with the case).")
        return ""

    # ---- words ---------------------------------------------------------------

    def pause_name(self, key: str) -> str:
        return {"hearing": self.tr("Hearing"), "announcement": self.tr("Announcement"),
                "testing": self.tr("Testing or inspection"), "appraisal": self.tr("Appraisal")}.get(key, key)

    def history_lines(self) -> list[str]:
        lines = []
        for e in self.clock.extensions:
            text = (self.tr("%1: extended by %2 days, department head's approval") if e.approval == "head"
                    else self.tr("%1: extended by %2 days, collective decision"))
            lines.append(text.replace("%1", e.approved_on.isoformat()).replace("%2", str(e.days)) + f" — {e.reason}")
        for p in self.clock.pauses:
            if p.ended_on is None:
                text = self.tr("%1 – …: %2, the clock is stopped").replace("%1", p.started_on.isoformat())
            else:
                text = (self.tr("%1 – %3: %2, %4 days not counted").replace("%1", p.started_on.isoformat())
                        .replace("%3", p.ended_on.isoformat()).replace("%4", str(p.days(self.today))))
            lines.append(text.replace("%2", self.pause_name(p.kind)) + f" — {p.reason}")
        return lines

    def _status_text(self) -> str:
        paused = self.clock.open_pause
        if paused is not None:
            return (self.tr("Paused since %1 (%2): the clock is stopped with %3 days left; the decision is due "
                            "on %4 if it resumes tomorrow.")
                    .replace("%1", paused.started_on.isoformat()).replace("%2", self.pause_name(paused.kind))
                    .replace("%3", str((self.clock.decision_due - paused.started_on).days + 1))
                    .replace("%4", self.clock.due_as_of(self.today).isoformat()))
        return (self.tr("Decision due on %1 (90 days from filing, %2 days extended).")
                .replace("%1", self.clock.decision_due.isoformat()).replace("%2", str(self.clock.extended_days)))

    def _sync(self) -> None:
        action = self.action()
        for widget, shown in ((self.days, action == EXTEND_COLLECTIVE), (self.kind, action == PAUSE)):
            widget.setVisible(shown)
            self.layout_.labelForField(widget).setVisible(shown)
        self.date_label.setText({EXTEND_HEAD: self.tr("Approved on"), EXTEND_COLLECTIVE: self.tr("Decided on"),
                                 PAUSE: self.tr("First day"), RESUME: self.tr("Last day")}[action])
        self.reason.setPlaceholderText(self.tr("Optional note") if action == RESUME else "")
