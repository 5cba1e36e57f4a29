"""WMTS servers and a label overlay: their tile templates, checks, and the page's tile layers."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from core.errors import ConfigError
from core.reference import load_profile
from maps.base_map import external_urls
from maps.entity_map import build_entity_map, render_page
from maps.tiles import TileConfig, tile_config_from
from tests.maps.pagecheck import TILES

from .test_entity_map import _init_options

VEC = "http://t{s}.tianditu.intranet/vec_w/wmts?tk=KEY"
CVA = "http://t{s}.tianditu.intranet/cva_w/wmts?tk=KEY"


def _tianditu(coords="wgs84") -> TileConfig:
    labels = TileConfig(CVA, kind="wmts", subdomains="0123", layer_name="cva", matrix_set="w", format="tiles",
                        coords=coords)
    return TileConfig(VEC, kind="wmts", subdomains="01234567", layer_name="vec", matrix_set="w", format="tiles",
                      coords=coords, attribution="天地图", overlay=labels)


def test_a_wmts_server_is_fetched_through_an_xyz_gettile_template():
    template = _tianditu().template()
    url = urlparse(template)
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert url.netloc == "t{s}.tianditu.intranet" and url.path == "/vec_w/wmts"
    assert query == {"tk": "KEY", "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": "vec",
                     "STYLE": "default", "TILEMATRIXSET": "w", "FORMAT": "tiles",
                     "TILEMATRIX": "{z}", "TILEROW": "{y}", "TILECOL": "{x}"}
    restful = TileConfig("http://tiles.intranet/wmts/vec/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png",
                         kind="wmts", matrix_set="GoogleMapsCompatible")
    assert restful.template() == "http://tiles.intranet/wmts/vec/default/GoogleMapsCompatible/{z}/{y}/{x}.png"
    assert TileConfig(TILES).template() == TILES


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"url": VEC, "kind": "wms"}, "unknown tile server kind"),
    ({"url": "http://tiles.intranet/wmts", "kind": "wmts"}, "needs its layer"),
    ({"url": "http://tiles.intranet/wmts", "kind": "wmts", "layer_name": "vec", "matrix_set": ""}, "matrix set"),
    ({"url": "http://tiles.intranet/wmts", "kind": "wmts", "layer_name": "a&b"}, "URL separators"),
    ({"url": TILES, "overlay": TileConfig(TILES, coords="gcj02")}, "labels would sit"),
])
def test_a_bad_wmts_or_overlay_names_the_problem(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        TileConfig(**kwargs)


def test_settings_values_make_the_same_configuration():
    values = {"url": VEC, "kind": "wmts", "subdomains": "01234567", "layer": "vec", "matrix_set": "w",
              "format": "tiles", "coords": "wgs84", "attribution": "天地图", "overlay_url": CVA,
              "overlay_kind": "wmts", "overlay_subdomains": "0123", "overlay_layer": "cva",
              "overlay_matrix_set": "w", "overlay_format": "tiles"}
    assert tile_config_from(values) == _tianditu()
    assert tile_config_from({**values, "overlay_url": ""}).overlay is None
    assert tile_config_from({**values, "url": ""}) is None


def _tile_layers(page: str) -> dict[str, tuple[str, dict]]:
    """folium's L.tileLayer calls: variable -> (URL template, options text)."""
    found = re.findall(r"var (tile_layer_\w+) = L\.tileLayer\(\s*\"([^\"]+)\",\s*(\{.*?\})\s*\);", page, re.DOTALL)
    # folium writes the template as a JS string literal (& as \u0026): read it as the page's script does.
    return {name: (json.loads(f'"{url}"'), options) for name, url, options in found}


@pytest.mark.parametrize("coords", ["wgs84", "gcj02"])
def test_the_page_draws_the_wmts_base_and_the_label_overlay_above_it(tmp_path, coords):
    tiles = _tianditu(coords)
    page = render_page(build_entity_map(load_profile("yiwu"), tiles=tiles), tmp_path / "map.html").read_text("utf-8")
    layers = _tile_layers(page)
    options = _init_options(page)
    base, labels = options["_refs"][0], options["_labels"]
    assert set(layers) == {base, labels}
    assert layers[base][0] == tiles.template() and "LAYER=vec" in layers[base][0]
    assert layers[labels][0] == tiles.overlay.template() and "LAYER=cva" in layers[labels][0]
    assert '"subdomains": "0123"' in layers[labels][1] and '"subdomains": "01234567"' in layers[base][1]
    assert options["texts"]["labels"] == "注记"
    # The only URLs a page names are its configured servers (offline rule).
    assert {json.loads(f'"{url}"') for url in external_urls(page)} == {tiles.template(), tiles.overlay.template()}


def test_the_page_script_lifts_the_labels_above_the_regions():
    from maps.assets import asset_path

    script = asset_path("tongguan_map_js").read_text("utf-8")
    pane = re.search(r'createPane\("tongguanLabels"\);\s*labelPane\.style\.zIndex = (\d+)', script)
    regions = re.search(r'createPane\("tongguanRegions"\)\.style\.zIndex = (\d+)', script)
    entities = re.search(r'createPane\("tongguanEntities"\)\.style\.zIndex = (\d+)', script)
    assert pane and regions and entities
    assert int(regions.group(1)) < int(pane.group(1)) < int(entities.group(1))
