"""A small offline location map: the city's town centres and one entity, drawn with QPainter.

No tiles and no web: the city's bounding box, a faint graticule, town centres as
labelled dots and the entity as a red marker, on an equirectangular projection
scaled by cos(latitude) so distances look right. :func:`paint_location_map` draws
on any paint device, so the PDF export (worker thread, QImage) uses the same picture.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .reference import EntityReference

_KM_PER_DEG_LAT = 111.32
_MARGIN = 14.0

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


@dataclass(frozen=True)
class MapColours:
    background: str = "#f7f9fc"
    land: str = "#e9eff7"
    outline: str = "#9fb3cc"
    grid: str = "#dde5ef"
    town: str = "#1f4e8c"
    label: str = "#33414f"
    marker: str = "#d62718"

    @classmethod
    def from_palette(cls, palette: QPalette) -> MapColours:
        """Colours of the current theme, so the map is not a bright sheet on a dark console."""
        role = QPalette.ColorRole
        base, alternate = palette.color(role.Base), palette.color(role.AlternateBase)
        return cls(background=base.name(), land=alternate.name(), outline=palette.color(role.Mid).name(),
                   grid=palette.color(role.Midlight).name() if base.lightness() > 128 else base.lighter(130).name(),
                   town=palette.color(role.Link).name(), label=palette.color(role.Text).name())


class Projection:
    """Maps WGS-84 lat/lng into ``rect`` keeping the city's aspect ratio."""

    def __init__(self, bounds: tuple[float, float, float, float], rect: QRectF) -> None:
        self.south, self.west, self.north, self.east = bounds
        self.kx = math.cos(math.radians((self.south + self.north) / 2))
        width, height = (self.east - self.west) * self.kx, self.north - self.south
        inner = rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        self.scale = min(inner.width() / width, inner.height() / height)
        self.left = inner.center().x() - width * self.scale / 2
        self.top = inner.center().y() - height * self.scale / 2
        self.frame = QRectF(self.left, self.top, width * self.scale, height * self.scale)

    def point(self, lat: float, lng: float) -> QPointF:
        return QPointF(self.left + (lng - self.west) * self.kx * self.scale, self.top + (self.north - lat) * self.scale)

    def contains(self, lat: float, lng: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lng <= self.east

    def km(self, km: float) -> float:
        """Pixels for ``km`` kilometres."""
        return km / _KM_PER_DEG_LAT * self.scale


def paint_location_map(painter: QPainter, rect: QRectF, reference: EntityReference | None,
                       location: tuple[float, float] | None, lang: str,
                       colours: MapColours = MapColours(), font_family: str | None = None,
                       font_scale: float = 1.0) -> QPointF | None:
    """Draw the map into ``rect``; returns where the entity marker went (None without one)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor(colours.background))
    if reference is None:
        painter.restore()
        return None
    proj = Projection(reference.bounds, rect)
    painter.setPen(QPen(QColor(colours.outline), 1.2))
    painter.setBrush(QColor(colours.land))
    painter.drawRoundedRect(proj.frame, 6, 6)
    painter.setPen(QPen(QColor(colours.grid), 0.8))
    step = 0.1
    lat = math.ceil(proj.south / step) * step
    while lat < proj.north:
        painter.drawLine(proj.point(lat, proj.west), proj.point(lat, proj.east))
        lat += step
    lng = math.ceil(proj.west / step) * step
    while lng < proj.east:
        painter.drawLine(proj.point(proj.south, lng), proj.point(proj.north, lng))
        lng += step

    font = QFont(font_family) if font_family else QFont(painter.font())
    font.setPointSizeF((7.5 if lang == "en" else 8.0) * font_scale)
    painter.setFont(font)
    # Nearest towns first: their labels win when labels would overlap.
    towns = [t for t in reference.towns if t.lat is not None and t.lng is not None]
    if location is not None:
        towns.sort(key=lambda t: (t.lat - location[0]) ** 2 + ((t.lng - location[1]) * proj.kx) ** 2)
    metrics = painter.fontMetrics()
    taken: list[QRectF] = []
    if location is not None:
        tip = proj.point(*location)
        taken.append(QRectF(tip.x() - 12, tip.y() - 25, 24, 28))
    for town in towns:
        p = proj.point(town.lat, town.lng)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.town))
        painter.drawEllipse(p, 3.0, 3.0)
        name = town.name(lang)
        if lang == "en":
            name = name.removesuffix(" Subdistrict").removesuffix(" Town").removesuffix(" Township")
        width, height = metrics.horizontalAdvance(name), metrics.height()
        for box in (QRectF(p.x() + 5, p.y() - height / 2, width, height),
                    QRectF(p.x() - 5 - width, p.y() - height / 2, width, height),
                    QRectF(p.x() - width / 2, p.y() + 4, width, height),
                    QRectF(p.x() - width / 2, p.y() - 4 - height, width, height)):
            if not any(box.intersects(other) for other in taken):
                taken.append(box)
                painter.setPen(QColor(colours.label))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
                break

    bar = proj.km(5)
    base = QPointF(proj.frame.left() + 8, proj.frame.bottom() - 8)
    painter.setPen(QPen(QColor(colours.label), 1.5))
    painter.drawLine(base, base + QPointF(bar, 0))
    painter.drawText(base + QPointF(0, -4), translate("LocationMap", "5 km"))

    if location is None:
        painter.restore()
        return None
    lat, lng = location
    inside = proj.contains(lat, lng)
    lat = min(max(lat, proj.south), proj.north)
    lng = min(max(lng, proj.west), proj.east)
    tip = proj.point(lat, lng)
    pin = QPainterPath()
    pin.moveTo(tip)
    pin.cubicTo(tip + QPointF(-9, -11), tip + QPointF(-8, -22), tip + QPointF(0, -22))
    pin.cubicTo(tip + QPointF(8, -22), tip + QPointF(9, -11), tip)
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(QColor(colours.marker))
    painter.drawPath(pin)
    painter.setBrush(QColor("#ffffff"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(tip + QPointF(0, -15), 3.0, 3.0)
    if not inside:
        painter.setPen(QColor(colours.marker))
        painter.drawText(proj.frame.adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight,
                         translate("LocationMap", "Outside the city"))
    painter.restore()
    return tip


class LocationMap(QWidget):
    """Shows where an entity is among the town centres; no interaction (yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityLocationMap")
        self.setMinimumSize(260, 200)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._reference: EntityReference | None = None
        self._location: tuple[float, float] | None = None
        self._lang = "zh_CN"
        self._marker: QPointF | None = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 260)

    def set_reference(self, reference: EntityReference | None, lang: str) -> None:
        self._reference, self._lang = reference, lang
        self.update()

    def set_location(self, lat: float | None, lng: float | None) -> None:
        self._location = None if lat is None or lng is None else (lat, lng)
        self.update()

    def marker_position(self) -> QPointF | None:
        """Where the marker was last drawn, in widget pixels (None before painting)."""
        return self._marker

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self._marker = paint_location_map(painter, QRectF(self.rect()), self._reference, self._location, self._lang,
                                          MapColours.from_palette(self.palette()))
        painter.end()
