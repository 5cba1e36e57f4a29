"""A new annual plan of double-random inspections: its year and name."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget


class PlanDialog(QDialog):
    """Year (next year from November on) and a name; Create is enabled once a name is typed."""

    def __init__(self, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPlanDialog")
        self.setWindowTitle(self.tr("New inspection plan"))
        today = today or dt.date.today()
        year = today.year + (1 if today.month >= 11 else 0)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=year, objectName="planYear")
        self.name = QLineEdit(objectName="planName")
        self.name.setPlaceholderText(self.tr("e.g. %1 joint double-random inspections").replace("%1", str(year)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Year"), self.year)
        layout.addRow(self.tr("Name"), self.name)
        layout.addRow(buttons)
        self.name.textChanged.connect(lambda text: self.create_button.setEnabled(bool(text.strip())))
        self.create_button.setEnabled(False)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[int, str]:
        return self.year.value(), self.name.text().strip()
