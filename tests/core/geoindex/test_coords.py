"""Vectorised GCJ-02 and Web-Mercator against prcoords and the tile convention."""
from __future__ import annotations

import math

import numpy as np
import prcoords
import pytest

from core.geoindex.gcj import to_display, wgs_to_gcj
from core.geoindex.mercator import lat_to_y, lng_to_x, x_to_lng, y_to_lat
from core.reference import load_profile


def test_gcj02_agrees_with_prcoords_across_the_county():
    b = load_profile().bounds
    rng = np.random.default_rng(42)
    lat = rng.uniform(b.south, b.north, 3000)
    lng = rng.uniform(b.west, b.east, 3000)
    glat, glng = wgs_to_gcj(lat, lng)
    worst = max(prcoords.Coords(a, o).distance(prcoords.wgs_gcj(prcoords.Coords(la, lo)))
                for a, o, la, lo in zip(glat.tolist(), glng.tolist(), lat.tolist(), lng.tolist()))
    assert worst < 0.01  # the brief allows 0.5 m; the same formula in numpy should agree to the millimetre
    shift = prcoords.Coords(float(glat[0]), float(glng[0])).distance(prcoords.Coords(float(lat[0]), float(lng[0])))
    assert shift > 100  # the offset itself is hundreds of metres; the check above is meaningful


def test_outside_china_is_left_alone_and_wgs84_is_identity():
    glat, glng = wgs_to_gcj([48.85, 29.3], [2.35, 120.0])
    assert (glat[0], glng[0]) == (48.85, 2.35) and glat[1] != 29.3
    lat, lng = to_display([29.3], [120.0], "wgs84")
    assert lat.tolist() == [29.3] and lng.tolist() == [120.0]
    with pytest.raises(ValueError):
        to_display([29.3], [120.0], "bd09")


def test_web_mercator_matches_the_tile_convention():
    assert lng_to_x(-180.0) == 0 and lng_to_x(0.0) == 0.5
    assert lat_to_y(0.0) == pytest.approx(0.5) and lat_to_y(85.0511287798066) == pytest.approx(0.0, abs=1e-12)
    lat = np.linspace(-80, 80, 101)
    # The OpenStreetMap wiki's tile formula, written differently (asinh instead of log tan).
    osm = [(1 - math.asinh(math.tan(math.radians(a))) / math.pi) / 2 for a in lat.tolist()]
    assert np.allclose(lat_to_y(lat), osm, rtol=0, atol=1e-12)
    assert int(lng_to_x(120.03) * 2 ** 13) == 6827 and int(lat_to_y(29.32) * 2 ** 13) == 3397  # Yiwu, tile 13
    assert np.allclose(y_to_lat(lat_to_y(lat)), lat, atol=1e-12)
    assert np.allclose(x_to_lng(lng_to_x(lat)), lat, atol=1e-12)
