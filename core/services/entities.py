"""Registering and reading market entities (one record per USCC)."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import select

from core import uscc
from core.db.models import (
    EntityRecord,
    EntityStatus,
    EntityType,
    MarketEntity,
    RiskClass,
)
from core.db.uow import UnitOfWork
from core.errors import NotFound, ValidationError


@dataclass(frozen=True)
class EntityInput:
    """What a registration supplies; the code is validated before anything is stored."""

    uscc: str
    name: str
    entity_type: EntityType
    industry_code: str
    legal_rep: str
    address: str
    town_code: str
    village_code: str
    lat: float
    lng: float
    registered_on: dt.date
    risk_class: RiskClass = RiskClass.A
    status: EntityStatus = EntityStatus.ACTIVE


@dataclass(frozen=True)
class TimelineItem:
    """One row of an entity's timeline, safe to hand to another thread or the UI."""

    id: int
    kind: str
    occurred_on: dt.date
    department_id: int | None
    title: str
    outcome: str | None


def register_entity(uow: UnitOfWork, data: EntityInput) -> int:
    """Store a new entity and audit it; returns its id. Invalid or duplicate codes are refused."""
    code = uscc.validate(data.uscc)
    s = uow.session
    if s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == code)) is not None:
        raise ValidationError(f"an entity with credit code {code} already exists "
                              "(一码关联: one record per entity)", where="uscc")
    fields = asdict(data) | {"uscc": code}
    entity = MarketEntity(**fields)
    s.add(entity)
    s.flush()
    uow.audit("entity.register", "market_entity", entity.id, after=fields)
    return entity.id


def timeline(uow: UnitOfWork, entity_id: int) -> list[TimelineItem]:
    """Every record of an entity, newest first, in one indexed query."""
    s = uow.session
    if s.get(MarketEntity, entity_id) is None:
        raise NotFound(f"no market entity with id {entity_id}")
    rows = s.execute(
        select(EntityRecord.id, EntityRecord.kind, EntityRecord.occurred_on, EntityRecord.department_id,
               EntityRecord.title, EntityRecord.outcome)
        .where(EntityRecord.entity_id == entity_id)
        .order_by(EntityRecord.occurred_on.desc(), EntityRecord.id.desc())
    )
    return [TimelineItem(r.id, r.kind.value, r.occurred_on, r.department_id, r.title, r.outcome) for r in rows]
