"""Conversions between WGS-84 (stored), GCJ-02 (AMap, Tencent) and BD-09 (Baidu).

Uses prcoords (public domain); the inverse conversions are its iterative ("bored")
ones, accurate to centimetres, so a point entered in GCJ-02 round-trips.
"""
from __future__ import annotations

import enum

import prcoords

from core.errors import ValidationError


class CoordSystem(enum.StrEnum):
    WGS84 = "wgs84"
    GCJ02 = "gcj02"
    BD09 = "bd09"


def _check(lat: float, lng: float) -> None:
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise ValidationError(f"not a coordinate: latitude {lat}, longitude {lng}", where="location")


# (to WGS-84, from WGS-84) for each non-WGS system; the inverses are prcoords' precise ones.
_CONVERTERS = {
    CoordSystem.GCJ02: (prcoords.gcj_wgs_bored, prcoords.wgs_gcj),
    CoordSystem.BD09: (prcoords.bd_wgs_bored, prcoords.wgs_bd),
}


def _convert(lat: float, lng: float, system: CoordSystem | str, direction: int) -> tuple[float, float]:
    _check(lat, lng)
    system = CoordSystem(system)
    if system is CoordSystem.WGS84:
        return lat, lng
    out = _CONVERTERS[system][direction](prcoords.Coords(lat, lng))
    return out.lat, out.lon


def to_wgs84(lat: float, lng: float, system: CoordSystem | str) -> tuple[float, float]:
    """A point given in ``system`` as WGS-84 (lat, lng)."""
    return _convert(lat, lng, system, 0)


def from_wgs84(lat: float, lng: float, system: CoordSystem | str) -> tuple[float, float]:
    """A WGS-84 point expressed in ``system``."""
    return _convert(lat, lng, system, 1)
