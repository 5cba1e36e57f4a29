"""Entities workspace in the console: registration, services, roles, export refusals, screenshots."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from core.services.auth import authenticate
from desktop.bootstrap import build_registry
from desktop.services import AppServices
from desktop.entities import EntitiesWorkspace, is_internal, register
from desktop.entities.empty_page import EntitiesEmptyPage
from desktop.entities.table_model import column_index
from desktop.main_window import MainWindow
from desktop.screenshot import known_views, render_view
from desktop.settings import Settings
from desktop.workspaces import WorkspaceRegistry

from . import test_entities_support as support
from .test_entities_support import wait_for_results

entities_template = support.entities_template
entities_db = support.entities_db
tasks = support.tasks
workspace = support.workspace


def _services(db, tasks, tmp_path: Path, username: str | None) -> AppServices:
    services = AppServices(db=db, tasks=tasks, settings=Settings.open(tmp_path / "console.ini"))
    return services.signed_in(authenticate(db, username, "tongguan")) if username else services


def test_the_console_builds_the_workspace_with_its_services(console_app, console_context, entities_db, tasks,
                                                            qtbot, tmp_path):
    registry = build_registry()  # finds desktop.entities and calls register()
    services = _services(entities_db, tasks, tmp_path, "operator")
    window = MainWindow(console_context, registry=registry, services=services, remember_geometry=False)
    qtbot.addWidget(window)
    window.select_workspace("entities")
    page = window.page("entities")
    assert isinstance(page, EntitiesWorkspace) and not page.read_only
    wait_for_results(qtbot, page)
    assert page.model.total == 3000
    assert page.operations.actor == "operator"

    bare = MainWindow(console_context, registry=registry, remember_geometry=False)
    qtbot.addWidget(bare)
    assert isinstance(bare.page("entities"), EntitiesEmptyPage)
    tasks.wait_idle()


def test_department_users_do_not_see_risk_classes(console_app, entities_db, tasks, qtbot, tmp_path):
    registry = WorkspaceRegistry()
    register(registry, _services(entities_db, tasks, tmp_path, "dept_scjg"))
    page = registry.create_page("entities", None)  # services bound at registration
    qtbot.addWidget(page)
    wait_for_results(qtbot, page)
    assert page.search_page.table.isColumnHidden(column_index("risk_class"))
    assert not is_internal(_services(entities_db, tasks, tmp_path, "dept_scjg").user)
    assert is_internal(_services(entities_db, tasks, tmp_path, "leader").user)
    tasks.wait_idle()


def test_an_export_that_cannot_be_written_says_why(workspace, qtbot, tmp_path):
    with qtbot.waitSignal(workspace.export_failed, timeout=10000):
        workspace.export_results(tmp_path / "entities.pdf")  # not a table format
    box = workspace.findChild(QMessageBox, "entityErrorBox")
    assert box is not None and "CSV" in box.text() and ".pdf" in box.informativeText()
    box.close()


def test_search_and_panorama_screenshots_render(console_app, console_context, entities_db, tasks, tmp_path):
    assert {"search", "panorama"} <= set(known_views())
    services = _services(entities_db, tasks, tmp_path, None)  # the views sign in the demo operator
    for view in ("search", "panorama"):
        out = render_view(view, tmp_path / f"{view}.png", context=console_context, size=(1440, 900),
                          services=services)
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1440, 900)
    tasks.wait_idle()
