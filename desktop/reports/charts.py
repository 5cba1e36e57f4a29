"""Bar charts of a printed report, painted with QPainter onto an image (no widget, no plot library).

Horizontal grouped bars: long department and town names fit on the left at full length, and
a chart of 2 or 14 labels reads the same. Safe in a worker thread (QImage, not QPixmap).
The palette is a print palette (white paper), not the console's theme.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from core.reports.leadership_tables import Chart

PRINT_COLOURS = ("#1f5fa8", "#e07b39", "#3a9a5b", "#b03a48")
WIDTH = 1800  # pixels; printed ~16.5 cm wide
BAR = 32
GAP = 14


def _value_text(value: float, percent: bool) -> str:
    return f"{100 * value:.1f}%" if percent else f"{value:,.0f}"


def render_chart(chart: Chart, font_family: str) -> QImage:
    """The chart as an image: title, legend, one group of bars per label, values at the bar ends."""
    font = QFont(font_family)
    font.setPixelSize(28)
    title_font = QFont(font)
    title_font.setPixelSize(34)
    title_font.setBold(True)
    metrics = QFontMetricsF(font)
    n_series = max(1, len(chart.series))
    labels = chart.labels or ["—"]
    group = n_series * BAR + GAP
    top = 110
    height = int(top + len(labels) * group + 30)
    image = QImage(WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(title_font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(0, 0, WIDTH, 46), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         chart.title)
        painter.setFont(font)
        x = 0.0
        for k, (name, _values) in enumerate(chart.series):
            painter.fillRect(QRectF(x, 60, 26, 26), QColor(PRINT_COLOURS[k % len(PRINT_COLOURS)]))
            painter.setPen(QColor("#222222"))
            painter.drawText(QRectF(x + 34, 56, 400, 34), int(Qt.AlignmentFlag.AlignVCenter), name)
            x += 34 + metrics.horizontalAdvance(name) + 40
        label_w = min(max((metrics.horizontalAdvance(s) for s in labels), default=0) + 16, WIDTH * 0.38)
        value_w = metrics.horizontalAdvance("100.0%" if chart.percent else "0,000,000") + 16
        plot_w = WIDTH - label_w - value_w
        peak = max((v for _, values in chart.series for v in values), default=0) or 1
        if chart.percent:
            peak = max(peak, 0.01)
        painter.setPen(QColor("#999999"))
        painter.drawLine(int(label_w), top - 6, int(label_w), height - 24)
        for i, label in enumerate(labels):
            y = top + i * group
            painter.setPen(QColor("#222222"))
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 16)
            painter.drawText(QRectF(0, y, label_w - 12, n_series * BAR),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), elided)
            for k, (_name, values) in enumerate(chart.series):
                value = values[i] if i < len(values) else 0
                w = plot_w * (value / peak) if peak else 0
                bar = QRectF(label_w + 1, y + k * BAR + 2, max(w, 1.0), BAR - 4)
                painter.fillRect(bar, QColor(PRINT_COLOURS[k % len(PRINT_COLOURS)]))
                painter.setPen(QColor("#333333"))
                painter.drawText(QRectF(bar.right() + 6, y + k * BAR, value_w, BAR),
                                 int(Qt.AlignmentFlag.AlignVCenter), _value_text(value, chart.percent))
    finally:
        painter.end()
    return image
