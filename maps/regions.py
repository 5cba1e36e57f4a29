"""Approximate town regions for the town choropleth (no surveyed boundaries are bundled).

Each town's region is its Voronoi cell: the part of the county's bounding box closer to
its centre than to any other town centre. Distances are measured in a local plane
(longitude scaled by the cosine of the county's latitude), so cells are fair on the ground.
The cells tile the bounding box exactly; pages must call them approximate.
Once surveyed boundaries are imported (core.services.boundaries), :func:`city_regions`
returns those instead, and village regions with them.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from core.reference import CityProfile
from maps.tiles import display_point

APPROXIMATE_NOTE = {"zh": "区域为近似（泰森多边形）", "en": "approximate (Voronoi) regions"}

Point = tuple[float, float]


def _clip(polygon: list[Point], a: float, b: float, c: float) -> list[Point]:
    """The part of a convex polygon where ``a*x + b*y <= c`` (Sutherland–Hodgman)."""
    out: list[Point] = []
    n = len(polygon)
    for i in range(n):
        p, q = polygon[i], polygon[(i + 1) % n]
        fp = a * p[0] + b * p[1] - c
        fq = a * q[0] + b * q[1] - c
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def voronoi_cells(sites: Sequence[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """The Voronoi cell of each site (x, y) inside ``box`` = (xmin, ymin, xmax, ymax).

    A cell is a convex ring of (x, y), not closed, counter-clockwise; empty for a site
    whose cell misses the box. Pure Python: O(n²) half-plane clips, fine for tens of sites.
    """
    xmin, ymin, xmax, ymax = box
    cells = []
    for i, (xi, yi) in enumerate(sites):
        cell: list[Point] = [(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax)]
        for j, (xj, yj) in enumerate(sites):
            if j == i or not cell:
                continue
            if (xj, yj) == (xi, yi):
                continue  # duplicate centre: both keep the shared cell
            # |p - si|² <= |p - sj|²  <=>  (sj - si)·p <= (|sj|² - |si|²) / 2
            cell = _clip(cell, xj - xi, yj - yi, (xj * xj + yj * yj - xi * xi - yi * yi) / 2)
        cells.append(cell)
    return cells


def ring_area(ring: Sequence[Sequence[float]]) -> float:
    """Unsigned shoelace area of a ring (closed or not) in its own units."""
    pts = list(ring)
    if len(pts) > 1 and tuple(pts[0]) == tuple(pts[-1]):
        pts = pts[:-1]
    s = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i][0], pts[i][1]
        x2, y2 = pts[(i + 1) % len(pts)][0], pts[(i + 1) % len(pts)][1]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


def point_in_ring(x: float, y: float, ring: Sequence[Sequence[float]]) -> bool:
    """Whether (x, y) lies inside the ring (even-odd rule; GeoJSON order: x = lng)."""
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[(i + 1) % n][0], ring[(i + 1) % n][1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def town_regions(profile: CityProfile, coords: str = "wgs84") -> dict:
    """A GeoJSON FeatureCollection: one approximate Polygon per town of ``profile``.

    Cells are computed in WGS-84 and their vertices converted to ``coords`` (shared
    vertices convert alike, so the regions still tile the converted county box). Each
    feature's properties: ``code``, ``name`` (Chinese), ``name_en``, ``approximate``.
    """
    b = profile.bounds
    lat0 = (b.south + b.north) / 2
    k = math.cos(math.radians(lat0))

    def to_plane(lat: float, lng: float) -> Point:
        return (lng - b.west) * k, lat - b.south

    def to_lnglat(x: float, y: float) -> list[float]:
        lat, lng = display_point(y + b.south, x / k + b.west, coords)
        return [lng, lat]

    sites = [to_plane(t.lat, t.lng) for t in profile.towns]
    box = (0.0, 0.0, (b.east - b.west) * k, b.north - b.south)
    features = []
    for town, cell in zip(profile.towns, voronoi_cells(sites, box)):
        if len(cell) < 3:
            continue
        ring = [to_lnglat(x, y) for x, y in cell]
        ring.append(ring[0])
        features.append({
            "type": "Feature",
            "properties": {"code": town.code, "name": town.name_zh, "name_en": town.name_en, "level": "town",
                           "approximate": True},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        })
    return {"type": "FeatureCollection", "features": features}


SURVEYED_NOTE = {"zh": "区域为实测边界", "en": "surveyed boundaries"}


def in_display(collection: dict, coords: str) -> dict:
    """A WGS-84 FeatureCollection of (Multi)Polygons with its vertices in ``coords``."""
    if coords == "wgs84":
        return collection

    def walk(value):
        if value and isinstance(value[0], (int, float)):
            lat, lng = display_point(value[1], value[0], coords)
            return [lng, lat]
        return [walk(v) for v in value]

    return {**collection, "features": [
        {**f, "geometry": {"type": f["geometry"]["type"], "coordinates": walk(f["geometry"]["coordinates"])}}
        for f in collection["features"]]}


@dataclass(frozen=True)
class CityRegions:
    """The regions the map colours: towns (surveyed, else Voronoi cells) and, when surveyed
    village boundaries were imported, villages (else ``None``: no village choropleth)."""

    towns: dict
    villages: dict | None
    surveyed: bool            # the towns are surveyed boundaries, not approximations
    town_centres: dict | None = None   # {code: (lat, lng)} of surveyed towns, in the display system

    @property
    def levels(self) -> tuple[str, ...]:
        return ("town", "village") if self.villages else ("town",)

    @property
    def note(self) -> dict[str, str]:
        return SURVEYED_NOTE if self.surveyed else APPROXIMATE_NOTE


def _named(collection: dict, names: dict[str, tuple[str, str]], level: str) -> dict:
    features = []
    for f in collection["features"]:
        code = f["properties"]["code"]
        zh, en = names.get(code, (code, code))
        features.append({**f, "properties": {"code": code, "name": zh, "name_en": en, "level": level,
                                             "approximate": False}})
    return {"type": "FeatureCollection", "features": features}


def city_regions(db, coords: str = "wgs84", profile: CityProfile | None = None) -> CityRegions:
    """The regions of ``db``'s city in ``coords``: the imported ones when present, else the
    approximations. The one place the map page and the wall read regions from."""
    from core.reference import load_profile
    from core.services.boundaries import stored_regions

    profile = profile or load_profile(db.meta().get("profile", "yiwu"))
    towns = stored_regions(db, "town")
    villages = stored_regions(db, "village")
    if towns.has_boundaries:
        names = {t.code: (t.name_zh, t.name_en) for t in profile.towns}
        town_fc = in_display(_named(towns.collection, names, "town"), coords)
    else:
        town_fc = town_regions(profile, coords)
    village_fc = None
    if villages.has_boundaries:
        names = {v.code: (v.name_zh, v.name_zh) for v in profile.villages}
        village_fc = in_display(_named(villages.collection, names, "village"), coords)
    centres = {code: display_point(lat, lng, coords) for code, (lat, lng) in towns.centres.items()}
    return CityRegions(town_fc, village_fc, towns.has_boundaries, centres or None)
