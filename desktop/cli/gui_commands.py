"""Commands that open or render windows; Qt is imported only when one of them runs."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from core.db.database import Database
from core.db.migrate import current_revision

from .output import fail

LANGS = {"zh": "zh_CN", "zh_CN": "zh_CN", "en": "en"}


def console_context(db: Database):
    """Facts about the database for the shell's title and status bar."""
    from sqlalchemy import func, select

    from core.db.models import MarketEntity
    from desktop.context import ConsoleContext

    meta = db.meta() if current_revision(db.engine) else {}
    count = None
    if meta:
        with db.sessions() as s:
            count = s.scalar(select(func.count()).select_from(MarketEntity))
    return ConsoleContext(
        database_label=db.label,
        city_name=meta.get("city_name_zh", "义乌市"),
        city_name_en=meta.get("city_name_en"),
        is_demo=meta.get("demo") == "1",
        entity_count=count,
    )


def _parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def cmd_console(args: argparse.Namespace) -> int:
    db = Database.open(args.db)
    if current_revision(db.engine) is None:
        return fail(f"{db.label} has no Tongguan schema yet: run `tongguan db upgrade` "
                    "(or `tongguan demo` for a demo city)")
    from desktop.app import run_console

    return run_console(console_context(db), lang=LANGS[args.lang])


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        size = _parse_size(args.size)
    except ValueError:
        return fail(f"--size must look like 1440x900, not {args.size!r}")
    from desktop.screenshot import known_views, render_view

    if args.view not in known_views():
        return fail(f"unknown view {args.view!r}; known views: {', '.join(known_views())}")
    db = Database.open(args.db)
    out = render_view(args.view, Path(args.out), context=console_context(db), lang=LANGS[args.lang],
                      theme=args.theme, size=size)
    print(out)
    return 0
