"""The city base map page, and the pieces every map page shares.

Pages must open on an intranet workstation with no internet, so folium's CDN scripts and
styles are replaced by local files (:mod:`maps.assets`) and only Leaflet-core elements are
used (no jQuery, Bootstrap or awesome-markers). Without a tile server the map is
schematic: a plain background, points only, and a note saying so. Positions are in the
tile server's system (WGS-84 unless :class:`maps.tiles.TileConfig` says GCJ-02).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from core.reference import CityProfile
from maps.assets import asset_links
from maps.categories import in_language, is_english
from maps.tiles import TileConfig, display_bounds, display_point

SCHEMATIC_NOTE_ZH = "示意底图（未配置瓦片服务）"
SCHEMATIC_NOTE_EN = "Schematic base map (no tile server configured)"
TOWNS_LAYER = {"zh": "乡镇街道", "en": "Towns"}
VILLAGES_LAYER = {"zh": "村/社区", "en": "Villages"}

_BACKGROUND = "#f3f1ea"
_TOWN_COLOUR = "#1f5f8b"
_VILLAGE_COLOUR = "#7a8691"
_URL = re.compile(r"https?://[^\s\"'<>)]+", re.IGNORECASE)

Positions = Mapping[str, tuple[float, float]]


def external_urls(page: str) -> set[str]:
    """Every http(s) URL written in a page; an offline page must have none but its tiles."""
    return set(_URL.findall(page))


# ------------------------------------------------------------------ shared page pieces

def use_local_assets(m: folium.Map, names: Iterable[str] = ("leaflet_js", "leaflet_css"),
                     *, extra_js: Iterable[tuple[str, str]] = ()) -> None:
    """Link ``m``'s page to the registered local assets ``names`` (and nothing else).

    Per-instance lists shadow folium's class-level CDN lists (Leaflet, jQuery, Bootstrap,
    awesome-markers, Font Awesome); nothing on our pages needs the rest. ``extra_js`` are
    ``(name, url)`` pairs inserted right after Leaflet (QtWebEngine's ``qrc:`` channel).
    """
    js, css = asset_links(tuple(names))
    m.default_js = js[:1] + list(extra_js) + js[1:]
    m.default_css = css


class _AttributionPrefix(MacroElement):
    # Leaflet's default prefix links to leafletjs.com; a click would leave the intranet.
    _template = Template("""
        {% macro script(this, kwargs) %}
        if ({{ this._parent.get_name() }}.attributionControl) {
            {{ this._parent.get_name() }}.attributionControl.setPrefix("Leaflet");
        }
        {% endmacro %}
    """)


def add_offline_attribution(m: folium.Map) -> None:
    """Credit Leaflet in plain text instead of a link to its web site."""
    m.add_child(_AttributionPrefix(), name="tongguan_attribution")


def words(table: Mapping[str, str], lang: str) -> str:
    """The entry of a ``{"zh": …, "en": …}`` table for UI language ``lang``."""
    return table["en" if is_english(lang) else "zh"]


def schematic_note(lang: str = "zh_CN") -> Element:
    text = html.escape(in_language(SCHEMATIC_NOTE_ZH, SCHEMATIC_NOTE_EN, lang))
    return Element(
        '<div class="tongguan-schematic-note" style="position: fixed; top: 12px; left: 50%; '
        "transform: translateX(-50%); text-align: center; "
        "z-index: 1000; padding: 6px 10px; background: rgba(255,255,255,0.92); "
        "border: 1px solid #999; border-radius: 4px; font: 13px sans-serif; color: #333; "
        f'pointer-events: none;">{text}</div>'
    )


def add_base(m: folium.Map, tiles: TileConfig | None, lang: str = "zh_CN") -> folium.TileLayer | None:
    """The tile layer of ``tiles``, or the schematic background and its note in ``lang``."""
    if tiles is None:
        m.get_root().header.add_child(
            # div. outranks leaflet.css, which the header links after this style.
            Element(f"<style>div.leaflet-container {{ background: {_BACKGROUND}; }}</style>"),
            name="tongguan_background",
        )
        m.get_root().html.add_child(schematic_note(lang), name="tongguan_schematic_note")
        return None
    layer = tiles.layer()
    layer.add_to(m)
    labels = tiles.overlay_layer()
    if labels is not None:  # above the base; the entity page lifts it above its regions (tongguan_map.js)
        labels.add_to(m)
        m.tongguan_labels = labels
    return layer


def labels_of(m: folium.Map) -> folium.TileLayer | None:
    """The label overlay :func:`add_base` put on ``m``, if any."""
    return getattr(m, "tongguan_labels", None)


def town_positions(profile: CityProfile, coords: str = "wgs84") -> dict[str, tuple[float, float]]:
    """{town code: (lat, lng)} of the profile's town centres in ``coords``."""
    return {t.code: display_point(t.lat, t.lng, coords) for t in profile.towns}


def towns_layer(profile: CityProfile, positions: Positions | None = None, *, show: bool = True,
                lang: str = "zh_CN") -> folium.FeatureGroup:
    """Town centres labelled with their names in ``lang``; ``positions`` overrides the profile's."""
    positions = positions or town_positions(profile)
    group = folium.FeatureGroup(name=words(TOWNS_LAYER, lang), show=show)
    for town in profile.towns:
        folium.CircleMarker(
            location=positions[town.code],
            radius=7,
            color=_TOWN_COLOUR,
            weight=2,
            fill=True,
            fill_color=_TOWN_COLOUR,
            fill_opacity=0.8,
            # Offset past the dot so the label does not cover it; the class lets pages restyle it.
            tooltip=folium.Tooltip(in_language(town.name_zh, town.name_en, lang), permanent=True, direction="right",
                                   offset=[8, 0], class_name="tongguan-town-label"),
        ).add_to(group)
    return group


def villages_layer(profile: CityProfile, centres: Positions, *, show: bool = True,
                   lang: str = "zh_CN") -> folium.FeatureGroup:
    """A small dot per village or community, its name on hover (villages have Chinese names only)."""
    names = {v.code: v.name_zh for v in profile.villages}
    group = folium.FeatureGroup(name=words(VILLAGES_LAYER, lang), show=show)
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


def new_map(profile: CityProfile, *, max_zoom: int | None = None, coords: str = "wgs84") -> folium.Map:
    """An empty folium map of ``profile`` (centred in ``coords``) drawing paths on a canvas."""
    # folium's max_zoom only reaches its default tile layer; maxZoom is the map's option.
    extra = {"maxZoom": max_zoom} if max_zoom else {}
    return folium.Map(
        location=display_point(profile.centre.lat, profile.centre.lng, coords),
        zoom_start=profile.zoom,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        **extra,
    )


# ----------------------------------------------------------------------- the base map

def build_city_map(
    profile: CityProfile,
    *,
    tile_url: str | None = None,
    tile_attribution: str = "",
    village_centres: dict[str, tuple[float, float]] | None = None,
    lang: str = "zh_CN",
) -> folium.Map:
    """The base map of ``profile``: town labels, village dots, county bounds fitted.

    ``tile_url`` is an XYZ template of an intranet tile server (Tianditu, a tile cache);
    without it the map is schematic and says so. Labels and layer names are in ``lang``.
    Raises :class:`maps.assets.MissingAssets`
    when the local Leaflet files are absent, :class:`core.errors.ConfigError` for a
    template without ``{z}``/``{x}``/``{y}``.
    """
    tiles = TileConfig(tile_url, attribution=tile_attribution) if tile_url is not None else None
    m = new_map(profile)
    use_local_assets(m)
    add_base(m, tiles, lang)
    add_offline_attribution(m)
    towns_layer(profile, lang=lang).add_to(m)
    if village_centres:
        villages_layer(profile, village_centres, lang=lang).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    m.fit_bounds(display_bounds(profile.bounds))
    return m


def render_html(m: folium.Map, out: Path) -> Path:
    """Write the page to ``out`` (folders created) and return its absolute path.

    The desktop loads this file rather than calling ``setHtml`` (which fails above 2 MB).
    """
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    m.save(str(out))
    return out
