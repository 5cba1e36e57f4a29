"""Two undecided cases of the demo city show the decision clock (规定 Art. 64): one extended by
the department head's 30 days, one paused for testing (检测检验) since a few days before the
demo's today. Done through ``core.services.clues``, so they are audited like real work.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.db.database import Database
from core.db.models import Case, CaseStatus
from core.db.models.base import clock_from
from core.services import clues

from .people import DEMO_SYSTEM_ACCOUNT
from .spec import DemoSpec

ACTOR = DEMO_SYSTEM_ACCOUNT[0]  # a system account of the demo city (core.demo.people)
PAUSED_DAYS_AGO = 5


def add_case_clocks(db: Database, spec: DemoSpec) -> list[int]:
    """Extend the earliest-due undecided case still in time, pause the next one; returns their ids."""
    today = spec.as_of
    with db.sessions() as s:
        ids = list(s.scalars(select(Case.id).where(Case.status == CaseStatus.FILED, Case.decision_due >= today)
                             .order_by(Case.decision_due, Case.id).limit(2)))
    with clock_from(spec.history_end.astimezone(dt.timezone.utc) + dt.timedelta(minutes=20)):
        if ids:
            clues.extend_case(db, ACTOR, ids[0], days=30, approval="head", today=today, on=today,
                              reason="案情复杂，需调取当事人近三年的进货台账和银行流水")
        if len(ids) > 1:
            with db.sessions() as s:
                filed = s.get(Case, ids[1]).filed_on
            clues.pause_case(db, ACTOR, ids[1], kind="testing", today=today,
                             on=max(filed, today - dt.timedelta(days=PAUSED_DAYS_AGO)),
                             reason="涉案商品已送法定检验机构检验，检验期间不计入办案期限")
    return ids
