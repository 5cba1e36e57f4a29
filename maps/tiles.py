"""The configured tile server: an XYZ URL template or a WMTS service, the coordinate system
its tiles use, and an optional label overlay (Tianditu serves its 注记 as a layer of its own).

Intranet tile servers (a Tianditu mirror, a tile cache) are the only URL a page may name.
Chinese servers often draw in GCJ-02; then everything put on the map is converted to it
(see ``docs/map-protocol.md``, "Coordinates").

A WMTS layer is drawn by Leaflet's own tile layer: for a Web-Mercator tile matrix set
(``GoogleMapsCompatible``, Tianditu's ``w``) the tile matrix, row and column are the XYZ
zoom, y and x, so the GetTile request is an XYZ template (:meth:`TileConfig.template`).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote, urlparse

import folium

from core.errors import ConfigError
from core.geo.coords import from_wgs84
from core.reference import Bounds

COORD_SYSTEMS = ("wgs84", "gcj02")
KINDS = ("xyz", "wmts")
BASE_LAYER_NAME = "底图 Base map"
LABEL_LAYER_NAME = "注记 Labels"
# RESTful WMTS templates name the tile by these; they are the XYZ placeholders under another name.
_RESTFUL = {"{TileMatrix}": "{z}", "{TileRow}": "{y}", "{TileCol}": "{x}"}
MAX_ZOOM_LIMIT = 22


def check_tile_url(url: str, *, subdomains: str = "", kind: str = "xyz") -> None:
    """Raise :class:`ConfigError` naming what is wrong with an XYZ template (or a WMTS address)."""
    where = "map tile_url"
    if not isinstance(url, str) or not url.strip():
        raise ConfigError("tile server URL is empty", where=where)
    missing = [p for p in ("{z}", "{x}", "{y}") if p not in url] if kind == "xyz" else []
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
    """A tile server. ``coords`` is the system its tiles are drawn in.

    ``kind`` "xyz": ``url`` is a template with ``{z}``/``{x}``/``{y}``. ``kind`` "wmts":
    ``url`` is the service address (a KVP endpoint, its own query such as a key kept, or a
    RESTful template with ``{TileMatrix}``/``{TileRow}``/``{TileCol}``), with ``layer``,
    ``matrix_set`` (Web Mercator) and ``format``. ``overlay`` is a label layer drawn above
    the base; it must use the base's coordinate system (the page draws in one).

    Raises :class:`ConfigError` on construction for a template without
    ``{z}``/``{x}``/``{y}``, a non-http(s) URL, an unknown kind or coordinate system, a
    ``max_zoom`` outside 1..22, ``{s}`` without ``subdomains``, a WMTS server without a
    layer, or an overlay in another coordinate system.
    """

    url: str
    attribution: str = ""
    coords: str = "wgs84"
    max_zoom: int = 18
    subdomains: str = ""
    kind: str = "xyz"
    layer_name: str = ""                 # WMTS LAYER
    matrix_set: str = "GoogleMapsCompatible"
    format: str = "image/png"
    style: str = "default"
    overlay: TileConfig | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ConfigError(f"unknown tile server kind {self.kind!r}; expected one of {', '.join(KINDS)}",
                              where="map tile_kind")
        check_tile_url(self.url, subdomains=self.subdomains, kind=self.kind)
        if self.kind == "wmts":
            restful = all(p in self.url for p in _RESTFUL)
            for name, value in (("layer", self.layer_name), ("matrix set", self.matrix_set), ("format", self.format)):
                if not restful and (not isinstance(value, str) or not value.strip()):
                    raise ConfigError(f"a WMTS server needs its {name}", where=f"map tile_wmts_{name.replace(' ', '_')}")
                if isinstance(value, str) and (any(c.isspace() for c in value) or any(c in value for c in "\"'<>&?#")):
                    raise ConfigError(f"WMTS {name} contains spaces, quotes or URL separators: {value!r}",
                                      where=f"map tile_wmts_{name.replace(' ', '_')}")
        if self.overlay is not None:
            if self.overlay.overlay is not None:
                raise ConfigError("a label overlay cannot have an overlay of its own", where="map overlay")
            if self.overlay.coords != self.coords:
                raise ConfigError(
                    f"the label overlay is in {self.overlay.coords} but the base map in {self.coords}; "
                    "the page draws in one system, so the labels would sit hundreds of metres off",
                    where="map overlay_coords")
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

    def template(self) -> str:
        """The XYZ template Leaflet fetches: the URL itself, or the WMTS GetTile request."""
        if self.kind == "xyz":
            return self.url
        if all(p in self.url for p in _RESTFUL):
            url = self.url
            for name, xyz in _RESTFUL.items():
                url = url.replace(name, xyz)
            return url.replace("{Style}", self.style).replace("{TileMatrixSet}", self.matrix_set)
        params = {"SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": self.layer_name,
                  "STYLE": self.style, "TILEMATRIXSET": self.matrix_set, "FORMAT": self.format}
        query = "&".join(f"{k}={quote(v, safe='/:')}" for k, v in params.items())
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}{query}&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}"

    def servers(self) -> tuple[TileConfig, ...]:
        """This server and its overlay's: every server the page fetches tiles from."""
        return (self,) + ((self.overlay,) if self.overlay is not None else ())

    def layer(self, name: str = BASE_LAYER_NAME, *, overlay: bool = False) -> folium.TileLayer:
        """The folium layer for this server (the base, or with ``overlay`` a layer above it)."""
        # folium refuses custom tiles without attribution; the server's host is honest.
        attribution = self.attribution or html.escape(urlparse(self.url).netloc or "tiles")
        extra = {"subdomains": self.subdomains} if self.subdomains else {}
        return folium.TileLayer(
            tiles=self.template(), attr=attribution, name=name, overlay=overlay,
            max_zoom=self.max_zoom, max_native_zoom=self.max_zoom, **extra,
        )

    def overlay_layer(self) -> folium.TileLayer | None:
        """The label overlay's folium layer, or None."""
        return self.overlay.layer(LABEL_LAYER_NAME, overlay=True) if self.overlay is not None else None


def tile_config_from(values: dict[str, str]) -> TileConfig | None:
    """The tile configuration of flat settings values (``url``, ``coords``, ``attribution``,
    ``kind``, ``subdomains``, ``layer``, ``matrix_set``, ``format`` and the same with
    ``overlay_`` for the label overlay, which shares the base's coordinates); None without a
    base URL (schematic). Raises :class:`ConfigError` naming what is wrong."""
    def server(prefix: str, **extra) -> TileConfig:
        get = lambda key, default="": (values.get(prefix + key) or default).strip()  # noqa: E731
        return TileConfig(url=get("url"), kind=get("kind", "xyz"), subdomains=get("subdomains"),
                          layer_name=get("layer"), matrix_set=get("matrix_set", "GoogleMapsCompatible"),
                          format=get("format", "image/png"), coords=(values.get("coords") or "wgs84"), **extra)

    if not (values.get("url") or "").strip():
        return None
    overlay = server("overlay_") if (values.get("overlay_url") or "").strip() else None
    return server("", attribution=(values.get("attribution") or "").strip(), overlay=overlay)


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
