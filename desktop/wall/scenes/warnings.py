"""Thematic warnings (专题预警): how many of each kind today, and the most severe ones listed.

The rules are :mod:`core.credit.themes`' (complaints clustering in one place in a week; a
high-risk entity's licence about to expire); the figures carry them in that module's order,
most severe first. A line reads "12-05   稠城街道   投诉聚集：…": the day (the cluster's last
complaint, the licence's last valid day), the town and the rule's own title, which names no
risk class.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.wall.style import WallMetrics

from .base import WallScene
from .feed import fill_list
from .widgets import Tile, count_text, in_language, is_english

KINDS = ("complaint_cluster", "licence_expiring")
WARNING_ROWS = 12


def warning_line(theme, english: bool = False) -> str:
    """"12-05   稠城街道   投诉聚集：…" for one ThemeFigure, in the wall's language."""
    w = theme.warning
    town = theme.town_en if english and theme.town_en else theme.town_zh
    title = w.title_en if english and w.title_en else w.title_zh
    return "   ".join(part for part in (f"{w.day:%m-%d}", town, title) if part)


class WarningsScene(WallScene):
    """A tile per kind of warning on the left, the warnings themselves on the right."""

    scene_name = "warnings"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = {kind: Tile(self) for kind in KINDS}
        left = QVBoxLayout()
        for tile in self.tiles.values():
            left.addWidget(tile, 1)
        self.warnings = QListWidget(objectName="feedList")
        self.warnings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.warnings.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warnings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warnings.setWordWrap(True)
        self.calm = QLabel(objectName="calmCard", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        right = QVBoxLayout()
        right.addWidget(self.warnings, 1)
        right.addWidget(self.calm, 1)
        self._row = QHBoxLayout()
        self._row.addLayout(left, 1)
        self._row.addLayout(right, 3)
        self.body.addLayout(self._row, 1)
        self.calm.hide()
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Thematic warnings")

    def rescale(self, metrics: WallMetrics) -> None:
        super().rescale(metrics)
        sizes = metrics.sizes()
        self._row.setSpacing(sizes["gap"])
        for tile in self.tiles.values():
            tile.set_padding(sizes["gap"])
            tile.set_value_px(sizes["huge"])

    def show_figures(self, figures) -> None:
        themes = tuple(getattr(figures, "themes", ()) or ())
        for kind, tile in self.tiles.items():
            n = sum(1 for t in themes if t.warning.kind == kind)
            tile.set_value(count_text(n), "warn" if n else "good")
        english = is_english()
        fill_list(self.warnings, [warning_line(t, english) for t in themes[:WARNING_ROWS]])
        self.warnings.setVisible(bool(themes))
        self.calm.setVisible(not themes)
        city = in_language(figures.overview.city_zh, figures.overview.city_en)
        note = self.tr("%1 warnings").replace("%1", f"{len(themes):,}")
        self.note_label.setText(f"{city} · {note}" if city else note)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.tiles["complaint_cluster"].set_caption(self.tr("Complaint clusters this week"))
        self.tiles["licence_expiring"].set_caption(self.tr("Closely watched entities' licences expiring"))
        self.calm.setText(self.tr("No thematic warnings today"))
