"""Surveyed boundaries: the sample files import, bad files are refused with each feature's
index and reason, GCJ-02 input is converted, and imported centres are where entities go."""
from __future__ import annotations

import json

import pytest
from shapely.geometry import shape
from sqlalchemy import func, select

from core.db.models import AppMeta, AuditEntry, MarketEntity, RegionGeometry, Town, Village
from core.errors import PermissionDenied
from core.geo.boundaries import read_boundaries
from core.geo.coords import from_wgs84
from core.reference import load_profile
from core.services.boundaries import BoundaryFileRejected, import_boundaries, stored_regions, village_centres
from tests.core.exchange.city import empty_city

from .make_samples import TOWNS_FILE, VILLAGES_FILE

PROFILE = load_profile("yiwu")
TOWN_CODES = {t.code for t in PROFILE.towns}
VILLAGE_CODES = {v.code for v in PROFILE.villages}
SQUARE = [[120.0, 29.3], [120.02, 29.3], [120.02, 29.32], [120.0, 29.32], [120.0, 29.3]]


@pytest.fixture
def city(db):
    return empty_city(db)


def _feature(code, geometry, key="code"):
    return {"type": "Feature", "properties": {key: code} if code is not None else {}, "geometry": geometry}


def _polygon(ring=SQUARE):
    return {"type": "Polygon", "coordinates": [ring]}


def _write(tmp_path, features, name="file.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_the_sample_files_hold_every_town_and_village_of_the_demo_city():
    towns = read_boundaries(json.loads(TOWNS_FILE.read_text("utf-8")), "town", TOWN_CODES, bounds=PROFILE.bounds)
    villages = read_boundaries(json.loads(VILLAGES_FILE.read_text("utf-8")), "village", VILLAGE_CODES,
                               bounds=PROFILE.bounds)
    assert towns.problems == () and villages.problems == ()
    assert {r.code for r in towns.regions} == TOWN_CODES
    assert {r.code for r in villages.regions} == VILLAGE_CODES and len(VILLAGE_CODES) == 544
    # Most villages come with a boundary, some as a surveyed centroid only.
    with_boundary = [r for r in villages.regions if r.has_boundary]
    assert 400 < len(with_boundary) < 544
    for region in with_boundary[:50]:
        assert shape(region.geometry).is_valid
        assert shape(region.geometry).contains(shape({"type": "Point", "coordinates": [region.lng, region.lat]}))


def test_a_bad_file_names_each_bad_feature_by_index_and_reason():
    bowtie = [[120.0, 29.3], [120.02, 29.32], [120.02, 29.3], [120.0, 29.32], [120.0, 29.3]]
    swapped = [[y, x] for x, y in SQUARE]
    towns = sorted(TOWN_CODES)
    data = {"type": "FeatureCollection", "features": [
        _feature(towns[0], _polygon()),                          # 0: fine
        _feature(towns[1], _polygon(bowtie)),                    # 1: self-intersecting
        _feature("330782999", _polygon()),                       # 2: no such town
        _feature(None, _polygon()),                              # 3: no code
        _feature(towns[0], _polygon()),                          # 4: code given twice
        _feature(towns[2], {"type": "Point", "coordinates": [120.0, 29.3]}),  # 5: a town needs a boundary
        _feature(towns[3], _polygon(swapped)),                   # 6: latitude and longitude swapped
        {"type": "Topology"},                                    # 7: not a feature
        _feature(towns[4], _polygon(), key="区划代码"),           # 8: fine (a surveying office's key)
    ]}
    checked = read_boundaries(data, "town", TOWN_CODES, bounds=PROFILE.bounds)
    reasons = {p.index: p.reason for p in checked.problems}
    assert sorted(reasons) == [1, 2, 3, 4, 5, 6, 7]
    assert "invalid polygon" in reasons[1] and "Self-intersection" in reasons[1]
    assert reasons[2] == "unknown town code" and "no division code" in reasons[3]
    assert "feature 0" in reasons[4] and "Point" in reasons[5] and "swapped" in reasons[6]
    assert [r.code for r in checked.regions] == [towns[0], towns[4]]
    assert {p.code for p in checked.problems if p.index == 2} == {"330782999"}


def test_a_bad_file_imports_nothing(city, tmp_path):
    towns = sorted(TOWN_CODES)
    path = _write(tmp_path, [_feature(towns[0], _polygon()), _feature("330782999", _polygon())])
    with pytest.raises(BoundaryFileRejected) as refused:
        import_boundaries(city, "admin", "town", path)
    assert [(p.index, p.code) for p in refused.value.problems] == [(1, "330782999")]
    assert "feature 1 (330782999): unknown town code" in str(refused.value)
    with city.sessions() as s:
        assert s.scalar(select(func.count()).select_from(RegionGeometry)) == 0
        assert s.get(AppMeta, "town_regions") is None


def test_only_an_administrator_imports_boundaries(city):
    with pytest.raises(PermissionDenied):
        import_boundaries(city, "op", "town", TOWNS_FILE)


def test_importing_villages_moves_their_centres_and_is_audited(city):
    before = village_centres(city)
    outcome = import_boundaries(city, "admin", "village", VILLAGES_FILE)
    assert (outcome.regions, outcome.known) == (544, 544)
    stored = stored_regions(city, "village")
    assert len(stored.collection["features"]) == outcome.boundaries < 544
    after = village_centres(city)
    assert after == {code: pytest.approx(c) for code, c in stored.centres.items()}
    assert sum(1 for code in after if after[code] != before[code]) > 400  # the spiral positions are gone
    with city.sessions() as s:
        assert s.get(AppMeta, "village_centres").value == "surveyed"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "geo.import.village")).one()
        assert entry.actor == "admin" and '"regions": 544' in entry.after
    # Importing the same file again replaces the rows; nothing doubles.
    import_boundaries(city, "admin", "village", VILLAGES_FILE)
    with city.sessions() as s:
        assert s.scalar(select(func.count()).select_from(RegionGeometry)) == 544


