"""The entity map page of the map workspace (``docs/map-protocol.md``).

A folium/Leaflet page whose own script (``resources/web/tongguan_map.js``) draws the
aggregated payloads Python sends on canvas layers; 1.2 million entities never reach the
page. Everything is local (Leaflet, leaflet.heat, Leaflet-Geoman from ``node_modules``);
the only URL a page may name is the configured tile server. The desktop loads the page
from the file :func:`render_page` writes and talks to it through QWebChannel.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from core.reference import CityProfile
from maps.assets import QWEBCHANNEL_URL
from maps.base_map import (
    TOWNS_LAYER,
    VILLAGES_LAYER,
    add_base,
    labels_of,
    new_map,
    render_html,
    town_positions,
    towns_layer,
    use_local_assets,
    villages_layer,
    words,
)
from maps.categories import in_language
from maps.regions import APPROXIMATE_NOTE, SURVEYED_NOTE, CityRegions, town_regions
from maps.tiles import TileConfig, display_bounds, display_point

PAGE_ASSETS = ("leaflet_js", "heat_js", "geoman_js", "tongguan_map_js", "leaflet_css", "geoman_css", "tongguan_map_css")
STATIC_SCRIPT_ID = "tongguan-static"

# Fixed page texts in both languages; a page shows those of its UI language (payloads carry their own labels).
_TEXTS = {
    "base": ("底图", "Base map"),
    "labels": ("注记", "Labels"),
    "schematic": ("示意底图", "Schematic"),
    "entities": ("主体", "Entities"),
    "heat": ("热力图", "Heatmap"),
    "choropleth": ("区域分级", "Region choropleth"),
    "draw": ("抽查对象", "Drawn entities"),
    "clues": ("线索", "Open clues"),
    "themes": ("专题预警", "Thematic warnings"),
    "total": ("合计", "Total"),
    "visible": ("视野内", "In view"),
    "entitiesUnit": ("个主体", "entities"),
    "clickToOpen": ("点击查看", "Click to open"),
    "clickToZoom": ("点击放大", "Click to zoom in"),
    "overdue": ("已超期", "Overdue"),
}


def page_texts(lang: str = "zh_CN", regions_note: dict[str, str] = APPROXIMATE_NOTE) -> dict[str, str]:
    """The fixed control texts of the page in ``lang`` alone (Chinese unless ``lang`` is English).

    ``approximate`` is the note under the town choropleth's legend: approximate regions, or
    surveyed ones (``regions_note``, :attr:`maps.regions.CityRegions.note`); village regions
    are always surveyed (``villageNote``)."""
    texts = {key: in_language(zh, en, lang) for key, (zh, en) in _TEXTS.items()}
    texts["towns"] = words(TOWNS_LAYER, lang)
    texts["villages"] = words(VILLAGES_LAYER, lang)
    texts["approximate"] = words(regions_note, lang)
    texts["villageNote"] = words(SURVEYED_NOTE, lang)
    return texts


def _named_in(regions: dict, lang: str) -> dict:
    """The town regions with ``name`` (what the page shows) in ``lang``, and no other name."""
    features = []
    for feature in regions["features"]:
        props = dict(feature["properties"])
        props["name"] = in_language(props["name"], props.pop("name_en", ""), lang)
        features.append({**feature, "properties": props})
    return {**regions, "features": features}


def script_json(value: object) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    # "<" only occurs inside JSON strings, where \u003c means the same and cannot close a tag.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def static_payload_element(payload: Mapping) -> Element:
    """``window.TONGGUAN_STATIC = payload`` for a page without a channel."""
    return Element(f'<script id="{STATIC_SCRIPT_ID}">window.TONGGUAN_STATIC = {script_json(payload)};</script>')


class _PageInit(MacroElement):
    """Hands folium's map and layers to ``tongguan.init`` once they exist."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        tongguan.init({{ this._parent.get_name() }}, {
            base: {{ this.base }}, labels: {{ this.labels }}, towns: {{ this.towns }}, villages: {{ this.villages }}
        }, {{ this.options }});
        {% endmacro %}
    """)

    def __init__(self, *, base: str, towns: str, villages: str, options: dict, labels: str = "null") -> None:
        super().__init__()
        self._name = "TongguanInit"
        self.base, self.towns, self.villages, self.labels = base, towns, villages, labels
        self.options = script_json(options)


def build_entity_map(
    profile: CityProfile,
    *,
    tiles: TileConfig | None,
    village_centres: Mapping[str, tuple[float, float]] | None = None,
    channel: bool = True,
    static_payload: dict | None = None,
    lang: str = "zh_CN",
    regions: CityRegions | None = None,
) -> folium.Map:
    """The entity map of ``profile`` over ``tiles`` (schematic when ``None``).

    Towns (labelled) and villages (hidden until switched on) are folium layers; entities,
    heat, the approximate town choropleth and the draw/clue overlays are drawn by
    ``tongguan_map.js`` from payloads. With ``channel`` the page loads QtWebEngine's
    ``qwebchannel.js`` and waits for the ``bridge`` object; ``static_payload`` is
    embedded as ``window.TONGGUAN_STATIC`` and drawn when there is no channel. Positions
    are WGS-84 and converted when ``tiles.coords`` is ``"gcj02"``. ``regions`` (in the
    tiles' system, :func:`maps.regions.city_regions`) are the surveyed ones when imported;
    without them the approximate town cells are drawn and called approximate. Raises
    :class:`maps.assets.MissingAssets` when a local script is absent.
    """
    coords = tiles.coords if tiles is not None else "wgs84"
    m = new_map(profile, max_zoom=tiles.max_zoom if tiles is not None else 18, coords=coords)
    use_local_assets(m, PAGE_ASSETS, extra_js=[("qwebchannel", QWEBCHANNEL_URL)] if channel else ())
    if static_payload is not None:
        m.get_root().header.add_child(static_payload_element(static_payload), name="tongguan_static")
    base = add_base(m, tiles, lang)
    if regions is None:
        regions = CityRegions(town_regions(profile, coords), None, False)
    towns = towns_layer(profile, {**town_positions(profile, coords), **(regions.town_centres or {})}, lang=lang)
    towns.add_to(m)
    villages = None
    if village_centres:
        converted = {code: display_point(lat, lng, coords) for code, (lat, lng) in village_centres.items()}
        villages = villages_layer(profile, converted, show=False, lang=lang)
        villages.add_to(m)
    options = {
        "lang": lang,
        "texts": page_texts(lang, regions.note),
        "regions": _named_in(regions.towns, lang),
        "villageRegions": _named_in(regions.villages, lang) if regions.villages else None,
        "bounds": display_bounds(profile.bounds, coords),
    }
    m.add_child(_PageInit(
        base=base.get_name() if base is not None else "null",
        labels=labels_of(m).get_name() if labels_of(m) is not None else "null",
        towns=towns.get_name(),
        villages=villages.get_name() if villages is not None else "null",
        options=options,
    ), name="tongguan_init")
    return m


def render_page(m: folium.Map, out_path: Path) -> Path:
    """Write the page to ``out_path`` (folders created); the absolute path the desktop loads."""
    return render_html(m, out_path)
