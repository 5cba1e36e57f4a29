"""``tongguan clues``: exchange clues with town and hotline systems as Open311 GeoReport v2.

``tongguan clues export --format open311 FILE.json`` writes every clue (or ``--state``
open/closed ones) as a JSON array of service requests. ``tongguan clues import --format
open311 FILE.json --actor NAME`` reads such a file: all of it or, when one request is
bad, none of it (the error names the request and the field); requests already here are
counted and skipped. Both act as ``--actor`` (or ``TONGGUAN_ACTOR``), a system account or
user: the import is made under that name, the export audited under it and holding only the
clues that account may see (``clue.read``: a department account its department's, a town
account its grid's; a role without it is refused and nothing is written).
"""
from __future__ import annotations

import argparse

from core.errors import ConfigError, InvalidUSCC, NotFound, PermissionDenied, ValidationError

from .actor import add_actor_argument, command_actor
from .output import emit_json, fail

FORMATS = ("open311",)


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("clues", help="clues and grid events").add_subparsers(
        dest="clues_command", metavar="ACTION", required=True)
    export = group.add_parser("export", parents=[common], help="write clues as Open311 GeoReport v2 requests")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--state", choices=("all", "open", "closed"), default="all")
    add_actor_argument(export, "exports them")
    export.add_argument("file", metavar="FILE.json")
    export.set_defaults(func=cmd_clues_export)
    imp = group.add_parser("import", parents=[common], help="read Open311 GeoReport v2 requests as clues")
    imp.add_argument("--format", choices=FORMATS, required=True)
    add_actor_argument(imp, "imports them")
    imp.add_argument("file", metavar="FILE.json")
    imp.set_defaults(func=cmd_clues_import)


def cmd_clues_export(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from core.clues import CLOSED_STATES
    from core.db.database import Database
    from core.db.models import Clue
    from core.services.clues import export_open311

    db = Database.open(args.db)
    actor = command_actor(db, args)
    ids = None
    if args.state != "all":
        closed = Clue.state.in_(CLOSED_STATES)
        with db.sessions() as s:
            ids = list(s.scalars(select(Clue.id).where(closed if args.state == "closed" else ~closed)))
    try:
        count = export_open311(db, args.file, ids, actor=actor, viewer=actor)
    except PermissionDenied as exc:
        return fail(f"nothing exported: {exc}")
    except OSError as exc:
        return fail(f"{args.file}: {exc}")
    if args.json:
        emit_json({"file": args.file, "format": args.format, "requests": count})
    else:
        print(f"{count:,} clues written to {args.file} (Open311 GeoReport v2)")
    return 0


def cmd_clues_import(args: argparse.Namespace) -> int:
    from core.db.database import Database
    from core.services.clues import import_open311

    db = Database.open(args.db)
    actor = command_actor(db, args)
    try:
        imported, skipped = import_open311(db, actor, args.file)
    except (ValidationError, NotFound, InvalidUSCC, ConfigError) as exc:
        return fail(f"nothing imported: {exc}")
    if args.json:
        emit_json({"file": args.file, "imported": imported, "already_here": skipped})
    else:
        print(f"{args.file}: {imported:,} new, {skipped:,} already imported")
    return 0
