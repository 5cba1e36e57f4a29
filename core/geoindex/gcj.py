"""WGS-84 to GCJ-02 for whole columns, the formula prcoords uses, in numpy.

Tile servers in China (AMap, Tencent) draw in GCJ-02; the index converts every stored
WGS-84 position once, at load, so it never converts per view. The formula is the public
one (Krasovsky ellipsoid offsets); like ``prcoords.wgs_gcj`` it leaves points outside
China's sanity box unchanged. Tests hold it to prcoords within millimetres.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from core.geo.coords import CoordSystem

_A = 6378245.0
_EE = 0.00669342162296594323
_CHINA = (0.8293, 72.004, 55.8271, 137.8347)  # south, west, north, east (prcoords' box)

DISPLAY_SYSTEMS = (CoordSystem.WGS84.value, CoordSystem.GCJ02.value)


def _offsets_m(x: NDArray[np.float64], y: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(north, east) distortion in metres for x = lng - 105, y = lat - 35."""
    pi = np.pi
    shared = 2 * np.sin(x * 6 * pi) + 2 * np.sin(x * 2 * pi)
    d_lat = (-100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
             + (shared + 2 * np.sin(y * pi) + 4 * np.sin(y / 3 * pi)
                + 16 * np.sin(y / 12 * pi) + 32 * np.sin(y / 30 * pi)) * 20 / 3)
    d_lng = (300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
             + (shared + 2 * np.sin(x * pi) + 4 * np.sin(x / 3 * pi)
                + 15 * np.sin(x / 12 * pi) + 30 * np.sin(x / 30 * pi)) * 20 / 3)
    return d_lat, d_lng


def wgs_to_gcj(lat: ArrayLike, lng: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """GCJ-02 (lat, lng) arrays for WGS-84 ones."""
    lat = np.asarray(lat, dtype=np.float64)
    lng = np.asarray(lng, dtype=np.float64)
    d_lat, d_lng = _offsets_m(lng - 105.0, lat - 35.0)
    rad = np.radians(lat)
    magic = 1 - _EE * np.sin(rad) ** 2
    lat_deg_m = np.radians(_A * (1 - _EE) / magic ** 1.5)
    lng_deg_m = np.radians(_A * np.cos(rad) / np.sqrt(magic))
    south, west, north, east = _CHINA
    inside = (lat >= south) & (lat <= north) & (lng >= west) & (lng <= east)
    return (np.where(inside, lat + d_lat / lat_deg_m, lat),
            np.where(inside, lng + d_lng / lng_deg_m, lng))


def to_display(lat: ArrayLike, lng: ArrayLike, display: str) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Stored WGS-84 positions expressed in the ``display`` system ("wgs84" or "gcj02")."""
    system = CoordSystem(display)
    if system is CoordSystem.WGS84:
        return np.asarray(lat, dtype=np.float64), np.asarray(lng, dtype=np.float64)
    if system is CoordSystem.GCJ02:
        return wgs_to_gcj(lat, lng)
    raise ValueError(f"the map index displays wgs84 or gcj02, not {display!r}")
