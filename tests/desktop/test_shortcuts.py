"""The console's keyboard: workspaces, refresh, full screen, find, export, next/previous item, help."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.i18n import install_language
from desktop.main_window import MainWindow
from desktop.shortcuts import Exportable, Listing, Refreshable, Searchable, plain, step_view
from desktop.workspaces import WorkspaceRegistry

KEYS = ("map", "entities", "draws", "cases", "collaboration", "efficiency", "wall")


class FakePage(QWidget):
    """A workspace page with every keyboard hook, counting what it was asked to do."""

    def __init__(self, rows: int = 5) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.search = QLineEdit(objectName="fakeSearch")
        self.table = QTableWidget(rows, 2, objectName="fakeTable")
        self.side = QTableWidget(rows, 1, objectName="fakeSide")
        for r in range(rows):
            self.table.setItem(r, 0, QTableWidgetItem(f"row {r}"))
            self.side.setItem(r, 0, QTableWidgetItem(f"side {r}"))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.clicked_rows: list[int] = []
        self.table.clicked.connect(lambda index: self.clicked_rows.append(index.row()))
        layout = QVBoxLayout(self)
        for w in (self.search, self.table, self.side):
            layout.addWidget(w)

    def refresh(self) -> None:
        self.calls.append("refresh")

    def focus_search(self) -> None:
        self.calls.append("find")
        self.search.setFocus()

    def export_dialog(self) -> None:
        self.calls.append("export")

    def main_view(self):
        return self.table


@pytest.fixture
def window(console_app, console_context, qtbot) -> MainWindow:
    registry = WorkspaceRegistry()
    registry.set_factory("entities", lambda context: FakePage())
    window = MainWindow(console_context, registry=registry, remember_geometry=False)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def show_active(qtbot, window: MainWindow) -> None:
    """Window shortcuts only reach the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press(qtbot, window: MainWindow, sequence: QKeySequence) -> None:
    combo = sequence[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_ctrl_digit_switches_workspaces_in_navigation_order(window, qtbot):
    for number in (3, 6, 1, 7, 2):
        press(qtbot, window, QKeySequence(f"Ctrl+{number}"))
        assert window.current_workspace() == KEYS[number - 1]
    press(qtbot, window, QKeySequence("Ctrl+8"))  # only seven workspaces
    assert window.current_workspace() == "entities"


def test_f5_f11_ctrl_f_ctrl_e_reach_the_page_on_show(window, qtbot):
    window.select_workspace("entities")
    page = window.current_page()
    for name in ("refreshAction", "findAction", "exportAction"):
        press(qtbot, window, action(window, name).shortcut())
    assert page.calls == ["refresh", "find", "export"]
    assert QApplication.focusWidget() is page.search
    assert action(window, "refreshAction").shortcut() == QKeySequence("F5")
    assert action(window, "exportAction").shortcut() == QKeySequence("Ctrl+E")

    full = action(window, "full_screenAction")
    assert not window.isFullScreen()
    press(qtbot, window, full.shortcut())
    qtbot.waitUntil(window.isFullScreen)
    assert full.isChecked()
    press(qtbot, window, full.shortcut())
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not full.isChecked()


def test_actions_a_page_lacks_are_disabled(window):
    window.select_workspace("wall")  # a placeholder: nothing to refresh, find or export
    assert not any(action(window, n).isEnabled() for n in ("refreshAction", "findAction", "exportAction"))
    window.select_workspace("entities")
    assert all(action(window, n).isEnabled() for n in ("refreshAction", "findAction", "exportAction"))


def test_next_and_previous_item_move_the_main_or_focused_list(window, qtbot):
    window.select_workspace("entities")
    page = window.current_page()
    nxt, prev = action(window, "next_itemAction").shortcut(), action(window, "previous_itemAction").shortcut()
    assert nxt == QKeySequence("Alt+PgDown") and prev == QKeySequence("Alt+PgUp")
    window.findChild(QWidget, "navigationBar").setFocus()  # focus outside the page: its main list moves
    for _ in range(3):
        press(qtbot, window, nxt)
    press(qtbot, window, prev)
    assert page.table.currentIndex().row() == 1
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [1]
    assert page.clicked_rows == [0, 1, 2, 1]  # each step opens the row as a click would
    page.side.setFocus()  # a focused list makes its first row current, then the keys move it
    press(qtbot, window, nxt)
    press(qtbot, window, nxt)
    assert page.side.currentIndex().row() == 2 and page.table.currentIndex().row() == 1


def test_plain_text_drops_mnemonics_in_both_styles():
    assert plain("&Find…") == "Find" and plain("查找(&F)…") == "查找" and plain("Cases && deadlines") == "Cases & deadlines"


def test_stepping_stops_at_the_ends(qtbot):
    table = QTableWidget(2, 1)
    qtbot.addWidget(table)
    assert step_view(table, -1) and table.currentIndex().row() == 1  # from nothing, backwards: the last
    assert not step_view(table, 1) and table.currentIndex().row() == 1
    assert step_view(table, -1) and not step_view(table, -1) and table.currentIndex().row() == 0


def test_menus_and_tooltips_name_the_keys(window):
    refresh = action(window, "refreshAction")
    assert "F5" in refresh.toolTip() and refresh.shortcuts() == [QKeySequence("F5")]
    menus = {a.menu().objectName() or a.text(): a.menu() for a in window.menuBar().actions() if a.menu()}
    in_menus = {a.objectName() for m in menus.values() for a in m.actions()}
    assert {"refreshAction", "full_screenAction", "findAction", "exportAction", "next_itemAction",
            "previous_itemAction", "shortcuts_helpAction", "workspace_mapAction"} <= in_menus
    nav = window.findChild(QWidget, "navigationBar")
    assert "Ctrl+2" in nav.item(1).toolTip()
    install_language(QApplication.instance(), "en")
    QApplication.processEvents()
    assert refresh.toolTip() == "Refresh (F5)"
    assert action(window, "workspace_casesAction").toolTip() == "Cases & deadlines (Ctrl+4)"


def test_help_lists_every_shortcut(window, qtbot):
    press(qtbot, window, QKeySequence("Ctrl+/"))
    dialog = window.shortcuts.help_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows())
    quit_keys = window.findChild(QAction, "quitAction").shortcuts()
    assert len(rows) == 7 + len(KEYS) + bool(quit_keys)  # the actions, one per workspace, Quit where bound
    assert "F5" in rows.values() and "Ctrl+E" in rows.values() and "Ctrl+7" in rows.values()
    dialog.close()


