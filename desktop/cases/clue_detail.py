"""One clue in full: its fields, one button per action its state allows, its steps as a
timeline (who, when, from → to, department, note), its files and the cases filed from it."""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.services.clues import ClueDetail

from desktop.provisional import date_text, span_note, tooltip

from .clue_table import plain_tooltip
from .words import OVERDUE_COLOR, action_name, local_time, source_name, state_label

CASE_STATES = frozenset({"claimed", "handling"})
_BUTTONS_PER_ROW = 4


class ClueDetailPanel(QScrollArea):
    """Shows a :class:`ClueDetail`; the buttons ask the workspace to act on it."""

    action_requested = Signal(str)        # an action key of core.clues.ACTIONS
    case_requested = Signal()
    attach_requested = Signal()
    file_open_requested = Signal(int)     # attachment id
    file_save_requested = Signal(int)

    def __init__(self, *, read_only: bool, lang: str, today: dt.date, allowed: frozenset[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clueDetailPanel")
        self.setWidgetResizable(True)
        self._read_only, self._lang, self._today = read_only, lang, today
        self._allowed = allowed  # the actions the user's role may take (None: all)
        self._detail: ClueDetail | None = None
        self._departments: Mapping[int, str] = {}
        self._matters: Mapping[str, str] = {}
        self._villages: Mapping[str, str] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        body = QWidget(objectName="clueDetailBody")
        self.title = QLabel(objectName="clueDetailTitle", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.deadline = QLabel(objectName="clueDetailDeadline", wordWrap=True)
        self.actions_row = QGridLayout()
        # Parented now: a parentless button shown by _fill_actions would be a window of its own
        # until the layout adopted it, and hidden again until a queued show ran.
        self.case_button = QPushButton(body, objectName="clueFileCase")
        self.case_button.hide()
        self.case_button.clicked.connect(self.case_requested)
        self.facts = QLabel(objectName="clueDetailFacts", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QLabel(objectName="clueDetailSteps", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.files = QListWidget(objectName="clueDetailFiles")
        self.files.setMaximumHeight(110)
        self.files.itemDoubleClicked.connect(lambda item: self.file_open_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.open_file_button = QPushButton(objectName="clueOpenFile")
        self.save_file_button = QPushButton(objectName="clueSaveFile")
        self.attach_button = QPushButton(objectName="clueAttachFiles")
        self.open_file_button.clicked.connect(lambda: self._emit_file(self.file_open_requested))
        self.save_file_button.clicked.connect(lambda: self._emit_file(self.file_save_requested))
        self.attach_button.clicked.connect(self.attach_requested)
        self.attach_button.setVisible(not read_only)
        self.files.currentRowChanged.connect(lambda _row: self._sync_file_buttons())
        self.no_files = QLabel(objectName="clueDetailNoFiles")
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.no_files)
        for button in (self.open_file_button, self.save_file_button):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        file_buttons.addWidget(self.attach_button)
        self.facts_box, self.steps_box, self.files_box = QGroupBox(), QGroupBox(), QGroupBox()
        QVBoxLayout(self.facts_box).addWidget(self.facts)
        QVBoxLayout(self.steps_box).addWidget(self.steps)
        files_layout = QVBoxLayout(self.files_box)
        files_layout.addWidget(self.files)
        files_layout.addLayout(file_buttons)
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.deadline)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.steps_box)
        layout.addWidget(self.files_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    @property
    def detail(self) -> ClueDetail | None:
        return self._detail

    def set_detail(self, detail: ClueDetail | None) -> None:
        self._detail = detail
        self._fill()

    def set_names(self, departments: Mapping[int, str], matters: Mapping[str, str],
                  villages: Mapping[str, str] | None = None) -> None:
        """Department names by id, matter names by code and village names by code, in the UI language."""
        self._departments, self._matters = dict(departments), dict(matters)
        self._villages = dict(villages or {})
        self._fill()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate_ui()

    def overdue(self) -> bool:
        d = self._detail
        return d is not None and d.closed_at is None and d.due_on is not None and d.due_on < self._today \
            and d.state not in ("closed", "duplicate")

    # ---- filling --------------------------------------------------------

    def _fill(self) -> None:
        d = self._detail
        self._fill_actions(d)
        for box in (self.facts_box, self.steps_box, self.files_box):
            box.setVisible(d is not None)
        if d is None:
            self.title.setText(self.tr("Choose a clue in the table to see its steps and act on it."))
            self.deadline.hide()
            return
        self.title.setText(f"{d.ref_no}  ·  {state_label(d.state, self._lang)}")
        self.deadline.show()
        if d.state in ("closed", "duplicate"):
            self.deadline.setText(self.tr("Ended %1").replace("%1", local_time(d.closed_at)))
            self.deadline.setStyleSheet("")
        elif d.due_on is None:
            self.deadline.setText(self.tr("No handling deadline"))
            self.deadline.setStyleSheet("")
        else:
            late = self.overdue()
            text = self.tr("Overdue: to be handled by %1") if late else self.tr("To be handled by %1")
            note = span_note(d.received_at.date(), d.due_on)
            self.deadline.setText(text.replace("%1", date_text(d.due_on, note)))
            self.deadline.setToolTip(tooltip(note, self._lang))
            self.deadline.setStyleSheet(f"color: {OVERDUE_COLOR}; font-weight: bold" if late else "")
        self.facts.setText(self._facts_html(d))
        self._fill_steps(d)
        self._fill_files(d)

    def _fill_actions(self, d: ClueDetail | None) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget() is not None and item.widget() is not self.case_button:
                item.widget().deleteLater()
        self.action_buttons = {}
        self.case_button.setVisible(False)
        if d is None or self._read_only:
            return
        buttons = []
        for key in d.actions:
            if self._allowed is not None and key not in self._allowed:
                continue
            button = QPushButton(action_name(key, self._lang), objectName=f"clueAction_{key}")
            button.clicked.connect(lambda _checked=False, key=key: self.action_requested.emit(key))
            self.action_buttons[key] = button
            buttons.append(button)
        if d.state in CASE_STATES:
            self.case_button.setVisible(True)
            buttons.append(self.case_button)
        for n, button in enumerate(buttons):
            self.actions_row.addWidget(button, n // _BUTTONS_PER_ROW, n % _BUTTONS_PER_ROW)
        self.actions_row.setColumnStretch(_BUTTONS_PER_ROW, 1)  # buttons keep their natural width

    def _facts_html(self, d: ClueDetail) -> str:
        if d.entity_name:
            entity = f"{html.escape(d.entity_name)}<br><code>{html.escape(d.uscc or '')}</code>"
        elif d.unregistered_uscc:  # a report about unlicensed trading names a code the registry lacks
            entity = (f"<b>{html.escape(self.tr('Entity not registered'))}</b>"
                      f"<br><code>{html.escape(d.unregistered_uscc)}</code>")
        else:
            entity = html.escape(self.tr("not known yet"))
        place = f"{d.lat:.5f}, {d.lng:.5f}" if d.lat is not None and d.lng is not None else "—"
        if d.source_village_code:
            village = self._villages.get(d.source_village_code, d.source_village_code)
            place += html.escape("  " + self.tr("(village %1)").replace("%1", village))
        matter = "—"
        if d.matter_code:
            matter = html.escape(f"{d.matter_code} {self._matters.get(d.matter_code, '')}".strip())
        if d.foreign_service_code:  # the code the foreign system sent, kept as it came
            foreign = self.tr("%1 code %2 %3").replace("%1", d.source_system or "").replace(
                "%2", d.foreign_service_code).replace("%3", d.foreign_service_name or "")
            matter = (matter + "<br>" if d.matter_code else html.escape(self.tr("not mapped yet")) + "<br>") + \
                html.escape(foreign.strip())
        department = (html.escape(self._departments.get(d.department_id, f"#{d.department_id}"))
                      if d.department_id is not None else html.escape(self.tr("not routed yet")))
        source = html.escape(source_name(d.source, self._lang))
        if d.source_ref:
            source += f" · {html.escape(d.source_ref)}"
        elif d.source_system:
            source += f" · {html.escape(d.source_system)}"
        rows = [(self.tr("Source"), source), (self.tr("Entity"), entity), (self.tr("Where"), place),
                (self.tr("Matter"), matter), (self.tr("Department"), department),
                (self.tr("Received"), local_time(d.received_at)),
                (self.tr("Description"), html.escape(d.description).replace("\n", "<br>"))]
        if d.result:
            rows.append((self.tr("Result fed back"), html.escape(d.result)))
        if d.duplicate_of_id is not None:
            rows.append((self.tr("Duplicate of"), f"#{d.duplicate_of_id}"))
        if d.case_refs:
            rows.append((self.tr("Cases filed"), html.escape(", ".join(d.case_refs))))
        body = "".join(f"<tr><td style='padding-right:14px;color:#667;white-space:nowrap'>{html.escape(k)}</td>"
                       f"<td>{v}</td></tr>" for k, v in rows)
        return f"<table>{body}</table>"

    def _fill_steps(self, d: ClueDetail) -> None:
        """A timeline, newest first: when and who on the left; the change, department and note on the right."""
        rows = []
        for step in reversed(d.steps):  # what happened last matters most
            change = html.escape(state_label(step.to_state, self._lang))
            if step.from_state and step.from_state != step.to_state:
                change = f"{html.escape(state_label(step.from_state, self._lang))} → {change}"
            department = self._departments.get(step.department_id, "") if step.department_id else ""
            lines = [f"<b>{change}</b>" + (f" · {html.escape(department)}" if department else "")]
            if step.note:
                lines.append(html.escape(step.note).replace("\n", "<br>"))
            rows.append(f"<tr><td style='padding:0 14px 8px 0;color:#667;white-space:nowrap'>"
                        f"{local_time(step.at)}<br>{html.escape(step.actor)}</td>"
                        f"<td style='padding-bottom:8px'>{'<br>'.join(lines)}</td></tr>")
        self.steps.setText(f"<table>{''.join(rows)}</table>")

    def _fill_files(self, d: ClueDetail) -> None:
        self.files.clear()
        for f in d.files:
            item = QListWidgetItem(f"{f.filename}  ({_size(f.size)})")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            item.setToolTip(plain_tooltip(f"{f.filename}\n{f.media_type} · SHA-256 {f.sha256}"))
            self.files.addItem(item)
        if d.files:
            self.files.setCurrentRow(0)
        self.files.setVisible(bool(d.files))
        self.no_files.setVisible(not d.files)
        self._sync_file_buttons()

    def _sync_file_buttons(self) -> None:
        chosen = self.files.currentItem() is not None
        self.open_file_button.setEnabled(chosen)
        self.save_file_button.setEnabled(chosen)
        self.open_file_button.setVisible(self.files.count() > 0)
        self.save_file_button.setVisible(self.files.count() > 0)

    def _emit_file(self, signal) -> None:
        item = self.files.currentItem()
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))

    def retranslate_ui(self) -> None:
        self.case_button.setText(self.tr("File a case…"))
        self.case_button.setToolTip(self.tr("File a case from this clue; the decision is due within 90 days of filing"))
        self.facts_box.setTitle(self.tr("Clue"))
        self.steps_box.setTitle(self.tr("Steps, newest first"))
        self.files_box.setTitle(self.tr("Files"))
        self.open_file_button.setText(self.tr("Open"))
        self.save_file_button.setText(self.tr("Save as…"))
        self.attach_button.setText(self.tr("Add files…"))
        self.no_files.setText(self.tr("No files yet."))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 2**20:
        return f"{size / 1024:.0f} KB"
    return f"{size / 2**20:.1f} MB"
