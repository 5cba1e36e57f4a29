"""ids_in_polygon against a plain-Python even-odd test."""
from __future__ import annotations

import math

import numpy as np
import pytest

from core.geoindex import MapIndex, synthetic_columns
from core.geoindex.mercator import lat_to_y, lng_to_x
from core.services.search import EntityFilter

from .helpers import CITY, point_in_ring


@pytest.fixture(scope="module")
def index():
    return MapIndex(synthetic_columns(30_000, seed=7, bounds=CITY, n_tags=4))


def _star(lat: float, lng: float, radius: float, points: int) -> list[tuple[float, float]]:
    """A concave star (lat, lng), radius in degrees."""
    ring = []
    for i in range(2 * points):
        r = radius if i % 2 == 0 else radius * 0.4
        a = math.pi * i / points
        ring.append((lat + r * math.sin(a), lng + r * math.cos(a) * 1.15))
    return ring


def _brute(index, ring, f: EntityFilter) -> list[int]:
    cols = index.columns
    xy = list(zip(lng_to_x([p[1] for p in ring]).tolist(), lat_to_y([p[0] for p in ring]).tolist()))
    mask = index.mask(f)
    return sorted(int(cols.ids[r]) for r in range(len(cols))
                  if mask[r] and point_in_ring(float(cols.x[r]), float(cols.y[r]), xy))


def test_polygons_select_what_a_plain_even_odd_test_selects(index):
    cols = index.columns
    rng = np.random.default_rng(1)
    centres = [(float(cols.lat[i]), float(cols.lng[i])) for i in rng.integers(0, len(cols), 3)]
    rings = [
        _star(*centres[0], 0.05, 5),
        _star(*centres[1], 0.02, 7),
        [(centres[2][0] - 0.03, centres[2][1] - 0.04), (centres[2][0] + 0.04, centres[2][1]),
         (centres[2][0] - 0.03, centres[2][1] + 0.04)],
        [(CITY[0], CITY[1]), (CITY[2], CITY[1]), (CITY[2], CITY[3]), (CITY[0], CITY[3])],
    ]
    for ring in rings:
        for f in (EntityFilter(), EntityFilter(risk_classes=("B", "C"), tag_ids=(4,))):
            got = index.ids_in_polygon(ring, f)
            assert got.dtype == np.int64
            assert got.tolist() == _brute(index, ring, f)
    assert index.ids_in_polygon(rings[0], EntityFilter()).size > 100


def test_a_polygon_needs_three_vertices(index):
    with pytest.raises(ValueError):
        index.ids_in_polygon([(29.3, 120.0), (29.4, 120.1)], EntityFilter())
