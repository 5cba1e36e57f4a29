"""Standalone export and the plain-folium baseline: one offline file, no file://, no qrc:."""
from __future__ import annotations

import json
import re

import folium
import numpy as np
import pytest
from branca.element import Element

from core.reference import load_profile
from maps.assets import ENV_VAR, asset_path
from maps.base_map import external_urls, render_html
from maps.entity_map import build_entity_map
from maps.export import INERT_URLS, export_standalone_html
from maps.folium_baseline import build_fastmarkercluster_map
from maps.payload import build_payload, risk_categories
from maps.tiles import TileConfig
from tests.maps.pagecheck import HTTP, TILES, fake_clusters, local_refs


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.fixture(scope="module")
def payload():
    overlays = {"clues": {"label": "线索 Open clues", "id": [1], "lat": [29.3], "lng": [120.1], "overdue": [1]}}
    return build_payload(fake_clusters(n=40), seq=0, categories=risk_categories(),
                         colour_by={"key": "risk", "label": "风险等级"}, overlays=overlays, title="义乌市 · 导出",
                         choropleth={"key": "entities", "label": "主体数", "values": {"330782001": 5.0}})


@pytest.fixture(autouse=True)
def _default_assets(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def _export(tmp_path, profile, payload, **kwargs) -> str:
    kwargs.setdefault("tiles", None)
    m = build_entity_map(profile, **kwargs)
    return export_standalone_html(m, payload, tmp_path / "out" / "view.html").read_text("utf-8")


def _static(page: str) -> dict:
    found = re.findall(r'<script id="tongguan-static">window\.TONGGUAN_STATIC = (.*?);</script>', page, re.DOTALL)
    assert len(found) == 1
    return json.loads(found[0])


def test_the_export_inlines_everything_and_embeds_the_payload(tmp_path, profile, payload):
    page = _export(tmp_path, profile, payload, channel=True)
    assert "file://" not in page and "qrc:" not in page and "qwebchannel.js" not in page.lower()
    assert not re.search(r"<script[^>]+src=|<link[^>]+stylesheet", page)
    assert _static(page) == payload
    assert "<title>义乌市 · 导出</title>" in page
    for name in ("leaflet_js", "heat_js", "geoman_js", "tongguan_map_js"):
        text = asset_path(name).read_text("utf-8")
        marker = text[len(text) // 2:len(text) // 2 + 60]
        assert marker in page, name
    assert "sourceMappingURL" not in page


def test_the_export_names_no_fetchable_url(tmp_path, profile, payload):
    page = _export(tmp_path, profile, payload)
    assert external_urls(page) <= INERT_URLS
    # Nothing that fetches: no remote src/href attribute, CSS url() or @import.
    assert not re.search(r"""url\(\s*['"]?https?:|@import""", page, re.IGNORECASE)
    assert "https://bugzilla" not in page  # stylesheet comments are dropped


def test_leaflet_images_become_data_uris(tmp_path, profile, payload):
    page = _export(tmp_path, profile, payload)
    assert "images/layers.png" not in page and "images/marker-icon.png" not in page
    assert page.count("data:image/png;base64,") >= 3
    # url(%23id) references inside Geoman's inline SVG icons are left intact.
    assert "url(%23" in page and "none)" not in page


def test_a_tile_export_keeps_only_the_template(tmp_path, profile, payload):
    for coords in ("wgs84", "gcj02"):
        page = _export(tmp_path, profile, payload, tiles=TileConfig(TILES, coords=coords))
        assert external_urls(page) - INERT_URLS == {TILES}


def test_a_previous_static_payload_is_replaced(tmp_path, profile, payload):
    page = _export(tmp_path, profile, payload, channel=False, static_payload={"seq": 0, "title": "old"})
    assert _static(page)["title"] == "义乌市 · 导出"


def test_the_export_refuses_a_cdn_script_or_url(tmp_path, profile, payload):
    # Prove the checks can fail: a CDN script cannot be inlined, a stray URL is refused.
    m = build_entity_map(profile, tiles=None)
    m.default_js = m.default_js + [("cdn", "https://cdn.example.com/x.js")]
    with pytest.raises(ValueError, match="only local file"):
        export_standalone_html(m, payload, tmp_path / "cdn.html")
    m = build_entity_map(profile, tiles=None)
    m.get_root().html.add_child(Element('<a href="https://cdn.example.com/help">help</a>'))
    with pytest.raises(ValueError, match="cdn.example.com"):
        export_standalone_html(m, payload, tmp_path / "url.html")


# ---------------------------------------------------------------------------- baseline

def test_the_fastmarkercluster_baseline_is_offline_with_every_point(tmp_path, profile):
    rng = np.random.default_rng(5)
    lats, lngs = 29.3 + rng.random(500) / 10, 120.0 + rng.random(500) / 10
    page = render_html(build_fastmarkercluster_map(profile, lats, lngs), tmp_path / "b.html").read_text("utf-8")
    assert not HTTP.search(page), HTTP.search(page)
    names = sorted(ref.name for ref in local_refs(page))
    assert names == ["MarkerCluster.Default.css", "MarkerCluster.css", "leaflet.css", "leaflet.js",
                     "leaflet.markercluster.js"]
    assert all(ref.is_file() for ref in local_refs(page))
    data = json.loads(re.search(r"var data = (\[\[.*?\]\]);", page, re.DOTALL).group(1))
    assert len(data) == 500 and data[0] == [round(lats[0], 6), round(lngs[0], 6)]
    assert "AwesomeMarkers" not in page and '"maxZoom": 18' in page


def test_the_baseline_with_tiles_and_mismatched_input(tmp_path, profile):
    m = build_fastmarkercluster_map(profile, [29.3], [120.1], tiles=TileConfig(TILES))
    assert external_urls(render_html(m, tmp_path / "t.html").read_text("utf-8")) == {TILES}
    with pytest.raises(ValueError, match="differ"):
        build_fastmarkercluster_map(profile, [29.3, 29.4], [120.1])


def test_the_url_check_would_catch_folium_cdn_defaults(tmp_path):
    page = render_html(folium.Map(tiles=None), tmp_path / "cdn.html").read_text("utf-8")
    assert external_urls(page) - INERT_URLS
