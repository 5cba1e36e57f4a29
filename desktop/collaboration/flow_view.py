"""The case flow, drawn Sankey-style: clue source → department → transfer → outcome.

A band's width is its number of clues, its colour its median working days (the scale of
:mod:`.scale`). Columns follow the bands themselves: a node's column is its longest path
from a source, and every outcome (a node no band leaves) stands in the last column.
Within a column the first nodes are ordered by size and the later ones by where their
clues come from, which keeps crossings few; equal data always gives the same picture.
Hovering a band shows its figures; clicking it emits ``band_clicked(band)``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from .scale import MEDIAN_DAYS, Scale
from .words import days_text, escaped
from .zoom import Zoomable

translate = QCoreApplication.translate
NODE_W = 12.0
GAP = 10.0
MIN_NODE_H = 2.0
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16.0, 30.0, 12.0
LABEL_PAD = 4.0


def columns_of(bands: Sequence) -> dict[str, int]:
    """Each node's column: its longest path from a node nothing flows into; sinks last."""
    targets: dict[str, list[str]] = defaultdict(list)
    nodes: dict[str, None] = {}
    for band in bands:
        nodes.setdefault(band.source)
        nodes.setdefault(band.target)
        targets[band.source].append(band.target)
    column = dict.fromkeys(nodes, 0)
    # Bellman-Ford style relaxation, bounded so a cycle (a clue sent back) cannot loop forever.
    for _ in range(len(nodes)):
        changed = False
        for source, ends in targets.items():
            for target in ends:
                if column[target] < column[source] + 1 and column[source] + 1 < len(nodes):
                    column[target] = column[source] + 1
                    changed = True
        if not changed:
            break
    last = max(column.values(), default=0)
    for key in nodes:
        if not targets.get(key):
            column[key] = last
    return column


