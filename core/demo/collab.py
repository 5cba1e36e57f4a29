"""Structure planted in the demo city for the collaboration views (issue 15) to find.

Two things are put there on purpose, from a random stream of their own (``STREAM_COLLAB``),
so nothing else in the city shifts:

- **Departments that meet at the same entities.** Every year of the history, 文化和广电旅游局
  (culture market) draws a batch of entertainment venues in one town in April, and 消防支队
  (fire brigade) inspects *the same entities* in a separate batch in May: two visits where one
  joint visit would do (进一次门、查多项事). The collaboration graph puts the two in one
  community, and the joint-plan suggestions name the pair with one visit saved per entity.
- **A slow handover.** 行政执法局 (the comprehensive enforcement bureau) claims the clues
  routed to it about ``SLOW_CLAIM_DAYS`` calendar days late (some fifteen working days, where
  the others take one or two), and every later step of those clues comes that much later. The graph's slowest
  edges are the town -> 行政执法局 handovers, and the case flow's slowest stage is 行政执法局's
  "claimed".
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import numpy as np

MEETING = (
    # (department, batch name, window month): the second inspects the first's entities again.
    ("文化和广电旅游局", "文化娱乐场所双随机抽查", 4),
    ("消防支队", "文化娱乐场所消防安全抽查", 5),
)
MEETING_SHARE = 0.02   # of the town's active entities
MEETING_MIN = 12       # entities at least, so a small city has the pattern too
SLOW_DEPARTMENT = "行政执法局"
SLOW_CLAIM_DAYS = 21   # calendar days added before the claim (and every step after it)


def slow_department_id(department_names: dict[int, str]) -> int | None:
    """The id of the department that is slow to claim (None when the city lacks it)."""
    return next((d for d, name in department_names.items() if name == SLOW_DEPARTMENT), None)


def plant_meeting(out, rng: np.random.Generator, spec, year: int, plan_id: int, inp, pop, active: np.ndarray,
                  town_of_entity: np.ndarray, load: dict[int, int]) -> None:
    """The two separate batches of ``year`` on the same entities (appended to ``out``)."""
    from .draws import DEMO_RATIOS, _pick_team, _task, pool_hash  # draws calls this module

    depts = [inp.dept_id_by_name.get(name) for name, _, _ in MEETING]
    if None in depts or any(d not in inp.inspectors_by_dept for d in depts):
        return
    town = inp.town_codes[int(rng.integers(0, len(inp.town_codes)))]
    in_pool = np.flatnonzero(active & (town_of_entity == town))
    if not len(in_pool):
        return
    k = min(len(in_pool), max(MEETING_MIN, int(len(in_pool) * MEETING_SHARE)))
    picks = np.sort(rng.choice(in_pool, size=k, replace=False))
    for dept, (_, name, month) in zip(depts, MEETING):
        start = dt.date(year, month, 1)
        if start > spec.as_of:
            continue
        end = start + dt.timedelta(days=60)
        batch_id = len(out.batches) + 1
        seed = rng.bytes(16).hex()
        drawn_at = dt.datetime.combine(start - dt.timedelta(days=7), dt.time(2, 0))
        out.batches.append((
            batch_id, plan_id, f"{year}-{name}", dept, start.isoformat(), end.isoformat(), "published",
            f'{{"town_code": "{town}", "status": "active"}}', _json(DEMO_RATIOS),
            '{"declared_conflicts": true, "last_inspector": true}', len(in_pool),
            pool_hash([str(u) for u in pop.usccs[in_pool]]), _sha(seed), f'["{seed}"]', None,
            "demo-synthetic-1", f"{drawn_at:%Y-%m-%d %H:%M:%S}", f"{drawn_at:%Y-%m-%d %H:%M:%S}"))
        options = inp.matters_by_dept.get(dept, [])
        chosen = options[int(rng.integers(0, len(options)))] if options else None
        out.batch_departments.append((batch_id, dept, 2, f"[{chosen[0]}]" if chosen else "[]"))
        for order, pos in enumerate(picks.tolist(), start=1):
            entity_id = int(pop.ids[pos])
            obj_id = len(out.drawn) + 1
            out.drawn.append((obj_id, batch_id, entity_id, str(pop_risk(pop, pos)), order))
            team = [(i, dept) for i in _pick_team(inp.inspectors_by_dept[dept], entity_id, inp.conflicts, load, 2)]
            out.team += [(obj_id, i, d) for i, d in team]
            _task(out, rng, spec, batch_id, entity_id, dept, False, start, end, team, [chosen] if chosen else [])


def pop_risk(pop, pos: int) -> str:
    return "ABCD"[int(pop.risk_idx[pos])]


def _json(value) -> str:
    return json.dumps(value)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
