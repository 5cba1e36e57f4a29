"""List transitions and city scoring: the abnormal listings that reach three years soon
(企业信息公示暂行条例 Art. 17 moves them to the serious-violation list), the button that
moves those due today, and the whole city's rescoring.

Both changes need ``credit.manage`` (the leader, the administrator); the core checks it
again, audits every move and tells other consoles through the change bus.
"""
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

from core.credit import apply_transitions, due_transitions, score_city
from core.credit.lists import DueTransition
from core.db.database import Database
from desktop.tasks import TaskManager

SHOWN = 500  # rows listed; the count above the table says how many there are in all


class TransitionsPanel(QWidget):
    """Due and coming transitions for ``actor``; ``done(message)`` after a change, ``failed(error)``."""

    done = Signal(str)
    failed = Signal(object)
    loaded = Signal(list)   # list[DueTransition]
    entity_requested = Signal(int)  # a row was double-clicked: open that entity's panorama

    def __init__(self, db: Database, tasks: TaskManager, actor: str, *, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditTransitions")
        self._db, self._tasks, self._actor = db, tasks, actor
        self._today = today
        self._due: list[DueTransition] = []
        self._may_manage = False
        self.within = QSpinBox(minimum=0, maximum=365, value=30, singleStep=30, objectName="creditWithin")
        self.within.valueChanged.connect(lambda _v: self.refresh())
        self.within_label = QLabel()
        self.summary = QLabel(objectName="creditTransitionsSummary", wordWrap=True)
        self.table = QTableWidget(0, 4, objectName="creditTransitionsTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (1, 200), (3, 110)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.move_button = QPushButton(objectName="creditMoveDue")
        self.move_button.clicked.connect(lambda: self.move_due())
        self.score_button = QPushButton(objectName="creditScoreCity")
        self.score_button.clicked.connect(lambda: self.score_city())
        bar = QHBoxLayout()
        bar.addWidget(self.within_label)
        bar.addWidget(self.within)
        bar.addStretch(1)
        bar.addWidget(self.move_button)
        bar.addWidget(self.score_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    def set_may_manage(self, may: bool) -> None:
        self._may_manage = may
        self._sync_buttons()

    def due(self) -> list[DueTransition]:
        return list(self._due)

    def refresh(self) -> None:
        db, day, within = self._db, self._day(), self.within.value()
        self._run(lambda: due_transitions(db, day, within), self._on_loaded)

    def move_due(self, *, confirmed: bool = False) -> None:
        """Move the listings due today to the serious-violation list (after a confirmation)."""
        now = self._due_now()
        if not now or not self._may_manage:
            return
        if not confirmed and QMessageBox.question(
                self, self.tr("Move to the serious-violation list"),
                self.tr("Move %1 entities from the abnormal-operation list to the serious-violation list? They "
                        "have been listed for three years. Each move is audited and their classes are "
                        "recomputed.").replace("%1", f"{now:,}")) != QMessageBox.StandardButton.Yes:
            return
        db, actor, day = self._db, self._actor, self._day()
        self._tasks.run_with_progress(
            lambda progress, _cancelled: apply_transitions(db, actor, day, lambda f, _m: progress(f, "")),
            title=self.tr("Moving %1 listings…").replace("%1", f"{now:,}"),
            on_done=lambda result: self._after(
                self.tr("%1 entities moved to the serious-violation list; %2 classes changed.")
                .replace("%1", f"{result.moved:,}").replace("%2", f"{result.class_changes:,}")),
            on_error=self.failed.emit, parent=self)

    def score_city(self, *, confirmed: bool = False) -> None:
        """Rescore every entity with the active rule set and write the classes that change."""
        if not self._may_manage:
            return
        if not confirmed and QMessageBox.question(
                self, self.tr("Rescore the city"),
                self.tr("Recompute every entity's score and class with the active rule set? Classes that change "
                        "are written at once and drive the next draws.")) != QMessageBox.StandardButton.Yes:
            return
        db, actor, day = self._db, self._actor, self._day()
        self._tasks.run_with_progress(
            lambda progress, _cancelled: score_city(db, actor, as_of=day, progress=lambda f, _m: progress(f, "")),
            title=self.tr("Rescoring the city…"),
            on_done=lambda result: self._after(
                self.tr("Rule set v%1: %2 entities changed class.").replace("%1", str(result.rules_version))
                .replace("%2", f"{result.changed:,}")),
            on_error=self.failed.emit, parent=self)

    # ---- internals ------------------------------------------------------

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def _due_now(self) -> int:
        day = self._day()
        return sum(1 for d in self._due if d.moves_on <= day)

    def _run(self, fn: Callable[[], object], on_done: Callable[[object], None]) -> None:
        self._tasks.run(fn, on_done=on_done, on_error=self.failed.emit, owner=self)

    def _after(self, message: str) -> None:
        self.done.emit(message)
        self.refresh()

    def _on_loaded(self, due: list[DueTransition]) -> None:
        self._due = list(due)
        self._fill()
        self.loaded.emit(self._due)

    def _on_double_clicked(self, index) -> None:
        if 0 <= index.row() < len(self._due):
            self.entity_requested.emit(self._due[index.row()].entity_id)

    def _fill(self) -> None:
        day = self._day()
        shown = self._due[:SHOWN]
        self.table.setRowCount(len(shown))
        for r, d in enumerate(shown):
            for c, text in enumerate((d.moves_on.isoformat(), d.uscc, d.name, d.listed_on.isoformat())):
                item = QTableWidgetItem(text)
                if c == 0 and d.moves_on <= day:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(self.tr("Due now"))
                self.table.setItem(r, c, item)
        text = self.tr("%1 abnormal listings reach three years by %2; %3 of them are due now.").replace(
            "%1", f"{len(self._due):,}").replace("%2", (day + dt.timedelta(days=self.within.value())).isoformat()
                                                 ).replace("%3", f"{self._due_now():,}")
        if len(self._due) > SHOWN:
            text += " " + self.tr("The first %1 are listed.").replace("%1", f"{SHOWN:,}")
        self.summary.setText(text)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.move_button.setEnabled(self._may_manage and self._due_now() > 0)
        self.score_button.setEnabled(self._may_manage)
        for button in (self.move_button, self.score_button):
            button.setVisible(self._may_manage)

    def retranslate_ui(self) -> None:
        self.within_label.setText(self.tr("Coming within"))
        self.within.setSuffix(self.tr(" days"))
        self.move_button.setText(self.tr("Move those due now…"))
        self.score_button.setText(self.tr("Rescore the city…"))
        self.table.setToolTip(self.tr("Double-click an entity to open its panorama."))
        self.score_button.setToolTip(self.tr("Scores follow every new record by themselves; rescore the whole "
                                             "city after an import that bypassed them."))
        self.table.setHorizontalHeaderLabels([self.tr("Moves on"), self.tr("Credit code"), self.tr("Name"),
                                              self.tr("Listed on")])
        if self._due or self.summary.text():
            self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
