"""The search page: search box and filters, the result count, actions and the result table.

Only the columns the database can sort (indexed keys) react to a header click; the
others keep the current order and say so in their tooltip. Double-click or Enter on
a row asks for that entity's panorama.
"""
from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from core.services.search import MAX_QUERY

from . import vocabulary
from .errors import headline
from .reference import EntityReference
from .search_bar import EntitySearchBar
from .table_model import COLUMNS, ENTITY_ID_ROLE, EntityTableModel, column_index

_WIDTHS = {"uscc": 168, "name": 250, "entity_type": 96, "industry": 150, "legal_rep": 84, "address": 230,
           "town": 84, "village": 112, "status": 64, "risk_class": 112, "registered_on": 92}
ACTIONS = ("add_tags", "remove_tags", "new_tag", "location", "export")


class EntitySearchPage(QWidget):
    """Search bar, result count, actions and the paged table over ``model``."""

    entity_activated = Signal(int)
    action_requested = Signal(str)  # one of ACTIONS

    def __init__(self, model: EntityTableModel, *, show_risk: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitySearchPage")
        self.model = model
        self._read_only = False
        self._town_names: list[str] = []
        self.search_bar = EntitySearchBar(show_risk=show_risk)
        self._title = QLabel(objectName="entitiesTitle")
        self._count = QLabel(objectName="entityCount")
        self._selection = QLabel(objectName="entitySelectionCount")
        self._buttons = {key: QPushButton(objectName=f"entities_{key}") for key in ACTIONS}
        for key, button in self._buttons.items():
            button.clicked.connect(lambda _checked=False, key=key: self.action_requested.emit(key))

        self.table = QTableView(objectName="entityTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.table.setColumnHidden(column_index("risk_class"), not show_risk)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        model.modelReset.connect(self._update_actions)
        model.rowsInserted.connect(self._update_actions)
        model.rowsRemoved.connect(self._update_actions)

        heading = QHBoxLayout()
        heading.addWidget(self._title)
        heading.addSpacing(16)
        heading.addWidget(self._count)
        heading.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self._selection)
        actions.addStretch(1)
        for key in ACTIONS:
            if key == "export":
                actions.addSpacing(12)
            actions.addWidget(self._buttons[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 8)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addWidget(self.search_bar)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()
        self._update_actions()

    # ---- public API -----------------------------------------------------

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]

    def count_text(self) -> str:
        return self._count.text()

    def focus_search(self) -> None:
        self.search_bar.focus_text()

    def selected_ranges(self) -> list[tuple[int, int]]:
        """Selected rows as (first, last) ranges; cheap even when a million rows are selected."""
        ranges = sorted((r.top(), r.bottom()) for r in self.table.selectionModel().selection())
        merged: list[tuple[int, int]] = []
        for top, bottom in ranges:
            if merged and top <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
            else:
                merged.append((top, bottom))
        return merged

    def selected_count(self) -> int:
        return sum(bottom - top + 1 for top, bottom in self.selected_ranges())

    def select_rows(self, first: int, last: int) -> None:
        """Select rows ``first..last`` (tests and keyboard-free automation)."""
        selection = self.table.selectionModel()
        top, bottom = self.model.index(first, 0), self.model.index(last, len(COLUMNS) - 1)
        selection.select(QItemSelection(top, bottom),
                         QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def show_failure(self, error: BaseException) -> None:
        if isinstance(error, ValidationError) and error.where == "text":
            # The core refuses text no database may take (NUL, broken Unicode, too long): say so, not "database lost".
            reason = self.tr("the search text holds a NUL or control character or broken Unicode, or is longer "
                             "than %1 characters; remove them or shorten it").replace("%1", str(MAX_QUERY))
        else:
            reason = headline(error)
        self._count.setText(self.tr("Search failed: {reason}").format(reason=reason))
        self._count.setProperty("failed", True)
        self._repolish(self._count)

    def update_count(self, total: int | None) -> None:
        self._count.setProperty("failed", False)
        self._repolish(self._count)
        if total is None:
            self._count.setText(self.tr("Counting…"))
        elif self.model.estimated:
            self._count.setText(self.tr("about {count} entities").format(count=self._approximate(total)))
            self._count.setToolTip(self.tr("An estimate: counting every match exactly would take the shared "
                                           "server too long. Scroll to the end for the exact number."))
        else:
            self._count.setText(self.tr("{count} entities").format(count=QLocale().toString(total)))
            self._count.setToolTip("")
        self._update_actions()

    def _approximate(self, n: int) -> str:
        """An estimate as people say it: "12 万" in Chinese, "120,000" otherwise."""
        if n >= 10_000 and QLocale().language() == QLocale.Language.Chinese:
            return self.tr("{count} ten-thousand", "a count in units of 10,000 (万)").format(
                count=QLocale().toString(n / 10_000, "g", 3))
        return QLocale().toString(n)

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Market entities"))
        texts = {"add_tags": self.tr("Add tags…"), "remove_tags": self.tr("Remove tags…"),
                 "new_tag": self.tr("New tag…"), "location": self.tr("Correct location…"),
                 "export": self.tr("Export…")}
        tips = {"add_tags": self.tr("Put regulatory tags on the selected entities"),
                "remove_tags": self.tr("Take regulatory tags off the selected entities"),
                "new_tag": self.tr("Create a new regulatory tag"),
                "location": self.tr("Correct the position of the selected entity (WGS-84, GCJ-02 or BD-09)"),
                "export": self.tr("Export every entity of this result to Excel (.xlsx) or CSV")}
        for key, button in self._buttons.items():
            button.setText(texts[key])
            button.setToolTip(tips[key])
        self.update_count(self.model.total)
        self._fit_columns()

    def set_reference(self, reference: EntityReference, lang: str) -> None:
        """Town names decide the town column's width (they are much longer in English)."""
        self._town_names = [t.name(lang) for t in reference.towns]
        self._fit_columns()

    def _fit_columns(self) -> None:
        # Widths follow the words of the current language; measuring rows would read every page.
        metrics = self.table.fontMetrics()
        bold = self.table.horizontalHeader().font()
        bold.setBold(True)
        header_metrics = QFontMetrics(bold)
        words = {"entity_type": vocabulary.ENTITY_TYPES, "status": vocabulary.STATUSES,
                 "risk_class": vocabulary.RISK_CLASSES}
        for index, column in enumerate(COLUMNS):
            width = max(_WIDTHS[column.key], header_metrics.horizontalAdvance(column.title()) + 30)
            if column.key in words:
                width = max(width, 16 + max(metrics.horizontalAdvance(vocabulary.word(words[column.key], code))
                                            for code in words[column.key]))
            if column.key == "town" and self._town_names:
                width = max(width, 16 + max(metrics.horizontalAdvance(name) for name in self._town_names))
            self.table.setColumnWidth(index, width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- slots ----------------------------------------------------------

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.sortable(column):
            self.model.sort(column, order)
            return
        # Not an indexed column: put the indicator back where the order really is.
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        current = self.model.sort_column()
        header.setSortIndicator(current, Qt.SortOrder.DescendingOrder if self.model.descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _on_table_activated(self, index) -> None:
        entity_id = self.model.data(index, ENTITY_ID_ROLE)
        if entity_id is not None:
            self.entity_activated.emit(entity_id)

    def set_read_only(self, read_only: bool) -> None:
        """Without a signed-in user nothing may change: the change actions are hidden."""
        self._read_only = read_only
        for key in ("add_tags", "remove_tags", "new_tag", "location"):
            self._buttons[key].setVisible(not read_only)
        self._update_actions()

    def _update_actions(self, *_args) -> None:
        count = self.selected_count()
        for key in ("add_tags", "remove_tags"):
            self._buttons[key].setEnabled(count > 0 and not self._read_only)
        self._buttons["new_tag"].setEnabled(not self._read_only)
        self._buttons["location"].setEnabled(count == 1 and not self._read_only)
        self._buttons["export"].setEnabled(bool(self.model.total))
        if count:
            hint = self.tr("{count} selected").format(count=QLocale().toString(count))
        elif self._read_only:
            hint = self.tr("Double-click a row for its panorama")
        else:
            hint = self.tr("Select rows to tag them; double-click a row for its panorama")
        self._selection.setText(hint)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
