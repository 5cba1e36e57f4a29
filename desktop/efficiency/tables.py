"""The ranking (one row per department, town or person) and the items behind a number."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from core.deadlines import GroupRow, Level

translate = QCoreApplication.translate

# column key -> (header, the levels a click on it drills into)
RANK_COLUMNS: tuple[tuple[str, str, tuple[Level, ...] | None], ...] = (
    ("rank", QT_TRANSLATE_NOOP("EfficiencyTables", "No."), None),
    ("name", QT_TRANSLATE_NOOP("EfficiencyTables", "Name"), None),
    ("total", QT_TRANSLATE_NOOP("EfficiencyTables", "Clocks"), tuple(Level)),
    ("done", QT_TRANSLATE_NOOP("EfficiencyTables", "Done"), (Level.DONE_ON_TIME, Level.DONE_LATE)),
    ("done_on_time", QT_TRANSLATE_NOOP("EfficiencyTables", "On time"), (Level.DONE_ON_TIME,)),
    ("on_time_rate", QT_TRANSLATE_NOOP("EfficiencyTables", "On-time rate"), (Level.DONE_LATE,)),
    ("open", QT_TRANSLATE_NOOP("EfficiencyTables", "Open"), (Level.ON_TIME, Level.DUE_SOON, Level.OVERDUE, Level.SERIOUSLY_OVERDUE)),
    ("due_soon", QT_TRANSLATE_NOOP("EfficiencyTables", "Due soon"), (Level.DUE_SOON,)),
    ("overdue", QT_TRANSLATE_NOOP("EfficiencyTables", "Overdue"), (Level.OVERDUE,)),
    ("seriously_overdue", QT_TRANSLATE_NOOP("EfficiencyTables", "Seriously overdue"), (Level.SERIOUSLY_OVERDUE,)),
)
_RED = QBrush(QColor("#b3261e"))
_AMBER = QBrush(QColor("#9a6700"))


def ranking_note(min_clocks: int, below: int) -> str:
    """What the ranking ranks, for the caption above it and the report: "ranked: units with
    at least N clocks; M below that listed after, unranked"."""
    if min_clocks <= 1:
        return translate("EfficiencyTables", "Ranked: every unit with a clock done (no minimum volume).")
    if not below:
        return translate("EfficiencyTables", "Ranked: units with at least %1 clocks.").replace("%1", f"{min_clocks:,}")
    text = translate("EfficiencyTables", "Ranked: units with at least %1 clocks; %2 below that listed after, unranked.")
    return text.replace("%1", f"{min_clocks:,}").replace("%2", f"{below:,}")


def below_label(min_clocks: int) -> str:
    """The rank cell, in the report, of a unit listed but not ranked for its volume."""
    return translate("EfficiencyTables", "< %1 clocks").replace("%1", f"{min_clocks:,}")


def is_below(row: GroupRow, min_clocks: int) -> bool:
    return row.key is not None and row.total < min_clocks


