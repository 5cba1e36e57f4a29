"""The "Commitments" and "Cases" tabs on the demo city: verify a commitment, decide a case, who may."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.db.models import Case, CaseStatus, EntityRecord, RecordKind
from core.services.obligations_listing import (
    CaseFilter,
    VerificationFilter,
    list_cases,
    list_verifications,
)
from desktop.cases.case_list_page import DecisionDialog
from desktop.cases.commitments_page import VerifyDialog
from desktop.cases.workspace import CASES_TAB, COMMITMENTS_TAB

from tests.support.accounts import dept_user
from tests.support.cases import first_unpaused_case

from .conftest import TIMEOUT, visible_dialog

RED = "#b3261e"


def _show(ws, qtbot, page, tab: int) -> list:
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT) as loaded:
        ws.tabs.setCurrentIndex(tab)
    return loaded.args[0]


def _select(page, row_id: int) -> None:
    assert page.select_id(row_id)
    assert page.action_button.isEnabled()


def test_a_broken_commitment_is_recorded_with_a_credit_record_and_a_case(make_workspace, entities_db, qtbot):
    ws = make_workspace()
    rows = _show(ws, qtbot, ws.commitments, COMMITMENTS_TAB)
    assert rows and all(r.done_on is None for r in rows)
    assert ws.commitments.total == len(list_verifications(entities_db, VerificationFilter(), limit=10_000))
    v = rows[0]
    assert ws.commitments.table.item(0, 3).toolTip().endswith(v.commitment_text)
    _select(ws.commitments, v.id)
    ws.commitments.action_button.click()
    dialog = visible_dialog(ws, VerifyDialog)
    dialog.ok_button.click()  # kept or broken?
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    assert not dialog.open_case.isEnabled()
    dialog.broken.setChecked(True)
    assert dialog.open_case.isEnabled()
    dialog.open_case.setChecked(True)
    dialog.ok_button.click()  # what was found?
    assert dialog.isVisible() and "核查结果" in dialog.problem.text()
    dialog.outcome.setPlainText("现场无冷藏设施，与承诺不符")
    with qtbot.waitSignal(ws.commitments.changed, timeout=TIMEOUT) as changed:
        dialog.ok_button.click()
    done, ref_no = changed.args[0]
    assert done.status == "broken" and done.credit_record_id and done.case_id and ref_no.startswith("AJ")
    with entities_db.sessions() as s:
        record = s.get(EntityRecord, done.credit_record_id)
        case = s.get(Case, done.case_id)
        assert record.kind == RecordKind.CREDIT and record.entity_id == v.entity_id
        assert record.details == "现场无冷藏设施，与承诺不符"
        assert (case.entity_id, case.filed_on, case.status) == (v.entity_id, ws._today, CaseStatus.FILED)
    assert ref_no in ws.message_bar.text() and ws.message_bar.property("kind") == "success"
    qtbot.waitUntil(lambda: v.id not in [r.id for r in ws.commitments.rows], timeout=TIMEOUT)

    cases = _show(ws, qtbot, ws.cases, CASES_TAB)  # the new case is on the Cases tab
    assert done.case_id in [c.id for c in cases]


def test_the_verify_dialog_refuses_an_empty_outcome(make_workspace, entities_db, qtbot):
    ws = make_workspace()
    v = _show(ws, qtbot, ws.commitments, COMMITMENTS_TAB)[0]
    _select(ws.commitments, v.id)
    dialog = ws.commitments.verify_dialog()
    dialog.kept.setChecked(True)
    dialog.outcome.setPlainText("   ")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    assert dialog.values() == (True, "", False)
    dialog.reject()
    assert v.id in [r.id for r in list_verifications(entities_db, VerificationFilter(), limit=10_000)]


def test_show_done_adds_verified_commitments_and_a_department_sees_its_own(make_workspace, entities_db, qtbot):
    every = list_verifications(entities_db, VerificationFilter(include_done=True), limit=10_000)
    department = every[0].department_id
    ws = make_workspace(dept_user(entities_db, department), department_id=department)  # a real account: it reads
    rows = _show(ws, qtbot, ws.commitments, COMMITMENTS_TAB)
    assert not ws.commitments.department.isEnabled() and ws.commitments.department_id() == department
    assert {r.department_id for r in rows} <= {department}
    assert ws.commitments.table.isColumnHidden(8)
    with qtbot.waitSignal(ws.commitments.loaded, timeout=TIMEOUT) as loaded:
        ws.commitments.show_done.setChecked(True)
    mine = [r for r in every if r.department_id == department]
    assert [r.id for r in loaded.args[0]] == [r.id for r in mine][:100]
    assert not ws.commitments.table.isColumnHidden(8)
    done_row = next(n for n, r in enumerate(loaded.args[0]) if r.done_on is not None)
    ws.commitments.table.selectRow(done_row)
    assert not ws.commitments.action_button.isEnabled()  # verified already


def test_a_late_case_decision_is_recorded_and_said_to_be_late(make_workspace, entities_db, qtbot):
    case = first_unpaused_case(entities_db)
    today = case.decision_due + dt.timedelta(days=4)
    ws = make_workspace(today=today)
    rows = _show(ws, qtbot, ws.cases, CASES_TAB)
    assert ws.cases.undecided_only.isChecked() and {r.status for r in rows} == {"filed"}
    row = next(n for n, r in enumerate(rows) if r.id == case.id)
    assert ws.cases.table.item(row, 4).foreground().color().name() == RED
    _select(ws.cases, case.id)
    ws.cases.action_button.click()
    dialog = visible_dialog(ws, DecisionDialog)
    assert dialog.value() == today and dialog.late.isVisibleTo(dialog)
    dialog.date.setDate(case.filed_on - dt.timedelta(days=3))  # not before the filing
    assert dialog.value() == case.filed_on and not dialog.late.isVisibleTo(dialog)
    dialog.date.setDate(today)
    with qtbot.waitSignal(ws.cases.changed, timeout=TIMEOUT):
        dialog.ok_button.click()
    with entities_db.sessions() as s:
        stored = s.get(Case, case.id)
        assert (stored.decided_on, stored.status) == (today, CaseStatus.DECIDED)
    assert "已超期" in ws.message_bar.text() and case.ref_no in ws.message_bar.text()
    qtbot.waitUntil(lambda: case.id not in [r.id for r in ws.cases.rows], timeout=TIMEOUT)
    with qtbot.waitSignal(ws.cases.loaded, timeout=TIMEOUT) as loaded:
        ws.cases.undecided_only.setChecked(False)
    decided = next(r for r in loaded.args[0] if r.id == case.id)
    assert decided.decided_on == today and decided.decided_late()


def test_a_decision_in_time_says_so(make_workspace, entities_db, qtbot):
    case = first_unpaused_case(entities_db)
    ws = make_workspace(today=case.filed_on + dt.timedelta(days=1))
    _show(ws, qtbot, ws.cases, CASES_TAB)
    _select(ws.cases, case.id)
    dialog = ws.cases.decision_dialog()
    assert not dialog.late.isVisibleTo(dialog)
    with qtbot.waitSignal(ws.cases.changed, timeout=TIMEOUT):
        dialog.ok_button.click()
    assert "未超过期限" in ws.message_bar.text()
    with entities_db.sessions() as s:
        assert s.scalar(select(Case.decided_on).where(Case.id == case.id)) == case.filed_on + dt.timedelta(days=1)


def test_without_an_actor_both_tabs_are_read_only(make_workspace, qtbot):
    ws = make_workspace("")
    commitments = _show(ws, qtbot, ws.commitments, COMMITMENTS_TAB)
    cases = _show(ws, qtbot, ws.cases, CASES_TAB)
    assert commitments and cases
    for page in (ws.commitments, ws.cases):
        assert page.action_button.isHidden() and not page.action_button.isEnabled()
        page.table.selectRow(0)
        assert not page.action_button.isEnabled()
    assert ws.commitments.verify_dialog() is None and ws.cases.decision_dialog() is None


def test_the_tabs_follow_the_language(make_workspace, qtbot):
    ws = make_workspace()
    _show(ws, qtbot, ws.cases, CASES_TAB)
    ws.cases.set_language("en")
    english = [ws.cases.department.itemText(n) for n in range(1, ws.cases.department.count())]
    assert all(name.isascii() for name in english)
    assert ws.cases.table.item(0, 2).text().isascii()
