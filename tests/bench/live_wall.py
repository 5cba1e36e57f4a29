"""The wall's part of ``python -m tests.bench live``.

    python -m tests.bench.live_wall --json [--db PATH] [--idle 20]

Without ``--db`` it copies the full demo city (/tmp/city_full.sqlite, ``cp --reflink=auto``)
into a temporary folder, since a clue step writes. A wall board 3840x1080 runs offscreen on
its own session (controller, bus, playlist) as a real wall PC would.

- ``wall_first_read_s``: every figure, nothing saved yet (the clocks read from the database);
- ``wall_refresh_s``: every figure again (``refresh_all``: the 60 s safety read) with the
  clocks' snapshot beside the cache, median of 3;
- ``wall_step_refresh_ms``: one clue step committed until the board shows the new figures;
- ``scene_switch_ms`` (median) and ``scene_switch_max_ms``: showing each scene and painting it;
- ``wall_idle_cpu_pct``: CPU of the wall process over ``--idle`` seconds with nothing changing
  (the playlist rotating); ``wall_rss_mb``: its resident memory then.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .live_map import CLOSABLE, _copy_city


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def wall_figures(url: str, idle_s: float = 20.0) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtTest import QTest
    from sqlalchemy import select

    from core.db.database import Database
    from core.db.migrate import upgrade
    from core.db.models import Clue, ClueState
    from core.services import clues
    from core.services.wall_figures import WallFigureCache
    from desktop.app import create_application
    from desktop.live.bus import ChangeBus
    from desktop.settings import Settings
    from desktop.tasks import TaskManager
    from desktop.wall.board import WallBoard
    from desktop.wall.controller import WallController
    from desktop.wall.registry import scene_names
    from desktop.wall.session import WallSession
    from tests.support.accounts import account

    app = create_application()
    db = Database.open(url)
    upgrade(db.engine)
    actor = account(db, "bench_center", "operator")
    folder = Path(tempfile.mkdtemp(prefix="wall-bench-"))
    tasks, bus = TaskManager(), ChangeBus(db)
    cache = WallFigureCache(db, snapshot_dir=folder)
    controller = WallController(db, tasks, bus, cache=cache)
    settings = Settings.open(folder / "wall.ini")
    session = WallSession(controller, settings)
    board = WallBoard(session)
    board.resize(3840, 1080)
    board.show()
    figures: dict = {}

    def wait_figures(start_read) -> float:
        seen = []
        controller.figures_changed.connect(seen.append)
        started = time.perf_counter()
        start_read()
        while not seen and time.perf_counter() - started < 120:
            QTest.qWait(5)
        controller.figures_changed.disconnect(seen.append)
        if not seen:
            raise RuntimeError("the wall read no figures in 120 s")
        return time.perf_counter() - started

    figures["wall_first_read_s"] = round(wait_figures(session.start), 2)
    figures["wall_refresh_s"] = round(statistics.median(wait_figures(controller.refresh_all) for _ in range(3)), 3)

    with db.sessions() as s:
        row = s.execute(select(Clue.id, Clue.state).where(Clue.state.in_([ClueState(c) for c in CLOSABLE]))
                        .order_by(Clue.id.desc()).limit(1)).first()
        original = s.scalar(select(Clue.id).order_by(Clue.id).limit(1))
    if row is not None:
        clue_id, state = row[0], ClueState(row[1]).value
        step = ((lambda: clues.act(db, actor, clue_id, "close")) if state == "fed_back"
                else (lambda: clues.act(db, actor, clue_id, "duplicate", original_id=original)))
        figures["wall_step_refresh_ms"] = round(wait_figures(step) * 1000)

    switches = []
    for name in scene_names():
        started = time.perf_counter()
        board.show_scene(name)
        board.repaint()
        QCoreApplication.processEvents()
        switches.append((time.perf_counter() - started) * 1000)
    figures["scene_switch_ms"] = round(statistics.median(switches), 1)
    figures["scene_switch_max_ms"] = round(max(switches), 1)
    figures["scenes"] = len(switches)

    cpu, started = _cpu_s(), time.perf_counter()
    QTest.qWait(int(idle_s * 1000))
    figures["wall_idle_cpu_pct"] = round(100 * (_cpu_s() - cpu) / (time.perf_counter() - started), 2)
    figures["wall_idle_s"] = idle_s
    figures["wall_rss_mb"] = round(_rss_mb())
    session.stop()
    bus.close()
    tasks.wait_idle(10000)
    db.dispose()
    del app
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.live_wall")
    parser.add_argument("--db", help="SQLite file or URL (default: a copy of /tmp/city_full.sqlite)")
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of idle CPU measured")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or _copy_city(Path(folder))
        figures = wall_figures(url, args.idle)
    print(json.dumps(figures) if args.json else "\n".join(f"{k:>22}: {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
