"""The items behind what was clicked (a node, an edge, a band), each of which opens.

Opening goes through the console's navigator (``services.navigator``: ``open_clue``,
``open_case``, ``open_batch``, ...); an item whose kind the navigator cannot open yet
stays listed, greyed, with a tooltip saying so.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
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

from .words import kind_name

# object_type -> the navigator's method that opens it
OPENERS = {
    "clue": "open_clue",
    "case": "open_case",
    "draw_batch": "open_batch",
    "entity": "open_entity",
    "inspection_task": "open_inspection",
    "push": "open_push",
    "commitment": "open_commitment",
}


# object_type -> the navigator's target (Navigator.can), where it names one
TARGETS = {"clue": "clue", "case": "case", "draw_batch": "batch", "entity": "entity"}


def opener(navigator, object_type: str):
    """The navigator's callable that opens ``object_type``, or None (none, or nothing installed
    to answer it: a navigator without a window)."""
    name = OPENERS.get(object_type)
    method = getattr(navigator, name, None) if navigator is not None and name else None
    can = getattr(navigator, "can", None)
    if method is not None and can is not None and not can(TARGETS.get(object_type, object_type)):
        return None
    return method


class ItemsPanel(QWidget):
    """A titled table of CollabItem; double-click or "Open" opens the chosen one.

    ``item_opened(object_type, object_id)`` is emitted after the navigator was asked.
    """

    item_opened = Signal(str, int)

    def __init__(self, navigator=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collabItemsPanel")
        self.navigator = navigator
        self.items: list = []
        self._title_source = ""
        self._total: int | None = None
        self._targets: dict[tuple[str, int], tuple[str, int]] = {}
        self.title = QLabel(objectName="collabItemsTitle", wordWrap=True)
        self.table = QTableWidget(0, 3, objectName="collabItemsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.open_button = QPushButton(objectName="collabItemsOpen")
        self.open_button.setEnabled(False)
        self.table.itemDoubleClicked.connect(lambda cell: self.open_row(cell.row()))
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.retranslate_ui()

    def show_items(self, title: str, items: Sequence, total: int | None = None,
                   targets: Mapping[tuple[str, int], tuple[str, int]] | None = None) -> None:
        """List ``items`` under ``title`` (already in the UI language); ``total`` says how
        many there are when only the newest are listed; ``targets`` what opens an item
        instead of itself (see :func:`core.collab.open_targets`)."""
        self._title_source = title
        self.items = list(items)
        self._total = total
        self._targets = dict(targets or {})
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (kind_name(item.kind), item.label, item.at.isoformat() if item.at else "—")
            can_open = self._opener(row) is not None
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not can_open:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    cell.setToolTip(self.tr("This kind of item cannot be opened from here yet."))
                self.table.setItem(row, column, cell)
        self._update_title()
        self._on_selection_changed()

    def clear_items(self, title: str = "") -> None:
        self.show_items(title, [])

    def labels(self) -> list[str]:
        return [item.label for item in self.items]

    def open_row(self, row: int) -> bool:
        """Open the item in ``row``; False when there is none or it cannot be opened."""
        if not 0 <= row < len(self.items):
            return False
        found = self._opener(row)
        if found is None:
            return False
        open_it, object_type, object_id = found
        open_it(object_id)
        self.item_opened.emit(object_type, object_id)
        return True

    def _opener(self, row: int):
        """(callable, object type, id) that opens the item in ``row``, or None."""
        item = self.items[row]
        object_type, object_id = self._targets.get((item.object_type, item.object_id),
                                                   (item.object_type, item.object_id))
        open_it = opener(self.navigator, object_type)
        return None if open_it is None else (open_it, object_type, object_id)

    def _on_selection_changed(self) -> None:
        row = self.table.currentRow()
        self.open_button.setEnabled(0 <= row < len(self.items) and self._opener(row) is not None)

    def _update_title(self) -> None:
        if not self._title_source:
            self.title.setText(self.tr("Click a node, an edge or a band to list the items behind it."))
        elif self._total is not None and self._total > len(self.items):
            self.title.setText(self.tr("%1 — the newest %2 of %3 items").replace("%1", self._title_source)
                               .replace("%2", f"{len(self.items):,}").replace("%3", f"{self._total:,}"))
        else:
            self.title.setText(self.tr("%1 — %n item(s)", "", len(self.items)).replace("%1", self._title_source))

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Item"), self.tr("Date")])
        self.open_button.setText(self.tr("Open"))
        self._update_title()
        if self.items:  # kind names follow the language
            for row, item in enumerate(self.items):
                self.table.item(row, 0).setText(kind_name(item.kind))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
