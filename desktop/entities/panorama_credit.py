"""The panorama's credit section: the class and why, the records, linked credit, joint measures.

Loaded through the TaskManager with :func:`core.credit.panel.credit_panel`; a viewer
without ``risk.read`` sees the records and measures but no class, score or weight.
A viewer who may repair a record (信用修复, the panel says which) gets a "Credit repair…"
button under the records; the repair runs in a worker and the section reloads after it.
"""
from __future__ import annotations

import datetime as dt
import logging

import shiboken6

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.credit.lists import repair
from core.credit.panel import CreditPanel, credit_panel
from core.credit.records import CreditRecordRow
from core.db.database import Database
from core.errors import AlreadyChanged, TongguanError
from desktop.tasks import TaskManager

from .credit_words import (
    RECORD_COLUMNS,
    WEIGHT_COLUMNS,
    internal_note,
    kind_text,
    linked_text,
    measures_text,
    rules_text,
    summary_text,
)
from .credit_repair_dialog import CreditRepairDialog, RepairInput, refusal
from .errors import headline, show_error
from .panorama_tables import RowsModel, fit_header_widths

_log = logging.getLogger(__name__)

class CreditSection(QWidget):
    """The credit tab of one entity's panorama."""

    title_changed = Signal(str)
    repaired = Signal(str)   # a sentence for the workspace's message bar

    def __init__(self, db: Database, tasks: TaskManager, entity_id: int, *, actor: str, lang: str,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditSection")
        self._db, self._tasks, self._entity_id, self._actor = db, tasks, entity_id, actor
        self._lang, self._today = lang, today
        self._panel: CreditPanel | None = None
        self._generation = 0
        self._chosen: int | None = None   # the chosen record's id, kept across reloads
        self.repair_dialog: CreditRepairDialog | None = None
        self.summary = QLabel(objectName="creditSummary", wordWrap=True,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rules = QLabel(objectName="creditRules", wordWrap=True)
        self._full = RowsModel(RECORD_COLUMNS + WEIGHT_COLUMNS, today or dt.date.today(), self)
        self._plain = RowsModel(RECORD_COLUMNS, today or dt.date.today(), self)
        self.table = QTableView(objectName="creditRecordsTable")
        self.table.setModel(self._full)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.repair_button = QPushButton(objectName="creditRepairButton")
        self.repair_button.clicked.connect(self._on_repair_clicked)
        self.repair_button.hide()
        self.linked = QLabel(objectName="creditLinked", wordWrap=True,
                             textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.measures = QLabel(objectName="creditMeasures", wordWrap=True,
                               textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.repair_button, 0, Qt.AlignmentFlag.AlignLeft)
        lower_layout.addWidget(self.linked)
        lower_layout.addWidget(self.measures)
        lower_layout.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.rules)
        layout.addWidget(split, 1)
        self._retranslate_button()

    @property
    def panel(self) -> CreditPanel | None:
        return self._panel

    def reload(self) -> None:
        self._generation += 1
        generation, db, entity_id, viewer, today = (self._generation, self._db, self._entity_id,
                                                    self._actor or None, self._today)
        self._tasks.run(lambda: credit_panel(db, entity_id, viewer, today),
                        on_done=lambda p: self._on_loaded(generation, p),
                        on_error=lambda e: self._on_failed(generation, e), owner=self)

    def selected_record(self) -> CreditRecordRow | None:
        """The record chosen in the table (None: none)."""
        rows = self.table.selectionModel().selectedRows()
        model = self.table.model()
        if not rows or not isinstance(model, RowsModel) or rows[0].row() >= len(model.rows()):
            return None
        return model.rows()[rows[0].row()].record

    def select_record(self, record_id: int) -> bool:
        """Choose the row of record ``record_id``; False when it is not on show."""
        model = self.table.model()
        for row, w in enumerate(model.rows() if isinstance(model, RowsModel) else ()):
            if w.record.id == record_id:
                self.table.selectRow(row)
                return True
        return False

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_button()
            self._show()
        super().changeEvent(event)

    def _on_loaded(self, generation: int, panel: CreditPanel) -> None:
        if generation == self._generation:
            self._panel = panel
            self._show()

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.summary.setText(self.tr("The credit section could not be loaded: {reason}").format(
                reason=headline(error)))

    def _show(self) -> None:
        p = self._panel
        self.title_changed.emit(self.tr("Credit ({count})").format(count=len(p.records)) if p else self.tr("Credit"))
        if p is None:
            return
        e = p.explanation
        model = self._full if e is not None else self._plain
        model.set_language(self._lang)
        chosen = self._chosen
        model.set_rows(p.records)
        if self.table.model() is not model:
            self.table.setModel(model)
            self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        if chosen is not None:
            self.select_record(chosen)
        self._sync_repair()
        header = self.table.horizontalHeader()
        for column, width in enumerate((96, 170, 0, 190, 70, 70, 80)[:model.columnCount()]):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the record's title takes the room
        fit_header_widths(self.table)
        if e is None:
            self.summary.setText(internal_note())
            self.rules.clear()
        else:
            self.summary.setText(summary_text(e))
            self.rules.setText(rules_text(e))
        self.linked.setText(linked_text(p))
        self.measures.setText(measures_text(p, self._lang))

    # ---- credit repair (信用修复) ------------------------------------------------

    def _retranslate_button(self) -> None:
        self.repair_button.setText(self.tr("Credit repair…"))
        self._sync_repair()

    def _on_table_selection_changed(self, *_args) -> None:
        record = self.selected_record()
        if record is not None:
            self._chosen = record.id
        self._sync_repair()

    def _sync_repair(self) -> None:
        """Show the button to a viewer who may repair some record; enable it on one that may be repaired."""
        p = self._panel
        self.repair_button.setVisible(bool(p and p.repairable))
        record = self.selected_record()
        able = bool(p and record and p.may_repair(record.id))
        self.repair_button.setEnabled(able)
        self.repair_button.setToolTip("" if able else self.tr(
            "Choose a record that is in force, not repaired yet and yours to repair."))

    def _on_repair_clicked(self) -> None:
        record = self.selected_record()
        if record is None or self._panel is None or not self._panel.may_repair(record.id):
            return
        if self.repair_dialog is not None:
            self.repair_dialog.deleteLater()
        dialog = CreditRepairDialog(record, kind_text(record.kind),
                                    self._today or dt.date.today(), self)
        dialog.submitted.connect(lambda given: self._on_repair_submitted(dialog, given))
        self.repair_dialog = dialog
        dialog.open()

    def _on_repair_submitted(self, dialog: CreditRepairDialog, given: RepairInput) -> None:
        db, actor = self._db, self._actor
        self._tasks.run(lambda: repair(db, actor, given.record_id, note=given.note,
                                       attachment_name=given.attachment_name, on=given.on),
                        on_done=lambda _id: self._on_repair_done(dialog, given),
                        on_error=lambda e: self._on_repair_refused(dialog, e), owner=self)

    def _on_repair_done(self, dialog: CreditRepairDialog, given: RepairInput) -> None:
        if shiboken6.isValid(dialog):   # a dialog cancelled meanwhile may be gone
            dialog.finish()
        record = next((w.record for w in (self._panel.records if self._panel else ())
                       if w.record.id == given.record_id), None)
        self.reload()
        self.repaired.emit(self.tr("Credit repair granted: “{title}” no longer counts from {day}.").format(
            title=record.title if record else given.record_id, day=given.on.isoformat()))

    def _on_repair_refused(self, dialog: CreditRepairDialog, error: BaseException) -> None:
        if not isinstance(error, TongguanError):
            _log.error("a credit repair failed unexpectedly", exc_info=error)
        if isinstance(error, AlreadyChanged):
            self.reload()
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.refuse(error)
        else:
            show_error(self, self.tr("Credit repair not granted"), error, lead=refusal(error))
