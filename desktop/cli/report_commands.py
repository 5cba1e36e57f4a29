"""``tongguan report leadership``: the leadership analysis of a period as PDF or XLSX.

Acts as ``--actor`` (or ``TONGGUAN_ACTOR``), who must hold ``report.leadership`` (the leader,
the monitor, the administrator): the report names risk classes and is internal. The export is
audited like every file that leaves the system.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from core.errors import Cancelled, PermissionDenied, ValidationError

from .actor import add_actor_argument, command_actor
from .output import ProgressPrinter, emit_json, fail

LANGS = {"zh": "zh_CN", "en": "en"}
SUFFIXES = (".pdf", ".xlsx")


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("report", help="reports for a period").add_subparsers(
        dest="report_command", metavar="REPORT", required=True)
    lead = group.add_parser("leadership", parents=[common],
                            help="the leadership analysis (internal): population, inspections, clues, "
                                 "timeliness, overdue, top risks")
    lead.add_argument("--from", dest="start", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                      help="first day of the period")
    lead.add_argument("--to", dest="end", type=dt.date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                      help="last day of the period")
    lead.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx")
    lead.add_argument("--lang", choices=sorted(LANGS), default="zh", help="report language (default zh)")
    lead.add_argument("--today", type=dt.date.fromisoformat, default=None,
                      help="the day clocks are assessed on when the period runs on (default: today)")
    add_actor_argument(lead, "reads the report")
    lead.set_defaults(func=cmd_leadership)


def cmd_leadership(args: argparse.Namespace) -> int:
    from core.db.database import Database
    from core.reports.leadership import build_report

    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        return fail(f"--out {out}: the report is written as .pdf or .xlsx, not {out.suffix or 'a file without suffix'}")
    if not out.parent.is_dir():
        return fail(f"--out {out}: no folder {out.parent}")
    if args.end < args.start:
        return fail(f"--to {args.end} is before --from {args.start}")
    db = Database.open(args.db)
    actor = command_actor(db, args)
    try:
        report = build_report(db, args.start, args.end, viewer=actor, today=args.today,
                              progress=ProgressPrinter(quiet=args.json))
    except (PermissionDenied, ValidationError, Cancelled) as exc:
        return fail(f"no report: {exc}")
    family = None
    if out.suffix.lower() == ".pdf":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from desktop.app import create_application

        family = create_application().font().family()  # the console's CJK font, as its exports use
    from desktop.reports.leadership_pdf import write_report

    try:
        path = write_report(report, out, LANGS[args.lang], family, db=db, actor=actor)
    except OSError as exc:
        return fail(f"--out {out}: {exc.strerror or exc}")
    if args.json:
        emit_json({"file": str(path), "from": str(report.start), "to": str(report.end), "as_of": str(report.as_of),
                   "lang": args.lang, "seconds": round(report.elapsed_s, 2)})
    else:
        print(path)
    return 0
