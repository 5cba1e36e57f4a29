"""The early warning's figures (issue 17): how long training takes and how much the model beats
a random ranking and the current class ranking on the held-out period.

``tests/bench/credit_suite.py`` calls :func:`figures`; ``python -m tests.bench.warning_bench_cli``
runs it alone on a database.
"""
from __future__ import annotations

import datetime as dt
import json

from core.db.database import Database

from .warning import DEFAULT_K, train


def demo_today(db: Database) -> dt.date:
    """The demo city's "as of" day (its data ends there), else today."""
    spec = db.meta().get("demo_spec")
    if spec:
        return dt.date.fromisoformat(json.loads(spec)["as_of"])
    return dt.date.today()


def figures(db: Database, *, today: dt.date | None = None, k: int = DEFAULT_K) -> dict:
    """train_s (features + fit), precision at ``k`` of the model and the two baselines, lifts."""
    today = today or demo_today(db)
    with db.engine.connect() as conn:
        trained = train(conn, today, k=k)
    e = trained.evaluation
    return {
        "train_s": round(trained.train_s, 2),  # features of three cutoffs from the database + the fit
        **trained.details,
        "train_rows": trained.train_rows,
        "k": e.k,
        "evaluated": e.evaluated,
        "failed": e.failed,
        "precision_at_k": round(e.precision_at_k, 4),
        "random_precision_at_k": round(e.random_precision_at_k, 4),
        "class_precision_at_k": round(e.class_precision_at_k, 4),
        "lift_over_random": round(e.lift_over_random, 3),
        "lift_over_class": round(e.lift_over_class, 3),
        "model_version": trained.model.version,
        "eval_from": trained.periods.eval_from.isoformat(),
        "until": trained.periods.until.isoformat(),
    }
