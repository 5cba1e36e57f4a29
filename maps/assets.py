"""Where the map pages find Leaflet on disk.

Command centers run on an intranet, so pages never load scripts from a CDN. Leaflet is an
npm dependency pinned in ``package.json``; ``npm ci`` (run by ``scripts/setup.sh``) puts it
in ``node_modules/leaflet/dist`` under the project root. ``TONGGUAN_WEB_ASSETS`` may name
another folder holding ``leaflet.js`` and ``leaflet.css`` (a packaged install, a test).
"""
from __future__ import annotations

import os
from pathlib import Path

from core.errors import ConfigError

ENV_VAR = "TONGGUAN_WEB_ASSETS"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ("leaflet.js", "leaflet.css")


class MissingAssets(ConfigError):
    """The local Leaflet files the map pages need are not on disk."""

    code = "config.web_assets_missing"


def asset_dir() -> Path:
    """The absolute folder holding ``leaflet.js`` and ``leaflet.css``.

    Raises :class:`MissingAssets` naming the folder and the fix when a file is absent.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        folder = Path(override).expanduser().resolve()
        fix = f"point {ENV_VAR} at a folder holding {' and '.join(REQUIRED)}, or unset it and run `npm ci`"
    else:
        folder = PROJECT_ROOT / "node_modules" / "leaflet" / "dist"
        fix = f"run `npm ci` in {PROJECT_ROOT}"
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if missing:
        raise MissingAssets(
            f"Leaflet web assets missing ({', '.join(missing)}) in {folder}; {fix}",
            where=str(folder),
        )
    return folder


def leaflet_js() -> Path:
    """The local ``leaflet.js``."""
    return asset_dir() / "leaflet.js"


def leaflet_css() -> Path:
    """The local ``leaflet.css``."""
    return asset_dir() / "leaflet.css"
