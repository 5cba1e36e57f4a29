"""The collaboration graph, drawn: departments and towns as nodes, hand-overs as edges.

Node area follows volume, edge width follows volume, edge colour follows timeliness
(the share overdue, on the scale of :mod:`.scale`). Hovering shows the figures;
clicking a node emits ``node_clicked(key)``, clicking an edge ``edge_clicked(source,
target)``. Positions come from the core's seeded layout, so the same period gives the
same picture; the view stretches them over its own size (text stays at its size: the
scene is redrawn when the view is resized, never scaled).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from .scale import OVERDUE_SHARE, Scale
from .words import days_text, escaped, kind_name, node_name, percent_text
from .zoom import Zoomable

translate = QCoreApplication.translate
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 80.0, 36.0, 44.0  # room for the outer nodes and their labels
LABEL_MAX_W = 190.0  # longer names are elided
R_MIN, R_MAX = 7.0, 30.0
W_MIN, W_MAX = 1.0, 11.0
CLICK_SLOP = 10.0  # an edge is clickable this wide, however thin it is drawn


def _values(items) -> list:
    return list(items.values()) if isinstance(items, Mapping) else list(items)


def _sqrt_scale(value: float, top: float, low: float, high: float) -> float:
    return low if top <= 0 else low + (high - low) * math.sqrt(max(0.0, value) / top)


class LabelItem(QGraphicsSimpleTextItem):
    """A name on a soft patch of the view's background, so lines passing under it stay
    out of the way of the text; clicks go through it."""

    def __init__(self, text: str, colour: QColor, background: QColor) -> None:
        super().__init__(text)
        self.setBrush(QBrush(colour))
        self._background = QColor(background)
        self._background.setAlphaF(0.75)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(5)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(self.boundingRect().adjusted(-2, 0, 2, 0), 3, 3)
        super().paint(painter, option, widget)


class NodeItem(QGraphicsEllipseItem):
    """A department, town or village; its key is kept for the click."""

    def __init__(self, node, radius: float, fill: QColor, outline: QColor) -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.node, self.key, self.radius = node, node.key, radius
        self.setBrush(QBrush(fill))
        self._outline = outline
        self.setPen(QPen(outline, 1.0))
        self.setZValue(2)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_chosen(self, chosen: bool) -> None:
        self.setPen(QPen(self._outline, 3.0 if chosen else 1.0))


class EdgeItem(QGraphicsPathItem):
    """A directed hand-over from ``source`` to ``target``, bent a little so both
    directions between two nodes stay apart, with an arrowhead at the target."""

    def __init__(self, edge, a: NodeItem, b: NodeItem, width: float, colour: QColor) -> None:
        super().__init__()
        self.edge, self.source, self.target, self.width = edge, edge.source, edge.target, width
        self.colour = colour
        self.setZValue(1)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._build(a, b)
        self.set_chosen(False)

    def _build(self, a: NodeItem, b: NodeItem) -> None:
        p, q = a.pos(), b.pos()
        d = q - p
        length = math.hypot(d.x(), d.y()) or 1.0
        ux, uy = d.x() / length, d.y() / length
        nx, ny = -uy, ux
        bend = min(40.0, 0.12 * length)
        start = QPointF(p.x() + ux * a.radius, p.y() + uy * a.radius)
        end = QPointF(q.x() - ux * (b.radius + 2), q.y() - uy * (b.radius + 2))
        control = QPointF((p.x() + q.x()) / 2 + nx * bend, (p.y() + q.y()) / 2 + ny * bend)
        path = QPainterPath(start)
        path.quadTo(control, end)
        self.setPath(path)
        # the arrowhead points along the curve's last tangent
        tx, ty = end.x() - control.x(), end.y() - control.y()
        tl = math.hypot(tx, ty) or 1.0
        tx, ty = tx / tl, ty / tl
        size = 6.0 + self.width
        left = QPointF(end.x() - tx * size - ty * size * 0.5, end.y() - ty * size + tx * size * 0.5)
        right = QPointF(end.x() - tx * size + ty * size * 0.5, end.y() - ty * size - tx * size * 0.5)
        self.arrow = QPolygonF([end, left, right])

    def set_chosen(self, chosen: bool) -> None:
        colour = QColor(self.colour)
        colour.setAlphaF(1.0 if chosen else 0.7)
        self.setPen(QPen(colour, self.width + (2.5 if chosen else 0.0), Qt.PenStyle.SolidLine,
                         Qt.PenCapStyle.RoundCap))

    def shape(self) -> QPainterPath:  # wide enough to hit with the mouse
        stroker = QPainterPathStroker()
        stroker.setWidth(max(CLICK_SLOP, self.width + 4))
        return stroker.createStroke(self.path())

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return super().boundingRect().united(self.arrow.boundingRect()).adjusted(-6, -6, 6, 6)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.pen().color())
        painter.drawPolygon(self.arrow)


class GraphView(QGraphicsView, Zoomable):
    """Draws a CollabGraph at the given positions; see the module docstring."""

    node_clicked = Signal(str)
    edge_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None, *, scale: Scale = OVERDUE_SHARE) -> None:
        super().__init__(parent)
        self.setObjectName("collabGraphView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.scale_ = scale
        self.lang = "zh_CN"
        self.graph = None
        self._positions: dict[str, tuple[float, float]] = {}
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self._labels: dict[str, LabelItem] = {}
        self._chosen: NodeItem | EdgeItem | None = None
        self._name: Callable[[object], str] = lambda n: node_name(n, self.lang)

    # -- drawing -------------------------------------------------------------------------
    def show_graph(self, graph, positions: Mapping[str, tuple[float, float]], lang: str) -> None:
        """Draw ``graph`` (a CollabGraph) with ``positions`` (the core's layout) in ``lang``."""
        self.graph, self._positions, self.lang = graph, dict(positions), lang
        self._rebuild()

    def clear_graph(self) -> None:
        self.graph, self._positions = None, {}
        self._rebuild()

    def _rebuild(self) -> None:
        scene = self.scene()
        chosen = self._chosen_key()
        scene.clear()
        self.nodes, self.edges, self._labels, self._chosen = {}, {}, {}, None
        if self.graph is None:
            return
        nodes = [n for n in _values(self.graph.nodes) if n.key in self._positions]
        if not nodes:
            return
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        top_volume = max((n.volume for n in nodes), default=0)
        size = self.canvas_size()
        scene.setSceneRect(0, 0, size.width(), size.height())
        placed = _fit(self._positions, [n.key for n in nodes], size.width(), size.height())
        for node in nodes:
            radius = _sqrt_scale(node.volume, top_volume, R_MIN, R_MAX)
            item = NodeItem(node, radius, _node_fill(palette, node.kind), text)
            item.setPos(*placed[node.key])
            item.setToolTip(node_tooltip(node, self.lang))
            scene.addItem(item)
            self.nodes[node.key] = item
        self._place_labels(text, palette.color(QPalette.ColorRole.Base), size.width(), size.height())
        edges = [e for e in _values(self.graph.edges) if e.source in self.nodes and e.target in self.nodes]
        top_edge = max((e.volume for e in edges), default=0)
        for edge in edges:
            item = EdgeItem(edge, self.nodes[edge.source], self.nodes[edge.target],
                            _sqrt_scale(edge.volume, top_edge, W_MIN, W_MAX), edge_colour(edge, self.scale_))
            item.setToolTip(edge_tooltip(edge, self._node_names(), self.lang))
            scene.addItem(item)
            self.edges[(edge.source, edge.target)] = item
        if chosen in self.nodes:
            self._choose(self.nodes[chosen])
        elif chosen in self.edges:
            self._choose(self.edges[chosen])

    def _chosen_key(self):
        if isinstance(self._chosen, NodeItem):
            return self._chosen.key
        if isinstance(self._chosen, EdgeItem):
            return (self._chosen.source, self._chosen.target)
        return None

    def _place_labels(self, text: QColor, background: QColor, width: float, height: float) -> None:
        """Name every node, the biggest first: below it, else above, right or left, where the
        name covers neither another name nor another node; long names are elided (the
        tooltip keeps them whole) and no name leaves the view."""
        placed: list[QRectF] = []
        circles = [item.sceneBoundingRect() for item in self.nodes.values()]
        for key, item in sorted(self.nodes.items(), key=lambda kv: (-kv[1].radius, kv[0])):
            name = self._name(item.node)
            label = LabelItem(name, text, background)
            metrics = QFontMetricsF(label.font())
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, LABEL_MAX_W)
            label.setText(shown)
            br = label.boundingRect()
            w, h, r, x, y = br.width(), br.height(), item.radius, item.x(), item.y()
            own = item.sceneBoundingRect()
            candidates = [QPointF(x - w / 2, y + r + 2), QPointF(x - w / 2, y - r - 2 - h),
                          QPointF(x + r + 4, y - h / 2), QPointF(x - r - 4 - w, y - h / 2)]
            chosen = None
            for point in candidates:
                point = QPointF(min(max(2.0, point.x()), width - w - 2), min(max(2.0, point.y()), height - h - 2))
                rect = QRectF(point, br.size())
                if not any(rect.intersects(other) for other in placed) and \
                        not any(rect.intersects(c) for c in circles if c != own):
                    chosen = point
                    break
            if chosen is None:
                first = candidates[0]
                chosen = QPointF(min(max(2.0, first.x()), width - w - 2), min(max(2.0, first.y()), height - h - 2))
            label.setPos(chosen)
            placed.append(QRectF(chosen, br.size()))
            self.scene().addItem(label)
            self._labels[key] = label

    def _node_names(self) -> dict[str, str]:
        return {key: self._name(item.node) for key, item in self.nodes.items()}

    # -- choosing ------------------------------------------------------------------------
    def choose_node(self, key: str) -> None:
        """Mark node ``key`` and emit ``node_clicked`` (as a click does)."""
        self._choose(self.nodes[key])
        self.node_clicked.emit(key)

    def choose_edge(self, source: str, target: str) -> None:
        """Mark the edge and emit ``edge_clicked`` (as a click does)."""
        self._choose(self.edges[(source, target)])
        self.edge_clicked.emit(source, target)

    def _choose(self, item: NodeItem | EdgeItem | None) -> None:
        if self._chosen is not None:
            self._chosen.set_chosen(False)
        self._chosen = item
        if item is not None:
            item.set_chosen(True)

    def scene_point_of_edge(self, source: str, target: str) -> QPointF:
        """A point on the drawn edge (its middle), for tests and tools."""
        return self.edges[(source, target)].path().pointAtPercent(0.5)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            for item in self.items(event.position().toPoint()):
                if isinstance(item, NodeItem):
                    self.choose_node(item.key)
                    return
                if isinstance(item, EdgeItem):
                    self.choose_edge(item.source, item.target)
                    return
        super().mousePressEvent(event)

    # -- keeping up ----------------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        event.accept()  # the press chose; the release has nothing left to do

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.graph is not None:
            self._rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange and self.graph is not None:
            self._rebuild()
        super().changeEvent(event)


