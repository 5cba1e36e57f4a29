"""``kill -9`` part-way through an import, a draw and a migration, on both backends: the database
is as it was before (or, if the kill came after the commit, the whole work is there).

Each case runs the real ``tongguan`` command in a subprocess and kills it after a random
delay; the fingerprint (every table, every row, audit log and schema version included) is
compared with the one taken before. Kills that land after the process finished count as
completions, not as kills; the test asserts enough real kills happened.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.db import migrate
from core.db.database import Database
from core.demo.builder import build_demo
from core.demo.spec import DemoSpec
from tests.support.db_state import database_state

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
TRIES = 5
KILLS = {"count": 0}


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_after(proc: subprocess.Popen, delay: float) -> bool:
    """Kill ``proc`` with SIGKILL after ``delay`` seconds; True if it was still running."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        KILLS["count"] += 1
        return True


def _state(url: str) -> dict:
    db = Database.open(url)
    try:
        return database_state(db.engine)
    finally:
        db.dispose()


def _timed(*args: str) -> float:
    start = time.monotonic()
    assert _start(*args).wait() == 0
    return time.monotonic() - start


@pytest.fixture
def city(empty_db_url):
    build_demo(empty_db_url, DemoSpec(entities=600, seed=3, as_of=dt.date(2026, 11, 20), chunk=1000))
    return empty_db_url


def _kill_loop(url: str, args: tuple[str, ...], reset, full_s: float, complete) -> int:
    """Kill ``tongguan args`` TRIES times at random moments; returns how many kills left the state as before.

    After each kill the database is either exactly as before or (the kill came after the
    commit, while the process was finishing) ``complete(before, after)`` holds.
    """
    rng = random.Random(20261201)
    untouched = 0
    for _ in range(TRIES):
        before = _state(url)
        if _kill_after(_start(*args), rng.uniform(0.3, full_s)):
            after = _state(url)
            if after == before:
                untouched += 1
            else:
                assert complete(before, after), f"a killed run left something half-done: {_diff(before, after)}"
        reset()
    return untouched


def _diff(before: dict, after: dict) -> list[str]:
    return [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]


def test_kill_during_a_migration(city):
    db = Database.open(city)
    old = "0005_draw_records"
    migrate.downgrade(db.engine, old)
    args = ("db", "upgrade", "--db", city)
    full_s = _timed(*args)

    def reset():
        if migrate.current_revision(db.engine) != old:  # the kill came after the commit: start again
            assert migrate.current_revision(db.engine) == migrate.head_revision()
            migrate.downgrade(db.engine, old)

    migrate.downgrade(db.engine, old)
    head = migrate.head_revision()
    hits = _kill_loop(city, args, reset, full_s, lambda b, a: a.get("version") == head)
    assert hits >= TRIES // 2
    assert migrate.upgrade(db.engine)[1] == migrate.head_revision()
    assert migrate.schema_drift(db.engine) == []
    db.dispose()


def _plan_file(tmp_path: Path, city: str) -> Path:
    from tests.test_cli_draw import _plan

    db = Database.open(city)
    with db.engine.connect() as conn:
        from sqlalchemy import text
        village = conn.execute(text("SELECT village_code FROM market_entities WHERE status = 'active' "
                                    "GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1")).scalar()
    db.dispose()
    return _plan(tmp_path / "plan.json", village)


def test_kill_during_a_draw_run(city, tmp_path):
    plan = _plan_file(tmp_path, city)
    args = ("draw", "run", str(plan), "--db", city)
    full_s = _timed(*args)  # a complete run: the plan is valid and draws
    hits = _kill_loop(city, args, lambda: None, full_s, _one_more_plan)
    assert hits >= TRIES // 2


def _rows(state: dict, table: str) -> int:
    return int(state[table].rsplit("(", 1)[1].split()[0])


def _one_more_plan(before: dict, after: dict) -> bool:
    """The whole run is there: one plan, both batches drawn (none locked and left)."""
    return (_rows(after, "draw_plans") == _rows(before, "draw_plans") + 1
            and _rows(after, "draw_batches") == _rows(before, "draw_batches") + 2
            and _rows(after, "draw_records") == _rows(before, "draw_records") + 2)


def test_kill_during_an_open311_import(city, tmp_path):
    exported = tmp_path / "exported.json"
    subprocess.run([sys.executable, "-m", "desktop.cli.main", "clues", "export", "--actor", "operator", "--format", "open311",
                    str(exported), "--db", city], cwd=ROOT, check=True, capture_output=True)
    # The city's own requests under new ids, many times over: new clues about entities it knows.
    base = json.loads(exported.read_text(encoding="utf-8"))
    requests = tmp_path / "requests.json"

    def write_batch(n: int) -> None:
        out = []
        for k in range(40):
            for r in base:
                ref = f"KILL{n:02d}{k:03d}{r['service_request_id']}"[:40]
                out.append({**r, "service_request_id": ref,
                            "extended_attributes": {**r.get("extended_attributes", {}), "ref_no": ref,
                                                                 "source_ref": ref}})
        requests.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")

    args = ("clues", "import", "--format", "open311", str(requests), "--actor", "operator", "--db", city)
    write_batch(99)
    before = _state(city)
    full_s = _timed(*args)
    imported = _rows(_state(city), "clues") - _rows(before, "clues")
    assert imported > 100  # the import does write
    tries = iter(range(TRIES))
    write_batch(next(tries))

    def complete(b: dict, a: dict) -> bool:
        return _rows(a, "clues") - _rows(b, "clues") == imported

    hits = _kill_loop(city, args, lambda: write_batch(next(tries, TRIES)), full_s, complete)
    assert hits >= TRIES // 2


def test_report_kills():
    print(f"\nkill -9 landed on a running command {KILLS['count']} times")
