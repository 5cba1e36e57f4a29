"""``python -m tests.bench draw``: a double-random draw over the whole city's entities.

A synthetic batch (seeded numpy): every entity in the pool, the demo's risk mix (A 60%,
B 25%, C 12%, D 3%) and ratios (A 1%, B 5%, C 21%, D 61%: about 74,000 picks at 1.2
million), 28 departments with 40-120 inspectors each of which 3 take part with teams
of 2, a few thousand declared conflicts and last-inspection teams for 5% of entities.
Times ``run_draw`` (the target is <= 1 s), ``make_record`` and ``verify_record``.
"""
from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from .suites import suite

MIX = {"A": 0.60, "B": 0.25, "C": 0.12, "D": 0.03}
RATIOS = {"A": 0.01, "B": 0.05, "C": 0.21, "D": 0.61}
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def synthetic_usccs(n: int, rng: np.random.Generator) -> list[str]:
    """``n`` distinct, valid, sorted Yiwu codes (authority 9, type 1/2, division 330782)."""
    org = np.unique(rng.integers(0, 10**9, size=int(n * 1.05) + 16))
    org = rng.permutation(org)[:n]
    kind = np.where(rng.random(n) < 0.6, 2, 1)
    digits = np.empty((n, 17), dtype=np.int64)
    digits[:, 0] = 9
    digits[:, 1] = kind
    digits[:, 2:8] = [3, 3, 0, 7, 8, 2]
    for p in range(9):
        digits[:, 16 - p] = (org // 10**p) % 10
    weights = np.array([pow(3, i, 31) for i in range(17)], dtype=np.int64)
    check = (31 - (digits @ weights) % 31) % 31
    body = ["".join(map(str, row)) for row in digits.tolist()]
    return sorted(b + _ALPHABET[c] for b, c in zip(body, check.tolist()))


def synthetic_spec(entities: int = 1_200_000, seed: int = 20190320, departments: int = 28, taking_part: int = 3):
    """(spec, randomness) of the benchmark batch."""
    from core.draws import (
        Avoidance,
        DepartmentRule,
        DrawSpec,
        InspectorRef,
        PoolEntry,
        Randomness,
        SamplingRule,
        ordered_pool,
    )

    rng = np.random.default_rng(seed)
    usccs = synthetic_usccs(entities, rng)
    ids = rng.permutation(entities) + 1
    strata = rng.choice(np.array(list(MIX)), size=entities, p=list(MIX.values())).tolist()
    villages = [f"V{v:03d}" for v in rng.integers(0, 544, size=entities).tolist()]
    pool = ordered_pool(PoolEntry(u, e, s, v) for u, e, s, v in zip(usccs, ids.tolist(), strata, villages))
    rules, next_id = [], 1
    for d in range(1, departments + 1):
        size = int(rng.integers(40, 121))
        refs = tuple(InspectorRef(next_id + j, d, f"V{int(v):03d}") for j, v in enumerate(rng.integers(0, 544, size)))
        next_id += size
        rules.append(DepartmentRule(d, 2, refs))
    chosen = sorted(rng.choice(departments, size=taking_part, replace=False).tolist())
    batch = tuple(rules[i] for i in chosen)
    inspectors = [ref.id for rule in batch for ref in rule.inspectors]
    conflicts = frozenset(zip(rng.choice(inspectors, 5000).tolist(), rng.choice(ids, 5000).tolist()))
    inspected = rng.choice(ids, size=entities // 20, replace=False).tolist()
    last = {e: frozenset(rng.choice(inspectors, 2, replace=False).tolist()) for e in inspected}
    spec = DrawSpec("2027-1 食品经营主体双随机联合抽查 (benchmark)", pool, SamplingRule(ratios=RATIOS), batch,
                    Avoidance(conflicts=conflicts, last_inspectors=last))
    randomness = Randomness("rfc3797", sources=((9319,), (2, 5, 12, 8, 10), (9, 18, 26, 34, 41, 45)))
    return spec, randomness


def _timed(fn, repeat: int = 1):
    """(result, median seconds); the previous result is freed before each run, not inside it."""
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if n < repeat - 1:
            del result
    return result, statistics.median(times)


@suite("draw")
def draw_bench(args: argparse.Namespace) -> dict:
    """Draw, record and verify a batch over every entity (synthetic, no database)."""
    from core.draws import make_record, record_digest, run_draw, verify_record

    start = time.perf_counter()
    spec, randomness = synthetic_spec(args.entities, args.seed)
    build_s = time.perf_counter() - start
    outcome, draw_s = _timed(lambda: run_draw(spec, randomness), repeat=3)
    record, record_s = _timed(lambda: make_record(spec, randomness, outcome, meta={"bench": True}))
    _, digest_s = _timed(lambda: record_digest(record))
    report, verify_s = _timed(lambda: verify_record(record))
    loads = list(outcome.load.values())
    spread = max(max(outcome.load[r.id] for r in rule.inspectors) - min(outcome.load[r.id] for r in rule.inspectors)
                 for rule in spec.departments)
    return {
        "pool": len(spec.pool),
        "picks": len(outcome.picks),
        "departments": len(spec.departments),
        "draw_s": round(draw_s, 3),
        "record_s": round(record_s, 3),
        "digest_s": round(digest_s, 3),
        "verify_s": round(verify_s, 3),
        "verified": report.ok,
        "max_load": max(loads),
        "min_load": min(loads),
        "load_spread": spread,   # largest max - min load within one department (withdrawals hold some back)
        "alternates": outcome.alternates,
        "build_s": round(build_s, 1),
    }
