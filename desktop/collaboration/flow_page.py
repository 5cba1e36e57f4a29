"""The case flow tab: filters (source, matter, town, department), the Sankey-style flow with
its legend, the stage times with the slowest stage named, and the clues behind a band."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.collab import SOURCES, Period, build_flow, clue_items
from desktop.tasks import TaskManager

from .flow_view import FlowView
from .items_panel import ItemsPanel
from .scale import MEDIAN_DAYS, ScaleLegend
from .stage_table import StageTable
from .words import days_text, flow_label, source_name, stage_name
from .period_loading import PeriodLoading

RIGHT_MIN_W = 320


class FlowPage(PeriodLoading, QWidget):
    """``loaded`` when a flow is on show; ``items_shown(n)`` when a band's clues are listed."""

    loaded = Signal()
    items_shown = Signal(int)

    def __init__(self, db, tasks: TaskManager, viewer: str | None, lang: str, *, navigator=None,
                 on_error: Callable[[BaseException], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collabFlowPage")
        self._db, self._tasks, self._viewer, self.lang = db, tasks, viewer, lang
        self._on_error = on_error
        self.period: Period | None = None
        self.flow = None
        self.reference = None  # desktop.cases.reference.CasesReference, loaded once
        self._generation = 0
        self._band: tuple[str, str] | None = None

        self.filter_label = QLabel()
        self.source_combo = QComboBox(objectName="collabFlowSource")
        self.matter_combo = QComboBox(objectName="collabFlowMatter")
        self.town_combo = QComboBox(objectName="collabFlowTown")
        self.department_combo = QComboBox(objectName="collabFlowDepartment")
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        for combo in (self.source_combo, self.matter_combo, self.town_combo, self.department_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(11)
            combo.currentIndexChanged.connect(self._on_filter_changed)
            bar.addWidget(combo)
        bar.addStretch(1)

        self.view = FlowView()
        self.caption = QLabel(objectName="collabFlowCaption")
        # captions take the room the legend leaves and never widen the window (tooltips keep them whole)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend = ScaleLegend(MEDIAN_DAYS)
        legend_bar = QHBoxLayout()
        legend_bar.addWidget(self.caption, 1)
        legend_bar.addWidget(self.legend)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(legend_bar)

        self.slowest = QLabel(objectName="collabSlowestStage", wordWrap=True)
        self.stages = StageTable()
        stage_box = QWidget()
        stage_layout = QVBoxLayout(stage_box)
        stage_layout.setContentsMargins(0, 0, 0, 0)
        stage_layout.addWidget(self.slowest)
        stage_layout.addWidget(self.stages)
        self.items = ItemsPanel(navigator)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(stage_box)
        right.addWidget(self.items)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        right.setMinimumWidth(RIGHT_MIN_W)
        self.splitter.setSizes([900, 480])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.view.band_clicked.connect(self._on_band_clicked)
        self.retranslate_ui()

    # -- names ---------------------------------------------------------------------------
    def department_names(self) -> dict[int, str]:
        return self.reference.department_names(self.lang) if self.reference is not None else {}

    def label(self, key: str) -> str:
        return flow_label(key, self.lang, self.department_names())

    def filters(self) -> dict:
        return {"source": self.source_combo.currentData(), "matter": self.matter_combo.currentData(),
                "town": self.town_combo.currentData(), "department": self.department_combo.currentData()}

    def as_view(self) -> dict:
        return {k: v for k, v in self.filters().items() if v is not None}

    def set_filters(self, **chosen) -> None:
        """Choose filter values (by data) without a reload per combo."""
        combos = {"source": self.source_combo, "matter": self.matter_combo, "town": self.town_combo,
                  "department": self.department_combo}
        for name, value in chosen.items():
            combo = combos[name]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    # -- loading -------------------------------------------------------------------------
    def load(self, period: Period) -> None:
        """Build the flow of ``period`` with the chosen filters (and the names, the first time)."""
        db, viewer, f = self._db, self._viewer, self.filters()
        need_reference = self.reference is None
        self.caption.setText(self.tr("Loading…"))

        def work():
            from desktop.cases.reference import load_cases_reference

            reference = load_cases_reference(db) if need_reference else None
            return build_flow(db, period, viewer=viewer, **f), reference

        self._run_load(period, work)

    def show_flow(self, flow, reference=None) -> None:
        """Show an already built flow (the loader's answer; tests hand one in)."""
        if reference is not None:
            self.reference = reference
            self._fill_filters()
        self.flow = flow
        self._band = None
        self.items.clear_items()
        self._draw()
        self.loaded.emit()

    def _show_result(self, flow, reference) -> None:
        self.show_flow(flow, reference)

    def _failed_text(self) -> str:
        return self.tr("The flow could not be built.")

    # -- drawing -------------------------------------------------------------------------
    def _draw(self) -> None:
        flow = self.flow
        if flow is None:
            return
        self.view.show_flow(flow.bands, self.label, self._headers())
        if not flow.bands:
            self.caption.setText(self.tr("No clues in this period with these filters."))
        else:
            self.caption.setText(self.tr("Clues: %1. Hover a band for figures, click it for its clues.")
                                 .replace("%1", f"{flow.clue_count:,}"))
        self.caption.setToolTip(self.caption.text())
        names = self.department_names()
        slowest = flow.slowest_stage()
        self.stages.show_stages(flow.stages, slowest, names, self.lang)
        if slowest is None:
            self.slowest.setText(self.tr("No stage has a duration yet."))
        else:
            who = self.tr("All departments") if slowest.department_id is None else names.get(slowest.department_id, "")
            self.slowest.setText(self.tr("Time is lost most at: %1, %2 (median %3).")
                                 .replace("%1", stage_name(slowest.stage)).replace("%2", who)
                                 .replace("%3", days_text(slowest.median_days)))

    def _headers(self) -> list[str]:
        return [self.tr("Source"), self.tr("Routed to"), self.tr("Transferred to"), self.tr("Outcome")]

    def _fill_filters(self) -> None:
        ref, lang = self.reference, self.lang
        chosen = self.filters()
        any_text = {self.source_combo: self.tr("All sources"), self.matter_combo: self.tr("All matters"),
                    self.town_combo: self.tr("All towns"), self.department_combo: self.tr("All departments")}
        entries = {
            self.source_combo: [(source_name(s, lang), s) for s in SOURCES],
            self.matter_combo: ([(f"{m.code} {m.name_zh if lang.startswith('zh') or not m.name_en else m.name_en}",
                                  m.id) for _d, m in ref.matters()] if ref else []),
            self.town_combo: [(t.name(lang), t.code) for t in ref.towns] if ref else [],
            self.department_combo: [(d.name(lang), d.id) for d in ref.departments] if ref else [],
        }
        for combo, items in entries.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text[combo], None)
            for text, data in items:
                combo.addItem(text, data)
            combo.blockSignals(False)
        self.set_filters(**chosen)
        self.source_combo.setToolTip(self.tr("Clue source"))
        self.matter_combo.setToolTip(self.tr("Matter"))
        self.town_combo.setToolTip(self.tr("Town"))
        self.department_combo.setToolTip(self.tr("Department"))

    # -- clicks --------------------------------------------------------------------------
    def _on_band_clicked(self, band) -> None:
        self._band = (band.source, band.target)
        key, title = self._band, f"{self.label(band.source)} → {self.label(band.target)}"
        self.items.show_items(title, [])
        self.items.title.setText(self.tr("Loading…"))
        db, ids = self._db, band.clue_ids
        self._tasks.run(lambda: clue_items(db, ids), on_done=lambda items: self._on_items(key, title, items),
                        on_error=self._on_error, owner=self)

    def _on_items(self, key, title: str, items) -> None:
        if key != self._band:
            return
        self.items.show_items(title, items, total=self.flow.band(*key).count if self.flow else None)
        self.items_shown.emit(len(items))

    def retranslate_ui(self) -> None:
        self.filter_label.setText(self.tr("Filters:"))
        self.legend.set_texts(self.tr("Median working days:"), self.tr("fast"), self.tr("slow"))
        self._fill_filters()
        self._draw()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._fill_filters()
        self._draw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
