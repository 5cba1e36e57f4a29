"""The draw: entities per risk stratum by RFC 3797, then a team per entity per department.

Objects. The strata are drawn in the order A, B, C, D. A stratum's candidates are the
pool entries of that stratum in USCC order; ``k = sampling.count_for(stratum, size)``;
the picks are ``rfc3797_select(key + stratum + "/", size, k)`` - the stratum letter and a
``/`` appended to the key give each stratum its own independent sequence. Picks are
numbered 1, 2, ... through the batch in that order (all of A's picks, then B's, ...).

Inspectors. Each department is handled on its own, going through the picks in order.
Its eligible inspectors are ordered by id (positions 0, 1, ..., n - 1). Round r orders
them by the 8-byte big-endian numbers read in turn from ``SHAKE-256(key + "inspectors/"
+ department_id + "/" + r)`` (FIPS 202, 8 x n bytes of output; the j-th number belongs to
the inspector at position j; equal numbers keep position order). The rounds' orders,
one after another, form the department's *line*. Each entity takes as its team the
first ``team_size`` inspectors in the line who need not withdraw for it and are not in
its team already; they leave the line at that spot. An inspector who must withdraw
(declared conflict, member of the entity's last inspection team, or living in the
entity's village when that rule is on) is passed over and stays where it is, so it is
first in line for the next entity: one *alternate* is counted each time this happens.
As every round holds each inspector once, loads (visits in this batch) differ by at
most one between inspectors unless withdrawals held some back. If fewer than
``team_size`` of a department's inspectors may inspect an entity, the draw is refused
naming the entity and the department.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from ._gc import gc_paused
from .commitment import check_commitment
from .rfc3797 import key_string, rfc3797_select
from .spec import (
    RULE_AVOIDANCE,
    RULE_RANDOMNESS,
    STRATA,
    DepartmentRule,
    DrawRefused,
    DrawSpec,
    Problem,
    _validate,
    stratum_letters,
)

__all__ = [
    "ALGORITHM_VERSION",
    "DrawOutcome",
    "Pick",
    "Randomness",
    "StratumStats",
    "draw_key",
    "draw_with_key",
    "round_order",
    "run_draw",
]

ALGORITHM_VERSION = "tongguan-draw/1"
_ROUND_BLOCK = 64  # rounds of priorities computed at once


@dataclass(frozen=True)
class Randomness:
    """Where the draw's randomness comes from: RFC 3797 public sources, or a committed seed."""

    kind: str                                          # "rfc3797" | "seed"
    sources: tuple[tuple[int | str, ...], ...] = ()    # for "rfc3797", in announced order
    seed: str = ""                                     # for "seed", revealed at the draw
    commitment: str = ""                               # sha256 of the seed, published before the pool froze


def draw_key(r: Randomness) -> str:
    """The key string the draw runs on; ValueError (TypeError for wrong value types) when it is unusable."""
    if r.kind == "rfc3797":
        return key_string(r.sources)
    if r.kind == "seed":
        if not r.seed:
            raise ValueError("种子为空 (the seed is empty)")
        if not r.commitment:
            raise ValueError("种子没有事先公布的承诺值 (the seed has no commitment published in advance)")
        if not check_commitment(r.seed, r.commitment):
            raise ValueError("种子与事先公布的承诺值不符 (the seed does not match its commitment)")
        return "seed:" + r.seed
    raise ValueError(f"未知的随机数类型 (unknown kind of randomness): {r.kind!r}")


@dataclass(frozen=True, slots=True)   # slots: a batch may hold ~10^5 of them
class Pick:
    """One drawn entity and its team per department."""

    order: int                              # 1-based through the batch
    entity_id: int
    uscc: str
    stratum: str
    teams: Mapping[int, tuple[int, ...]]    # department_id -> inspector ids, in pick order


@dataclass(frozen=True)
class StratumStats:
    """A stratum's pool size and how many of it were drawn."""

    stratum: str
    pool: int
    drawn: int


@dataclass(frozen=True)
class DrawOutcome:
    """What a draw produced."""

    key: str
    picks: tuple[Pick, ...]
    strata: tuple[StratumStats, ...]
    load: Mapping[int, int]     # inspector_id -> visits in this batch (every eligible inspector)
    alternates: int             # times a withdrawing inspector was skipped for the next one