def test_gcj02_input_is_converted_to_wgs84(city, tmp_path):
    data = json.loads(TOWNS_FILE.read_text("utf-8"))
    for feature in data["features"]:
        feature["geometry"]["coordinates"] = [
            [list(reversed(from_wgs84(lat, lng, "gcj02"))) for lng, lat in ring]
            for ring in feature["geometry"]["coordinates"]]
    gcj = _write(tmp_path, data["features"], "towns_gcj02.geojson")
    truth = {r.code: (r.lat, r.lng) for r in read_boundaries(
        json.loads(TOWNS_FILE.read_text("utf-8")), "town", TOWN_CODES).regions}

    import_boundaries(city, "admin", "town", gcj, coords="gcj02")
    converted = stored_regions(city, "town").centres
    for code, (lat, lng) in truth.items():
        assert converted[code] == (pytest.approx(lat, abs=2e-5), pytest.approx(lng, abs=2e-5))
    with city.sessions() as s:
        assert s.get(Town, sorted(TOWN_CODES)[0]).lat == pytest.approx(truth[sorted(TOWN_CODES)[0]][0], abs=2e-5)

    # Taken as WGS-84, the same file would sit hundreds of metres off.
    unconverted = read_boundaries(data, "town", TOWN_CODES).regions
    shift = max(abs(r.lng - truth[r.code][1]) for r in unconverted)
    assert shift > 0.002


def test_an_entity_without_a_position_is_placed_at_its_surveyed_village_centre(city, tmp_path):
    from core.exchange import import_file

    import_boundaries(city, "admin", "village", VILLAGES_FILE)
    village = next(r for r in read_boundaries(json.loads(VILLAGES_FILE.read_text("utf-8")), "village",
                                              VILLAGE_CODES).regions if r.has_boundary)
    with city.sessions() as s:
        town = s.get(Village, village.code).town_code
    csv = tmp_path / "entities.csv"
    csv.write_text("统一社会信用代码,名称,主体类型,镇街,村社\n"
                   f"92330782MA2T00002N,义乌市稠城阿明早餐店,个体工商户,{town},{village.code}\n", encoding="utf-8")
    result = import_file(city, "op", "entities", csv)
    assert result.ok, [str(p) for p in result.problems]
    with city.sessions() as s:
        lat, lng = s.execute(select(MarketEntity.lat, MarketEntity.lng)).one()
    assert (lat, lng) == (pytest.approx(village.lat, abs=1e-6), pytest.approx(village.lng, abs=1e-6))


def test_a_town_in_parts_and_a_polygon_with_a_hole_are_taken():
    towns = sorted(TOWN_CODES)
    island = [[120.05, 29.35], [120.06, 29.35], [120.06, 29.36], [120.05, 29.35]]
    hole = [[120.005, 29.305], [120.01, 29.305], [120.01, 29.31], [120.005, 29.305]]
    data = {"type": "FeatureCollection", "features": [
        _feature(towns[0], {"type": "MultiPolygon", "coordinates": [[SQUARE], [island]]}),
        _feature(towns[1], {"type": "Polygon", "coordinates": [SQUARE, hole]}),
    ]}
    checked = read_boundaries(data, "town", TOWN_CODES, bounds=PROFILE.bounds)
    assert checked.problems == ()
    parts, holed = checked.regions
    assert parts.geometry["type"] == "MultiPolygon" and len(parts.geometry["coordinates"]) == 2
    assert shape(parts.geometry).contains(shape({"type": "Point", "coordinates": [parts.lng, parts.lat]}))
    assert not shape(holed.geometry).contains(shape({"type": "Point", "coordinates": [120.008, 29.306]}))
    assert shape(holed.geometry).contains(shape({"type": "Point", "coordinates": [holed.lng, holed.lat]}))
