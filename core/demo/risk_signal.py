"""Signal planted in the demo city for the early-warning model (issue 17) to find.

Left alone, the demo's inspection outcomes are coin tosses (each checklist item fails with
probability 5 %, each timeline inspection record picks its outcome uniformly), so no model
could beat a random ranking. This module plants a hidden trait, from a random stream of its
own (``STREAM_RISK``), so nothing else in the city shifts (same entities, records, draws and
rolls; only some outcomes change):

- **Problem entities.** Each entity is a *problem entity* with probability
  ``sigmoid(BASE + COMPLAINT_W * min(complaints, 4) + PENALTY_W * min(penalties, 3)
  + VILLAGE_W * troubled_village)``: its complaint and penalty records (made before, from
  the records stream) and its village make it likelier. About 8 % of entities are.
- **Troubled villages.** ``TROUBLED_SHARE`` of the villages (a market building with problems)
  raise the odds of every entity in them, so the neighbourhood's failure rate is a signal.
- **Problem entities fail again.** Each of their timeline inspection records
  (``entity_records`` kind ``inspection``) shows a problem found with probability
  ``RECORD_FAIL`` (else the record keeps its drawn outcome, which finds a problem 2 times in
  7), and each checklist item of their double-random inspection tasks fails with probability
  ``ITEM_FAIL`` instead of 5 %.

So an entity whose past inspections found problems, with complaints and penalties, in a
village whose inspected entities often fail, fails its next inspection more often: the
history predicts the outcome, through a trait no column stores. The risk class is left as
generated (it scales the number of complaints and penalties, so it predicts a little).

What the model finds on the full demo city (1.2 M entities; ``python -m
tests.bench.warning_bench_cli``): of the 1,000 entities it ranks first among the 274,807
inspected in the held-out year, 96 % had an inspection that found a problem, against 41 % for
a random ranking and 61 % for the class ranking (D first).
"""
from __future__ import annotations

import numpy as np

from .spec import STREAM_RISK, DemoSpec

BASE = -3.6
COMPLAINT_W = 1.0
PENALTY_W = 0.6
VILLAGE_W = 1.3
TROUBLED_SHARE = 0.12
RECORD_FAIL = 0.9
ITEM_FAIL = 0.22       # per checklist item of a problem entity (others: 0.05)
NORMAL_ITEM_FAIL = 0.05
FAIL_OUTCOMES = ("发现问题，已责令整改", "发现问题，已立案调查")
_VILLAGES = 1_000_003  # the stream's "chunk" number that draws the villages (no chunk has it)


def troubled_villages(spec: DemoSpec, n_villages: int) -> np.ndarray:
    """Whether each village (in the generator's village order) is troubled."""
    return spec.rng(STREAM_RISK, _VILLAGES).random(n_villages) < TROUBLED_SHARE


def plant_chunk(spec: DemoSpec, chunk: int, entity_ids: np.ndarray, village_idx: np.ndarray,
                records: list[list], troubled: np.ndarray) -> np.ndarray:
    """Choose the chunk's problem entities and fail their inspection records (``records``, the
    columns of :func:`core.demo.records.generate_records`, is changed in place); returns the flags."""
    rng = spec.rng(STREAM_RISK, chunk)
    owners = np.asarray(records[0], dtype=np.int64) - int(entity_ids[0])  # ids are consecutive per chunk
    kinds = np.asarray(records[1], dtype=object)
    n = len(entity_ids)
    complaints = np.bincount(owners[kinds == "complaint"], minlength=n)
    penalties = np.bincount(owners[kinds == "penalty"], minlength=n)
    logit = (BASE + COMPLAINT_W * np.minimum(complaints, 4) + PENALTY_W * np.minimum(penalties, 3)
             + VILLAGE_W * troubled[village_idx])
    problem = rng.random(n) < 1.0 / (1.0 + np.exp(-logit))
    inspections = np.flatnonzero((kinds == "inspection") & problem[owners])
    fails = inspections[rng.random(len(inspections)) < RECORD_FAIL]
    picks = rng.integers(0, len(FAIL_OUTCOMES), len(fails))
    outcome = records[6]
    for row, pick in zip(fails.tolist(), picks.tolist()):
        outcome[row] = FAIL_OUTCOMES[pick]
    return problem


def item_fail_p(problem: np.ndarray) -> np.ndarray:
    """The probability that one checklist item fails, per entity position."""
    return np.where(problem, ITEM_FAIL, NORMAL_ITEM_FAIL)