def run_draw(spec: DrawSpec, randomness: Randomness) -> DrawOutcome:
    """Draw ``spec`` with ``randomness``; DrawRefused when the spec or randomness is not usable."""
    usccs = list(map(attrgetter("uscc"), spec.pool))
    letters = stratum_letters(spec.pool)
    problems = _validate(spec, usccs, letters)
    try:
        key = draw_key(randomness)
    except (TypeError, ValueError) as exc:
        problems.append(Problem("bad_randomness", RULE_RANDOMNESS, str(exc), "randomness"))
    if problems:
        raise DrawRefused(problems)
    with gc_paused():
        return _draw(spec, key, usccs, letters or "")


def draw_with_key(spec: DrawSpec, key: str) -> DrawOutcome:
    """The draw itself on a given key (``spec`` assumed valid: see :func:`validate`)."""
    with gc_paused():
        return _draw(spec, key, list(map(attrgetter("uscc"), spec.pool)), stratum_letters(spec.pool) or "")


def _draw(spec: DrawSpec, key: str, usccs: list[str], letters: str) -> DrawOutcome:
    # Work on the pool's columns: reading a few attributes of 10^5 entries scattered over
    # a pool of 10^6 objects costs more than one pass in order over the whole pool.
    pool = spec.pool
    codes = np.frombuffer(letters.encode("ascii"), dtype=np.uint8)
    entity_ids = np.fromiter(map(attrgetter("entity_id"), pool), dtype=np.int64, count=len(pool))
    positions: list[int] = []
    strata: list[StratumStats] = []
    for stratum in STRATA:
        candidates = np.flatnonzero(codes == ord(stratum))
        size = len(candidates)
        k = spec.sampling.count_for(stratum, size)
        positions += candidates[np.asarray(rfc3797_select(key + stratum + "/", size, k), dtype=np.int64)].tolist()
        strata.append(StratumStats(stratum, size, k))
    picked = _Picked(entity_ids=entity_ids[np.asarray(positions, dtype=np.int64)].tolist(),
                     usccs=[usccs[p] for p in positions],
                     strata=[letters[p] for p in positions],
                     villages=[pool[p].village for p in positions] if spec.avoidance.same_village else None)
    withdraw = _withdrawals(picked, spec)
    department_ids: list[int] = []
    team_lists: list[list[tuple[int, ...]]] = []
    load: dict[int, int] = {}
    alternates = 0
    for rule in spec.departments:
        teams, dept_load, skipped = _department_teams(rule, picked, withdraw, key)
        department_ids.append(rule.department_id)
        team_lists.append(teams)
        load.update(dept_load)
        alternates += skipped
    team_maps = [dict(zip(department_ids, teams)) for teams in zip(*team_lists)] if team_lists else \
        [{} for _ in picked.entity_ids]
    picks = tuple(map(Pick, range(1, len(team_maps) + 1), picked.entity_ids, picked.usccs, picked.strata, team_maps))
    return DrawOutcome(key=key, picks=picks, strata=tuple(strata), load=load, alternates=alternates)


@dataclass
class _Picked:
    """The drawn entities as columns, in pick order."""

    entity_ids: list[int]
    usccs: list[str]
    strata: list[str]
    villages: list[str | None] | None   # only when the same-village rule is on


def round_order(key: str, department_id: int, rounds: range, pool_size: int) -> np.ndarray:
    """Positions (0..pool_size-1) of a department's pool in priority order, one row per round."""
    if pool_size == 0:
        return np.zeros((len(rounds), 0), dtype=np.int64)
    stem = f"{key}inspectors/{department_id}/"
    data = b"".join(hashlib.shake_256(f"{stem}{r}".encode()).digest(8 * pool_size) for r in rounds)
    numbers = np.frombuffer(data, dtype=">u8").reshape(len(rounds), pool_size)
    return np.argsort(numbers, axis=1, kind="stable")


