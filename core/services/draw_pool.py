"""Hand a set of entities to a draw batch as its pool of inspection objects.

The map's drawn selection (or any list of entities) becomes the pool of a batch that is
still a draft; a locked batch's pool is part of its public record and cannot change.
The pool is stored as sorted entity ids with where it came from, and audited.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import DrawBatch, DrawPlan, DrawStatus, MarketEntity
from core.errors import NotFound, ValidationError

_CHUNK = 900


@dataclass(frozen=True)
class BatchChoice:
    """A batch a pool can be given to."""

    id: int
    name: str
    plan_name: str
    year: int
    pool_count: int | None


def draft_batches(db: Database) -> list[BatchChoice]:
    """Batches still in draft, newest plan first."""
    stmt = (select(DrawBatch.id, DrawBatch.name, DrawPlan.name, DrawPlan.year, DrawBatch.pool_count)
            .join(DrawPlan, DrawPlan.id == DrawBatch.plan_id)
            .where(DrawBatch.status == DrawStatus.DRAFT)
            .order_by(DrawPlan.year.desc(), DrawBatch.id.desc()))
    with db.sessions() as s:
        return [BatchChoice(*row) for row in s.execute(stmt)]


def set_pool(db: Database, actor: str, batch_id: int, entity_ids: Iterable[int], *, source: dict) -> int:
    """Make ``entity_ids`` the pool of draft batch ``batch_id``; returns the pool size.

    ``source`` says where the pool came from (e.g. the map polygon and filter); it is kept
    with the pool. Unknown entity ids are refused, naming how many.
    """
    ids = sorted({int(i) for i in entity_ids})
    if not ids:
        raise ValidationError("the pool is empty: select at least one entity", where="draw pool")
    with db.uow(actor) as uow:
        uow.require("draw.plan")
        batch = uow.session.get(DrawBatch, batch_id)
        if batch is None:
            raise NotFound(f"draw batch {batch_id} does not exist", where="draw pool")
        if batch.status != DrawStatus.DRAFT:
            raise ValidationError(
                f"draw batch {batch.name!r} is {batch.status.value}; only a draft batch's pool can change",
                where="draw pool")
        known = sum(uow.session.scalar(select(func.count()).select_from(MarketEntity)
                                       .where(MarketEntity.id.in_(ids[i:i + _CHUNK]))) or 0
                    for i in range(0, len(ids), _CHUNK))
        if known != len(ids):
            raise ValidationError(f"{len(ids) - known} of the {len(ids)} selected entities no longer exist",
                                  where="draw pool")
        before = {"pool_filter": batch.pool_filter, "pool_count": batch.pool_count}
        batch.pool_filter = {"source": source, "entity_ids": ids}
        batch.pool_count = len(ids)
        uow.audit("draw.pool.set", "draw_batch", batch.id, before=before,
                  after={"source": source, "pool_count": len(ids)})
        uow.commit()
    return len(ids)
