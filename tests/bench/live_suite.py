"""``python -m tests.bench live``: how fast a change reaches other consoles, the map and the wall.

    python -m tests.bench live --json [--db URL] [--trials 20]

- ``change_to_console_ms`` (p50, p95): from one console's commit (a push to the wall, as
  the operator) to a second console (another process following the same database on its
  change bus) hearing it. With ``--db`` a PostgreSQL URL, through LISTEN/NOTIFY; without,
  a temporary SQLite file (data_version polling).
- the map's figures (``clue_step_map_ms``, ``rows_read``…) from ``tests.bench.live_map``
  and the wall's (``scene_switch_ms``, ``wall_refresh_s``, ``wall_idle_cpu_pct``,
  ``wall_rss_mb``) from ``tests.bench.live_wall``, each in a process of its own; both use
  the full demo city (/tmp/city_full.sqlite) unless ``--db`` names one.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .suites import suite

TRIALS = 20


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def change_to_console(url: str, trials: int = TRIALS) -> dict:
    """Commit ``trials`` pushes here; time each until the second console hears it."""
    from core.db.database import Database
    from core.services import wall
    from tests.support.accounts import account

    db = Database.open(url)
    actor = account(db, "bench_operator", "operator")
    child = subprocess.Popen([sys.executable, "-m", "tests.bench.live_console", url, str(trials)],
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert child.stdout is not None
        if child.stdout.readline().strip() != "ready":
            raise RuntimeError("the second console did not start")
        latencies = []
        for n in range(trials):
            pushed = wall.push_view(db, actor, workspace="map", title=f"bench {n}", view={"kind": "map"})
            committed = time.time()
            line = child.stdout.readline().split()
            if len(line) != 2:
                raise RuntimeError(f"the second console stopped after {n} changes")
            latencies.append((float(line[1]) - committed) * 1000)
            time.sleep(0.2)  # changes apart, as people make them
            del pushed
    finally:
        child.wait(30)
        db.dispose()
    return {"change_to_console_ms": round(statistics.median(latencies), 1),
            "change_to_console_p95_ms": round(_percentile(latencies, 0.95), 1),
            "change_trials": trials,
            "change_database": "postgresql" if url.startswith("postgresql") else "sqlite"}


def _child_figures(module: str, db: str | None) -> dict:
    command = [sys.executable, "-m", module, "--json"] + (["--db", db] if db else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2],
                          env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
    if done.returncode != 0:
        return {f"{module.rsplit('.', 1)[-1]}_error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


@suite("live")
def live(args: argparse.Namespace) -> dict:
    figures: dict = {}
    if args.db and args.db.startswith("postgresql"):
        figures.update(change_to_console(args.db))
    else:
        from core.db.migrate import upgrade
        from core.db.database import Database

        with tempfile.TemporaryDirectory() as folder:
            url = str(Path(folder) / "live.sqlite")
            db = Database.open(url)
            upgrade(db.engine)
            db.dispose()
            figures.update(change_to_console(url))
    map_db = args.db if args.db and not args.db.startswith("postgresql") else None
    figures.update(_child_figures("tests.bench.live_map", map_db))
    figures.update(_child_figures("tests.bench.live_wall", map_db))
    return figures
