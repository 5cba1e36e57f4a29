"""The "Decision period…" dialog of the Cases tab: extend once by the head, then collectively; pause and resume.
Each step is stored, moves the deadline shown, and the status column says extended or paused."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from core.db.models import AuditEntry, Case, CaseStatus
from core.services import clues
from core.services.obligations_listing import CaseFilter, CaseRow, list_cases
from desktop.cases.case_clock_dialog import EXTEND_COLLECTIVE, EXTEND_HEAD, PAUSE, RESUME, CaseClockDialog
from desktop.cases.workspace import CASES_TAB

from ..test_entities_support import AS_OF
from .conftest import TIMEOUT, visible_dialog

RED = "#b3261e"
STATUS, DUE = 6, 4


def _open(ws, qtbot, case_id) -> CaseClockDialog:
    assert ws.cases.select_id(case_id) and ws.cases.clock_button.isEnabled()
    ws.cases.clock_button.click()
    return visible_dialog(ws, CaseClockDialog)


def _record(ws, qtbot, dialog, action: str, reason: str = "") -> None:
    dialog.choice.setCurrentIndex(dialog.choice.findData(action))
    dialog.reason.setPlainText(reason)
    with qtbot.waitSignal(ws.cases.loaded, timeout=TIMEOUT):
        with qtbot.waitSignal(ws.cases.changed, timeout=TIMEOUT):
            dialog.ok_button.click()


def _row(ws, case_id) -> int:
    return next(n for n, r in enumerate(ws.cases.rows) if r.id == case_id)


def _fresh_case(db, filed_on: dt.date) -> CaseRow:
    """A new undecided case of the entity and department of the first listed one (the demo city
    has extended or paused some of its own)."""
    model = list_cases(db, CaseFilter(undecided_only=False), limit=1)[0]
    with db.bootstrap_uow("test") as uow:
        case = Case(ref_no=f"AJT{filed_on:%Y%m%d}{model.id:05d}", clue_id=None, entity_id=model.entity_id,
                    department_id=model.department_id, filed_on=filed_on,
                    decision_due=filed_on + dt.timedelta(days=90), status=CaseStatus.FILED)
        uow.session.add(case)
        uow.commit()
        case_id = case.id
    return next(r for r in list_cases(db, CaseFilter(), limit=500) if r.id == case_id)


def _stored_due(db, case_id) -> dt.date:
    with db.sessions() as s:
        return s.get(Case, case_id).decision_due


def test_extend_by_the_head_then_collectively_and_pause_then_resume(make_workspace, entities_db, qtbot):
    case = _fresh_case(entities_db, AS_OF - dt.timedelta(days=20))
    today = AS_OF
    ws = make_workspace(today=today)
    with qtbot.waitSignal(ws.cases.loaded, timeout=TIMEOUT):
        ws.tabs.setCurrentIndex(CASES_TAB)
    dialog = _open(ws, qtbot, case.id)
    assert [dialog.choice.itemData(i) for i in range(dialog.choice.count())] == [EXTEND_HEAD, PAUSE]
    dialog.choice.setCurrentIndex(0)
    dialog.ok_button.click()  # no reason: the dialog stays open and says so
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    _record(ws, qtbot, dialog, EXTEND_HEAD, "案情复杂，需调取银行流水")
    assert _stored_due(entities_db, case.id) == case.decision_due + dt.timedelta(days=30)
    row = _row(ws, case.id)
    assert ws.cases.table.item(row, DUE).text() == (case.decision_due + dt.timedelta(days=30)).isoformat()
    assert "30" in ws.cases.table.item(row, STATUS).text()

    dialog = _open(ws, qtbot, case.id)  # the head's extension is used: only a collective one is offered
    assert [dialog.choice.itemData(i) for i in range(dialog.choice.count())] == [EXTEND_COLLECTIVE, PAUSE]
    assert dialog.history.count() == 1 and "银行流水" in dialog.history.item(0).text()
    dialog.choice.setCurrentIndex(dialog.choice.findData(EXTEND_COLLECTIVE))
    dialog.days.setValue(15)
    _record(ws, qtbot, dialog, EXTEND_COLLECTIVE, "集体讨论决定继续延期")
    assert _stored_due(entities_db, case.id) == case.decision_due + dt.timedelta(days=45)

    dialog = _open(ws, qtbot, case.id)
    dialog.choice.setCurrentIndex(dialog.choice.findData(PAUSE))
    dialog.kind.setCurrentIndex(dialog.kind.findData("hearing"))
    dialog.date.setDate(today - dt.timedelta(days=4))
    _record(ws, qtbot, dialog, PAUSE, "当事人申请听证")
    row = _row(ws, case.id)
    assert today.isoformat() not in ws.cases.table.item(row, STATUS).text()
    assert (today - dt.timedelta(days=4)).isoformat() in ws.cases.table.item(row, STATUS).text()
    # While paused the due date shown has moved by the 5 days of the pause so far.
    assert ws.cases.table.item(row, DUE).text() == (case.decision_due + dt.timedelta(days=50)).isoformat()

    dialog = _open(ws, qtbot, case.id)  # paused: only "resume" is offered
    assert [dialog.choice.itemData(i) for i in range(dialog.choice.count())] == [RESUME]
    dialog.date.setDate(today - dt.timedelta(days=2))  # three days not counted
    _record(ws, qtbot, dialog, RESUME)
    assert _stored_due(entities_db, case.id) == case.decision_due + dt.timedelta(days=48)
    with entities_db.sessions() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "case",
                                                             AuditEntry.object_id == str(case.id))).all()
    assert actions == ["case.extend", "case.extend", "case.pause", "case.resume"]


def test_a_paused_case_is_not_shown_late_and_a_refusal_is_shown(make_workspace, entities_db, qtbot):
    case = _fresh_case(entities_db, AS_OF - dt.timedelta(days=20))
    start = case.decision_due - dt.timedelta(days=3)
    clues.pause_case(entities_db, "operator", case.id, kind="testing", reason="送检", on=start, today=start)
    ws = make_workspace(today=case.decision_due + dt.timedelta(days=10))  # past the stored date, but paused
    with qtbot.waitSignal(ws.cases.loaded, timeout=TIMEOUT):
        ws.tabs.setCurrentIndex(CASES_TAB)
    row = _row(ws, case.id)
    assert ws.cases.table.item(row, DUE).foreground().color().name() != RED
    assert ws.cases.table.item(row, DUE).text() == (case.decision_due + dt.timedelta(days=14)).isoformat()
    # Deciding while paused is refused with the rule, in the UI language.
    assert ws.cases.select_id(case.id)
    dialog = ws.cases.decision_dialog()
    dialog.ok_button.click()
    box = visible_dialog(ws, QMessageBox, TIMEOUT)
    assert "不计入期间" in box.text() and "第六十四条" in box.text()
    box.close()
    with entities_db.sessions() as s:
        assert s.get(Case, case.id).decided_on is None


def test_the_efficiency_report_lists_extended_and_paused_cases_apart(entities_db, tmp_path):
    from openpyxl import load_workbook

    from core.services import efficiency
    from desktop.efficiency.report import write_report

    case = _fresh_case(entities_db, AS_OF - dt.timedelta(days=20))
    day = case.filed_on + dt.timedelta(days=1)
    clues.extend_case(entities_db, "operator", case.id, days=30, approval="head", reason="案情复杂", on=day, today=day)
    clues.pause_case(entities_db, "operator", case.id, kind="appraisal", reason="价格鉴定", on=day, today=day)
    data = efficiency.load_efficiency(entities_db, AS_OF)
    path = write_report(tmp_path / "r.xlsx", data, "效能报表", None, None, "zh_CN", "sans")
    sheet = list(load_workbook(path, read_only=True)["延期案件"].iter_rows(values_only=True))
    assert sheet[1][0] == "案件编号"
    mine = [r for r in sheet[2:] if r[0] == case.ref_no]
    assert len(mine) == 1 and mine[0][6:9] == (1, 30, 0) and mine[0][9] is not None  # extended 30 days, paused now
    assert len(sheet) - 2 == len(data.extended_cases)
    pdf = write_report(tmp_path / "r.pdf", data, "效能报表", None, None, "zh_CN", "sans", db=entities_db,
                       actor="operator")
    assert pdf.stat().st_size > 0
    from desktop.efficiency.report import report_sheets
    from tests.support.audit_entries import exports
    actor, entry = exports(entities_db, "efficiency_report")[-1]
    assert (actor, entry["file"]) == ("operator", "r.pdf")
    assert entry["rows"] == sum(len(s.rows) for s in report_sheets(data, None, None, "zh_CN")) > 0
    # A period that holds neither deadline lists none of them; another kind of clock, no section.
    before = (case.filed_on, case.filed_on)
    assert write_report(tmp_path / "p.xlsx", data, "t", None, before, "en", "sans")
    listed = [r[0] for r in load_workbook(tmp_path / "p.xlsx", read_only=True)["Extended cases"]
              .iter_rows(min_row=3, values_only=True)]
    assert case.ref_no not in listed
    write_report(tmp_path / "k.xlsx", data, "t", 0, None, "en", "sans")
    assert "Extended cases" not in load_workbook(tmp_path / "k.xlsx", read_only=True).sheetnames
