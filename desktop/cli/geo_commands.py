"""``tongguan geo import towns|villages FILE`` and ``tongguan map export-geojson FILE``.

Importing surveyed boundaries is the administrator's (``geo.manage``) and all or nothing:
a file with any bad feature is refused, every problem printed with its feature index.
The GeoJSON export writes the entities of a filter (or a drawn batch) as points.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .actor import add_actor_argument, command_actor
from .output import emit_json, fail


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    geo = sub.add_parser("geo", help="surveyed geography").add_subparsers(dest="geo_command", metavar="ACTION",
                                                                          required=True)
    imp = geo.add_parser("import", parents=[common],
                         help="import surveyed town or village boundaries (or village centroids) from GeoJSON")
    imp.add_argument("level", choices=("towns", "villages"))
    imp.add_argument("file", metavar="FILE.geojson")
    imp.add_argument("--coords", choices=("wgs84", "gcj02"), default="wgs84",
                     help="the file's coordinate system (default WGS-84; GCJ-02 is converted)")
    imp.add_argument("--check", action="store_true", help="only check the file; import nothing")
    add_actor_argument(imp, "imports it (an administrator)")
    imp.set_defaults(func=cmd_geo_import)
    status = geo.add_parser("status", parents=[common], help="which regions are surveyed, which approximate")
    status.set_defaults(func=cmd_geo_status)


def add_map_export(maps, common: argparse.ArgumentParser) -> None:
    """``map export-geojson`` (registered by map_commands beside ``map export``)."""
    from .map_commands import FILTER_KEYS

    exp = maps.add_parser("export-geojson", parents=[common],
                          help="write the entities of a filter or a drawn batch as GeoJSON points")
    exp.add_argument("file", metavar="FILE.geojson")
    exp.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE[,VALUE]",
                     help=f"filter like the entity search (repeatable); keys: {', '.join(FILTER_KEYS)}")
    exp.add_argument("--layer", default=None, metavar="draw:BATCH_ID",
                     help="only the entities drawn in this batch (the map's drawn layer)")
    exp.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the names written")
    add_actor_argument(exp, "exports it")
    exp.set_defaults(func=cmd_map_export_geojson)


def cmd_geo_import(args: argparse.Namespace) -> int:
    from core.db.database import Database
    from core.services.boundaries import BoundaryFileRejected, check_file, import_boundaries

    level = args.level.rstrip("s")
    db = Database.open(args.db)
    actor = command_actor(db, args)
    path = Path(args.file)
    try:
        if args.check:
            checked = check_file(db, level, path, coords=args.coords)
            if checked.problems:
                raise BoundaryFileRejected(path, checked.problems)
            summary = {"level": level, "file": str(path), "regions": len(checked.regions), "imported": False}
        else:
            outcome = import_boundaries(db, actor, level, path, coords=args.coords)
            summary = {"level": level, "file": str(path), "regions": outcome.regions,
                       "boundaries": outcome.boundaries, "known": outcome.known, "imported": True}
    except BoundaryFileRejected as rejected:
        if args.json:
            emit_json({"level": level, "file": str(path), "imported": False, "problems": [
                {"feature": p.index, "code": p.code, "reason": p.reason} for p in rejected.problems]})
            return 1
        return fail(str(rejected), code=1)
    if args.json:
        emit_json(summary)
    elif summary["imported"]:
        print(f"{summary['regions']} {level} regions imported from {path.name} "
              f"({summary['boundaries']} with boundaries; {summary['known']} {level}s in the city)")
    else:
        print(f"{path.name}: {summary['regions']} {level} regions, no problems (nothing imported: --check)")
    return 0


def cmd_geo_status(args: argparse.Namespace) -> int:
    from core.db.database import Database
    from core.services.boundaries import stored_regions

    db = Database.open(args.db)
    out = {}
    for level in ("town", "village"):
        stored = stored_regions(db, level)
        out[level] = {"regions": len(stored.centres), "boundaries": len(stored.collection["features"]),
                      "state": "surveyed" if stored.centres else "approximate"}
    if args.json:
        emit_json(out)
    else:
        for level, row in out.items():
            print(f"{level}s: {row['state']} ({row['regions']} imported, {row['boundaries']} with boundaries)")
    return 0


def cmd_map_export_geojson(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from core.db.database import Database
    from core.errors import ValidationError
    from core.services import map_layers
    from core.services.geojson_export import export_geojson
    from core.services.tagging import list_tags

    from .map_commands import parse_filter
    from .output import ProgressPrinter

    db = Database.open(args.db)
    actor = command_actor(db, args)
    f = parse_filter(args.filter, {t.code: t.id for t in list_tags(db)})
    if args.layer:
        kind, _, batch = args.layer.partition(":")
        if kind != "draw" or not batch.isdigit():
            raise ValidationError(f"{args.layer!r} is not draw:BATCH_ID", where="--layer")
        ids = tuple(int(i) for i in map_layers.drawn_entity_ids(db, int(batch)))
        if not ids:
            return fail(f"draw batch {batch} has no drawn entities")
        f = replace(f, entity_ids=ids)
    count = export_geojson(db, actor, f, Path(args.file), lang="zh_CN" if args.lang == "zh" else "en",
                           progress=ProgressPrinter(quiet=args.json))
    if args.json:
        emit_json({"file": str(args.file), "entities": count})
    else:
        print(f"{count:,} entities written to {args.file}")
    return 0
