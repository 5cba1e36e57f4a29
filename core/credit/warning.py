"""The early-warning model ("靶向"监管): rank entities for attention from their history.

A regularised logistic regression (scikit-learn) on the features of
:mod:`core.credit.features`, trained on one period and evaluated on the next, held out:

- *train*: features as of ``today - 2 years``, label "an inspection in the following year
  found a problem", over the entities inspected in that year;
- *evaluate*: features as of ``today - 1 year``, the same label over the last year, never
  seen in training. Precision at the top ``k`` (``k`` inspections a center can make) is
  compared with a random ranking (its expected precision is the base rate) and with the
  current class ranking (D first, then C, B, A; ties in random order, so its expected
  precision is computed exactly);
- *score*: features as of today, for every active entity.

The town is no feature either: where an entity is enters through the failure rate of the
inspected entities of its village (outcomes, not a place's name). With a town dummy the top
of the ranking crowded into a few towns beyond what their outcomes justify (the fairness
view flagged eight of fourteen on the full demo city) and precision did not gain.

The current risk class is *not* a feature: it is today's, computed from records up to today
(the held-out year included), so it would leak the outcome into the evaluation; the model
sees only history before each cutoff. The class ranking stays the baseline to beat.

Every score explains itself: with standardised columns ``z``, the logit is
``intercept + sum(coef_j * z_j)``, and each factor's weight is the sum of ``coef_j * z_j``
over its columns (a one-hot group, e.g. the industry, is one factor). Weights are relative to the
average entity of the training period: positive raises the score, negative lowers it.
The model ranks for attention; it never replaces the uniform random draw.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Connection

from .features import LOGGED, NUMERIC, Entities, Snapshot, eligible, load_entities, snapshots

MODEL_KIND = "lr1"
YEAR = dt.timedelta(days=365)
DEFAULT_K = 1000
MAX_TRAIN_ROWS = 150_000   # a seeded sample above this: the fit's cost stays bounded at full scale
TOP_FACTORS = 6
TYPE_NAMES = {"enterprise": ("企业", "enterprise"), "individual": ("个体工商户", "individual business"),
              "cooperative": ("农民专业合作社", "farmers' cooperative")}


@dataclass(frozen=True)
class Group:
    """One factor: a numeric column or a one-hot group of columns."""

    key: str
    zh: str
    en: str
    columns: tuple[int, ...]


@dataclass(frozen=True)
class Periods:
    """The training window [train_from, eval_from) and the held-out one [eval_from, until)."""

    train_from: dt.date
    eval_from: dt.date
    until: dt.date

    @classmethod
    def ending(cls, today: dt.date) -> "Periods":
        until = today + dt.timedelta(days=1)  # today's inspections count
        return cls(until - 2 * YEAR, until - YEAR, until)


@dataclass
class WarningModel:
    """Standardisation and coefficients of a fitted model, with its factor groups."""

    version: str
    groups: list[Group]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logit(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.coef + self.intercept

    def score(self, x: np.ndarray) -> np.ndarray:
        """The probability that the next inspection finds a problem."""
        return 1.0 / (1.0 + np.exp(-self.logit(x)))

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """(rows, factors): each factor's share of the logit, relative to the average entity."""
        parts = ((x - self.mean) / self.scale) * self.coef
        return np.column_stack([parts[:, list(g.columns)].sum(axis=1) for g in self.groups])


@dataclass(frozen=True)
class Evaluation:
    """Precision at the top ``k`` of the held-out period, for the model and both baselines."""

    k: int
    evaluated: int               # entities inspected in the held-out period
    failed: int                  # of which an inspection found a problem
    precision_at_k: float
    random_precision_at_k: float
    class_precision_at_k: float

    @property
    def lift_over_random(self) -> float:
        return self.precision_at_k / self.random_precision_at_k if self.random_precision_at_k else float("inf")

    @property
    def lift_over_class(self) -> float:
        return self.precision_at_k / self.class_precision_at_k if self.class_precision_at_k else float("inf")


@dataclass
class Trained:
    """A model with how it was made and how it did; ``today`` features score the city."""

    model: WarningModel
    periods: Periods
    evaluation: Evaluation
    train_rows: int
    train_s: float
    entities: Entities
    today: Snapshot
    details: dict = field(default_factory=dict)


