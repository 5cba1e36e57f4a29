"""The entity map page: offline, local assets only, layers and options handed to the page script."""
from __future__ import annotations

import json
import re

import pytest

from core.geo.coords import from_wgs84
from core.reference import load_profile
from core.services.geography import approximate_village_centres
from maps.assets import ENV_VAR, QWEBCHANNEL_URL, asset_path
from maps.base_map import SCHEMATIC_NOTE_ZH, external_urls
from maps.entity_map import PAGE_ASSETS, build_entity_map, page_texts, render_page
from maps.tiles import TileConfig
from tests.maps.pagecheck import HTTP, TILES, linked_urls, local_refs


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.fixture(scope="module")
def villages(profile):
    return approximate_village_centres(profile)


@pytest.fixture(autouse=True)
def _default_assets(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def _page(tmp_path, profile, **kwargs) -> str:
    kwargs.setdefault("tiles", None)
    return render_page(build_entity_map(profile, **kwargs), tmp_path / "map" / "entity.html").read_text("utf-8")


def _init_options(page: str) -> dict:
    found = re.search(r"tongguan\.init\(\w+, \{\s*base: (\w+), labels: (\w+), towns: (\w+), villages: (\w+)\s*\}, "
                      r"(\{.*?\})\);\n", page, re.DOTALL)
    assert found, "tongguan.init call missing"
    options = json.loads(found.group(5))
    options["_refs"] = found.group(1, 3, 4)
    options["_labels"] = found.group(2)
    return options


def _static(page: str) -> dict:
    found = re.search(r'<script id="tongguan-static">window\.TONGGUAN_STATIC = (.*?);</script>', page, re.DOTALL)
    assert found, "static payload missing"
    return json.loads(found.group(1))


def test_schematic_page_has_no_internet_url_and_links_only_registered_local_assets(tmp_path, profile, villages):
    page = _page(tmp_path, profile, village_centres=villages)
    assert not HTTP.search(page), HTTP.search(page)
    refs = local_refs(page)
    assert sorted(refs) == sorted(asset_path(name) for name in PAGE_ASSETS)
    assert all(ref.is_file() for ref in refs)
    assert linked_urls(page) == [r.as_uri() for r in refs[:1]] + [QWEBCHANNEL_URL] + [r.as_uri() for r in refs[1:]]
    for dropped in ("jquery", "bootstrap", "awesome", "fontawesome"):
        assert dropped not in page.lower()
    assert SCHEMATIC_NOTE_ZH in page


def test_scripts_load_in_dependency_order(tmp_path, profile):
    names = [ref.name for ref in local_refs(_page(tmp_path, profile)) if ref.suffix == ".js"]
    assert names == ["leaflet.js", "leaflet-heat.js", "leaflet-geoman.min.js", "tongguan_map.js"]


def test_the_channel_script_only_with_a_channel(tmp_path, profile):
    assert QWEBCHANNEL_URL in _page(tmp_path, profile, channel=True)
    page = _page(tmp_path, profile, channel=False)
    assert "qrc:" not in page and "qwebchannel" not in page.lower()


def test_tile_pages_name_only_the_tile_template(tmp_path, profile):
    for coords in ("wgs84", "gcj02"):
        page = _page(tmp_path, profile, tiles=TileConfig(TILES, attribution="天地图", coords=coords, max_zoom=17))
        assert external_urls(page) == {TILES}
        assert [m.start() for m in HTTP.finditer(page)] == [page.index(TILES)]
        assert SCHEMATIC_NOTE_ZH not in page
        assert '"maxZoom": 17' in page
        assert _init_options(page)["_refs"][0].startswith("tile_layer_")


def test_the_page_script_receives_layers_regions_bounds_and_texts(tmp_path, profile, villages):
    page = _page(tmp_path, profile, village_centres=villages)
    options = _init_options(page)
    base, towns, villages_ref = options["_refs"]
    assert base == "null" and towns.startswith("feature_group_") and villages_ref.startswith("feature_group_")
    # Towns are on the map from the start; the 544 village dots wait for the layer control.
    assert f"{towns}.addTo(" in page and f"{villages_ref}.addTo(" not in page
    assert [f["properties"]["code"] for f in options["regions"]["features"]] == [t.code for t in profile.towns]
    b = profile.bounds
    assert options["bounds"] == [[b.south, b.west], [b.north, b.east]]
    assert options["texts"] == page_texts("zh_CN") and options["lang"] == "zh_CN"
    assert options["texts"]["heat"] == "热力图" and "近似" in options["texts"]["approximate"]
    for town in profile.towns:
        assert town.name_zh in page


def test_english_page_texts(tmp_path, profile):
    options = _init_options(_page(tmp_path, profile, lang="en"))
    assert options["lang"] == "en" and options["texts"]["heat"] == "Heatmap"
    assert options["texts"]["towns"] == "Towns" and "approximate" in options["texts"]["approximate"]


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_each_page_speaks_one_language(tmp_path, profile, villages):
    zh, en = page_texts("zh_CN"), page_texts("en")
    assert zh.keys() == en.keys()
    for key in zh:  # every Chinese control text is Chinese only, every English one has no Chinese
        assert CJK.search(zh[key]) and not re.search(r"[A-Za-z]{3,}", zh[key].replace("Voronoi", "")), zh[key]
        assert not CJK.search(en[key]), en[key]
    english = _page(tmp_path, profile, village_centres=villages, lang="en")
    options = _init_options(english)
    assert options["texts"] == en
    assert [f["properties"]["name"] for f in options["regions"]["features"]] == [t.name_en for t in profile.towns]
    # The page shows no Chinese at all but the village names (they have no English ones).
    shown = english
    for name in sorted({v.name_zh for v in profile.villages}, key=len, reverse=True):
        shown = shown.replace(f"<div>\n                     {name}\n                 </div>", "")
    assert not CJK.search(shown), shown[max(0, CJK.search(shown).start() - 80):CJK.search(shown).start() + 80]
    chinese = _page(tmp_path, profile, village_centres=villages)
    assert _init_options(chinese)["texts"] == zh
    for text in en.values():  # labels, not the page's code words ("entities" is a layer key)
        assert text == text.lower() or text not in chinese, text
    for town in profile.towns:
        assert town.name_en not in chinese


def test_gcj02_tiles_shift_towns_villages_and_regions(tmp_path, profile, villages):
    wgs = _page(tmp_path, profile, village_centres=villages, tiles=TileConfig(TILES))
    gcj = _page(tmp_path, profile, village_centres=villages, tiles=TileConfig(TILES, coords="gcj02"))
    town = profile.towns[0]
    lat, lng = (round(v, 6) for v in from_wgs84(town.lat, town.lng, "gcj02"))
    assert f"[{town.lat}, {town.lng}]" in wgs and f"[{lat}, {lng}]" in gcj
    assert f"[{town.lat}, {town.lng}]" not in gcj
    code, (vlat, vlng) = sorted(villages.items())[0]
    clat, clng = (round(v, 6) for v in from_wgs84(vlat, vlng, "gcj02"))
    assert f"[{clat}, {clng}]" in gcj
    b = profile.bounds
    s, w = (round(v, 6) for v in from_wgs84(b.south, b.west, "gcj02"))
    assert _init_options(gcj)["bounds"][0] == [s, w]
    assert _init_options(gcj)["regions"] != _init_options(wgs)["regions"]


def test_a_static_payload_is_embedded_as_json_that_cannot_close_the_script(tmp_path, profile):
    payload = {"seq": 0, "mode": "clusters", "title": "义乌 </script><script>alert(1)</script>", "total": 1}
    page = _page(tmp_path, profile, channel=False, static_payload=payload)
    assert _static(page) == payload
    assert "</script><script>alert" not in page
    assert "TONGGUAN_STATIC" not in _page(tmp_path, profile)


def test_render_page_returns_the_absolute_file(tmp_path, profile):
    out = render_page(build_entity_map(profile, tiles=None), tmp_path / "a" / "b" / "page.html")
    assert out.is_absolute() and out.is_file() and out.parent.name == "b"
