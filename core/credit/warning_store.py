"""Warnings in the database: a model run stores the top entities with their factors; a person
reviews each before it becomes a clue.

- :func:`run_warnings` trains the model (:mod:`core.credit.warning`), scores every active
  entity as of today and keeps the ``k`` highest as *new* warnings (replacing the new ones of
  the previous run; reviewed ones stay). An entity whose warning is kept in view, or was
  dismissed or made a clue in the last ``QUIET_DAYS`` days, is not warned again. The model's version, periods and held-out precision
  are kept in ``app_meta`` (``warning_model``). Audited.
- :func:`review_warning`: *reviewed* (seen, kept in view), *dismissed*, or *made_clue*: a
  clue (source ``model``) through the clue intake, linked to the warning. Audited,
  rights-checked (``warning.review``; the clue also needs ``clue.intake``).
- :func:`list_warnings` for the roles with ``warning.read`` (the warnings name the risk
  class, so only roles that may see classes read them).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import delete, func, insert, select

from core.db.database import Database
from core.db.models import AppMeta, Clue, ClueSource, CreditWarning, MarketEntity, Tag, Town, WarningStatus
from core.db.models.base import utcnow
from core.errors import NotFound, ValidationError
from core.services.read_scope import read_scope

from .warning import DEFAULT_K, Trained, explain, score_today, train, value_in

META_KEY = "warning_model"
DECISIONS = (WarningStatus.REVIEWED, WarningStatus.DISMISSED, WarningStatus.MADE_CLUE)
OPEN = (WarningStatus.NEW, WarningStatus.REVIEWED)  # a decision may still be taken
SOURCE_REF = "warning-{id}"
QUIET_DAYS = 90  # an entity whose warning was decided this recently is not warned again


@dataclass(frozen=True)
class RunReport:
    version: str
    stored: int
    scored: int
    summary: dict


@dataclass(frozen=True)
class WarningRow:
    id: int
    entity_id: int
    uscc: str
    name: str
    town_code: str
    score: float
    rank: int
    factors: list[dict]
    model_version: str
    status: str
    reviewer: str | None
    reviewed_at: dt.datetime | None
    note: str
    clue_id: int | None


def names(db: Database) -> tuple[dict, dict]:
    """(town code -> (zh, en), tag code -> (zh, en)) for the factors' labels."""
    with db.sessions() as s:
        towns = {t.code: (t.name_zh, t.name_en) for t in s.scalars(select(Town))}
        tags = {t.code: (t.name_zh, t.name_en) for t in s.scalars(select(Tag))}
    return towns, tags


def summary(trained: Trained) -> dict:
    """What a run says about its model (kept in app_meta, printed by the CLI)."""
    e, p = trained.evaluation, trained.periods
    return {
        "version": trained.model.version, "train_from": p.train_from.isoformat(),
        "eval_from": p.eval_from.isoformat(), "until": p.until.isoformat(), "train_rows": trained.train_rows,
        "train_s": round(trained.train_s, 2), "k": e.k, "evaluated": e.evaluated, "failed": e.failed,
        "precision_at_k": round(e.precision_at_k, 4), "random_precision_at_k": round(e.random_precision_at_k, 4),
        "class_precision_at_k": round(e.class_precision_at_k, 4),
        "lift_over_random": round(e.lift_over_random, 3), "lift_over_class": round(e.lift_over_class, 3),
    }


