"""The draw ceremony on the wall: which screen it goes to, and the window it fills.

A hall's wall is usually a second screen (a projector or a video wall) beside the
operator's own. With more than one screen the full-screen button lists them by name and
size; the last choice is remembered (setting ``draws/wall_screen``) and, before any
choice, a screen other than the primary one is taken. Esc or the "Leave full screen"
button closes the wall window.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from .ceremony import CeremonyData, CeremonyView

translate = QCoreApplication.translate


class NamedScreen(Protocol):
    def name(self) -> str: ...


S = TypeVar("S", bound=NamedScreen)


def choose_screen(screens: Sequence[S], primary: S | None, remembered: str = "") -> S | None:
    """The screen the ceremony goes to: the one named ``remembered`` if it is connected,
    else the first screen that is not ``primary`` (the wall, usually), else the primary."""
    if not screens:
        return None
    for screen in screens:
        if remembered and screen.name() == remembered:
            return screen
    for screen in screens:
        if screen is not primary and screen != primary:
            return screen
    return primary if primary is not None else screens[0]


def screen_label(screen: QScreen, primary: QScreen | None) -> str:
    """"HDMI-1 — 1920 × 1080 (primary)": how the menu names a screen."""
    size = screen.size()
    name = screen.name() or screen.model() or screen.manufacturer() or "?"
    text = f"{name} — {size.width()} × {size.height()}"
    if screen == primary:
        text += translate("DrawsWall", " (primary)")
    return text


def open_wall(data: CeremonyData, screen: QScreen | None, parent: QWidget | None = None) -> CeremonyView:
    """The ceremony of ``data`` full screen on ``screen`` (None: where the window would
    open), revealing its picks from the first; closed by Esc or its leave button.

    ``parent`` keeps the window alive (it is a window of its own all the same): without
    one, the caller must hold the returned view until it closes.
    """
    view = CeremonyView(parent, wall=True)
    view.setWindowTitle(data.title)
    view.set_data(data)
    if screen is not None:
        view.setScreen(screen)
        view.setGeometry(screen.geometry())
    view.showFullScreen()
    return view


def fill_screen_menu(menu: QMenu, chosen: QScreen | None) -> dict:
    """List the connected screens in ``menu`` (checkable, ``chosen`` checked); returns
    action -> screen."""
    menu.clear()
    primary = QGuiApplication.primaryScreen()
    actions = {}
    for screen in QGuiApplication.screens():
        action = menu.addAction(screen_label(screen, primary))
        action.setCheckable(True)
        action.setChecked(screen == chosen)
        actions[action] = screen
    return actions
