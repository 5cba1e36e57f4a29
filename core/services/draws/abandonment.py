"""What an abandoned batch publishes: the batch, what its lock made public, who gave it up and why.

:func:`core.services.draws.lifecycle.abandon_batch` records the abandonment in the batch's
lock record (``summary["abandoned"]``); this module reads it back and words its notice.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.db.database import Database
from core.db.models import DrawPlan, DrawRecord

from .common import get_batch, get_record, utc


def abandoned_of(row: DrawRecord | None) -> dict | None:
    """{"at", "by", "reason"} when the lock record ``row`` says its batch was abandoned."""
    return (row.summary or {}).get("abandoned") if row is not None else None


@dataclass(frozen=True)
class AbandonedBatch:
    """A locked batch that will never be drawn, and why (public)."""

    batch_id: int
    name: str
    plan_name: str
    year: int
    pool_count: int | None
    pool_hash: str | None
    seed_commitment: str | None
    locked_at: dt.datetime | None
    abandoned_at: dt.datetime
    abandoned_by: str
    reason: str


def abandonment(db: Database, batch_id: int) -> AbandonedBatch | None:
    """The abandonment of batch ``batch_id``, or None if it was not abandoned."""
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        row = get_record(s, batch_id)
        gone = abandoned_of(row)
        if not gone:
            return None
        plan = s.get(DrawPlan, batch.plan_id)
        return AbandonedBatch(batch.id, batch.name, plan.name, plan.year, batch.pool_count, batch.pool_hash,
                              batch.seed_commitment, utc(batch.locked_at) if batch.locked_at else None,
                              dt.datetime.fromisoformat(gone["at"]), gone["by"], gone["reason"])


def abandonment_notice(a: AbandonedBatch, lang: str = "zh_CN") -> str:
    """The public notice of an abandonment: the batch, what was published at locking, and why."""
    locked = a.locked_at.strftime("%Y-%m-%d %H:%M UTC") if a.locked_at else "-"
    at = utc(a.abandoned_at).strftime("%Y-%m-%d %H:%M UTC")
    commitment = a.seed_commitment or ("无（公开随机源）" if lang.startswith("zh") else "none (public sources)")
    if lang.startswith("zh"):
        return (f"关于放弃抽查批次“{a.name}”的公告\n"
                f"{a.year} 年度计划“{a.plan_name}”中的该批次已于 {locked} 锁定，对象库 {a.pool_count} 户，"
                f"对象库哈希 {a.pool_hash}，种子承诺值 {commitment}。\n"
                f"该批次未能抽取，已于 {at} 由 {a.abandoned_by} 放弃，不再抽取。理由：{a.reason}")
    return (f"Notice of abandonment of draw batch \"{a.name}\"\n"
            f"This batch of the {a.year} plan \"{a.plan_name}\" was locked at {locked} with a pool of "
            f"{a.pool_count} entities, pool hash {a.pool_hash}, seed commitment {commitment}.\n"
            f"It could not be drawn and was abandoned at {at} by {a.abandoned_by}; it will not be drawn. "
            f"Reason: {a.reason}")
