"""Dialogs of the Feeds & mappings page: a permit's mapping, a catalogue matter, a foreign code's matter.

They only collect values (:meth:`values`); the page sends them to the core off the GUI
thread, and the core checks every rule again. A dialog refuses to close while a required
field is empty, naming it.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.feeds.mapping import CatalogueRow, PermitRow
from core.services.matters import DepartmentInfo, MatterInfo

_DATA = Qt.ItemDataRole.UserRole


class FormDialog(QDialog):
    """OK/Cancel around a form; OK closes only when every required field has a value."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.form_layout = QFormLayout()
        self.problem = QLabel(objectName=f"{name}Problem", wordWrap=True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._required: list[tuple[str, QWidget]] = []
        self.setMinimumWidth(480)

    def add_row(self, label: str, widget: QWidget, *, required: bool = False) -> QWidget:
        self.form_layout.addRow(label, widget)
        if required:
            self._required.append((label, widget))
        return widget

    def finish_layout(self, note: str = "") -> None:
        layout = QVBoxLayout(self)
        if note:
            layout.addWidget(QLabel(note, wordWrap=True))
        layout.addLayout(self.form_layout)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _on_buttons_accepted(self) -> None:
        for label, widget in self._required:
            if not _value_of(widget):
                # Literal context: tr() here would look the words up under the subclass's name.
                self.problem.setText(QCoreApplication.translate("FeedsDialogs", "Fill in %1.").replace("%1", label))
                self.problem.show()
                return
        self.accept()


def _value_of(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QListWidget):
        item = widget.currentItem()
        return item.data(_DATA) if item is not None and not item.isHidden() else None
    return True


def department_combo(departments: Sequence[DepartmentInfo], lang: str, chosen: int | None) -> QComboBox:
    combo = QComboBox(objectName="feedsDepartment")
    for department in departments:
        combo.addItem(department.name(lang), department.id)
    combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else -1)
    return combo


def _line(name: str, text: str = "", *, locked: bool = False) -> QLineEdit:
    edit = QLineEdit(text, objectName=name)
    edit.setReadOnly(locked)
    return edit


