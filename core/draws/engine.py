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

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

import numpy as np

from ._gc import gc_paused
from .commitment import check_commitment
from .rfc3797 import key_string, select_positions
from .spec import RULE_RANDOMNESS, STRATA, DrawRefused, DrawSpec, Problem, _validate, stratum_letters
from .teams import department_teams, round_order, withdrawals

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


def _randomness_fault(r: Randomness) -> str:
    """Which of :func:`draw_key`'s refusals ``r`` meets (the UI words it by this)."""
    if r.kind == "rfc3797":
        return "sources"
    if r.kind != "seed":
        return "kind"
    if not r.seed:
        return "empty_seed"
    return "seed_mismatch" if r.commitment else "no_commitment"


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
    letters = stratum_letters(spec.pool)
    problems = _validate(spec, list(map(attrgetter("uscc"), spec.pool)), letters)
    # The codes' list is gone now: had it lived through the draw, the collection that
    # follows it would walk its 10^6 references (a cache miss each) for nothing.
    try:
        key = draw_key(randomness)
    except (TypeError, ValueError) as exc:
        problems.append(Problem("bad_randomness", RULE_RANDOMNESS, str(exc), "randomness",
                                params={"variant": _randomness_fault(randomness)}))
    if problems:
        raise DrawRefused(problems)
    with gc_paused():
        return _draw(spec, key, letters or "")


def draw_with_key(spec: DrawSpec, key: str) -> DrawOutcome:
    """The draw itself on a given key (``spec`` assumed valid: see :func:`validate`)."""
    with gc_paused():
        return _draw(spec, key, stratum_letters(spec.pool) or "")


def _draw(spec: DrawSpec, key: str, letters: str) -> DrawOutcome:
    # The strata come as one string (one pass in order over the pool); everything else is
    # read from the drawn entries only.
    pool = spec.pool
    codes = np.frombuffer(letters.encode("ascii"), dtype=np.uint8)
    positions: list[np.ndarray] = []
    strata: list[StratumStats] = []
    for stratum in STRATA:
        candidates = np.flatnonzero(codes == ord(stratum))
        size = len(candidates)
        k = spec.sampling.count_for(stratum, size)
        positions.append(candidates[select_positions(key + stratum + "/", size, k)])
        strata.append(StratumStats(stratum, size, k))
    entries = list(map(pool.__getitem__, np.concatenate(positions).tolist()))
    entity_ids = list(map(attrgetter("entity_id"), entries))
    usccs = list(map(attrgetter("uscc"), entries))
    villages = list(map(attrgetter("village"), entries)) if spec.avoidance.same_village else None
    avoid = withdrawals(spec, entity_ids, usccs, villages)
    team_lists: list[list[tuple[int, ...]]] = []
    load: dict[int, int] = {}
    alternates = 0
    for rule, avoid_at in zip(spec.departments, avoid):
        teams, dept_load, skipped = department_teams(rule, len(entries), avoid_at, key)
        team_lists.append(teams)
        load.update(dept_load)
        alternates += skipped
    department_ids = [rule.department_id for rule in spec.departments]
    team_maps = list(map(dict, map(zip, repeat(department_ids), zip(*team_lists)))) if team_lists else \
        [{} for _ in entries]
    picks = tuple(map(Pick, range(1, len(entries) + 1), entity_ids, usccs, map(attrgetter("stratum"), entries),
                      team_maps))
    return DrawOutcome(key=key, picks=picks, strata=tuple(strata), load=load, alternates=alternates)

