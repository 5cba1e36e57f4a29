"""Surveyed geography: town and village boundaries (or village centroids) imported as GeoJSON."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class RegionGeometry(Base):
    """One imported region: its WGS-84 GeoJSON geometry (Polygon, MultiPolygon, or a village's
    Point) and its centroid. A row replaces the approximate region (Voronoi cell) and centre
    of that town or village; no row, the approximation stands."""

    __tablename__ = "region_geometries"
    level: Mapped[str] = mapped_column(String(10), primary_key=True)  # "town" | "village"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    geometry: Mapped[str] = mapped_column(Text)                      # GeoJSON geometry, WGS-84
    centroid_lat: Mapped[float]
    centroid_lng: Mapped[float]
    source: Mapped[str] = mapped_column(String(200))                 # the imported file's name
    source_coords: Mapped[str] = mapped_column(String(10))           # "wgs84" | "gcj02" as given
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
