"""The map's "Overdue items" town measure follows efficiency.read: the monitor sees the counts,
a department user gets an empty measure (no refusal dialog, no other department's backlog)."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from core.db.models import Clue
from desktop.map.query import DbCache, LayerChoice, Query, _measure
from tests.support.accounts import account


def _overdue(db, viewer):
    q = Query(seq=1, view={}, choice=LayerChoice(measure="overdue"), viewer=viewer)
    values, kind = _measure(None, db, DbCache(), q, None)  # the overdue measure reads no entity index
    assert kind == "int"
    return values


def test_the_overdue_measure_is_shown_by_role(demo_db):
    with demo_db.sessions() as s:
        dept = Counter(d for d in s.scalars(select(Clue.department_id)) if d is not None).most_common(1)[0][0]
    department_user = account(demo_db, "map_dept", "department", department=dept)
    seen = _overdue(demo_db, "monitor")
    assert seen and sum(seen.values()) > 0
    assert _overdue(demo_db, department_user) == {}
    assert _overdue(demo_db, "grid_cc") == {}
