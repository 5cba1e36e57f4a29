"""Scores and classes from credit records: pure numpy, no database.

Dates are whole days since 1970-01-01 (``NO_DAY`` where there is none), so a city's
records are a few integer arrays and a score is one ``bincount``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .kinds import KINDS
from .rules import CLASSES, RuleSet

NO_DAY = np.iinfo(np.int32).max
KIND_INDEX = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class RecordArrays:
    """Credit records as parallel arrays (one element per record)."""

    owner: np.ndarray        # index of the record's entity in the scored entity array
    kind: np.ndarray         # index into KINDS (-1: a kind the rules do not know)
    day: np.ndarray          # occurred_on
    valid_until: np.ndarray  # NO_DAY: the kind's default validity
    ended: np.ndarray        # NO_DAY: still on the list
    repaired: np.ndarray     # NO_DAY: not repaired


def end_days(rules: RuleSet, r: RecordArrays) -> np.ndarray:
    """The first day each record no longer counts."""
    default = np.array([NO_DAY if rules.validity_days.get(k) is None else rules.validity_days[k]
                        for k in KINDS] + [NO_DAY], dtype=np.int64)
    by_kind = default[r.kind]
    validity = np.where(by_kind == NO_DAY, NO_DAY, r.day.astype(np.int64) + by_kind)
    validity = np.where(r.valid_until != NO_DAY, r.valid_until, validity)
    return np.minimum(np.minimum(validity, r.ended), r.repaired)


def contributions(rules: RuleSet, r: RecordArrays, as_of: int) -> tuple[np.ndarray, np.ndarray]:
    """(in force, weighted contribution after decay) of each record on day ``as_of``."""
    weights = np.array([rules.weight(k) for k in KINDS] + [0.0])
    live = (r.day <= as_of) & (end_days(rules, r) > as_of)
    age = np.maximum(as_of - r.day.astype(np.int64), 0)
    value = weights[r.kind] * np.exp2(-age / rules.half_life_days)
    return live, np.where(live, value, 0.0)


def score(rules: RuleSet, r: RecordArrays, n_entities: int, as_of: int) -> tuple[np.ndarray, np.ndarray]:
    """(score, class index 0-3 for A-D) of each of ``n_entities`` entities."""
    live, value = contributions(rules, r, as_of)
    scores = rules.base + np.bincount(r.owner, weights=value, minlength=n_entities)
    t = rules.thresholds
    cls = np.where(scores >= t["A"], 0, np.where(scores >= t["B"], 1, np.where(scores >= t["C"], 2, 3))).astype(np.int8)
    floor_of = np.array([CLASSES.index(rules.floors[k]) if k in rules.floors else 0 for k in KINDS] + [0],
                        dtype=np.int8)
    floors = floor_of[r.kind]
    hit = live & (floors > 0)
    if hit.any():
        worst = np.zeros(n_entities, dtype=np.int8)
        np.maximum.at(worst, r.owner[hit], floors[hit])
        cls = np.maximum(cls, worst)
    return scores, cls


def move_matrix(before: np.ndarray, after: np.ndarray) -> list[list[int]]:
    """4x4 counts: row = class before (A-D), column = class after."""
    counts = np.bincount(before.astype(np.int64) * 4 + after.astype(np.int64), minlength=16)
    return counts.reshape(4, 4).tolist()