def test_every_real_workspace_speaks_the_protocol():
    from desktop.cases.workspace import CasesWorkspace
    from desktop.draws.workspace import DrawsWorkspace
    from desktop.efficiency.workspace import EfficiencyWorkspace
    from desktop.entities.workspace import EntitiesWorkspace
    from desktop.map.workspace import MapWorkspace

    for cls in (EntitiesWorkspace, MapWorkspace, DrawsWorkspace, CasesWorkspace, EfficiencyWorkspace):
        assert issubclass(cls, Refreshable), cls
    for cls in (EntitiesWorkspace, MapWorkspace, DrawsWorkspace, CasesWorkspace):
        assert issubclass(cls, Searchable) and issubclass(cls, Exportable), cls
    for cls in (EntitiesWorkspace, DrawsWorkspace, CasesWorkspace, EfficiencyWorkspace):
        assert issubclass(cls, Listing), cls
    assert issubclass(EfficiencyWorkspace, Exportable) and not issubclass(EfficiencyWorkspace, Searchable)


def test_keys_drive_the_real_entities_workspace(demo_services, qtbot, console_app, console_context):
    from desktop import entities
    from desktop.entities.workspace import EntitiesWorkspace

    registry = WorkspaceRegistry()
    entities.register(registry)  # the map (a web page) stays a placeholder here
    window = MainWindow(console_context, registry=registry, services=demo_services, remember_geometry=False)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    press(qtbot, window, QKeySequence("Ctrl+2"))
    page = window.current_page()
    assert isinstance(page, EntitiesWorkspace)
    qtbot.waitUntil(lambda: (page.model.total or 0) > 3, timeout=10000)
    show_active(qtbot, window)  # offscreen Qt may leave no window active while the page first loads
    press(qtbot, window, QKeySequence("Ctrl+F"))
    assert QApplication.focusWidget().objectName() == "entitySearchField"
    nxt = QKeySequence("Alt+PgDown")
    press(qtbot, window, nxt)
    press(qtbot, window, nxt)
    assert page.search_page.table.currentIndex().row() == 1
    assert page.search_page.selected_count() == 1
    with qtbot.waitSignal(page.model.count_changed, timeout=10000):  # F5 searches again
        press(qtbot, window, QKeySequence("F5"))
