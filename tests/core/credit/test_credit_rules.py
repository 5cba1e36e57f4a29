"""Changing the weights moves the classes as expected, and the preview matrix says so before."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from core.credit import (
    activate, add_record, current_class, explain, preview, rule_sets, save_rule_set, score_city,
)
from core.credit.store import active_rules
from core.db.models import AuditEntry, MarketEntity
from core.errors import PermissionDenied

from .support import new_entity

TODAY = dt.date(2026, 11, 20)


def _classes(db) -> dict[int, str]:
    with db.sessions() as s:
        return dict(s.execute(select(MarketEntity.id, MarketEntity.risk_class)).tuples().all())


def test_heavier_penalties_move_classes_down_only_and_the_preview_counts_them_first(demo_db):
    eid = new_entity(demo_db, "规则测试戊")
    add_record(demo_db, "leader", eid, "penalty", TODAY - dt.timedelta(days=5), "虚假宣传")
    score_city(demo_db, "leader", as_of=TODAY)           # the city under the active rules
    before = _classes(demo_db)
    with demo_db.sessions() as s:
        rules = active_rules(s)
    assert before[eid] == "B"                             # 100 - 12 * decay(5 days) lies in B

    heavier = rules.with_changes(weights={"penalty": -30})
    with pytest.raises(PermissionDenied):
        preview(demo_db, "leader", heavier, TODAY)       # rules are the administrator's
    seen = preview(demo_db, "admin", heavier, TODAY)
    assert _classes(demo_db) == before                   # a preview writes nothing
    assert sum(map(sum, seen.matrix)) == len(before)
    assert seen.matrix[1][3] >= 1                         # at least our entity: B -> D
    assert all(seen.matrix[i][j] == 0 for i in range(4) for j in range(i))  # heavier weights never improve a class
    assert seen.moved == sum(seen.matrix[i][j] for i in range(4) for j in range(4) if i != j) > 0

    with pytest.raises(PermissionDenied):
        save_rule_set(demo_db, "leader", heavier, "heavier penalties")
    version = save_rule_set(demo_db, "admin", heavier, "heavier penalties")
    assert version == 2 and current_class(demo_db, [eid])[eid].risk_class == "B"  # saved, not active yet
    applied = activate(demo_db, "admin", version, TODAY)
    after = _classes(demo_db)
    assert applied.matrix == seen.matrix                  # what the preview said is what happened
    assert after[eid] == "D"
    moved = [(before[i], after[i]) for i in before if before[i] != after[i]]
    assert len(moved) == seen.moved and all(b < a for b, a in moved)
    e = explain(demo_db, eid, TODAY)
    assert e.rules_version == 2 and e.records[0].weight == -30

    listed = rule_sets(demo_db)
    assert [(r.version, r.active) for r in listed] == [(2, True), (1, False)]
    assert listed[1].rules.weights["penalty"] == -12     # every version is kept as it was
    with demo_db.sessions() as s:
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "credit.score_city")
                         .order_by(AuditEntry.id.desc()).limit(1))
    assert json.loads(audit.after)["matrix"] == seen.matrix

    activate(demo_db, "admin", 1, TODAY)                 # back to version 1: back to the classes before
    assert _classes(demo_db) == before
