"""The benchmark suites; each returns a dict of figures."""
from __future__ import annotations

import argparse
import resource
import tempfile
from collections.abc import Callable
from pathlib import Path

Suite = Callable[[argparse.Namespace], dict]
SUITES: dict[str, Suite] = {}


def suite(name: str) -> Callable[[Suite], Suite]:
    def register(fn: Suite) -> Suite:
        SUITES[name] = fn
        return fn
    return register


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@suite("demo")
def demo(args: argparse.Namespace) -> dict:
    """Build the demo city from scratch (a temp SQLite file unless --db is given)."""
    import datetime as dt

    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    spec = DemoSpec(entities=args.entities, seed=args.seed, as_of=dt.date(2026, 11, 20))
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.sqlite")
        report = build_demo(url, spec, replace=True)
    return {
        "entities": report.entities,
        "rows": report.rows,
        "build_s": round(report.build_s, 2),
        "rows_per_s": round(report.rows_per_s),
        "db_mb": round(report.db_mb, 1) if report.db_mb is not None else None,
        "peak_rss_mb": round(peak_rss_mb()),
        "database": "postgresql" if args.db and args.db.startswith("postgres") else "sqlite",
    }
