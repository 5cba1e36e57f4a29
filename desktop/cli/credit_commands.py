"""``tongguan credit``: why an entity has its class, scoring, list transitions, measures, rule sets.

- ``credit explain USCC`` prints the records, their weights after decay, the total, the
  rule-set version, the class and whether the official class overrides it (``risk.read``).
- ``credit score [--dry-run]`` scores the whole city and writes the classes (``credit.manage``).
- ``credit transitions [--within DAYS] [--apply]`` lists abnormal listings reaching three
  years (within DAYS) and, with ``--apply``, moves those due to the serious-violation list.
- ``credit measures USCC [--department CODE]`` prints the joint measures that apply and why.
- ``credit repair RECORD_ID --note TEXT --attachment NAME`` grants a credit repair (信用修复)
  on its evidence, from ``--as-of`` (``credit.repair``: the leader, or the recording department).
- ``credit official FILE.csv --source TEXT`` imports official classes (a credit code and a
  class A-D per row; a header row is skipped); they override the computed ones (``credit.manage``).
- ``credit rules [list|preview FILE|save FILE|activate VERSION]`` manages rule-set versions
  (``credit.rules``: the administrator); preview prints the 4x4 move matrix.

Every command acts as ``--actor`` (default ``TONGGUAN_ACTOR``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from core.errors import ValidationError

from .actor import add_actor_argument, command_actor
from .output import ProgressPrinter, emit_json, fail

LANGS = {"zh": "zh_CN", "en": "en"}


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("credit", help="credit classes, lists and joint measures").add_subparsers(
        dest="credit_command", metavar="ACTION", required=True)

    def command(name: str, help_text: str, func, what: str = "reads") -> argparse.ArgumentParser:
        p = group.add_parser(name, parents=[common], help=help_text)
        p.add_argument("--as-of", type=dt.date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                       help="the day to score on (default today)")
        p.add_argument("--lang", choices=sorted(LANGS), default="zh")
        add_actor_argument(p, what)
        p.set_defaults(func=func)
        return p

    explain = command("explain", "why an entity has its class", cmd_explain)
    explain.add_argument("uscc", metavar="USCC")
    score = command("score", "score the whole city and write the classes", cmd_score, "scores")
    score.add_argument("--dry-run", action="store_true", help="compute and show the moves; write nothing")
    moves = command("transitions", "abnormal listings reaching three years; --apply moves them", cmd_transitions,
                    "moves them")
    moves.add_argument("--within", type=int, default=30, metavar="DAYS", help="warn of moves within DAYS (default 30)")
    moves.add_argument("--apply", action="store_true", help="move those due now to the serious-violation list")
    measures = command("measures", "joint measures that apply to an entity, and why", cmd_measures)
    measures.add_argument("uscc", metavar="USCC")
    measures.add_argument("--department", metavar="CODE", default=None, help="one department's measures (default all)")
    fix = command("repair", "grant a credit repair of a record, on its evidence", cmd_repair, "grants it")
    fix.add_argument("record_id", type=int, metavar="RECORD_ID")
    fix.add_argument("--note", required=True, help="what the entity did (corrected, paid, committed)")
    fix.add_argument("--attachment", required=True, metavar="FILE_NAME", help="the evidence file's name")
    official = command("official", "import official classes (CSV: credit code, class) that override computed ones",
                       cmd_official, "imports them")
    official.add_argument("file", metavar="FILE.csv")
    official.add_argument("--source", required=True, help="where the classes come from (shown with each override)")
    rules = command("rules", "rule-set versions: list, preview FILE, save FILE, activate VERSION", cmd_rules,
                    "manages them")
    rules.add_argument("action", nargs="?", default="list", choices=("list", "preview", "save", "activate"))
    rules.add_argument("target", nargs="?", default=None, metavar="FILE.json|VERSION")
    rules.add_argument("--note", default="", help="save: what changed and why")


def _open(args):
    from desktop.bootstrap import open_database

    return open_database(args.db)


def cmd_explain(args: argparse.Namespace) -> int:
    from core.credit import entity_id_of, explain
    from core.credit.report import explanation_lines
    from core.rights import resolve

    db = _open(args)
    actor = command_actor(db, args)
    with db.sessions() as s:
        if not resolve(s, actor).sees_risk:
            return fail(f"{actor} may not see credit classes (risk.read)")
    e = explain(db, entity_id_of(db, args.uscc), args.as_of)
    if args.json:
        emit_json({"uscc": e.uscc, "name": e.name, "as_of": e.as_of, "class": e.risk_class,
                   "computed_class": e.computed_class, "overridden": e.overridden,
                   "official_source": e.official_source, "score": round(e.score, 4), "base": e.base,
                   "rules_version": e.rules_version, "floors": list(e.floor_kinds),
                   "records": [{"id": r.record.id, "kind": r.record.kind, "occurred_on": r.record.occurred_on,
                                "title": r.record.title, "weight": r.weight, "decay": round(r.decay, 6),
                                "contribution": round(r.contribution, 4), "in_force": r.in_force,
                                "why_not": r.why_not, "ends_on": r.ends_on} for r in e.records],
                   "linked": [{"uscc": x.uscc, "name": x.name, "listed_on": x.listed_on} for x in e.linked],
                   "linked_total": e.linked_total})
    else:
        print("\n".join(explanation_lines(e, LANGS[args.lang])))
    return 0


def _matrix_lines(matrix: list[list[int]]) -> list[str]:
    rows = ["        " + "".join(f"{'-> ' + c:>12}" for c in "ABCD")]
    rows += [f"  {c} ->  " + "".join(f"{n:>12,}" for n in row) for c, row in zip("ABCD", matrix)]
    return rows


def cmd_score(args: argparse.Namespace) -> int:
    from core.credit import score_city

    db = _open(args)
    actor = command_actor(db, args)
    result = score_city(db, actor, as_of=args.as_of, apply=not args.dry_run, progress=ProgressPrinter(args.json))
    if args.json:
        emit_json({"applied": not args.dry_run, "rules_version": result.rules_version, "counts": result.counts(),
                   "matrix": result.matrix, "changed": result.changed})
    else:
        print(f"{'dry run: ' if args.dry_run else ''}rule set v{result.rules_version}, "
              f"{result.changed:,} entities change class; now {result.counts()}")
        print("\n".join(_matrix_lines(result.matrix)))
    return 0


def cmd_transitions(args: argparse.Namespace) -> int:
    from core.credit import apply_transitions, due_transitions

    db = _open(args)
    actor = command_actor(db, args)
    day = args.as_of or dt.date.today()
    if args.apply:
        done = apply_transitions(db, actor, day)
        if args.json:
            emit_json({"moved": done.moved, "entity_ids": list(done.entity_ids), "class_changes": done.class_changes})
        else:
            print(f"{done.moved:,} abnormal listings moved to the serious-violation list "
                  f"({done.class_changes:,} classes changed)")
        return 0
    due = due_transitions(db, day, args.within)
    if args.json:
        emit_json([{"uscc": d.uscc, "name": d.name, "listed_on": d.listed_on, "moves_on": d.moves_on,
                    "record_id": d.record_id} for d in due])
        return 0
    now = sum(1 for d in due if d.moves_on <= day)
    print(f"{len(due):,} abnormal listings reach three years by {day + dt.timedelta(days=args.within)} "
          f"({now:,} due now; --apply moves them)")
    for d in due[:200]:
        print(f"  {d.moves_on}  {d.uscc}  {d.name}  (listed {d.listed_on})")
    if len(due) > 200:
        print(f"  ... and {len(due) - 200:,} more (--json lists all)")
    return 0


def cmd_measures(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from core.credit import entity_id_of, measures_for
    from core.credit.report import measures_lines
    from core.db.models import Department

    db = _open(args)
    command_actor(db, args)
    dept_id = None
    if args.department:
        with db.sessions() as s:
            dept_id = s.scalar(select(Department.id).where(Department.code == args.department.upper()))
        if dept_id is None:
            return fail(f"no department with code {args.department}")
    m = measures_for(db, entity_id_of(db, args.uscc), dept_id, args.as_of)
    if args.json:
        emit_json({"lists": [{"list": x.list.code, "because": [w.record.id for w in x.because]} for x in m.memberships],
                   "measures": [{"code": a.measure.code, "list": a.measure.list_code} for a in m.measures]})
    else:
        print("\n".join(measures_lines(m, LANGS[args.lang])))
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    from core.credit import repair

    db = _open(args)
    actor = command_actor(db, args)
    repair_id = repair(db, actor, args.record_id, note=args.note, attachment_name=args.attachment, on=args.as_of)
    if args.json:
        emit_json({"repair_id": repair_id, "record_id": args.record_id})
    else:
        print(f"credit record {args.record_id} repaired (repair {repair_id}); the entity was rescored")
    return 0


def cmd_official(args: argparse.Namespace) -> int:
    import csv

    from core.credit import import_official

    db = _open(args)
    actor = command_actor(db, args)
    try:
        with open(args.file, encoding="utf-8-sig", newline="") as f:
            rows = [r for r in csv.reader(f) if r and any(c.strip() for c in r)]
    except (OSError, UnicodeDecodeError) as exc:
        return fail(f"{args.file}: cannot read: {exc}")
    if rows and rows[0][-1].strip().upper() not in ("A", "B", "C", "D"):
        rows = rows[1:]  # a header row
    bad = [i + 1 for i, r in enumerate(rows) if len(r) < 2]
    if bad:
        return fail(f"{args.file}: rows {bad[:5]} need a credit code and a class")
    count = import_official(db, actor, [(r[0], r[1]) for r in rows], source=args.source, on=args.as_of)
    print(f"{count:,} official classes imported from {args.source}; they override the computed ones")
    return 0


def _rules_file(path: str | None):
    from core.credit import rules_from_json

    if not path:
        raise ValidationError("give the rule-set file (JSON with weights, half_life_days, validity_days, thresholds)",
                              where="FILE")
    try:
        return rules_from_json(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(f"cannot read: {exc.strerror}", where=path) from None


def cmd_rules(args: argparse.Namespace) -> int:
    from core.credit import activate, preview, rule_sets, save_rule_set

    db = _open(args)
    actor = command_actor(db, args)
    if args.action == "list":
        listed = rule_sets(db)
        if args.json:
            emit_json([{"version": r.version, "active": r.active, "note": r.note, "created_by": r.created_by,
                        "created_at": r.created_at, "rules": r.rules.as_dict()} for r in listed])
        else:
            for r in listed:
                print(f"v{r.version}{' (active)' if r.active else ''}  {r.created_at:%Y-%m-%d %H:%M}  "
                      f"{r.created_by}  {r.note}\n  {json.dumps(r.rules.as_dict(), ensure_ascii=False)}")
        return 0
    if args.action == "activate":
        try:
            version = int(args.target or "")
        except ValueError:
            return fail("activate needs a version number")
        result = activate(db, actor, version, args.as_of)
        print(f"rule set v{version} active; {result.changed:,} entities changed class")
        print("\n".join(_matrix_lines(result.matrix)))
        return 0
    rules = _rules_file(args.target)
    if args.action == "preview":
        seen = preview(db, actor, rules, args.as_of)
        if args.json:
            emit_json({"matrix": seen.matrix, "moved": seen.moved, "before": seen.counts_before,
                       "after": seen.counts_after})
        else:
            print(f"{seen.moved:,} entities would change class (rows: now; columns: under these rules)")
            print("\n".join(_matrix_lines(seen.matrix)))
        return 0
    version = save_rule_set(db, actor, rules, args.note)
    print(f"saved as rule set v{version} (not active: `tongguan credit rules activate {version}`)")
    return 0
