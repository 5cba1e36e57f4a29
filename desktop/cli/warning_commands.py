"""``tongguan warning``: the early warnings of the risk model ("靶向"监管, issue 17).

``train`` trains the model on the history (one year, evaluated on the next, held out),
scores every active entity and stores the top ``--k`` as new warnings, printing the model's
precision at k against a random and the class ranking. ``list`` shows warnings with their
factors; ``review ID --decision reviewed|dismissed|made_clue`` records a person's decision (a
clue of source "model" for made_clue). ``fairness`` compares warning rates with outcomes by
town, industry, entity type and inspector; ``themes`` prints the thematic warnings (complaint
clusters, class-D licences expiring). Every command acts as ``--actor`` (or ``TONGGUAN_ACTOR``):
warnings name risk classes, so only roles that may read them see them.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from core.errors import NotFound, PermissionDenied, ValidationError

from .actor import add_actor_argument, command_actor
from .output import ProgressPrinter, emit_json, fail

DECISIONS = ("reviewed", "dismissed", "made_clue")


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("warning", help="early warnings of the risk model").add_subparsers(
        dest="warning_command", metavar="ACTION", required=True)
    train = group.add_parser("train", parents=[common], help="train the model, store the top k as warnings")
    train.add_argument("--k", type=int, default=1000, help="warnings to keep (inspections a center can make)")
    train.add_argument("--today", type=dt.date.fromisoformat, default=None,
                       help="the day the history ends (default: the demo's day, else today)")
    add_actor_argument(train, "runs the model")
    train.set_defaults(func=cmd_train)
    show = group.add_parser("list", parents=[common], help="warnings with their factors, highest score first")
    show.add_argument("--status", choices=("new", "reviewed", "dismissed", "made_clue"), default=None)
    show.add_argument("--limit", type=int, default=20)
    add_actor_argument(show, "reads them")
    show.set_defaults(func=cmd_list)
    review = group.add_parser("review", parents=[common], help="decide on a warning (made_clue opens a clue)")
    review.add_argument("warning_id", type=int, metavar="ID")
    review.add_argument("--decision", choices=DECISIONS, required=True)
    review.add_argument("--note", default="")
    add_actor_argument(review, "reviews it")
    review.set_defaults(func=cmd_review)
    fair = group.add_parser("fairness", parents=[common], help="warning rates against outcomes, by group")
    fair.add_argument("--today", type=dt.date.fromisoformat, default=None)
    fair.add_argument("--all", action="store_true", help="every group, not only the flagged ones")
    add_actor_argument(fair, "reads them")
    fair.set_defaults(func=cmd_fairness)
    themes = group.add_parser("themes", parents=[common], help="thematic warnings for the map and the wall")
    themes.add_argument("--today", type=dt.date.fromisoformat, default=None)
    add_actor_argument(themes, "reads them")
    themes.set_defaults(func=cmd_themes)


def _open(args: argparse.Namespace):
    from desktop.bootstrap import open_database  # no Qt: refuses a schema older than this version's

    db = open_database(args.db)
    return db, command_actor(db, args)


def _open_to_read(args: argparse.Namespace):
    """The database, for an actor who may read warnings (``warning.read``; PermissionDenied if not)."""
    from core.services.read_scope import read_scope

    db, actor = _open(args)
    with db.sessions() as s:
        read_scope(s, actor, "warning.read")
    return db


def _today(db, args: argparse.Namespace) -> dt.date:
    from core.credit.warning_bench import demo_today

    return args.today or demo_today(db)


def _factors(factors: list[dict], n: int = 3) -> str:
    return "；".join(f"{f['zh']} {f['value']} ({f['weight']:+.2f})" for f in factors[:n])


def cmd_train(args: argparse.Namespace) -> int:
    from core.credit.warning_store import run_warnings

    db, actor = _open(args)
    try:
        report = run_warnings(db, actor, _today(db, args), k=args.k, progress=ProgressPrinter(quiet=args.json))
    except PermissionDenied as exc:
        return fail(f"no model run: {exc}")
    except ValueError as exc:
        return fail(f"no model run: {exc}")
    s = report.summary
    if args.json:
        emit_json({**s, "stored": report.stored, "scored": report.scored})
    else:
        print(f"model {report.version}: trained on {s['train_from']}..{s['eval_from']} ({s['train_rows']:,} "
              f"inspected entities, {s['train_s']} s), evaluated on {s['eval_from']}..{s['until']}")
        print(f"precision at {s['k']:,}: model {s['precision_at_k']:.1%}, random {s['random_precision_at_k']:.1%} "
              f"(x{s['lift_over_random']}), class ranking {s['class_precision_at_k']:.1%} (x{s['lift_over_class']})")
        print(f"{report.stored:,} warnings stored of {report.scored:,} entities scored")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from core.credit.warning_store import list_warnings

    db, actor = _open(args)
    try:
        rows = list_warnings(db, actor, status=args.status, limit=args.limit)
    except PermissionDenied as exc:
        return fail(str(exc))
    if args.json:
        emit_json([dataclasses.asdict(r) for r in rows])
        return 0
    for r in rows:
        print(f"#{r.id:<6} {r.rank:>5} {r.score:.3f} {r.status:<10} {r.uscc} {r.name}  {_factors(r.factors)}")
    if not rows:
        print("no warnings (run `tongguan warning train`)")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from core.credit.warning_store import review_warning

    db, actor = _open(args)
    try:
        row = review_warning(db, actor, args.warning_id, args.decision, args.note)
    except (PermissionDenied, ValidationError, NotFound) as exc:
        return fail(str(exc))
    if args.json:
        emit_json(dataclasses.asdict(row))
    else:
        clue = f", clue {row.clue_id}" if row.clue_id else ""
        print(f"warning {row.id} ({row.uscc} {row.name}): {row.status}{clue}")
    return 0


def cmd_fairness(args: argparse.Namespace) -> int:
    from core.credit.fairness import fairness_report

    try:
        db = _open_to_read(args)
    except PermissionDenied as exc:
        return fail(str(exc))
    report = fairness_report(db, _today(db, args))
    groups = report.groups if args.all else report.flagged
    if args.json:
        emit_json({"model_version": report.model_version, "warnings": report.warnings,
                   "outcome_from": report.outcome_from, "until": report.until,
                   "groups": [{**dataclasses.asdict(g), "warning_rate": g.warning_rate} for g in groups]})
        return 0
    print(f"model {report.model_version}: {report.warnings:,} warnings; outcomes {report.outcome_from}..{report.until}")
    for g in groups:
        mark = "FLAG" if g.flagged else "    "
        print(f"{mark} {g.dimension:<11} {g.zh:<16} entities {g.entities:>7,} warnings {g.warnings:>5} "
              f"expected {g.expected:7.1f} (x{g.ratio:.2f}) failure rate {g.failure_rate:.1%} p={g.p_value:.2g}")
    if not groups:
        print("no group flagged")
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    from core.credit.themes import thematic_warnings

    try:
        db = _open_to_read(args)
    except PermissionDenied as exc:
        return fail(str(exc))
    rows = thematic_warnings(db, _today(db, args))
    if args.json:
        emit_json([dataclasses.asdict(w) for w in rows])
        return 0
    for w in rows:
        print(f"{w.kind:<17} {w.lat:.5f},{w.lng:.5f} {w.title_zh}")
    if not rows:
        print("no thematic warnings")
    return 0
