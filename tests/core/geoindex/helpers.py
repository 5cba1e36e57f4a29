"""Shared helpers for the map index tests: SQL reads, viewports, brute-force references."""
from __future__ import annotations

import math

import numpy as np
from sqlalchemy import text

from core.geoindex import EntityColumns, ViewRequest
from core.geoindex.mercator import lat_to_y, lng_to_x, x_to_lng, y_to_lat

CITY = (29.10, 119.80, 29.55, 120.25)  # south, west, north, east: about Yiwu


def sql(db, statement: str, **params) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(statement), params)]


def viewport(lat: float, lng: float, zoom: float, width: int = 1920, height: int = 1080, **kw) -> ViewRequest:
    """The request a Leaflet map of ``width`` x ``height`` px centred on (lat, lng) would send."""
    px = 256 * 2 ** zoom
    cx, cy = float(lng_to_x(lng)), float(lat_to_y(lat))
    return ViewRequest(south=float(y_to_lat(cy + height / 2 / px)), north=float(y_to_lat(cy - height / 2 / px)),
                       west=float(x_to_lng(cx - width / 2 / px)), east=float(x_to_lng(cx + width / 2 / px)),
                       zoom=zoom, width=width, height=height, **kw)


def in_bounds(cols: EntityColumns, req: ViewRequest) -> np.ndarray:
    """Brute force: bool per row inside the request's bounds (inclusive), by lat/lng."""
    return (cols.lat >= req.south) & (cols.lat <= req.north) & (cols.lng >= req.west) & (cols.lng <= req.east)


def cell_of(cols: EntityColumns, rows: np.ndarray, zoom: float, cell_px: float) -> list[tuple[int, int]]:
    """Brute force, one row at a time: the global grid cell of each row."""
    z = math.floor(zoom + 0.5)
    px = 256 * 2 ** z
    return [(math.floor(float(cols.x[r]) * px / cell_px), math.floor(float(cols.y[r]) * px / cell_px)) for r in rows]


def point_in_ring(x: float, y: float, ring: list[tuple[float, float]]) -> bool:
    """Plain-Python even-odd rule (ring of (x, y), not closed)."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside
