"""The Cases & deadlines workspace (线索案件): clues, double notification, commitments, cases, routing rules.

"Clues": filters above a paged table; the chosen clue on the right with its steps, files
and one button per action its state allows. "Double notification": the department's
pushes and the shared queue. "Commitments": verifications of notification-commitments.
"Cases": filed cases and their decisions. "Routing rules": who gets a new clue (administrators and
leaders). Every database call runs in the TaskManager's workers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.clues import ACTIONS, actions_for_role
from core.db.database import Database
from core.errors import ValidationError
from core.live.changes import ChangeSet
from core.services import clues
from core.services.clues.attachment_files import ExecutableAttachment
from desktop.entities.message_bar import MessageBar
from desktop.i18n import current_language
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from desktop.tasks import TaskManager

from . import clue_files
from .action_dialogs import ActionDialog, ActionInput, confirm
from .case_list_page import CasesPage
from .clue_desk import ClueDesk
from .commitments_page import CommitmentsPage
from .new_clue_dialog import ClueForm, NewClueDialog
from .pushes_page import PushesPage
from .reference import CasesReference, load_cases_reference
from .rules_page import RulesPage
from .refusal_words import refusal_text
from .words import action_name, show_refusal, state_label

CLUES_TAB, PUSHES_TAB, COMMITMENTS_TAB, CASES_TAB, RULES_TAB = range(5)


class CasesWorkspace(QWidget):
    """Follow clues from intake to closure, claim double-notification pushes, edit routing rules.

    ``actor`` is recorded with every change (empty: read-only); ``department_id`` is the
    signed-in department user's department, whose clues and pushes are shown first.
    """

    reference_loaded = Signal(object)  # CasesReference
    clue_created = Signal(int)
    acted = Signal(object)             # core.services.clues.Step
    case_filed = Signal(int)
    file_written = Signal(str)
    imported = Signal(object)          # (imported, already here)

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str = "zh_CN", *,
                 department_id: int | None = None, can_edit_rules: bool = False, today: dt.date | None = None,
                 role: str | None = None, changes: ChangeBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesWorkspace")
        self.setProperty("workspacePage", True)
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._today = today or dt.date.today()
        self.reference: CasesReference | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl  # tests replace it

        self.new_clue_button = QPushButton(objectName="clueNew")
        self.import_button = QPushButton(objectName="clueImportOpen311")
        self.export_button = QPushButton(objectName="clueExportOpen311")
        self.refresh_button = QPushButton(objectName="casesRefresh")
        self.new_clue_button.clicked.connect(self.new_clue_dialog)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        self.new_clue_button.setEnabled(False)  # until the departments and matters are known
        toolbar = QHBoxLayout()
        for button in (self.new_clue_button, self.import_button):
            button.setVisible(not self.read_only)
            toolbar.addWidget(button)
        toolbar.addWidget(self.export_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.refresh_button)

        self.message_bar = MessageBar()
        self.desk = ClueDesk(db, tasks, lang=lang, today=self._today, read_only=self.read_only,
                             department_id=department_id, allowed=actions_for_role(role), viewer=actor or None)
        self.pushes = PushesPage(db, tasks, actor, lang, today=self._today, department_id=department_id,
                                 message_bar=self.message_bar)
        self.commitments = CommitmentsPage(db, tasks, actor, lang, today=self._today, department_id=department_id,
                                           message_bar=self.message_bar)
        self.cases = CasesPage(db, tasks, actor, lang, today=self._today, department_id=department_id,
                               message_bar=self.message_bar)
        self.rules = RulesPage(db, tasks, actor, lang, message_bar=self.message_bar)
        self.tabs = QTabWidget(objectName="casesTabs", documentMode=True)
        for page in (self.desk, self.pushes, self.commitments, self.cases, self.rules):
            self.tabs.addTab(page, "")
        self.tabs.setTabVisible(RULES_TAB, can_edit_rules)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_bar)

        detail = self.desk.detail
        detail.action_requested.connect(self.request_action)
        detail.case_requested.connect(self.file_case_dialog)
        detail.attach_requested.connect(self._on_attach_clicked)
        detail.file_open_requested.connect(self.open_attachment)
        detail.file_save_requested.connect(self._on_save_file_requested)
        self.desk.failed.connect(lambda title, error: show_refusal(self, title, error, self._lang))
        # Without the console's bus, this process's own commits still refresh the lists.
        self.changes = changes if changes is not None else ChangeBus.detached(db, parent=self)
        self.change_listener = on_changes(self, self.changes, ("clues", "cases", "pushes", "commitments"),
                                          self.on_changes, settings=("routing",))
        self.retranslate_ui()
        self._run(lambda: load_cases_reference(db), self._on_reference_loaded, self.tr("Departments not loaded"))
        self.desk.refresh()

    # ---- public API -----------------------------------------------------

    @property
    def db(self) -> Database:
        return self._db

    @property
    def read_only(self) -> bool:
        return not self._actor

    def refresh(self) -> None:
        """Reload the clues (and the chosen clue), and the other tab on show."""
        self.desk.refresh()
        if self.tabs.currentIndex() != CLUES_TAB:
            self.tabs.currentWidget().refresh()

    def on_changes(self, changes: ChangeSet) -> None:
        """Refresh the tabs whose lists a committed change (this console's or another's) touched."""
        if changes.touches("clues", "cases"):
            self.desk.refresh(select=self.desk.clue_id)
        if changes.touches("pushes"):
            self.pushes.mark_stale()
        if changes.touches("commitments", "cases"):
            self.commitments.mark_stale()
        if changes.touches("cases", "clues"):
            self.cases.mark_stale()
        if changes.everything or "routing" in changes.settings:
            self.rules.refresh()

    def open_clue(self, clue_id: int) -> None:
        """Show clue ``clue_id`` on the clue desk (selected when it is on the page on show)."""
        self.tabs.setCurrentIndex(CLUES_TAB)
        if not self.desk.select_clue(clue_id):
            self.desk.show_clue(clue_id)

    def open_case(self, case_id: int) -> None:
        """Show the cases tab with ``case_id`` chosen, if it is listed."""
        self.tabs.setCurrentWidget(self.cases)
        if self.cases.select_id(case_id):
            return

        def select(_rows: object) -> None:
            self.cases.loaded.disconnect(select)
            self.cases.select_id(case_id)

        self.cases.loaded.connect(select)
        self.cases.refresh()

    # keyboard (desktop/shortcuts.py): Ctrl+F the clue filter, Ctrl+E the Open311 export
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(CLUES_TAB)
        self.desk.filter_bar.text.setFocus()

    def export_dialog(self) -> None:
        self._on_export_clicked()

    def main_view(self) -> QAbstractItemView | None:
        """The table of the tab on show."""
        return getattr(self.tabs.currentWidget(), "table", None)

    # new clues --------------------------------------------------------------

    def new_clue_dialog(self) -> NewClueDialog | None:
        if self.reference is None or self.read_only:
            return None
        dialog = NewClueDialog(self.reference, self._lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.create_clue(dialog.form()))
        dialog.open()
        return dialog

    def create_clue(self, form: ClueForm) -> None:
        db, actor = self._db, self._actor
        self._run(lambda: clues.create_clue(db, actor, form.new_clue()), self._on_clue_created,
                  self.tr("Clue not registered"))

    # actions ---------------------------------------------------------------

    def request_action(self, key: str) -> ActionDialog | None:
        """Take action ``key`` on the chosen clue, first asking what it needs (returns that dialog)."""
        d, action = self.desk.detail.detail, ACTIONS.get(key)
        if d is None or action is None or self.read_only:
            return None
        if not (action.needs_note or action.needs_department or action.needs_original):
            self.act(key)
            return None
        departments = self.reference.departments if self.reference is not None else ()
        dialog = ActionDialog(action, d.ref_no, departments, self._lang, current_department=d.department_id,
                              parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.act(key, dialog.values()))
        dialog.open()
        return dialog

    def act(self, key: str, given: ActionInput | None = None) -> None:
        given = given or ActionInput()
        d = self.desk.detail.detail
        if d is None:
            return
        db, actor, clue_id = self._db, self._actor, d.id

        def work():
            original = None
            if given.original_ref:
                original = clue_files.find_by_ref(db, given.original_ref, actor or None)
                if original is None:
                    return None
            return clues.act(db, actor, clue_id, key, note=given.note, department_id=given.department_id,
                             original_id=original)

        self._run(work, lambda step: self._on_acted(d.ref_no, key, given, step), self.tr("Not done"))

    def file_case_dialog(self) -> None:
        d = self.desk.detail.detail
        if d is not None:
            confirm(self, self.tr("File a case from clue %1? The decision is then due within 90 days.")
                    .replace("%1", d.ref_no), self.file_case, object_name="clueCaseConfirm")

    def file_case(self) -> None:
        d = self.desk.detail.detail
        if d is None:
            return
        db, actor, clue_id = self._db, self._actor, d.id
        self._run(lambda: clues.file_case(db, actor, clue_id), self._on_case_filed, self.tr("Case not filed"))

    # files -------------------------------------------------------------------

    def attach_files(self, paths) -> None:
        d = self.desk.detail.detail
        if d is None or not paths:
            return
        db, actor, clue_id, paths = self._db, self._actor, d.id, [Path(p) for p in paths]
        self._run(lambda: clues.attach(db, actor, clue_id, [clues.Attachment.from_file(p) for p in paths]),
                  lambda _none: self._after_change(self.tr("%1 files added.").replace("%1", str(len(paths)))),
                  self.tr("Files not added"))

    def open_attachment(self, attachment_id: int) -> None:
        """Open a private, checked copy (audited); a program or launcher is not opened: "Save as…" is offered."""
        db, actor = self._db, self._actor or None
        self._tasks.run(lambda: clue_files.copy_to_open(db, attachment_id, actor),
                        on_done=lambda path: self.open_url(QUrl.fromLocalFile(str(path))),
                        on_error=lambda e: self._on_open_failed(attachment_id, e), owner=self)

    def _on_open_failed(self, attachment_id: int, error: BaseException) -> None:
        if not isinstance(error, ExecutableAttachment):
            show_refusal(self, self.tr("File not opened"), error, self._lang)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("File not opened"),
                          self.tr("%1 is a program or launcher (%2). Tongguan does not open such files; "
                                  "save it and have it checked first.").replace("%1", error.filename)
                          .replace("%2", error.kind), QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("clueExecutableWarning")
        box.setTextFormat(Qt.TextFormat.PlainText)
        save = box.addButton(self.tr("Save as…"), QMessageBox.ButtonRole.AcceptRole)
        save.clicked.connect(lambda: self._on_save_file_requested(attachment_id))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def save_attachment(self, attachment_id: int, path: Path) -> None:
        db = self._db
        self._run(lambda: clue_files.save_attachment(db, attachment_id, Path(path)), self._on_file_written,
                  self.tr("File not saved"))

    def export_open311(self, path: Path) -> None:
        """The clues of the current filter ("All states" and nothing else: every clue) as Open311 JSON."""
        db, f, everything = self._db, self.desk.clue_filter(), self.desk.filter_bar.is_default()
        viewer = self._actor or None  # the export holds only the clues the signed-in user may see
        self._run(lambda: (clue_files.export_filtered(db, f, Path(path), everything, viewer), Path(path)),
                  lambda done: self._on_file_written(done[1], done[0]), self.tr("Clues not exported"))

    def import_open311(self, path: Path) -> None:
        db, actor = self._db, self._actor
        self._tasks.run(lambda: clues.import_open311(db, actor, path), on_done=self._on_imported,
                        on_error=self._on_import_failed, owner=self)

    # ---- internals ----------------------------------------------------------

    def _run(self, fn: Callable[[], object], on_done: Callable[[object], None], failure: str) -> None:
        self._tasks.run(fn, on_done=on_done, on_error=lambda e: show_refusal(self, failure, e, self._lang), owner=self)

    def _after_change(self, message: str, select: int | None = None) -> None:
        # The lists refresh on the change bus; here only the message and the row to choose.
        self.message_bar.show_message(message, kind="success")
        if select is not None and not self.desk.select_clue(select):
            self.desk.refresh(select=select)  # a new clue: not listed until the refresh

    def _on_reference_loaded(self, reference: CasesReference) -> None:
        self.reference = reference
        self.new_clue_button.setEnabled(True)
        self.desk.set_reference(reference)
        for page in (self.pushes, self.commitments, self.cases, self.rules):
            page.set_reference(reference)
        self.reference_loaded.emit(reference)

    def _on_clue_created(self, clue_id: int) -> None:
        self._after_change(self.tr("Clue registered."), select=clue_id)
        self.clue_created.emit(clue_id)

    def _on_acted(self, ref_no: str, key: str, given: ActionInput, step) -> None:
        if step is None:
            self.message_bar.show_message(self.tr("No clue has the reference number %1; nothing was changed.")
                                          .replace("%1", given.original_ref), kind="error")
            return
        self._after_change(self.tr("%1: %2 — now %3.").replace("%1", ref_no)
                           .replace("%2", action_name(key, self._lang))
                           .replace("%3", state_label(step.to_state, self._lang)), select=step.clue_id)
        self.acted.emit(step)

    def _on_case_filed(self, case_id: int) -> None:
        self._after_change(self.tr("Case filed; its decision is due within 90 days."))
        self.case_filed.emit(case_id)

    def _on_file_written(self, path, count: int | None = None) -> None:
        text = self.tr("Saved %1.") if count is None else self.tr("%2 clues written to %1.")
        self.message_bar.show_message(text.replace("%1", str(path)).replace("%2", f"{count or 0:,}"), kind="success")
        self.file_written.emit(str(path))

    def _on_imported(self, result: tuple[int, int]) -> None:
        imported, here = result
        self._after_change(self.tr("%1 imported, %2 already here.").replace("%1", f"{imported:,}")
                           .replace("%2", f"{here:,}"))
        self.imported.emit(result)

    def _on_import_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.message_bar.show_message(self.tr("Nothing imported: %1 — at %2").replace(
                "%1", refusal_text(error, self._lang)).replace("%2", error.where or "?"), kind="error")
        show_refusal(self, self.tr("Clues not imported"), error, self._lang)

    def _on_import_clicked(self) -> None:
        path = clue_files.ask_import_path(self)
        if path is not None:
            self.import_open311(path)

    def _on_export_clicked(self) -> None:
        path = clue_files.ask_export_path(self)
        if path is not None:
            self.export_open311(path)

    def _on_attach_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Files of the clue"))
        self.attach_files(paths)

    def _on_save_file_requested(self, attachment_id: int) -> None:
        d = self.desk.detail.detail
        name = next((f.filename for f in d.files if f.id == attachment_id), "file") if d is not None else "file"
        path = clue_files.ask_attachment_path(self, name)
        if path is not None:
            self.save_attachment(attachment_id, path)

    def _on_tabs_current_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if hasattr(page, "ensure_loaded"):
            page.ensure_loaded()

    def retranslate_ui(self) -> None:
        self.new_clue_button.setText(self.tr("New clue…"))
        self.import_button.setText(self.tr("Import (Open311)…"))
        self.export_button.setText(self.tr("Export (Open311)…"))
        self.export_button.setToolTip(self.tr("The clues of the current filter, for town and hotline systems"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.tabs.setTabText(CLUES_TAB, self.tr("Clues"))
        self.tabs.setTabText(PUSHES_TAB, self.tr("Double notification"))
        self.tabs.setTabText(COMMITMENTS_TAB, self.tr("Commitments"))
        self.tabs.setTabText(CASES_TAB, self.tr("Cases"))
        self.tabs.setTabText(RULES_TAB, self.tr("Routing rules"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
            for page in (self.desk, self.pushes, self.commitments, self.cases, self.rules):
                page.set_language(self._lang)
        super().changeEvent(event)

