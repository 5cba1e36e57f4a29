"""The "Double notification" tab (双告知): pushes sent to the department, and the shared queue.

A department claims its push within 5 working days or returns it, saying why; returned
and unmatched pushes wait in the shared queue, where any department may claim them. The
claim deadline is red once it has passed. Center staff choose the department they act for.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.services import obligations
from core.services.obligations import PushRow
from core.services.search import EntityFilter, EntitySearch
from desktop.entities.message_bar import MessageBar
from desktop.provisional import date_text, span_note, tooltip
from desktop.tasks import TaskManager

from .listing_page import DepartmentPage
from .reference import CasesReference
from .words import OVERDUE_COLOR, show_refusal

_ID = Qt.ItemDataRole.UserRole


def load_pushes(db: Database, department_id: int | None, viewer: str | None = None):
    """(the department's pending pushes, the shared queue, {entity id: (name, USCC)}) as ``viewer``
    may see them — worker thread."""
    mine = obligations.department_pushes(db, department_id, viewer=viewer) if department_id is not None else []
    queue = obligations.shared_queue(db, viewer=viewer)
    ids = tuple(sorted({p.entity_id for p in (*mine, *queue)}))
    rows = EntitySearch(db, viewer).page(EntityFilter(entity_ids=ids), limit=len(ids)) if ids else []
    return mine, queue, {r.id: (r.name, r.uscc) for r in rows}


class ReasonDialog(QDialog):
    """Why the push is not the department's; refuses to close without a reason."""

    def __init__(self, permit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pushReturnDialog")
        self.setWindowTitle(self.tr("Return the push: %1").replace("%1", permit))
        self.reason = QPlainTextEdit(objectName="pushReturnReason")
        self.reason.setPlaceholderText(self.tr("Why this permit is not approved by the department"))
        self.problem = QLabel(objectName="pushReturnProblem", wordWrap=True)
        self.problem.setStyleSheet(f"color: {OVERDUE_COLOR}")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Return"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The push goes to the shared queue, where another department can claim it."),
                                wordWrap=True))
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(480, 240)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def accept(self) -> None:
        if not self.text():
            self.problem.setText(self.tr("Say why: a return needs a reason."))
            self.problem.show()
            return
        super().accept()


