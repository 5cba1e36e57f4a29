"""The ceremony on the wall: Esc and a visible button leave the full screen; the window goes
to the chosen screen, a secondary one before any choice, and the choice is remembered."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from desktop.draws.batch_exports import BatchExports
from desktop.draws.ceremony import CeremonyData, CeremonyPick, CeremonyView
from desktop.draws.wall import choose_screen, fill_screen_menu, open_wall
from desktop.settings import WALL_SCREEN, Settings


class FakeScreen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


DATA = CeremonyData("2027-1 食品经营主体双随机联合抽查", 40, "ab" * 32, "seed", (), "s33d", "c0mm1t", "",
                    tuple(CeremonyPick(i, f"义乌市第{i}商行", f"92330782MA2{i:07d}", "稠城街道", "市场监管局：张三")
                          for i in range(1, 4)))


def test_the_wall_is_a_secondary_screen_unless_one_was_chosen():
    laptop, wall, side = FakeScreen("eDP-1"), FakeScreen("HDMI-1"), FakeScreen("DP-2")
    assert choose_screen([laptop, wall, side], laptop) is wall           # not the operator's own
    assert choose_screen([wall, laptop], laptop) is wall                 # wherever the primary is listed
    assert choose_screen([laptop, wall, side], laptop, "DP-2") is side   # the last choice
    assert choose_screen([laptop, side], laptop, "HDMI-1") is side       # last choice unplugged
    assert choose_screen([laptop], laptop, "HDMI-1") is laptop           # one screen: that one
    assert choose_screen([laptop], laptop, "eDP-1") is laptop
    assert choose_screen([], None) is None


def test_esc_leaves_the_full_screen(console_app, qtbot):
    screen = QGuiApplication.primaryScreen()
    view = open_wall(DATA, screen)
    qtbot.waitExposed(view)
    assert view.isFullScreen() and view.isWindow()
    assert view.screen() == screen
    assert view.leave_button.isVisible()  # a visible way out, besides Esc
    view.activateWindow()
    qtbot.waitActive(view)
    qtbot.keyClick(view.picks, Qt.Key.Key_Escape)  # wherever the focus is in the window
    qtbot.waitUntil(lambda: _gone(view), timeout=5000)


def _gone(view) -> bool:
    return not shiboken6.isValid(view) or not view.isVisible()


def test_the_leave_button_leaves_the_full_screen(console_app, qtbot):
    view = open_wall(DATA, None)
    qtbot.waitExposed(view)
    qtbot.mouseClick(view.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _gone(view), timeout=5000)


def test_the_ceremony_in_the_workspace_has_no_leave_button(console_app, qtbot):
    view = CeremonyView()
    qtbot.addWidget(view)
    view.show()
    assert not view.leave_button.isVisible() and not view.isFullScreen()


class Host(BatchExports, QWidget):
    """The full-screen part of the Draws workspace, over a ceremony with data."""

    def __init__(self, settings):
        super().__init__()
        self._settings = settings
        self.ceremony = CeremonyView()
        self.ceremony.set_data(DATA, reveal=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ceremony)
        layout.addWidget(self._make_wall_button())


@pytest.fixture
def settings(settings_dir):
    return Settings.open(settings_dir / "console.ini")


def test_the_chosen_screen_is_remembered_and_used_next_time(console_app, qtbot, settings):
    host = Host(settings)
    qtbot.addWidget(host)
    screen = QGuiApplication.screens()[-1]
    assert host.wall_button.menu() is None  # one screen (offscreen): the button opens it at once
    view = host.show_ceremony_full_screen(screen)
    qtbot.waitExposed(view)
    assert settings[WALL_SCREEN] == screen.name() and view.screen() == screen
    view.close()
    settings[WALL_SCREEN] = "a screen unplugged since"
    assert host.wall_screen() == choose_screen(QGuiApplication.screens(), QGuiApplication.primaryScreen())
    host.show()
    qtbot.mouseClick(host.wall_button, Qt.MouseButton.LeftButton)
    walls = [w for w in console_app.topLevelWidgets() if w.objectName() == "drawCeremonyWall" and w.isVisible()]
    assert len(walls) == 1 and walls[0].isFullScreen()
    assert walls[0].data == DATA
    walls[0].close()


def test_the_screen_menu_lists_each_screen_by_name_and_size(console_app, qtbot):
    menu = QMenu()
    screens = QGuiApplication.screens()
    actions = fill_screen_menu(menu, screens[0])
    assert list(actions.values()) == screens
    for action, screen in actions.items():
        size = screen.size()
        assert screen.name() in action.text() and f"{size.width()} × {size.height()}" in action.text()
        assert action.isChecked() == (screen == screens[0])
