"""Where the map pages find their scripts and stylesheets on disk.

Command centers run on an intranet, so pages never load scripts from a CDN. The libraries
are npm dependencies pinned in ``package.json``/``package-lock.json``; ``npm ci`` (run by
``scripts/setup.sh``) puts them in ``node_modules`` under the project root. Our own page
code lives in ``resources/web``. ``TONGGUAN_WEB_ASSETS`` may name another folder holding
``leaflet.js`` and ``leaflet.css`` (a test); it applies to Leaflet only. An installed wheel
has no ``node_modules``: its build copied the same files to ``resources/web/vendor/<package>``
(``scripts/build_hooks.py``), which is where they are looked for when ``node_modules`` has none.

    from maps.assets import asset_path
    asset_path("heat_js")          # .../node_modules/leaflet.heat/dist/leaflet-heat.js
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from core.errors import ConfigError

ENV_VAR = "TONGGUAN_WEB_ASSETS"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
WEB_DIR = PROJECT_ROOT / "resources" / "web"
VENDOR_DIR = WEB_DIR / "vendor"  # filled by the wheel build, absent in a checkout
REQUIRED = ("leaflet.js", "leaflet.css")
QWEBCHANNEL_URL = "qrc:///qtwebchannel/qwebchannel.js"  # served by QtWebEngine itself


class MissingAssets(ConfigError):
    """A local script or stylesheet the map pages need is not on disk."""

    code = "config.web_assets_missing"


@dataclass(frozen=True)
class Asset:
    """One local file a page links: ``folder`` is relative to the project root."""

    name: str
    kind: str  # "js" or "css"
    folder: str
    file: str
    package: str | None = None  # the npm package providing it; None for resources/web

    def fix(self) -> str:
        if self.package is None:
            return f"restore {self.folder}/{self.file} from the repository"
        return f"run `npm ci` in {PROJECT_ROOT} (a checkout), or reinstall the tongguan package"

    def locate(self) -> Path:
        """The file in the checkout's ``node_modules``, else in the wheel's vendored copy."""
        path = PROJECT_ROOT / self.folder / self.file
        if self.package is None or path.is_file():
            return path
        vendored = VENDOR_DIR / Path(self.folder).relative_to("node_modules") / self.file
        return vendored if vendored.is_file() else path


ASSETS: dict[str, Asset] = {a.name: a for a in (
    Asset("leaflet_js", "js", "node_modules/leaflet/dist", "leaflet.js", "leaflet"),
    Asset("leaflet_css", "css", "node_modules/leaflet/dist", "leaflet.css", "leaflet"),
    Asset("heat_js", "js", "node_modules/leaflet.heat/dist", "leaflet-heat.js", "leaflet.heat"),
    Asset("geoman_js", "js", "node_modules/@geoman-io/leaflet-geoman-free/dist", "leaflet-geoman.min.js",
          "@geoman-io/leaflet-geoman-free"),
    Asset("geoman_css", "css", "node_modules/@geoman-io/leaflet-geoman-free/dist", "leaflet-geoman.css",
          "@geoman-io/leaflet-geoman-free"),
    Asset("markercluster_js", "js", "node_modules/leaflet.markercluster/dist", "leaflet.markercluster.js",
          "leaflet.markercluster"),
    Asset("markercluster_css", "css", "node_modules/leaflet.markercluster/dist", "MarkerCluster.css",
          "leaflet.markercluster"),
    Asset("markercluster_default_css", "css", "node_modules/leaflet.markercluster/dist",
          "MarkerCluster.Default.css", "leaflet.markercluster"),
    Asset("tongguan_map_js", "js", "resources/web", "tongguan_map.js"),
    Asset("tongguan_map_css", "css", "resources/web", "tongguan_map.css"),
)}


def asset_dir() -> Path:
    """The absolute folder holding ``leaflet.js`` and ``leaflet.css``.

    Raises :class:`MissingAssets` naming the folder and the fix when a file is absent.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        folder = Path(override).expanduser().resolve()
        fix = f"point {ENV_VAR} at a folder holding {' and '.join(REQUIRED)}, or unset it and run `npm ci`"
    else:
        folder = ASSETS["leaflet_js"].locate().parent
        fix = ASSETS["leaflet_js"].fix()
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if missing:
        raise MissingAssets(
            f"Leaflet web assets missing ({', '.join(missing)}) in {folder}; {fix}",
            where=str(folder),
        )
    return folder


def asset_path(name: str) -> Path:
    """The absolute path of the registered asset ``name`` (see :data:`ASSETS`).

    Leaflet honours ``TONGGUAN_WEB_ASSETS``. Raises :class:`MissingAssets` naming the
    missing file and the fix, ``KeyError`` for a name that is not registered.
    """
    asset = ASSETS[name]
    if asset.package == "leaflet":
        return asset_dir() / asset.file
    path = asset.locate()
    if not path.is_file():
        raise MissingAssets(f"web asset {asset.file} missing: {path}; {asset.fix()}", where=str(path))
    return path


def asset_links(names: list[str] | tuple[str, ...]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``(js, css)`` lists of ``(name, file:// URI)`` for folium's ``default_js``/``default_css``."""
    js: list[tuple[str, str]] = []
    css: list[tuple[str, str]] = []
    for name in names:
        (js if ASSETS[name].kind == "js" else css).append((name, asset_path(name).as_uri()))
    return js, css


def leaflet_js() -> Path:
    """The local ``leaflet.js``."""
    return asset_path("leaflet_js")


def leaflet_css() -> Path:
    """The local ``leaflet.css``."""
    return asset_path("leaflet_css")
