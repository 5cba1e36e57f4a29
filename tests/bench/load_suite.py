"""``python -m tests.bench load --json --db URL --workstations N [--seconds S]``: many workstations
on one database (issue 14).

N department workstations (one process each, see :mod:`tests.bench.load_worker`) and one wall
process run for S seconds against ``--db`` (a full demo city; the workstations change clues and
pushes, so use a copy). Prints p50 and p95 per operation kind, the server's CPU seconds per
minute (utime+stime from /proc of every postgres process, plus what the postmaster reaped from
exited backends and parallel workers: the whole server, other databases on it included) and
the load average before and after (the machine is shared: read the figures with it).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from .load_worker import Plan, wall, workstation
from .suites import suite

KINDS = ("search", "panorama", "step", "claim", "efficiency", "wall")
DETAIL = ("search:word2", "search:word", "search:code", "search:town", "search:broad", "wall_start", "efficiency_warm_up")


def _accounts(db) -> tuple[tuple[tuple[int, str], ...], str]:
    """One department user per department (``load_<code>``), those with the most open clues first,
    and the monitor's account."""
    from sqlalchemy import func, select

    from core.clues.states import OPEN_STATES
    from core.db.models import Clue, Department, RoleCode, User
    from tests.support.accounts import account

    open_clues = (select(func.count()).where(Clue.department_id == Department.id, Clue.state.in_(OPEN_STATES))
                  .correlate(Department).scalar_subquery())
    with db.sessions() as s:
        departments = s.execute(select(Department.id, Department.code)
                                .order_by(open_clues.desc(), Department.id)).all()
        monitor = s.scalar(select(User.username).where(User.role_code == RoleCode.MONITOR, User.active)
                           .order_by(User.id).limit(1))
    users = tuple((dept_id, account(db, f"load_{code.lower()}", "department", department=dept_id, system=False))
                  for dept_id, code in departments)
    return users, monitor or account(db, "load_monitor", "monitor")


def _plan(url: str, seconds: float, think_s: float, folder: str, workstations: int) -> Plan:
    from sqlalchemy import func, select

    from core.db.database import Database
    from core.db.models import MarketEntity, Town

    db = Database.open(url)
    try:
        departments, monitor = _accounts(db)
        rng = random.Random(14)
        with db.sessions() as s:
            top = s.scalar(select(func.max(MarketEntity.id))) or 1
            ids = sorted({rng.randint(1, top) for _ in range(400)})
            rows = s.execute(select(MarketEntity.id, MarketEntity.uscc, MarketEntity.name)
                             .where(MarketEntity.id.in_(ids))).all()
            towns = tuple(s.scalars(select(Town.code)))
    finally:
        db.dispose()
    _seed_snapshots(url, folder, workstations)
    names = [r.name for r in rows if len(r.name) >= 6]
    words2 = tuple(n[i:i + 2] for n in names[:60] for i in (3,))  # inside the name: not a prefix
    words = tuple(n[i:i + 4] for n in names[60:120] for i in (2,))
    return Plan(url, seconds, think_s, departments, monitor, words2, words, tuple(r.uscc for r in rows[:100]),
                towns, tuple(r.id for r in rows), folder)


def _seed_snapshots(url: str, folder: str, workstations: int) -> None:
    """The clocks snapshot a console keeps from its last run, for every worker's folder (its cost
    is ``efficiency_cold_ms``; the change sets since are caught up at the first use)."""
    import shutil
    from pathlib import Path

    from core.db.database import Database
    from core.services.efficiency import load_clocks

    db = Database.open(url)
    try:
        started = time.perf_counter()
        load_clocks(db, snapshot_dir=Path(folder) / "seed")
        _seed_snapshots.cold_ms = (time.perf_counter() - started) * 1000
    finally:
        db.dispose()
    for name in [f"ws{i}" for i in range(workstations)] + ["wall"]:
        shutil.copytree(Path(folder) / "seed", Path(folder) / name)


def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()  # from field 3 (state) on
    except (OSError, IndexError):
        return None


def _cpu_ticks(pid: int) -> int | None:
    fields = _stat(pid)
    return int(fields[11]) + int(fields[12]) if fields else None  # utime, stime (fields 14 and 15)


def _reaped_ticks(pid: int) -> int:
    """CPU of the exited children of ``pid`` (the postmaster's: backends and parallel workers)."""
    fields = _stat(pid)
    return int(fields[13]) + int(fields[14]) if fields else 0  # cutime, cstime (fields 16 and 17)


def _postmaster(pids: list[int]) -> int | None:
    parents = {int(f[1]) for f in (_stat(p) for p in pids) if f}
    return next((p for p in pids if p in parents), None)


