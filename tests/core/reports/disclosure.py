"""What a public disclosure must never carry, for the disclosure tests (core and desktop).

A drawn batch is finished with results that carry internal notes; :func:`internal_markers`
lists what must not leak: the names of the risk classes, the internal note, the drawn
entities' stored risk class as a field, the inspectors' home villages (avoidance data) and
certificate expiry dates (beyond the name and certificate number the public record publishes).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.db.models import Inspector, Village, task_inspectors
from core.services import draws
from core.vocabulary import RISK_NAMES
from tests.core.services_draws.helpers import batch, lock_and_draw, plan
from tests.support.accounts import task_user

NOTE = "内部备注：法人私下电话13900000000"
RISK_WORDS = ("风险", "risk", "信用分类", "类别", "stratum", "risk_class", "home_village", "conflict")


def finished_batch(db) -> tuple[int, list[int]]:
    """A drawn batch whose first tasks are done, each with a failed item noted internally."""
    b = batch(db, plan(db), depts=(("SCJG", 2, 1),))
    result = lock_and_draw(db, b)
    tasks = sorted({p.task_id for p in result.picks})
    for task_id in tasks[:3]:
        for n, item in enumerate(draws.task_checklist(db, task_id).items):
            draws.record_result(db, task_user(db, task_id), task_id, item.item_id, "fail" if n == 0 else "pass",
                                note=NOTE, on=dt.date(2027, 3, 10))
    return b, tasks


def internal_markers(db, task_ids: list[int]) -> list[str]:
    """Strings no public file may contain."""
    out = [NOTE, "13900000000", *(name for pair in RISK_NAMES.values() for name in pair)]
    with db.sessions() as s:
        inspectors = s.execute(select(Inspector.home_village_code, Inspector.certificate_valid_until, Village.name_zh)
                               .join(task_inspectors, task_inspectors.c.inspector_id == Inspector.id)
                               .outerjoin(Village, Village.code == Inspector.home_village_code)
                               .where(task_inspectors.c.task_id.in_(task_ids))).all()
    for code, valid_until, _village in inspectors:
        if code:
            out.append(code)
        out.append(valid_until.isoformat())
    return out


def leaks(text: str, markers: list[str]) -> list[str]:
    """The markers and risk words found in ``text`` (case-insensitive for the words)."""
    low = text.lower()
    return [m for m in markers if m in text] + [w for w in RISK_WORDS if w.lower() in low]
