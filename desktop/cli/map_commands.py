"""``tongguan map export``: the city map as one offline HTML file, without opening a window.

The export is audited under ``--actor`` (or ``TONGGUAN_ACTOR``): who, which file, how many entities.
"""
from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from core.errors import ValidationError

from .actor import add_actor_argument, command_actor
from .output import emit_json, fail

LAYERS = ("entities", "heat", "choropleth", "towns", "villages", "clues", "draw")
FILTER_KEYS = {
    "text": "text", "town": "town_codes", "village": "village_codes", "industry": "industry_codes",
    "type": "entity_types", "status": "statuses", "risk": "risk_classes", "tag": "tag_ids",
}


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    maps = sub.add_parser("map", help="the city map").add_subparsers(dest="map_command", metavar="ACTION", required=True)
    export = maps.add_parser("export", parents=[common], help="write the map as a standalone offline HTML file")
    export.add_argument("--out", required=True, metavar="FILE.html")
    export.add_argument("--layer", action="append", default=None, metavar="NAME",
                        help=f"layer to show (repeatable): {', '.join(LAYERS)}, or draw:BATCH_ID "
                             "(default: entities and towns)")
    export.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE[,VALUE]",
                        help=f"filter like the entity search (repeatable); keys: {', '.join(FILTER_KEYS)}; "
                             "tag takes tag codes")
    export.add_argument("--colour-by", choices=("risk", "entity_type", "status", "tags"), default="risk")
    export.add_argument("--measure", choices=("entities", "risk_d_share", "open_clues", "overdue"),
                        default="entities", help="what the choropleth shows")
    export.add_argument("--level", choices=("town", "village"), default="town",
                        help="the regions it colours (village: needs imported village boundaries; "
                             "clue measures stay by town)")
    export.add_argument("--tile-url", default=None, help="XYZ tile template of an intranet tile server")
    export.add_argument("--tile-coords", choices=("wgs84", "gcj02"), default="wgs84")
    export.add_argument("--size", default="1600x1000", metavar="WxH", help="the view the clusters are sized for")
    export.add_argument("--lang", choices=("zh", "en"), default="zh")
    add_actor_argument(export, "exports it")
    export.set_defaults(func=cmd_map_export)
    from .geo_commands import add_map_export
    add_map_export(maps, common)


def parse_filter(items: list[str], tag_codes: dict[str, int]):
    """``["town=330782001,330782002", "risk=D", "tag=food"]`` -> EntityFilter (ValidationError names the bad one)."""
    from core.services.search import EntityFilter

    fields: dict = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or key not in FILTER_KEYS or not value.strip():
            raise ValidationError(f"{item!r} is not KEY=VALUE with KEY one of "
                                  f"{', '.join(FILTER_KEYS)}", where="--filter")
        if key == "text":
            fields["text"] = value.strip()
            continue
        values = tuple(v.strip() for v in value.split(",") if v.strip())
        if key == "tag":
            unknown = [v for v in values if v not in tag_codes]
            if unknown:
                raise ValidationError(f"unknown tag code(s) {', '.join(unknown)} in {item!r}; "
                                      f"known: {', '.join(sorted(tag_codes))}", where="--filter")
            values = tuple(tag_codes[v] for v in values)
        fields[FILTER_KEYS[key]] = fields.get(FILTER_KEYS[key], ()) + values
    return EntityFilter(**fields)


def _layers(names: list[str] | None) -> tuple[dict, int | None]:
    chosen = names or ["entities", "towns"]
    layers = dict.fromkeys(LAYERS[:-1], False)
    batch = None
    for name in chosen:
        if name.startswith("draw:"):
            try:
                batch = int(name.partition(":")[2])
            except ValueError:
                raise ValidationError(f"{name!r} is not draw:BATCH_ID", where="--layer") from None
            layers["draw"] = True
        elif name in LAYERS[:-1]:
            layers[name] = True
        else:
            raise ValidationError(f"unknown layer {name!r}; choose from {', '.join(LAYERS[:-1])} or draw:BATCH_ID",
                                  where="--layer")
    return layers, batch


def cmd_map_export(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from core.db.database import Database
    from core.geoindex import MapIndex, open_columns
    from core.reference import load_profile
    from core.services.audit_events import record_export
    from core.services.boundaries import village_centres
    from core.services.search import EntitySearch
    from core.services.tagging import list_tags
    from desktop.i18n import install_language
    from desktop.map.labels import build_labels
    from desktop.map.query import LayerChoice, Query, compose, whole_city_view
    from maps.entity_map import build_entity_map
    from maps.export import export_standalone_html
    from maps.regions import city_regions
    from maps.tiles import TileConfig

    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        return fail(f"--out {out}: the map is exported as an .html file")
    try:
        width, _, height = args.size.lower().partition("x")
        size = (int(width), int(height))
    except ValueError:
        return fail(f"--size {args.size!r}: expected WIDTHxHEIGHT, e.g. 1600x1000")
    lang = "zh_CN" if args.lang == "zh" else "en"
    app = QCoreApplication.instance() or QCoreApplication([])
    install_language(app, lang)
    tiles = TileConfig(url=args.tile_url, coords=args.tile_coords) if args.tile_url else None
    layers, batch = _layers(args.layer)
    db = Database.open(args.db)
    actor = command_actor(db, args)
    tags = list_tags(db)
    f = parse_filter(args.filter, {t.code: t.id for t in tags})
    profile = load_profile(db.meta().get("profile", "yiwu"))
    index = MapIndex(open_columns(db, display=tiles.coords if tiles else "wgs84"))
    b = profile.bounds
    view = whole_city_view((b.south, b.west, b.north, b.east), *size)
    text_ids = None
    if f.text:
        import numpy as np
        text_ids = np.asarray(EntitySearch(db).ids(replace(f, text=f.text)), dtype=np.int64)
    regions = city_regions(db, tiles.coords if tiles else "wgs84", profile)
    if args.level not in regions.levels:
        return fail("no village boundaries are imported, so villages cannot be coloured; "
                    "import them first: tongguan geo import villages FILE.geojson")
    choice = LayerChoice(colour_by=args.colour_by, colour_tags=f.tag_ids if args.colour_by == "tags" else (),
                         measure=args.measure, level=args.level, heat=layers["heat"], draw_batch=batch, clues=layers["clues"])
    title = profile.name_zh if lang == "zh_CN" else profile.name_en
    payload, result = compose(index, Query(seq=0, view=view, filter=f, choice=choice), build_labels(tags, lang=lang, title=title),
                              db=db, text_ids=text_ids)
    payload["layers"] = layers
    page = build_entity_map(profile, tiles=tiles, village_centres=village_centres(db), channel=False,
                            static_payload=payload, lang=lang,
                            regions=regions)
    written = export_standalone_html(page, payload, out)
    record_export(db, actor, "map_html", written, result.total, layers=[k for k, on in layers.items() if on])
    summary = {"out": str(written), "entities": result.total, "clusters": len(result.cluster_count),
               "points": len(result.point_id), "bytes": written.stat().st_size}
    if args.json:
        emit_json(summary)
    else:
        print(f"Map written to {written}: {result.total:,} entities in {summary['clusters']:,} clusters "
              f"({summary['bytes'] / 1e6:.1f} MB, opens offline in any browser)")
    return 0
