"""A one-line message bar under the workspace: what just happened, with an optional action.

Used for "12 entities tagged — Undo", finished exports and refusals that need no
dialog. A new message replaces the previous one (and its action); the close button
hides the bar.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)


class MessageBar(QFrame):
    """Shows one message at a time; ``kind`` is "info", "success" or "error" (a style property)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityMessageBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._label = QLabel(objectName="entityMessageText", wordWrap=True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action = QPushButton(objectName="entityMessageAction")
        self._action.clicked.connect(self._on_action_clicked)
        self._close = QToolButton(objectName="entityMessageClose", text="×", autoRaise=True)
        self._close.clicked.connect(self.hide)
        self._callback: Callable[[], None] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._action)
        layout.addWidget(self._close)
        self.retranslate_ui()
        self.hide()

    def show_message(self, text: str, *, kind: str = "info", action: str | None = None,
                     callback: Callable[[], None] | None = None) -> None:
        """Show ``text``; with ``action`` a button calls ``callback`` once."""
        self._label.setText(text)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self._callback = callback
        self._action.setText(action or "")
        self._action.setVisible(bool(action and callback))
        self._action.setEnabled(True)
        self.show()

    def text(self) -> str:
        return self._label.text()

    def action_button(self) -> QPushButton:
        return self._action

    def retranslate_ui(self) -> None:
        self._close.setToolTip(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_action_clicked(self) -> None:
        callback, self._callback = self._callback, None
        self._action.setEnabled(False)
        if callback is not None:
            callback()
