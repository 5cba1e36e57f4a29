"""The early warning's figures on one database: ``python -m tests.bench.warning_bench_cli --json --db PATH``."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from core.credit.warning_bench import figures
from core.db.database import Database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.warning_bench_cli")
    parser.add_argument("--db", help="SQLite file or database URL (default: the configured database)")
    parser.add_argument("--k", type=int, default=1000, help="inspections a center can make (top k)")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="day the history ends (default: the demo's)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    db = Database.open(args.db)
    try:
        result = figures(db, today=args.today, k=args.k)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>22}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
