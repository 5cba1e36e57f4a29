"""Weekly trend of one group (or the whole city): on-time rate above, clocks gone overdue below."""
from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.deadlines import WeekRow


class CountAxis(pg.AxisItem):
    """An axis for whole counts: ticks only on integers, whatever the range (no 0.5 or 1.5
    clocks). pyqtgraph picks 1-2-5 spacings; those below 1 are dropped, and a range too
    short for any is ticked at every integer."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float):  # noqa: N802,N803 - pyqtgraph override
        levels = [(float(round(spacing)), offset) for spacing, offset in super().tickSpacing(minVal, maxVal, size)
                  if spacing >= 1 - 1e-9 and abs(spacing - round(spacing)) < 1e-9]
        return levels or [(1.0, 0.0)]


class TrendPlot(QWidget):
    """Two plots sharing the week axis; ``set_weeks`` draws them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("efficiencyTrend")
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground(None)
        self.rate_plot = self.view.addPlot(row=0, col=0)
        self.overdue_plot = self.view.addPlot(row=1, col=0, axisItems={"left": CountAxis("left")})
        self.overdue_plot.setXLink(self.rate_plot)
        for plot in (self.rate_plot, self.overdue_plot):
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
        self.rate_plot.setYRange(0, 100)
        self._weeks: list[WeekRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.retranslate_ui()

    def set_weeks(self, weeks: Sequence[WeekRow]) -> None:
        self._weeks = list(weeks)
        self.rate_plot.clear()
        self.overdue_plot.clear()
        if not self._weeks:
            return
        xs = list(range(len(self._weeks)))
        rated = [(x, 100.0 * w.on_time_rate) for x, w in zip(xs, self._weeks) if w.on_time_rate is not None]
        if rated:
            self.rate_plot.plot([x for x, _ in rated], [y for _, y in rated], pen=pg.mkPen("#1f6feb", width=2),
                                symbol="o", symbolSize=6, symbolBrush="#1f6feb")
        heights = [w.overdue_opened for w in self._weeks]
        self.overdue_plot.addItem(pg.BarGraphItem(x=xs, height=heights, width=0.6, brush="#d1242f"))
        self.overdue_plot.setYRange(0, max(1, max(heights)) * 1.1, padding=0)
        self._fit_left_axes(max(heights))
        ticks = [(x, f"{w.week_start:%m-%d}") for x, w in zip(xs, self._weeks)]
        step = max(1, len(ticks) // 8)
        for plot in (self.rate_plot, self.overdue_plot):
            plot.getAxis("bottom").setTicks([ticks[::step]])
        self.rate_plot.setXRange(-0.5, len(xs) - 0.5, padding=0)

    def _fit_left_axes(self, top: int) -> None:
        """Both left axes as wide as the widest label either shows ("100" or the largest
        count): the weeks line up, and no label is hidden for want of room until the
        axis grows on a later paint."""
        widths = []
        for plot, widest in ((self.rate_plot, "100"), (self.overdue_plot, str(max(100, int(top * 1.1) + 1)))):
            axis = plot.getAxis("left")
            metrics = QFontMetrics(axis.style["tickFont"] or axis.font())
            widths.append(metrics.horizontalAdvance(widest) + axis.style["tickTextOffset"][0]
                          + max(0, axis.style["tickLength"]) + 2)
        for plot in (self.rate_plot, self.overdue_plot):
            plot.getAxis("left").setWidth(max(widths))

    def close_plots(self) -> None:
        """Take the plots down now (pyqtgraph items must not be left to the garbage collector)."""
        self.rate_plot.clear()
        self.overdue_plot.clear()
        self.view.clear()
        self.view.close()

    def weeks(self) -> list[WeekRow]:
        return list(self._weeks)

    def retranslate_ui(self) -> None:
        self.rate_plot.setTitle(self.tr("Done on time, % (by week due)"))
        self.overdue_plot.setTitle(self.tr("Clocks that went overdue"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
