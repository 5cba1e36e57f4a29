"""``tongguan wall``: the big-screen wall alone, a snapshot of a scene, or the JSON feed.

- ``tongguan wall [--screen N]`` runs only the wall, full screen, following the shared
  database live; it reads as ``--actor`` (default ``TONGGUAN_ACTOR``), an account that may
  read the city's figures (``efficiency.read``: a leader, the operator on duty, a monitor).
- ``tongguan wall --snapshot FILE.png --size 3840x1080 [--scene NAME|all]`` renders headless.
- ``tongguan wall --serve PORT [--host H] [--token T]`` serves the figures as read-only JSON.

Qt is imported only by the first two.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from core.errors import DatabaseUnavailable, TongguanError

from .actor import add_actor_argument, command_actor
from .output import fail

LANGS = {"zh": "zh_CN", "en": "en"}
WALL_PERMISSION = "efficiency.read"


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    wall = sub.add_parser("wall", parents=[common], help="the big-screen wall: run it, snapshot a scene, serve its figures")
    wall.add_argument("--screen", type=int, default=None, metavar="N",
                      help="screen number (0 is the first; default: the remembered one, else a secondary one)")
    wall.add_argument("--span", action="store_true",
                      help="cover every screen with one window (a video wall driven as several screens)")
    wall.add_argument("--lang", choices=sorted(LANGS), default=None, help="language of the wall (default: the saved one)")
    wall.add_argument("--snapshot", default=None, metavar="FILE.png", help="render a scene headless to this PNG and exit")
    wall.add_argument("--size", default="1920x1080", metavar="WxH", help="snapshot size (default 1920x1080)")
    wall.add_argument("--scene", default="overview", metavar="NAME",
                      help="the scene to snapshot (overview, map, trends, rankings, feed, draw, push, or all)")
    wall.add_argument("--serve", type=int, default=None, metavar="PORT", help="serve the figures as read-only JSON")
    wall.add_argument("--host", default="127.0.0.1", help="address the feed listens on (default 127.0.0.1)")
    wall.add_argument("--token", default=None, help="token the feed requires (needed off localhost)")
    add_actor_argument(wall, "the wall reads as")
    wall.set_defaults(func=cmd_wall)


def cmd_wall(args: argparse.Namespace) -> int:
    if args.snapshot is not None and args.serve is not None:
        return fail("--snapshot and --serve do not go together: give one of them")
    if args.span and args.screen is not None:
        return fail("--span covers every screen: leave out --screen")
    try:
        if args.serve is not None:
            return _serve(args)
        if args.snapshot is not None:
            return _snapshot(args)
        return _run(args)
    except DatabaseUnavailable as exc:
        return fail(f"database unavailable: {exc}")
    except TongguanError as exc:
        return fail(str(exc))


def _open(args):
    from desktop.bootstrap import open_database

    return open_database(args.db)


def _serve(args: argparse.Namespace) -> int:
    from core.services.wall_feed import serve_feed

    db = _open(args)
    try:
        print(f"wall feed on http://{args.host}:{args.serve}/figures and /scenes/<name> (Ctrl+C stops it)", flush=True)
        serve_feed(db, host=args.host, port=args.serve, token=args.token)
    finally:
        db.dispose()
    return 0


def _qt_app(lang: str | None):
    from desktop.app import create_application
    from desktop.i18n import install_language

    from .gui_commands import _quiet_offscreen_noise

    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        _quiet_offscreen_noise()
    app = create_application()
    if lang is not None:
        install_language(app, lang)
    return app


def _plug_in_scenes() -> None:
    """Scenes other packages give the wall (the collaboration graph and the case flow)."""
    from desktop.collaboration import register_wall_scenes

    register_wall_scenes()


def _snapshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.wall.snapshot import SnapshotError, check_scene, parse_size, snapshot_scenes

    _plug_in_scenes()
    try:
        size = parse_size(args.size)
        scenes = list(snapshot_scenes()) if args.scene == "all" else [check_scene(args.scene)]
    except SnapshotError as exc:
        return fail(str(exc))
    db = _open(args)
    try:
        _qt_app(LANGS[args.lang or "zh"])
        from desktop.wall.snapshot import render_from_database

        try:
            written = render_from_database(db, scenes, size, Path(args.snapshot))
        except SnapshotError as exc:
            return fail(str(exc))
    finally:
        db.dispose()
    for path in written:
        print(path)
    return 0


def wall_actor(db, args: argparse.Namespace) -> str:
    """The account the wall reads as: checked, and allowed to read the figures."""
    from core.rights import resolve

    name = command_actor(db, args)
    with db.sessions() as s:
        principal = resolve(s, name)
    if not principal.may(WALL_PERMISSION):
        raise TongguanError(f"{name!r} ({principal.role.value}) may not read the wall's figures: "
                            "the wall runs as a leader, the operator on duty or a monitor")
    return name


def _run(args: argparse.Namespace) -> int:
    from desktop.wall.app import run_wall

    _plug_in_scenes()
    db = _open(args)
    try:
        actor = wall_actor(db, args)
    except BaseException:
        db.dispose()
        raise
    return run_wall(db, actor, screen=args.screen, lang=LANGS[args.lang] if args.lang else None, span=args.span)
