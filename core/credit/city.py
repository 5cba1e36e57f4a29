"""Scores for the whole city, or a few entities, written to ``market_entities.risk_class``.

The computed class (or the imported official one, which overrides it) is what draws,
map colours and lists read; it is written only where it changed.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, update
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import CreditRuleSet
from core.db.models.base import utcnow
from core.db.uow import UnitOfWork

from .rules import CLASSES, RuleSet
from .scoring import move_matrix, score
from .store import (
    active_rules, apply_overrides, arrays_for, day_number, entity_classes, load_records, official_classes,
    write_classes,
)
from .sync import sync_timeline

TOUCH_LIMIT = 5000
"""Above this many changed entities a scoring announces "everything" instead of a list of ids."""


@dataclass(frozen=True)
class CityScores:
    """Scores and classes of a set of entities under one rule set (arrays share one order)."""

    entity_ids: np.ndarray
    scores: np.ndarray
    classes: np.ndarray          # 0-3 for A-D, official overrides applied
    overridden: np.ndarray       # bool: the class is the imported official one
    before: np.ndarray           # class in market_entities before this scoring
    rules_version: int
    as_of: dt.date

    @property
    def matrix(self) -> list[list[int]]:
        """Entities from each class (rows A-D, before) to each class (columns, after)."""
        return move_matrix(self.before, self.classes)

    @property
    def changed(self) -> int:
        return int((self.before != self.classes).sum())

    def counts(self) -> dict[str, int]:
        return {c: int(n) for c, n in zip(CLASSES, np.bincount(self.classes, minlength=4))}

    def class_of(self, entity_id: int) -> str:
        i = int(np.searchsorted(self.entity_ids, entity_id))
        return CLASSES[self.classes[i]]


def compute(conn: Connection, rules: RuleSet, as_of: dt.date,
            entity_ids: Sequence[int] | None = None) -> CityScores:
    """Score ``entity_ids`` (None: all) with ``rules`` on ``as_of``; nothing is written."""
    ids, before = entity_classes(conn, entity_ids)
    owners, cols = load_records(conn, None if entity_ids is None else ids.tolist())
    records = arrays_for(ids, owners, cols)
    scores, cls = score(rules, records, len(ids), day_number(as_of))
    overridden = apply_overrides(ids, cls, official_classes(conn, None if entity_ids is None else ids.tolist()))
    return CityScores(ids, scores, cls, overridden, before, rules.version, as_of)


def _write(conn: Connection, result: CityScores) -> np.ndarray:
    moved = result.before != result.classes
    write_classes(conn, result.entity_ids[moved], result.classes[moved])
    return result.entity_ids[moved]


def rescore(session: Session, entity_ids: Sequence[int], as_of: dt.date | None = None) -> dict[int, str]:
    """Score ``entity_ids`` again inside the caller's transaction; returns id -> new class of those that moved.

    The services that write a credit record call it, so a class follows its record at once.
    """
    conn = session.connection()
    sync_timeline(conn, entity_ids)
    result = compute(conn, active_rules(session), as_of or utcnow().date(), entity_ids)
    moved = _write(conn, result)
    return {int(i): result.class_of(int(i)) for i in moved}


def score_city(db: Database, actor: str | None, *, as_of: dt.date | None = None, apply: bool = True,
               rules: RuleSet | None = None,
               progress: Callable[[float, str], None] = lambda f, m: None) -> CityScores:
    """Score every entity with ``rules`` (default: the active ones); with ``apply`` write the classes.

    New timeline facts become credit records first. Applying needs ``credit.manage`` and is
    audited with the move matrix; ``actor=None`` is a system job (the demo, a benchmark).
    """
    day = as_of or utcnow().date()
    unit = db.bootstrap_uow("credit-scoring") if actor is None else db.uow(actor)
    with unit as uow:
        if actor is not None:
            uow.require("credit.manage" if apply else "risk.read")
        if not apply:
            conn = uow.session.connection()
            return compute(conn, rules or active_rules(uow.session), day, None)
        result = score_city_in(uow, rules or active_rules(uow.session), day, progress)
        uow.commit()
        progress(1.0, "done")
        return result


def score_city_in(uow: UnitOfWork, rules: RuleSet, day: dt.date,
                  progress: Callable[[float, str], None] = lambda f, m: None) -> CityScores:
    """Sync, score and write the whole city inside ``uow`` (audited; the caller commits)."""
    conn = uow.session.connection()
    progress(0.05, "sync")
    added = sync_timeline(conn)
    progress(0.3, "score")
    result = compute(conn, rules, day, None)
    progress(0.7, "write")
    moved = _write(conn, result)
    if rules.version:
        uow.session.execute(update(CreditRuleSet).where(CreditRuleSet.version == rules.version)
                            .values(applied_at=utcnow()))
    uow.audit("credit.score_city", "credit_rule_set", rules.version, after={
        "as_of": day.isoformat(), "records_added": added, "changed": int(len(moved)),
        "matrix": result.matrix, "counts": result.counts()})
    if len(moved) > TOUCH_LIMIT:
        uow.touch("everything")
    elif len(moved):
        uow.touch("entities", moved.tolist())
    return result
