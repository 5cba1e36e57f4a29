"""Rankings: overdue clues by department and by town, as painted horizontal bars."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.wall.style import WallMetrics, colour, heat_colour

from .base import WallScene
from .map import town_name
from .widgets import count_text

TOP = 10


class BarList(QWidget):
    """The first :data:`TOP` rows (name, value) as bars, longest first; repaints on ``set_rows``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[tuple[str, int], ...] = ()
        self.metrics = WallMetrics(1080)

    def set_rows(self, rows: Sequence[tuple[str, int]]) -> None:
        rows = tuple(sorted(rows, key=lambda r: -r[1])[:TOP])
        if rows != self.rows:
            self.rows = rows
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        m = self.metrics
        if not self.rows:
            return
        font = QFont(self.font())
        font.setPixelSize(m.px(28))
        painter.setFont(font)
        fm = painter.fontMetrics()
        slot = self.height() / TOP
        bar_h = min(slot * 0.7, m.px(60))
        name_w = min(self.width() * 0.4, max(fm.horizontalAdvance(n) for n, _ in self.rows) + m.px(16))
        value_w = fm.horizontalAdvance("0" * 7)
        room = max(1.0, self.width() - name_w - value_w - m.px(16))
        top = max(1, self.rows[0][1])
        for i, (name, value) in enumerate(self.rows):
            y = i * slot + (slot - bar_h) / 2
            painter.setPen(colour("text"))
            painter.drawText(QRectF(0, y, name_w - m.px(12), bar_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(name, Qt.TextElideMode.ElideRight, int(name_w - m.px(12))))
            width = room * value / top
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(heat_colour(value / top))
            painter.drawRoundedRect(QRectF(name_w, y, max(width, m.px(3)), bar_h), m.px(6), m.px(6))
            painter.setPen(colour("text"))
            painter.drawText(QRectF(name_w + width + m.px(12), y, value_w + m.px(8), bar_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, count_text(value))


class RankingsScene(WallScene):
    """Overdue by department (left) and by town (right)."""

    scene_name = "rankings"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.departments, self.towns = BarList(self), BarList(self)
        self.department_caption, self.town_caption = QLabel(objectName="tileLabel"), QLabel(objectName="tileLabel")
        row = QHBoxLayout()
        for caption, bars in ((self.department_caption, self.departments), (self.town_caption, self.towns)):
            column = QVBoxLayout()
            column.addWidget(caption)
            column.addWidget(bars, 1)
            row.addLayout(column, 1)
        self._row = row
        self.body.addLayout(row, 1)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Overdue clues: who and where")

    def rescale(self, metrics: WallMetrics) -> None:
        super().rescale(metrics)
        self._row.setSpacing(metrics.px(60))
        for bars in (self.departments, self.towns):
            bars.metrics = metrics
            bars.update()

    def show_figures(self, figures) -> None:
        self.departments.set_rows([(town_name(r), int(r.overdue)) for r in figures.departments])
        self.towns.set_rows([(town_name(r), int(r.overdue)) for r in figures.town_ranking])

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.department_caption.setText(self.tr("By department"))
        self.town_caption.setText(self.tr("By town"))
