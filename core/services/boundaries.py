"""Surveyed boundaries in the database: import (all or nothing, audited) and read back.

An import of town or village regions writes one ``region_geometries`` row per region
(replacing that region's earlier row) and moves the town's or village's centre to the
region's centroid, so everything "placed at its village centre" (entities imported without
a position, core.exchange) lands on the surveyed one. ``app_meta`` notes that the level
is surveyed and a stamp that changes with every import (map pages are cached by it).
Administrators only (``geo.manage``).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select

from core.db.database import Database
from core.db.models import AppMeta, RegionGeometry, Town, Village
from core.errors import TongguanError
from core.geo.boundaries import LEVELS, BoundaryFile, Problem, load_geojson, read_boundaries
from core.reference import load_profile

STAMP_KEY = "boundaries_stamp"
_META_KEYS = {"town": "town_regions", "village": "village_centres"}


class BoundaryFileRejected(TongguanError):
    """A boundary file with problems: nothing was imported. ``problems`` lists them all."""

    code = "geo.rejected"

    def __init__(self, path: Path, problems: tuple[Problem, ...]) -> None:
        self.path, self.problems = path, problems
        lines = "\n".join(f"  {path.name}: {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in {path.name}; nothing was imported:\n{lines}{more}")


@dataclass(frozen=True)
class ImportOutcome:
    level: str
    path: Path
    regions: int          # regions written
    boundaries: int       # of them, with a polygon (the rest: village centroids)
    known: int            # regions of that level in the city


@dataclass(frozen=True)
class StoredRegions:
    """The imported regions of one level: ``collection`` is a WGS-84 FeatureCollection of the
    polygons (``code`` in each feature's properties); ``centres`` {code: (lat, lng)}."""

    level: str
    collection: dict
    centres: dict[str, tuple[float, float]]

    @property
    def has_boundaries(self) -> bool:
        return bool(self.collection["features"])


def check_file(db: Database, level: str, path: str | Path, *, coords: str = "wgs84") -> BoundaryFile:
    """Read and check ``path`` against the database's towns or villages (nothing written)."""
    data = load_geojson(path)
    model = Town if level == "town" else Village
    with db.sessions() as s:
        known = set(s.scalars(select(model.code)))
    profile = load_profile(db.meta().get("profile", "yiwu"))
    return read_boundaries(data, level, known, coords=coords, bounds=profile.bounds)


def import_boundaries(db: Database, actor: str, level: str, path: str | Path, *,
                      coords: str = "wgs84") -> ImportOutcome:
    """Import ``path`` as the surveyed ``level`` regions; all or nothing.

    Raises :class:`BoundaryFileRejected` (with every problem: feature index, code, reason)
    when any feature is bad, and PermissionDenied without ``geo.manage``.
    """
    path = Path(path)
    with db.uow(actor) as uow:
        uow.require("geo.manage")
    checked = check_file(db, level, path, coords=coords)
    if checked.problems:
        raise BoundaryFileRejected(path, checked.problems)
    model = Town if level == "town" else Village
    now = dt.datetime.now(dt.timezone.utc)
    with db.uow(actor) as uow:
        uow.require("geo.manage")
        s = uow.session
        codes = [r.code for r in checked.regions]
        replaced = s.scalar(select(func.count()).select_from(RegionGeometry).where(
            RegionGeometry.level == level, RegionGeometry.code.in_(codes)))
        s.execute(delete(RegionGeometry).where(RegionGeometry.level == level, RegionGeometry.code.in_(codes)))
        s.add_all(RegionGeometry(level=level, code=r.code, geometry=json.dumps(r.geometry, separators=(",", ":")),
                                 centroid_lat=r.lat, centroid_lng=r.lng, source=path.name[:200],
                                 source_coords=coords, imported_at=now) for r in checked.regions)
        for r in checked.regions:
            row = s.get(model, r.code)
            row.lat, row.lng = r.lat, r.lng
        known = s.scalar(select(func.count()).select_from(model))
        s.merge(AppMeta(key=_META_KEYS[level], value="surveyed"))
        s.merge(AppMeta(key=STAMP_KEY, value=f"{now.isoformat()}"))
        boundaries = sum(1 for r in checked.regions if r.has_boundary)
        uow.audit(f"geo.import.{level}", "file", path.name[:40], after={
            "file": path.name, "coords": coords, "regions": len(checked.regions), "boundaries": boundaries,
            "replaced": replaced,
        })
        uow.commit()
    return ImportOutcome(level, path, len(checked.regions), boundaries, known)


def stored_regions(db: Database, level: str) -> StoredRegions:
    """The imported ``level`` regions (empty when none were imported)."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    features, centres = [], {}
    with db.sessions() as s:
        for code, geometry, lat, lng in s.execute(
                select(RegionGeometry.code, RegionGeometry.geometry, RegionGeometry.centroid_lat,
                       RegionGeometry.centroid_lng).where(RegionGeometry.level == level)
                .order_by(RegionGeometry.code)):
            centres[code] = (lat, lng)
            geom = json.loads(geometry)
            if geom["type"] != "Point":
                features.append({"type": "Feature", "properties": {"code": code}, "geometry": geom})
    return StoredRegions(level, {"type": "FeatureCollection", "features": features}, centres)


def boundaries_stamp(db: Database) -> str:
    """Changes with every import ("" before the first): what a cached map page depends on."""
    return db.meta().get(STAMP_KEY, "")


def village_centres(db: Database) -> dict[str, tuple[float, float]]:
    """{village code: (lat, lng)} as the database holds them (surveyed where imported)."""
    with db.sessions() as s:
        return {code: (lat, lng) for code, lat, lng in s.execute(select(Village.code, Village.lat, Village.lng))}
