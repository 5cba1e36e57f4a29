"""Approximate town regions: Voronoi cells of the town centres clipped to the county box."""
from __future__ import annotations

import pytest

from core.geo.coords import from_wgs84
from core.reference import load_profile
from maps.regions import point_in_ring, ring_area, town_regions, voronoi_cells


@pytest.fixture(scope="module")
def profile():
    return load_profile()


def _rings(collection):
    return {f["properties"]["code"]: f["geometry"]["coordinates"][0] for f in collection["features"]}


def test_one_closed_polygon_per_town_with_code_and_names(profile):
    regions = town_regions(profile)
    assert regions["type"] == "FeatureCollection"
    assert [f["properties"]["code"] for f in regions["features"]] == [t.code for t in profile.towns]
    for feature, town in zip(regions["features"], profile.towns, strict=True):
        ring = feature["geometry"]["coordinates"][0]
        assert feature["geometry"]["type"] == "Polygon" and len(ring) >= 4 and ring[0] == ring[-1]
        assert feature["properties"]["name"] == town.name_zh and feature["properties"]["approximate"] is True


def test_every_town_centre_lies_in_its_own_region_only(profile):
    rings = _rings(town_regions(profile))
    for town in profile.towns:
        inside = [code for code, ring in rings.items() if point_in_ring(town.lng, town.lat, ring)]
        assert inside == [town.code], (town.name_zh, inside)


def test_regions_tile_the_county_bounds(profile):
    b = profile.bounds
    rings = _rings(town_regions(profile))
    total = sum(ring_area(r) for r in rings.values())
    assert total == pytest.approx((b.east - b.west) * (b.north - b.south), rel=1e-6)
    for ring in rings.values():
        for lng, lat in ring:
            assert b.west - 1e-6 <= lng <= b.east + 1e-6 and b.south - 1e-6 <= lat <= b.north + 1e-6


def test_gcj02_regions_are_shifted_like_the_town_centres(profile):
    b = profile.bounds
    rings = _rings(town_regions(profile, "gcj02"))
    for town in profile.towns:
        lat, lng = from_wgs84(town.lat, town.lng, "gcj02")
        assert point_in_ring(lng, lat, rings[town.code]), town.name_zh
    corners = [from_wgs84(la, ln, "gcj02") for la, ln in ((b.south, b.west), (b.south, b.east),
                                                          (b.north, b.east), (b.north, b.west))]
    box = ring_area([(ln, la) for la, ln in corners])
    assert sum(ring_area(r) for r in rings.values()) == pytest.approx(box, rel=1e-4)
    wgs = _rings(town_regions(profile))
    assert rings["330782001"] != wgs["330782001"]


def test_voronoi_of_two_sites_halves_the_box():
    left, right = voronoi_cells([(1.0, 1.0), (3.0, 1.0)], (0.0, 0.0, 4.0, 2.0))
    assert ring_area(left) == pytest.approx(4.0) and ring_area(right) == pytest.approx(4.0)
    assert max(x for x, _ in left) == pytest.approx(2.0) and min(x for x, _ in right) == pytest.approx(2.0)


def test_the_containment_check_can_fail():
    square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert point_in_ring(0.5, 0.5, square) and not point_in_ring(1.5, 0.5, square)
