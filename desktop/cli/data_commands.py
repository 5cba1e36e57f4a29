"""Commands that need no window: demo, db, uscc, calendar."""
from __future__ import annotations

import argparse
import datetime as dt
import signal
from pathlib import Path

from core import uscc
from core.db.database import Database
from core.db.migrate import head_revision
from core.errors import InvalidUSCC
from core.paths import calendar_schedule_dir
from core.workdays import WorkdayCalendar

from .output import ProgressPrinter, emit_json, fail


def cmd_demo(args: argparse.Namespace) -> int:
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    spec = DemoSpec(entities=args.entities, seed=args.seed, as_of=args.as_of or dt.date.today())
    stop = {"now": False}
    # Ctrl-C asks the build to stop at the next chunk; nothing half-written is kept.
    signal.signal(signal.SIGINT, lambda *_: stop.__setitem__("now", True))
    report = build_demo(args.db, spec, replace=args.replace, progress=ProgressPrinter(args.json),
                        is_cancelled=lambda: stop["now"])
    summary = {"database": report.database, "entities": report.entities, "rows": report.rows,
               "build_s": round(report.build_s, 2), "rows_per_s": round(report.rows_per_s),
               "db_mb": round(report.db_mb, 1) if report.db_mb is not None else None,
               "tables": report.counts}
    if args.json:
        emit_json(summary)
    else:
        print(f"Demo city built: {report.entities:,} entities, {report.rows:,} rows in "
              f"{report.build_s:.1f} s ({report.rows_per_s:,.0f} rows/s), {summary['db_mb']} MB")
        print(f"Database: {report.database}")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from core.db.engine import resolve_owner_url
    from core.db.roles import upgrade_and_grant

    # Migrations run as the owner of the tables; the console's own role may not alter them.
    db = Database.open(resolve_owner_url(getattr(args, "owner_url", None), args.db))
    before, after, role = upgrade_and_grant(db.engine, getattr(args, "app_role", None))
    if args.json:
        emit_json({"database": db.label, "from": before, "to": after, "app_role": role})
    else:
        print(f"{db.label}: schema {before or 'empty'} -> {after}" if before != after
              else f"{db.label}: schema already at {after}")
        if role:
            print(f"application role {role}: granted (audit_log: SELECT, INSERT only)")
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    from core.db.migrate import current_revision
    db = Database.open(args.db)
    rev = current_revision(db.engine)
    info = {"database": db.label, "revision": rev, "head": head_revision(),
            "meta": db.meta() if rev else {}}
    if args.json:
        emit_json(info)
    else:
        for k, v in info.items():
            print(f"{k}: {v}")
    return 0


def cmd_uscc_check(args: argparse.Namespace) -> int:
    results, bad = [], 0
    for code in args.codes:
        try:
            parts = uscc.parse(code)
            results.append({"code": parts.code, "valid": True, "division": parts.division,
                            "entity_type": parts.entity_type})
            if not args.json:
                print(f"{parts.code}\tvalid")
        except InvalidUSCC as exc:
            bad += 1
            results.append({"code": code, "valid": False, "reason": exc.reason, "message": exc.message})
            if not args.json:
                print(f"{code}\tinvalid: {exc.message}")
    if args.json:
        emit_json(results)
    return 1 if bad else 0


def cmd_calendar_add(args: argparse.Namespace) -> int:
    dirs = [Path(d) for d in args.schedule_dir] if args.schedule_dir else [calendar_schedule_dir()]
    cal = WorkdayCalendar(dirs)
    try:
        start = dt.date.fromisoformat(args.date)
    except ValueError:
        return fail(f"not a date (YYYY-MM-DD): {args.date!r}")
    due = cal.add_working_days(start, args.n)
    if args.json:
        emit_json({"date": due.date.isoformat(), "official": due.official,
                   "provisional_years": list(due.provisional_years)})
        return 0
    print(f"{due.date.isoformat()}\t{'official' if due.official else 'provisional'}")
    for year in due.provisional_years:
        print(f"note: {cal.explain(year)}")
    return 0
