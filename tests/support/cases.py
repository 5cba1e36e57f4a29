"""Cases a test can decide: the demo city pauses some clocks (规定 Art. 64), and an open pause
rightly stops a decision, so tests that decide take a case never paused."""
from __future__ import annotations

from sqlalchemy import select

from core.db.models import CasePause
from core.services.obligations_listing import CaseFilter, CaseRow, list_cases


def first_unpaused_case(db, f: CaseFilter | None = None) -> CaseRow:
    """The first case listed (undecided by default) whose clock was never paused."""
    with db.sessions() as s:
        paused = set(s.scalars(select(CasePause.case_id)))
    return next(c for c in list_cases(db, f or CaseFilter(), limit=1000) if c.id not in paused)
