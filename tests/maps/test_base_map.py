"""The offline base map page: local Leaflet only, no internet URL, towns labelled (no Qt)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import folium
import pytest

from core.errors import ConfigError
from core.reference import load_profile
from core.services.geography import approximate_village_centres
from maps.assets import ENV_VAR, MissingAssets, asset_dir
from maps.base_map import (
    SCHEMATIC_NOTE_EN,
    SCHEMATIC_NOTE_ZH,
    build_city_map,
    external_urls,
    render_html,
)

HTTP = re.compile(r"https?://", re.IGNORECASE)
TILES = "http://tiles.intranet/{z}/{x}/{y}.png"


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.fixture(autouse=True)
def _default_assets(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def _render(tmp_path: Path, profile, **kwargs) -> str:
    return render_html(build_city_map(profile, **kwargs), tmp_path / "page" / "map.html").read_text("utf-8")


def _local_refs(page: str) -> list[Path]:
    refs = re.findall(r'(?:src|href)="(file://[^"]+)"', page)
    return [Path(unquote(urlparse(ref).path)) for ref in refs]


def test_schematic_page_has_no_internet_url_and_uses_local_leaflet(tmp_path, profile):
    page = _render(tmp_path, profile, village_centres=approximate_village_centres(profile))
    assert not HTTP.search(page), HTTP.search(page)
    refs = _local_refs(page)
    assert sorted(r.name for r in refs) == ["leaflet.css", "leaflet.js"]
    for ref in refs:
        assert ref.is_absolute() and ref.is_file(), ref
        assert ref.parent == asset_dir()
    for dropped in ("jquery", "bootstrap", "awesome", "fontawesome"):
        assert dropped not in page.lower()


def test_schematic_page_labels_every_town_and_says_it_is_schematic(tmp_path, profile):
    centres = approximate_village_centres(profile)
    page = _render(tmp_path, profile, village_centres=centres)
    assert len(profile.towns) == 14
    for town in profile.towns:
        assert town.name_zh in page, town.name_zh
    assert page.count("L.circleMarker(") == len(profile.towns) + len(centres)
    assert SCHEMATIC_NOTE_ZH in page and SCHEMATIC_NOTE_EN not in page
    english = _render(tmp_path, profile, village_centres=centres, lang="en")
    assert SCHEMATIC_NOTE_EN in english and SCHEMATIC_NOTE_ZH not in english
    for town in profile.towns:
        assert town.name_en in english and town.name_zh not in english
    assert '"Towns"' not in page and "乡镇街道" not in english
    assert "position: fixed" in page
    assert "L.tileLayer" not in page
    b = profile.bounds
    fit = re.search(r"fitBounds\(\s*\[\[([^\]]+)\],\s*\[([^\]]+)\]\]", page)
    assert fit, "county bounds are not fitted"
    assert [float(x) for x in fit.group(1).split(",")] == [b.south, b.west]
    assert [float(x) for x in fit.group(2).split(",")] == [b.north, b.east]


def test_villages_are_optional(tmp_path, profile):
    page = _render(tmp_path, profile)
    assert page.count("L.circleMarker(") == len(profile.towns)


def test_tile_server_page_has_only_the_template_url_and_no_note(tmp_path, profile):
    page = _render(tmp_path, profile, tile_url=TILES, tile_attribution="天地图 Tianditu")
    assert external_urls(page) == {TILES}
    assert [m.start() for m in HTTP.finditer(page)] == [page.index(TILES)]
    assert "L.tileLayer(" in page
    assert json.dumps("天地图 Tianditu") in page  # folium writes options as ASCII JSON
    assert SCHEMATIC_NOTE_ZH not in page and SCHEMATIC_NOTE_EN not in page


def test_a_tile_template_without_placeholders_is_refused(profile):
    with pytest.raises(ConfigError, match=r"\{z\}"):
        build_city_map(profile, tile_url="http://tiles.intranet/base.png")


def test_the_url_check_would_catch_folium_cdn_defaults(tmp_path):
    # Prove the check can fail: an untouched folium map loads Leaflet etc. from CDNs.
    page = render_html(folium.Map(tiles=None), tmp_path / "cdn.html").read_text("utf-8")
    assert HTTP.search(page)
    assert any("jquery" in url for url in external_urls(page))


def test_missing_assets_name_the_folder_and_the_fix(tmp_path, monkeypatch, profile):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv(ENV_VAR, str(empty))
    with pytest.raises(MissingAssets) as caught:
        asset_dir()
    assert isinstance(caught.value, ConfigError)
    assert str(empty) in str(caught.value) and "npm ci" in str(caught.value)
    with pytest.raises(MissingAssets):
        build_city_map(profile)


def test_the_asset_folder_can_be_overridden(tmp_path, monkeypatch, profile):
    folder = tmp_path / "web assets"
    folder.mkdir()
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy(asset_dir() / name, folder / name)
    monkeypatch.setenv(ENV_VAR, str(folder))
    assert asset_dir() == folder.resolve()
    page = _render(tmp_path, profile)
    assert {ref.parent for ref in _local_refs(page)} == {folder.resolve()}
