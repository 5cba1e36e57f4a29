"""Fairness of the early warnings: do towns, industries, entity types and inspectors get the
warnings their outcomes justify?

A model can be unequal across districts and inspectors (a later study of Chicago's food-
inspection forecasting found so), so the warnings of the newest model are compared, group by
group, with what the group's inspections found:

- each group *g* has ``n_g`` active entities and, over the outcome period (the two years up to
  today), a failure rate ``r_g`` among its inspected entities (smoothed towards the city's
  rate with ``PRIOR`` pseudo-inspections, so a small group is not judged on three visits);
- if warnings followed outcomes, *g*'s share of the ``W`` warnings would be
  ``p_g = n_g r_g / sum_h n_h r_h``: it expects ``E_g = W p_g`` warnings;
- *g* is flagged when its warnings ``w_g`` depart from ``E_g`` by more than ``RATIO``
  (either way) and a two-sided binomial test of ``w_g ~ Bin(W, p_g)`` rejects at
  ``ALPHA`` divided by the number of groups tested (Bonferroni). SciPy's exact test when
  SciPy is installed, else the normal approximation.

A group's "inspector" is the one who made the entity's last double-random visit (each inspector
of that visit), so a flagged inspector is one whose entities are warned out of proportion with
what inspections of them found.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from core.db.database import Database
from core.db.models import CreditWarning, Industry, Inspector, Town

from .features import _raw, eligible, load_entities, snapshots
from .warning import TYPE_NAMES

PRIOR = 20.0          # pseudo-inspections at the city's failure rate
RATIO = 1.5           # flagged beyond this many times (or below 1/RATIO of) the expected warnings
ALPHA = 0.05          # family-wise, Bonferroni over the groups tested
MIN_EXPECTED = 5.0    # a group expecting fewer warnings (and getting fewer) is not tested
OUTCOME_YEARS = 2
DIMENSIONS = {
    "town": ("镇街", "town"),
    "industry": ("行业", "industry"),
    "entity_type": ("主体类型", "entity type"),
    "inspector": ("最近一次检查的执法人员", "inspector of the last visit"),
}


@dataclass(frozen=True)
class GroupRate:
    """One group's warnings against what its outcomes justify."""

    dimension: str
    group: str
    zh: str
    en: str
    entities: int
    warnings: int
    inspected: int
    failed: int
    failure_rate: float
    expected: float
    ratio: float
    p_value: float
    flagged: bool

    @property
    def warning_rate(self) -> float:
        return self.warnings / self.entities if self.entities else 0.0


@dataclass(frozen=True)
class FairnessReport:
    model_version: str | None
    warnings: int
    outcome_from: dt.date
    until: dt.date
    groups: list[GroupRate]

    @property
    def flagged(self) -> list[GroupRate]:
        return [g for g in self.groups if g.flagged]


def binomial_p(k: int, n: int, p: float) -> float:
    """Two-sided p-value of ``k`` successes in ``n`` trials of probability ``p``."""
    if n == 0 or p <= 0 or p >= 1:
        return 1.0 if (p <= 0 and k == 0) or (p >= 1 and k == n) or n == 0 else 0.0
    try:
        from scipy.stats import binomtest
    except ImportError:  # the normal approximation, continuity-corrected
        sd = math.sqrt(n * p * (1 - p))
        z = max(abs(k - n * p) - 0.5, 0.0) / sd
        return math.erfc(z / math.sqrt(2))
    return float(binomtest(k, n, p).pvalue)


def _judge(dimension: str, keys: list[str], labels: dict[str, tuple[str, str]], members: np.ndarray,
           group_of: np.ndarray, warned: np.ndarray, inspected: np.ndarray, failed: np.ndarray,
           city_rate: float) -> list[dict]:
    """Per group of one dimension: counts and the expected warnings' weight (n_g * r_g)."""
    size = len(keys)
    g = group_of[members]
    n = np.bincount(g, minlength=size)
    w = np.bincount(g, weights=warned[members], minlength=size)
    i = np.bincount(g, weights=inspected[members], minlength=size)
    f = np.bincount(g, weights=(inspected & failed)[members], minlength=size)
    rate = (f + PRIOR * city_rate) / (i + PRIOR)
    return [{"dimension": dimension, "group": keys[j], "zh": labels.get(keys[j], (keys[j], keys[j]))[0],
             "en": labels.get(keys[j], (keys[j], keys[j]))[1], "entities": int(n[j]), "warnings": int(w[j]),
             "inspected": int(i[j]), "failed": int(f[j]), "failure_rate": float(rate[j]), "weight": float(n[j] * rate[j])}
            for j in range(size) if n[j]]


