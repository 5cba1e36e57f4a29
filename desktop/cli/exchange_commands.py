"""``tongguan import KIND FILE`` and ``tongguan export KIND FILE``: department data files in and out.

Kinds and columns: docs/exchange.md. An import is all or nothing: any bad row and nothing is
written, every problem printed as ``FILE:ROW:COLUMN: reason`` and the exit status is 1;
``--valid-rows-only`` writes the good rows and still exits 1; ``--dry-run`` checks and writes
nothing; ``--report ERRORS.xlsx`` keeps the problems as a spreadsheet. Both act as
``--actor`` (or ``TONGGUAN_ACTOR``), which needs ``data.import`` / ``data.export``.
"""
from __future__ import annotations

import argparse
import sys

from core.errors import Cancelled, ConfigError, PermissionDenied, ValidationError

from .actor import add_actor_argument, command_actor
from .output import ProgressPrinter, emit_json, fail

SHOWN = 200  # problems printed on the terminal (the report keeps them all)


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    from core.exchange.spec import KINDS

    kinds = sorted(KINDS)
    imp = sub.add_parser("import", parents=[common], help="import a department data file (XLSX, CSV or JSON)")
    imp.add_argument("kind", choices=kinds, metavar="KIND", help=f"one of: {', '.join(kinds)}")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--valid-rows-only", action="store_true", help="import the good rows even if others are bad (exit 1 still)")
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.add_argument("--report", metavar="ERRORS.xlsx", help="write every problem to this spreadsheet")
    imp.add_argument("--quiet", action="store_true", help="no progress on stderr")
    add_actor_argument(imp, "imports it")
    imp.set_defaults(func=cmd_import)
    exp = sub.add_parser("export", parents=[common], help="export one kind of record (XLSX, CSV or JSON by FILE's name)")
    exp.add_argument("kind", choices=kinds, metavar="KIND", help=f"one of: {', '.join(kinds)}")
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--filter", default=None, metavar="KEY=VALUE,...",
                     help="town=..., village=..., type=企业, status=存续, department=..., source=...")
    add_actor_argument(exp, "exports it")
    exp.set_defaults(func=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import IntegrityError, OperationalError

    from core.db.database import Database
    from core.exchange import import_file, write_report

    db = Database.open(args.db)
    actor = command_actor(db, args)
    try:
        result = import_file(db, actor, args.kind, args.file, valid_rows_only=args.valid_rows_only,
                             dry_run=args.dry_run, progress=ProgressPrinter(args.quiet or args.json))
    except PermissionDenied as exc:
        return fail(f"nothing imported: {exc}")
    except (ConfigError, ValidationError, Cancelled) as exc:
        return fail(f"nothing imported: {exc}")
    except IntegrityError:
        return fail("nothing imported: another process wrote the same records meanwhile; import again")
    except OperationalError as exc:
        return fail(f"nothing imported: the database refused the import ({exc.orig})")
    for problem in result.problems[:SHOWN]:
        print(problem, file=sys.stderr)
    if len(result.problems) > SHOWN:
        print(f"... {len(result.problems) - SHOWN:,} more problems" + (" (see the report)" if args.report else ""),
              file=sys.stderr)
    if args.report and result.problems:
        try:
            write_report(args.report, result.problems)
        except OSError as exc:
            return fail(f"{args.report}: {exc}")
    if args.json:
        emit_json(result.summary())
    else:
        print(_words(result))
    return 1 if result.problems else 0


def _words(result) -> str:
    done = (f"{result.new:,} new, {result.updated:,} updated, {result.unchanged:,} unchanged "
            f"of {result.rows:,} rows")
    if result.dry_run:
        return f"{result.file}: dry run, nothing written ({done}; {result.bad_rows:,} bad rows)"
    if result.problems and not result.committed:
        return f"{result.file}: nothing imported: {result.bad_rows:,} bad rows ({len(result.problems):,} problems)"
    if result.problems:
        return f"{result.file}: {done}; {result.bad_rows:,} bad rows left out"
    return f"{result.file}: {done}"


def cmd_export(args: argparse.Namespace) -> int:
    from core.db.database import Database
    from core.exchange import export_file, parse_filter

    db = Database.open(args.db)
    actor = command_actor(db, args)
    try:
        count = export_file(db, actor, args.kind, args.file, parse_filter(args.filter))
    except PermissionDenied as exc:
        return fail(f"nothing exported: {exc}")
    except (ConfigError, ValidationError) as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{args.file}: {exc}")
    if args.json:
        emit_json({"kind": args.kind, "file": args.file, "rows": count})
    else:
        print(f"{count:,} {args.kind} written to {args.file}")
    return 0
