"""Past double-random plans: batches, drawn entities, teams, inspection tasks and results.

These are history for the demo, drawn with the demo's own random stream and marked
``demo-synthetic``; real draws (publicly verifiable) are made by the draw service.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

import numpy as np

from . import collab
from .population import Frozen
from .spec import STREAM_COLLAB, STREAM_DRAWS, DemoSpec

RISKS = ("A", "B", "C", "D")
DEMO_RATIOS = {"A": 0.01, "B": 0.05, "C": 0.21, "D": 0.61}
BATCH_COLUMNS = ("id", "plan_id", "name", "lead_department_id", "window_start", "window_end", "status",
                 "pool_filter", "ratio_table", "avoidance_rules", "pool_count", "pool_hash", "seed_commitment",
                 "random_sources", "draw_key", "algorithm_version", "locked_at", "drawn_at")
# Beijing wall times, stored as naive UTC.
PLAN_CREATED = dt.time(1, 0)   # 09:00 in Beijing
DRAWN_AT = dt.time(2, 0)       # 10:00 in Beijing


@dataclass(frozen=True)
class HistoryBatch:
    """One batch of each past plan (demo vocabulary ``draws.history``); the lead comes first."""

    name: str
    month: int
    department_ids: tuple[int, ...]


@dataclass
class DrawData:
    plans: list[tuple] = field(default_factory=list)
    batches: list[tuple] = field(default_factory=list)
    batch_departments: list[tuple] = field(default_factory=list)
    drawn: list[tuple] = field(default_factory=list)
    team: list[tuple] = field(default_factory=list)
    tasks: list[tuple] = field(default_factory=list)
    task_matters: list[tuple] = field(default_factory=list)
    task_inspectors: list[tuple] = field(default_factory=list)
    results: list[tuple] = field(default_factory=list)
    publications: list[tuple] = field(default_factory=list)  # RESULT_PUBLICATION_COLUMNS
    item_fail_p: np.ndarray | None = None  # see DrawInputs


PUBLISHED_AFTER, PUBLISHED_LATE, UNPUBLISHED_SPAN = dt.timedelta(days=12), dt.timedelta(days=35), dt.timedelta(days=60)
RESULT_PUBLICATION_COLUMNS = ("task_id", "batch_id", "published_on", "published_at", "published_by", "notice_file")


@dataclass(frozen=True)
class DrawInputs:
    dept_id_by_name: dict[str, int]
    matters_by_dept: dict[int, list[tuple[int, list[int]]]]  # dept -> [(matter id, item ids)]
    inspectors_by_dept: dict[int, np.ndarray]
    conflicts: set[tuple[int, int]]
    town_of_village: np.ndarray  # town code per village index
    town_codes: list[str]
    batches: tuple[HistoryBatch, ...] = ()
    item_fail_p: np.ndarray | None = None  # per entity position (core.demo.risk_signal); None: 5 %


def pool_hash(usccs: list[str]) -> str:
    """SHA-256 of the pool's codes in USCC order, one per line (published before drawing)."""
    return hashlib.sha256("\n".join(sorted(usccs)).encode()).hexdigest()


