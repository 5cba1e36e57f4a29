"""The Warnings tab (风险预警): the model's warnings with their factors, reviewed by a person.

A warning never becomes a clue by itself: the reviewer reads its factors (each with its weight
in the score), writes a note and decides: keep it in view, dismiss it, or make a clue of it
(through the clue intake, source "model"). Loading and every decision run in a worker
(core.credit.warning_store); the tab shows what the core returns.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.credit.warning import value_in
from core.db.database import Database
from desktop.entities.errors import show_error
from desktop.i18n import current_language
from desktop.tasks import TaskManager

translate = QCoreApplication.translate
STATUS_NAMES = {
    "new": QT_TRANSLATE_NOOP("WarningsPanel", "New"),
    "reviewed": QT_TRANSLATE_NOOP("WarningsPanel", "Kept in view"),
    "dismissed": QT_TRANSLATE_NOOP("WarningsPanel", "Dismissed"),
    "made_clue": QT_TRANSLATE_NOOP("WarningsPanel", "Made a clue"),
}
OPEN = ("new", "reviewed")
LIMIT = 500
_UP = QBrush(QColor("#b3261e"))    # raises the score
_DOWN = QBrush(QColor("#1a7f37"))  # lowers it


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class WarningsPanel(QWidget):
    """Warnings (highest score first) on the left; the chosen one's factors and the decision on the right.

    ``loaded`` is emitted after each load with the number of warnings shown.
    """

    loaded = Signal(int)

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str = "zh_CN",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningsPanel")
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self.rows: list = []
        self.summary: dict | None = None
        self._loaded_once = False  # the first load waits until the tab is shown

        self.caption = QLabel(objectName="warningsCaption", wordWrap=True)
        self.refresh_button = QPushButton(objectName="warningsRefresh")
        bar = QHBoxLayout()
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 4, objectName="warningsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.factors = QTableWidget(0, 3, objectName="warningsFactors")
        self.factors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.factors.verticalHeader().hide()
        self.factors.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.factors.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.entity_label = QLabel(objectName="warningsEntity", wordWrap=True)
        self.factors_caption = QLabel(objectName="warningsFactorsCaption", wordWrap=True)
        self.note = QLineEdit(objectName="warningsNote")
        self.keep_button = QPushButton(objectName="warningsKeep")
        self.dismiss_button = QPushButton(objectName="warningsDismiss")
        self.clue_button = QPushButton(objectName="warningsMakeClue")
        buttons = QHBoxLayout()
        for b in (self.keep_button, self.dismiss_button, self.clue_button):
            buttons.addWidget(b)
        detail = QWidget()
        side = QVBoxLayout(detail)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.entity_label)
        side.addWidget(self.factors_caption)
        side.addWidget(self.factors, 1)
        side.addWidget(self.note)
        side.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([520, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.retranslate_ui()
        self.refresh_button.clicked.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.keep_button.clicked.connect(lambda: self.decide("reviewed"))
        self.dismiss_button.clicked.connect(lambda: self.decide("dismissed"))
        self.clue_button.clicked.connect(lambda: self.decide("made_clue"))
        self._show_detail(None)

    # ---- loading and deciding -------------------------------------------

    def reload(self) -> None:
        """Read the warnings and the model's summary again (in a worker)."""
        from core.credit.warning_store import list_warnings, model_summary

        db, actor = self._db, self._actor or None

        def load():
            return list_warnings(db, actor, limit=LIMIT), model_summary(db)

        self._tasks.run(load, on_done=self._on_loaded,
                        on_error=lambda e: show_error(self, self.tr("Warnings not loaded"), e), owner=self)

    def decide(self, decision: str) -> None:
        """Record the reviewer's decision on the chosen warning (in a worker), then reload."""
        from core.credit.warning_store import review_warning

        warning = self.current()
        if warning is None or warning.status not in OPEN:
            return
        db, actor, note = self._db, self._actor, self.note.text()
        self._set_buttons(False)
        self._tasks.run(lambda: review_warning(db, actor, warning.id, decision, note),
                        on_done=self._on_decided, on_error=self._on_decide_failed, owner=self)

    def current(self):
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _on_loaded(self, result) -> None:
        chosen = self.current()
        self.rows, self.summary = result
        self.table.setRowCount(len(self.rows))
        for r, w in enumerate(self.rows):
            name = _item(w.name)
            name.setToolTip(f"{w.name}\n{w.uscc}")  # the code is in the detail too: the name keeps the room
            cells = (_item(f"{w.rank:,}", True), _item(f"{w.score:.3f}", True), name,
                     _item(translate("WarningsPanel", STATUS_NAMES[w.status])))
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        self._set_caption()
        again = next((i for i, w in enumerate(self.rows) if chosen is not None and w.id == chosen.id), None)
        if again is not None:
            self.table.selectRow(again)
        self._show_detail(self.current())
        self.loaded.emit(len(self.rows))

    def _on_decided(self, _row) -> None:
        self.note.clear()
        self.reload()

    def _on_decide_failed(self, error: BaseException) -> None:
        self._show_detail(self.current())
        show_error(self, self.tr("Decision not recorded"), error)

    def _on_table_selection_changed(self) -> None:
        self._show_detail(self.current())

    # ---- showing ---------------------------------------------------------

    def _zh(self) -> bool:
        return self._lang.startswith("zh")

    def _show_detail(self, warning) -> None:
        self.factors.setRowCount(0)
        if warning is None:
            self.entity_label.setText(self.tr("Choose a warning to see why the model raised it."))
            self._set_buttons(False)
            return
        status = translate("WarningsPanel", STATUS_NAMES[warning.status])
        text = self.tr("%1 (%2): score %3, %4").replace("%1", warning.name).replace("%2", warning.uscc)
        text = text.replace("%3", f"{warning.score:.3f}").replace("%4", status)
        if warning.clue_id:
            text += " · " + self.tr("clue %1").replace("%1", str(warning.clue_id))
        self.entity_label.setText(text)
        self.factors.setRowCount(len(warning.factors))
        for r, f in enumerate(warning.factors):
            weight = _item(f"{f['weight']:+.2f}", True)
            weight.setForeground(_UP if f["weight"] > 0 else _DOWN)
            self.factors.setItem(r, 0, _item(f["zh"] if self._zh() else f["en"]))
            self.factors.setItem(r, 1, _item(value_in(f["value"], self._lang)))
            self.factors.setItem(r, 2, weight)
        self._set_buttons(warning.status in OPEN)

    def _set_buttons(self, enabled: bool) -> None:
        for b in (self.keep_button, self.dismiss_button, self.clue_button):
            b.setEnabled(enabled)
        self.note.setEnabled(enabled)

    def _set_caption(self) -> None:
        s = self.summary
        if not s:
            self.caption.setText(self.tr("No model run yet: the leader runs `tongguan warning train`."))
            return
        text = self.tr("Model %1 (trained %2): of the top %3 in the held-out year, %4 found a problem; "
                       "random ranking %5, class ranking %6. It ranks for attention and never replaces the "
                       "random draw.")
        for key, value in (("%1", s["version"]), ("%2", s.get("trained_on", s["until"])), ("%3", f"{s['k']:,}"),
                           ("%4", f"{s['precision_at_k']:.0%}"), ("%5", f"{s['random_precision_at_k']:.0%}"),
                           ("%6", f"{s['class_precision_at_k']:.0%}")):
            text = text.replace(key, value)
        self.caption.setText(text)

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Score"), self.tr("Entity"), self.tr("Status")])
        self.factors.setHorizontalHeaderLabels([self.tr("Factor"), self.tr("Value"), self.tr("Weight")])
        self.factors_caption.setText(self.tr("Each factor's weight in the score, against the average entity: "
                                             "red raises it, green lowers it."))
        self.note.setPlaceholderText(self.tr("Note on the decision (optional)"))
        self.keep_button.setText(self.tr("Keep in view"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.clue_button.setText(self.tr("Make a clue"))
        if self.rows or self.summary is not None:
            self._on_loaded((self.rows, self.summary))
        else:
            self._show_detail(None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
        super().changeEvent(event)