def fairness_report(db: Database, today: dt.date | None = None) -> FairnessReport:
    """Warning rates of the newest model's warnings by town, industry, entity type and inspector."""
    today = today or dt.date.today()
    until = today + dt.timedelta(days=1)
    start = until - dt.timedelta(days=365 * OUTCOME_YEARS)
    with db.sessions() as s:
        version = s.scalar(select(CreditWarning.model_version).order_by(CreditWarning.created_at.desc(),
                                                                         CreditWarning.id.desc()).limit(1))
        warned_ids = list(s.scalars(select(CreditWarning.entity_id).where(CreditWarning.model_version == version)))
        towns = {t.code: (t.name_zh, t.name_en) for t in s.scalars(select(Town))}
        industries = {i.code: (i.name_zh, i.name_en) for i in s.scalars(select(Industry))}
        inspectors = {str(i.id): (i.name, i.name) for i in s.scalars(select(Inspector))}
    with db.engine.connect() as conn:
        ents = load_entities(conn)
        (snap,) = snapshots(conn, ents, [(start, until)])
        last = _last_inspectors(conn, ents, until)
    warned = np.zeros(len(ents), dtype=bool)
    if warned_ids:
        warned[ents.position(np.array(warned_ids, dtype=np.int64))] = True
    members = np.flatnonzero(eligible(ents, until) | warned)
    inspected, failed = snap.inspected, snap.failed
    city_rate = float((inspected & failed)[members].sum() / max(inspected[members].sum(), 1))
    rows: list[dict] = []
    rows += _judge("town", ents.towns, towns, members, ents.town, warned, inspected, failed, city_rate)
    rows += _judge("industry", ents.industry_codes, industries, members, ents.industry_class, warned, inspected,
                   failed, city_rate)
    rows += _judge("entity_type", ents.types, TYPE_NAMES, members, ents.entity_type, warned, inspected, failed,
                   city_rate)
    in_scope = np.isin(last[0], members)
    pos, who = last[0][in_scope], last[1][in_scope]
    trials = {"inspector": int(warned[pos].sum())}  # an entity counts once per inspector of its last visit
    if len(pos):
        keys = sorted({str(i) for i in who.tolist()})
        index = {k: j for j, k in enumerate(keys)}
        group_of = np.array([index[str(i)] for i in who.tolist()], dtype=np.int64)
        rows += _judge("inspector", keys, inspectors, np.arange(len(pos)), group_of, warned[pos], inspected[pos],
                       failed[pos], city_rate)
    total = len(warned_ids)
    weights: dict[str, float] = {}
    for r in rows:
        weights[r["dimension"]] = weights.get(r["dimension"], 0.0) + r["weight"]
    for r in rows:
        r["share"] = r.pop("weight") / weights[r["dimension"]] if weights[r["dimension"]] else 0.0
        r["trials"] = trials.get(r["dimension"], total)
    tested = [r for r in rows if r["trials"] and (r["trials"] * r["share"] >= MIN_EXPECTED
                                                  or r["warnings"] >= MIN_EXPECTED)]
    threshold = ALPHA / max(len(tested), 1)
    groups = []
    for r in rows:
        share, n = r.pop("share"), r.pop("trials")
        expected = n * share
        ratio = r["warnings"] / expected if expected else (math.inf if r["warnings"] else 1.0)
        p = binomial_p(r["warnings"], n, share) if n else 1.0
        testable = n and (expected >= MIN_EXPECTED or r["warnings"] >= MIN_EXPECTED)
        flag = bool(testable and p < threshold and (ratio > RATIO or ratio < 1 / RATIO))
        groups.append(GroupRate(**r, expected=expected, ratio=ratio, p_value=p, flagged=flag))
    return FairnessReport(version, total, start, until, groups)


def _last_inspectors(conn, ents, until: dt.date) -> tuple[np.ndarray, np.ndarray]:
    """(entity position, inspector id) for each inspector of each entity's last visit before ``until``."""
    rows = _raw(conn, "SELECT t.entity_id, ti.inspector_id, t.done_on, t.id FROM inspection_tasks t "
                      "JOIN task_inspectors ti ON ti.task_id = t.id WHERE t.done_on IS NOT NULL")
    if not rows:
        empty = np.array([], dtype=np.int64)
        return empty, empty
    entity = np.array([r[0] for r in rows], dtype=np.int64)
    inspector = np.array([r[1] for r in rows], dtype=np.int64)
    day = np.array([str(r[2])[:10] for r in rows], dtype="datetime64[D]")
    task = np.array([r[3] for r in rows], dtype=np.int64)
    keep = day < np.datetime64(until, "D")
    entity, inspector, day, task = entity[keep], inspector[keep], day[keep], task[keep]
    # The last visit per entity: the greatest (day, task id); all its inspectors.
    order = np.lexsort((task, day, entity))
    entity, inspector, day, task = entity[order], inspector[order], day[order], task[order]
    last_task = np.zeros(len(entity), dtype=np.int64)
    ends = np.r_[np.flatnonzero(entity[1:] != entity[:-1]), len(entity) - 1]
    starts = np.r_[0, ends[:-1] + 1]
    for_entity = np.repeat(task[ends], ends - starts + 1)
    last_task[:] = for_entity
    sel = task == last_task
    return ents.position(entity[sel]), inspector[sel]
