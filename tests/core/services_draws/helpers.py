"""Building plans and batches on the shared demo city (each test makes its own)."""
from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select

from core.db.models import Department, InspectorConflict, MarketEntity, RegulatoryMatter
from core.draws import commit, new_seed
from core.services import draws

_names = itertools.count(1)
WINDOW = (dt.date(2027, 3, 1), dt.date(2027, 4, 30))
ALL = {"counts": {"A": 10_000, "B": 10_000, "C": 10_000, "D": 10_000}}
# Lifecycle tests draw small villages whole or at wide ratios: their plans allow any band
# (a plan's own setting); tests of the bands make plans with the default table.
OPEN_BANDS = {"A": [0, 1], "B": [0, 1], "C": [0, 1], "D": [0, 1]}


def dept(db, code: str) -> int:
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


def matters(db, code: str, n: int = 1) -> list[int]:
    with db.sessions() as s:
        return list(s.scalars(select(RegulatoryMatter.id).join(Department, Department.id == RegulatoryMatter.department_id)
                              .where(Department.code == code).order_by(RegulatoryMatter.id)).all()[:n])


def town_with(db, at_least: int = 30, nth: int = 0) -> str:
    """The ``nth`` village with at least ``at_least`` active entities (small draws, quick tests)."""
    from sqlalchemy import func

    with db.sessions() as s:
        rows = s.execute(select(MarketEntity.village_code, func.count()).where(MarketEntity.status == "active")
                         .group_by(MarketEntity.village_code).order_by(MarketEntity.village_code)).all()
    return [v for v, n in rows if n >= at_least][nth]


def plan(db, year: int = 2027, *, bands: dict | None = OPEN_BANDS, capacity: float | None = 1000.0) -> int:
    return draws.create_plan(db, "planner", year=year, name=f"测试计划 {next(_names)}", sampling_bands=bands,
                             visit_capacity=capacity)


def batch(db, plan_id: int, *, depts=(("SCJG", 2, 2),), window=WINDOW, pool=None, sampling=None,
          avoidance=None, lead: str | None = None) -> int:
    """A draft batch; ``depts`` is ((department code, team size, number of matters), ...)."""
    parts = [(dept(db, code), size, matters(db, code, n)) for code, size, n in depts]
    return draws.create_batch(
        db, "planner", plan_id, name=f"批次 {next(_names)}", lead_department_id=dept(db, lead or depts[0][0]),
        window_start=window[0], window_end=window[1], departments=parts,
        pool_filter=pool if pool is not None else {"village_codes": [town_with(db)]},
        sampling=sampling or {"ratios": {"A": 0.2, "B": 0.5, "C": 1.0, "D": 1.0}}, avoidance=avoidance)


def lock_and_draw(db, batch_id: int, *, kind: str = "seed"):
    if kind == "seed":
        seed = new_seed()
        draws.lock_batch(db, "planner", batch_id, randomness_kind="seed", seed_commitment=commit(seed))
        return draws.draw_batch(db, "planner", batch_id, seed=seed)
    draws.lock_batch(db, "planner", batch_id, randomness_kind="rfc3797", announcement="test lottery")
    return draws.draw_batch(db, "planner", batch_id, sources=["9319", "2 5 12 8 10", "9 18 26 34 41 45"])


def declare_conflicts(db, pairs) -> None:
    with db.bootstrap_uow("tester") as uow:
        have = set(uow.session.execute(select(InspectorConflict.inspector_id, InspectorConflict.entity_id)).tuples())
        for i, e in pairs:
            if (i, e) not in have:
                uow.session.add(InspectorConflict(inspector_id=i, entity_id=e, reason="亲属",
                                                  declared_on=dt.date(2026, 11, 1)))
        uow.commit()