def _postgres_pids() -> list[int]:
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/comm") as f:
                    if f.read().startswith("postgres"):
                        pids.append(int(name))
            except OSError:
                pass
    return pids


class ServerCpu:
    """CPU ticks of postgres processes: this database's live backends, and the whole server
    (live processes plus the exited ones the postmaster reaped: parallel workers live for one
    query, so sampling alone would miss them; other databases on the server count too)."""

    def __init__(self, url: str) -> None:
        from core.db.database import Database

        self.db = Database.open(url)
        pids = _postgres_pids()
        self.postmaster = _postmaster(pids)
        self.reaped_start = _reaped_ticks(self.postmaster) if self.postmaster else 0
        self.start = {pid: _cpu_ticks(pid) or 0 for pid in pids}
        self.last: dict[int, int] = dict(self.start)
        self.ours: set[int] = set()

    def sample(self) -> None:
        from sqlalchemy import text

        with self.db.engine.connect() as conn:
            self.ours |= set(conn.execute(text("SELECT pid FROM pg_stat_activity "
                                               "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
                             .scalars())
        for pid in _postgres_pids():
            ticks = _cpu_ticks(pid)
            if ticks is not None:
                self.last[pid] = ticks

    def seconds(self) -> tuple[float, float]:
        """(CPU seconds of this database's live backends, of the whole server) since the start."""
        hz = os.sysconf("SC_CLK_TCK")
        self.sample()
        live = {pid: _cpu_ticks(pid) for pid in self.last}
        used = {pid: ticks - self.start.get(pid, 0) for pid, ticks in self.last.items() if live[pid] is not None}
        reaped = (_reaped_ticks(self.postmaster) - self.reaped_start) if self.postmaster else 0
        self.db.dispose()
        # A process that exited after its last sample is in ``reaped`` whole: count it there only.
        return sum(v for p, v in used.items() if p in self.ours) / hz, (sum(used.values()) + reaped) / hz


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1)


def run_load(url: str, workstations: int, seconds: float, think_s: float = 1.0) -> dict:
    """Run the mixed load and return its figures (see the module docstring)."""
    is_pg = url.startswith("postgres")
    with tempfile.TemporaryDirectory(prefix="tongguan-load-") as folder:
        plan = _plan(url, seconds, think_s, folder, workstations)
        load_before = os.getloadavg()
        cpu = ServerCpu(url) if is_pg else None
        started = time.monotonic()
        with ProcessPoolExecutor(max_workers=workstations + 1, mp_context=get_context("spawn")) as pool:
            futures = [pool.submit(workstation, plan, i) for i in range(workstations)] + [pool.submit(wall, plan)]
            while not all(f.done() for f in futures):
                if cpu is not None:
                    cpu.sample()
                time.sleep(1.0)
            results = [f.result() for f in futures]
        elapsed = time.monotonic() - started
    times: dict[str, list[float]] = {}
    conflicts: dict[str, int] = {}
    errors: dict[str, str] = {}
    for r in results:
        for kind, values in r["times"].items():
            times.setdefault(kind, []).extend(values)
        for kind, n in r["conflicts"].items():
            conflicts[kind] = conflicts.get(kind, 0) + n
        errors.update(r["errors"])
    figures: dict = {"workstations": workstations, "seconds": round(elapsed, 1), "think_s": think_s,
                     "database": "postgresql" if is_pg else "sqlite"}
    for kind in KINDS:
        figures[f"{kind}_p50_ms"] = _percentile(times.get(kind, []), 50)
        figures[f"{kind}_p95_ms"] = _percentile(times.get(kind, []), 95)
        figures[f"{kind}_n"] = len(times.get(kind, []))
    figures["efficiency_cold_ms"] = round(getattr(_seed_snapshots, "cold_ms", 0.0), 1)
    figures["detail_p95_ms"] = {kind: _percentile(times.get(kind, []), 95) for kind in DETAIL if times.get(kind)}
    figures["detail_p50_ms"] = {kind: _percentile(times.get(kind, []), 50) for kind in DETAIL if times.get(kind)}
    if cpu is not None:
        ours, everything = cpu.seconds()
        figures["server_cpu_s_per_min"] = round(everything * 60 / elapsed, 1)
        figures["our_live_backends_cpu_s_per_min"] = round(ours * 60 / elapsed, 1)  # those alive at the end
    figures["load_avg_before"] = [round(x, 2) for x in load_before]
    figures["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    figures["conflicts"] = conflicts
    figures["errors"] = errors
    return figures


@suite("load")
def load_bench(args: argparse.Namespace) -> dict:
    """Department workstations and a wall on one database (``--db``, a copy of a full demo city)."""
    if not args.db:
        raise SystemExit("load: give --db URL (a copy of a full demo city; the workstations change it)")
    return run_load(args.db, args.workstations, args.seconds, args.think)
