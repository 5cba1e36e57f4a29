"""Joint-plan suggestions (进一次门、查多项事): departments whose separate visits fell on the
same entities, the visits a joint batch would save, and the draft joint batch made on
request (after a confirmation; the draw services check the right and audit it)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.collab import create_joint_draft, suggest_joint
from desktop.tasks import TaskManager


class SuggestionsPage(QWidget):
    """``loaded`` when suggestions are listed; ``draft_created(batch_id)`` after one click.

    ``actor`` creates the draft batches ("" when the user may not: the button stays off);
    ``viewer`` is whose read scope the suggestions follow.
    """

    loaded = Signal()
    draft_created = Signal(int)

    def __init__(self, db, tasks: TaskManager, actor: str, lang: str, today: dt.date, *, viewer: str | None = None,
                 navigator=None,
                 on_error: Callable[[BaseException], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collabSuggestionsPage")
        self._db, self._tasks, self._actor, self.lang = db, tasks, actor, lang
        self._navigator, self._on_error, self._viewer = navigator, on_error, viewer
        self.suggestions: list = []
        self.department_names: dict[int, str] = {}
        self.confirm_box: QMessageBox | None = None
        self._generation = 0

        self.year_label = QLabel()
        self.year = QSpinBox(objectName="collabSuggestYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _v: self.load())
        self.note = QLabel(objectName="collabSuggestNote", wordWrap=True)
        self.table = QTableWidget(0, 6, objectName="collabSuggestions")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.create_button = QPushButton(objectName="collabCreateJoint")
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.ask_create)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.result = QLabel(objectName="collabSuggestResult", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_batch_button = QPushButton(objectName="collabOpenJoint")
        self.open_batch_button.hide()
        self.open_batch_button.clicked.connect(self._open_batch)
        result_bar = QHBoxLayout()
        result_bar.addWidget(self.result, 1)
        result_bar.addWidget(self.open_batch_button)
        bar = QHBoxLayout()
        bar.addWidget(self.year_label)
        bar.addWidget(self.year)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(result_bar)
        self.retranslate_ui()

    # -- loading -------------------------------------------------------------------------
    def load(self) -> None:
        self._generation += 1
        generation, db, year, viewer = self._generation, self._db, self.year.value(), self._viewer
        self.note.setText(self.tr("Loading…"))

        def work():
            from core.services.users import departments

            names = {d[0]: (d[2], d[3]) for d in departments(db)}
            return names, suggest_joint(db, year, viewer=viewer)

        self._tasks.run(work, on_done=lambda result: generation == self._generation and self.show_suggestions(*result),
                        on_error=self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.note.setText(self.tr("The suggestions could not be worked out."))
        if self._on_error is not None:
            self._on_error(error)

    def show_suggestions(self, names: dict[int, tuple[str, str]], suggestions) -> None:
        """List ``suggestions``; ``names`` are department (Chinese, English) names by id."""
        self._names = names
        self.suggestions = list(suggestions)
        self._fill()
        self.loaded.emit()

    def _name(self, department_id: int) -> str:
        zh, en = getattr(self, "_names", {}).get(department_id, (str(department_id), str(department_id)))
        return zh if self.lang.startswith("zh") or not en else en

    def _fill(self) -> None:
        joiner = "、" if self.lang.startswith("zh") else ", "
        self.table.setRowCount(len(self.suggestions))
        for row, s in enumerate(self.suggestions):
            cells = (joiner.join(self._name(d) for d in s.department_ids), f"{len(s.entity_ids):,}",
                     f"{s.visits_now:,}", f"{s.visits_joint:,}", f"{s.visits_saved:,}", " ".join(s.shared_matters))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if 1 <= column <= 4:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        saved = sum(s.visits_saved for s in self.suggestions)
        if not hasattr(self, "_names"):
            self.note.setText("")  # not loaded yet
        elif self.suggestions:
            self.note.setText(self.tr("Joint batches would save %1 visit(s) in all; choose one to draft it for %2.")
                              .replace("%1", f"{saved:,}").replace("%2", str(self.year.value() + 1)))
        else:
            self.note.setText(self.tr("No departments visited the same entities separately this year."))
        self._update_button()

    def _update_button(self) -> None:
        row = self.table.currentRow()
        self.create_button.setEnabled(bool(self._actor) and 0 <= row < len(self.suggestions))
        self.create_button.setToolTip("" if self._actor else self.tr("Your role does not plan draw batches."))

    # -- creating ------------------------------------------------------------------------
    def ask_create(self) -> QMessageBox | None:
        """Ask before drafting the chosen suggestion's joint batch (the box is window-modal)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.suggestions) or not self._actor:
            return None
        suggestion = self.suggestions[row]
        text = self.tr("Create a draft joint batch for %1 in %2's plan? It visits %3 entities once instead of "
                       "%4 separate visits; nothing is drawn until the batch is reviewed.")
        text = (text.replace("%1", self.table.item(row, 0).text()).replace("%2", str(self.year.value() + 1))
                .replace("%3", f"{len(suggestion.entity_ids):,}").replace("%4", f"{suggestion.visits_now:,}"))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Create joint batch"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("collabConfirmJoint")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and self._create(suggestion))
        self.confirm_box = box
        box.open()
        return box

    def _create(self, suggestion) -> None:
        db, actor = self._db, self._actor
        self.create_button.setEnabled(False)
        self._tasks.run(lambda: create_joint_draft(db, actor, suggestion), on_done=self._created,
                        on_error=self._create_failed, owner=self)

    def _created(self, batch_id: int) -> None:
        self.result.setText(self.tr("Draft joint batch #%1 created; review it in Double-random draws.")
                            .replace("%1", str(batch_id)))
        self._update_button()
        self._batch_id = batch_id
        self.open_batch_button.setVisible(getattr(self._navigator, "open_batch", None) is not None)
        self.draft_created.emit(batch_id)

    def _open_batch(self) -> None:
        open_batch = getattr(self._navigator, "open_batch", None)
        if open_batch is not None and getattr(self, "_batch_id", None) is not None:
            open_batch(self._batch_id)

    def _create_failed(self, error: BaseException) -> None:
        self._update_button()
        if self._on_error is not None:
            self._on_error(error)

    # -- words ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.year_label.setText(self.tr("History of year"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Departments (lead first)"), self.tr("Shared entities"), self.tr("Visits now"),
            self.tr("Joint visits"), self.tr("Visits saved"), self.tr("Shared matters")])
        self.create_button.setText(self.tr("Create the suggested joint batch as a draft…"))
        self.open_batch_button.setText(self.tr("Open the batch"))
        self._fill()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
