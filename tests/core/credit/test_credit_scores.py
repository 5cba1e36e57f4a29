"""Scores and classes on hand-made histories: weights, decay, validity, floors, overrides, explain."""
from __future__ import annotations

import datetime as dt

import pytest

from core.credit import (
    DEFAULT_RULES, add_record, current_class, explain, import_official, records_of, rescore,
)
from core.credit.scoring import RecordArrays, score
from core.credit.store import day_number
from core.errors import PermissionDenied, ValidationError

from .support import new_entity

TODAY = dt.date(2026, 11, 20)


def _arrays(*records):
    """records: (owner, kind index, day, valid_until) with NO_DAY defaults."""
    import numpy as np

    from core.credit.scoring import KIND_INDEX, NO_DAY

    return RecordArrays(
        owner=np.array([r[0] for r in records], dtype=np.int64),
        kind=np.array([KIND_INDEX[r[1]] for r in records], dtype=np.int64),
        day=np.array([day_number(r[2]) for r in records], dtype=np.int64),
        valid_until=np.full(len(records), NO_DAY, dtype=np.int64),
        ended=np.array([day_number(r[3]) if len(r) > 3 else NO_DAY for r in records], dtype=np.int64),
        repaired=np.full(len(records), NO_DAY, dtype=np.int64))


def test_weights_decay_and_validity_make_the_score():
    half = int(DEFAULT_RULES.half_life_days)
    records = _arrays(
        (1, "penalty", TODAY),                                        # full weight
        (2, "penalty", TODAY - dt.timedelta(days=half)),              # half its weight
        (3, "penalty", TODAY - dt.timedelta(days=1200)),              # past its 1095-day validity: nothing
        (4, "honour", TODAY), (4, "penalty", TODAY),                  # an honour offsets part of a penalty
        (5, "abnormal", TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=1)),  # taken off the list
        (6, "serious", TODAY - dt.timedelta(days=10)),                # the floor: D whatever the score
    )
    scores, classes = score(DEFAULT_RULES, records, 7, day_number(TODAY))
    w = DEFAULT_RULES.weights
    assert scores[0] == DEFAULT_RULES.base
    assert scores[1] == pytest.approx(100 + w["penalty"])
    assert scores[2] == pytest.approx(100 + w["penalty"] / 2)
    assert scores[3] == 100 and scores[5] == 100
    assert scores[4] == pytest.approx(100 + w["penalty"] + w["honour"])
    assert ["ABCD"[c] for c in classes[:6]] == [DEFAULT_RULES.class_of(s) for s in scores[:6]]
    assert "ABCD"[classes[0]] == "A" and "ABCD"[classes[3]] == "A" and classes[1] > classes[0]
    assert "ABCD"[classes[6]] == "D"
    mild = DEFAULT_RULES.with_changes(weights={"serious": -1})   # a light weight: D by the floor alone
    scores, classes = score(mild, records, 7, day_number(TODAY))
    assert mild.class_of(scores[6]) == "A" and "ABCD"[classes[6]] == "D"
    no_floor = mild.with_changes(floors={"serious": "A"})
    assert "ABCD"[score(no_floor, records, 7, day_number(TODAY))[1][6]] == "A"


def test_rules_refuse_nonsense():
    with pytest.raises(ValidationError, match="A > B > C"):
        DEFAULT_RULES.with_changes(thresholds={"A": 50})
    with pytest.raises(ValidationError, match="unknown record kinds"):
        DEFAULT_RULES.with_changes(weights={"parking": -3})
    with pytest.raises(ValidationError, match="half-life"):
        DEFAULT_RULES.with_changes(half_life_days=0)


def test_a_record_moves_the_class_at_once_and_explain_says_why(demo_db):
    eid = new_entity(demo_db, "手工历史甲")
    assert explain(demo_db, eid, TODAY).score == DEFAULT_RULES.base
    rid = add_record(demo_db, "leader", eid, "penalty", TODAY - dt.timedelta(days=5), "虚假宣传", department_id=1)
    add_record(demo_db, "leader", eid, "late_annual_report", TODAY - dt.timedelta(days=400), "未按期报送2024年度报告")
    e = explain(demo_db, eid, TODAY)
    assert [r.record.id for r in e.records].count(rid) == 1
    live = [r for r in e.records if r.in_force]
    assert [r.record.kind for r in live] == ["penalty"]            # the late report is past its 365 days
    assert [r.why_not for r in e.records if not r.in_force] == ["expired"]
    expected = DEFAULT_RULES.base + DEFAULT_RULES.weights["penalty"] * 0.5 ** (5 / DEFAULT_RULES.half_life_days)
    assert e.score == pytest.approx(expected)
    assert e.computed_class == DEFAULT_RULES.class_of(expected) == e.risk_class
    assert e.rules_version == 1 and not e.overridden
    assert current_class(demo_db, [eid])[eid].risk_class == e.computed_class   # written to market_entities
    assert {r.kind for r in records_of(demo_db, [eid])[eid]} == {"penalty", "late_annual_report"}


def test_an_official_class_overrides_and_says_so(demo_db):
    eid = new_entity(demo_db, "官方等级乙")
    add_record(demo_db, "leader", eid, "serious", TODAY - dt.timedelta(days=3), "列入严重违法失信名单")
    assert current_class(demo_db, [eid])[eid].risk_class == "D"
    with demo_db.sessions() as s:
        from core.db.models import MarketEntity
        uscc = s.get(MarketEntity, eid).uscc
    with pytest.raises(PermissionDenied):
        import_official(demo_db, "planner", [(uscc, "B")], source="省信用平台")
    import_official(demo_db, "leader", [(uscc, "B")], source="省信用平台 2026-11")
    now = current_class(demo_db, [eid])[eid]
    assert (now.risk_class, now.overridden, now.official_source) == ("B", True, "省信用平台 2026-11")
    e = explain(demo_db, eid, TODAY)
    assert e.computed_class == "D" and e.risk_class == "B" and e.overridden
    with demo_db.sessions() as s:  # a rescore keeps the official class
        assert rescore(s, [eid], TODAY) == {}


def test_linked_credit_shows_on_the_same_legal_representatives_other_entities(demo_db):
    listed = new_entity(demo_db, "关联丙一", legal_rep="关联测试人")
    other = new_entity(demo_db, "关联丙二", legal_rep="关联测试人")
    stranger = new_entity(demo_db, "无关丁", legal_rep="别人")
    add_record(demo_db, "leader", listed, "serious", TODAY - dt.timedelta(days=20), "列入严重违法失信名单")
    e = explain(demo_db, other, TODAY)
    assert [link.entity_id for link in e.linked] == [listed] and e.linked_total == 1
    assert explain(demo_db, listed, TODAY).linked == ()        # not linked to itself
    assert explain(demo_db, stranger, TODAY).linked == ()
