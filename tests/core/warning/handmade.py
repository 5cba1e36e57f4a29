"""Hand-built histories for the early-warning tests: the city's reference data, entities placed
where a test wants them, timeline records and warnings, written in bulk."""
from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import insert, select

from core.db.database import Database
from core.db.models import CreditWarning, EntityRecord, MarketEntity, Town, Village
from core.reference import load_profile
from core.services.reference import seed_reference
from core.uscc import with_check

_serial = itertools.count(1)
FAIL = "发现问题，已责令整改"
PASS = "未发现问题"


def reference(db: Database) -> list[tuple[str, str, float, float]]:
    """Seed the Yiwu reference data; returns (town, village, lat, lng) of the first village of each town."""
    with db.bootstrap_uow("test-setup") as uow:
        seed_reference(uow, load_profile("yiwu"))
        uow.commit()
    with db.sessions() as s:
        towns = list(s.scalars(select(Town.code).order_by(Town.code)))
        out = []
        for t in towns:
            v = s.scalar(select(Village).where(Village.town_code == t).order_by(Village.code).limit(1))
            out.append((t, v.code, v.lat, v.lng))
        return out


def entities(db: Database, n: int, *, town: str, village: str, lat: float, lng: float,
             risk_class: str = "B", industry: str = "5212", entity_type: str = "individual",
             address: str | None = None, spread_m: float = 0.0,
             registered_on: dt.date = dt.date(2015, 1, 1)) -> list[int]:
    """``n`` active entities; each gets its own address unless ``address`` is given; positions
    ``spread_m`` metres apart eastwards (0: all at the same point)."""
    rows = []
    for i in range(n):
        k = next(_serial)
        rows.append({"uscc": with_check(f"92330782MA{k + 3000000:07d}"), "name": f"测试主体{k}",
                     "entity_type": entity_type, "industry_code": industry, "legal_rep": "测试人",
                     "address": address or f"义乌市测试路{k}号", "town_code": town, "village_code": village,
                     "lat": lat, "lng": lng + i * spread_m / 97_000.0, "registered_on": registered_on,
                     "status": "active", "risk_class": risk_class})
    with db.bootstrap_uow("test-setup") as uow:
        uow.session.execute(insert(MarketEntity), rows)
        uow.commit()
    with db.sessions() as s:
        return list(s.scalars(select(MarketEntity.id).where(MarketEntity.uscc.in_([r["uscc"] for r in rows]))
                              .order_by(MarketEntity.id)))


def records(db: Database, rows: list[tuple[int, str, dt.date, str | None]], *,
            valid_until: dt.date | None = None, title: str = "测试记录") -> None:
    """Timeline records (entity id, kind, day, outcome)."""
    values = [{"entity_id": e, "kind": kind, "occurred_on": day, "title": title, "outcome": outcome,
               "valid_until": valid_until} for e, kind, day, outcome in rows]
    with db.bootstrap_uow("test-setup") as uow:
        uow.session.execute(insert(EntityRecord), values)
        uow.commit()


def warnings(db: Database, entity_ids: list[int], version: str = "lr1-test") -> None:
    values = [{"entity_id": e, "score": 0.9, "rank": i + 1, "factors": [], "model_version": version,
               "status": "new", "note": ""} for i, e in enumerate(entity_ids)]
    with db.bootstrap_uow("test-setup") as uow:
        uow.session.execute(insert(CreditWarning), values)
        uow.commit()
