"""One routing rule: which clues (matter, industry, town; blank matches all) go to which department.

A rule is known by its three fields, so editing one changes only its department and note;
a rule for other clues is a new rule.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from core.services.clues import Rule

from .checked_dialog import CheckedDialog
from .new_clue_dialog import compact_combo
from .reference import CasesReference
from .words import matter_label


@dataclass(frozen=True)
class RuleForm:
    department_id: int
    matter_id: int | None
    industry_code: str | None
    town_code: str | None
    note: str


class RuleDialog(CheckedDialog):
    """Add a rule (``rule`` None) or change the department and note of ``rule``."""

    def __init__(self, reference: CasesReference, lang: str, rule: Rule | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleDialog")
        self.setWindowTitle(self.tr("New routing rule") if rule is None else self.tr("Edit routing rule"))
        self.matter = QComboBox(objectName="ruleMatter")
        self.matter.addItem(self.tr("Any matter"), None)
        for d, m in reference.matters():
            self.matter.addItem(f"{d.name(lang)} · {matter_label(m, lang)}", m.id)
        self.industry = QComboBox(objectName="ruleIndustry")
        self.industry.addItem(self.tr("Any industry"), None)
        for i in reference.industries:
            self.industry.addItem(f"{i.code} {i.name(lang)}", i.code)
        compact_combo(self.matter)
        compact_combo(self.industry)
        self.town = QComboBox(objectName="ruleTown")
        self.town.addItem(self.tr("Any town"), None)
        for t in reference.towns:
            self.town.addItem(t.name(lang), t.code)
        self.department = QComboBox(objectName="ruleDepartment")
        self.department.addItem(self.tr("Choose a department…"), None)
        for d in reference.departments:
            self.department.addItem(d.name(lang), d.id)
        self.note = QLineEdit(objectName="ruleNote", maxLength=200)
        self.note.setPlaceholderText(self.tr("Why (optional), e.g. the division of duties it follows"))
        if rule is not None:
            for combo, value in ((self.matter, rule.matter_id), (self.industry, rule.industry_code),
                                 (self.town, rule.town_code), (self.department, rule.department_id)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            for combo in (self.matter, self.industry, self.town):
                combo.setEnabled(False)
            self.note.setText(rule.note)
        self.problem_label("ruleProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("Clues matching every field given go to the department. The rule matching "
                                     "the most fields wins."), wordWrap=True))
        layout.addRow(self.tr("Matter"), self.matter)
        layout.addRow(self.tr("Industry"), self.industry)
        layout.addRow(self.tr("Town"), self.town)
        layout.addRow(self.tr("Department"), self.department)
        layout.addRow(self.tr("Note"), self.note)
        layout.addRow(self.problem)
        layout.addRow(buttons)
        self.resize(620, self.sizeHint().height())

    def form(self) -> RuleForm | None:
        department = self.department.currentData()
        if department is None:
            return None
        return RuleForm(department, self.matter.currentData(), self.industry.currentData(), self.town.currentData(),
                        self.note.text().strip())

    def missing(self) -> str:
        if self.matter.currentData() is None and self.industry.currentData() is None \
                and self.town.currentData() is None:
            return self.tr("Name a matter, an industry or a town: a rule for every clue would route all of them.")
        if self.department.currentData() is None:
            return self.tr("Choose the department.")
        return ""

