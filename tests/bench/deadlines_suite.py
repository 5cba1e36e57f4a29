"""``python -m tests.bench deadlines``: every clock of the whole demo city, loaded and levelled.

On the cached full city (or ``--db``): ``load_s`` reads every clock with
:func:`core.deadlines.load_items`; ``recompute_ms`` is the median of several runs of
:func:`core.deadlines.compute_levels` (target <= 300 ms for >= 1M clocks); ``summary_ms``
the department + town + person summaries of :func:`core.deadlines.by_group`.

The demo city holds fewer than a million clocks (~220,000 at 1.2M entities), so the
levels are also timed on its clocks tiled to at least a million rows; ``recompute_ms``
is then that figure, ``items_timed`` its row count, ``recompute_city_ms`` the figure on
the city's own clocks and ``recompute_note`` says so.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time

from .suites import cached_city, peak_rss_mb, suite

TARGET_ROWS = 1_000_000


def _median_ms(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _as_of(db) -> dt.date:
    """The demo's own today (its clocks are laid out around it), else the real today."""
    spec = db.meta().get("demo_spec")
    if spec:
        as_of = json.loads(spec).get("as_of")
        if as_of:
            return dt.date.fromisoformat(as_of)
    return dt.date.today()


@suite("deadlines")
def deadlines_bench(args: argparse.Namespace) -> dict:
    """Load every clock of the city, recompute their levels, summarise them."""
    from core.db.database import Database
    from core.deadlines import (
        DeadlinePolicy,
        Level,
        by_group,
        compute_levels,
        index_for,
        load_items,
    )
    from core.workdays import default_calendar

    url = args.db or cached_city(args.entities, args.seed)
    db = Database.open(url)
    calendar, policy = default_calendar(), DeadlinePolicy()
    today = _as_of(db)
    start = time.perf_counter()
    items = load_items(db, calendar=calendar, policy=policy)
    load_s = time.perf_counter() - start
    db.dispose()

    levels = compute_levels(items, today, calendar, policy)  # warms the calendar's year tables
    city_ms = _median_ms(lambda: compute_levels(items, today, calendar, policy))
    summary_ms = _median_ms(lambda: [by_group(items, levels, g) for g in ("department", "town", "person")], repeat=5)
    counts = [int((levels == lv).sum()) for lv in Level]
    figures = {
        "items": len(items),
        "items_by_kind": {k.key: n for k, n in items.kinds().items()},
        "today": today.isoformat(),
        "load_s": round(load_s, 2),
        "recompute_ms": round(city_ms, 1),
        "items_timed": len(items),
        "summary_ms": round(summary_ms, 1),
        "levels": {lv.name.lower(): n for lv, n in zip(Level, counts)},
    }
    if len(items) < TARGET_ROWS:
        tiled = items.tile(TARGET_ROWS)
        index = index_for(tiled, today, calendar)
        tiled_ms = _median_ms(lambda: compute_levels(tiled, today, calendar, policy))
        tiled_levels = compute_levels(tiled, today, calendar, policy, index=index)
        figures.update({
            "recompute_ms": round(tiled_ms, 1),
            "items_timed": len(tiled),
            "recompute_city_ms": round(city_ms, 1),
            "recompute_note": f"the city has {len(items):,} clocks; recompute_ms is on them tiled to "
                              f"{len(tiled):,} rows (target <= 300 ms for >= 1M)",
            "summary_timed_ms": round(_median_ms(lambda: [by_group(tiled, tiled_levels, g)
                                                          for g in ("department", "town", "person")], repeat=5), 1),
        })
    figures.update(_open_workspace(url, today))
    figures["peak_rss_mb"] = round(peak_rss_mb())
    return figures


def _open_workspace(url: str, today: dt.date) -> dict:
    """Time the Efficiency workspace's opening in a child process (offscreen Qt)."""
    import json
    import os
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "-m", "tests.bench.efficiency_child", str(url), today.isoformat(),
                               folder], capture_output=True, text=True, env=env, timeout=600, check=False)
    if done.returncode != 0:
        return {"efficiency_open_s": None, "efficiency_open_error": done.stderr.strip().splitlines()[-1:]}
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["efficiency_open_note"] = ("from creating the workspace to its first complete numbers; cold: no "
                                       "snapshot (every clock read from the database); warm: the saved snapshot")
    return figures
