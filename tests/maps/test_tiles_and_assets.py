"""Tile server configuration and the registry of local web assets (npm-pinned, offline)."""
from __future__ import annotations

import json

import pytest

import maps.assets as assets
from core.errors import ConfigError
from core.geo.coords import from_wgs84
from maps.assets import ASSETS, ENV_VAR, MissingAssets, asset_path
from maps.tiles import TileConfig, display_point
from tests.maps.pagecheck import TILES


@pytest.fixture(autouse=True)
def _default_assets(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_a_valid_tile_config():
    tiles = TileConfig(TILES, attribution="天地图 Tianditu", coords="gcj02", max_zoom=17)
    assert tiles.is_gcj02 and tiles.max_zoom == 17
    layer = TileConfig("http://t{s}.intranet/{z}/{x}/{y}.png", subdomains="01234567").layer()
    assert layer.options["subdomains"] == "01234567"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"url": "http://tiles.intranet/base.png"}, r"lacks \{z\}, \{x\}, \{y\}"),
    ({"url": "http://tiles.intranet/{z}/{x}.png"}, r"lacks \{y\}"),
    ({"url": ""}, "empty"),
    ({"url": "tiles/{z}/{x}/{y}.png"}, "http:// or https://"),
    ({"url": "file:///srv/tiles/{z}/{x}/{y}.png"}, "http:// or https://"),
    ({"url": 'http://tiles.intranet/{z}/{x}/{y}.png"'}, "quotes"),
    ({"url": "http://t{s}.intranet/{z}/{x}/{y}.png"}, "subdomains"),
    ({"url": TILES, "coords": "bd09"}, "bd09"),
    ({"url": TILES, "max_zoom": 0}, "max_zoom"),
    ({"url": TILES, "max_zoom": 23}, "max_zoom"),
    ({"url": TILES, "max_zoom": True}, "max_zoom"),
])
def test_a_bad_tile_config_names_the_problem(kwargs, message):
    with pytest.raises(ConfigError, match=message) as caught:
        TileConfig(**kwargs)
    assert caught.value.where.startswith("map tile_")


def test_display_points_are_converted_only_for_gcj02():
    assert display_point(29.3061234567, 120.075, "wgs84") == (29.306123, 120.075)
    lat, lng = from_wgs84(29.306, 120.075, "gcj02")
    assert display_point(29.306, 120.075, "gcj02") == (round(lat, 6), round(lng, 6))
    assert display_point(29.306, 120.075, "gcj02") != (29.306, 120.075)


def test_every_registered_asset_is_on_disk():
    for name, asset in ASSETS.items():
        path = asset_path(name)
        assert path.is_file() and path.is_absolute(), name
        assert path.suffix == "." + asset.kind


def test_a_missing_asset_names_the_file_and_the_fix(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "PROJECT_ROOT", tmp_path)
    with pytest.raises(MissingAssets) as caught:
        asset_path("geoman_js")
    assert "leaflet-geoman.min.js" in str(caught.value) and "npm ci" in str(caught.value)
    with pytest.raises(MissingAssets, match="tongguan_map.js.*restore"):
        asset_path("tongguan_map_js")


def test_npm_packages_are_pinned_exactly_in_package_and_lock_files():
    root = assets.PROJECT_ROOT
    package = json.loads((root / "package.json").read_text("utf-8"))
    lock = json.loads((root / "package-lock.json").read_text("utf-8"))
    deps = package["dependencies"]
    assert deps["leaflet"] == "1.9.4" and deps["leaflet.heat"] == "0.2.0"
    assert deps["leaflet.markercluster"] == "1.5.3" and deps["@geoman-io/leaflet-geoman-free"].startswith("2.")
    for name in {a.package for a in ASSETS.values() if a.package}:
        version = deps[name]
        assert version[0].isdigit(), f"{name} is not pinned exactly: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
        installed = json.loads((root / "node_modules" / name / "package.json").read_text("utf-8"))
        assert installed["version"] == version, f"{name}: run `npm ci`"
