"""The entity panorama (全景): header, tags, location map and tabs of what is known.

Loaded through the TaskManager; ``reload()`` after a change brings the new tags,
location and timeline rows. Tagging and location requests go up as signals: the
workspace owns the operations, so a selection and a single entity share one path.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.services.panorama import Panorama, load_panorama
from desktop import provisional as provisional_dates
from desktop.provisional import ProvisionalCaption, rows_note
from desktop.tasks import TaskManager

from . import vocabulary
from .errors import detail, headline
from .file_dialogs import ask_pdf_path
from .location_map import LocationMap
from .panorama_credit import CreditSection
from .panorama_fields import header_fields, label, no_tags
from .panorama_pdf import write_panorama_pdf
from .panorama_tables import (
    DRAW_COLUMNS,
    RowsModel,
    fit_header_widths,
    obligation_columns,
    open_item_columns,
)
from .reference import EntityReference
from .timeline_panel import TimelinePanel

_WIDE_FIELDS = ("address", "location")


def _chip_text_colour(background: str) -> str:
    c = QColor(background)
    return "#1d2733" if (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) > 160 else "#ffffff"


def _table(model: RowsModel, name: str, widths: tuple[int, ...]) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


class PanoramaView(QWidget):
    """Everything known about one entity, on one page."""

    loaded = Signal(object)  # Panorama
    load_failed = Signal(object)
    add_tags_requested = Signal(int)
    remove_tags_requested = Signal(int)
    location_requested = Signal(int)
    pdf_written = Signal(str)
    pdf_failed = Signal(object)

    def __init__(self, db: Database, tasks: TaskManager, entity_id: int, *, reference: EntityReference | None,
                 lang: str, show_risk: bool = True, today: dt.date | None = None, actor: str = "",
                 read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panoramaView")
        self._db, self._tasks, self._entity_id = db, tasks, entity_id
        self._reference, self._lang, self._show_risk = reference, lang, show_risk
        self._today = today or dt.date.today()
        self._actor, self._read_only = actor, read_only
        self._panorama: Panorama | None = None
        self._generation = 0

        self._stack = QStackedWidget()
        self._message = QLabel(objectName="panoramaMessage", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self._stack.addWidget(self._message)
        self._stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.retranslate_ui()
        self.reload()

    def _build_content(self) -> QWidget:
        content = QWidget(objectName="panoramaContent")
        self._name = QLabel(objectName="panoramaName")
        self._name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._status_badge = QLabel(objectName="panoramaStatus")
        self._buttons = {key: QPushButton(objectName=f"panorama_{key}") for key in
                         ("add_tags", "remove_tags", "location", "pdf", "refresh")}
        self._buttons["add_tags"].clicked.connect(lambda: self.add_tags_requested.emit(self._entity_id))
        self._buttons["remove_tags"].clicked.connect(lambda: self.remove_tags_requested.emit(self._entity_id))
        self._buttons["location"].clicked.connect(lambda: self.location_requested.emit(self._entity_id))
        self._buttons["pdf"].clicked.connect(self._on_pdf_clicked)
        self._buttons["refresh"].clicked.connect(self.reload)
        for key in ("add_tags", "remove_tags", "location"):
            self._buttons[key].setVisible(not self._read_only)
        title = QHBoxLayout()
        title.addWidget(self._name)
        title.addWidget(self._status_badge)
        title.addStretch(1)
        for button in self._buttons.values():
            title.addWidget(button)

        facts = QFrame(objectName="panoramaFacts")
        self._facts = QGridLayout(facts)
        self._facts.setContentsMargins(14, 10, 14, 10)
        self._facts.setHorizontalSpacing(14)
        self._facts.setVerticalSpacing(6)
        self._facts.setColumnStretch(1, 1)
        self._facts.setColumnStretch(3, 1)
        self._chips = QHBoxLayout()
        self._chips.setSpacing(6)
        self.map = LocationMap()
        self.map.setToolTip(self.tr("Town centres and the entity's position; picking a point on the map "
                                    "comes with the map workspace"))
        top = QHBoxLayout()
        top.addWidget(facts, 3)
        top.addWidget(self.map, 2)

        self.timeline = TimelinePanel(self._today)
        self._open_model = RowsModel(open_item_columns(self._today), self._today, self)
        self._draw_model = RowsModel(DRAW_COLUMNS, self._today, self)
        self._obligation_model = RowsModel(obligation_columns(self._today), self._today, self)
        self.tabs = QTabWidget(objectName="panoramaTabs")
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(_table(self._open_model, "openItemsTable", (110, 110, 260, 100, 96, 110)), "")
        self.tabs.addTab(_table(self._draw_model, "drawsTable", (320, 200, 130)), "")
        self.tabs.addTab(_table(self._obligation_model, "obligationsTable", (130, 260, 160, 96, 96, 96, 90)), "")
        self.credit = CreditSection(self._db, self._tasks, self._entity_id, actor=self._actor, lang=self._lang,
                                    today=self._today)
        self.credit.title_changed.connect(lambda text: self.tabs.setTabText(self.tabs.indexOf(self.credit), text))
        self.tabs.addTab(self.credit, "")

        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(10)
        layout.addLayout(title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.provisional = ProvisionalCaption()
        layout.addWidget(self.provisional)
        return content

    # ---- public API -----------------------------------------------------

    @property
    def entity_id(self) -> int:
        return self._entity_id

    @property
    def panorama(self) -> Panorama | None:
        """The last loaded panorama (None while the first load runs)."""
        return self._panorama

    def open_items_model(self) -> RowsModel:
        return self._open_model

    def reload(self) -> None:
        """Load the panorama again (after a change); the old one stays on show meanwhile."""
        self._generation += 1
        generation, db, entity_id, viewer = self._generation, self._db, self._entity_id, self._actor or None
        if self._panorama is None:
            self._message.setText(self.tr("Loading the panorama…"))
            self._stack.setCurrentIndex(0)
        cal = provisional_dates.calendar()  # the calendar the marks are made with
        self._tasks.run(lambda: load_panorama(db, entity_id, calendar=cal, viewer=viewer), on_done=lambda p: self._on_loaded(generation, p),
                        on_error=lambda e: self._on_load_failed(generation, e))
        self.credit.reload()

    def set_reference(self, reference: EntityReference | None) -> None:
        self._reference = reference
        self.map.set_reference(reference, self._lang)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.credit.set_language(lang)
        self.retranslate_ui()

    def export_pdf(self, path: Path) -> None:
        """Write the loaded panorama to ``path`` in a worker; ``pdf_written`` or ``pdf_failed`` follows."""
        if self._panorama is None:
            return
        p, ref, lang, show_risk, today, actor = (self._panorama, self._reference, self._lang, self._show_risk,
                                                 self._today, self._actor)
        family, credit = QApplication.font().family(), self.credit.panel
        self._tasks.run(lambda: write_panorama_pdf(Path(path), p, ref, lang, show_risk=show_risk, today=today,
                                                   font_family=family, generated_by=actor, credit=credit),
                        on_done=lambda written: self.pdf_written.emit(str(written)),
                        on_error=self.pdf_failed.emit)

    def retranslate_ui(self) -> None:
        texts = {"add_tags": self.tr("Add tags…"), "remove_tags": self.tr("Remove tags…"),
                 "location": self.tr("Correct location…"), "pdf": self.tr("Export PDF…"),
                 "refresh": self.tr("Refresh")}
        for key, text in texts.items():
            self._buttons[key].setText(text)
        self._buttons["location"].setToolTip(self.tr("Enter the position in WGS-84, GCJ-02 or BD-09; "
                                                     "it is stored as WGS-84"))
        for model in (self._open_model, self._draw_model, self._obligation_model, self.timeline.model):
            model.set_language(self._lang)
        for view in self.tabs.findChildren(QTableView):
            fit_header_widths(view)
        self.provisional.set_note(self.provisional.note, self._lang)
        self.map.set_reference(self._reference, self._lang)
        if self._panorama is not None:
            self._show(self._panorama)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- showing --------------------------------------------------------

    def _on_loaded(self, generation: int, panorama: Panorama) -> None:
        if generation != self._generation:
            return
        self._panorama = panorama
        self._show(panorama)
        self._stack.setCurrentIndex(1)
        self.loaded.emit(panorama)

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if self._panorama is None:
            self._message.setText(f"{headline(error)}\n\n{detail(error)}")
            self._stack.setCurrentIndex(0)
        self.load_failed.emit(error)

    def _show(self, p: Panorama) -> None:
        h = p.header
        self._name.setText(h.name)
        self._status_badge.setText(vocabulary.status(h.status))
        self._status_badge.setProperty("entityStatus", h.status)
        self._status_badge.style().unpolish(self._status_badge)
        self._status_badge.style().polish(self._status_badge)
        while self._facts.count():
            item = self._facts.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        fields = header_fields(h, self._lang, show_risk=self._show_risk)
        short = [(k, v) for k, v in fields if k not in _WIDE_FIELDS]
        for i, (key, value) in enumerate(short):
            self._add_fact(i // 2, (i % 2) * 2, key, value, span=1)
        row = (len(short) + 1) // 2
        for key, value in fields:
            if key in _WIDE_FIELDS:
                self._add_fact(row, 0, key, value, span=3)
                row += 1
        chips = QWidget()
        chips_layout = QHBoxLayout(chips)
        chips_layout.setContentsMargins(0, 0, 0, 0)
        chips_layout.setSpacing(6)
        for tag in h.tags:
            chip = QLabel(tag.name_en if self._lang == "en" else tag.name_zh, objectName="tagChip")
            chip.setToolTip(tag.meaning_en if self._lang == "en" else tag.meaning_zh)
            chip.setStyleSheet(f"background: {tag.colour}; color: {_chip_text_colour(tag.colour)};")
            chips_layout.addWidget(chip)
        if not h.tags:
            chips_layout.addWidget(QLabel(no_tags(), objectName="panoramaFactValue"))
        chips_layout.addStretch(1)
        self._facts.addWidget(QLabel(label("tags"), objectName="panoramaFactLabel"), row, 0)
        self._facts.addWidget(chips, row, 1, 1, 3)
        self.map.set_location(h.lat, h.lng)

        self.timeline.set_entries(p.timeline, self._lang)
        self._open_model.set_rows(p.open_items)
        self._draw_model.set_rows(p.draws)
        self._obligation_model.set_rows(p.obligations)
        self.provisional.set_note(rows_note(p.open_items + p.obligations), self._lang)
        overdue = sum(1 for item in p.open_items if item.overdue(self._today))
        titles = (self.tr("Timeline ({count})").format(count=len(p.timeline)),
                  self.tr("Open items ({count}, {overdue} overdue)").format(count=len(p.open_items), overdue=overdue)
                  if overdue else self.tr("Open items ({count})").format(count=len(p.open_items)),
                  self.tr("Draws ({count})").format(count=len(p.draws)),
                  self.tr("Double notification and commitments ({count})").format(count=len(p.obligations)))
        for index, text in enumerate(titles):
            self.tabs.setTabText(index, text)

    def _add_fact(self, row: int, column: int, key: str, value: str, *, span: int) -> None:
        name = QLabel(label(key), objectName="panoramaFactLabel")
        text = QLabel(value, objectName="panoramaFactValue",
                      textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        if key == "risk_class":
            text.setProperty("riskClass", self._panorama.header.risk_class if self._panorama else "")
        self._facts.addWidget(name, row, column)
        self._facts.addWidget(text, row, column + 1, 1, span)

    def _on_pdf_clicked(self) -> None:
        path = ask_pdf_path(self, self._panorama.header.name if self._panorama else "")
        if path is not None:
            self.export_pdf(path)