def generate_draws(spec: DemoSpec, pop: Frozen, inp: DrawInputs) -> DrawData:
    rng = spec.rng(STREAM_DRAWS, 0)
    out = DrawData(item_fail_p=inp.item_fail_p)
    years = [spec.as_of.year - 2, spec.as_of.year - 1, spec.as_of.year]
    active = pop.status == "active"
    town_of_entity = inp.town_of_village[pop.village_idx]
    load: dict[int, int] = {}
    history_end = spec.history_end.astimezone(dt.timezone.utc).replace(tzinfo=None)
    planted = spec.rng(STREAM_COLLAB, 0)  # its own stream: the batches above draw as before
    for year in years:
        created = dt.datetime.combine(dt.date(year, 1, 5), PLAN_CREATED)
        if created >= history_end:
            continue  # this year's plan is not made yet
        plan_id = len(out.plans) + 1
        out.plans.append((plan_id, year, f"{year}年度部门联合双随机抽查计划", "planner",
                          f"{created:%Y-%m-%d %H:%M:%S}"))
        for b, batch in enumerate(inp.batches):
            start = dt.date(year, batch.month, 1)
            if start > spec.as_of:
                continue
            end = start + dt.timedelta(days=60)
            town = inp.town_codes[int(rng.integers(0, len(inp.town_codes)))]
            in_pool = np.flatnonzero(active & (town_of_entity == town))
            batch_id = len(out.batches) + 1
            dept_ids = list(batch.department_ids)
            seed = rng.bytes(16).hex()
            drawn_at = dt.datetime.combine(start - dt.timedelta(days=7), DRAWN_AT)
            out.batches.append((
                batch_id, plan_id, f"{year}-{b + 1} {batch.name}", dept_ids[0],
                start.isoformat(), end.isoformat(), "published",
                json.dumps({"town_code": town, "status": "active"}, ensure_ascii=False),
                json.dumps(DEMO_RATIOS), json.dumps({"declared_conflicts": True, "last_inspector": True}),
                len(in_pool), pool_hash([str(u) for u in pop.usccs[in_pool]]),
                hashlib.sha256(seed.encode()).hexdigest(), json.dumps([seed]), None,
                "demo-synthetic-1", f"{drawn_at:%Y-%m-%d %H:%M:%S}", f"{drawn_at:%Y-%m-%d %H:%M:%S}",
            ))
            batch_matters: list[tuple[int, list[int]]] = []
            for d in dept_ids:
                options = inp.matters_by_dept.get(d, [])
                chosen = options[int(rng.integers(0, len(options)))] if options else None
                out.batch_departments.append((batch_id, d, 2, json.dumps([chosen[0]] if chosen else [])))
                if chosen:
                    batch_matters.append(chosen)
            picks: list[tuple[int, str]] = []
            for r, cls in enumerate(RISKS):
                stratum = in_pool[pop.risk_idx[in_pool] == r]
                k = min(len(stratum), int(np.ceil(len(stratum) * DEMO_RATIOS[cls])))
                for e in rng.choice(stratum, size=k, replace=False):
                    picks.append((int(e), cls))
            for order, (pos, cls) in enumerate(picks, start=1):
                entity_id = int(pop.ids[pos])
                obj_id = len(out.drawn) + 1
                out.drawn.append((obj_id, batch_id, entity_id, cls, order))
                team = []
                for d in dept_ids:
                    team += [(i, d) for i in _pick_team(inp.inspectors_by_dept[d], entity_id, inp.conflicts, load, 2)]
                out.team += [(obj_id, i, d) for i, d in team]
                _task(out, rng, spec, batch_id, entity_id, dept_ids[0], len(dept_ids) > 1,
                      start, end, team, batch_matters)
        collab.plant_meeting(out, planted, spec, year, plan_id, inp, pop, active, town_of_entity, load)
    return out


def _pick_team(pool: np.ndarray, entity_id: int, conflicts: set[tuple[int, int]],
               load: dict[int, int], size: int) -> list[int]:
    # Least-loaded first, skipping declared conflicts (行政处罚法 Art. 43).
    ranked = sorted(pool.tolist(), key=lambda i: (load.get(i, 0), i))
    team = [i for i in ranked if (i, entity_id) not in conflicts][:size]
    for i in team:
        load[i] = load.get(i, 0) + 1
    return team


def _task(out: DrawData, rng: np.random.Generator, spec: DemoSpec, batch_id: int, entity_id: int,
          lead: int, joint: bool, start: dt.date, end: dt.date, team: list[tuple[int, int]],
          matters: list[tuple[int, list[int]]]) -> None:
    task_id = len(out.tasks) + 1
    done_on = start + dt.timedelta(days=int(rng.integers(0, (end - start).days + 1)))
    done = done_on <= spec.as_of
    status = "done" if done else ("in_progress" if start <= spec.as_of else "planned")
    out.tasks.append((task_id, batch_id, entity_id, lead, joint, status, end.isoformat(),
                      done_on.isoformat() if done else None))
    out.task_matters += [(task_id, m) for m, _ in matters]
    out.task_inspectors += sorted({(task_id, i) for i, _ in team})
    # Results are published about 8 working days after they are formed, one in ten late
    # (~25 working days); of the last weeks' results every sixth is still unpublished (some
    # overdue by now), and the freshest are still pending.
    published_on = done_on + (PUBLISHED_LATE if task_id % 10 == 0 else PUBLISHED_AFTER)
    held = task_id % 6 == 0 and done_on >= spec.as_of - UNPUBLISHED_SPAN
    if done and published_on <= spec.as_of and not held:
        out.publications.append((task_id, batch_id, published_on.isoformat(), f"{published_on} 09:00:00",
                                 "leader", f"{batch_id}_results.pdf"))
    if done:
        # The planted signal (core.demo.risk_signal) moves the threshold, never the rolls.
        fail_p = 0.05 if out.item_fail_p is None else float(out.item_fail_p[entity_id - 1])
        for _, items in matters:
            rolls = rng.random(len(items))
            for item, roll in zip(items, rolls.tolist()):
                outcome = "fail" if roll < fail_p else "na" if roll < fail_p + 0.03 else "pass"
                note = "现场发现问题，已责令限期整改" if outcome == "fail" else ""
                out.results.append((task_id, item, outcome, note))
