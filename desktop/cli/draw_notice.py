"""``tongguan draw notice BATCH --out FILE.pdf|FILE.xlsx``: a drawn batch's public notice.

BATCH is a batch id or its name, whole or its first word (the demo's ``2027-1`` names
"2027-1 食品经营主体双随机联合抽查"). The file is the one the console's Draws workspace
exports (same rows, same PDF writer): the list of entities to be inspected, or with
``--results`` the results notice. Exit 0 when written, 2 with one line naming the
problem (unknown or ambiguous batch, a batch not drawn yet, a suffix other than .pdf or
.xlsx, a file that cannot be written). The export is audited under ``--actor`` (or
``TONGGUAN_ACTOR``), a system account or user: who, which file and how many rows.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from core.errors import NotFound

from .actor import add_actor_argument, command_actor
from .output import emit_json, fail

SUFFIXES = (".pdf", ".xlsx")
NOTICED = ("drawn", "published")
LANGS = {"zh": "zh_CN", "en": "en"}


def add_parser(draws, common: argparse.ArgumentParser) -> None:
    notice = draws.add_parser(
        "notice", parents=[common],
        help="write a drawn batch's public notice (一公开) to a .pdf or .xlsx file",
        description="Write the public notice of a drawn or published batch, as the Draws workspace exports it. "
                    "BATCH is the batch id or its name (whole, or its first word such as 2027-1).")
    notice.add_argument("batch", metavar="BATCH", help="batch id or name, e.g. 12 or 2027-1")
    notice.add_argument("--out", required=True, metavar="FILE", help="FILE.pdf or FILE.xlsx")
    notice.add_argument("--lang", choices=sorted(LANGS), default="zh", help="notice language (default zh)")
    notice.add_argument("--results", action="store_true",
                        help="the results notice (each entity's outcome) instead of the list to be inspected")
    add_actor_argument(notice, "exports it")
    notice.set_defaults(func=cmd_draw_notice)


def resolve_batch(db, text: str):
    """The batch ``text`` names (id, whole name or first word of the name); NotFound says why not."""
    from core.services import draws

    batches = [b for p in draws.list_plans(db) for b in p.batches]
    text = text.strip()
    if text.isdigit():
        found = [b for b in batches if b.id == int(text)]
    else:
        found = ([b for b in batches if b.name == text]
                 or [b for b in batches if b.name.split(maxsplit=1)[:1] == [text]])
    if len(found) == 1:
        return found[0]
    if found:
        names = "; ".join(f"{b.id} {b.name}" for b in found)
        raise NotFound(f"有 {len(found)} 个批次名为 {text!r}，请用编号 "
                       f"({len(found)} batches are named {text!r}, give the id): {names}", where="BATCH")
    known = "; ".join(f"{b.id} {b.name}" for b in batches[:10]) or "none"
    raise NotFound(f"没有抽查批次 {text!r} (no draw batch {text!r}); batches: {known}", where="BATCH")


def cmd_draw_notice(args: argparse.Namespace) -> int:
    from core.db.database import Database

    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        return fail(f"--out {out}: a notice is written as .pdf or .xlsx, not {out.suffix or 'a file without suffix'}")
    if not out.parent.is_dir():
        return fail(f"--out {out}: no folder {out.parent}")
    db = Database.open(args.db)
    actor = command_actor(db, args)
    try:
        batch = resolve_batch(db, args.batch)
    except NotFound as exc:
        return fail(str(exc))
    if batch.status not in NOTICED:
        return fail(f"batch {batch.id} {batch.name!r} is {batch.status}: only a drawn or published batch has a "
                    f"public notice (draw it first)")
    family = None
    if out.suffix.lower() == ".pdf":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from desktop.app import create_application

        family = create_application().font().family()  # the console's CJK font, as its export uses
    from desktop.draws.exports import write_notice

    try:
        path = write_notice(db, batch.id, out, lang=LANGS[args.lang], with_results=args.results,
                            font_family=family, actor=actor)
    except OSError as exc:
        return fail(f"--out {out}: {exc.strerror or exc}")
    if args.json:
        emit_json({"batch_id": batch.id, "batch": batch.name, "status": batch.status, "file": str(path),
                   "lang": args.lang, "results": args.results})
    else:
        print(path)
    return 0
