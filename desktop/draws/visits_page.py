"""The drawn visits of a batch: one row per entity with its team and task, a filter, and
the way to its panorama and to recording its results."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from core.services.draws import DrawnPick

from .picks_model import PicksModel

# Entity, team and task first; the last column takes the rest.
_WIDTHS = {"order": 52, "entity": 220, "team": 320, "task": 84, "place": 180, "uscc": 172}


class VisitsPage(QWidget):
    results_requested = Signal(object)    # DrawnPick
    panorama_requested = Signal(object)   # DrawnPick

    def __init__(self, *, show_risk: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PicksModel(show_risk=show_risk, parent=self)
        self.proxy = QSortFilterProxyModel(self, filterKeyColumn=-1)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(objectName="drawPicksFilter", clearButtonEnabled=True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(objectName="drawPicksTable", sortingEnabled=True)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self._emit(self.results_requested))
        self.results_button = QPushButton(objectName="drawRecordResults")
        self.results_button.clicked.connect(lambda: self._emit(self.results_requested))
        self.panorama_button = QPushButton(objectName="drawOpenPanorama")
        self.panorama_button.clicked.connect(lambda: self._emit(self.panorama_requested))
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.panorama_button)
        bar.addWidget(self.results_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    def set_picks(self, picks: Sequence[DrawnPick], names: Mapping[int, str], reference, lang: str) -> None:
        self.model.set_picks(picks, names, reference, lang)
        for column, key in enumerate(self.model.columns()):
            if key in _WIDTHS:
                self.view.setColumnWidth(column, _WIDTHS[key])

    def selected_pick(self) -> DrawnPick | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.pick(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def _emit(self, signal) -> None:
        pick = self.selected_pick()
        if pick is not None:
            signal.emit(pick)

    def retranslate_ui(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by entity, USCC, place or inspector"))
        self.results_button.setText(self.tr("Record results…"))
        self.panorama_button.setText(self.tr("Open panorama"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
