"""The map page as a file: built once per city, tiles, language and imported boundaries, then reused.

QtWebEngine loads the page from a file (``setHtml`` fails silently above 2 MB); the file is
named by what it is made of, so a later start loads it at once.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from core.db.database import Database
from core.paths import user_cache_dir
from core.reference import load_profile
from core.services.boundaries import boundaries_stamp, village_centres
from maps.entity_map import build_entity_map, render_page
from maps.regions import city_regions
from maps.tiles import TileConfig


def tile_hosts(tiles: TileConfig | None) -> frozenset[str]:
    """The hosts the page may fetch tiles from ({s} expanded over the subdomains)."""
    if tiles is None:
        return frozenset()
    hosts: set[str] = set()
    for server in tiles.servers():  # the base and its label overlay
        host = urlparse(server.url.replace("{s}", "SUBDOMAIN")).hostname or ""
        subs = server.subdomains or ""
        hosts |= {host.replace("subdomain", s) for s in subs} if "subdomain" in host else {host}
    return frozenset(hosts)


def _page_key(profile_name: str, tiles: TileConfig | None, lang: str, stamp: str = "") -> str:
    """What the page is made of: inputs, and the files of the code and data that write it."""
    import hashlib

    import maps
    import resources
    from maps.assets import ASSETS, asset_path

    roots = [Path(maps.__file__).parent, Path(resources.__file__).parent / "web",
             Path(resources.__file__).parent / "profiles", Path(resources.__file__).parent / "reference"]
    files = sorted(p for root in roots for p in root.glob("*") if p.is_file())
    files += [asset_path(name) for name in sorted(ASSETS)]
    digest = hashlib.sha256(repr((profile_name, tiles, lang, stamp)).encode())
    for f in files:
        stat = f.stat()
        digest.update(f"{f}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()[:16]


def build_page(db: Database, tiles: TileConfig | None, lang: str) -> Path:
    """The map page for the database's city (worker thread), written once and reused.

    Rendering the page takes folium about 0.4 s; its file is named by what it is made of,
    so a later start (or another console on this machine) loads it at once.
    """
    name = db.meta().get("profile", "yiwu")
    path = user_cache_dir() / "pages" / f"map-{_page_key(name, tiles, lang, boundaries_stamp(db))}.html"
    if path.is_file():
        return path
    page = entity_map_of(db, tiles, lang, channel=True)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    render_page(page, part)
    os.replace(part, path)  # whole or not at all, even with two consoles writing it
    return path


def entity_map_of(db: Database, tiles: TileConfig | None, lang: str, **options):
    """The city's entity map over ``tiles``, with its surveyed regions and centres when imported."""
    profile = load_profile(db.meta().get("profile", "yiwu"))
    return build_entity_map(profile, tiles=tiles, village_centres=village_centres(db), lang=lang,
                            regions=city_regions(db, tiles.coords if tiles else "wgs84", profile), **options)
