"""Run one benchmark suite and print its figures."""
from __future__ import annotations

import argparse
import json
import sys

from . import (  # noqa: F401 - register their suites
    credit_suite,
    deadlines_suite,
    draw_suite,
    graph,
    import_suite,
    live_suite,
    load_suite,
    map_suite,
    trust_suite,
)
from .suites import SUITES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("suite", choices=sorted(SUITES))
    parser.add_argument("--entities", type=int, default=1_200_000)
    parser.add_argument("--seed", type=int, default=20190320)
    parser.add_argument("--db", help="database URL to run against (default: a temp SQLite file)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--workstations", type=int, default=10, help="load: department workstations")
    parser.add_argument("--seconds", type=float, default=60.0, help="load: how long they work")
    parser.add_argument("--think", type=float, default=1.0, help="load: mean pause between operations (s)")
    args = parser.parse_args(argv)
    figures = SUITES[args.suite](args)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>14}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
