"""Recording one inspection task's results item by item (检查结果录入).

Every checklist item of the task's matters gets Pass, Fail or Not applicable with a note;
a failed item must say what failed and may open a clue. Save records only the changed
items in one worker job, corrections first, so that the last new result completes the
task. A done or cancelled task, or a console without a signed-in user, is read-only.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.services.draws import (
    ChecklistLine,
    TaskChecklist,
    record_result,
    task_checklist,
)
from core.services.matters import departments_with_matters
from desktop.entities.errors import show_error
from desktop.i18n import current_language

OUTCOMES = ("pass", "fail", "na")
NOTE_MAX = 400  # as the core allows
_ITEM, _STANDARD, _OUTCOME, _NOTE, _CLUE = range(5)


@dataclass
class _Row:
    line: ChecklistLine
    item: QTreeWidgetItem
    outcome: QComboBox
    note: QLineEdit
    clue: QCheckBox

    def value(self) -> tuple[str | None, str, bool]:
        index = self.outcome.currentIndex()
        return (OUTCOMES[index] if index >= 0 else None), self.note.text().strip(), self.clue.isChecked()

    def changed(self) -> bool:
        outcome, note, clue = self.value()
        return clue or outcome != self.line.outcome or note != self.line.note


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped texts: a tree view alone sizes them for one line."""

    def sizeHint(self, option: QStyleOptionViewItem, index):
        view, opt = self.parent(), QStyleOptionViewItem(option)
        width = view.columnWidth(index.column()) - (view.indentation() * 2 if index.column() == _ITEM else 0)
        opt.rect = QRect(0, 0, max(width, 40), 10_000)
        size = super().sizeHint(opt, index)
        size.setHeight(size.height() + 8)
        return size