def run_warnings(db: Database, actor: object, today: dt.date | None = None, *, k: int = DEFAULT_K,
                 progress: Callable[[float, str], None] = lambda f, m: None) -> RunReport:
    """Train, score the city, store the top ``k`` as new warnings (one audited transaction)."""
    today = today or dt.date.today()
    with db.uow(actor) as uow:
        uow.require("warning.train")  # refused before the long work
    labels = names(db)
    with db.engine.connect() as conn:
        trained = train(conn, today, k=k, names=labels, progress=progress)
    progress(0.85, "score")
    rows, scores = score_today(trained)
    held = _held_entities(db, today)
    if held:
        keep = ~np.isin(trained.entities.ids[rows], np.fromiter(held, dtype=np.int64))
        rows, scores = rows[keep], scores[keep]
    top = np.argsort(-scores, kind="stable")[:k]
    factors = explain(trained, rows[top], names=labels)
    info = summary(trained)
    info["trained_on"] = today.isoformat()
    version = trained.model.version
    now = utcnow()
    values = [{"entity_id": int(trained.entities.ids[rows[i]]), "score": round(float(scores[i]), 6), "rank": r + 1,
               "factors": [f.as_json() for f in fs], "model_version": version, "status": WarningStatus.NEW,
               "created_at": now, "note": ""}
              for r, (i, fs) in enumerate(zip(top.tolist(), factors))]
    progress(0.95, "store")
    with db.uow(actor) as uow:
        uow.require("warning.train")
        s = uow.session
        replaced = s.execute(delete(CreditWarning).where(CreditWarning.status == WarningStatus.NEW)).rowcount
        if values:
            s.execute(insert(CreditWarning), values)
        meta = s.get(AppMeta, META_KEY)
        text = json.dumps(info, ensure_ascii=False)
        if meta is None:
            s.add(AppMeta(key=META_KEY, value=text))
        else:
            meta.value = text
        uow.audit("warning.run", "warning_model", version, after={**info, "stored": len(values),
                                                                  "replaced": replaced})
        uow.commit()
    progress(1.0, "done")
    return RunReport(version, len(values), len(rows), info)


def _held_entities(db: Database, today: dt.date) -> set[int]:
    """Entities a new run leaves alone: a warning kept in view, or decided in the last QUIET_DAYS."""
    since = dt.datetime.combine(today - dt.timedelta(days=QUIET_DAYS), dt.time(), dt.timezone.utc)
    with db.sessions() as s:
        return set(s.scalars(select(CreditWarning.entity_id).where(
            (CreditWarning.status == WarningStatus.REVIEWED)
            | (CreditWarning.status.in_((WarningStatus.DISMISSED, WarningStatus.MADE_CLUE))
               & (CreditWarning.reviewed_at >= since)))))


def model_summary(db: Database) -> dict | None:
    """The last run's model summary, or None before any run."""
    with db.sessions() as s:
        meta = s.get(AppMeta, META_KEY)
        return json.loads(meta.value) if meta else None


def list_warnings(db: Database, viewer: object | None = None, *, status: str | None = None,
                  limit: int = 100, offset: int = 0) -> list[WarningRow]:
    """Warnings, highest score first (``status`` None: all)."""
    stmt = (select(CreditWarning, MarketEntity.uscc, MarketEntity.name, MarketEntity.town_code)
            .join(MarketEntity, MarketEntity.id == CreditWarning.entity_id)
            .order_by(CreditWarning.score.desc(), CreditWarning.id).offset(offset).limit(limit))
    if status is not None:
        stmt = stmt.where(CreditWarning.status == WarningStatus(_status(status)))
    with db.sessions() as s:
        read_scope(s, viewer, "warning.read")
        return [_row(w, uscc, name, town) for w, uscc, name, town in s.execute(stmt)]


def get_warning(db: Database, warning_id: int, viewer: object | None = None) -> WarningRow:
    with db.sessions() as s:
        read_scope(s, viewer, "warning.read")
        row = s.execute(select(CreditWarning, MarketEntity.uscc, MarketEntity.name, MarketEntity.town_code)
                        .join(MarketEntity, MarketEntity.id == CreditWarning.entity_id)
                        .where(CreditWarning.id == warning_id)).first()
        if row is None:
            raise _missing(warning_id)
        return _row(*row)


