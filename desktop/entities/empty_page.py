"""What the Entities workspace shows in a window without a database (a bare shell)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EntitiesEmptyPage(QWidget):
    """An honest empty page: searching needs a database and a signed-in user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitiesEmptyPage")
        self.setProperty("workspacePage", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._title = QLabel(objectName="workspaceTitle")
        self._notice = QLabel(objectName="placeholderNotice", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(self._title)
        layout.addWidget(self._notice)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Market entities"))
        self._notice.setText(self.tr("Searching market entities needs a database connection. "
                                     "Start the console with a database and sign in."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
