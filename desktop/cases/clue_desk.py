"""The "Clues" tab: the filter bar, one page of clues at a time, and the chosen clue beside it.

Pages and details load in workers; an answer that arrives after the operator moved on
(another filter, another clue) is dropped. The chosen clue stays on show after a change
even when it leaves the filter (a closed clue under "Open").
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.errors import PermissionDenied
from core.services import clues
from core.services.clues import ClueFilter
from desktop.tasks import TaskManager

from .clue_detail import ClueDetailPanel
from .clue_table import ClueTableModel
from .filter_bar import ClueFilterBar
from .reference import CasesReference

PAGE_SIZE = 100
_WIDTHS = (148, 96, 64, 104, 0, 116, 84)  # the entity column takes the rest
_STATE_COLUMN, _ENTITY_COLUMN = 2, 4


class ClueDesk(QWidget):
    """Filters, the paged clue table and the detail panel of the chosen clue."""

    page_loaded = Signal(object)     # list[ClueRow] on show
    detail_loaded = Signal(object)   # ClueDetail
    failed = Signal(str, object)     # what was not done, the error

    def __init__(self, db: Database, tasks: TaskManager, *, lang: str, today: dt.date, read_only: bool,
                 department_id: int | None = None, allowed: frozenset[str] | None = None,
                 viewer: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clueDesk")
        self._db, self._tasks, self._lang, self._today = db, tasks, lang, today
        self._viewer = viewer  # the signed-in user: lists and details show what it may see (core.rights)
        self._refused = False  # the viewer's role may not read clues at all
        self._offset, self._total = 0, 0
        self._generation = 0
        self._clue_id: int | None = None
        self._reference: CasesReference | None = None
        self.filter_bar = ClueFilterBar(lang)
        if department_id is not None:
            self.filter_bar.set_department(department_id)
        self.filter_bar.filter_changed.connect(lambda: self.refresh(offset=0))
        self.model = ClueTableModel(today, self)
        self.model.set_language(lang)
        self.table = QTableView(objectName="clueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(_ENTITY_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_STATE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(48)
        for column, width in enumerate(_WIDTHS):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.previous_button = QPushButton(objectName="cluePreviousPage")
        self.next_button = QPushButton(objectName="clueNextPage")
        self.previous_button.clicked.connect(lambda: self.refresh(offset=max(0, self._offset - PAGE_SIZE)))
        self.next_button.clicked.connect(lambda: self.refresh(offset=self._offset + PAGE_SIZE))
        self.page_label = QLabel(objectName="cluePageLabel")
        pager = QHBoxLayout()
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(pager)
        self.detail = ClueDetailPanel(read_only=read_only, lang=lang, today=today, allowed=allowed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="clueSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter, 1)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    @property
    def clue_id(self) -> int | None:
        return self._clue_id

    @property
    def total(self) -> int:
        return self._total

    def clue_filter(self) -> ClueFilter:
        return self.filter_bar.clue_filter(self._today)

    def refresh(self, *, offset: int | None = None, select: int | None = None) -> None:
        """Load the page at ``offset`` (default: the current one) and reload the chosen clue
        (``select``: choose that clue instead)."""
        if offset is not None:
            self._offset = offset
        if select is not None:
            self._clue_id = select
        self._generation += 1
        generation, db, f, start, viewer = self._generation, self._db, self.clue_filter(), self._offset, self._viewer
        self._tasks.run(lambda: (clues.count_clues(db, f, viewer=viewer),
                                 clues.list_clues(db, f, offset=start, limit=PAGE_SIZE, viewer=viewer)),
                        on_done=lambda result: self._on_page_loaded(generation, *result),
                        on_error=lambda e: self._on_page_failed(generation, e), owner=self)
        self.show_clue(self._clue_id)

    def show_clue(self, clue_id: int | None) -> None:
        """Load and show clue ``clue_id`` in the detail panel (None: nothing chosen)."""
        self._clue_id = clue_id
        if clue_id is None:
            self.detail.set_detail(None)
            return
        db, viewer = self._db, self._viewer
        self._tasks.run(lambda: clues.clue_detail(db, clue_id, viewer=viewer), on_done=lambda d: self._on_detail_loaded(clue_id, d),
                        on_error=lambda e: self.failed.emit(self.tr("Clue not loaded"), e), owner=self)

    def select_clue(self, clue_id: int) -> bool:
        """Choose the row of ``clue_id`` if it is on this page."""
        row = self.model.row_of(clue_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def set_reference(self, reference: CasesReference) -> None:
        self._reference = reference
        self.filter_bar.set_departments(reference.departments)
        self._apply_names()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.filter_bar.set_language(lang)
        self.model.set_language(lang)
        self.detail.set_language(lang)
        self._apply_names()
        self.retranslate_ui()

    # ---- internals ------------------------------------------------------

    def _apply_names(self) -> None:
        if self._reference is not None:
            self.model.set_departments(self._reference.department_names(self._lang))
            self.detail.set_names(self._reference.department_names(self._lang),
                                  self._reference.matter_names(self._lang), self._reference.village_names(self._lang))

    def _on_page_loaded(self, generation: int, total: int, rows) -> None:
        if generation != self._generation:
            return
        self._total = total
        self.model.set_rows(rows)
        row = self.model.row_of(self._clue_id) if self._clue_id is not None else None
        if row is not None:  # the chosen clue again: no second load (see _on_table_current_row_changed)
            self.table.selectRow(row)
        self._sync_pager(len(rows))
        self.page_loaded.emit(rows)

    def _on_page_failed(self, generation: int, error: BaseException) -> None:
        """A role that may not read clues (core.rights clue.read) sees an empty desk that says so."""
        if isinstance(error, PermissionDenied) and error.permission == "clue.read":
            if generation == self._generation:
                self._refused = True
                self._total = 0
                self.model.set_rows([])
                self._sync_pager(0)
            return
        self.failed.emit(self.tr("Clues not loaded"), error)

    def _on_detail_loaded(self, clue_id: int, detail) -> None:
        if clue_id != self._clue_id:
            return  # another clue was chosen meanwhile
        self.detail.set_detail(detail)
        self.detail_loaded.emit(detail)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None and row.id != self._clue_id:
            self.show_clue(row.id)

    def _sync_pager(self, shown: int) -> None:
        self.previous_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._offset + shown < self._total)
        if self._refused:
            self.page_label.setText(self.tr("Your role does not read clues."))
        elif self._total == 0:
            self.page_label.setText(self.tr("No clue matches."))
        else:
            self.page_label.setText(self.tr("%1–%2 of %3 clues").replace("%1", f"{self._offset + 1:,}")
                                    .replace("%2", f"{self._offset + shown:,}").replace("%3", f"{self._total:,}"))

    def retranslate_ui(self) -> None:
        self.previous_button.setText(self.tr("‹ Previous"))
        self.next_button.setText(self.tr("Next ›"))
        self._sync_pager(self.model.rowCount())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
