"""Hand-made entities for credit tests: a copy of a demo entity's reference fields, no history."""
from __future__ import annotations

import itertools

from sqlalchemy import select

from core.db.database import Database
from core.db.models import EntityStatus, MarketEntity, RiskClass
from core.uscc import with_check

_serial = itertools.count(1)


def new_entity(db: Database, name: str, *, legal_rep: str = "测试人", risk_class: str = "A") -> int:
    """A new active entity without any record; returns its id."""
    with db.bootstrap_uow("test-setup") as uow:
        s = uow.session
        model = s.scalar(select(MarketEntity).order_by(MarketEntity.id).limit(1))
        code = with_check(f"91330782MA{next(_serial) + 7000000:07d}")
        while s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == code)) is not None:
            code = with_check(f"91330782MA{next(_serial) + 7000000:07d}")
        entity = MarketEntity(uscc=code, name=name, entity_type=model.entity_type, industry_code=model.industry_code,
                              legal_rep=legal_rep, address=model.address, town_code=model.town_code,
                              village_code=model.village_code, lat=model.lat, lng=model.lng,
                              registered_on=model.registered_on, status=EntityStatus.ACTIVE,
                              risk_class=RiskClass(risk_class))
        s.add(entity)
        s.flush()
        uow.commit()
        return entity.id
