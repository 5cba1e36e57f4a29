"""The Wall workspace page: a live preview, the playlist and pin (remembered), the push history."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core.services import wall
from desktop.settings import WALL_INTERVAL_S, WALL_PINNED, WALL_SCENES
from desktop.wall.page import WallPage
from desktop.workspaces import WorkspaceRegistry
from tests.support.accounts import standard_accounts


def test_the_wall_workspace_gets_its_page(console_app, demo_services, qtbot, console_context):
    from desktop.wall import register

    registry = WorkspaceRegistry()
    register(registry)
    page = registry.create_page("wall", console_context, demo_services)
    qtbot.addWidget(page)
    assert isinstance(page, WallPage)
    page.session.stop()
    demo_services.tasks.wait_idle()


def test_department_users_get_no_wall(console_app, demo_services, qtbot, console_context):
    from core.services.auth import UserInfo
    from desktop.wall import register

    registry = WorkspaceRegistry()
    register(registry)
    clerk = UserInfo(9, "clerk", "办事员", "department", "部门", "Department", 1, "市场监管局", "Market Regulation")
    page = registry.create_page("wall", console_context, demo_services.signed_in(clerk))
    qtbot.addWidget(page)
    assert not isinstance(page, WallPage) and page.objectName() == "wallRefusedPage"


def test_control_page_previews_pins_and_lists_pushes(console_app, demo_services, qtbot):
    standard_accounts(demo_services.db)
    page = WallPage(demo_services)
    qtbot.addWidget(page)
    controller = page.session.controller
    qtbot.waitUntil(lambda: controller.figures is not None, timeout=30_000)
    entities = page.preview.scenes["overview"].tiles["entities"].value_label.text()
    assert entities == f"{controller.figures.overview.entities:,}"

    page.pin_box.setCurrentIndex(page.pin_box.findData("rankings"))
    assert page.session.playlist.pinned == "rankings" and page.preview.current_scene() == "rankings"
    assert demo_services.settings[WALL_PINNED] == "rankings"
    page.pin_box.setCurrentIndex(0)
    assert page.session.playlist.pinned is None and page.session.playlist.rotating()

    trends = next(page.scene_list.item(i) for i in range(page.scene_list.count())
                  if page.scene_list.item(i).data(Qt.ItemDataRole.UserRole) == "trends")
    page.scene_list.itemDoubleClicked.emit(trends)
    assert page.preview.current_scene() == "trends"

    page.interval.setValue(45)
    assert page.session.playlist.interval() == 45_000 and demo_services.settings[WALL_INTERVAL_S] == 45
    first = page.scene_list.item(0)
    first.setCheckState(Qt.CheckState.Unchecked)
    assert first.data(Qt.ItemDataRole.UserRole) not in page.session.playlist.scenes
    assert first.data(Qt.ItemDataRole.UserRole) not in demo_services.settings[WALL_SCENES].split(",")

    wall.push_view(demo_services.db, "leader", workspace="map", title="佛堂镇逾期", view={"kind": "map"})
    qtbot.waitUntil(lambda: page.history.count() >= 1, timeout=10_000)
    assert "佛堂镇逾期" in page.history.item(0).text() and "leader" in page.history.item(0).text()
    qtbot.waitUntil(lambda: page.preview.current_scene() == "map", timeout=10_000)
    page.session.stop()
    demo_services.tasks.wait_idle()


def test_the_screen_menu_offers_all_screens_as_one_wall(console_app, demo_services, qtbot):
    from PySide6.QtGui import QGuiApplication

    standard_accounts(demo_services.db)
    page = WallPage(demo_services)
    qtbot.addWidget(page)
    page._screen_menu.aboutToShow.emit()
    span = page._span_action
    assert span is not None and span.text() == "所有屏幕（拼接为一面墙）"
    page._screen_menu.triggered.emit(span)
    window = page.window_
    assert window is not None and window.isVisible() and not window.isFullScreen()
    assert window.geometry().contains(QGuiApplication.primaryScreen().geometry())
    window.close()
    page.session.stop()
    demo_services.tasks.wait_idle()
