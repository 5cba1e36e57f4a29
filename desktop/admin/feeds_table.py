"""A read-only table of frozen rows with a bar of buttons above it, for the Feeds & mappings tabs.

Each tab names its columns (a header and how a row reads in that column) and its buttons
(a slot, and whether it needs a chosen row and which); the table keeps the chosen row
across reloads by a key the tab gives.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_ROW = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    """A column: its header (already translated when shown) and the text of a row in it."""

    header: Callable[[], str]
    text: Callable[[Any], str]
    width: int = 140


@dataclass(frozen=True)
class Action:
    """A button: ``enabled(row)`` says when it may be pressed (row is None when nothing is chosen)."""

    key: str
    slot: Callable[[], object]
    enabled: Callable[[Any], bool] = lambda _row: True


def needs_row(row: object) -> bool:
    return row is not None


class RowTable(QWidget):
    """A caption, a button bar and a single-selection table of ``rows``."""

    def __init__(self, name: str, columns: Sequence[Column], actions: Sequence[Action],
                 key: Callable[[Any], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns, self._actions, self._key = tuple(columns), tuple(actions), key
        self._rows: list = []
        self.caption = QLabel(objectName=f"{name}Caption", wordWrap=True)
        self.table = QTableWidget(0, len(columns), objectName=f"{name}Table")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for c, column in enumerate(self._columns):
            self.table.setColumnWidth(c, column.width)
        self.table.itemSelectionChanged.connect(self.sync_buttons)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for action in self._actions:
            button = QPushButton(objectName=f"{name}_{action.key}")
            button.clicked.connect(lambda _checked=False, slot=action.slot: slot())
            self.buttons[action.key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def rows(self) -> list:
        return list(self._rows)

    def chosen(self) -> Any:
        picked = self.table.selectionModel().selectedRows()
        return self.table.item(picked[0].row(), 0).data(_ROW) if picked else None

    def select(self, key: object) -> bool:
        """Choose the row whose key is ``key``; False when there is none."""
        for r, row in enumerate(self._rows):
            if self._key(row) == key:
                self.table.selectRow(r)
                return True
        return False

    def set_rows(self, rows: Sequence) -> None:
        """Show ``rows``, keeping the chosen row when it is still there."""
        chosen = self.chosen()
        self._rows = list(rows)
        self.fill()
        if chosen is not None:
            self.select(self._key(chosen))

    def fill(self) -> None:
        """Write the rows again (after a language change)."""
        self.table.setHorizontalHeaderLabels([column.header() for column in self._columns])
        self.table.clearSelection()
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            for c, column in enumerate(self._columns):
                item = QTableWidgetItem(column.text(row))
                if c == 0:
                    item.setData(_ROW, row)
                self.table.setItem(r, c, item)
        self.sync_buttons()

    def set_button_texts(self, texts: dict[str, str]) -> None:
        for key, text in texts.items():
            self.buttons[key].setText(text)

    def sync_buttons(self) -> None:
        row = self.chosen()
        for action in self._actions:
            self.buttons[action.key].setEnabled(action.enabled(row))