def _department_teams(rule: DepartmentRule, picked: _Picked, withdraw: dict[int, set[int]],
                      key: str) -> tuple[list[tuple[int, ...]], dict[int, int], int]:
    """Teams of one department for every pick, each inspector's load, and the alternates taken."""
    ids = sorted(ref.id for ref in rule.inspectors)
    n, size = len(ids), rule.team_size
    position = {i: j for j, i in enumerate(ids)}
    avoid_at: dict[int, set[int]] = {}      # pick number -> positions that must withdraw
    for number in sorted(withdraw):
        js = {position[i] for i in withdraw[number] if i in position}
        if js:
            if n - len(js) < size:
                raise DrawRefused([_no_team_problem(rule, picked.entity_ids[number], picked.usccs[number],
                                                    n - len(js))])
            avoid_at[number] = js
    events = sorted(avoid_at)
    line = _Line(key, rule.department_id, n)
    ids_array = np.asarray(ids, dtype=np.int64)
    load = np.zeros(n, dtype=np.int64)
    teams: list[tuple[int, ...]] = []
    waiting: list[int] = []     # reached in line but skipped; they stay first in line, in line order
    skipped = 0
    number, total = 0, len(picked.entity_ids)
    while number < total:
        if not waiting and number not in avoid_at:
            # A stretch without withdrawals: each team is simply the next ``size`` in line,
            # up to the first slice that would hold an inspector twice (at a round's end).
            stop = events[bisect_left(events, number)] if events and events[-1] >= number else total
            block = line.take(size * (stop - number)).reshape(-1, size)
            if size == 2:
                bad = block[:, 0] == block[:, 1]
            else:
                ordered = np.sort(block, axis=1)
                bad = (ordered[:, 1:] == ordered[:, :-1]).any(axis=1)
            good = int(np.argmax(bad)) if bad.any() else len(block)
            taken = block[:good]
            teams += map(tuple, ids_array[taken].tolist())
            load += np.bincount(taken.ravel(), minlength=n)
            line.advance(good * size)
            number += good
            if number == stop:
                continue
        avoid = avoid_at.get(number)
        team: list[int] = []
        kept: list[int] = []
        for x in waiting:
            if len(team) < size and x not in team:
                if avoid and x in avoid:
                    skipped += 1
                else:
                    team.append(x)
                    continue
            kept.append(x)
        while len(team) < size:
            x = line.next()
            if x in team:
                kept.append(x)
            elif avoid and x in avoid:
                skipped += 1
                kept.append(x)
            else:
                team.append(x)
        waiting = kept
        for x in team:
            load[x] += 1
        teams.append(tuple(ids[x] for x in team))
        number += 1
    return teams, dict(zip(ids, load.tolist())), skipped


class _Line:
    """A department's line: round 0's order, then round 1's, ... (positions), made as needed."""

    def __init__(self, key: str, department_id: int, n: int) -> None:
        self.key, self.department_id, self.n = key, department_id, n
        self.items = np.zeros(0, dtype=np.int64)
        self.head = 0

    def _ensure(self, length: int) -> None:
        # Two spare rounds: enough for any team to skip what it must and still fill up.
        need = self.head + length + 2 * self.n
        have = len(self.items)
        if need > have:
            first = have // self.n
            count = max(-(-(need - have) // self.n), _ROUND_BLOCK)
            more = round_order(self.key, self.department_id, range(first, first + count), self.n).ravel()
            self.items = np.concatenate([self.items, more])

    def take(self, length: int) -> np.ndarray:
        """The next ``length`` positions in line (without moving on)."""
        self._ensure(length)
        return self.items[self.head:self.head + length]

    def advance(self, length: int) -> None:
        self.head += length

    def next(self) -> int:
        self._ensure(1)
        x = int(self.items[self.head])
        self.head += 1
        return x


def _withdrawals(picked: _Picked, spec: DrawSpec) -> dict[int, set[int]]:
    """Pick number -> ids of the inspectors (of any department) who must withdraw for that entity."""
    av = spec.avoidance
    number_of = {e: number for number, e in enumerate(picked.entity_ids)}
    out: dict[int, set[int]] = {}
    for inspector, entity in av.conflicts:
        number = number_of.get(entity)
        if number is not None:
            out.setdefault(number, set()).add(inspector)
    last = av.last_inspectors
    if len(last) < len(number_of):
        hits = [(number_of[e], ids) for e, ids in last.items() if e in number_of]
    else:
        hits = [(number, last[e]) for e, number in number_of.items() if e in last]
    for number, ids in hits:
        if ids:
            out.setdefault(number, set()).update(ids)
    if av.same_village and picked.villages is not None:
        by_village: dict[str, set[int]] = {}
        for rule in spec.departments:
            for ref in rule.inspectors:
                if ref.village:
                    by_village.setdefault(ref.village, set()).add(ref.id)
        for number, village in enumerate(picked.villages):
            if village in by_village:
                out.setdefault(number, set()).update(by_village[village])
    return out


def _no_team_problem(rule: DepartmentRule, entity_id: int, uscc: str, free: int) -> Problem:
    d = rule.department_id
    return Problem(
        "no_team_after_avoidance", RULE_AVOIDANCE,
        f"部门 {d} 为市场主体 {uscc}（编号 {entity_id}）回避后只剩 {max(free, 0)} 名检查人员，"
        f"不足每组 {rule.team_size} 名 (department {d}: after withdrawals only {max(free, 0)} inspectors remain "
        f"for entity {entity_id} (USCC {uscc}), a team needs {rule.team_size})",
        f"department {d}, entity {entity_id}")
