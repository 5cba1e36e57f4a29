"""Web-Mercator world units, vectorised.

World units are the tile pyramid's coordinates scaled to [0, 1): ``x`` grows east from
the antimeridian, ``y`` grows south from the top of the tile pyramid (north is smaller).
A pixel at zoom ``z`` is ``unit * 256 * 2**z``, the convention Leaflet uses for 256 px
tiles. Latitudes are clamped to the projection's +-85.0511 degrees.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

MAX_LAT = 85.0511287798066
TILE_PX = 256


def lng_to_x(lng: ArrayLike) -> NDArray[np.float64]:
    """Longitude (degrees) to world x in [0, 1)."""
    return (np.asarray(lng, dtype=np.float64) + 180.0) / 360.0


def lat_to_y(lat: ArrayLike) -> NDArray[np.float64]:
    """Latitude (degrees) to world y in [0, 1), north at 0."""
    phi = np.radians(np.clip(np.asarray(lat, dtype=np.float64), -MAX_LAT, MAX_LAT))
    return 0.5 - np.log(np.tan(np.pi / 4 + phi / 2)) / (2 * np.pi)


def x_to_lng(x: ArrayLike) -> NDArray[np.float64]:
    """World x to longitude (degrees)."""
    return np.asarray(x, dtype=np.float64) * 360.0 - 180.0


def y_to_lat(y: ArrayLike) -> NDArray[np.float64]:
    """World y to latitude (degrees)."""
    return np.degrees(2 * np.arctan(np.exp((0.5 - np.asarray(y, dtype=np.float64)) * 2 * np.pi)) - np.pi / 2)


def world_px(zoom: int) -> float:
    """Pixels across the whole world at integer ``zoom``."""
    return float(TILE_PX * 2 ** zoom)
