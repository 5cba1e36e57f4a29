"""The city base map page: towns and villages over intranet tiles or a schematic background.

Pages must open on an intranet workstation with no internet, so folium's CDN scripts and
styles are replaced by the local Leaflet files (:mod:`maps.assets`) and only Leaflet-core
elements are used (no jQuery, Bootstrap or awesome-markers). Without a tile server the map
is schematic: a plain background, points only, and a note saying so. Coordinates are WGS-84.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlparse

import folium
from branca.element import Element

from core.errors import ConfigError
from core.reference import CityProfile
from maps.assets import leaflet_css, leaflet_js

SCHEMATIC_NOTE_ZH = "示意底图（未配置瓦片服务）"
SCHEMATIC_NOTE_EN = "Schematic base map (no tile server configured)"
TOWNS_LAYER = "乡镇街道 Towns"
VILLAGES_LAYER = "村/社区 Villages"

_BACKGROUND = "#f3f1ea"
_TOWN_COLOUR = "#1f5f8b"
_VILLAGE_COLOUR = "#7a8691"
_URL = re.compile(r"https?://[^\s\"'<>)]+", re.IGNORECASE)


def external_urls(page: str) -> set[str]:
    """Every http(s) URL written in a page; an offline page must have none but its tiles."""
    return set(_URL.findall(page))


def _check_tile_url(tile_url: str) -> None:
    missing = [p for p in ("{z}", "{x}", "{y}") if p not in tile_url]
    if missing:
        raise ConfigError(
            f"tile server URL lacks {', '.join(missing)}: {tile_url!r} "
            "(expected a template such as http://tiles.intranet/{z}/{x}/{y}.png)",
            where="map tile_url",
        )


def _use_local_leaflet(m: folium.Map) -> None:
    # Per-instance lists shadow folium's class-level CDN lists (Leaflet, jQuery,
    # Bootstrap, awesome-markers, Font Awesome); nothing on our pages needs the rest.
    m.default_js = [("leaflet", leaflet_js().as_uri())]
    m.default_css = [("leaflet_css", leaflet_css().as_uri())]


def _schematic_note() -> Element:
    text = f"{html.escape(SCHEMATIC_NOTE_ZH)}<br>{html.escape(SCHEMATIC_NOTE_EN)}"
    return Element(
        '<div class="tongguan-schematic-note" style="position: fixed; top: 12px; left: 50%; '
        "transform: translateX(-50%); text-align: center; "
        "z-index: 1000; padding: 6px 10px; background: rgba(255,255,255,0.92); "
        "border: 1px solid #999; border-radius: 4px; font: 13px sans-serif; color: #333; "
        f'pointer-events: none;">{text}</div>'
    )


def _towns_layer(profile: CityProfile) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=TOWNS_LAYER)
    for town in profile.towns:
        folium.CircleMarker(
            location=(town.lat, town.lng),
            radius=7,
            color=_TOWN_COLOUR,
            weight=2,
            fill=True,
            fill_color=_TOWN_COLOUR,
            fill_opacity=0.8,
            tooltip=folium.Tooltip(town.name_zh, permanent=True, direction="right"),
        ).add_to(group)
    return group


def _villages_layer(profile: CityProfile, centres: dict[str, tuple[float, float]]) -> folium.FeatureGroup:
    names = {v.code: v.name_zh for v in profile.villages}
    group = folium.FeatureGroup(name=VILLAGES_LAYER)
    for code, (lat, lng) in sorted(centres.items()):
        folium.CircleMarker(
            location=(lat, lng),
            radius=2,
            color=_VILLAGE_COLOUR,
            weight=1,
            fill=True,
            fill_opacity=0.7,
            tooltip=folium.Tooltip(names.get(code, code)),
        ).add_to(group)
    return group


def build_city_map(
    profile: CityProfile,
    *,
    tile_url: str | None = None,
    tile_attribution: str = "",
    village_centres: dict[str, tuple[float, float]] | None = None,
) -> folium.Map:
    """The base map of ``profile``: town labels, village dots, county bounds fitted.

    ``tile_url`` is an XYZ template of an intranet tile server (Tianditu, a tile cache);
    without it the map is schematic and says so. Raises :class:`maps.assets.MissingAssets`
    when the local Leaflet files are absent, :class:`core.errors.ConfigError` for a
    template without ``{z}``/``{x}``/``{y}``.
    """
    if tile_url is not None:
        _check_tile_url(tile_url)
    m = folium.Map(
        location=tuple(profile.centre),
        zoom_start=profile.zoom,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
    )
    _use_local_leaflet(m)
    if tile_url is None:
        m.get_root().header.add_child(
            # div. outranks leaflet.css, which the header links after this style.
            Element(f"<style>div.leaflet-container {{ background: {_BACKGROUND}; }}</style>"),
            name="tongguan_background",
        )
        m.get_root().html.add_child(_schematic_note(), name="tongguan_schematic_note")
    else:
        # folium refuses custom tiles without attribution; the server's host is honest.
        attribution = tile_attribution or html.escape(urlparse(tile_url).netloc or "tiles")
        folium.TileLayer(tiles=tile_url, attr=attribution, name="底图 Base map", overlay=False).add_to(m)
    _towns_layer(profile).add_to(m)
    if village_centres:
        _villages_layer(profile, village_centres).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    b = profile.bounds
    m.fit_bounds([[b.south, b.west], [b.north, b.east]])
    return m


def render_html(m: folium.Map, out: Path) -> Path:
    """Write the page to ``out`` (folders created) and return its absolute path.

    The desktop loads this file rather than calling ``setHtml`` (which fails above 2 MB).
    """
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    m.save(str(out))
    return out
