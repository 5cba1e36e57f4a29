"""The "Routing rules" tab: which department gets a new clue, edited by administrators and leaders."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.services import clues
from core.services.clues import Rule
from desktop.entities.message_bar import MessageBar
from desktop.tasks import TaskManager

from .action_dialogs import confirm
from .reference import CasesReference
from .rule_dialog import RuleDialog, RuleForm
from .words import show_refusal

_ID = Qt.ItemDataRole.UserRole


class RulesPage(QWidget):
    """The rules as a table, with add, edit and delete (asked to confirm)."""

    loaded = Signal(object)     # list[Rule]
    changed = Signal()

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str, *, message_bar: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesPage")
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._message_bar = message_bar
        self._reference: CasesReference | None = None
        self._rules: list[Rule] = []
        self._loaded_once = False
        self.intro = QLabel(objectName="rulesIntro", wordWrap=True)
        self.table = QTableWidget(0, 5, objectName="rulesTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((300, 220, 150, 200)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_dialog())
        self.add_button = QPushButton(objectName="ruleAdd")
        self.edit_button = QPushButton(objectName="ruleEdit")
        self.delete_button = QPushButton(objectName="ruleDelete")
        self.add_button.clicked.connect(self.add_dialog)
        self.edit_button.clicked.connect(self.edit_dialog)
        self.delete_button.clicked.connect(self.delete_dialog)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(bool(actor))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    def ensure_loaded(self) -> None:
        if not self._loaded_once:
            self.refresh()

    def refresh(self) -> None:
        self._loaded_once = True
        db = self._db
        self._run(lambda: clues.list_rules(db), self._on_loaded, self.tr("Rules not loaded"))

    def chosen(self) -> Rule | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(_ID) if rows else None

    def add_dialog(self) -> RuleDialog | None:
        return self._open(None)

    def edit_dialog(self) -> RuleDialog | None:
        rule = self.chosen()
        return self._open(rule) if rule is not None else None

    def save(self, form: RuleForm) -> None:
        db, actor = self._db, self._actor
        self._run(lambda: clues.save_rule(db, actor, department_id=form.department_id, matter_id=form.matter_id,
                                          industry_code=form.industry_code, town_code=form.town_code, note=form.note),
                  lambda _id: self._after_change(self.tr("Routing rule saved; new clues follow it.")),
                  self.tr("Rule not saved"))

    def delete_dialog(self) -> None:
        rule = self.chosen()
        if rule is not None and self._actor:
            confirm(self, self.tr("Delete the rule “%1”? New clues it matched follow the other rules.")
                    .replace("%1", self._describe(rule)), lambda: self.delete(rule.id), object_name="ruleDeleteConfirm")

    def delete(self, rule_id: int) -> None:
        db, actor = self._db, self._actor
        self._run(lambda: clues.delete_rule(db, actor, rule_id),
                  lambda _none: self._after_change(self.tr("Routing rule deleted.")), self.tr("Rule not deleted"))

    def set_reference(self, reference: CasesReference) -> None:
        self._reference = reference
        self._fill()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._fill()

    # ---- internals ------------------------------------------------------

    def _run(self, fn: Callable[[], object], on_done: Callable[[object], None], failure: str) -> None:
        self._tasks.run(fn, on_done=on_done, on_error=lambda e: show_refusal(self, failure, e, self._lang), owner=self)

    def _open(self, rule: Rule | None) -> RuleDialog | None:
        if self._reference is None or not self._actor:
            return None
        dialog = RuleDialog(self._reference, self._lang, rule, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save(dialog.form()))
        dialog.open()
        return dialog

    def _cells(self, rule: Rule) -> tuple[str, str, str, str, str]:
        ref, lang, anything = self._reference, self._lang, self.tr("any")
        if ref is None:
            return (*(str(v) if v is not None else anything
                      for v in (rule.matter_id, rule.industry_code, rule.town_code)),
                    f"#{rule.department_id}", rule.note)
        matter = anything if rule.matter_id is None else ref.matter_title(rule.matter_id, lang)
        industry = anything if rule.industry_code is None else \
            f"{rule.industry_code} {ref.place_name(rule.industry_code, lang)}"
        town = anything if rule.town_code is None else ref.place_name(rule.town_code, lang)
        return matter, industry, town, ref.department_names(lang).get(rule.department_id, ""), rule.note

    def _describe(self, rule: Rule) -> str:
        matter, industry, town, department, _note = self._cells(rule)
        return f"{matter} / {industry} / {town} → {department}"

    def _fill(self) -> None:
        self.table.setRowCount(len(self._rules))
        for r, rule in enumerate(self._rules):
            for c, value in enumerate(self._cells(rule)):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setData(_ID, rule)
                self.table.setItem(r, c, item)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        chosen = self.chosen() is not None
        self.add_button.setEnabled(self._reference is not None)
        self.edit_button.setEnabled(chosen and self._reference is not None)
        self.delete_button.setEnabled(chosen)

    def _on_loaded(self, rules: list[Rule]) -> None:
        self._rules = list(rules)
        self._fill()
        self.loaded.emit(self._rules)

    def _after_change(self, message: str) -> None:
        self._message_bar.show_message(message, kind="success")
        self.changed.emit()  # the list refreshes on the change bus (CasesWorkspace.on_changes)

    def retranslate_ui(self) -> None:
        self.intro.setText(self.tr("A new clue goes to the department of the rule matching most of its matter, "
                                   "industry and town; without a matching rule, to the matter's own department; "
                                   "without a matter, the center routes it by hand."))
        self.table.setHorizontalHeaderLabels([self.tr("Matter"), self.tr("Industry"), self.tr("Town"),
                                              self.tr("Department"), self.tr("Note")])
        self.add_button.setText(self.tr("Add rule…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete…"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
