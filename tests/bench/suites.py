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


def cached_city(entities: int, seed: int) -> str:
    """A demo city for read benchmarks, built once and kept in the user cache folder."""
    import datetime as dt

    import platformdirs

    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    folder = Path(platformdirs.user_cache_dir("tongguan-bench", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"city-{entities}-{seed}.sqlite"
    if not path.exists():
        build_demo(str(path), DemoSpec(entities=entities, seed=seed, as_of=dt.date(2026, 11, 20)))
    return str(path)


def _median_ms(fn, repeat: int = 7) -> float:
    import statistics
    import time

    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def entity_with_records(db, n: int = 100) -> int:
    """An entity whose timeline holds exactly ``n`` records (topped up with inspections)."""
    import datetime as dt

    from sqlalchemy import func, insert, select

    from core.db.models import EntityRecord, RecordKind

    with db.bootstrap_uow("bench") as uow:
        s = uow.session
        eid, have = s.execute(select(EntityRecord.entity_id, func.count()).group_by(EntityRecord.entity_id)
                              .order_by(func.count().desc()).limit(1)).one()
        if have < n:
            s.execute(insert(EntityRecord), [
                {"entity_id": eid, "kind": RecordKind.INSPECTION, "occurred_on": dt.date(2020, 1, 1) + dt.timedelta(days=i),
                 "title": "基准测试补充记录", "outcome": "未发现问题"} for i in range(n - have)])
            uow.commit()
    return eid


@suite("console")
def console(args: argparse.Namespace) -> dict:
    """Search and panorama latency on the full city, and console cold start to ready."""
    from core.db.database import Database
    from core.services.panorama import load_panorama
    from core.services.search import EntityFilter, EntitySearch

    url = args.db or cached_city(args.entities, args.seed)
    db = Database.open(url)
    search = EntitySearch(db)
    codes = [r.uscc for r in search.page(EntityFilter(), offset=args.entities // 2, limit=3)]
    queries = ["小商品", "饰品", "稠城", "工人北路", "义乌市鑫源", codes[0], codes[1][:12], codes[2][8:14]]
    per_query = {q: round(_median_ms(lambda q=q: search.page(EntityFilter(text=q), limit=200)), 1) for q in queries}
    counts = {q: round(_median_ms(lambda q=q: search.count(EntityFilter(text=q)), repeat=3), 1) for q in queries[:5]}
    eid = entity_with_records(db, 100)
    panorama_ms = _median_ms(lambda: load_panorama(db, eid))
    figures = {
        "entities": args.entities,
        "search_ms": round(sorted(per_query.values())[len(per_query) // 2], 1),
        "search_max_ms": max(per_query.values()),
        "search_by_query_ms": per_query,
        "count_by_query_ms": counts,  # the total arrives after the first page, off the GUI thread
        "panorama_ms": round(panorama_ms, 1),
        "panorama_records": len(load_panorama(db, eid).timeline),
    }
    db.dispose()
    figures.update(console_startup(url))
    return figures


def console_startup(url: str) -> dict:
    """Seconds from launching the console process to its window showing the first results."""
    import os
    import subprocess
    import sys
    import time

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tests.bench.console_start", url], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if not line.startswith("READY"):
        return {"startup_s": None, "startup_error": line.strip() or f"exit {proc.returncode}"}
    return {"startup_s": round(elapsed, 2), "startup_rss_mb": int(line.split()[1])}
