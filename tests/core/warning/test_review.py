"""Warnings are stored with their factors; a person reviews each before it becomes a clue."""
import datetime as dt

import pytest
from sqlalchemy import select

from core.credit.warning_bench import demo_today
from core.credit.warning_store import count_warnings, list_warnings, model_summary, review_warning, run_warnings
from core.db.models import AuditEntry, Clue, ClueSource, CreditWarning, Department
from core.errors import PermissionDenied, ValidationError

K = 30


@pytest.fixture(scope="module")
def warned(demo_db):
    """The demo city after one model run (this module's own city: the run writes)."""
    report = run_warnings(demo_db, "leader", demo_today(demo_db), k=K)
    return demo_db, report


def _dept_user(db) -> str:
    with db.sessions() as s:
        return s.scalar(select(Department.code).order_by(Department.id).limit(1)).lower()


def test_a_run_stores_the_top_k_each_with_its_factors(warned):
    db, report = warned
    assert report.stored == K and report.scored > 2000
    rows = list_warnings(db, "monitor", limit=100)
    assert len(rows) == K and [r.rank for r in rows] == list(range(1, K + 1))
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    for r in rows:
        assert r.status == "new" and r.model_version == report.version
        assert 1 <= len(r.factors) <= 6
        assert all({"key", "zh", "en", "value", "weight"} <= set(f) and f["zh"] and f["en"] for f in r.factors)
        weights = [abs(f["weight"]) for f in r.factors]
        assert weights == sorted(weights, reverse=True)
    # The top of the ranking is there for reasons that raise it.
    assert all(r.factors[0]["weight"] > 0 for r in rows[:5])
    summary = model_summary(db)
    assert summary["version"] == report.version and summary["k"] == K
    with db.sessions() as s:
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "warning.run"))
    assert audit.actor == "leader" and audit.object_id == report.version


def test_review_makes_a_clue_audited_and_only_once(warned):
    db, _ = warned
    first, second = list_warnings(db, "operator", status="new", limit=2)
    done = review_warning(db, "operator", first.id, "made_clue", "请属地核查")
    assert done.status == "made_clue" and done.reviewer == "operator" and done.reviewed_at is not None
    with db.sessions() as s:
        clue = s.get(Clue, done.clue_id)
        assert clue.source == ClueSource.MODEL and clue.entity_id == first.entity_id
        assert clue.source_ref == f"warning-{first.id}" and first.factors[0]["zh"] in clue.description
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "warning.review",
                                                  AuditEntry.object_id == str(first.id)))
        assert entry.actor == "operator" and '"made_clue"' in entry.after and '"new"' in entry.before
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.object_type == "clue",
                                                    AuditEntry.object_id == str(clue.id))) is not None
    with pytest.raises(ValidationError) as refused:
        review_warning(db, "operator", first.id, "dismissed")
    assert refused.value.code == "warning.decided"
    dismissed = review_warning(db, "leader", second.id, "dismissed", "已于上周检查")
    assert dismissed.status == "dismissed" and dismissed.clue_id is None
    counts = count_warnings(db, "leader")
    assert counts["made_clue"] == 1 and counts["dismissed"] == 1 and counts["new"] == K - 2


def test_roles_without_the_right_are_refused_before_anything_changes(warned):
    db, _ = warned
    (w,) = list_warnings(db, "leader", status="new", limit=1)
    department = _dept_user(db)
    with pytest.raises(PermissionDenied):
        review_warning(db, department, w.id, "made_clue")
    with pytest.raises(PermissionDenied):
        review_warning(db, "monitor", w.id, "dismissed")
    with pytest.raises(PermissionDenied):
        list_warnings(db, department)      # warnings name the risk class
    with pytest.raises(PermissionDenied):
        run_warnings(db, "operator", dt.date.today(), k=5)
    with pytest.raises(ValidationError):
        review_warning(db, "operator", w.id, "new")
    with db.sessions() as s:
        assert s.get(CreditWarning, w.id).status.value == "new"
        assert s.scalar(select(Clue.id).where(Clue.source_ref == f"warning-{w.id}")) is None


def test_a_new_run_replaces_new_warnings_and_leaves_decided_entities_alone(warned):
    db, _ = warned
    decided = {r.entity_id for r in list_warnings(db, "leader", limit=100) if r.status != "new"}
    assert decided
    report = run_warnings(db, "leader", demo_today(db), k=K)
    rows = list_warnings(db, "leader", limit=200)
    new = [r for r in rows if r.status == "new"]
    assert len(new) == K and all(r.model_version == report.version for r in new)
    assert not decided & {r.entity_id for r in new}
    assert {r.entity_id for r in rows if r.status != "new"} == decided
