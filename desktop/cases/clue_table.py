"""One page of clues as a table: reference, source, state, department, entity, received, due.

The model only shows what it is given (the workspace loads pages in a worker). A due
date in the past on an open clue is drawn in red and says so in its tooltip.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtGui import Qt as QtText

from core.services.clues import ClueRow

from desktop.provisional import date_text, span_note, tooltip

from .words import OVERDUE_COLOR, local_time, source_name, state_label

translate = QCoreApplication.translate
_ROOT = QModelIndex()
COLUMNS = ("ref", "source", "state", "department", "entity", "received", "due")
ID_ROLE = Qt.ItemDataRole.UserRole


def column_title(key: str) -> str:
    return {
        "ref": translate("ClueTable", "Reference"),
        "source": translate("ClueTable", "Source"),
        "state": translate("ClueTable", "State"),
        "department": translate("ClueTable", "Department"),
        "entity": translate("ClueTable", "Entity or place"),
        "received": translate("ClueTable", "Received"),
        "due": translate("ClueTable", "Due"),
    }[key]


def plain_tooltip(text: str) -> str:
    """``text`` shown as written: Qt takes a tooltip that looks like HTML for rich text, so a clue
    reading ``<img src=x>`` or ``<b>bold</b>`` would be rendered; escaped into a paragraph it is not."""
    return QtText.convertFromPlainText(text or "", Qt.WhiteSpaceMode.WhiteSpaceNormal)


class ClueTableModel(QAbstractTableModel):
    """The rows of one page of :func:`core.services.clues.list_clues`."""

    def __init__(self, today: dt.date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ClueRow] = []
        self._departments: Mapping[int, str] = {}
        self._lang = "zh_CN"
        self._today = today

    # ---- public API -----------------------------------------------------

    def set_rows(self, rows: Sequence[ClueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_departments(self, names: Mapping[int, str]) -> None:
        self._departments = dict(names)
        self._repaint()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._repaint()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def row_at(self, row: int) -> ClueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, clue_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == clue_id), None)

    def overdue(self, row: ClueRow) -> bool:
        return not row.closed and row.due_on is not None and row.due_on < self._today

    # ---- Qt overrides ---------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, key = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and key == "due" and self.overdue(row):
            return QColor(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "due":  # late, and the note when the deadline counts a provisional year
                note = tooltip(_due_note(row), self._lang)
                late = translate("ClueTable", "Overdue since %1").replace("%1", self._text(row, key)) \
                    if self.overdue(row) else ""
                return "\n".join(t for t in (late, note) if t) or self._text(row, key)
            if key in ("source", "state", "department"):
                return plain_tooltip(self._text(row, key))  # may be cut short in the column
            return plain_tooltip(row.description)
        return None

    # ---- internals ------------------------------------------------------

    def _text(self, row: ClueRow, key: str) -> str:
        if key == "ref":
            return row.ref_no
        if key == "source":
            return source_name(row.source, self._lang)
        if key == "state":
            return state_label(row.state, self._lang)
        if key == "department":
            if row.department_id is None:
                return translate("ClueTable", "(not routed)")
            return self._departments.get(row.department_id, f"#{row.department_id}")
        if key == "entity":
            return row.entity_name or translate("ClueTable", "(entity unknown) %1").replace("%1", row.description)
        if key == "received":
            return local_time(row.received_at)
        return date_text(row.due_on, _due_note(row)) if row.due_on else "—"

    def _repaint(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))


def _due_note(row: ClueRow):
    """Why a clue's handling deadline (working days from its receipt) is provisional, or None."""
    return span_note(row.received_at.date(), row.due_on) if row.due_on else None
