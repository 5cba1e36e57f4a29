"""The panorama's timeline: every record of the entity, newest first, by kind and department.

A tab per record kind (with its count) above one table, plus a department filter;
"All" shows the whole history. Filtering is in memory: a panorama is one entity.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.services.panorama import TimelineEntry

from . import vocabulary
from .panorama_tables import TIMELINE_COLUMNS, RowsModel, fit_header_widths

_ALL = ""


class TimelinePanel(QWidget):
    """Timeline table with a kind tab bar and a department filter."""

    filter_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self._entries: tuple[TimelineEntry, ...] = ()
        self._lang = "zh_CN"
        self._kinds = QTabBar(objectName="timelineKindTabs")
        self._kinds.setExpanding(False)
        self._kinds.setDrawBase(False)
        self._kinds.currentChanged.connect(self._on_filter_changed)
        self._department = QComboBox(objectName="timelineDepartmentFilter")
        self._department.setMinimumContentsLength(12)
        self._department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._department.currentIndexChanged.connect(self._on_filter_changed)
        self._department_label = QLabel(buddy=self._department)
        self._shown_label = QLabel(objectName="timelineShownLabel")
        self.model = RowsModel(TIMELINE_COLUMNS, today, self)
        self.table = QTableView(objectName="timelineTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((92, 120, 150, 260, 170, 150, 100, 92)):
            self.table.setColumnWidth(column, width)

        bar = QHBoxLayout()
        bar.addWidget(self._kinds, 1)
        bar.addWidget(self._department_label)
        bar.addWidget(self._department)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._shown_label)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    def set_entries(self, entries: tuple[TimelineEntry, ...], lang: str) -> None:
        """Show ``entries`` (newest first, as the core gives them), keeping the filters when possible."""
        kind, department = self.kind_filter(), self.department_filter()
        self._entries, self._lang = entries, lang
        self._fill_filters(kind, department)
        self.model.set_language(lang)
        fit_header_widths(self.table)
        self._apply()

    def kind_filter(self) -> str:
        index = self._kinds.currentIndex()
        return self._kinds.tabData(index) if index >= 0 else _ALL

    def set_kind_filter(self, kind: str) -> None:
        for i in range(self._kinds.count()):
            if self._kinds.tabData(i) == kind:
                self._kinds.setCurrentIndex(i)

    def department_filter(self) -> str:
        return self._department.currentData() or _ALL

    def set_department_filter(self, department: str) -> None:
        self._department.setCurrentIndex(max(self._department.findData(department), 0))

    def shown(self) -> tuple[TimelineEntry, ...]:
        return self.model.rows()

    def retranslate_ui(self) -> None:
        fit_header_widths(self.table)
        self._department_label.setText(self.tr("Department"))
        self._fill_filters(self.kind_filter(), self.department_filter())
        self._update_shown_label()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- internals ------------------------------------------------------

    def _fill_filters(self, kind: str, department: str) -> None:
        counts = Counter(e.kind for e in self._entries)
        self._kinds.blockSignals(True)
        while self._kinds.count():
            self._kinds.removeTab(0)
        self._kinds.addTab(self.tr("All ({count})").format(count=len(self._entries)))
        self._kinds.setTabData(0, _ALL)
        for code in vocabulary.RECORD_KINDS:
            if counts[code]:
                index = self._kinds.addTab(f"{vocabulary.record_kind(code)} ({counts[code]})")
                self._kinds.setTabData(index, code)
        self._kinds.setCurrentIndex(0)
        for i in range(self._kinds.count()):
            if self._kinds.tabData(i) == kind:
                self._kinds.setCurrentIndex(i)
        self._kinds.blockSignals(False)

        departments = sorted({(e.department_zh or "", e.department_en or "") for e in self._entries if e.department_zh})
        self._department.blockSignals(True)
        self._department.clear()
        self._department.addItem(self.tr("All departments"), _ALL)
        for zh, en in departments:
            self._department.addItem(en if self._lang == "en" and en else zh, zh)
        self._department.setCurrentIndex(max(self._department.findData(department), 0))
        self._department.blockSignals(False)

    def _apply(self) -> None:
        kind, department = self.kind_filter(), self.department_filter()
        self.model.set_rows([e for e in self._entries
                             if (not kind or e.kind == kind) and (not department or e.department_zh == department)])
        self._update_shown_label()

    def _update_shown_label(self) -> None:
        self._shown_label.setText(self.tr("Showing {shown} of {total} records, newest first").format(
            shown=self.model.rowCount(), total=len(self._entries)))

    def _on_filter_changed(self, _index: int) -> None:
        self._apply()
        self.filter_changed.emit()

