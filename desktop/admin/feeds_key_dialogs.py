"""Dialogs of the API keys tab: the system a new key is for, and the new key shown once.

Only the key's hash stays in the database, so the dialog that shows it is the one chance to
copy it; the page keeps no reference to the key once that dialog is closed.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .feeds_dialogs import FormDialog


class NewKeyDialog(FormDialog):
    """Asks which source system the new key is for (known systems are suggested)."""

    def __init__(self, known_systems: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__("newKeyDialog", parent)
        self.system = self.add_row(self.tr("Source system"), QLineEdit(objectName="newKeySystem"), required=True)
        self.system.setPlaceholderText(self.tr("e.g. yw12345"))
        self.system.setCompleter(QCompleter(sorted(set(known_systems)), self.system))
        self.finish_layout(self.tr("The system sends this key with every Open311 request; requests are recorded "
                                   "as coming from it. A system may have several keys."))
        self.setWindowTitle(self.tr("New API key"))

    def values(self) -> dict:
        return {"system": self.system.text().strip()}


class KeyShownDialog(QDialog):
    """The new key, once, with a copy button and the warning that it is never shown again."""

    copied = Signal()

    def __init__(self, system: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyShownDialog")
        self.key = QLineEdit(key, objectName="keyShownKey", readOnly=True)
        self.key.setMinimumWidth(420)
        self.key.selectAll()
        self.copy = QPushButton(self.tr("Copy"), objectName="keyShownCopy")
        self.copy.clicked.connect(self._on_copy_clicked)
        self.warning = QLabel(self.tr("Copy this key now and give it to the people who run %1. It is not shown "
                                      "again: only its fingerprint is kept. If it is lost, revoke it and make a "
                                      "new one.").replace("%1", system), objectName="keyShownWarning",
                              wordWrap=True)
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The new API key of %1:").replace("%1", system)))
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("API key for %1").replace("%1", system))
        self.finished.connect(self._on_finished)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text())
        self.copy.setText(self.tr("Copied"))
        self.copied.emit()

    def _on_finished(self, _result: int) -> None:
        # Nothing of the key stays in the dialog once it is closed.
        self.key.clear()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