def _spread(values: list[float]) -> list[float]:
    """Coordinates in [0, 1]: 30 % their linear place, 70 % their rank. A spring layout
    throws loosely tied nodes far out, which would squeeze everyone else into the middle;
    the rank keeps the order and the neighbourhoods but gives the crowd room."""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    rank = [0.0] * len(values)
    for place, i in enumerate(order):
        rank[i] = place / max(1, len(values) - 1)
    return [0.3 * (v - low) / span + 0.7 * r for v, r in zip(values, rank)]


def _fit(positions: Mapping[str, tuple[float, float]], keys: Iterable[str], width: float,
         height: float) -> dict[str, tuple[float, float]]:
    """The layout's coordinates spread over ``width`` x ``height``, inside the margins."""
    keys = list(keys)
    xs = _spread([positions[k][0] for k in keys])
    ys = _spread([positions[k][1] for k in keys])
    w = max(1.0, width - 2 * MARGIN_X)
    h = max(1.0, height - MARGIN_TOP - MARGIN_BOTTOM)
    return {k: (MARGIN_X + x * w, MARGIN_TOP + y * h) for k, x, y in zip(keys, xs, ys)}


def edge_colour(edge, scale: Scale) -> QColor:
    """The timeliness colour of ``edge``: its share overdue; grey when nothing on it is timed
    (joint visits hand nothing over, so they have no time to be late by)."""
    return scale.color(None if edge.median_days is None else edge.overdue_share)