class PushesPage(DepartmentPage, QWidget):
    """The department's pending pushes and the shared queue, with claim and return."""

    loaded = Signal(object)     # (mine, queue)
    changed = Signal(object)    # PushRow after a claim or return

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str, *, today: dt.date,
                 department_id: int | None, message_bar: MessageBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pushesPage")
        self._db, self._tasks, self._actor, self._lang, self._today = db, tasks, actor, lang, today
        self._message_bar, self._own_department = message_bar, department_id
        self._loaded_once = False
        self._names: dict[int, tuple[str, str]] = {}
        self._reference: CasesReference | None = None
        self.department = QComboBox(objectName="pushDepartment")
        self.department.setMinimumContentsLength(26)
        self.department.setEnabled(department_id is None)  # a department user acts for their own
        self.department.activated.connect(lambda _index: self.refresh())
        self.department_label = QLabel(buddy=self.department)
        self.mine = self._table("pushMineTable")
        self.queue = self._table("pushQueueTable")
        self.mine.setColumnHidden(5, True)  # a pending push has not been returned
        self.claim_button = QPushButton(objectName="pushClaim")
        self.return_button = QPushButton(objectName="pushReturn")
        self.claim_queue_button = QPushButton(objectName="pushClaimFromQueue")
        self.claim_button.clicked.connect(lambda: self.claim(self._chosen(self.mine)))
        self.return_button.clicked.connect(self.return_dialog)
        self.claim_queue_button.clicked.connect(lambda: self.claim(self._chosen(self.queue)))
        for button in (self.claim_button, self.return_button, self.claim_queue_button):
            button.setVisible(bool(actor))
        for table in (self.mine, self.queue):
            table.itemSelectionChanged.connect(self._sync_buttons)
        top = QHBoxLayout()
        top.addWidget(self.department_label)
        top.addWidget(self.department)
        top.addStretch(1)
        self.mine_box, self.queue_box = QGroupBox(), QGroupBox()
        for box, table, buttons in ((self.mine_box, self.mine, (self.claim_button, self.return_button)),
                                    (self.queue_box, self.queue, (self.claim_queue_button,))):
            row = QHBoxLayout()
            row.addStretch(1)
            for button in buttons:
                row.addWidget(button)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(table, 1)
            box_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.mine_box, 1)
        layout.addWidget(self.queue_box, 1)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    def refresh(self) -> None:
        self._loaded_once = True
        db, department, viewer = self._db, self.department_id(), self._actor or None
        self._tasks.run(lambda: load_pushes(db, department, viewer), on_done=self._on_loaded,
                        on_error=lambda e: show_refusal(self, self.tr("Pushes not loaded"), e, self._lang), owner=self)

    def claim(self, push: PushRow | None) -> None:
        department = self.department_id()
        if push is None or department is None or not self._actor:
            return
        db, actor = self._db, self._actor
        self._tasks.run(lambda: obligations.claim_push(db, actor, push.id, department),
                        on_done=lambda row: self._on_changed(row, self.tr("Claimed: %1.").replace("%1", row.permit_name)),
                        on_error=lambda e: show_refusal(self, self.tr("Push not claimed"), e, self._lang), owner=self)

    def return_dialog(self) -> ReasonDialog | None:
        push = self._chosen(self.mine)
        if push is None or not self._actor:
            return None
        dialog = ReasonDialog(push.permit_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.return_push(push, dialog.text()))
        dialog.open()
        return dialog

    def return_push(self, push: PushRow, reason: str) -> None:
        db, actor = self._db, self._actor
        self._tasks.run(lambda: obligations.return_push(db, actor, push.id, reason),
                        on_done=lambda row: self._on_changed(
                            row, self.tr("Returned to the shared queue: %1.").replace("%1", row.permit_name)),
                        on_error=lambda e: show_refusal(self, self.tr("Push not returned"), e, self._lang), owner=self)

    def set_reference(self, reference: CasesReference) -> None:
        self._reference = reference
        current = self.department_id()
        self.department.clear()
        self.department.addItem(self.tr("Choose the department you act for…"), None)
        for d in reference.departments:
            self.department.addItem(d.name(self._lang), d.id)
        self.department.setCurrentIndex(max(0, self.department.findData(current)))
        self._sync_buttons()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._reference is not None:
            for n, d in enumerate(self._reference.departments, start=1):
                self.department.setItemText(n, d.name(lang))
        self.retranslate_ui()

    # ---- internals ------------------------------------------------------

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 6, objectName=name)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((260, 170, 200, 96, 96)):
            table.setColumnWidth(column, width)
        return table

    def _chosen(self, table: QTableWidget) -> PushRow | None:
        rows = table.selectionModel().selectedRows()
        return table.item(rows[0].row(), 0).data(_ID) if rows else None

    def _fill(self, table: QTableWidget, pushes: Sequence[PushRow]) -> None:
        table.setRowCount(len(pushes))
        for r, p in enumerate(pushes):
            name, uscc = self._names.get(p.entity_id, (f"#{p.entity_id}", ""))
            late = p.status != "claimed" and p.claim_due < self._today
            note = p.return_reason or ""
            due_note = span_note(p.pushed_on, p.claim_due)
            for c, value in enumerate((name, uscc, p.permit_name, p.pushed_on.isoformat(),
                                       date_text(p.claim_due, due_note), note)):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setData(_ID, p)
                if c == 4 and due_note is not None:
                    item.setToolTip(tooltip(due_note, self._lang))
                if c == 4 and late:
                    item.setForeground(QColor(OVERDUE_COLOR))
                    item.setToolTip("\n".join(t for t in (self.tr("The claim is overdue (5 working days from the push)"),
                                                          tooltip(due_note, self._lang)) if t))
                table.setItem(r, c, item)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        acting = self.department_id() is not None
        self.claim_button.setEnabled(acting and self._chosen(self.mine) is not None)
        self.return_button.setEnabled(acting and self._chosen(self.mine) is not None)
        self.claim_queue_button.setEnabled(acting and self._chosen(self.queue) is not None)

    def _on_loaded(self, result) -> None:
        mine, queue, self._names = result
        self._fill(self.mine, mine)
        self._fill(self.queue, queue)
        if self.department_id() is None:
            self.mine_box.setTitle(self.tr("Sent to a department, to claim: choose the department above"))
        else:
            self.mine_box.setTitle(self.tr("Sent to the department, to claim (%1)").replace("%1", str(len(mine))))
        self.queue_box.setTitle(self.tr("Shared queue: returned or unmatched (%1)").replace("%1", str(len(queue))))
        self.loaded.emit((mine, queue))

    def _on_changed(self, row: PushRow, message: str) -> None:
        self._message_bar.show_message(message, kind="success")
        self.changed.emit(row)  # the lists refresh on the change bus (CasesWorkspace.on_changes)

    def retranslate_ui(self) -> None:
        self.department_label.setText(self.tr("Department"))
        self.claim_button.setText(self.tr("Claim"))
        self.return_button.setText(self.tr("Return with a reason…"))
        self.claim_queue_button.setText(self.tr("Claim for the department"))
        self.mine_box.setTitle(self.tr("Sent to the department, to claim"))
        self.queue_box.setTitle(self.tr("Shared queue: returned or unmatched"))
        headers = [self.tr("Entity"), self.tr("USCC"), self.tr("Permit"), self.tr("Pushed"), self.tr("Claim by"),
                   self.tr("Returned because")]
        for table in (self.mine, self.queue):
            table.setHorizontalHeaderLabels(headers)
        if self.department.count():
            self.department.setItemText(0, self.tr("Choose the department you act for…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