def _groups(ents: Entities, town_names: dict[str, tuple[str, str]],
            tag_names: dict[str, tuple[str, str]]) -> tuple[list[Group], list[str]]:
    """The factor groups and, per column, a label of the value the column stands for."""
    groups: list[Group] = []
    labels: list[str] = []
    for key, (zh, en) in NUMERIC.items():
        groups.append(Group(key, zh, en, (len(labels),)))
        labels.append(key)

    def one_hot(key: str, zh: str, en: str, values: list[str]) -> None:
        start = len(labels)
        labels.extend(values)
        groups.append(Group(key, zh, en, tuple(range(start, len(labels)))))

    one_hot("entity_type", "主体类型", "entity type", ents.types)
    one_hot("industry", "行业大类", "industry division", ents.industries)
    for code in ents.tag_codes:
        zh, en = tag_names.get(code, (code, code))
        one_hot(f"tag:{code}", f"监管标签：{zh}", f"tag: {en}", [code])
    return groups, labels


def design(ents: Entities, snap: Snapshot, rows: np.ndarray) -> np.ndarray:
    """The model's input columns (float32) for the entities at positions ``rows``."""
    numeric = snap.numeric[rows].astype(np.float32)
    for j, key in enumerate(NUMERIC):
        if key in LOGGED:
            numeric[:, j] = np.log1p(numeric[:, j])
    blocks = [numeric]
    for codes, size in ((ents.entity_type, len(ents.types)),
                        (ents.industry, len(ents.industries))):
        hot = np.zeros((len(rows), size), dtype=np.float32)
        hot[np.arange(len(rows)), codes[rows]] = 1.0
        blocks.append(hot)
    blocks.append(ents.tags[rows].astype(np.float32))
    return np.hstack(blocks)


def precision_at(scores: np.ndarray, failed: np.ndarray, k: int) -> float:
    """Share of problems among the ``k`` highest scores (ties broken by position)."""
    top = np.argsort(-scores, kind="stable")[:k]
    return float(failed[top].mean()) if k else 0.0


def class_precision_at(risk: np.ndarray, failed: np.ndarray, k: int) -> float:
    """Expected precision of the top ``k`` by class (D first), ties in random order."""
    hits, left = 0.0, k
    for r in (3, 2, 1, 0):
        members = risk == r
        size = int(members.sum())
        if not size or not left:
            continue
        take = min(size, left)
        hits += take * float(failed[members].mean())
        left -= take
    return hits / k if k else 0.0


def evaluate(model: WarningModel, ents: Entities, snap: Snapshot, k: int) -> Evaluation:
    """Precision at ``k`` on ``snap``'s window, over the entities inspected in it."""
    rows = np.flatnonzero(eligible(ents, snap.cutoff) & snap.inspected)
    failed = snap.failed[rows]
    k = min(k, len(rows))
    scores = model.logit(design(ents, snap, rows))
    return Evaluation(k, len(rows), int(failed.sum()), precision_at(scores, failed, k),
                      float(failed.mean()) if len(rows) else 0.0, class_precision_at(ents.risk[rows], failed, k))


def fit(ents: Entities, snap: Snapshot, groups: list[Group], *, seed: int = 17,
        max_rows: int = MAX_TRAIN_ROWS, c: float = 0.5) -> tuple[WarningModel, int]:
    """Fit on the entities inspected in ``snap``'s window; returns the model and the rows used."""
    from sklearn.linear_model import LogisticRegression

    rows = np.flatnonzero(eligible(ents, snap.cutoff) & snap.inspected)
    if len(rows) > max_rows:
        rows = np.sort(np.random.default_rng(seed).choice(rows, size=max_rows, replace=False))
    y = snap.failed[rows]
    if len(rows) < 20 or y.all() or not y.any():
        raise ValueError(f"too little history to train on: {len(rows)} inspected entities, {int(y.sum())} failed")
    x = design(ents, snap, rows).astype(np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=500)
    clf.fit((x - mean) / scale, y)
    coef = clf.coef_[0].astype(np.float64)
    digest = hashlib.sha256(np.round(coef, 6).tobytes()).hexdigest()[:8]
    version = f"{MODEL_KIND}-{snap.until or snap.cutoff:%Y%m%d}-{digest}"  # the day the training window ends
    return WarningModel(version, groups, mean, scale, coef, float(clf.intercept_[0])), len(rows)