def _node_fill(palette: QPalette, kind: str) -> QColor:
    accent = palette.color(QPalette.ColorRole.Highlight)
    if kind == "dept":
        return accent
    base = palette.color(QPalette.ColorRole.Base)
    mix = 0.45 if kind == "town" else 0.25  # towns lighter than departments, villages and the queue lighter still
    return QColor.fromRgbF(base.redF() + mix * (accent.redF() - base.redF()),
                           base.greenF() + mix * (accent.greenF() - base.greenF()),
                           base.blueF() + mix * (accent.blueF() - base.blueF()))


def node_tooltip(node, lang: str) -> str:
    rows = [
        (translate("CollabGraph", "Volume"), f"{node.volume:,}"),
        (translate("CollabGraph", "Degree"), f"{node.degree:.3f}"),
        (translate("CollabGraph", "Betweenness"), f"{node.betweenness:.3f}"),
    ]
    if node.community >= 0:
        rows.append((translate("CollabGraph", "Community"), str(node.community + 1)))
    return _table(escaped(node_name(node, lang)), rows)


def edge_tooltip(edge, names: Mapping[str, str], lang: str) -> str:
    title = escaped(f"{names.get(edge.source, edge.source)} → {names.get(edge.target, edge.target)}")
    rows = [(translate("CollabGraph", "Volume"), f"{edge.volume:,}"),
            (translate("CollabGraph", "Median"), days_text(edge.median_days)),
            (translate("CollabGraph", "Overdue"), percent_text(edge.overdue_share))]
    head = "".join(f"<th>{h}</th>" for h in (
        translate("CollabGraph", "Kind"), translate("CollabGraph", "Count"), translate("CollabGraph", "Median"),
        translate("CollabGraph", "90th pct."), translate("CollabGraph", "Returned or sent on"),
        translate("CollabGraph", "Overdue")))
    body = "".join(
        f"<tr><td>{kind_name(kind)}</td><td align='right'>{s.count:,}</td>"
        f"<td align='right'>{days_text(s.median_days)}</td>"
        f"<td align='right'>{days_text(s.p90_days)}</td><td align='right'>{percent_text(s.returned_share)}</td>"
        f"<td align='right'>{percent_text(s.overdue_share)}</td></tr>"
        for kind, s in sorted(edge.kinds.items(), key=lambda kv: -kv[1].count))
    return _table(title, rows) + f"<table cellspacing='0' cellpadding='2'><tr>{head}</tr>{body}</table>"


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{k}</td><td align='right'>{v}</td></tr>" for k, v in rows)
    return f"<b>{title}</b><table cellspacing='0' cellpadding='2'>{cells}</table>"
