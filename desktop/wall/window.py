"""The wall window: a board, frameless and full screen on the screen wired to the wall.

Which screen: the one named in the ``wall/screen`` setting if it is connected, else one
that is not the operator's own (desktop.draws.wall.choose_screen, shared with the draw
ceremony's full screen). A video wall driven as several screens side by side (one output
per panel row, say) takes all of them with :meth:`WallWindow.span`. Esc closes the window.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QWidget

from desktop.draws.wall import choose_screen

from .board import WallBoard


def wall_screen(remembered: str = "", index: int | None = None) -> QScreen | None:
    """Screen number ``index`` (0-based, as ``--screen`` counts) if given and connected, else
    the remembered one, else a secondary one (see :func:`choose_screen`)."""
    screens = QGuiApplication.screens()
    if index is not None and 0 <= index < len(screens):
        return screens[index]
    return choose_screen(screens, QGuiApplication.primaryScreen(), remembered)


class WallWindow(WallBoard):
    """A :class:`WallBoard` as a frameless window of its own; ``closed`` when it goes."""

    closed = Signal()

    def __init__(self, session=None, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setWindowTitle(self.tr("Tongguan wall"))

    def show_on(self, screen: QScreen | None) -> None:
        """Fill ``screen`` (None: wherever the window opens)."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def span(self, screens: list[QScreen] | None = None) -> QRect:
        """Cover every screen (default: all connected) with one frameless window; returns the area.

        Full-screen state is one screen's; spanning is a plain window over the union of the
        screens' geometries, kept above the others.
        """
        screens = screens if screens is not None else QGuiApplication.screens()
        area = QRect()
        for screen in screens:
            area = area.united(screen.geometry())
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setGeometry(area)
        self.show()
        return area

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.closed.emit()
        super().closeEvent(event)
