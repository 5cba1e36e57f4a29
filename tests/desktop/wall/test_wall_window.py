"""The wall window over every screen: one frameless window on the union of the screens'
geometries, kept above the others (a video wall driven as several outputs)."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication

from desktop.wall.window import WallWindow


def test_span_covers_the_union_of_the_screens(console_app, qtbot):
    window = WallWindow()
    qtbot.addWidget(window)
    screens = QGuiApplication.screens()
    expected = QRect()
    for screen in screens:
        expected = expected.united(screen.geometry())
    area = window.span()
    assert area == expected and not area.isEmpty()
    assert window.geometry() == area and window.isVisible()
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert not window.isFullScreen()  # full screen is one screen's; spanning is a plain window


def test_show_on_fills_one_screen(console_app, qtbot):
    window = WallWindow()
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen()
    window.show_on(screen)
    assert window.isFullScreen() and window.screen() is screen
