"""``python -m tests.bench map``: the map at full scale against plain folium, and at 10 million."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from .suites import cached_city, suite


def _child(module: str, *args: str, timeout: int = 600) -> dict:
    """Run a QtWebEngine child under X: the current display, else a private Xvfb."""
    env = dict(os.environ, QT_QPA_PLATFORM="xcb",
               QTWEBENGINE_CHROMIUM_FLAGS=os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu"))
    cmd = [sys.executable, "-m", module, *args]
    if not env.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            return {"error": "no DISPLAY and no xvfb-run"}
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": f"exit {proc.returncode}: {proc.stderr.strip()[-400:]}"}
    return json.loads(lines[-1])


def _index_figures(url: str) -> dict:
    from core.db.database import Database
    from core.geoindex import load_columns, open_columns, save_snapshot, snapshot_path

    db = Database.open(url)
    start = time.perf_counter()
    columns = load_columns(db)
    cold = time.perf_counter() - start
    path = save_snapshot(columns, snapshot_path(db))
    start = time.perf_counter()
    open_columns(db)
    warm = time.perf_counter() - start
    db.dispose()
    return {"index_from_db_s": round(cold, 2), "index_from_snapshot_s": round(warm, 3),
            "snapshot_mb": round(path.stat().st_size / 1e6, 1)}


def _ten_million(n: int = 10_000_000) -> dict:
    from core.geoindex import MapIndex, ViewRequest, synthetic_columns
    from core.services.search import EntityFilter

    start = time.perf_counter()
    columns = synthetic_columns(n, seed=7)
    made = time.perf_counter() - start
    start = time.perf_counter()
    index = MapIndex(columns, pyramid=True)
    south, north = float(columns.lat.min()), float(columns.lat.max())
    west, east = float(columns.lng.min()), float(columns.lng.max())
    towns = columns.vocab["town"]
    filters = [EntityFilter(), EntityFilter(risk_classes=("D",)), EntityFilter(entity_types=("individual",)),
               EntityFilter(town_codes=(towns[0], towns[1])), EntityFilter(statuses=("active",), risk_classes=("C", "D"))]
    index.view(ViewRequest(south, west, north, east, zoom=7, width=1600, height=1000))  # builds lazily, if so
    pyramid_s = time.perf_counter() - start
    times = []
    for zoom in (6, 7, 8):
        for f in filters:
            req = ViewRequest(south, west, north, east, zoom=zoom, width=1600, height=1000, filter=f)
            start = time.perf_counter()
            index.view(req)
            times.append((time.perf_counter() - start) * 1000)
    return {"entities_10m": n, "synthetic_build_s": round(made, 1), "pyramid_build_s": round(pyramid_s, 1),
            "update_10m_ms": round(statistics.median(times), 1), "update_10m_max_ms": round(max(times), 1)}


@suite("map")
def map_bench(args: argparse.Namespace) -> dict:
    """First paint and updates of the map with every entity, plain folium beside it, 10M whole-view."""
    url = args.db or cached_city(args.entities, args.seed)
    figures: dict = {"entities": args.entities}
    figures.update(_index_figures(url))
    ours = _child("tests.bench.map_child", url)
    figures.update(ours)
    with tempfile.TemporaryDirectory() as tmp:
        figures.update(_child("tests.bench.folium_child", url, tmp))
    if figures.get("first_paint_s") and figures.get("folium_first_paint_s"):
        figures["folium_vs_ours_x"] = round(figures["folium_first_paint_s"] / figures["first_paint_s"], 1)
    figures.update(_ten_million())
    return figures