def count_warnings(db: Database, viewer: object | None = None) -> dict[str, int]:
    """Warnings per status."""
    with db.sessions() as s:
        read_scope(s, viewer, "warning.read")
        return {str(st.value): n for st, n in s.execute(
            select(CreditWarning.status, func.count()).group_by(CreditWarning.status))}


def review_warning(db: Database, actor: object, warning_id: int, decision: str, note: str = "") -> WarningRow:
    """Take a decision on an open warning; "made_clue" opens a clue (source model) from it."""
    decision = WarningStatus(_status(decision))
    if decision not in DECISIONS:
        raise ValidationError(f"预警的审核结论须为 {', '.join(DECISIONS)} 之一 (a review decides reviewed, "
                              f"dismissed or made_clue)", where="decision", code="warning.bad_decision",
                              params={"decision": str(decision)})
    note = (note or "").strip()[:400]
    with db.uow(actor) as uow:
        uow.require("warning.review")
        w = uow.session.get(CreditWarning, warning_id)
        if w is None:
            raise _missing(warning_id)
        _check_open(w)
        entity = uow.session.get(MarketEntity, w.entity_id)
        uscc, entity_name, factors = entity.uscc, entity.name, list(w.factors)
    clue_id = None
    if decision == WarningStatus.MADE_CLUE:
        clue_id = _clue_for(db, actor, warning_id, uscc, entity_name, factors, note)
    with db.uow(actor) as uow:
        uow.require("warning.review")
        s = uow.session
        w = s.get(CreditWarning, warning_id, with_for_update=True)
        _check_open(w)
        before = {"status": w.status.value}
        w.status, w.reviewer, w.reviewed_at, w.note, w.clue_id = decision, uow.actor, utcnow(), note, clue_id
        uow.audit("warning.review", "credit_warning", warning_id, before=before,
                  after={"status": decision.value, "note": note, "clue_id": clue_id, "entity": uscc,
                         "model_version": w.model_version})
        uow.commit()
    return get_warning(db, warning_id)


def _clue_for(db: Database, actor: object, warning_id: int, uscc: str, name: str, factors: list[dict],
              note: str) -> int:
    from core.services.clues import NewClue, create_clue

    ref = SOURCE_REF.format(id=warning_id)
    with db.sessions() as s:  # a clue made by an earlier attempt that failed to mark the warning
        existing = s.scalar(select(Clue.id).where(Clue.source == ClueSource.MODEL, Clue.source_ref == ref))
    if existing is not None:
        return existing
    reasons = "；".join(f"{f['zh']} {value_in(f['value'], 'zh')}（{f['weight']:+.2f}）" for f in factors[:4])
    text = f"风险预警（模型）：{name}。主要因素：{reasons}。" + (f"审核意见：{note}" if note else "")
    return create_clue(db, actor, NewClue(source=ClueSource.MODEL.value, description=text, uscc=uscc,
                                          source_ref=ref))


def _check_open(w: CreditWarning) -> None:
    if w.status not in OPEN:
        raise ValidationError(f"预警 {w.id} 已审核为 {w.status.value} (warning {w.id} was already decided)",
                              where="warning", code="warning.decided",
                              params={"warning": w.id, "status": w.status.value})


def _status(value: str) -> str:
    try:
        return WarningStatus(value).value
    except ValueError:
        raise ValidationError(f"未知的预警状态 {value!r} (unknown warning status; known: "
                              f"{', '.join(WarningStatus)})", where="status", code="warning.bad_status",
                              params={"status": value}) from None


def _missing(warning_id: int) -> NotFound:
    return NotFound(f"预警 {warning_id} 不存在 (no warning {warning_id})", where="warning",
                    code="warning.not_found", params={"warning": warning_id})


def _row(w: CreditWarning, uscc: str, name: str, town: str) -> WarningRow:
    return WarningRow(w.id, w.entity_id, uscc, name, town, w.score, w.rank, list(w.factors), w.model_version,
                      w.status.value, w.reviewer, w.reviewed_at, w.note, w.clue_id)