class BandItem(QGraphicsPathItem):
    """One band of clues from ``band.source`` to ``band.target``."""

    def __init__(self, band, colour: QColor) -> None:
        super().__init__()
        self.band = band
        self.colour = colour
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(1)
        self.set_state(chosen=False, hovered=False)
        self._chosen = False

    def set_state(self, *, chosen: bool, hovered: bool) -> None:
        self._chosen = chosen
        colour = QColor(self.colour)
        colour.setAlphaF(0.9 if chosen else 0.75 if hovered else 0.5)
        self.setBrush(QBrush(colour))
        self.setZValue(3 if chosen else 2 if hovered else 1)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.set_state(chosen=self._chosen, hovered=True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.set_state(chosen=self._chosen, hovered=False)
        super().hoverLeaveEvent(event)


class FlowView(QGraphicsView, Zoomable):
    """Draws a CaseFlow's bands; ``label(key)`` names a node in the UI language."""

    band_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, scale: Scale = MEDIAN_DAYS) -> None:
        super().__init__(parent)
        self.setObjectName("collabFlowView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.scale_ = scale
        self.bands_: list = []
        self._label: Callable[[str], str] = str
        self._headers: list[str] = []
        self.items_by_band: dict[tuple[str, str], BandItem] = {}
        self.node_rects: dict[str, QRectF] = {}
        self._chosen: tuple[str, str] | None = None

    def show_flow(self, bands: Sequence, label: Callable[[str], str], headers: Sequence[str]) -> None:
        """Draw ``bands`` (FlowBand); ``headers`` name the columns from the left (the
        middle one repeats when there are more columns than headers)."""
        self.bands_ = [b for b in bands if b.count > 0]
        self._label, self._headers = label, list(headers)
        self._chosen = None
        self._rebuild()

    def choose_band(self, source: str, target: str) -> None:
        """Mark the band and emit ``band_clicked`` (as a click does)."""
        self._mark((source, target))
        self.band_clicked.emit(self.items_by_band[(source, target)].band)

    def band_point(self, source: str, target: str) -> QPointF:
        """The middle of a drawn band (for tests and tools)."""
        return self.items_by_band[(source, target)].path().boundingRect().center()

    def _mark(self, key: tuple[str, str] | None) -> None:
        if self._chosen in self.items_by_band:
            self.items_by_band[self._chosen].set_state(chosen=False, hovered=False)
        self._chosen = key
        if key in self.items_by_band:
            self.items_by_band[key].set_state(chosen=True, hovered=False)

    # -- layout --------------------------------------------------------------------------
    def _rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        self.items_by_band, self.node_rects = {}, {}
        size = self.canvas_size()
        scene.setSceneRect(0, 0, size.width(), size.height())
        if not self.bands_:
            return
        column = columns_of(self.bands_)
        n_columns = max(column.values()) + 1
        inflow: dict[str, int] = defaultdict(int)
        outflow: dict[str, int] = defaultdict(int)
        for band in self.bands_:
            outflow[band.source] += band.count
            inflow[band.target] += band.count
        value = {k: max(inflow[k], outflow[k]) for k in column}
        by_column: list[list[str]] = [[] for _ in range(n_columns)]
        for key in column:
            by_column[column[key]].append(key)
        height = max(40.0, size.height() - MARGIN_TOP - MARGIN_BOTTOM)
        # a crowded column closes its gaps (to a quarter of the height in all), and room is
        # kept for the smallest nodes' minimum height, so every column fits the view
        gaps = [min(GAP, 0.25 * height / max(1, len(keys) - 1)) for keys in by_column]
        unit = min((height - gaps[c] * (len(keys) - 1) - MIN_NODE_H * len(keys)) / max(1, sum(value[k] for k in keys))
                   for c, keys in enumerate(by_column) if keys)
        unit = max(unit, 1e-6)
        width = max(200.0, size.width() - 2 * MARGIN_X - NODE_W)
        step = width / max(1, n_columns - 1)
        centre: dict[str, float] = {}
        for c, keys in enumerate(by_column):
            if c == 0:
                keys.sort(key=lambda k: (-value[k], k))
            else:
                keys.sort(key=lambda k: (_barycentre(k, self.bands_, centre), -value[k], k))
            y = MARGIN_TOP
            for key in keys:
                h = MIN_NODE_H + value[key] * unit
                self.node_rects[key] = QRectF(MARGIN_X + c * step, y, NODE_W, h)
                centre[key] = y + h / 2
                y += h + gaps[c]
        self._draw_nodes(column, n_columns, step)
        self._draw_bands(unit)
        if self._chosen in self.items_by_band:
            self._mark(self._chosen)

    def _draw_nodes(self, column: dict[str, int], n_columns: int, step: float) -> None:
        scene, palette = self.scene(), self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        fill = palette.color(QPalette.ColorRole.Highlight)
        for c in range(n_columns):
            header = self._header(c, n_columns)
            if header:
                item = QGraphicsSimpleTextItem(header)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setBrush(QBrush(palette.color(QPalette.ColorRole.PlaceholderText)))
                x = MARGIN_X + c * step
                w = item.boundingRect().width()
                item.setPos(x if c < n_columns - 1 else x + NODE_W - w, 4)
                scene.addItem(item)
        # names share the room between two columns: the outcomes' (right-aligned) first
        metrics = QFontMetricsF(self.font())
        last_max = step * 0.4
        last_w = max((min(last_max, metrics.horizontalAdvance(self._label(k))) for k in self.node_rects
                      if column[k] == n_columns - 1), default=0.0)
        taken: dict[int, list[QRectF]] = defaultdict(list)  # the labels of each column so far
        for key, rect in sorted(self.node_rects.items(), key=lambda kv: (-kv[1].height(), kv[0])):
            box = QGraphicsRectItem(rect)
            box.setBrush(QBrush(fill))
            box.setPen(QPen(Qt.PenStyle.NoPen))
            box.setZValue(4)
            box.setToolTip(escaped(self._label(key)))
            scene.addItem(box)
            last = column[key] == n_columns - 1
            if last:
                room = last_max
            elif column[key] == n_columns - 2:  # shares its room with the outcomes' names
                room = max(60.0, step - NODE_W - last_w - 3 * LABEL_PAD)
            else:
                room = max(60.0, step - NODE_W - 2 * LABEL_PAD)
            label = QGraphicsSimpleTextItem(metrics.elidedText(self._label(key), Qt.TextElideMode.ElideRight, room))
            label.setFont(self.font())
            br = label.boundingRect()
            x = rect.left() - LABEL_PAD - br.width() if last else rect.right() + LABEL_PAD
            y = min(max(0.0, rect.center().y() - br.height() / 2), self.scene().sceneRect().height() - br.height())
            place = QRectF(x, y, br.width(), br.height())
            if any(place.intersects(other) for other in taken[column[key]]):
                continue  # a small node crowded out by bigger ones: its box's tooltip names it
            taken[column[key]].append(place)
            label.setBrush(QBrush(text))
            label.setZValue(5)
            label.setPos(x, y)
            label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(label)

    def _header(self, c: int, n_columns: int) -> str:
        if not self._headers:
            return ""
        if c == 0:
            return self._headers[0]
        if c == n_columns - 1:
            return self._headers[-1]
        return self._headers[min(c, len(self._headers) - 2)]

    def _draw_bands(self, unit: float) -> None:
        out_offset: dict[str, float] = defaultdict(float)
        in_offset: dict[str, float] = defaultdict(float)
        rects = self.node_rects
        # bands leave a node in the order of where they arrive, and arrive in the order they left
        def mid(key: str) -> float:
            return rects[key].center().y()

        ordered = sorted(self.bands_, key=lambda b: (mid(b.source), mid(b.target), b.source, b.target))
        starts: dict[tuple[str, str], float] = {}
        for band in ordered:
            starts[(band.source, band.target)] = rects[band.source].top() + out_offset[band.source]
            out_offset[band.source] += band.count * unit
        for band in sorted(self.bands_, key=lambda b: (mid(b.target), mid(b.source), b.source, b.target)):
            key = (band.source, band.target)
            thickness = max(1.0, band.count * unit)
            y0 = starts[key]
            y1 = rects[band.target].top() + in_offset[band.target]
            in_offset[band.target] += band.count * unit
            x0, x1 = rects[band.source].right(), rects[band.target].left()
            xm = (x0 + x1) / 2
            path = QPainterPath(QPointF(x0, y0))
            path.cubicTo(QPointF(xm, y0), QPointF(xm, y1), QPointF(x1, y1))
            path.lineTo(QPointF(x1, y1 + thickness))
            path.cubicTo(QPointF(xm, y1 + thickness), QPointF(xm, y0 + thickness), QPointF(x0, y0 + thickness))
            path.closeSubpath()
            item = BandItem(band, self.scale_.color(band.median_days))
            item.thickness = thickness
            item.setPath(path)
            item.setToolTip(self._tooltip(band))
            self.scene().addItem(item)
            self.items_by_band[key] = item

    def _tooltip(self, band) -> str:
        title = escaped(f"{self._label(band.source)} → {self._label(band.target)}")
        rows = ((translate("CollabFlow", "Clues"), f"{band.count:,}"),
                (translate("CollabFlow", "Median"), days_text(band.median_days)))
        cells = "".join(f"<tr><td>{k}</td><td align='right'>{v}</td></tr>" for k, v in rows)
        return f"<b>{title}</b><table cellspacing='0' cellpadding='2'>{cells}</table>"

    # -- events --------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            for item in self.items(event.position().toPoint()):
                if isinstance(item, BandItem):
                    self.choose_band(item.band.source, item.band.target)
                    return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        event.accept()  # the press chose; the release has nothing left to do

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self._rebuild()
        super().changeEvent(event)


def _barycentre(key: str, bands: Sequence, centre: dict[str, float]) -> float:
    weights = [(centre[b.source], b.count) for b in bands if b.target == key and b.source in centre]
    total = sum(w for _, w in weights)
    return sum(y * w for y, w in weights) / total if total else float("inf")
