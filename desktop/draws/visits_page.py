"""The drawn visits of a batch: one row per entity with its team, task and where its result's
publication stands, a filter, and the way to its panorama, to recording its results and to
publishing them (企业信息公示暂行条例: within 20 working days of being formed)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QPushButton, QTableView, QVBoxLayout, QWidget

from core.services.draws import DrawnPick

from .picks_model import PicksModel

# Entity, team and task first; the last column takes the rest.
_WIDTHS = {"order": 52, "entity": 220, "team": 320, "task": 84, "published": 300, "place": 180, "uscc": 172}


class VisitsPage(QWidget):
    results_requested = Signal(object)    # DrawnPick
    panorama_requested = Signal(object)   # DrawnPick
    publish_requested = Signal(object)    # tuple[int, ...] of task ids (the selected visits), or None: all unpublished

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
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self._emit(self.results_requested))
        self.results_button = QPushButton(objectName="drawRecordResults")
        self.results_button.clicked.connect(lambda: self._emit(self.results_requested))
        self.panorama_button = QPushButton(objectName="drawOpenPanorama")
        self.panorama_button.clicked.connect(lambda: self._emit(self.panorama_requested))
        self.publish_button = QPushButton(objectName="drawPublishResults")
        self.publish_menu = QMenu(self.publish_button, objectName="drawPublishResultsMenu")
        self.publish_selected_action = QAction(self.publish_menu, objectName="drawPublishSelected")
        self.publish_all_action = QAction(self.publish_menu, objectName="drawPublishAll")
        self.publish_selected_action.triggered.connect(
            lambda: self.publish_requested.emit(tuple(p.task_id for p in self.selected_picks() if p.task_id)))
        self.publish_all_action.triggered.connect(lambda: self.publish_requested.emit(None))
        self.publish_menu.addAction(self.publish_selected_action)
        self.publish_menu.addAction(self.publish_all_action)
        self.publish_menu.aboutToShow.connect(self._on_publish_menu_about_to_show)
        self.publish_button.setMenu(self.publish_menu)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.panorama_button)
        bar.addWidget(self.results_button)
        bar.addWidget(self.publish_button)
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
        """The current visit among the selected ones (the first selected if none is current)."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        current = self.view.currentIndex()
        row = next((r for r in rows if current.isValid() and r.row() == current.row()), rows[0])
        return self.model.pick(self.proxy.mapToSource(row).row())

    def selected_picks(self) -> list[DrawnPick]:
        """Every selected visit, in the order shown."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda r: r.row())
        return [self.model.pick(self.proxy.mapToSource(r).row()) for r in rows]

    def _on_publish_menu_about_to_show(self) -> None:
        self.publish_selected_action.setEnabled(bool(self.selected_picks()))

    def _emit(self, signal) -> None:
        pick = self.selected_pick()
        if pick is not None:
            signal.emit(pick)

    def retranslate_ui(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by entity, USCC, place or inspector"))
        self.results_button.setText(self.tr("Record results…"))
        self.panorama_button.setText(self.tr("Open panorama"))
        self.publish_button.setText(self.tr("Publish results"))
        self.publish_selected_action.setText(self.tr("Publish the results of the selected visits…"))
        self.publish_all_action.setText(self.tr("Publish every unpublished result of the batch…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
