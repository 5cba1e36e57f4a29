"""Read-only tables of the panorama: timeline, open items, draws, obligations.

One small model (:class:`RowsModel`) shows any tuple of frozen rows through a list of
columns; each column is an English header and a function giving the cell text. What
is overdue is painted red. The column lists here are shared by the PDF export.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QTableView

from core.services.panorama import DrawEntry, ObligationEntry, OpenItem, TimelineEntry
from desktop.provisional import date_text, tooltip

from . import vocabulary

_ROOT = QModelIndex()  # the invisible root: these models are flat
_CONTEXT = "PanoramaTables"
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
OVERDUE = QColor("#c62828")



@dataclass(frozen=True)
class Cell:
    """One column: ``header`` is the English source; ``text(row, lang)`` the cell."""

    header: str
    text: Callable[[object, str], str]
    numeric: bool = False  # right-aligned
    tip: Callable[[object, str], str] | None = None  # the tooltip when not the text itself (or "")

    def title(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.header)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _deadline(header: str) -> Cell:
    """A deadline, marked provisional (the full note as its tooltip) when it counts a provisional year."""
    return Cell(header, lambda r, lang: date_text(r.due_on, r.provisional),
                tip=lambda r, lang: tooltip(r.provisional, lang))


def _dept(zh: str | None, en: str | None, lang: str) -> str:
    return (en if lang == "en" and en else zh) or ""


def days_left(due: dt.date | None, done: dt.date | None, today: dt.date) -> str:
    """"3 days overdue", "due today", "5 days left" or "" (no deadline or done)."""
    if due is None or done is not None:
        return ""
    days = (due - today).days
    if days < 0:
        return translate("PanoramaTables", "{days} days overdue").format(days=-days)
    if days == 0:
        return translate("PanoramaTables", "Due today")
    return translate("PanoramaTables", "{days} days left").format(days=days)


def _department(row, lang: str) -> str:
    return _dept(row.department_zh, row.department_en, lang)


def _amount(value: float | None) -> str:
    return f"{value:,.2f}" if value is not None else ""


TIMELINE_COLUMNS: tuple[Cell, ...] = (
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Date"), lambda r, lang: _date(r.occurred_on)),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Kind"), lambda r, lang: vocabulary.record_kind(r.kind)),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Department"), _department),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Matter"), lambda r, lang: r.title),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Outcome"), lambda r, lang: r.outcome or ""),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Document no."), lambda r, lang: r.ref_no or ""),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Amount (yuan)"), lambda r, lang: _amount(r.amount_yuan), True),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Valid until"), lambda r, lang: _date(r.valid_until)),
)


def open_item_columns(today: dt.date) -> tuple[Cell, ...]:
    return (
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Kind"), lambda r, lang: vocabulary.open_item_kind(r.kind)),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Reference"), lambda r, lang: r.ref),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Matter"),
             lambda r, lang: r.title_en if lang == "en" and r.title_en else r.title),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "State"), lambda r, lang: vocabulary.state(r.state)),
        _deadline(QT_TRANSLATE_NOOP("PanoramaTables", "Deadline")),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Time left"), lambda r, lang: days_left(r.due_on, None, today)),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Department"), _department),
    )


DRAW_COLUMNS: tuple[Cell, ...] = (
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Batch"), lambda r, lang: r.batch_name),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Inspection window"),
         lambda r, lang: f"{_date(r.window_start)} – {_date(r.window_end)}"),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Drawn from stratum"), lambda r, lang: vocabulary.risk_class(r.stratum)),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Departments"),
         lambda r, lang: ", ".join(r.departments_en) if lang == "en" and r.departments_en else "、".join(r.departments_zh)),
)


def obligation_columns(today: dt.date) -> tuple[Cell, ...]:
    return (
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Kind"), lambda r, lang: vocabulary.open_item_kind(r.kind)),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Matter"), lambda r, lang: r.title),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Department"), lambda r, lang: _dept(r.department_zh, r.department_en, lang)),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Started"), lambda r, lang: _date(r.started_on)),
        _deadline(QT_TRANSLATE_NOOP("PanoramaTables", "Deadline")),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Done on"), lambda r, lang: _date(r.done_on)),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Status"), lambda r, lang: vocabulary.state(r.status)),
        Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Time left"), lambda r, lang: days_left(r.due_on, r.done_on, today)),
    )


def is_overdue(row: object, today: dt.date) -> bool:
    """Open items and unfinished obligations past their deadline."""
    if isinstance(row, OpenItem):
        return row.overdue(today)
    if isinstance(row, ObligationEntry):
        return row.done_on is None and row.due_on is not None and row.due_on < today and row.status == "pending"
    return False


def fit_header_widths(view: QTableView) -> None:
    """Widen columns whose header no longer fits (English headers are longer)."""
    header = view.horizontalHeader()
    font = header.font()
    font.setBold(True)
    metrics = QFontMetrics(font)
    model = view.model()
    for column in range(model.columnCount()):
        wanted = metrics.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal))) + 24
        if view.columnWidth(column) < wanted:
            view.setColumnWidth(column, wanted)


class RowsModel(QAbstractTableModel):
    """A fixed list of frozen rows shown through ``columns``; overdue rows in red."""

    def __init__(self, columns: Sequence[Cell], today: dt.date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple = ()
        self._today = today
        self._lang = "zh_CN"

    def set_rows(self, rows: Sequence[TimelineEntry | OpenItem | DrawEntry | ObligationEntry]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple:
        return self._rows

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return self._columns[section].title()
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        cell = self._columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and cell.tip is not None:
            return cell.tip(row, self._lang) or cell.text(row, self._lang)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell.text(row, self._lang)
        if role == Qt.ItemDataRole.ForegroundRole and is_overdue(row, self._today):
            return OVERDUE
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[index.column()].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
