"""What the "Commitments" and "Cases" tabs share: a department filter, a paged table, one action.

A subclass says which columns it has, how to load a page (a callable run in a worker,
returning ``(total, rows)``) and how a row fills the table; this base keeps the pager,
drops answers that arrive after the operator moved on, and keeps the chosen row's value
under ``Qt.UserRole`` of the first cell. A department user's filter is fixed to their
department; center staff may pick any or all.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from desktop.entities.message_bar import MessageBar
from desktop.tasks import TaskManager

from .reference import CasesReference
from .words import OVERDUE_COLOR, show_refusal

PAGE_SIZE = 100
ROW_ROLE = Qt.ItemDataRole.UserRole


translate = QCoreApplication.translate


class DepartmentPage:
    """A tab that lists for one department (the user's own, or the one chosen) and loads
    when first shown. Needs ``department`` (a combo), ``_own_department``, ``_loaded_once``
    and ``refresh()``."""

    def department_id(self) -> int | None:
        return self.department.currentData() if self.department.count() else self._own_department

    def ensure_loaded(self) -> None:
        if not self._loaded_once:
            self.refresh()

    def mark_stale(self) -> None:
        """Reload now if on show, else when next shown (what this tab lists has changed)."""
        self._loaded_once = False
        if self.isVisible():
            self.refresh()


class ListingPage(DepartmentPage, QWidget):
    """Filters above a paged table with one action button; see the module docstring."""

    loaded = Signal(object)     # the rows on show
    changed = Signal(object)    # what the action returned

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str, *, today: dt.date,
                 department_id: int | None, message_bar: MessageBar, name: str, widths: Sequence[int],
                 stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._db, self._tasks, self._actor, self._lang, self._today = db, tasks, actor, lang, today
        self._message_bar, self._own_department = message_bar, department_id
        self._reference: CasesReference | None = None
        self._loaded_once, self._generation, self._offset, self._total = False, 0, 0, 0
        self._rows: list = []
        self.department = QComboBox(objectName=f"{name}Department")
        self.department.setMinimumContentsLength(22)
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.department.setEnabled(department_id is None)  # a department user sees their own
        self.department.activated.connect(lambda _index: self.refresh(offset=0))
        self.department_label = QLabel(buddy=self.department)
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.department_label)
        self.filters.addWidget(self.department)
        self.filters.addSpacing(12)
        self.table = QTableWidget(0, len(widths), objectName=f"{name}Table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # takes the rest of the width
        header.setMinimumSectionSize(48)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.action_button.click())
        self.action_button = QPushButton(objectName=f"{name}Action")
        self.action_button.setVisible(bool(actor))
        self.page_label = QLabel(objectName=f"{name}PageLabel")
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        self.previous_button.clicked.connect(lambda: self.refresh(offset=max(0, self._offset - PAGE_SIZE)))
        self.next_button.clicked.connect(lambda: self.refresh(offset=self._offset + PAGE_SIZE))
        bottom = QHBoxLayout()
        bottom.addWidget(self.page_label, 1)
        for button in (self.previous_button, self.next_button):
            bottom.addWidget(button)
        bottom.addSpacing(16)
        bottom.addWidget(self.action_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # ---- public API -----------------------------------------------------

    @property
    def rows(self) -> list:
        return list(self._rows)

    @property
    def total(self) -> int:
        return self._total

    def refresh(self, *, offset: int | None = None) -> None:
        self._loaded_once = True
        if offset is not None:
            self._offset = offset
        self._generation += 1
        generation = self._generation
        self._tasks.run(self._loader(self._offset, PAGE_SIZE), on_done=lambda r: self._on_loaded(generation, *r),
                        on_error=lambda e: show_refusal(self, self._load_failed(), e, self._lang), owner=self)

    def chosen(self):
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(ROW_ROLE) if rows else None

    def select_id(self, row_id: int) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ROW_ROLE).id == row_id:
                self.table.selectRow(r)
                return True
        return False

    def set_reference(self, reference: CasesReference) -> None:
        self._reference = reference
        current = self.department_id()
        self.department.clear()
        self.department.addItem(translate("ListingPage", "All departments"), None)
        for d in reference.departments:
            self.department.addItem(d.name(self._lang), d.id)
        self.department.setCurrentIndex(max(0, self.department.findData(current)))

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._reference is not None:
            for n, d in enumerate(self._reference.departments, start=1):
                self.department.setItemText(n, d.name(lang))
        self.retranslate_ui()

    # ---- for subclasses -----------------------------------------------------

    def _loader(self, offset: int, limit: int) -> Callable[[], tuple[int, Sequence]]:
        raise NotImplementedError

    def _cells(self, row) -> Sequence[tuple[str, str, bool]]:
        """(text, tooltip, in red) of each column of ``row``."""
        raise NotImplementedError

    def _load_failed(self) -> str:
        raise NotImplementedError

    def _can_act(self, row) -> bool:
        return row is not None

    def _run_change(self, fn: Callable[[], object], on_done: Callable[[object], None], failure: str) -> None:
        def done(result) -> None:
            on_done(result)
            self.changed.emit(result)  # the list refreshes on the change bus (CasesWorkspace.on_changes)

        self._tasks.run(fn, on_done=done, on_error=lambda e: show_refusal(self, failure, e, self._lang), owner=self)

    def _fill(self) -> None:
        chosen = self.chosen()
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            for c, (text, tip, red) in enumerate(self._cells(row)):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(ROW_ROLE, row)
                if tip:
                    item.setToolTip(tip)
                if red:
                    item.setForeground(QColor(OVERDUE_COLOR))
                self.table.setItem(r, c, item)
        if chosen is not None:
            self.select_id(chosen.id)
        self._sync_buttons()

    # ---- internals ------------------------------------------------------

    def _on_loaded(self, generation: int, total: int, rows: Sequence) -> None:
        if generation != self._generation:
            return  # the filter changed meanwhile
        self._total, self._rows = total, list(rows)
        self._fill()
        self._sync_pager()
        self.loaded.emit(self.rows)

    def _sync_buttons(self) -> None:
        self.action_button.setEnabled(bool(self._actor) and self._can_act(self.chosen()))

    def _sync_pager(self) -> None:
        shown = len(self._rows)
        self.previous_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._offset + shown < self._total)
        if not self._loaded_once:
            self.page_label.setText("")
        elif self._total == 0:
            self.page_label.setText(translate("ListingPage", "Nothing to show."))
        else:
            self.page_label.setText(translate("ListingPage", "%1–%2 of %3").replace("%1", f"{self._offset + 1:,}")
                                    .replace("%2", f"{self._offset + shown:,}").replace("%3", f"{self._total:,}"))

    def retranslate_ui(self) -> None:
        self.department_label.setText(translate("ListingPage", "Department"))
        self.previous_button.setText(translate("ListingPage", "‹ Previous"))
        self.next_button.setText(translate("ListingPage", "Next ›"))
        if self.department.count():
            self.department.setItemText(0, translate("ListingPage", "All departments"))
        self._sync_pager()
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
