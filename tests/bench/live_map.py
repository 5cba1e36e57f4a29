"""The map's part of ``python -m tests.bench live``: one clue step until the map is current.

    python -m tests.bench.live_map --json [--db URL] [--steps 5]

Without ``--db`` it copies the full demo city (/tmp/city_full.sqlite and its map snapshot,
``cp --reflink=auto``) into a temporary folder, since the steps write.

Figures:

- ``clue_step_map_ms``: median over ``--steps`` clue steps through the real service
  (``core.services.clues.act``, as the center) from the commit until the map controller,
  following a change bus, has sent a payload whose clue layer and overdue measure show it;
- ``rows_read``: database rows the map read for those steps, per purpose (the goal: no
  ``entity_columns``);
- ``entity_patch_ms`` / ``entity_patch_rows``: one entity tagged and moved, patched;
- ``before_reload_ms`` / ``before_rows_read``: what the stamp poll made a console do for
  one step before (reload every column, rewrite the snapshot, re-read the overlays),
  on top of waiting up to 30 s for the poll.
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

FULL_CITY = Path("/tmp/city_full.sqlite")
CLOSABLE = ("received", "assigned", "returned", "transferred", "claimed", "fed_back")


def _say(*what) -> None:
    if os.environ.get("LIVE_MAP_VERBOSE"):
        print(f"{time.strftime('%H:%M:%S')}", *what, file=sys.stderr, flush=True)


def _copy_city(folder: Path) -> str:
    """A copy of the full city (and its map snapshot), migrated to the current schema."""
    from core.db.database import Database
    from core.db.migrate import upgrade

    target = folder / FULL_CITY.name
    for source in (FULL_CITY, FULL_CITY.with_name(FULL_CITY.name + ".mapindex.npz")):
        if source.exists():
            subprocess.run(["cp", "--reflink=auto", str(source), str(folder / source.name)], check=True)
    db = Database.open(str(target))
    upgrade(db.engine)
    db.dispose()
    _say("copied and migrated")
    return str(target)


def _before(db) -> dict:
    """The old reaction to one step: every column from the database, the snapshot, the overlays."""
    from core.geoindex import load_columns, save_snapshot, snapshot_path
    from core.geoindex.counters import ROWS_READ
    from core.services import map_layers

    from core.services.efficiency import load_clocks

    before = ROWS_READ.snapshot()
    started = time.perf_counter()
    columns = load_columns(db)
    save_snapshot(columns, snapshot_path(db))
    with tempfile.TemporaryDirectory() as tmp:  # the step moved the clocks' stamp: all of them again
        items, _assessment, _fresh = load_clocks(db, snapshot_dir=Path(tmp))
    map_layers.open_clues_by_town(db)
    map_layers.open_clue_markers(db)
    rows = ROWS_READ.since(before)
    rows["clocks"] = rows.get("clocks", 0) + len(items)
    return {"before_reload_ms": round((time.perf_counter() - started) * 1000), "before_rows_read": rows}


def _step(db, clue_id: int, state: str, original: int) -> None:
    from core.services.clues import act

    if state == "fed_back":
        act(db, "operator", clue_id, "close")
    else:
        act(db, "operator", clue_id, "duplicate", original_id=original)


def _after(db, steps: int) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from core.geoindex.counters import ROWS_READ
    from core.services import tagging
    from desktop.live.bus import ChangeBus
    from desktop.map.controller import MapController
    from desktop.map.labels import build_labels
    from desktop.map.query import whole_city_view
    from desktop.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    tasks = TaskManager()
    bus = ChangeBus.detached(db)
    controller = MapController(db, tasks, changes=bus)
    payloads: list[tuple[float, dict]] = []
    applied: list[float] = []
    controller.payload_ready.connect(lambda _j, p: payloads.append((time.perf_counter(), p)))
    controller.changes_applied.connect(lambda _c: applied.append(time.perf_counter()))

    def wait(condition, timeout_s: float = 120.0) -> None:
        deadline = time.perf_counter() + timeout_s
        loop = QEventLoop()
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the map did not become current")
            QTimer.singleShot(2, loop.quit)
            loop.exec()

    def idle() -> bool:
        return not controller._running and controller._pending is None and not controller._applying

    started = time.perf_counter()
    controller.set_labels(build_labels(tagging.list_tags(db), lang="zh_CN", title="义乌市"))
    controller.start()
    wait(lambda: controller.index is not None)
    _say("index loaded")
    with db.engine.connect() as conn:
        bounds = conn.execute(text("SELECT MIN(lat), MIN(lng), MAX(lat), MAX(lng) FROM market_entities")).one()
        states = dict(conn.execute(text("SELECT id, state FROM clues WHERE state NOT IN ('closed', 'duplicate')")).all())
        original = conn.execute(text("SELECT MIN(id) FROM clues WHERE state != 'duplicate'")).scalar_one()
    controller.set_view({**whole_city_view(tuple(bounds), 1600, 1000), "seq": 1})
    controller.set_choice(clues=True, measure="overdue")
    wait(lambda: payloads and idle())
    first_paint_s = time.perf_counter() - started
    _say("first payload with overlays")
    tasks.wait_idle()  # the pyramid, built after the first paint
    shown = set(payloads[-1][1]["overlays"]["clues"]["id"])
    candidates = [i for i in sorted(shown) if states.get(i) in CLOSABLE and i != original][:steps]
    times, rows = [], ROWS_READ.snapshot()
    for clue_id in candidates:
        _step(db, clue_id, states[clue_id], original)
        committed = time.perf_counter()
        seen = len(applied)
        wait(lambda: len(applied) > seen and payloads[-1][0] > applied[-1] and idle())
        payload = payloads[-1][1]
        assert clue_id not in payload["overlays"]["clues"]["id"], "the closed clue is still on the map"
        times.append((payloads[-1][0] - committed) * 1000)
        _say("step", clue_id, round(times[-1], 1), "ms")
    rows_read = ROWS_READ.since(rows)
    entity = int(controller.index.columns.ids[len(controller.index.columns) // 2])
    tag = tagging.list_tags(db)[0].id
    with db.engine.connect() as conn:
        lat, lng = conn.execute(text(f"SELECT lat, lng FROM market_entities WHERE id={entity}")).one()
    before = ROWS_READ.snapshot()
    tagging.add_tags(db, "operator", [entity], [tag])
    tagging.set_location(db, "operator", entity, lat + 0.001, lng + 0.001)
    seen, committed = len(applied), time.perf_counter()
    wait(lambda: len(applied) >= seen + 1 and idle())
    patch_ms = (time.perf_counter() - committed) * 1000
    patch_rows = ROWS_READ.since(before)
    _say("entity patched", round(patch_ms, 1), "ms")
    controller.stop()
    tasks.wait_idle()
    bus.close()
    del app
    return {"clue_step_map_ms": round(statistics.median(times), 1), "clue_step_map_max_ms": round(max(times), 1),
            "clue_steps": len(times), "rows_read": rows_read, "entity_patch_ms": round(patch_ms, 1),
            "entity_patch_rows": patch_rows, "map_first_paint_s": round(first_paint_s, 2)}


def map_figures(url: str, steps: int = 5, before: bool = True) -> dict:
    """The map's live figures on the database at ``url`` (it writes: pass a copy)."""
    from core.db.database import Database

    db = Database.open(url)
    try:
        figures = _after(db, steps)
        if before:
            figures.update(_before(db))
        return figures
    finally:
        db.dispose()


@suite("live_map")
def live_map(args: argparse.Namespace) -> dict:
    """Registered when imported by tests.bench (``python -m tests.bench live_map``)."""
    return _run(args.db, getattr(args, "steps", 5))


def _run(url: str | None, steps: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if url:
        return map_figures(url, steps)
    with tempfile.TemporaryDirectory(prefix="live_map.") as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # the clocks' snapshot of this copy
        return map_figures(_copy_city(Path(tmp)), steps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.live_map")
    parser.add_argument("--db", help="database URL (it is written to; default: a copy of the full demo city)")
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = _run(args.db, args.steps)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key:>22}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
