"""Next year's plan in the demo city, made through the real draw services.

The generated history (core.demo.draws) predates draw records; this plan shows the
workflow as it runs now: one batch drawn from public RFC 3797 sources (its record
verifies), one locked with its sources announced and waiting for them, one draft to
check. The batches come from the demo vocabulary (``draws.showcase``). Everything goes
through ``core.services.draws``, so it is audited like real work.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import Department, MarketEntity, RegulatoryMatter
from core.db.models.base import clock_from
from core.services import draws

from .people import DEMO_SYSTEM_ACCOUNT
from .spec import DemoSpec
from .vocabulary import load_vocabulary

ACTOR = DEMO_SYSTEM_ACCOUNT[0]  # a system account of the demo city (core.demo.people)
RATIOS = {"A": 0.03, "B": 0.08, "C": 0.30, "D": 1.00}
TEAM_SIZE = 2  # 行政处罚法 Art. 42
# The drawn batch is locked when the morning's work starts and drawn after its live sources.
DRAW_AFTER = dt.timedelta(minutes=16)


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
    """Add the showcase plan; returns its id (None when the city lacks its departments).

    Times come from a clock starting when the demo's history ends (08:30 Beijing on its
    day) and staying before its now: the same seed gives the same city, showcase included.
    """
    start = spec.history_end.astimezone(dt.timezone.utc)
    with clock_from(start):
        return _add_plan(db, spec, start)


def _parts(db: Database, entry: dict) -> list[tuple[int, int, list[int]]] | None:
    parts = []
    for code, matters in entry["departments"]:
        dept = _department(db, code)
        if dept is None:
            return None
        parts.append((dept, TEAM_SIZE, _matters(db, dept, int(matters))))
    return parts


def _add_plan(db: Database, spec: DemoSpec, start: dt.datetime) -> int | None:
    year = spec.as_of.year + 1
    # A batch whose departments the city lacks is left out; a joint one never shrinks to one department.
    batches = [(entry, parts) for entry in load_vocabulary()["draws"]["showcase"]
               if (parts := _parts(db, entry)) is not None]
    if not batches:
        return None
    town = _town(db, 0.04)
    plan = draws.create_plan(db, ACTOR, year=year, name=f"{year}年度跨部门联合双随机抽查计划")
    pool = {"statuses": ["active"], "town_codes": [town]}
    to_draw = []
    for number, (entry, parts) in enumerate(batches, start=1):
        window = dt.date(year, int(entry["month"]), 1)
        batch = draws.create_batch(db, ACTOR, plan, name=f"{year}-{number} {entry['name']}",
                                   lead_department_id=parts[0][0], window_start=window,
                                   window_end=window + dt.timedelta(days=60), departments=parts,
                                   pool_filter=pool, sampling={"ratios": RATIOS})
        if entry["stage"] == "draft":
            continue
        announcement = entry["announcement"].format(today=spec.as_of.isoformat(), year=year)
        draws.lock_batch(db, ACTOR, batch, randomness_kind="rfc3797", announcement=announcement)
        if entry["stage"] == "drawn":
            to_draw.append((batch, list(entry["sources"])))
    with clock_from(start + DRAW_AFTER):
        for batch, sources in to_draw:
            draws.draw_batch(db, ACTOR, batch, sources=sources)
    return plan
