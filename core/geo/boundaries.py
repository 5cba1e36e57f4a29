"""Reading surveyed boundaries from GeoJSON: each feature checked, converted to WGS-84.

Pure: no database. :func:`read_boundaries` takes the parsed file and the known division
codes and returns the regions it holds and every problem found, each with the feature's
index (0-based, as in the file's ``features`` array), its code when it has one, and why.
The caller decides (all or nothing). Town features need a Polygon or MultiPolygon; village
features may also be a Point (a surveyed centroid without a boundary).
"""
from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape
from shapely.validation import explain_validity

from core.errors import ValidationError
from core.reference import Bounds

from .coords import CoordSystem, to_wgs84

LEVELS = ("town", "village")
INPUT_COORDS = (CoordSystem.WGS84.value, CoordSystem.GCJ02.value)
# Property names a code is read from, in order: ours, then what surveying offices commonly write.
CODE_KEYS = ("code", "区划代码", "行政区划代码", "adcode", "ADCODE", "CODE", "XZQDM", "xzqdm")
_POLYGONS = ("Polygon", "MultiPolygon")
# How far outside the city's box a region may reach before it is taken for a wrong file.
_BOX_MARGIN_DEG = 0.2


@dataclass(frozen=True)
class Region:
    """One region read from a file: WGS-84 GeoJSON geometry and centroid (lat, lng)."""

    code: str
    geometry: dict
    lat: float
    lng: float

    @property
    def has_boundary(self) -> bool:
        return self.geometry["type"] in _POLYGONS


@dataclass(frozen=True)
class Problem:
    """Why feature ``index`` (0-based) of a file cannot be taken."""

    index: int
    code: str
    reason: str

    def __str__(self) -> str:
        code = f" ({self.code})" if self.code else ""
        return f"feature {self.index}{code}: {self.reason}"


@dataclass(frozen=True)
class BoundaryFile:
    """What a file holds: the regions that passed and the problems of the others."""

    level: str
    regions: tuple[Region, ...]
    problems: tuple[Problem, ...]


def load_geojson(path: str | Path) -> dict:
    """The parsed FeatureCollection in ``path``; ValidationError when it is none."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ValidationError(f"no such file: {path}", where=str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(f"not a GeoJSON (JSON) file: {error}", where=str(path)) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
            or not isinstance(data.get("features"), list):
        raise ValidationError("not a GeoJSON FeatureCollection (expected \"type\": \"FeatureCollection\" "
                              "and a \"features\" list)", where=str(path))
    return data


def _code_of(feature: Mapping) -> str:
    props = feature.get("properties") or {}
    for key in CODE_KEYS:
        value = props.get(key)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def _to_wgs84(geometry, coords: str):
    if coords == CoordSystem.WGS84:
        return geometry

    def convert(xy):
        out = [to_wgs84(float(y), float(x), coords) for x, y in xy]
        return [(lng, lat) for lat, lng in out]

    # shapely.transform hands coordinates as an (n, 2) array of x = lng, y = lat.
    import numpy as np
    return shapely.transform(geometry, lambda arr: np.asarray(convert(arr), dtype=np.float64))


def _check_geometry(feature: Mapping, level: str) -> tuple[object | None, str]:
    raw = feature.get("geometry")
    if not isinstance(raw, Mapping) or "type" not in raw:
        return None, "no geometry"
    allowed = _POLYGONS + (("Point",) if level == "village" else ())
    if raw["type"] not in allowed:
        return None, f"geometry {raw['type']} is not one of {', '.join(allowed)}"
    try:
        geom = shape(raw)
    except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.GEOSException) as error:
        return None, f"unreadable coordinates ({error})"
    if geom.is_empty:
        return None, "empty geometry"
    if not geom.is_valid:
        return None, f"invalid polygon: {explain_validity(geom)}"
    return geom, ""


def read_boundaries(data: Mapping, level: str, known: Collection[str], *, coords: str = "wgs84",
                    bounds: Bounds | None = None) -> BoundaryFile:
    """Check every feature of ``data`` (a FeatureCollection) as a ``level`` region.

    ``known`` are the codes of that level in the city; ``coords`` the system the file's
    coordinates are in (converted to WGS-84); with ``bounds``, a region whose centroid lies
    far outside the city is refused (a file of another city, or lat/lng swapped).
    """
    if level not in LEVELS:
        raise ValidationError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}", where="level")
    if coords not in INPUT_COORDS:
        raise ValidationError(f"unknown coordinate system {coords!r}; expected one of {', '.join(INPUT_COORDS)}",
                              where="coords")
    known = set(known)
    regions: list[Region] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, feature in enumerate(data.get("features", [])):
        if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
            problems.append(Problem(index, "", "not a GeoJSON Feature"))
            continue
        code = _code_of(feature)
        if not code:
            problems.append(Problem(index, "", f"no division code in its properties (one of {', '.join(CODE_KEYS[:3])})"))
            continue
        if code not in known:
            problems.append(Problem(index, code, f"unknown {level} code"))
            continue
        if code in seen:
            problems.append(Problem(index, code, f"code already given by feature {seen[code]}"))
            continue
        seen[code] = index
        geom, reason = _check_geometry(feature, level)
        if geom is None:
            problems.append(Problem(index, code, reason))
            continue
        try:
            geom = _to_wgs84(geom, coords)
        except ValidationError as error:
            problems.append(Problem(index, code, str(error)))
            continue
        centre = geom.representative_point() if not geom.centroid.within(geom) else geom.centroid
        lat, lng = centre.y, centre.x
        if bounds is not None and not Bounds(bounds.south - _BOX_MARGIN_DEG, bounds.west - _BOX_MARGIN_DEG,
                                             bounds.north + _BOX_MARGIN_DEG, bounds.east + _BOX_MARGIN_DEG
                                             ).contains(lat, lng):
            problems.append(Problem(index, code, f"lies outside the city (centre at latitude {lat:.4f}, longitude {lng:.4f}); "
                                                 "another city's file, or latitude and longitude swapped?"))
            continue
        regions.append(Region(code, _rounded(mapping(geom)), round(lat, 6), round(lng, 6)))
    return BoundaryFile(level, tuple(regions), tuple(problems))


def _rounded(geometry: Mapping) -> dict:
    """Plain-list GeoJSON with coordinates rounded to 7 decimals (about a centimetre)."""
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], (int, float)):
                return [round(float(v), 7) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}
