"""A clue's feedback that upholds the complaint counts for the entity's credit at once (the
step's timeline line becomes a credit record and the entity is rescored in the same
transaction); feedback that finds nothing adds no credit record."""
from __future__ import annotations

from sqlalchemy import select

from core.credit import explain
from core.db.models import CreditRecord, Department, MarketEntity, RegulatoryMatter
from core.services import clues

from .support import new_entity


def _walk_to_feedback(db, entity_id: int, result: str) -> int:
    with db.sessions() as s:
        uscc = s.scalar(select(MarketEntity.uscc).where(MarketEntity.id == entity_id))
        matter = s.scalar(select(RegulatoryMatter.id).join(Department, Department.id == RegulatoryMatter.department_id)
                          .where(Department.code == "SCJG").order_by(RegulatoryMatter.id).limit(1))
    clue = clues.create_clue(db, "operator", clues.NewClue(source="hotline", description="群众反映销售过期食品",
                                                           uscc=uscc, matter_id=matter))
    for action in ("claim", "start"):
        clues.act(db, "scjg", clue, action)
    clues.act(db, "scjg", clue, "feed_back", note=result)
    return clue


def _credit_kinds(db, entity_id: int) -> list[str]:
    with db.sessions() as s:
        return list(s.scalars(select(CreditRecord.kind).where(CreditRecord.entity_id == entity_id)))


def test_an_upheld_complaint_counts_at_once(demo_db):
    upheld = new_entity(demo_db, "投诉属实甲", risk_class="D")  # stored D; its records make another class
    heard = []
    unsubscribe = demo_db.changes.subscribe(heard.append)
    try:
        _walk_to_feedback(demo_db, upheld, "经现场核查属实，已责令改正")
    finally:
        unsubscribe()
    assert _credit_kinds(demo_db, upheld) == ["upheld_complaint"]  # no city scoring ran
    e = explain(demo_db, upheld)
    assert [w.record.kind for w in e.records] == ["upheld_complaint"] and e.score < e.base
    with demo_db.sessions() as s:
        assert s.scalar(select(MarketEntity.risk_class).where(MarketEntity.id == upheld)) == e.computed_class
    assert e.computed_class != "D" and any(upheld in c.entities for c in heard)  # moved: the bus names it


def test_a_complaint_found_untrue_does_not_count(demo_db):
    cleared = new_entity(demo_db, "投诉不实乙")
    _walk_to_feedback(demo_db, cleared, "经现场核查，投诉不属实")
    assert _credit_kinds(demo_db, cleared) == []