def train(conn: Connection, today: dt.date, *, k: int = DEFAULT_K,
          names: tuple[dict, dict] | None = None,
          progress: Callable[[float, str], None] = lambda f, m: None) -> Trained:
    """Features for the three cutoffs in one pass, fit on the first window, evaluate on the second.

    ``names``: (town code -> (zh, en), tag code -> (zh, en)) for the factor labels.
    """
    importlib.import_module("sklearn.linear_model")  # before the clock starts: a cold import takes seconds

    started = time.perf_counter()
    progress(0.05, "entities")
    ents = load_entities(conn)
    periods = Periods.ending(today)
    progress(0.2, "history")
    train_snap, eval_snap, now_snap = snapshots(
        conn, ents, [(periods.train_from, periods.eval_from), (periods.eval_from, periods.until),
                     (periods.until, None)])
    groups, _ = _groups(ents, *(names or ({}, {})))
    features_s = time.perf_counter() - started
    progress(0.6, "fit")
    model, used = fit(ents, train_snap, groups)
    train_s = time.perf_counter() - started
    progress(0.8, "evaluate")
    evaluation = evaluate(model, ents, eval_snap, k)
    return Trained(model, periods, evaluation, used, train_s, ents, now_snap,
                   {"features_s": round(features_s, 2), "fit_s": round(train_s - features_s, 2)})


@dataclass(frozen=True)
class Factor:
    """One reason of a warning: what it is, the entity's value and its weight in the logit.

    A value that words differ by language reads "中文 / English" (:func:`value_in`)."""

    key: str
    zh: str
    en: str
    value: str
    weight: float

    def as_json(self) -> dict:
        return {"key": self.key, "zh": self.zh, "en": self.en, "value": self.value, "weight": round(self.weight, 3)}


def _value(group: Group, x_row: np.ndarray, labels: list[str], raw: np.ndarray) -> str:
    if len(group.columns) == 1 and group.key in NUMERIC:
        j = list(NUMERIC).index(group.key)
        v = float(raw[j])
        if group.key in ("fail_rate", "village_fail_rate"):
            return f"{v:.0%}"
        if group.key == "age_years":
            return f"{v:.1f}"
        if group.key in ("inspected_last_year", "inspected_year_before", "never_inspected"):
            return "是 / yes" if v else "否 / no"
        return f"{v:.0f}"
    if group.key.startswith("tag:"):
        return "有 / yes" if x_row[group.columns[0]] else "无 / no"
    hot = [c for c in group.columns if x_row[c]]
    return labels[hot[0]] if hot else ""


def value_in(value: str, lang: str) -> str:
    """The Chinese or English half of a factor's value ("稠江街道 / Choujiang Subdistrict")."""
    zh, sep, en = str(value).partition(" / ")
    return (zh if lang.startswith("zh") else en) if sep else str(value)


def explain(trained: Trained, rows: np.ndarray, top: int = TOP_FACTORS,
            names: tuple[dict, dict] | None = None) -> list[list[Factor]]:
    """The ``top`` factors (largest weight first, either sign) of each entity at ``rows``."""
    ents, model, snap = trained.entities, trained.model, trained.today
    _, labels = _groups(ents, *(names or ({}, {})))
    x = design(ents, snap, rows)
    parts = model.contributions(x)
    out = []
    for i in range(len(rows)):
        order = np.argsort(-np.abs(parts[i]))[:top]
        factors = []
        for g in order.tolist():
            group = model.groups[g]
            value = _value(group, x[i], labels, snap.numeric[rows[i]])
            if group.key == "entity_type":
                value = " / ".join(TYPE_NAMES.get(value, (value, value)))
            factors.append(Factor(group.key, group.zh, group.en, value, float(parts[i, g])))
        out.append(factors)
    return out


def score_today(trained: Trained, chunk: int = 100_000) -> tuple[np.ndarray, np.ndarray]:
    """(positions, scores) of every active entity as of today, in chunks (bounded memory)."""
    rows = np.flatnonzero(eligible(trained.entities, trained.today.cutoff))
    scores = np.empty(len(rows), dtype=np.float64)
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        scores[start:start + chunk] = trained.model.score(design(trained.entities, trained.today, part))
    return rows, scores
