"""The overdue bar chart counts clocks: its axis is ticked on whole numbers only."""
from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from core.deadlines import WeekRow
from desktop.efficiency.trend_plot import CountAxis, TrendPlot


def _ticks(axis, low, high, size=200):
    return [v for _spacing, values in axis.tickValues(low, high, size) for v in values]


@pytest.mark.parametrize("high", [0.3, 1.1, 2.2, 3.3, 7.7, 15.4, 55, 1_100, 123_456])
@pytest.mark.parametrize("size", [60, 200, 900])
def test_counts_are_ticked_on_whole_numbers_for_any_range(console_app, high, size):
    axis = CountAxis("left")
    values = _ticks(axis, 0, high, size)
    assert values, "the axis shows at least one tick"
    assert all(float(v).is_integer() for v in values), values
    assert min(values) >= 0 and max(values) <= high


def test_the_overdue_chart_uses_the_count_axis(console_app, qtbot):
    plot = TrendPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 400)
    monday = dt.date(2026, 9, 7)
    weeks = [WeekRow(monday + dt.timedelta(weeks=i), 2026, 37 + i, 2, 1, 0.5, overdue)
             for i, overdue in enumerate([0, 1, 0, 1, 1, 0])]
    plot.set_weeks(weeks)
    plot.show()
    qtbot.waitExposed(plot)
    axis = plot.overdue_plot.getAxis("left")
    assert isinstance(axis, CountAxis)
    low, high = plot.overdue_plot.viewRange()[1]
    values = _ticks(axis, low, high, axis.height() or 150)
    assert values and all(float(v).is_integer() for v in values), values
    plot.close_plots()
    plot.close()
    plot.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
