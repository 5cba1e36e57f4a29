"""``tongguan audit``: check that the audit log is the unbroken hash chain it was written as.

``tongguan audit verify [--json]`` walks the chain (see ``core/db/AUDIT.md``) and names the
first broken entry (id, time, actor, action) and why: its fields do not match its hash, an
entry is missing before it, the entries were reordered, an entry lies outside the chain, or
entries were cut off the end. Exit 0 when the chain is intact, 1 when it is broken, 2 when
the database cannot be read.

The last line of a good check is the chain head (seq and hash). Writing it down somewhere
else (a signed notice, a paper log) later proves the whole log up to that entry.
"""
from __future__ import annotations

import argparse

from sqlalchemy.exc import SQLAlchemyError

from core.db.audit_chain import ChainReport, verify
from core.db.database import Database

from .output import emit_json, fail

REASONS = {
    "hash_mismatch": "fields changed after the entry was written (hash mismatch)",
    "missing_entry": "an entry before it is missing (gap in the chain)",
    "reordered": "entries were reordered",
    "beyond_head": "added outside the chain (beyond the chain head)",
    "missing_tail": "entries were removed from the end of the chain",
    "head_mismatch": "the chain head does not match the last entry",
    "no_head": "the audit chain head is missing (schema not migrated: tongguan db upgrade)",
}


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True)
    verify_p = audit.add_parser("verify", parents=[common],
                                help="check the audit hash chain (exit 0 intact, 1 broken, 2 error)")
    verify_p.set_defaults(func=cmd_audit_verify)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    db = Database.open(args.db)
    try:
        report = verify(db.engine)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return fail(f"cannot read the audit log of {db.label}: {reason}")
    finally:
        db.dispose()
    if args.json:
        emit_json(as_json(report, db.label))
    elif report.ok:
        print(f"OK: {db.label}: {report.entries:,} audit entries form an unbroken chain "
              f"({report.seconds:.2f} s)")
        print(f"head: seq {report.head_seq} hash {report.head_hash}")
    else:
        b = report.broken
        print(f"BROKEN: {db.label}: the audit chain breaks after {report.entries:,} good entries")
        where = f"entry id {b.id}, seq {b.seq}" if b.id is not None else f"seq {b.seq}"
        who = f", at {b.at.isoformat()}, actor {b.actor}, action {b.action}" if b.id is not None else ""
        print(f"  first broken: {where}{who}")
        print(f"  why: {REASONS.get(b.reason, b.reason)}: {b.detail}")
    return 0 if report.ok else 1


def as_json(report: ChainReport, database: str) -> dict:
    b = report.broken
    return {
        "ok": report.ok, "database": database, "entries": report.entries,
        "head": {"seq": report.head_seq, "hash": report.head_hash},
        "seconds": round(report.seconds, 3),
        "broken": None if b is None else {
            "id": b.id, "seq": b.seq, "at": b.at.isoformat() if b.at else None, "actor": b.actor,
            "action": b.action, "reason": b.reason, "why": REASONS.get(b.reason, b.reason), "detail": b.detail},
    }
