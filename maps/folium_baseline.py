"""The "plain folium" baseline of the map benchmark: every point shipped to the page.

folium's ``FastMarkerCluster`` puts all coordinates in the HTML and clusters them in the
browser with Leaflet.markercluster; this is what the aggregated entity map is compared
against. It stays offline like every page here: the plugin's CDN links are pointed at
the npm copy in ``node_modules``.
"""
from __future__ import annotations

from collections.abc import Sequence

import folium
from folium.plugins import FastMarkerCluster

from core.reference import CityProfile
from maps.assets import asset_links
from maps.base_map import add_base, add_offline_attribution, new_map, use_local_assets
from maps.tiles import TileConfig, display_bounds

_MARKER = "function (row) { return L.marker(new L.LatLng(row[0], row[1])); }"


def build_fastmarkercluster_map(
    profile: CityProfile,
    lats: Sequence[float],
    lngs: Sequence[float],
    *,
    tiles: TileConfig | None = None,
) -> folium.Map:
    """A page clustering every (lat, lng) in the browser, all points embedded in the HTML.

    Points are in display coordinates (converted by the caller for a GCJ-02 tile server).
    """
    if len(lats) != len(lngs):
        raise ValueError(f"lats and lngs differ in length: {len(lats)} != {len(lngs)}")
    # Leaflet.markercluster refuses a map without a maximum zoom.
    coords = tiles.coords if tiles is not None else "wgs84"
    m = new_map(profile, max_zoom=tiles.max_zoom if tiles is not None else 18, coords=coords)
    use_local_assets(m)
    add_base(m, tiles)
    add_offline_attribution(m)
    data = [[round(float(a), 6), round(float(b), 6)] for a, b in zip(lats, lngs, strict=True)]
    # folium's default callback uses awesome-markers (and its CDN font); Leaflet's own
    # marker icon comes with leaflet.css from node_modules.
    cluster = FastMarkerCluster(data, callback=_MARKER, name="主体 Entities (FastMarkerCluster)")
    cluster.default_js, cluster.default_css = asset_links(
        ("markercluster_js", "markercluster_css", "markercluster_default_css")
    )
    cluster.add_to(m)
    m.fit_bounds(display_bounds(profile.bounds, coords))
    return m
