"""The map scene: each town coloured (and ringed) by a measure, painted with QPainter.

No web view: a wall PC runs for weeks, and a painted map of a few dozen towns is light
and never blank. With the town polygons of the city profile (maps.regions) each town is
a filled cell; without them, a circle at the town's point, sized by the measure.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from desktop.wall.style import HEAT_SCALE, WallMetrics, colour, heat_colour
from maps.payload import choropleth_breaks

from .base import WallScene
from .widgets import count_text, in_language

MEASURES = ("overdue", "open_clues", "entities")
Ring = Sequence[tuple[float, float]]  # (lon, lat) vertices


def town_name(town) -> str:
    """A town's (or ranked unit's) name in the wall's language."""
    return in_language(town.name_zh, town.name_en)


class TownMap(QWidget):
    """Paints towns by one measure; ``set_towns`` and ``set_measure`` repaint, nothing is rebuilt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.towns: tuple = ()
        self.measure = "overdue"
        self.regions: dict[str, Ring] = {}
        self.metrics = WallMetrics(1080)
        self.highlight: str = ""

    def set_towns(self, towns: Sequence, measure: str | None = None) -> None:
        self.towns = tuple(towns)
        if measure:
            self.measure = measure
        self.update()

    def set_regions(self, regions: Mapping[str, Ring]) -> None:
        self.regions = dict(regions)
        self.update()

    def value(self, town) -> int:
        return int(getattr(town, self.measure, 0) or 0)

    def heat(self, town, breaks: Sequence[float]) -> float:
        """0..1: the town's quantile class (maps.payload.choropleth_breaks), so one town far
        ahead of the rest does not leave every other town in the lowest colour."""
        value = self.value(town)
        if len(breaks) < 2:
            return 1.0 if value > 0 else 0.0
        index = max(i for i, edge in enumerate(breaks) if value >= edge or i == 0)
        return index / (len(breaks) - 1)

    def _frame(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) of everything drawn."""
        lons = [t.lon for t in self.towns] + [p[0] for ring in self.regions.values() for p in ring]
        lats = [t.lat for t in self.towns] + [p[1] for ring in self.regions.values() for p in ring]
        if not lons:
            return 0.0, 0.0, 1.0, 1.0
        return min(lons), min(lats), max(lons), max(lats)

    def _drawn_width(self, area: QRectF) -> float:
        """How wide the towns come out when fitted into ``area`` (at most its width)."""
        west, south, east, north = self._frame()
        k = math.cos(math.radians((south + north) / 2))
        span_x, span_y = max(1e-6, (east - west) * k), max(1e-6, north - south)
        return min(area.width(), span_x * area.height() / span_y)

    def _projector(self, area: QRectF):
        west, south, east, north = self._frame()
        k = math.cos(math.radians((south + north) / 2))
        span_x, span_y = max(1e-6, (east - west) * k), max(1e-6, north - south)
        scale = min(area.width() / span_x, area.height() / span_y)
        off_x = area.left() + (area.width() - span_x * scale) / 2
        off_y = area.top() + (area.height() - span_y * scale) / 2

        def project(lon: float, lat: float) -> QPointF:
            return QPointF(off_x + (lon - west) * k * scale, off_y + (north - lat) * scale)
        return project

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colour("ground"))
        if not self.towns:
            return
        m = self.metrics
        whole = QRectF(self.rect()).adjusted(m.px(20), m.px(10), -m.px(20), -m.px(10))
        # The towns ranked beside the map: every name readable, however crowded the centre.
        list_width, gap = min(whole.width() * 0.38, m.px(620)), m.px(60)
        area = whole.adjusted(0, 0, -list_width - gap, 0)
        map_width = self._drawn_width(area)
        left = whole.left() + max(0.0, (whole.width() - map_width - gap - list_width) / 2)
        area = QRectF(left, whole.top(), map_width, whole.height())
        project = self._projector(area)
        top = max(1, max(self.value(t) for t in self.towns))
        breaks = choropleth_breaks([self.value(t) for t in self.towns], len(HEAT_SCALE))
        edge = QPen(colour("ground"), m.px(3))
        for town in self.towns:
            ring = self.regions.get(town.code)
            if ring:
                painter.setPen(QPen(colour("push"), m.px(8)) if town.code == self.highlight else edge)
                painter.setBrush(QBrush(heat_colour(self.heat(town, breaks))))
                painter.drawPolygon(QPolygonF([project(lon, lat) for lon, lat in ring]))
        name_font, value_font = QFont(self.font()), QFont(self.font())
        name_font.setPixelSize(m.px(26))
        value_font.setPixelSize(m.px(34))
        value_font.setBold(True)
        placed: list[QRectF] = []
        for town in sorted(self.towns, key=lambda t: -self.value(t)):
            centre = project(town.lon, town.lat)
            share = self.value(town) / top
            if town.code not in self.regions:
                radius = m.px(12) + m.px(48) * math.sqrt(share)
                painter.setPen(QPen(colour("ground"), m.px(2)))
                painter.setBrush(QBrush(heat_colour(self.heat(town, breaks))))
                painter.drawEllipse(centre, radius, radius)
            self._label(painter, centre, town_name(town), count_text(self.value(town)), name_font, value_font,
                        placed, area)
        self._ranked_list(painter, QRectF(area.right() + gap, whole.top(), list_width, whole.height()), breaks)

    def _text_rect(self, painter: QPainter, font: QFont, text: str, centre: QPointF, dy: float) -> QRectF:
        painter.setFont(font)
        fm = painter.fontMetrics()
        width = fm.horizontalAdvance(text)
        return QRectF(centre.x() - width / 2, centre.y() + dy - fm.ascent(), width, fm.height())

    def _label(self, painter: QPainter, centre: QPointF, name: str, value: str, name_font: QFont,
               value_font: QFont, placed: list[QRectF], area: QRectF) -> None:
        """Value under name with a dark halo, each only where it overlaps no label drawn before
        (bigger values are labelled first); the ranked list beside the map names them all."""
        m = self.metrics
        value_rect = self._text_rect(painter, value_font, value, centre, m.px(34))
        if value_rect.bottom() > area.bottom():  # a town on the edge: its label goes up, inside
            centre = QPointF(centre.x(), centre.y() - (value_rect.bottom() - area.bottom()))
            value_rect = self._text_rect(painter, value_font, value, centre, m.px(34))
        name_rect = self._text_rect(painter, name_font, name, centre, -m.px(4))
        parts = []
        if not any(value_rect.intersects(r) for r in placed):
            parts.append((value, value_font, m.px(34), value_rect))
        if area.contains(name_rect) and not any(name_rect.intersects(r) for r in placed):
            parts.append((name, name_font, -m.px(4), name_rect))
        for text, font, dy, rect in parts:
            placed.append(rect)
            path = QPainterPath()
            path.addText(QPointF(rect.left(), centre.y() + dy), font, text)
            painter.strokePath(path, QPen(colour("ground"), m.px(5)))
            painter.fillPath(path, colour("text"))

    def _ranked_list(self, painter: QPainter, rect: QRectF, breaks: Sequence[float]) -> None:
        """Every town with its colour and value, largest first, in rows that fit ``rect``."""
        m = self.metrics
        towns = sorted(self.towns, key=lambda t: -self.value(t))
        row = min(rect.height() / max(1, len(towns)), m.px(56))
        font = QFont(self.font())
        font.setPixelSize(int(min(m.px(28), row * 0.62)))
        painter.setFont(font)
        fm = painter.fontMetrics()
        value_width = fm.horizontalAdvance("0,000,000")
        for i, town in enumerate(towns):
            y = rect.top() + i * row
            swatch = QRectF(rect.left(), y + row * 0.2, row * 0.6, row * 0.6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(heat_colour(self.heat(town, breaks)))
            painter.drawRoundedRect(swatch, m.px(4), m.px(4))
            painter.setPen(colour("text"))
            name_rect = QRectF(swatch.right() + m.px(14), y, rect.width() - row - value_width - m.px(14), row)
            painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(town_name(town), Qt.TextElideMode.ElideRight, int(name_rect.width())))
            painter.drawText(QRectF(rect.right() - value_width, y, value_width, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             count_text(self.value(town)))


class MapScene(WallScene):
    """Towns coloured by overdue clues (or another measure a push asks for)."""

    scene_name = "map"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map = TownMap(self)
        self.body.addWidget(self.map, 1)
        self.retranslate_ui()

    def title(self) -> str:
        names = {"overdue": self.tr("Overdue clues by town"), "open_clues": self.tr("Open clues by town"),
                 "entities": self.tr("Market entities by town")}
        return names.get(self.map.measure, self.tr("Towns"))

    def set_measure(self, measure: str) -> None:
        """Colour the towns by ``measure`` (one of :data:`MEASURES`; others are ignored)."""
        if measure in MEASURES and measure != self.map.measure:
            self.map.set_towns(self.map.towns, measure)
            self.title_label.setText(self.title())

    def set_regions(self, regions: Mapping[str, Ring]) -> None:
        self.map.set_regions(regions)

    def rescale(self, metrics: WallMetrics) -> None:
        super().rescale(metrics)
        self.map.metrics = metrics
        self.map.update()

    def show_figures(self, figures) -> None:
        self.map.set_towns(figures.towns)
        total = sum(self.map.value(t) for t in figures.towns)
        self.note_label.setText(self.tr("%1 towns · total %2").replace("%1", str(len(figures.towns)))
                                .replace("%2", count_text(total)))


def regions_from_geojson(collection: Mapping) -> dict[str, Ring]:
    """Town code -> outer ring (lon, lat) from maps.regions.city_regions' town FeatureCollection."""
    regions: dict[str, Ring] = {}
    for feature in collection.get("features", ()):
        code = feature.get("properties", {}).get("code")
        geometry = feature.get("geometry", {})
        coords = geometry.get("coordinates") or []
        if geometry.get("type") == "MultiPolygon" and coords:  # a surveyed town in parts: its largest part
            from maps.regions import ring_area
            coords = max(coords, key=lambda polygon: ring_area(polygon[0]))
        if code and coords:
            regions[code] = [(float(x), float(y)) for x, y in coords[0]]
    return regions
