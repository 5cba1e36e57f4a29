"""The map's side panel: how to colour and measure, counts, the drawn selection, and map actions."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.entities.search_bar import TagMultiSelect

from .query import COLOUR_BYS, MEASURES

SELECTION_ACTIONS = ("tag", "untag", "export", "pool", "clear")
MAP_ACTIONS = ("export_html", "export_png", "export_geojson", "wall", "tiles")


class MapPanel(QWidget):
    """Emits what the operator chose; the workspace decides what it means."""

    colour_changed = Signal(str, tuple)      # colour_by, colour tag ids
    measure_changed = Signal(str)
    level_changed = Signal(str)              # "town" | "village"
    draw_batch_changed = Signal(object)      # batch id or None
    selection_action = Signal(str)           # one of SELECTION_ACTIONS
    map_action = Signal(str)                 # one of MAP_ACTIONS

    def __init__(self, *, show_risk: bool = True, can_change: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.setMinimumWidth(220)
        self._show_risk = show_risk
        self._colour_keys = [k for k in COLOUR_BYS if show_risk or k != "risk"]
        self._measure_keys = [k for k in MEASURES if show_risk or k != "risk_d_share"]
        self.colour_combo = QComboBox(objectName="mapColourBy")
        self.colour_tags = TagMultiSelect(self)
        self.measure_combo = QComboBox(objectName="mapMeasure")
        self.level_combo = QComboBox(objectName="mapRegionLevel")
        self.regions_note = QLabel(objectName="mapRegionsNote", wordWrap=True)
        self._levels: tuple[str, ...] = ("town",)
        self._surveyed = False
        self.batch_combo = QComboBox(objectName="mapDrawBatch")
        self.batch_combo.setMinimumContentsLength(8)
        self.batch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.counts_label = QLabel(objectName="mapCounts", wordWrap=True)
        self.selection_label = QLabel(objectName="mapSelection", wordWrap=True)
        self.buttons: dict[str, QPushButton] = {}
        self._layers = QGroupBox()
        form = QFormLayout(self._layers)
        self._colour_caption, self._tags_caption = QLabel(), QLabel()
        self._measure_caption, self._batch_caption = QLabel(), QLabel()
        self._level_caption = QLabel()
        form.addRow(self._colour_caption, self.colour_combo)
        form.addRow(self._tags_caption, self.colour_tags)
        form.addRow(self._level_caption, self.level_combo)
        form.addRow(self._measure_caption, self.measure_combo)
        form.addRow(self.regions_note)
        form.addRow(self._batch_caption, self.batch_combo)
        self._counts = QGroupBox()
        QVBoxLayout(self._counts).addWidget(self.counts_label)
        self._selection = QGroupBox()
        sel = QVBoxLayout(self._selection)
        sel.addWidget(self.selection_label)
        for key in SELECTION_ACTIONS:
            sel.addWidget(self._button(key, self.selection_action))
        self._actions = QGroupBox()
        acts = QVBoxLayout(self._actions)
        for key in MAP_ACTIONS:
            acts.addWidget(self._button(key, self.map_action))
        self._filters = QGroupBox()
        self._filters_layout = QVBoxLayout(self._filters)
        self._filters_layout.setContentsMargins(6, 6, 6, 6)
        self._filters.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for box in (self._filters, self._counts, self._layers, self._selection, self._actions):
            layout.addWidget(box)
        layout.addStretch(1)
        for key in ("tag", "untag", "pool"):
            self.buttons[key].setVisible(can_change)
        self.buttons["wall"].setVisible(can_change)
        self.buttons["export_geojson"].setVisible(can_change)  # an audited export names its user
        self.colour_combo.currentIndexChanged.connect(self._on_colour_combo_changed)
        self.colour_tags.selection_changed.connect(self._on_colour_tags_selection_changed)
        self.measure_combo.currentIndexChanged.connect(self._on_measure_combo_changed)
        self.level_combo.currentIndexChanged.connect(self._on_level_combo_changed)
        self.batch_combo.currentIndexChanged.connect(self._on_batch_combo_changed)
        self._batches: list = []
        self.retranslate_ui()
        self.set_selection(None)
        self.set_counts(None, None)

    def _button(self, key: str, signal) -> QPushButton:
        button = QPushButton(objectName=f"map_{key}")
        button.clicked.connect(lambda: signal.emit(key))
        self.buttons[key] = button
        return button

    # ---- state in ---------------------------------------------------------

    def set_filters(self, widget: QWidget) -> None:
        """Show the filter bar (shared with the entity search) at the top of the panel."""
        self._filters_layout.addWidget(widget)
        self._filters.show()

    def set_tags(self, tags, lang: str) -> None:
        self.colour_tags.set_tags(tags, lang)

    def set_batches(self, batches) -> None:
        """Drawn batches (core.services.map_layers.DrawnBatch) for the overlay choice."""
        self._batches = list(batches)
        self._fill_batches()

    def select_batch(self, batch_id: int | None) -> bool:
        """Choose the drawn batch overlay ``batch_id`` (False when it is not listed)."""
        index = self.batch_combo.findData(batch_id)
        if index >= 0:
            self.batch_combo.setCurrentIndex(index)
        return index >= 0

    def set_counts(self, total: int | None, visible: int | None, elapsed_ms: float | None = None) -> None:
        if total is None:
            self.counts_label.setText(self.tr("Preparing the map…"))
            return
        text = self.tr("%1 entities match the filter; %2 in view.").replace(
            "%1", f"{total:,}").replace("%2", f"{visible:,}")
        if elapsed_ms is not None:
            text += "\n" + self.tr("Updated in %1 ms.").replace("%1", f"{elapsed_ms:.0f}")
        self.counts_label.setText(text)

    def set_selection(self, count: int | None) -> None:
        """``None``: nothing drawn; otherwise how many filtered entities the shape holds."""
        if count is None:
            self.selection_label.setText(self.tr("Draw a rectangle or polygon on the map to select entities."))
        else:
            self.selection_label.setText(self.tr("%1 entities selected.").replace("%1", f"{count:,}"))
        for key in SELECTION_ACTIONS:
            self.buttons[key].setEnabled(bool(count) or (key == "clear" and count is not None))

    def set_regions(self, levels: tuple[str, ...], surveyed: bool) -> None:
        """Which region levels the choropleth can colour (villages once their boundaries are
        imported) and whether the town regions are surveyed or approximate."""
        self._levels, self._surveyed = tuple(levels), surveyed
        self._fill_levels()

    def level(self) -> str:
        return self.level_combo.currentData() or "town"

    def colour_by(self) -> str:
        return self._colour_keys[max(0, self.colour_combo.currentIndex())]

    def measure(self) -> str:
        return self._measure_keys[max(0, self.measure_combo.currentIndex())]

    # ---- language ---------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._filters.setTitle(self.tr("Filter"))
        self._counts.setTitle(self.tr("Entities"))
        self._layers.setTitle(self.tr("Layers"))
        self._selection.setTitle(self.tr("Selection"))
        self._actions.setTitle(self.tr("Map"))
        self._colour_caption.setText(self.tr("Colour by"))
        self._tags_caption.setText(self.tr("Tags"))
        self._measure_caption.setText(self.tr("Regions show"))
        self._level_caption.setText(self.tr("Regions"))
        self._batch_caption.setText(self.tr("Drawn entities"))
        colour_words = {"risk": self.tr("Risk class"), "entity_type": self.tr("Entity type"),
                        "status": self.tr("Status"), "tags": self.tr("Chosen tags")}
        self._refill(self.colour_combo, [colour_words[k] for k in self._colour_keys])
        measure_words = {"entities": self.tr("Number of entities"), "risk_d_share": self.tr("Share of risk class D"),
                         "open_clues": self.tr("Open clues"), "overdue": self.tr("Overdue items")}
        self._refill(self.measure_combo, [measure_words[k] for k in self._measure_keys])
        words = {"tag": self.tr("Add tags…"), "untag": self.tr("Remove tags…"), "export": self.tr("Export list…"),
                 "pool": self.tr("Use as draw pool…"), "clear": self.tr("Clear selection"),
                 "export_html": self.tr("Export as HTML…"), "export_png": self.tr("Export as PNG…"),
                 "export_geojson": self.tr("Export as GeoJSON…"),
                 "wall": self.tr("Push to wall…"), "tiles": self.tr("Base map…")}
        for key, button in self.buttons.items():
            button.setText(words[key])
        self._fill_batches()
        self._fill_levels()
        self._sync_tags_enabled()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _refill(self, combo: QComboBox, texts: list[str]) -> None:
        index = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(texts)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _fill_batches(self) -> None:
        current = self.batch_combo.currentData()
        self.batch_combo.blockSignals(True)
        self.batch_combo.clear()
        self.batch_combo.addItem(self.tr("None"), None)
        for b in self._batches:
            self.batch_combo.addItem(f"{b.name} ({b.drawn:,})", b.id)
        found = self.batch_combo.findData(current)
        self.batch_combo.setCurrentIndex(max(0, found))
        self.batch_combo.blockSignals(False)

    def _fill_levels(self) -> None:
        current = self.level()
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        self.level_combo.addItem(self.tr("Towns"), "town")
        self.level_combo.addItem(self.tr("Villages and communities"), "village")
        villages = "village" in self._levels
        self.level_combo.model().item(1).setEnabled(villages)
        self.level_combo.setCurrentIndex(1 if villages and current == "village" else 0)
        self.level_combo.setToolTip("" if villages else self.tr(
            "Import surveyed village boundaries (tongguan geo import villages) to colour villages."))
        self.level_combo.blockSignals(False)
        if self._surveyed:
            note = self.tr("Surveyed boundaries.")
        elif villages:
            note = self.tr("Town regions are approximate (Voronoi cells); village boundaries are surveyed.")
        else:
            note = self.tr("Town regions are approximate (Voronoi cells), not surveyed boundaries.")
        self.regions_note.setText(note)
        if current == "village" and not villages:
            self.level_changed.emit("town")

    def _sync_tags_enabled(self) -> None:
        self.colour_tags.setEnabled(self.colour_by() == "tags")

    # ---- slots ------------------------------------------------------------

    def _on_colour_combo_changed(self, _index: int) -> None:
        self._sync_tags_enabled()
        self.colour_changed.emit(self.colour_by(), self.colour_tags.selected_ids())

    def _on_colour_tags_selection_changed(self, ids: tuple) -> None:
        if self.colour_by() == "tags":
            self.colour_changed.emit("tags", tuple(ids))

    def _on_measure_combo_changed(self, _index: int) -> None:
        self.measure_changed.emit(self.measure())

    def _on_level_combo_changed(self, _index: int) -> None:
        self.level_changed.emit(self.level())

    def _on_batch_combo_changed(self, _index: int) -> None:
        self.draw_batch_changed.emit(self.batch_combo.currentData())