def _cell(widget: QWidget) -> QWidget:
    """``widget`` at its own height, centred in a row made taller by wrapped text."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.addWidget(widget, 1, Qt.AlignmentFlag.AlignVCenter)
    return box


class ResultsDialog(QDialog):
    """The checklist of task ``task_id``; ``results_saved(task_id)`` after each successful save."""

    results_saved = Signal(int)
    loaded = Signal(object)  # the TaskChecklist, after each load

    def __init__(self, db, tasks, actor: str, task_id: int, lang: str = "zh_CN", *,
                 department_names: dict[int, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsDialog")
        self.resize(1100, 700)
        self._db, self._tasks, self._actor, self._task_id, self._lang = db, tasks, actor, task_id, lang
        self._names = dict(department_names) if department_names is not None else None
        self._loaded_names: dict[int, tuple[str, str]] = {}   # (zh, en), when no names were given
        self.checklist: TaskChecklist | None = None
        self._rows: dict[int, _Row] = {}
        self._pending: dict[int, tuple] = {}  # unsaved edits kept across the reload after a failed save
        self._busy = self._failed = False
        self._summary = lambda: ""
        self.discard_box: QMessageBox | None = None
        self.header = QLabel(objectName="resultsHeader", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.read_only_note = QLabel(objectName="resultsReadOnly", wordWrap=True, visible=False)
        self.read_only_note.setStyleSheet("color: #8a4b00")
        self.table = QTreeWidget(objectName="resultsTable", columnCount=5, wordWrap=True)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setItemDelegate(_WrapDelegate(self.table))
        head = self.table.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(_ITEM, QHeaderView.ResizeMode.Stretch)
        for column, width in ((_STANDARD, 260), (_OUTCOME, 130), (_NOTE, 220), (_CLUE, 120)):
            head.resizeSection(column, width)
        head.sectionResized.connect(lambda *_: self.table.scheduleDelayedItemsLayout())
        self.summary = QLabel(objectName="resultsSummary", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("resultsSave")
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget, stretch in ((self.header, 0), (self.read_only_note, 0), (self.table, 1), (self.summary, 0),
                                (self.buttons, 0)):
            layout.addWidget(widget, stretch)
        self.retranslate_ui()
        self.reload()

    def read_only_reason(self) -> str | None:
        """Why nothing can be edited, or None."""
        c = self.checklist
        if c is None:
            return self.tr("The task could not be loaded.") if self._failed else None
        if not self._actor:
            return self.tr("You are not signed in: the results are shown read-only.")
        if c.status == "done":
            return self.tr("This task was completed on %1; its results can no longer be changed.").replace(
                "%1", c.done_on.isoformat() if c.done_on else "?")
        if c.status == "cancelled":
            return self.tr("This task was cancelled; results can no longer be recorded.")
        return None

    def changed_items(self) -> list[int]:
        return [item_id for item_id, row in self._rows.items() if row.changed()]

    def has_unsaved_changes(self) -> bool:
        return self.read_only_reason() is None and bool(self.changed_items())

    def set_outcome(self, item_id: int, outcome: str | None, note: str = "", open_clue: bool = False) -> None:
        """Choose as the inspector would (ignored when read-only)."""
        if self.read_only_reason() is None:
            row = self._rows[item_id]
            row.outcome.setCurrentIndex(OUTCOMES.index(outcome) if outcome else -1)
            row.note.setText(note)
            row.clue.setChecked(open_clue)

    def reload(self) -> None:
        db, task_id, want_names = self._db, self._task_id, self._names is None

        def load():
            names = {d.id: (d.name_zh, d.name_en) for d in departments_with_matters(db)} if want_names else None
            return task_checklist(db, task_id), names

        self._set_busy(True)
        self._tasks.run(load, on_done=lambda r: self._show(*r), on_error=self._load_failed, owner=self)

    def save(self) -> bool:
        """Record the changed items; False (with a message in the summary) when refused or unchanged."""
        if self._busy or self.read_only_reason() is not None:
            return False
        rows = [row for row in self._rows.values() if row.changed()]
        if not rows:
            self._say(lambda: self.tr("Nothing to save: no result was changed."))
            return False
        for row in rows:
            if self._problem(row) is not None:
                self._say(lambda r=row: self._problem(r) or "", error=True)
                self.table.scrollToItem(row.item)
                row.note.setStyleSheet("border: 1px solid #b3261e")
                row.note.setFocus()
                return False
        rows.sort(key=lambda r: r.line.outcome is None)  # corrections before the result that completes the task
        work = [(r.line.item_id, *r.value()) for r in rows]
        db, actor, task_id, saved = self._db, self._actor, self._task_id, []

        def record():
            for item_id, outcome, note, clue in work:
                saved.append(record_result(db, actor, task_id, item_id, outcome, note, open_clue=clue))
            return task_checklist(db, task_id)

        self._set_busy(True)
        self._tasks.run(record, on_done=lambda c: self._saved(saved, c),
                        on_error=lambda e: self._save_failed(saved, e), owner=self)
        return True

    def reject(self) -> None:
        if not self.has_unsaved_changes():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved results"),
                          self.tr("%n changed result(s) not saved. Discard them?", "", len(self.changed_items())),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("resultsDiscardBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Discard).clicked.connect(lambda: QDialog.reject(self))
        box.open()
        self.discard_box = box

    # ---- internals ---------------------------------------------------------------

    def _show(self, checklist: TaskChecklist, names: dict[int, tuple[str, str]] | None = None) -> None:
        self.checklist, self._loaded_names = checklist, names if names is not None else self._loaded_names
        self.table.clear()
        self._rows.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        bold = QFont(self.table.font())
        bold.setBold(True)
        for line in checklist.items:
            if line.matter_id not in groups:
                group = groups[line.matter_id] = QTreeWidgetItem(self.table)
                group.setFirstColumnSpanned(True)
                group.setFont(_ITEM, bold)
            item = QTreeWidgetItem(groups[line.matter_id])
            row = _Row(line, item, QComboBox(objectName="resultsOutcome"),
                       QLineEdit(line.note, objectName="resultsNote", maxLength=NOTE_MAX),
                       QCheckBox(objectName="resultsClue"))
            row.outcome.addItems(["", "", ""])
            row.outcome.setCurrentIndex(OUTCOMES.index(line.outcome) if line.outcome else -1)
            row.outcome.currentIndexChanged.connect(lambda _i, r=row: self._outcome_changed(r))
            row.note.textChanged.connect(lambda _t, n=row.note: (n.setStyleSheet(""), self._update_state()))
            row.clue.toggled.connect(self._update_state)
            for column, widget in ((_OUTCOME, row.outcome), (_NOTE, row.note), (_CLUE, row.clue)):
                self.table.setItemWidget(item, column, _cell(widget))
            self._rows[line.item_id] = row
        for item_id, value in self._pending.items():
            if item_id in self._rows:
                self.set_outcome(item_id, *value)
        self._pending = {}
        read_only = self.read_only_reason() is not None
        for row in self._rows.values():
            row.outcome.setEnabled(not read_only)
            row.note.setReadOnly(read_only)
            self._outcome_changed(row)
        self.table.expandAll()
        self._set_busy(False)
        self.retranslate_ui()
        self.loaded.emit(checklist)

    def _load_failed(self, error: BaseException) -> None:
        self._failed = self.checklist is None
        self._set_busy(False)
        show_error(self, self.tr("The task could not be loaded"), error)

    def _saved(self, saved: list, checklist: TaskChecklist) -> None:
        self._say(lambda: self._summary_text(saved, checklist))
        self._show(checklist)
        self.results_saved.emit(self._task_id)

    def _save_failed(self, saved: list, error: BaseException) -> None:
        done = {r.checklist_item_id for r in saved}
        self._pending = {i: r.value() for i, r in self._rows.items() if r.changed() and i not in done}
        self._say(lambda: self._summary_text(saved, None) + " " + self.tr("The rest was not saved."), error=True)
        show_error(self, self.tr("The results could not all be saved"), error)
        if saved:
            self.results_saved.emit(self._task_id)
        self.reload()

    def _summary_text(self, saved: list, checklist: TaskChecklist | None) -> str:
        parts = [self.tr("%n result(s) saved.", "", len(saved))]
        if refs := [r.clue_ref for r in saved if r.clue_ref]:
            parts.append(self.tr("%n clue(s) opened: %1.", "", len(refs)).replace("%1", ", ".join(refs)))
        if checklist is not None and checklist.status == "done":
            parts.append(self.tr("The task is complete."))
        elif checklist is not None:
            parts.append(self.tr("%n item(s) still without a result.", "", len(checklist.items) - checklist.recorded))
        return " ".join(parts)

    def _problem(self, row: _Row) -> str | None:
        """Why ``row`` cannot be recorded as it stands, or None."""
        outcome, note, _ = row.value()
        if outcome is None:
            text = self.tr("Choose Pass, Fail or Not applicable for item %1, or clear its note.")
        elif outcome == "fail" and not note:
            text = self.tr("Item %1 failed: say in its note what was wrong. Nothing was saved.")
        else:
            return None
        line = row.line
        return text.replace("%1", f"{line.matter_code}-{line.seq} “{self._text(line.text_zh, line.text_en)}”")

    def _outcome_changed(self, row: _Row) -> None:
        failed = row.value()[0] == "fail"
        if not failed:
            row.clue.setChecked(False)
        row.clue.setEnabled(failed and self.read_only_reason() is None)
        self._update_state()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.table.setEnabled(not busy)
        self._update_state()

    def _update_state(self) -> None:
        reason = self.read_only_reason()
        self.read_only_note.setText(reason or "")
        self.read_only_note.setVisible(bool(reason))
        self.save_button.setVisible(reason is None)
        self.save_button.setEnabled(not self._busy and reason is None and bool(self.changed_items()))

    def _say(self, text, *, error: bool = False) -> None:
        """Show ``text()`` in the summary line (a callable, so that it follows the language)."""
        self._summary = text
        self.summary.setStyleSheet("color: #b3261e" if error else "")
        self.summary.setProperty("kind", "error" if error else "success")
        self.summary.setText(text())

    def _text(self, zh: str, en: str) -> str:
        return zh if self._lang.startswith("zh") or not en else en

    def _dept(self, department_id: int) -> str:
        if self._names is not None:
            return self._names.get(department_id, str(department_id))
        return self._text(*self._loaded_names.get(department_id, (str(department_id), "")))

    def _fill_header(self) -> None:
        c = self.checklist
        if c is None:
            self.header.setText(self.tr("Loading task JC%1…").replace("%1", f"{self._task_id:06d}"))
            return
        zh = self._lang.startswith("zh")
        team: dict[int, list[str]] = {c.lead_department_id: []}
        for _id, name, department_id in c.inspectors:
            team.setdefault(department_id, []).append(name)
        lead = f" ({self.tr('lead')})"
        team_text = ("；" if zh else "; ").join(
            f"{html.escape(self._dept(d))}{lead if d == c.lead_department_id else ''}{'：' if zh else ': '}"
            f"{html.escape(('、' if zh else ', ').join(names) or '—')}" for d, names in team.items())
        status = {"planned": self.tr("Planned"), "in_progress": self.tr("In progress"),
                  "done": self.tr("Done on %1").replace("%1", c.done_on.isoformat() if c.done_on else "?"),
                  "cancelled": self.tr("Cancelled")}.get(c.status, c.status)
        status += " · " + self.tr("%1 of %2 items recorded").replace("%1", str(c.recorded)).replace(
            "%2", str(len(c.items)))
        joint = f" &nbsp;<span style='color:#8a4b00'>[{self.tr('Joint inspection')}]</span>" if c.joint else ""
        key = "<td style='padding-right:10px;color:#667'>{}</td>"
        rows = [(self.tr("USCC"), html.escape(c.uscc), self.tr("Due"), c.due_on.isoformat()),
                (self.tr("Address"), html.escape(c.address), self.tr("Status"), status)]
        body = "".join(f"<tr>{key.format(a)}<td style='padding-right:24px'>{b}</td>{key.format(x)}<td>{y}</td></tr>"
                       for a, b, x, y in rows)
        body += f"<tr>{key.format(self.tr('Team'))}<td colspan='3'>{team_text}</td></tr>"
        self.header.setText(f"<div style='font-size:large'><b>{html.escape(c.entity_name)}</b> "
                            f"&nbsp;JC{c.task_id:06d}{joint}</div><table>{body}</table>")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Inspection results of task JC%1").replace("%1", f"{self._task_id:06d}"))
        self.table.setHeaderLabels([self.tr("Checklist item"), self.tr("Standard"), self.tr("Outcome"),
                                    self.tr("Note (required for a failed item)"), self.tr("Clue")])
        self.save_button.setText(self.tr("Save results"))
        labels = (self.tr("Pass"), self.tr("Fail"), self.tr("Not applicable"))
        read_only = self.read_only_reason() is not None
        for row in self._rows.values():
            line = row.line
            row.item.setText(_ITEM, f"{line.seq}. {self._text(line.text_zh, line.text_en)}")
            row.item.setText(_STANDARD, line.standard_zh)
            row.item.parent().setText(_ITEM, f"{line.matter_code}  {self._text(line.matter_name_zh, line.matter_name_en)}"
                                             f"  ·  {self._dept(line.department_id)}")
            for i, label in enumerate(labels):
                row.outcome.setItemText(i, label)
            row.outcome.setPlaceholderText(self.tr("Not recorded") if read_only else self.tr("Choose…"))
            row.note.setPlaceholderText("" if read_only else self.tr("What was found"))
            row.clue.setText(self.tr("Open a clue"))
            row.clue.setToolTip(self.tr("Opens a clue for the matter's department (failed items only)"))
        self._fill_header()
        self._update_state()
        self.summary.setText(self._summary())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
        super().changeEvent(event)
