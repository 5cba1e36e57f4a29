"""The configured tile server: an XYZ URL template and the coordinate system its tiles use.

Intranet tile servers (a Tianditu mirror, a tile cache) are the only URL a page may name.
Chinese servers often draw in GCJ-02; then everything put on the map is converted to it
(see ``docs/map-protocol.md``, "Coordinates").
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlparse

import folium

from core.errors import ConfigError
from core.geo.coords import from_wgs84
from core.reference import Bounds

COORD_SYSTEMS = ("wgs84", "gcj02")
BASE_LAYER_NAME = "底图 Base map"
MAX_ZOOM_LIMIT = 22


def check_tile_url(url: str, *, subdomains: str = "") -> None:
    """Raise :class:`ConfigError` naming what is wrong with an XYZ template."""
    where = "map tile_url"
    if not isinstance(url, str) or not url.strip():
        raise ConfigError("tile server URL is empty", where=where)
    missing = [p for p in ("{z}", "{x}", "{y}") if p not in url]
    if missing:
        raise ConfigError(
            f"tile server URL lacks {', '.join(missing)}: {url!r} "
            "(expected a template such as http://tiles.intranet/{z}/{x}/{y}.png)",
            where=where,
        )
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(
            f"tile server URL must start with http:// or https:// and name a host: {url!r}",
            where=where,
        )
    if any(c.isspace() for c in url) or any(c in url for c in "\"'<>"):
        raise ConfigError(f"tile server URL contains spaces or quotes: {url!r}", where=where)
    if "{s}" in url and not subdomains:
        raise ConfigError(
            f"tile server URL uses {{s}} but no subdomains are configured: {url!r} "
            "(set subdomains, e.g. \"01234567\" for Tianditu)",
            where="map tile_subdomains",
        )


@dataclass(frozen=True)
class TileConfig:
    """An XYZ tile server. ``coords`` is the system its tiles are drawn in.

    Raises :class:`ConfigError` on construction for a template without
    ``{z}``/``{x}``/``{y}``, a non-http(s) URL, an unknown coordinate system, a
    ``max_zoom`` outside 1..22, or ``{s}`` without ``subdomains``.
    """

    url: str
    attribution: str = ""
    coords: str = "wgs84"
    max_zoom: int = 18
    subdomains: str = ""

    def __post_init__(self) -> None:
        check_tile_url(self.url, subdomains=self.subdomains)
        if self.coords not in COORD_SYSTEMS:
            raise ConfigError(
                f"unknown tile coordinate system {self.coords!r}; expected one of {', '.join(COORD_SYSTEMS)}",
                where="map tile_coords",
            )
        if isinstance(self.max_zoom, bool) or not isinstance(self.max_zoom, int) \
                or not 1 <= self.max_zoom <= MAX_ZOOM_LIMIT:
            raise ConfigError(
                f"tile max_zoom must be a whole number from 1 to {MAX_ZOOM_LIMIT}, got {self.max_zoom!r}",
                where="map tile_max_zoom",
            )
        if not isinstance(self.attribution, str):
            raise ConfigError("tile attribution must be text", where="map tile_attribution")

    @property
    def is_gcj02(self) -> bool:
        return self.coords == "gcj02"

    def layer(self, name: str = BASE_LAYER_NAME) -> folium.TileLayer:
        """The folium base layer for this server."""
        # folium refuses custom tiles without attribution; the server's host is honest.
        attribution = self.attribution or html.escape(urlparse(self.url).netloc or "tiles")
        extra = {"subdomains": self.subdomains} if self.subdomains else {}
        return folium.TileLayer(
            tiles=self.url, attr=attribution, name=name, overlay=False,
            max_zoom=self.max_zoom, max_native_zoom=self.max_zoom, **extra,
        )


def display_point(lat: float, lng: float, coords: str) -> tuple[float, float]:
    """A WGS-84 point in the display system ``coords`` (rounded to 6 decimals)."""
    if coords != "wgs84":
        lat, lng = from_wgs84(lat, lng, coords)
    return round(lat, 6), round(lng, 6)


def display_bounds(bounds: Bounds, coords: str = "wgs84") -> list[list[float]]:
    """``[[south, west], [north, east]]`` of ``bounds`` in ``coords``."""
    s, w = display_point(bounds.south, bounds.west, coords)
    n, e = display_point(bounds.north, bounds.east, coords)
    return [[s, w], [n, e]]
