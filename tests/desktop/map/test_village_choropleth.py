"""A GeoJSON boundary file turns the village choropleth on (without it, regions stay approximate)."""
from __future__ import annotations

import datetime as dt

import pytest

from core.db.database import Database
from core.geoindex import MapIndex, open_columns
from core.reference import load_profile
from core.services.boundaries import import_boundaries, stored_regions, village_centres
from desktop.map.query import LayerChoice, Query, compose, whole_city_view
from maps.entity_map import build_entity_map, render_page
from maps.regions import city_regions
from maps.tiles import TileConfig
from tests.core.geo.make_samples import TOWNS_FILE, VILLAGES_FILE
from tests.maps.pagecheck import TILES
from tests.maps.test_entity_map import _init_options
from tests.support.accounts import standard_accounts

PROFILE = load_profile("yiwu")
VILLAGES = {v.code for v in PROFILE.villages}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("city") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=3000, seed=11, as_of=dt.date(2026, 11, 20), chunk=1000))
    db = Database.open(str(path))
    standard_accounts(db)
    db.dispose()
    return path


@pytest.fixture
def city(template, tmp_path):
    import shutil

    shutil.copy(template, tmp_path / "city.sqlite")
    db = Database.open(str(tmp_path / "city.sqlite"))
    yield db
    db.dispose()


def _labels():
    from desktop.map.labels import build_labels

    return build_labels((), lang="zh_CN", title="义乌市")


def _payload(db, choice: LayerChoice) -> dict:
    b = PROFILE.bounds
    index = MapIndex(open_columns(db))
    payload, _ = compose(index, Query(seq=1, view=whole_city_view((b.south, b.west, b.north, b.east)), choice=choice),
                         _labels(), db=db)
    return payload


def _page_options(db, tmp_path, coords="wgs84") -> dict:
    tiles = TileConfig(TILES, coords=coords)
    page = build_entity_map(PROFILE, tiles=tiles, village_centres=village_centres(db),
                            regions=city_regions(db, coords, PROFILE))
    return _init_options(render_page(page, tmp_path / f"map-{coords}.html").read_text("utf-8"))


def test_without_imported_boundaries_regions_are_approximate_towns_only(city, tmp_path):
    regions = city_regions(city)
    assert regions.levels == ("town",) and not regions.surveyed and regions.villages is None
    options = _page_options(city, tmp_path)
    assert options["villageRegions"] is None
    assert "近似" in options["texts"]["approximate"]
    assert all(f["properties"]["approximate"] for f in options["regions"]["features"])


def test_the_cli_refuses_a_village_map_without_village_boundaries(qapp, city, tmp_path, capsys):
    # qapp: `map export` makes a QCoreApplication when none exists; later tests need the QApplication.
    from desktop.cli.main import main

    args = ["map", "export", "--db", str(tmp_path / "city.sqlite"),
            "--out", str(tmp_path / "v.html"), "--layer", "choropleth", "--level", "village", "--actor", "operator"]
    assert main(args) == 2
    assert "tongguan geo import villages" in capsys.readouterr().err and not (tmp_path / "v.html").exists()
    import_boundaries(city, "admin", "village", VILLAGES_FILE)
    assert main(args) == 0 and (tmp_path / "v.html").is_file()


def test_imported_village_boundaries_turn_the_village_choropleth_on(city, tmp_path):
    import_boundaries(city, "admin", "town", TOWNS_FILE)
    outcome = import_boundaries(city, "admin", "village", VILLAGES_FILE)
    regions = city_regions(city)
    assert regions.levels == ("town", "village") and regions.surveyed

    options = _page_options(city, tmp_path)
    page = (tmp_path / "map-wgs84.html").read_text("utf-8")
    for code, (lat, lng) in stored_regions(city, "town").centres.items():  # town labels at surveyed centroids
        assert f"[{lat}, {lng}]" in page, code
    villages = options["villageRegions"]["features"]
    assert len(villages) == outcome.boundaries and {f["properties"]["level"] for f in villages} == {"village"}
    assert {f["properties"]["code"] for f in villages} <= VILLAGES
    assert "实测" in options["texts"]["approximate"] and "近似" not in options["texts"]["approximate"]
    assert not any(f["properties"]["approximate"] for f in options["regions"]["features"])

    payload = _payload(city, LayerChoice(measure="entities", level="village"))
    ch = payload["choropleth"]
    assert ch["level"] == "village"
    assert set(ch["values"]) <= VILLAGES and len([v for v in ch["values"].values() if v]) > 100
    assert sum(ch["values"].values()) == payload["total"] == 3000

    share = _payload(city, LayerChoice(measure="risk_d_share", level="village"))["choropleth"]
    assert share["level"] == "village" and share["format"] == "percent"
    assert all(0 <= v <= 1 for v in share["values"].values()) and any(v > 0 for v in share["values"].values())

    # Clues are counted by town: that measure stays at town level.
    assert _payload(city, LayerChoice(measure="open_clues", level="village"))["choropleth"]["level"] == "town"


def test_surveyed_regions_follow_the_tiles_coordinate_system(city, tmp_path):
    import_boundaries(city, "admin", "village", VILLAGES_FILE)
    wgs = _page_options(city, tmp_path, "wgs84")["villageRegions"]["features"][0]["geometry"]["coordinates"]
    gcj = _page_options(city, tmp_path, "gcj02")["villageRegions"]["features"][0]["geometry"]["coordinates"]
    assert len(wgs[0]) == len(gcj[0])
    assert 0.002 < abs(gcj[0][0][0] - wgs[0][0][0]) < 0.01  # GCJ-02 shifts Yiwu by a few hundred metres
    # Surveyed villages over approximate towns: each level says what it is.
    texts = _page_options(city, tmp_path)["texts"]
    assert "近似" in texts["approximate"] and "实测" in texts["villageNote"]
