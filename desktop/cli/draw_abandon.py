"""``tongguan draw abandon BATCH --reason TEXT --actor NAME``: give up a locked batch whose draw was refused.

The batch stays locked with its published pool hash and seed commitment, can never be
drawn, and the reason is audited and published: the command prints the notice of
abandonment (``--out FILE.txt`` also writes it). BATCH is an id or a name, as for
``tongguan draw notice``. Exit 0 when abandoned, 2 with one line naming the problem.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from core.errors import NotFound, ValidationError

from .draw_notice import LANGS, resolve_batch
from .actor import add_actor_argument, command_actor
from .output import emit_json, fail

def add_parser(draws, common: argparse.ArgumentParser) -> None:
    abandon = draws.add_parser(
        "abandon", parents=[common], help="abandon a locked batch whose draw was refused, publishing the reason")
    abandon.add_argument("batch", metavar="BATCH", help="batch id or name, e.g. 12 or 2027-1")
    abandon.add_argument("--reason", required=True, help="why the batch is abandoned (published)")
    add_actor_argument(abandon, "abandons it")
    abandon.add_argument("--lang", choices=sorted(LANGS), default="zh", help="notice language (default zh)")
    abandon.add_argument("--out", metavar="FILE.txt", help="also write the notice of abandonment to this file")
    abandon.set_defaults(func=cmd_draw_abandon)


def cmd_draw_abandon(args: argparse.Namespace) -> int:
    from core.db.database import Database
    from core.services import draws

    db = Database.open(args.db)
    actor = command_actor(db, args)
    try:
        batch = resolve_batch(db, args.batch)
        gone = draws.abandon_batch(db, actor, batch.id, args.reason)
    except (NotFound, ValidationError) as exc:
        return fail(str(exc))
    notice = draws.abandonment_notice(gone, LANGS[args.lang])
    if args.out:
        Path(args.out).write_text(notice + "\n", encoding="utf-8")
    if args.json:
        emit_json({"batch_id": gone.batch_id, "name": gone.name, "abandoned_at": gone.abandoned_at.isoformat(),
                   "abandoned_by": gone.abandoned_by, "reason": gone.reason, "pool_hash": gone.pool_hash,
                   "seed_commitment": gone.seed_commitment, "notice": notice})
    else:
        print(notice)
    return 0
