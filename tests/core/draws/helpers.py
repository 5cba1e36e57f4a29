"""Small specs for the draw tests, and independent by-the-book re-implementations."""
from __future__ import annotations

import hashlib

from stdnum.cn import uscc as stdnum_uscc

from core.draws import (
    STRATA,
    Avoidance,
    DepartmentRule,
    DrawSpec,
    InspectorRef,
    PoolEntry,
    SamplingRule,
    ordered_pool,
)

RFC_SOURCES = ((9319,), (2, 5, 12, 8, 10), (9, 18, 26, 34, 41, 45))
RFC_KEY = "9319./2.5.8.10.12./9.18.26.34.41.45./"


def code(n: int, kind: str = "2") -> str:
    """A valid Yiwu USCC numbered ``n``."""
    body = f"9{kind}330782{n:09d}"
    return body + stdnum_uscc.calc_check_digit(body)


def pool_of(sizes: dict[str, int], villages: int = 0, start: int = 0) -> tuple[PoolEntry, ...]:
    """An ordered pool with ``sizes[stratum]`` entities per stratum, interleaved in code order."""
    entries, n = [], start
    remaining = dict(sizes)
    while any(remaining.values()):
        for s in STRATA:
            if remaining.get(s):
                remaining[s] -= 1
                village = f"村{n % villages}" if villages else None
                entries.append(PoolEntry(code(n * 7 + 3), 1000 + n, s, village))
                n += 1
    return ordered_pool(entries)


def department(dept_id: int, size: int, team: int = 2, first_id: int | None = None,
               villages: int = 0) -> DepartmentRule:
    first = first_id if first_id is not None else dept_id * 100
    refs = tuple(InspectorRef(first + j, dept_id, f"村{j % villages}" if villages else None) for j in range(size))
    return DepartmentRule(dept_id, team, refs, matter_ids=(dept_id * 10,))


def simple_spec(sizes=None, ratios=None, departments=None, avoidance=None, villages: int = 0) -> DrawSpec:
    sizes = sizes or {"A": 40, "B": 30, "C": 20, "D": 10}
    ratios = ratios or {"A": 0.05, "B": 0.2, "C": 0.6, "D": 1.0}
    departments = departments or (department(1, 6), department(2, 5, team=3))
    return DrawSpec("测试批次", pool_of(sizes, villages=villages), SamplingRule(ratios=ratios), tuple(departments),
                    avoidance or Avoidance())


# --- by-the-book versions, written from core/draws/README.md, sharing no code with the package ---

def naive_select(key: str, pool_size: int, count: int) -> list[int]:
    left = list(range(pool_size))
    out = []
    for i in range(count):
        c = i.to_bytes(2 if i < 65536 else 4, "big")
        value = int.from_bytes(hashlib.md5(c + key.encode() + c).digest(), "big")
        out.append(left.pop(value % len(left)))
    return out


def naive_draw(spec: DrawSpec, key: str) -> list[tuple[int, dict[int, tuple[int, ...]]]]:
    """[(entity_id, {department: team})] in pick order, by the README's words."""
    picked = []
    for s in STRATA:
        candidates = [e for e in spec.pool if e.stratum == s]
        k = spec.sampling.count_for(s, len(candidates))
        picked += [candidates[i] for i in naive_select(key + s + "/", len(candidates), k)]
    av = spec.avoidance
    teams: dict[int, list[tuple[int, ...]]] = {}
    for rule in spec.departments:
        ids = sorted(r.id for r in rule.inspectors)
        village = {r.id: r.village for r in rule.inspectors}
        line: list[int] = []
        for r in range(4 * len(picked) * rule.team_size // len(ids) + 8):
            data = hashlib.shake_256(f"{key}inspectors/{rule.department_id}/{r}".encode()).digest(8 * len(ids))
            numbers = [int.from_bytes(data[8 * j:8 * j + 8], "big") for j in range(len(ids))]
            line += [ids[j] for j in sorted(range(len(ids)), key=lambda j: (numbers[j], j))]
        out = []
        for e in picked:
            def withdraws(i, e=e, village=village):
                return ((i, e.entity_id) in av.conflicts or i in av.last_inspectors.get(e.entity_id, ())
                        or (av.same_village and bool(village[i]) and village[i] == e.village))
            team: list[int] = []
            at = 0
            while len(team) < rule.team_size:
                i = line[at]
                if i in team or withdraws(i):
                    at += 1
                else:
                    team.append(line.pop(at))
            out.append(tuple(team))
        teams[rule.department_id] = out
    return [(e.entity_id, {d: teams[d][n] for d in teams}) for n, e in enumerate(picked)]
