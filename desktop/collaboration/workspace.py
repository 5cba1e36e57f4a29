"""The Collaboration workspace (部门协同): who works with whom, where hand-overs stall, which
visits to merge.

One period for three tabs: the collaboration graph, the case flows and the joint-plan
suggestions. A tab loads when it is shown and its figures are stale (a new period, or a
change to clues, cases, pushes, commitments, inspections or batches from anyone). The
views export to PNG, GraphML (the graph) and XLSX, and go to the wall.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTabWidget, QToolButton, QVBoxLayout, QWidget

from desktop.entities.errors import show_error
from desktop.entities.file_dialogs import ask_save_path
from desktop.entities.message_bar import MessageBar
from desktop.tasks import TaskManager

from . import exports
from .flow_page import FlowPage
from .graph_page import GraphPage
from .period_picker import PeriodPicker
from .suggestions_page import SuggestionsPage

GRAPH, FLOWS, SUGGESTIONS = range(3)
WALL_KEYS = {GRAPH: "collaboration", FLOWS: "flows"}
CHANGE_KINDS = ("clues", "cases", "pushes", "commitments", "inspections", "batches")
REFRESH_DELAY_MS = 1500  # a burst of commits reloads once


class CollaborationWorkspace(QWidget):
    """See the module docstring. ``exported(path)`` after a file is written, ``pushed()``
    after the wall took the view."""

    exported = Signal(object)
    pushed = Signal()

    def __init__(self, db, tasks: TaskManager, actor: str, lang: str = "zh_CN", *, today: dt.date | None = None,
                 navigator=None, changes=None, may_push: bool = True, may_plan: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collaborationWorkspace")
        self.setProperty("workspacePage", True)
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._may_push = bool(actor) and may_push  # the core checks the right again
        today = today or dt.date.today()
        viewer = actor or None
        self.period_picker = PeriodPicker(today)
        self.refresh_button = QPushButton(objectName="collabRefresh")
        self.export_button = QToolButton(objectName="collabExport")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.png_action = self.export_menu.addAction("")
        self.graphml_action = self.export_menu.addAction("")
        self.xlsx_action = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        self.wall_button = QPushButton(objectName="collabPushWall")
        bar = QHBoxLayout()
        bar.addWidget(self.period_picker)
        bar.addStretch(1)
        for button in (self.refresh_button, self.export_button, self.wall_button):
            bar.addWidget(button)

        self.graph_page = GraphPage(db, tasks, viewer, lang, navigator=navigator, on_error=self._show_error)
        self.flow_page = FlowPage(db, tasks, viewer, lang, navigator=navigator, on_error=self._show_error)
        self.suggestions_page = SuggestionsPage(db, tasks, actor if may_plan else "", lang, today, viewer=viewer,
                                                navigator=navigator,
                                                on_error=self._show_error)
        self.tabs = QTabWidget(objectName="collabTabs")
        for page in (self.graph_page, self.flow_page, self.suggestions_page):
            self.tabs.addTab(page, "")
        self.message_bar = MessageBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_bar)

        self._stale = {GRAPH: True, FLOWS: True, SUGGESTIONS: True}
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_timer)
        self.period_picker.changed.connect(self._on_period_changed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.png_action.triggered.connect(lambda: self._ask_export("png"))
        self.graphml_action.triggered.connect(lambda: self._ask_export("graphml"))
        self.xlsx_action.triggered.connect(lambda: self._ask_export("xlsx"))
        self.wall_button.clicked.connect(self.push_to_wall)
        if changes is not None and hasattr(changes, "changed"):
            changes.changed.connect(self._on_changes)
        self.retranslate_ui()
        self._load_current()

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload every tab's figures (the shown one now, the others when shown)."""
        self._stale = dict.fromkeys(self._stale, True)
        self._load_current()

    def _load_current(self) -> None:
        index = self.tabs.currentIndex()
        if not self._stale.get(index):
            return
        self._stale[index] = False
        period = self.period_picker.period()
        if index == GRAPH:
            self.graph_page.load(period)
        elif index == FLOWS:
            self.flow_page.load(period)
        else:
            self.suggestions_page.load()

    def _on_period_changed(self, _period) -> None:
        self._stale[GRAPH] = self._stale[FLOWS] = True
        self._load_current()

    def _on_tab_changed(self, _index: int) -> None:
        self._update_actions()
        self._load_current()

    def _on_changes(self, change_set) -> None:
        touches = getattr(change_set, "touches", None)
        if touches is None or touches(*CHANGE_KINDS):
            self._refresh_timer.start()

    def _on_refresh_timer(self) -> None:
        self.refresh()

    # -- the window's keys (desktop.shortcuts: F5 refresh, Ctrl+E export, next/previous item)
    def export_dialog(self) -> None:
        """Offer the exports of the shown tab (the Export button's menu, under the button)."""
        self.export_menu.popup(self.export_button.mapToGlobal(self.export_button.rect().bottomLeft()))

    def main_view(self):
        """The list the next/previous item keys move in: the items behind a click, or the suggestions."""
        index = self.tabs.currentIndex()
        if index == GRAPH:
            return self.graph_page.items.table
        if index == FLOWS:
            return self.flow_page.items.table
        return self.suggestions_page.table

    # -- exports -------------------------------------------------------------------------
    def _update_actions(self) -> None:
        index = self.tabs.currentIndex()
        self.graphml_action.setEnabled(index == GRAPH)
        self.png_action.setEnabled(index in (GRAPH, FLOWS))
        self.wall_button.setEnabled(self._may_push and index in WALL_KEYS)

    def _title(self) -> str:
        period = self.period_picker.period()
        name = self.tabs.tabText(self.tabs.currentIndex())
        return f"{name} {period.start.isoformat()} – {period.end.isoformat()}"

    def _ask_export(self, kind: str) -> None:
        suffix, kinds = {"png": (".png", self.tr("PNG image (*.png)")),
                         "graphml": (".graphml", self.tr("GraphML (*.graphml)")),
                         "xlsx": (".xlsx", self.tr("Excel workbook (*.xlsx)"))}[kind]
        path = ask_save_path(self, self.tr("Export"), self._title(), suffix, kinds)
        if path is not None:
            self.export_to(kind, path)

    def export_to(self, kind: str, path: Path) -> None:
        """Write the shown tab as ``kind`` ("png", "graphml" or "xlsx") to ``path``."""
        index, lang, title = self.tabs.currentIndex(), self._lang, self._title()
        path = Path(path)
        try:
            if kind == "png":
                picture = (self.graph_page.view.parentWidget() if index == GRAPH
                           else self.flow_page.view.parentWidget() if index == FLOWS else self.tabs.currentWidget())
                self._exported(exports.save_png(picture, path))
                return
            if index == GRAPH:
                graph = self.graph_page.graph
                if graph is None:
                    return
                work = ((lambda: exports.write_graphml(graph, path, lang)) if kind == "graphml"
                        else (lambda: exports.write_graph_xlsx(graph, path, lang, title)))
            elif index == FLOWS and kind == "xlsx" and self.flow_page.flow is not None:
                flow, label, names = self.flow_page.flow, self.flow_page.label, self.flow_page.department_names()
                work = lambda: exports.write_flow_xlsx(flow, path, label, names, title)  # noqa: E731
            elif index == SUGGESTIONS and kind == "xlsx":
                work = self._suggestions_writer(path, title)
            else:
                return
        except OSError as error:
            self._show_error(error)
            return
        self._tasks.run(work, on_done=lambda _result: self._exported(path), on_error=self._show_error, owner=self)

    def _suggestions_writer(self, path: Path, title: str):
        from core.sheets import NUMBER, Column, Sheet, write_xlsx

        table = self.suggestions_page.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
        numbers = [[row[0], *(int(v.replace(",", "")) for v in row[1:5]), row[5]] for row in rows]
        columns = [Column(headers[0]), *(Column(h, NUMBER) for h in headers[1:5]), Column(headers[5])]
        return lambda: write_xlsx(path, [Sheet(self.tabs.tabText(SUGGESTIONS), columns, numbers, title=title)])

    def _exported(self, path: Path) -> None:
        self.message_bar.show_message(self.tr("Exported to %1").replace("%1", str(path)), kind="success")
        self.exported.emit(path)

    # -- the wall ------------------------------------------------------------------------
    def wall_view(self) -> dict:
        """What a push to the wall stores: the scene, the period and the filters."""
        index = self.tabs.currentIndex()
        filters = self.graph_page.as_view() if index == GRAPH else self.flow_page.as_view()
        return {"kind": "scene", "scene": WALL_KEYS.get(index, "collaboration"),
                "period": self.period_picker.as_view(), "filters": filters}

    def push_to_wall(self) -> None:
        index = self.tabs.currentIndex()
        if index not in WALL_KEYS or not self._may_push:
            return
        from core.services.wall import push_view

        db, actor, title, view = self._db, self._actor, self._title(), self.wall_view()
        self._tasks.run(lambda: push_view(db, actor, workspace=WALL_KEYS[index], title=title, view=view),
                        on_done=self._on_pushed, on_error=self._show_error, owner=self)

    def _on_pushed(self, _pushed) -> None:
        self.message_bar.show_message(self.tr("The view is on the wall."), kind="success")
        self.pushed.emit()

    # -- words ---------------------------------------------------------------------------
    def _show_error(self, error: BaseException) -> None:
        show_error(self, self.tr("Collaboration"), error)

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(GRAPH, self.tr("Collaboration graph"))
        self.tabs.setTabText(FLOWS, self.tr("Case flows"))
        self.tabs.setTabText(SUGGESTIONS, self.tr("Joint-plan suggestions"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export"))
        self.png_action.setText(self.tr("Picture (PNG)…"))
        self.graphml_action.setText(self.tr("Graph (GraphML)…"))
        self.xlsx_action.setText(self.tr("Figures (XLSX)…"))
        self.wall_button.setText(self.tr("Push to wall"))
        self.wall_button.setToolTip("" if self._may_push else self.tr("Your role does not push views to the wall."))
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            from PySide6.QtCore import QCoreApplication

            from desktop.i18n import current_language

            self._lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
            for page in (self.graph_page, self.flow_page, self.suggestions_page):
                page.set_language(self._lang)
        super().changeEvent(event)
