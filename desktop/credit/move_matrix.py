"""The 4x4 move matrix of a rule-set change: rows are the classes now, columns the classes
under the new rules; the diagonal stays, everything off it moves. Totals close each row and
column, so a planner reads "how many A become B" and "how many D there will be" at once.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from core.credit import CLASSES

_UP, _DOWN = QColor("#e3f1e0"), QColor("#f8e1de")  # better class, worse class
_INK = QColor("#1d1d1d")  # dark text on the pale cells, in the dark theme too


class MoveMatrix(QTableWidget):
    """Shows one preview (or nothing: ``set_matrix(None)``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(CLASSES) + 1, len(CLASSES) + 1, parent)
        self.setObjectName("creditMoveMatrix")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._matrix: list[list[int]] | None = None
        self.retranslate_ui()

    @property
    def matrix(self) -> list[list[int]] | None:
        return self._matrix

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def set_matrix(self, matrix: list[list[int]] | None) -> None:
        self._matrix = matrix
        self.clearContents()
        if matrix is None:
            return
        n = len(CLASSES)
        for r in range(n):
            for c in range(n):
                item = QTableWidgetItem(f"{matrix[r][c]:,}")
                if r != c and matrix[r][c]:
                    item.setBackground(QBrush(_UP if c < r else _DOWN))
                    item.setForeground(QBrush(_INK))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self._put(r, c, item)
            self._put(r, n, QTableWidgetItem(f"{sum(matrix[r]):,}"))
        for c in range(n):
            self._put(n, c, QTableWidgetItem(f"{sum(row[c] for row in matrix):,}"))
        self._put(n, n, QTableWidgetItem(f"{sum(map(sum, matrix)):,}"))

    def _put(self, row: int, column: int, item: QTableWidgetItem) -> None:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setItem(row, column, item)

    def retranslate_ui(self) -> None:
        total = self.tr("Total")
        self.setHorizontalHeaderLabels([self.tr("→ %1").replace("%1", c) for c in CLASSES] + [total])
        self.setVerticalHeaderLabels([self.tr("%1 now").replace("%1", c) for c in CLASSES] + [total])
        self.setToolTip(self.tr("Rows: the class now. Columns: the class under the new rules. "
                                "Green cells move to a better class, red ones to a worse class."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
