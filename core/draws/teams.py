"""The inspectors of a draw: each department's line, and a team per drawn entity taken from it.

The rule is in ``engine.py`` (and ``README.md`` section 3); this module computes it for a
batch at a time. Most teams are simply the next ``team_size`` in line: those are found
as stretches of slices and read out of the line with numpy. Only the picks where someone
must withdraw, someone waits from an earlier pick, or a slice would hold an inspector
twice (where one round ends and the next begins) are stepped through one by one.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, chain

import numpy as np

from .spec import RULE_AVOIDANCE, DepartmentRule, DrawRefused, DrawSpec, Problem

__all__ = ["department_teams", "round_order", "withdrawals"]

_ROUND_BLOCK = 64  # rounds of priorities computed at least at once
_LOOKAHEAD = 32    # picks with withdrawals looked at at once for one that bites


def round_order(key: str, department_id: int, rounds: range, pool_size: int) -> np.ndarray:
    """Positions (0..pool_size-1) of a department's pool in priority order, one row per round."""
    if pool_size == 0:
        return np.zeros((len(rounds), 0), dtype=np.int64)
    stem = f"{key}inspectors/{department_id}/"
    data = b"".join(hashlib.shake_256(f"{stem}{r}".encode()).digest(8 * pool_size) for r in rounds)
    numbers = np.frombuffer(data, dtype=">u8").reshape(len(rounds), pool_size)
    order = np.argsort(numbers, axis=1)     # equal numbers (unlikely) must keep position order:
    ordered = np.take_along_axis(numbers, order, axis=1)
    ties = np.flatnonzero((ordered[:, 1:] == ordered[:, :-1]).any(axis=1))
    if len(ties):
        order[ties] = np.argsort(numbers[ties], axis=1, kind="stable")
    return order


def withdrawals(spec: DrawSpec, entity_ids: Sequence[int], usccs: Sequence[str],
                villages: Sequence[str | None] | None) -> list[dict[int, set[int]]]:
    """Per department (in ``spec`` order): pick number -> positions (in id order) of its
    inspectors who must withdraw for that pick's entity; refused where too few remain."""
    owner: dict[int, list[tuple[int, int]]] = {}     # inspector id -> (department index, position)
    for d, rule in enumerate(spec.departments):
        for j, i in enumerate(sorted(ref.id for ref in rule.inspectors)):
            owner.setdefault(i, []).append((d, j))
    out: list[dict[int, set[int]]] = [{} for _ in spec.departments]

    def withdraw(number: int, inspectors) -> None:
        for i in inspectors:
            for d, j in owner.get(i, ()):
                out[d].setdefault(number, set()).add(j)

    av = spec.avoidance
    number_of = dict(zip(entity_ids, range(len(entity_ids))))
    for inspector, entity in av.conflicts:
        number = number_of.get(entity)
        if number is not None:
            withdraw(number, (inspector,))
    last = av.last_inspectors
    if len(last) < len(number_of):
        for e, ids in last.items():
            number = number_of.get(e)
            if number is not None:
                withdraw(number, ids)
    else:
        for e, number in number_of.items():
            ids = last.get(e)
            if ids:
                withdraw(number, ids)
    if av.same_village and villages is not None:
        by_village: dict[str, list[int]] = {}
        for rule in spec.departments:
            for ref in rule.inspectors:
                if ref.village:
                    by_village.setdefault(ref.village, []).append(ref.id)
        for number, village in enumerate(villages):
            if village in by_village:
                withdraw(number, by_village[village])
    for rule, avoid_at in zip(spec.departments, out):
        n = len(rule.inspectors)
        short = [number for number, js in avoid_at.items() if n - len(js) < rule.team_size]
        if short:
            number = min(short)
            raise DrawRefused([_no_team_problem(rule, (entity_ids[number], usccs[number]), n - len(avoid_at[number]))])
    return out


