"""Entities as GeoJSON: the map's selection, a layer or a filter, for GIS tools.

A FeatureCollection of Points in WGS-84 (RFC 7946), one per entity, with its public
registration attributes: credit code, name, type, industry, legal representative, address,
town, village, status, registration date. The risk class goes in only for a viewer whose
role may read it (core.rights ``risk.read``); the export is audited.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from core.db.database import Database
from core.errors import Cancelled, ValidationError
from core.sheets import atomic_path

from .export import load_names
from .search import EntityFilter, EntityRow, EntitySearch

PUBLIC_KEYS = ("uscc", "name", "entity_type", "entity_type_name", "industry_code", "industry_name", "legal_rep",
               "address", "town_code", "town_name", "village_code", "village_name", "status", "status_name",
               "registered_on")
RISK_KEYS = ("risk_class", "risk_name")


def entity_feature(row: EntityRow, names, include_risk: bool) -> dict:
    """One entity as a GeoJSON Feature (id = the entity id)."""
    props = {}
    for key in PUBLIC_KEYS + (RISK_KEYS if include_risk else ()):
        value = names.value(row, key) if key.endswith("_name") else getattr(row, key)
        props[key] = value.isoformat() if isinstance(value, dt.date) else value
    return {"type": "Feature", "id": row.id, "properties": props,
            "geometry": {"type": "Point", "coordinates": [round(row.lng, 7), round(row.lat, 7)]}}


def export_geojson(db: Database, actor: str, f: EntityFilter, path: str | Path, *, lang: str = "zh_CN",
                   progress: Callable[[float, str], None] = lambda p, m: None,
                   is_cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write every entity matching ``f`` to ``path`` as a GeoJSON FeatureCollection; the count.

    The risk class is written only when ``actor`` may read it; a filter on it by one who
    may not is refused (PermissionDenied) before anything is read. Audited as
    ``export.map_geojson``.
    """
    path = Path(path)
    if path.suffix.lower() not in (".geojson", ".json"):
        raise ValidationError(f"cannot export GeoJSON to {path.suffix or 'a file without extension'}; "
                              "use .geojson or .json", where=str(path))
    search = EntitySearch(db, viewer=actor)
    include_risk = search.shows_risk
    total = search.count(f)
    names = load_names(db, lang)
    written = 0
    with atomic_path(path) as part, open(part, "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[')
        for batch in search.batches(f):
            if is_cancelled():
                raise Cancelled("export cancelled; no file was written")
            for row in batch:
                out.write(("," if written else "") + "\n" + json.dumps(
                    entity_feature(row, names, include_risk), ensure_ascii=False, separators=(",", ":")))
                written += 1
            progress(written / max(total, 1), f"{written:,}/{total:,}")
        out.write("\n]}\n")
    from .audit_events import record_export
    record_export(db, actor, "map_geojson", path, written, include_risk=include_risk)
    return written
