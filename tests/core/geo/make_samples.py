"""Write resources/samples/geo/: town and village boundaries of the demo profile (Yiwu) as GeoJSON.

They stand in for a surveying office's files: towns are the approximate Voronoi cells,
villages the Voronoi cells of their approximate centres inside their town's cell (a village
whose cell misses its town is given as a centroid Point, as some offices deliver them).
Run ``python -m tests.core.geo.make_samples`` to write them again.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.geometry import MultiPoint, Point, Polygon, mapping

from core.reference import load_profile
from core.services.geography import approximate_village_centres
from maps.regions import town_regions

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples" / "geo"
TOWNS_FILE = SAMPLES / "yiwu_towns.geojson"
VILLAGES_FILE = SAMPLES / "yiwu_villages.geojson"


def _rounded(geometry: dict) -> dict:
    def walk(value):
        if value and isinstance(value[0], (int, float)):
            return [round(float(v), 6) for v in value]
        return [walk(v) for v in value]
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def build() -> tuple[dict, dict]:
    profile = load_profile("yiwu")
    towns = town_regions(profile)
    cells = {f["properties"]["code"]: Polygon(f["geometry"]["coordinates"][0]) for f in towns["features"]}
    town_features = [{"type": "Feature", "properties": {"code": code, "name": f["properties"]["name"]},
                      "geometry": _rounded(mapping(cells[code]))}
                     for code, f in ((f["properties"]["code"], f) for f in towns["features"])]
    centres = approximate_village_centres(profile)
    by_town: dict[str, list] = defaultdict(list)
    for v in profile.villages:
        by_town[v.town_code].append(v)
    village_features = []
    for town_code, villages in sorted(by_town.items()):
        cell = cells[town_code]
        points = [Point(centres[v.code][1], centres[v.code][0]) for v in villages]
        parts = shapely.voronoi_polygons(MultiPoint(points), extend_to=cell.buffer(0.1)).geoms
        for v, point in zip(villages, points):
            own = next(p for p in parts if p.contains(point) or p.touches(point))
            region = own.intersection(cell)
            if region.is_empty or region.area < 1e-7 or region.geom_type not in ("Polygon", "MultiPolygon"):
                geometry = mapping(point)
            else:
                geometry = mapping(shapely.make_valid(region.simplify(0.00002)))
            village_features.append({"type": "Feature", "properties": {"code": v.code, "name": v.name_zh},
                                     "geometry": _rounded(geometry)})
    return ({"type": "FeatureCollection", "features": town_features},
            {"type": "FeatureCollection", "features": village_features})


def main() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    towns, villages = build()
    for path, data in ((TOWNS_FILE, towns), (VILLAGES_FILE, villages)):
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{path}: {len(data['features'])} features, {path.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
