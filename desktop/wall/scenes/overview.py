"""City overview: the handful of numbers a leader asks for first, in type readable across the room."""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from desktop.wall.style import WallMetrics

from .base import WallScene
from .widgets import Tile, count_text, rate_text

# (key, tone rule) in reading order; the tone marks a figure that needs attention.
FIGURES = ("entities", "open_clues", "on_time_rate", "overdue", "claim_rate", "inspections_today", "draws_today")


def _rate_tone(rate: float | None) -> str:
    if rate is None:
        return ""
    return "good" if rate >= 0.9 else "warn" if rate >= 0.7 else "bad"


class OverviewScene(WallScene):
    """Entities, open clues, on-time rate, overdue, 双告知 claim rate, today's inspections and draws."""

    scene_name = "overview"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {key: Tile(self) for key in FIGURES}
        self._grid = QGridLayout()
        self.body.addLayout(self._grid, 1)
        self._columns = 0
        self._place(4)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("City overview")

    def _place(self, columns: int) -> None:
        """Lay the tiles out ``columns`` to a row (the same widgets, moved, never rebuilt)."""
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, index // columns, index % columns)
        for column in range(len(FIGURES)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def rescale(self, metrics: WallMetrics) -> None:
        super().rescale(metrics)
        # A spliced wall (32:9) takes every figure in one row; 16:9 in two.
        self._place(len(FIGURES) if self.width() > 2.4 * max(1, self.height()) else 4)
        gap = metrics.sizes()["gap"]
        self._grid.setSpacing(gap)
        for tile in self.tiles.values():
            tile.set_padding(gap)
            tile.set_value_px(metrics.sizes()["huge"])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.rescale(self.metrics)

    def show_figures(self, figures) -> None:
        o = figures.overview
        self.tiles["entities"].set_value(count_text(o.entities))
        self.tiles["open_clues"].set_value(count_text(o.open_clues))
        self.tiles["on_time_rate"].set_value(rate_text(o.on_time_rate), _rate_tone(o.on_time_rate))
        self.tiles["overdue"].set_value(count_text(o.overdue), "bad" if o.overdue else "good")
        self.tiles["claim_rate"].set_value(rate_text(o.claim_rate), _rate_tone(o.claim_rate))
        self.tiles["inspections_today"].set_value(count_text(o.inspections_today))
        self.tiles["draws_today"].set_value(count_text(o.draws_today))
        self.note_label.setText(as_of_text(figures))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        captions = {
            "entities": self.tr("Market entities"),
            "open_clues": self.tr("Open clues"),
            "on_time_rate": self.tr("Handled on time"),
            "overdue": self.tr("Overdue"),
            "claim_rate": self.tr("Dual-notification claims"),
            "inspections_today": self.tr("Inspections today"),
            "draws_today": self.tr("Draws today"),
        }
        for key, text in captions.items():
            self.tiles[key].set_caption(text)


def as_of_text(figures) -> str:
    """"As of 14:05" for the figures' time, or empty when they carry none."""
    from PySide6.QtCore import QCoreApplication

    at = figures.overview.as_of
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone()
    return QCoreApplication.translate("WallScenes", "As of %1").replace("%1", at.strftime("%H:%M:%S"))
