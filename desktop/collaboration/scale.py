"""The timeliness colour scale (on time → late) and its legend.

The scale is the only colour the collaboration views choose themselves: everything else
(backgrounds, text, node fills) comes from the palette, so both themes read. Green, amber
and red stay readable on a light and on a dark background alike.

Two measures use it: the graph's edges by their overdue share (0 % → 50 % and more), the
flow's bands by their median working days (0 → 10 and more; a clue is claimed within 5).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# on time, halfway, late: the three stops of every scale
STOPS = ((0.0, QColor("#2e9d4f")), (0.5, QColor("#e0a21b")), (1.0, QColor("#d13b2f")))
NO_DATA = QColor("#8a96a6")  # an edge or band with nothing timed


@dataclass(frozen=True)
class Scale:
    """Maps a measure from ``low`` (on time) to ``high`` (late, and beyond) onto the stops."""

    low: float
    high: float
    percent: bool = False

    def fraction(self, value: float | None) -> float | None:
        if value is None:
            return None
        span = self.high - self.low
        return min(1.0, max(0.0, (value - self.low) / span if span > 0 else 0.0))

    def color(self, value: float | None) -> QColor:
        """The colour of ``value``; grey when there is none."""
        t = self.fraction(value)
        return NO_DATA if t is None else color_at(t)

    def label(self, value: float) -> str:
        return f"{100 * value:.0f}%" if self.percent else f"{value:g}"


OVERDUE_SHARE = Scale(0.0, 0.5, percent=True)
MEDIAN_DAYS = Scale(0.0, 10.0)


def color_at(t: float) -> QColor:
    """The scale's colour at ``t`` in [0, 1], linear between the stops."""
    t = min(1.0, max(0.0, t))
    for (t0, c0), (t1, c1) in zip(STOPS, STOPS[1:]):
        if t <= t1:
            f = (t - t0) / (t1 - t0)
            return QColor.fromRgbF(c0.redF() + f * (c1.redF() - c0.redF()),
                                   c0.greenF() + f * (c1.greenF() - c0.greenF()),
                                   c0.blueF() + f * (c1.blueF() - c0.blueF()))
    return QColor(STOPS[-1][1])


class ScaleLegend(QWidget):
    """A gradient bar with its ends named: "on time … late", the measure and its values.

    ``set_texts(title, low, high)`` sets the words (the owner translates them); the bar's
    tick values come from the scale.
    """

    BAR_WIDTH = 160

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collabScaleLegend")
        self.scale = scale
        self._title = self._low = self._high = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_texts(self, title: str, low: str, high: str) -> None:
        self._title, self._low, self._high = title, low, high
        self.updateGeometry()
        self.update()

    def texts(self) -> tuple[str, str, str]:
        return self._title, self._low, self._high

    def _title_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self._title) + 10 if self._title else 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        fm = self.fontMetrics()
        low = fm.horizontalAdvance(f"{self._low} {self.scale.label(self.scale.low)}")
        high = fm.horizontalAdvance(f"{self.scale.label(self.scale.high)}+ {self._high}")
        return QSize(self._title_width() + max(self.BAR_WIDTH, low + high + 16), 2 * fm.height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        x0 = self._title_width()
        if self._title:
            painter.drawText(QRectF(0, 0, x0, self.height()), Qt.AlignmentFlag.AlignVCenter, self._title)
        bar = QRectF(x0, 3, self.width() - x0 - 1, fm.height() - 2)
        gradient = QLinearGradient(QPointF(bar.left(), 0), QPointF(bar.right(), 0))
        for t, colour in STOPS:
            gradient.setColorAt(t, colour)
        painter.fillRect(bar, gradient)
        painter.setPen(QPen(text, 0.5))
        painter.drawRect(bar)
        below = QRectF(x0, bar.bottom() + 3, bar.width(), fm.height() + 2)
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, f"{self._low} {self.scale.label(self.scale.low)}")
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, f"{self.scale.label(self.scale.high)}+ {self._high}")
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self.updateGeometry()
        super().changeEvent(event)