def _number(value: int | float | str) -> QTableWidgetItem:
    item = QTableWidgetItem(value if isinstance(value, str) else f"{value:,}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class RankingTable(QTableWidget):
    """Ranked groups; clicking a count asks for the items behind it (``drill``)."""

    drill = Signal(object, object)        # GroupRow, tuple[Level, ...]
    row_chosen = Signal(object)           # GroupRow or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(RANK_COLUMNS), parent)
        self.setObjectName("efficiencyRanking")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self._rows: list[GroupRow] = []
        self.cellClicked.connect(self._on_cell_clicked)
        self.itemSelectionChanged.connect(self._on_selection_changed)
        self.retranslate_ui()

    def set_rows(self, ranked: Sequence[tuple[int | None, GroupRow]], names: Sequence[str], *,
                 min_clocks: int = 0) -> None:
        """Show ``ranked`` (from ``rank_rows(..., min_clocks=min_clocks)``): units below the
        volume say so in their rank cell ("<20", the tooltip in words) and are shown muted."""
        self.blockSignals(True)
        self.clearSelection()
        self._rows = [r for _, r in ranked]
        self.setRowCount(len(ranked))
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        for i, ((rank, r), name) in enumerate(zip(ranked, names)):
            rate = "—" if r.on_time_rate is None else f"{100 * r.on_time_rate:.1f}%"
            below = rank is None and is_below(r, min_clocks)
            values = [_number(f"<{min_clocks:,}" if below else "" if rank is None else str(rank)),
                      QTableWidgetItem(name), _number(r.total), _number(r.done), _number(r.done_on_time),
                      _number(rate), _number(r.open), _number(r.due_soon), _number(r.overdue),
                      _number(r.seriously_overdue)]
            if below:
                for item in values[:6]:
                    item.setForeground(muted)
                values[0].setToolTip(translate("EfficiencyTables", "Fewer than %1 clocks: listed, not ranked")
                                     .replace("%1", f"{min_clocks:,}"))
            if r.overdue:
                values[8].setForeground(_AMBER)
            if r.seriously_overdue:
                values[9].setForeground(_RED)
            for c, item in enumerate(values):
                if RANK_COLUMNS[c][2] is not None:
                    item.setToolTip(translate("EfficiencyTables", "Click to list these items"))
                self.setItem(i, c, item)
        self.resizeColumnsToContents()
        self.setColumnWidth(1, min(max(self.columnWidth(1), 150), 220))  # names stay readable
        self.blockSignals(False)

    def group_row(self, row: int) -> GroupRow:
        return self._rows[row]

    def click(self, row: int, key: str) -> None:
        """Drill into column ``key`` of row ``row`` (as a click does)."""
        column = [k for k, _, _ in RANK_COLUMNS].index(key)
        self.selectRow(row)
        self._on_cell_clicked(row, column)

    def _on_cell_clicked(self, row: int, column: int) -> None:
        levels = RANK_COLUMNS[column][2]
        if levels is not None and 0 <= row < len(self._rows):
            self.drill.emit(self._rows[row], levels)

    def _on_selection_changed(self) -> None:
        rows = self.selectionModel().selectedRows()
        self.row_chosen.emit(self._rows[rows[0].row()] if rows else None)

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([translate("EfficiencyTables", header) for _, header, _ in RANK_COLUMNS])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


@dataclass(frozen=True)
class ItemView:
    """One clock as the items table shows it (already in the UI language)."""

    kind: str
    ref: str
    subject: str
    entity: str
    owner: str
    due: str
    level: str
    overdue_days: int
    serious: bool
    due_tip: str = ""      # the provisional note when the due date relies on a provisional year


ITEM_HEADERS = (QT_TRANSLATE_NOOP("EfficiencyTables", "Kind"), QT_TRANSLATE_NOOP("EfficiencyTables", "Number"),
                QT_TRANSLATE_NOOP("EfficiencyTables", "About"), QT_TRANSLATE_NOOP("EfficiencyTables", "Entity"),
                QT_TRANSLATE_NOOP("EfficiencyTables", "Responsible"), QT_TRANSLATE_NOOP("EfficiencyTables", "Due"),
                QT_TRANSLATE_NOOP("EfficiencyTables", "State"),
                QT_TRANSLATE_NOOP("EfficiencyTables", "Working days late"))


class ItemsTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(ITEM_HEADERS), parent)
        self.setObjectName("efficiencyItems")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.retranslate_ui()

    def set_items(self, items: Sequence[ItemView]) -> None:
        self.setRowCount(len(items))
        for i, v in enumerate(items):
            values = [QTableWidgetItem(v.kind), QTableWidgetItem(v.ref), QTableWidgetItem(v.subject),
                      QTableWidgetItem(v.entity), QTableWidgetItem(v.owner), QTableWidgetItem(v.due),
                      QTableWidgetItem(v.level), _number(v.overdue_days if v.overdue_days > 0 else "")]
            if v.serious:
                values[6].setForeground(_RED)
            for c, item in enumerate(values):
                item.setToolTip(item.text())
                self.setItem(i, c, item)
            if v.due_tip:
                values[5].setToolTip(v.due_tip)
        self.resizeColumnsToContents()
        for c in (2, 3):
            self.setColumnWidth(c, min(self.columnWidth(c), 260))

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([translate("EfficiencyTables", h) for h in ITEM_HEADERS])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


CLAIM_HEADERS = (QT_TRANSLATE_NOOP("EfficiencyTables", "Department"), QT_TRANSLATE_NOOP("EfficiencyTables", "Pushes"),
                 QT_TRANSLATE_NOOP("EfficiencyTables", "Claimed in time"),
                 QT_TRANSLATE_NOOP("EfficiencyTables", "Claimed late"),
                 QT_TRANSLATE_NOOP("EfficiencyTables", "Unclaimed, past due"),
                 QT_TRANSLATE_NOOP("EfficiencyTables", "Within 5 working days"),
                 QT_TRANSLATE_NOOP("EfficiencyTables", "Claimed in time, %"))


class ClaimsTable(QTableWidget):
    """Double notification per department: the seed's headline figure (target 100%), worst first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(CLAIM_HEADERS), parent)
        self.setObjectName("efficiencyClaims")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.retranslate_ui()

    def set_rows(self, rows: Sequence, names: Sequence[str]) -> None:
        self.setRowCount(len(rows))
        for i, (r, name) in enumerate(zip(rows, names)):
            rate = "—" if r.rate is None else f"{100 * r.rate:.1f}%"
            values = [QTableWidgetItem(name), _number(r.pushes), _number(r.claimed_in_time), _number(r.claimed_late),
                      _number(r.unclaimed_overdue), _number(r.pending), _number(rate)]
            if r.rate is not None and r.rate < 1.0:
                values[6].setForeground(_RED if r.rate < 0.9 else _AMBER)
            for c, item in enumerate(values):
                self.setItem(i, c, item)
        self.resizeColumnsToContents()
        self.setColumnWidth(0, min(max(self.columnWidth(0), 150), 220))

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([translate("EfficiencyTables", h) for h in CLAIM_HEADERS])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
