"""One process of the ``load`` bench: a department workstation, or the wall.

A workstation acts as a department user through the real services, one operation at a
time with a think pause between them (a person at a console, not a flood):

- ``search``: what the entity table asks for a new search: the total and the first page, for a
  two-character word, a longer word, a whole credit code, a town or a broad status and type filter;
- ``panorama``: one entity's panorama;
- ``step``: the next step of one of the department's clues (claim, start, feed back);
- ``claim``: a double-notification (双告知) claim, own pending first, else from the shared queue
  (workstations race for the same pushes: the loser's refusal is counted as a conflict);
- ``efficiency``: the efficiency summary (load the clocks with the workstation's own snapshot
  folder, by department), as the monitor reads it.

The wall reads its summary every ``WALL_EVERY_S`` seconds as the wall process does: one
``WallFigureCache`` brought up to date with the change sets other processes committed
(``core.live.follow``), where those exist; else the efficiency summary and two counts.

Every workstation and the wall start from the clocks snapshot a console that ran before keeps
(seeded once by the suite, its cost reported apart as ``efficiency_cold_ms``), and warm it up
after sign-in as the console does (``efficiency_warm_up`` in the details).
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import random
import time
from dataclasses import dataclass
from pathlib import Path

WALL_EVERY_S = 2.0
MIX = (("search", 8), ("panorama", 5), ("step", 4), ("claim", 2), ("efficiency", 1))


@dataclass(frozen=True)
class Plan:
    """What every worker shares: the database, the words and entities to ask about."""

    url: str
    seconds: float
    think_s: float
    departments: tuple[tuple[int, str], ...]  # (id, account)
    monitor: str
    words2: tuple[str, ...]
    words: tuple[str, ...]
    codes: tuple[str, ...]
    towns: tuple[str, ...]
    entity_ids: tuple[int, ...]
    folder: str  # snapshot folders go below, one per worker


def _timed(times: dict, kind: str, fn) -> object:
    started = time.perf_counter()
    try:
        return fn()
    finally:
        times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)


def _search(db, plan: Plan, rng: random.Random, viewer: str, times: dict) -> None:
    from core.services.search import EntityFilter, EntitySearch

    pick = rng.random()
    if pick < 0.3:
        kind, f = "word2", EntityFilter(text=rng.choice(plan.words2))
    elif pick < 0.55:
        kind, f = "word", EntityFilter(text=rng.choice(plan.words))
    elif pick < 0.75:
        kind, f = "code", EntityFilter(text=rng.choice(plan.codes))
    elif pick < 0.9:
        kind, f = "town", EntityFilter(town_codes=(rng.choice(plan.towns),))
    else:  # a broad filter (a department may not filter by risk class)
        kind, f = "broad", EntityFilter(statuses=("active",), entity_types=(rng.choice(("enterprise", "individual")),))

    def run() -> None:
        search = EntitySearch(db, viewer)
        getattr(search, "total", search.count)(f)  # the estimate-aware total where the build has one
        search.page(f, limit=200)
    _timed(times, f"search:{kind}", lambda: _timed(times, "search", run))


def _next_clue(db, department_id: int, rng: random.Random) -> tuple[int, str] | None:
    from sqlalchemy import select

    from core.db.models import Clue, ClueState

    states = (ClueState.ASSIGNED, ClueState.CLAIMED, ClueState.HANDLING, ClueState.TRANSFERRED, ClueState.REOPENED)
    with db.sessions() as s:
        rows = s.execute(select(Clue.id, Clue.state).where(Clue.department_id == department_id,
                                                            Clue.state.in_(states)).limit(40)).all()
    if not rows:
        return None
    clue_id, state = rng.choice(rows)
    action = {"assigned": "claim", "transferred": "claim", "claimed": "start", "reopened": "start",
              "handling": "feed_back"}[str(getattr(state, "value", state))]
    return clue_id, action


def _step(db, department_id: int, actor: str, rng: random.Random, times: dict, conflicts: dict) -> None:
    from core.errors import ValidationError
    from core.services.clues.workflow import act

    picked = _next_clue(db, department_id, rng)
    if picked is None:
        return
    clue_id, action = picked
    try:
        _timed(times, "step", lambda: act(db, actor, clue_id, action, note="已按要求处置 (load bench)"))
    except ValidationError:  # another workstation moved it first
        conflicts["step"] = conflicts.get("step", 0) + 1


def _claim(db, department_id: int, actor: str, rng: random.Random, times: dict, conflicts: dict) -> None:
    from core.errors import TongguanError
    from core.services import obligations

    mine = obligations.department_pushes(db, department_id, limit=20, viewer=actor)
    queue = mine or obligations.shared_queue(db, limit=20, viewer=actor)
    if not queue:
        return
    push = rng.choice(queue)
    try:
        _timed(times, "claim", lambda: obligations.claim_push(db, actor, push.id, department_id))
    except TongguanError:  # claimed first at another workstation
        conflicts["claim"] = conflicts.get("claim", 0) + 1


def _efficiency(db, plan: Plan, folder: Path) -> object:
    from core.deadlines import by_group
    from core.services.efficiency import load_efficiency

    data = load_efficiency(db, dt.date.today(), snapshot_dir=folder, viewer=plan.monitor)
    return by_group(data.items, data.assessment, "department")


def workstation(plan: Plan, index: int) -> dict:
    """Run one department workstation for ``plan.seconds``; {"times": {kind: [ms]}, "conflicts": {...}}."""
    from core.db.database import Database

    import core.services.efficiency  # noqa: F401 - a running console has its modules loaded
    import core.services.panorama  # noqa: F401
    import core.services.search  # noqa: F401

    rng = random.Random(1000 + index)
    department_id, actor = plan.departments[index % len(plan.departments)]
    folder = Path(plan.folder) / f"ws{index}"
    db = Database.open(plan.url)
    times: dict[str, list[float]] = {}
    conflicts: dict[str, int] = {}
    errors: dict[str, str] = {}
    kinds = [k for k, weight in MIX for _ in range(weight)]
    end = time.monotonic() + plan.seconds
    time.sleep(rng.uniform(0, plan.think_s))  # workstations do not start in step
    try:
        from core.services.efficiency import load_clocks

        # The console prepares the clocks after sign-in (desktop.efficiency.warm_up): from the snapshot
        # of its last run, caught up with the change sets since.
        _timed(times, "efficiency_warm_up", lambda: load_clocks(db, snapshot_dir=folder))
        while time.monotonic() < end:
            kind = rng.choice(kinds)
            try:
                if kind == "search":
                    _search(db, plan, rng, actor, times)
                elif kind == "panorama":
                    from core.services.panorama import load_panorama

                    entity = rng.choice(plan.entity_ids)
                    _timed(times, kind, lambda: load_panorama(db, entity, viewer=actor))
                elif kind == "step":
                    _step(db, department_id, actor, rng, times, conflicts)
                elif kind == "claim":
                    _claim(db, department_id, actor, rng, times, conflicts)
                else:
                    _timed(times, kind, lambda: _efficiency(db, plan, folder))
            except Exception as error:  # noqa: BLE001 - a bench counts failures, it does not stop
                errors[kind] = f"{type(error).__name__}: {error}"[:300]
                conflicts[f"{kind}_failed"] = conflicts.get(f"{kind}_failed", 0) + 1
            time.sleep(rng.uniform(0.5, 1.5) * plan.think_s)
    finally:
        db.dispose()
    return {"times": times, "conflicts": conflicts, "errors": errors}


class _FollowingWall:
    """The wall process's figures: one cache, brought up to date with other processes' changes."""

    def __init__(self, db, folder: Path) -> None:
        from core.live.follow import ChangeFollower
        from core.services.wall_figures import WallFigureCache

        self.cache = WallFigureCache(db, snapshot_dir=folder)
        self.follower = ChangeFollower(db)
        self.follower.start()

    def __call__(self) -> object:
        from core.live.changes import ChangeSet

        merged = ChangeSet()
        for changes in self.follower.read_new():
            merged = merged.merged(changes)
        return self.cache.refresh(merged) if merged else self.cache.get()


def _wall_summary(db, plan: Plan, folder: Path) -> object:
    from sqlalchemy import func, select

    from core.clues.states import OPEN_STATES
    from core.db.models import Clue, MarketEntity

    summary = _efficiency(db, plan, folder)
    with db.sessions() as s:
        entities = s.scalar(select(func.count()).select_from(MarketEntity))
        open_clues = s.scalar(select(func.count()).select_from(Clue).where(Clue.state.in_(OPEN_STATES)))
    return summary, entities, open_clues


def wall(plan: Plan) -> dict:
    """Read the wall's summary every ``WALL_EVERY_S`` for ``plan.seconds``."""
    from core.db.database import Database

    db = Database.open(plan.url)
    folder = Path(plan.folder) / "wall"
    times: dict[str, list[float]] = {}
    errors: dict[str, str] = {}
    if importlib.util.find_spec("core.services.wall_figures") is not None:
        def start() -> _FollowingWall:
            reader = _FollowingWall(db, folder)
            reader()  # the first figures: every part read once, the clocks from the snapshot
            return reader
        read = _timed(times, "wall_start", start)
    else:
        def read() -> object:
            return _wall_summary(db, plan, folder)
    end = time.monotonic() + plan.seconds
    try:
        while time.monotonic() < end:
            started = time.monotonic()
            try:
                _timed(times, "wall", read)
            except Exception as error:  # noqa: BLE001
                errors["wall"] = f"{type(error).__name__}: {error}"[:300]
            time.sleep(max(0.0, WALL_EVERY_S - (time.monotonic() - started)))
    finally:
        db.dispose()
    return {"times": times, "conflicts": {}, "errors": errors}