def department_teams(rule: DepartmentRule, picks: int, avoid_at: dict[int, set[int]],
                     key: str) -> tuple[list[tuple[int, ...]], dict[int, int], int]:
    """Teams of one department for ``picks`` picks, each inspector's load, and the alternates taken."""
    ids = sorted(ref.id for ref in rule.inspectors)
    n, size = len(ids), rule.team_size
    events = sorted(avoid_at)
    # The withdrawals as (event, position) pairs in event order, to find the first that bites.
    event_at = np.asarray(events, dtype=np.int64)
    pair_from = [0, *accumulate(len(avoid_at[e]) for e in events)]
    pair_event = np.repeat(np.arange(len(events), dtype=np.int64), np.diff(pair_from))
    pair_position = np.fromiter(chain.from_iterable(avoid_at[e] for e in events), np.int64, count=pair_from[-1])
    line = _Line(key, rule.department_id, n, size, picks * size)
    stretches: list[tuple[int, int, int]] = []      # (first pick, picks, line position of its team)
    stepped: list[int] = []                         # picks stepped through one by one ...
    stepped_teams: list[list[int]] = []             # ... and their teams (positions)
    waiting: list[int] = []     # reached in line but skipped; they stay first in line, in line order
    skipped = 0
    head = number = upcoming = 0
    while number < picks:
        if not waiting:
            # A stretch: slices up to the first that holds someone twice, or that holds
            # someone who must withdraw for its pick (looking at the next few such picks).
            upcoming = bisect_left(events, number, upcoming)
            last = min(upcoming + _LOOKAHEAD, len(events))
            stop = events[last] if last < len(events) else picks
            line.ensure(head + size * (stop - number))
            good = min(stop - number, line.clean_slices(head))
            if upcoming < last and events[upcoming] < number + good:
                a, b = pair_from[upcoming], pair_from[last]
                at = head + (event_at[pair_event[a:b]] - number) * size
                bites = (line.array[at[:, None] + np.arange(size)] == pair_position[a:b, None]).any(axis=1)
                if bites.any():
                    good = min(good, events[int(pair_event[a + int(np.argmax(bites))])] - number)
            if good:
                stretches.append((number, good, head))
                head += good * size
                number += good
                if number == stop:
                    continue
        avoid = avoid_at.get(number)
        line.ensure(head + size)
        array = line.array
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
            x = int(array[head])
            head += 1
            if x in team:
                kept.append(x)
            elif avoid and x in avoid:
                skipped += 1
                kept.append(x)
            else:
                team.append(x)
        waiting = kept
        stepped.append(number)
        stepped_teams.append(team)
        number += 1
    members = np.empty((picks, size), dtype=np.int64)      # positions, one row per pick
    if stretches:
        first, count, at = (np.asarray(c, dtype=np.int64) for c in zip(*stretches))
        within = np.arange(int(count.sum()), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
        starts = np.repeat(at, count) + within * size
        members[np.repeat(first, count) + within] = line.array[starts[:, None] + np.arange(size)]
    if stepped:
        members[stepped] = stepped_teams
    load = np.bincount(members.ravel(), minlength=n)
    return _team_tuples(np.asarray(ids, dtype=np.int64), members), dict(zip(ids, load.tolist())), skipped


def _team_tuples(ids: np.ndarray, members: np.ndarray) -> list[tuple[int, ...]]:
    """Each row of positions as a tuple of inspector ids; equal teams share one tuple."""
    n, size = len(ids), members.shape[1]
    if not len(members) or n ** size > max(1 << 20, 4 * len(members)):    # too many teams to list
        return list(map(tuple, ids[members].tolist()))
    number = members @ (n ** np.arange(size, dtype=np.int64))      # a team's number, in base n
    seen = np.zeros(n ** size, dtype=bool)
    seen[number] = True
    distinct = np.flatnonzero(seen)
    index = np.empty(n ** size, dtype=np.int64)
    index[distinct] = np.arange(len(distinct))
    rows = distinct[:, None] // n ** np.arange(size, dtype=np.int64) % n
    tuples = list(map(tuple, ids[rows].tolist()))
    return list(map(tuples.__getitem__, index[number].tolist()))


class _Line:
    """A department's line: round 0's order, then round 1's, ... (positions), made as needed.

    ``array`` holds it; ``_bad[h % size]`` lists the starts h whose slice of ``size`` would hold an inspector twice.
    """

    def __init__(self, key: str, department_id: int, n: int, size: int, expected: int) -> None:
        self.key, self.department_id, self.n, self.size = key, department_id, n, size
        self.array = np.zeros(0, dtype=np.int64)
        self._bad: list[list[int]] = [[] for _ in range(size)]
        self.ensure(expected)

    def ensure(self, length: int) -> None:
        """Make the line at least ``length`` long and two rounds more: enough for any team to
        skip what it must and still fill up (two rounds in a row hold a whole round)."""
        need = length + 2 * self.n
        have = len(self.array)
        if need <= have:
            return
        first = have // self.n
        count = max(-(-(need - have) // self.n), _ROUND_BLOCK)
        rounds = round_order(self.key, self.department_id, range(first, first + count), self.n)
        self.array = np.concatenate([self.array, rounds.ravel()])
        self._find_bad_starts()

    def _find_bad_starts(self) -> None:
        # An inspector is twice in a slice only across a round's end: at p in a round and at
        # q in the next with q - p < size; then every start in [q - size + 1, p] is bad.
        n, size = self.n, self.size
        rounds = self.array.reshape(-1, n)
        place = np.empty_like(rounds)       # place[m, j]: where inspector j stands in round m
        np.put_along_axis(place, rounds, np.arange(n, dtype=np.int64)[None, :], axis=1)
        gap = n + place[1:] - place[:-1]
        bad: list[list[int]] = [[] for _ in range(size)]
        for m, j in zip(*np.nonzero(gap < size)):
            p = int(m) * n + int(place[m, j])
            q = p + int(gap[m, j])
            for h in range(max(q - size + 1, 0), p + 1):
                bad[h % size].append(h)
        self._bad = [sorted(b) for b in bad]

    def clean_slices(self, head: int) -> int:
        """How many slices of ``size`` in a row from ``head`` hold nobody twice (a large number if all)."""
        starts = self._bad[head % self.size]
        i = bisect_left(starts, head)
        return (starts[i] - head) // self.size if i < len(starts) else len(self.array)


def _no_team_problem(rule: DepartmentRule, entity: tuple[int, str], free: int) -> Problem:
    d = rule.department_id
    entity_id, uscc = entity
    return Problem(
        "no_team_after_avoidance", RULE_AVOIDANCE,
        f"部门 {d} 为市场主体 {uscc}（编号 {entity_id}）回避后只剩 {max(free, 0)} 名检查人员，"
        f"不足每组 {rule.team_size} 名 (department {d}: after withdrawals only {max(free, 0)} inspectors remain "
        f"for entity {entity_id} (USCC {uscc}), a team needs {rule.team_size})",
        f"department {d}, entity {entity_id}",
        params={"department": d, "uscc": uscc, "entity": entity_id, "free": max(free, 0), "size": rule.team_size})
