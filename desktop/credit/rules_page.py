"""The Credit rules workspace: every rule-set version, the form to make a new one, the move
matrix before it is applied, and the list transitions.

The administrator (``credit.rules``) previews, saves and activates rule sets; the leader
reads them and moves listings (``credit.manage``). What the user may do is asked of the
core when the page loads, and the core checks it again on every action. All work runs
through the TaskManager; other consoles' changes arrive through the change bus.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.credit import activate, preview, save_rule_set
from core.credit.rulesets import Preview, RuleSetInfo, RulesDesk, rules_desk
from core.db.database import Database
from core.errors import ValidationError
from desktop.bilingual import in_language
from desktop.entities.errors import headline
from desktop.entities.message_bar import MessageBar
from desktop.i18n import current_language
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from desktop.navigation import Navigator
from desktop.tasks import TaskManager
from desktop.page_layout import page_column

from .move_matrix import MoveMatrix
from .rules_editor import RulesEditor
from .transitions_panel import TransitionsPanel

_INFO = Qt.ItemDataRole.UserRole
# Notes the system wrote itself (migration 0017), shown in the UI language; people's notes stay as written.
_SYSTEM_NOTES = {"built-in rule set": QT_TRANSLATE_NOOP("CreditRulesPage", "built-in rule set")}


class CreditRulesPage(QWidget):
    """Rule sets and list transitions for the signed-in ``actor``."""

    loaded = Signal(object)      # RulesDesk
    previewed = Signal(object)   # Preview
    changed = Signal(str)        # the message shown

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str, *, changes: ChangeBus | None = None,
                 navigator: Navigator | None = None, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditRulesPage")
        self.setProperty("workspacePage", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._db, self._tasks, self._actor, self._lang, self._today = db, tasks, actor, lang, today
        self._desk: RulesDesk | None = None
        self._dirty = False
        self._select_next: int | None = None  # a version just saved: chosen once the list has it
        self.title = QLabel(objectName="workspaceTitle")
        self.intro = QLabel(objectName="creditRulesIntro", wordWrap=True)
        self.message_bar = MessageBar(self)
        self.versions = QTableWidget(0, 4, objectName="creditRuleVersions")
        self.versions.verticalHeader().hide()
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 70), (1, 150), (2, 110)):
            self.versions.setColumnWidth(column, width)
        self.versions.itemSelectionChanged.connect(self._on_version_chosen)
        self.editor = RulesEditor()
        self.editor.edited.connect(self._on_edited)
        self.state = QLabel(objectName="creditRulesState", wordWrap=True)
        self.note = QLineEdit(objectName="creditRulesNote", maxLength=400)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, slot in (("preview", self.preview_draft), ("save", self.save_draft),
                          ("activate", self.activate_chosen)):
            button = QPushButton(objectName=f"creditRules_{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.matrix = MoveMatrix()
        self.matrix_note = QLabel(objectName="creditMatrixNote", wordWrap=True)
        self.matrix_box = QGroupBox()
        matrix_layout = QVBoxLayout(self.matrix_box)
        matrix_layout.addWidget(self.matrix_note)
        matrix_layout.addWidget(self.matrix)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.state)
        right_layout.addWidget(self.editor, 3)
        right_layout.addWidget(self.note)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.matrix_box, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.versions)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 900])
        self.transitions = TransitionsPanel(db, tasks, actor, today=today)
        self.transitions.done.connect(self._show_done)
        self.transitions.failed.connect(self._on_failed)
        if navigator is not None:
            self.transitions.entity_requested.connect(navigator.open_entity)
        self.tabs = QTabWidget(objectName="creditRulesTabs")
        self.tabs.addTab(split, "")
        self.tabs.addTab(self.transitions, "")
        page_column(self, self.title, self.intro, self.message_bar, self.tabs)
        if changes is not None:
            on_changes(self, changes, (), lambda _c: self.refresh(), settings=("credit_rules",))  # and "everything"
        self.retranslate_ui()
        self.refresh()

    # ---- public API -----------------------------------------------------

    @property
    def desk(self) -> RulesDesk | None:
        return self._desk

    def chosen(self) -> RuleSetInfo | None:
        rows = self.versions.selectionModel().selectedRows()
        return self.versions.item(rows[0].row(), 0).data(_INFO) if rows else None

    def select_version(self, version: int) -> None:
        for r in range(self.versions.rowCount()):
            if self.versions.item(r, 0).data(_INFO).version == version:
                self.versions.selectRow(r)
                return

    def refresh(self) -> None:
        """Reload the versions, the user's rights and the transitions (F5)."""
        db, actor = self._db, self._actor
        self._run(lambda: rules_desk(db, actor), self._on_loaded)
        self.transitions.refresh()

    def main_view(self) -> QTableWidget:
        """The list the next/previous item keys move in: that of the tab on show."""
        return self.versions if self.tabs.currentIndex() == 0 else self.transitions.table

    def preview_draft(self) -> None:
        """Count how many entities the form's rules would move, class by class; nothing is written."""
        rules = self._draft()
        if rules is None:
            return
        db, actor, day = self._db, self._actor, self._today
        self.matrix_note.setText(self.tr("Scoring the city with these rules…"))
        self._tasks.run_with_progress(lambda _progress, _cancelled: preview(db, actor, rules, day),
                                      title=self.tr("Previewing the rule set…"), on_done=self._on_previewed,
                                      on_error=self._on_failed, parent=self)

    def save_draft(self) -> None:
        """Save the form's rules as a new version (not active yet)."""
        rules = self._draft()
        if rules is None:
            return
        db, actor, note = self._db, self._actor, self.note.text().strip()
        self._run(lambda: save_rule_set(db, actor, rules, note), self._on_saved)

    def activate_chosen(self, *, confirmed: bool = False) -> None:
        """Make the chosen version the active one and rescore the city (after a confirmation)."""
        info = self.chosen()
        if info is None or info.active:
            return
        if not confirmed and QMessageBox.question(
                self, self.tr("Activate rule set"),
                self.tr("Make version %1 the active rule set? Every entity is rescored at once and the classes "
                        "that change drive the next draws and the map. Preview it first to see how many move."
                        ).replace("%1", str(info.version))) != QMessageBox.StandardButton.Yes:
            return
        db, actor, version, day = self._db, self._actor, info.version, self._today
        self._tasks.run_with_progress(
            lambda progress, _cancelled: activate(db, actor, version, day, lambda f, _m: progress(f, "")),
            title=self.tr("Rescoring the city with version %1…").replace("%1", str(version)),
            on_done=lambda result: self._on_activated(version, result), on_error=self._on_failed, parent=self)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate_ui()

    # ---- internals ------------------------------------------------------

    def _run(self, fn: Callable[[], object], on_done: Callable[[object], None]) -> None:
        self._tasks.run(fn, on_done=on_done, on_error=self._on_failed, owner=self)

    def _draft(self):
        try:
            return self.editor.rules()
        except ValidationError as error:
            self.message_bar.show_message(in_language(error.message, self._lang), kind="error")
            return None

    def _on_loaded(self, desk: RulesDesk) -> None:
        chosen = self.chosen()
        self._desk = desk
        self.versions.blockSignals(True)
        self.versions.setRowCount(len(desk.versions))
        for r, info in enumerate(desk.versions):
            note = self.tr(_SYSTEM_NOTES[info.note]) if info.note in _SYSTEM_NOTES else info.note
            cells = (f"v{info.version}", info.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), info.created_by,
                     note)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(_INFO, info)
                if info.active:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.versions.setItem(r, c, item)
        self.versions.blockSignals(False)
        self.editor.set_read_only(not desk.may_edit)
        self.note.setVisible(desk.may_edit)
        for button in self.buttons.values():
            button.setVisible(desk.may_edit)
        self.transitions.set_may_manage(desk.may_manage)
        keep = chosen.version if chosen is not None else next((i.version for i in desk.versions if i.active), None)
        if self._select_next is not None:
            keep, self._select_next = self._select_next, None
        if keep is not None:
            # An edited form stays as it is; only the row it came from is chosen again.
            self.versions.blockSignals(self._dirty)
            self.select_version(keep)
            self.versions.blockSignals(False)
        self._sync()
        self.loaded.emit(desk)

    def _on_version_chosen(self) -> None:
        info = self.chosen()
        if info is not None:
            self.editor.set_rules(info.rules)
            self._dirty = False
            self.matrix.set_matrix(None)
            self.matrix_note.setText(self.tr("Change the rules and preview them to see how many entities would "
                                             "move from one class to another."))
        self._sync()

    def _on_edited(self) -> None:
        self._dirty = True
        self.matrix.set_matrix(None)
        self._sync()

    def _on_previewed(self, seen: Preview) -> None:
        self.matrix.set_matrix(seen.matrix)
        before = "  ".join(f"{c} {n:,}" for c, n in seen.counts_before.items())
        after = "  ".join(f"{c} {n:,}" for c, n in seen.counts_after.items())
        self.matrix_note.setText(self.tr("%1 entities would change class. Now: %2. Under these rules: %3.")
                                 .replace("%1", f"{seen.moved:,}").replace("%2", before).replace("%3", after))
        self.previewed.emit(seen)

    def _on_saved(self, version: int) -> None:
        self._dirty = False
        self.note.clear()
        self._select_next = version
        self._show_done(self.tr("Saved as version %1. It is not active yet: choose it and activate it.")
                        .replace("%1", str(version)))

    def _on_activated(self, version: int, result) -> None:
        self.matrix.set_matrix(result.matrix)
        self._show_done(self.tr("Version %1 is active; %2 entities changed class.")
                        .replace("%1", str(version)).replace("%2", f"{result.changed:,}"))

    def _show_done(self, message: str) -> None:
        self.message_bar.show_message(message, kind="success")
        self.changed.emit(message)
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        text = headline(error)
        if isinstance(error, ValidationError):
            text += " " + in_language(error.message, self._lang)
        self.message_bar.show_message(text, kind="error")

    def _sync(self) -> None:
        info, desk = self.chosen(), self._desk
        editing = desk is not None and desk.may_edit
        self.buttons["preview"].setEnabled(editing)
        self.buttons["save"].setEnabled(editing and self._dirty)
        self.buttons["activate"].setEnabled(editing and info is not None and not info.active and not self._dirty)
        if info is None:
            self.state.setText("")
        elif self._dirty:
            self.state.setText(self.tr("Edited from version %1: not saved yet.").replace("%1", str(info.version)))
        else:
            applied = info.applied_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.applied_at else "—"
            self.state.setText((self.tr("Version %1 is the active rule set (applied %2).") if info.active else
                                self.tr("Version %1 is not active.")).replace("%1", str(info.version))
                               .replace("%2", applied))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Credit rules"))
        self.intro.setText(self.tr("Every entity's credit score is its base score plus the points of its credit "
                                   "records in force, halving with age; the thresholds turn the score into class "
                                   "A-D, which sets the draw ratios and map colours. Classes are internal. Every "
                                   "version is kept, and every change is audited."))
        self.versions.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Saved"), self.tr("By"),
                                                 self.tr("Note")])
        self.note.setPlaceholderText(self.tr("Why this change (kept with the version)"))
        for key, text in (("preview", self.tr("Preview moves")), ("save", self.tr("Save as new version")),
                          ("activate", self.tr("Activate chosen version…"))):
            self.buttons[key].setText(text)
        self.matrix_box.setTitle(self.tr("Class moves"))
        self.tabs.setTabText(0, self.tr("Rule sets"))
        self.tabs.setTabText(1, self.tr("List transitions"))
        self._sync()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
        super().changeEvent(event)