class PermitDialog(FormDialog):
    """A new permit mapping, or the one of ``row`` changed (its code stays)."""

    def __init__(self, departments: Sequence[DepartmentInfo], lang: str, row: PermitRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("permitDialog", parent)
        self.code = self.add_row(self.tr("Permit code"), _line("permitCode", row.permit_code if row else "",
                                                                 locked=row is not None), required=True)
        self.name = self.add_row(self.tr("Permit name"), _line("permitName", row.permit_name if row else ""),
                                 required=True)
        self.department = self.add_row(self.tr("Approving department"),
                                       department_combo(departments, lang, row.department_id if row else None),
                                       required=True)
        self.keywords = self.add_row(self.tr("Words in a business scope"),
                                     _line("permitKeywords", "|".join(row.keywords) if row else ""))
        self.keywords.setPlaceholderText(self.tr("separated by |"))
        self.finish_layout(self.tr("A registration whose business scope names this permit is pushed to its "
                                   "approving department; unmapped permits go to the shared queue."))
        self.setWindowTitle(self.tr("Edit permit") if row else self.tr("New permit"))

    def values(self) -> dict:
        return {"permit_code": self.code.text().strip(), "permit_name": self.name.text().strip(),
                "department": self.department.currentData(), "keywords": self.keywords.text().strip()}


class CatalogueDialog(FormDialog):
    """A new matter of the commitment catalogue, or the one of ``row`` changed (its code stays)."""

    def __init__(self, departments: Sequence[DepartmentInfo], lang: str, row: CatalogueRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("catalogueDialog", parent)
        self.code = self.add_row(self.tr("Code"), _line("catalogueCode", row.code if row else "",
                                                        locked=row is not None), required=True)
        self.name = self.add_row(self.tr("Name"), _line("catalogueName", row.name if row else ""), required=True)
        self.department = self.add_row(self.tr("Verifying department"),
                                       department_combo(departments, lang, row.department_id if row else None),
                                       required=True)
        self.keywords = self.add_row(self.tr("Words in a business scope"),
                                     _line("catalogueKeywords", "|".join(row.keywords) if row else ""))
        self.keywords.setPlaceholderText(self.tr("separated by |"))
        self.commitment_text = self.add_row(self.tr("Commitment text"), _text("catalogueText",
                                            row.commitment_text if row else ""), required=True)
        self.standard = self.add_row(self.tr("Verification standard"),
                                     _line("catalogueStandard", row.verification_standard if row else ""),
                                     required=True)
        self.consequence = self.add_row(self.tr("Consequence of a breach"),
                                        _line("catalogueConsequence", row.breach_consequence if row else ""),
                                        required=True)
        self.fulfil_days = self.add_row(self.tr("Days to fulfil"), _days("catalogueFulfil", 3650,
                                        row.fulfil_days if row else 30))
        self.verify_days = self.add_row(self.tr("Working days to verify"), _days("catalogueVerify", 365,
                                        row.verify_working_days if row else 20))
        self.finish_layout(self.tr("A registration whose business scope names this matter opens a commitment "
                                   "verification for the verifying department."))
        self.setWindowTitle(self.tr("Edit catalogue matter") if row else self.tr("New catalogue matter"))

    def values(self) -> dict:
        return {"code": self.code.text().strip(), "name": self.name.text().strip(),
                "department": self.department.currentData(), "keywords": self.keywords.text().strip(),
                "commitment_text": self.commitment_text.toPlainText().strip(),
                "verification_standard": self.standard.text().strip(),
                "breach_consequence": self.consequence.text().strip(),
                "fulfil_days": self.fulfil_days.value(), "verify_working_days": self.verify_days.value()}


def _text(name: str, text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(text, objectName=name)
    edit.setFixedHeight(80)
    return edit


def _days(name: str, maximum: int, value: int) -> QSpinBox:
    spin = QSpinBox(objectName=name, minimum=1, maximum=maximum)
    spin.setValue(value)
    return spin


class MapCodeDialog(FormDialog):
    """Which of our matters a system's foreign service code means (system and code fixed when given)."""

    def __init__(self, matters: Sequence[tuple[MatterInfo, str]], *, system: str = "", code: str = "",
                 name: str = "", matter_code: str = "", parent: QWidget | None = None) -> None:
        super().__init__("mapCodeDialog", parent)
        self.system = self.add_row(self.tr("Source system"), _line("mapSystem", system, locked=bool(system)),
                                   required=True)
        self.system.setPlaceholderText(self.tr("* for every system"))
        self.code = self.add_row(self.tr("Service code"), _line("mapCode", code, locked=bool(code)), required=True)
        self.service_name = self.add_row(self.tr("Service name"), _line("mapName", name))
        self.filter = self.add_row(self.tr("Find a matter"), _line("mapFilter"))
        self.filter.setPlaceholderText(self.tr("code, name or department"))
        self.matter = self.add_row(self.tr("Our matter"), QListWidget(objectName="mapMatters"), required=True)
        self.matter.setMinimumHeight(220)
        for matter, label in matters:
            item = QListWidgetItem(label)
            item.setData(_DATA, matter.code)
            self.matter.addItem(item)
            if matter.code == matter_code:
                self.matter.setCurrentItem(item)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.finish_layout(self.tr("Clues waiting with this code are routed to the matter's department at once; "
                                   "later requests with it are routed as they arrive."))
        self.setWindowTitle(self.tr("Map a service code"))

    def choose(self, matter_code: str) -> bool:
        for i in range(self.matter.count()):
            if self.matter.item(i).data(_DATA) == matter_code:
                self.matter.setCurrentRow(i)
                return True
        return False

    def values(self) -> dict:
        return {"system": self.system.text().strip(), "service_code": self.code.text().strip(),
                "service_name": self.service_name.text().strip(), "matter_code": _value_of(self.matter)}

    def _on_filter_text_changed(self, text: str) -> None:
        words = text.strip().lower().split()
        for i in range(self.matter.count()):
            item = self.matter.item(i)
            item.setHidden(not all(w in item.text().lower() for w in words))
