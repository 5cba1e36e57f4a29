"""Trends of the last 30 days (pyqtgraph): new clues, closed clues and the overdue count.

The plot items are made once; a refresh only calls ``setData`` and sets the ticks.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.wall.style import WallMetrics, colour

from .base import WallScene

SERIES = (("new_clues", "accent"), ("closed", "good"), ("overdue", "bad"))


class TrendsScene(WallScene):
    """One line per series over the days of ``figures.trend``."""

    scene_name = "trends"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background=colour("ground"))
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.curves = {key: self.plot.plot([], [], name=key) for key, _ in SERIES}
        self.legend_labels = {key: QLabel(objectName="tileLabel") for key, _ in SERIES}
        legend = QHBoxLayout()
        for key, token in SERIES:
            label = self.legend_labels[key]
            label.setStyleSheet(f"color: {colour(token).name()};")
            legend.addWidget(label)
        legend.addStretch(1)
        self.body.addLayout(legend)
        self.body.addWidget(self.plot, 1)
        self.rescale(self.metrics)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Clues over the last 30 days")

    def rescale(self, metrics: WallMetrics) -> None:
        super().rescale(metrics)
        for key, token in SERIES:
            self.curves[key].setPen(pg.mkPen(colour(token), width=metrics.px(5)))
        font = QFont(self.font())
        font.setPixelSize(metrics.px(22))
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setTickFont(font)
            axis.setTextPen(pg.mkPen(colour("muted")))
            axis.setPen(pg.mkPen(colour("panel_edge"), width=metrics.px(2)))
        self.plot.getAxis("left").setWidth(metrics.px(90))
        self.plot.getAxis("bottom").setHeight(metrics.px(50))

    def show_figures(self, figures) -> None:
        days = tuple(figures.trend)
        xs = list(range(len(days)))
        for key, _ in SERIES:
            self.curves[key].setData(xs, [int(getattr(d, key, 0) or 0) for d in days])
        # Counts: whole-number ticks, about five of them.
        top = max([int(getattr(d, key, 0) or 0) for d in days for key, _ in SERIES] or [1])
        spacing = next(n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 10**9)
                       if n * 5 >= top)
        self.plot.getAxis("left").setTickSpacing(spacing, spacing)
        step = max(1, len(days) // 6)
        ticks = [(i, days[i].day.strftime("%m-%d")) for i in range(0, len(days), step)]
        self.plot.getAxis("bottom").setTicks([ticks, []])
        if days:
            last = days[-1]
            self.note_label.setText(self.tr("Today: %1 new, %2 closed, %3 overdue")
                                    .replace("%1", f"{last.new_clues:,}").replace("%2", f"{last.closed:,}")
                                    .replace("%3", f"{last.overdue:,}"))
        else:
            self.note_label.setText("")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.legend_labels["new_clues"].setText("━ " + self.tr("New clues"))
        self.legend_labels["closed"].setText("━ " + self.tr("Closed clues"))
        self.legend_labels["overdue"].setText("━ " + self.tr("Overdue"))
