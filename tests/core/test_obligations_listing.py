"""Commitment verifications and cases as console lists: open first, by deadline, by department, paged."""
import datetime as dt

from sqlalchemy import func, select

from core.db.models import Case, CaseStatus, CommitmentVerification
from core.services import clues, obligations
from core.services.obligations_listing import (
    CaseFilter,
    VerificationFilter,
    case_ref,
    count_cases,
    count_verifications,
    list_cases,
    list_verifications,
)
from tests.support.cases import first_unpaused_case


def _scalar(db, stmt):
    with db.sessions() as s:
        return s.scalar(stmt)


def test_open_verifications_come_with_their_entity_and_by_deadline(demo_db):
    total = count_verifications(demo_db, VerificationFilter())
    open_ = _scalar(demo_db, select(func.count()).select_from(CommitmentVerification)
                    .where(CommitmentVerification.done_on.is_(None)))
    assert total == open_ > 0
    rows = list_verifications(demo_db, VerificationFilter(), limit=total)
    assert len(rows) == total and all(r.done_on is None and r.status == "pending" for r in rows)
    assert [r.due_on for r in rows] == sorted(r.due_on for r in rows)
    first = rows[0]
    assert first.entity_name and len(first.uscc) == 18 and first.matter_name and first.commitment_text
    assert first.verification_standard and first.department("zh_CN") and first.department("en") != ""
    assert first.overdue(first.due_on + dt.timedelta(days=1)) and not first.overdue(first.due_on)


def test_done_verifications_follow_the_open_ones_and_pages_do_not_overlap(demo_db):
    everything = VerificationFilter(include_done=True)
    total = count_verifications(demo_db, everything)
    assert total > count_verifications(demo_db, VerificationFilter())
    rows = list_verifications(demo_db, everything, limit=total)
    done = [r.done_on is not None for r in rows]
    assert done == sorted(done)  # open ones first
    assert any(r.inspector for r in rows if r.done_on) and all(r.outcome for r in rows if r.done_on)
    pages = [*list_verifications(demo_db, everything, limit=7), *list_verifications(demo_db, everything, offset=7,
                                                                                      limit=7)]
    assert [r.id for r in pages] == [r.id for r in rows[:14]]


def test_verifications_filter_by_department(demo_db):
    rows = list_verifications(demo_db, VerificationFilter(include_done=True), limit=100_000)
    department = rows[0].department_id
    mine = list_verifications(demo_db, VerificationFilter(department, include_done=True), limit=100_000)
    assert mine and {r.department_id for r in mine} == {department}
    assert len(mine) == count_verifications(demo_db, VerificationFilter(department, include_done=True))
    assert len(mine) == sum(r.department_id == department for r in rows)


def test_a_verified_commitment_leaves_the_open_list(demo_db):
    before = list_verifications(demo_db, VerificationFilter(), limit=100_000)
    v = before[-1]
    obligations.verify_commitment(demo_db, "leader", v.id, fulfilled=True, outcome="符合承诺", on=v.due_on)
    after = list_verifications(demo_db, VerificationFilter(), limit=100_000)
    assert v.id not in {r.id for r in after} and len(after) == len(before) - 1
    row = next(r for r in list_verifications(demo_db, VerificationFilter(include_done=True), limit=100_000)
               if r.id == v.id)
    assert row.status == "fulfilled" and row.outcome == "符合承诺" and row.done_on == v.due_on


def test_undecided_cases_by_deadline_then_decided_ones(demo_db):
    filed = _scalar(demo_db, select(func.count()).select_from(Case).where(Case.status == CaseStatus.FILED))
    assert count_cases(demo_db, CaseFilter()) == filed > 0
    undecided = list_cases(demo_db, CaseFilter(), limit=1000)
    assert {r.status for r in undecided} == {"filed"} and all(r.decided_on is None for r in undecided)
    assert [r.decision_due for r in undecided] == sorted(r.decision_due for r in undecided)
    rows = list_cases(demo_db, CaseFilter(undecided_only=False), limit=1000)
    assert len(rows) == count_cases(demo_db, CaseFilter(undecided_only=False)) > len(undecided)
    assert [r.id for r in rows[:len(undecided)]] == [r.id for r in undecided]
    assert {r.status for r in rows[len(undecided):]} == {"decided"}
    first = rows[0]
    assert first.ref_no.startswith("AJ") and first.entity_name and first.department("en")
    assert first.overdue(first.decision_due + dt.timedelta(days=1)) and not first.overdue(first.decision_due)
    assert case_ref(demo_db, first.id) == first.ref_no and case_ref(demo_db, 10**9) is None


def test_cases_filter_by_department_and_a_decision_moves_a_case(demo_db):
    case = first_unpaused_case(demo_db)
    mine = list_cases(demo_db, CaseFilter(department_id=case.department_id), limit=1000)
    assert mine and {r.department_id for r in mine} == {case.department_id}
    assert count_cases(demo_db, CaseFilter(department_id=case.department_id)) == len(mine)
    late = case.decision_due + dt.timedelta(days=3)
    clues.decide_case(demo_db, "leader", case.id, on=late)
    assert case.id not in {r.id for r in list_cases(demo_db, CaseFilter(), limit=1000)}
    decided = next(r for r in list_cases(demo_db, CaseFilter(undecided_only=False), limit=1000) if r.id == case.id)
    assert decided.status == "decided" and decided.decided_on == late and decided.decided_late()
    assert not decided.overdue(late + dt.timedelta(days=1))
