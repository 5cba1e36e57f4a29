"""Entry point of the ``tongguan`` command (console script in pyproject.toml)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from core.errors import DatabaseUnavailable, TongguanError

from . import data_commands as data
from . import audit_commands, clue_commands, credit_commands, draw_commands, exchange_commands, map_commands
from . import feed_commands, geo_commands, user_commands, wall_commands, warning_commands
from . import gui_commands as gui
from . import report_commands
from .output import fail


def _common() -> argparse.ArgumentParser:
    # SUPPRESS lets --db/--json stand before or after the subcommand without one clobbering the other.
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", default=argparse.SUPPRESS,
                   help="database: a SQLite file path or postgresql://user:pass@host/db (default: TONGGUAN_DB or the user data folder)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print results as JSON")
    return p


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(prog="tongguan", parents=[common],
                                     description="Tongguan (通管): market-supervision command center")
    parser.add_argument("--lang", choices=sorted(gui.LANGS), default=None,
                        help="console language for this session (default: the saved one, Chinese at first)")
    parser.set_defaults(func=gui.cmd_console)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", parents=[common], help="build the demo city")
    demo.add_argument("--entities", type=int, default=1_200_000, help="number of market entities (default 1,200,000)")
    demo.add_argument("--seed", type=int, default=20190320, help="random seed; same seed, same city")
    demo.add_argument("--as-of", type=dt.date.fromisoformat, default=None, help="the demo's today (YYYY-MM-DD)")
    demo.add_argument("--replace", action="store_true", help="discard existing data in the database")
    demo.set_defaults(func=data.cmd_demo)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db.add_parser("upgrade", parents=[common], help="create or migrate the schema")
    upgrade.add_argument("--owner-url", default=None, metavar="URL",
                         help="connect as the owner of the tables to migrate (default: TONGGUAN_DB_OWNER, else --db)")
    upgrade.add_argument("--app-role", default=None, metavar="ROLE",
                         help="PostgreSQL: grant this application role its rights (remembered for later upgrades)")
    upgrade.set_defaults(func=data.cmd_db_upgrade)
    db.add_parser("info", parents=[common], help="show database and schema facts").set_defaults(func=data.cmd_db_info)

    uscc = sub.add_parser("uscc", help="Unified Social Credit Codes").add_subparsers(dest="uscc_command", metavar="ACTION", required=True)
    check = uscc.add_parser("check", parents=[common], help="validate codes (exit 1 if any is invalid)")
    check.add_argument("codes", nargs="+", metavar="CODE")
    check.set_defaults(func=data.cmd_uscc_check)

    cal = sub.add_parser("calendar", help="working-day calendar").add_subparsers(dest="cal_command", metavar="ACTION", required=True)
    add = cal.add_parser("add-working-days", parents=[common], help="the date N working days after DATE")
    add.add_argument("date", metavar="DATE")
    add.add_argument("n", type=int, metavar="N")
    add.add_argument("--schedule-dir", action="append", help="folder of holiday schedule files (repeatable)")
    add.set_defaults(func=data.cmd_calendar_add)

    shot = sub.add_parser("screenshot", parents=[common], help="render a view to PNG offscreen")
    shot.add_argument("view", metavar="VIEW", help="signin, console, console:<workspace>, search, panorama or draws:batch|ceremony|visits")
    shot.add_argument("--out", required=True, metavar="FILE.png")
    shot.add_argument("--lang", choices=sorted(gui.LANGS), default="zh")
    shot.add_argument("--theme", choices=("light", "dark"), default="light")
    shot.add_argument("--size", default="1440x900", metavar="WxH")
    shot.set_defaults(func=gui.cmd_screenshot)

    map_commands.add_parser(sub, common)
    draw_commands.add_parser(sub, common)
    clue_commands.add_parser(sub, common)
    audit_commands.add_parser(sub, common)
    user_commands.add_parser(sub, common)
    wall_commands.add_parser(sub, common)
    credit_commands.add_parser(sub, common)
    feed_commands.add_parser(sub, common)
    exchange_commands.add_parser(sub, common)
    warning_commands.add_parser(sub, common)
    report_commands.add_parser(sub, common)
    geo_commands.add_parser(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    try:
        return args.func(args)
    except DatabaseUnavailable as exc:
        return fail(f"database unavailable: {exc}")
    except TongguanError as exc:
        return fail(str(exc))


if __name__ == "__main__":
    sys.exit(main())
