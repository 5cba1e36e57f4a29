"""Commands that open or render windows; Qt is imported only when one of them runs."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from .output import fail

LANGS = {"zh": "zh_CN", "zh_CN": "zh_CN", "en": "en"}


def _quiet_offscreen_noise() -> None:
    """Drop the offscreen platform's note about a window-manager feature it lacks;
    every other Qt message still reaches stderr."""
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def cmd_console(args: argparse.Namespace) -> int:
    from desktop.bootstrap import SchemaMissing, start_console

    try:
        return start_console(args.db, lang=LANGS[args.lang] if args.lang else None)
    except SchemaMissing as exc:
        if "no Tongguan schema" in exc.message:
            return fail(f"{exc.where} has no Tongguan schema yet: run `tongguan db upgrade` "
                        "(or `tongguan demo` for a demo city)")
        return fail(str(exc))


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        size = _parse_size(args.size)
    except ValueError:
        return fail(f"--size must look like 1440x900, not {args.size!r}")
    from desktop.screenshot import known_views, render_view

    if args.view not in known_views():
        return fail(f"unknown view {args.view!r}; known views: {', '.join(known_views())}")
    import tempfile

    from desktop.app import create_application
    from desktop.bootstrap import build_services, load_context
    from desktop.settings import Settings

    _quiet_offscreen_noise()
    create_application()  # the services' task manager needs the application
    with tempfile.TemporaryDirectory(prefix="tongguan-shot-") as scratch:
        # Screenshots neither read nor change the user's own settings.
        services = build_services(args.db, settings=Settings.open(Path(scratch) / "screenshot.ini"))
        try:
            out = render_view(args.view, Path(args.out), context=load_context(services.db),
                              lang=LANGS[args.lang], theme=args.theme, size=size, services=services)
        finally:
            services.close()
    print(out)
    return 0
