"""Next year's plan in the demo city, made through the real draw services.

The generated history (core.demo.draws) predates draw records; this plan shows the
workflow as it runs now: one batch drawn from public RFC 3797 sources (its record
verifies), one locked with its sources announced and waiting for them, one draft to
check. Everything goes through ``core.services.draws``, so it is audited like real work.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import Department, MarketEntity, RegulatoryMatter
from core.db.models.base import clock_from
from core.services import draws

from .spec import DemoSpec

ACTOR = "demo"
# Values as a lottery and an index would publish them (RFC 3797 sec. 4: whole numbers and text).
SOURCES = ("3 9 14 22 27 31 12", "3356.87")
RATIOS = {"A": 0.03, "B": 0.08, "C": 0.30, "D": 1.00}


def _department(db: Database, code: str) -> int | None:
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


def _matters(db: Database, department_id: int, n: int) -> list[int]:
    with db.sessions() as s:
        return list(s.scalars(select(RegulatoryMatter.id).where(RegulatoryMatter.department_id == department_id)
                              .order_by(RegulatoryMatter.id).limit(n)))


def _town(db: Database, share: float) -> str:
    """The town whose active entities come closest to ``share`` of the city's."""
    with db.sessions() as s:
        rows = s.execute(select(MarketEntity.town_code, func.count()).where(MarketEntity.status == "active")
                         .group_by(MarketEntity.town_code).order_by(MarketEntity.town_code)).all()
    total = sum(n for _, n in rows)
    return min(rows, key=lambda r: abs(r[1] - share * total))[0]


def add_showcase_plan(db: Database, spec: DemoSpec) -> int | None:
    """Add the showcase plan; returns its id (None when the city lacks the departments).

    Times come from a clock starting on the demo's today at 09:00 (Beijing): the same seed
    gives the same city, showcase included.
    """
    start = dt.datetime.combine(spec.as_of, dt.time(1, 0), tzinfo=dt.timezone.utc)
    with clock_from(start):
        return _add_plan(db, spec)


def _add_plan(db: Database, spec: DemoSpec) -> int | None:
    year = spec.as_of.year + 1
    food, health, fire = _department(db, "SCJG"), _department(db, "WJJ"), _department(db, "XFZD")
    if food is None or health is None:
        return None
    town = _town(db, 0.04)
    plan = draws.create_plan(db, ACTOR, year=year, name=f"{year}年度跨部门联合双随机抽查计划")
    pool = {"statuses": ["active"], "town_codes": [town]}

    def batch(name: str, month: int, parts: list[tuple[int, int, list[int]]]) -> int:
        start = dt.date(year, month, 1)
        return draws.create_batch(db, ACTOR, plan, name=name, lead_department_id=parts[0][0], window_start=start,
                                  window_end=start + dt.timedelta(days=60), departments=parts,
                                  pool_filter=pool, sampling={"ratios": RATIOS})

    drawn = batch(f"{year}-1 食品经营主体双随机联合抽查", 3,
                  [(food, 2, _matters(db, food, 2)), (health, 2, _matters(db, health, 1))])
    draws.lock_batch(db, ACTOR, drawn, randomness_kind="rfc3797",
                     announcement=f"{year}-02-26 中国福利彩票双色球开奖号码；同日上证综合指数收盘点位")
    draws.draw_batch(db, ACTOR, drawn, sources=list(SOURCES))
    waiting = batch(f"{year}-2 公共场所卫生双随机联合抽查", 5,
                    [(health, 2, _matters(db, health, 1)), (food, 2, _matters(db, food, 1))])
    draws.lock_batch(db, ACTOR, waiting, randomness_kind="rfc3797",
                     announcement=f"{year}-04-28 中国福利彩票双色球开奖号码")
    second = fire if fire is not None else food
    batch(f"{year}-3 人员密集场所消防安全联合检查", 7, [(second, 2, _matters(db, second, 1))])
    return plan
