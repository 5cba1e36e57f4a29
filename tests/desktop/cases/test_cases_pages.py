"""Double notification, routing rules, Open311 exchange and who sees what, on the demo city."""
from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from core.db.models import MarketEntity, NotificationPush, PushStatus
from core.services import clues, obligations
from desktop.cases import workspace_for
from desktop.cases.pushes_page import ReasonDialog
from desktop.cases.rule_dialog import RuleDialog
from desktop.cases.workspace import PUSHES_TAB, RULES_TAB

from .conftest import TIMEOUT, dept, matter_of, uscc_of, visible_dialog


def _push(db, department_id: int | None, *, nth: int = 0, status=PushStatus.PENDING) -> int:
    """A push of 2026-11-16 (claim due 2026-11-23), to ``department_id`` or to nobody."""
    with db.bootstrap_uow("registry") as uow:
        entity = uow.session.scalar(select(MarketEntity.id).order_by(MarketEntity.id).offset(100 + nth).limit(1))
        push = NotificationPush(entity_id=entity, permit_name=f"食品经营许可 {nth}", department_id=department_id,
                                pushed_on=dt.date(2026, 11, 16), claim_due=dt.date(2026, 11, 23), status=status,
                                return_reason="经营范围表述不清" if status == PushStatus.RETURNED else None)
        uow.session.add(push)
        uow.commit()
        return push.id


def _row_of(table, push_id: int) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole).id == push_id)


def test_a_department_claims_from_the_shared_queue_and_returns_its_own(make_workspace, entities_db, qtbot):
    scjg = dept(entities_db, "SCJG")
    queued, mine = _push(entities_db, None, nth=1, status=PushStatus.RETURNED), _push(entities_db, scjg, nth=2)
    ws = make_workspace("dept_scjg", department_id=scjg, today=dt.date(2026, 11, 25))
    assert not ws.tabs.isTabVisible(RULES_TAB)
    with qtbot.waitSignal(ws.pushes.loaded, timeout=TIMEOUT) as loaded:
        ws.tabs.setCurrentIndex(PUSHES_TAB)
    own, queue = loaded.args[0]
    assert [p.id for p in own] == [mine] and queued in [p.id for p in queue]
    assert not ws.pushes.department.isEnabled() and ws.pushes.department_id() == scjg
    row = _row_of(ws.pushes.queue, queued)
    assert ws.pushes.queue.item(row, 4).foreground().color().name() == "#b3261e"  # claim overdue since 11-23
    assert ws.pushes.queue.item(row, 5).text() == "经营范围表述不清"

    ws.pushes.queue.selectRow(row)
    with qtbot.waitSignal(ws.pushes.changed, timeout=TIMEOUT):
        ws.pushes.claim_queue_button.click()
    claimed = next(p for p in obligations.department_pushes(entities_db, scjg, pending_only=False) if p.id == queued)
    assert claimed.status == "claimed" and claimed.claimed_on is not None
    assert queued not in [p.id for p in obligations.shared_queue(entities_db)]

    qtbot.waitUntil(lambda: ws.pushes.mine.rowCount() == 1, timeout=TIMEOUT)
    ws.pushes.mine.selectRow(0)
    ws.pushes.return_button.click()
    dialog = visible_dialog(ws, ReasonDialog)
    dialog.ok_button.click()  # a return needs a reason
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    dialog.reason.setPlainText("该许可不属于本部门审批")
    with qtbot.waitSignal(ws.pushes.changed, timeout=TIMEOUT):
        dialog.ok_button.click()
    back = next(p for p in obligations.shared_queue(entities_db) if p.id == mine)
    assert back.status == "returned" and back.return_reason == "该许可不属于本部门审批"


def test_center_staff_choose_the_department_they_claim_for(make_workspace, entities_db, qtbot):
    wjj = dept(entities_db, "WJJ")
    queued = _push(entities_db, None, nth=3)
    ws = make_workspace()
    with qtbot.waitSignal(ws.pushes.loaded, timeout=TIMEOUT):
        ws.tabs.setCurrentIndex(PUSHES_TAB)
    ws.pushes.queue.selectRow(_row_of(ws.pushes.queue, queued))
    assert not ws.pushes.claim_queue_button.isEnabled()  # for which department?
    ws.pushes.department.setCurrentIndex(ws.pushes.department.findData(wjj))
    with qtbot.waitSignal(ws.pushes.loaded, timeout=TIMEOUT):
        ws.pushes.department.activated.emit(ws.pushes.department.currentIndex())
    ws.pushes.queue.selectRow(_row_of(ws.pushes.queue, queued))
    with qtbot.waitSignal(ws.pushes.changed, timeout=TIMEOUT):
        ws.pushes.claim_queue_button.click()
    assert [p.status for p in obligations.department_pushes(entities_db, wjj, pending_only=False)
            if p.id == queued] == ["claimed"]


def _clue(db, nth: int, code: str = "SCJG") -> int:
    return clues.create_clue(db, "operator", clues.NewClue(source="grid", description="占道经营",
                                                           uscc=uscc_of(db, nth), matter_id=matter_of(db, code)))


def test_an_open311_export_comes_back_as_already_here(make_workspace, entities_db, qtbot, tmp_path):
    for n in range(3):
        _clue(entities_db, 30 + n)
    ws = make_workspace()
    path = tmp_path / "clues.json"
    with qtbot.waitSignal(ws.file_written, timeout=TIMEOUT):
        ws.export_open311(path)
    requests = json.loads(path.read_text(encoding="utf-8"))
    open_count = clues.count_clues(entities_db, clues.ClueFilter(open_only=True))
    assert len(requests) == open_count > 0 and all(r["status"] == "open" for r in requests)
    with qtbot.waitSignal(ws.imported, timeout=TIMEOUT) as imported:
        ws.import_open311(path)
    assert imported.args[0] == (0, open_count)
    assert ws.message_bar.property("kind") == "success" and str(open_count) in ws.message_bar.text()

    requests[0] = {**requests[0], "service_request_id": "12345-2026-000001", "description": "",
                   "extended_attributes": {**requests[0]["extended_attributes"], "ref_no": None}}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(requests, ensure_ascii=False), encoding="utf-8")
    before = clues.count_clues(entities_db, clues.ClueFilter())
    ws.import_open311(bad)
    qtbot.waitUntil(lambda: ws.message_bar.property("kind") == "error", timeout=TIMEOUT)
    assert "request 1 (12345-2026-000001): description" in ws.message_bar.text()
    assert visible_dialog(ws, QMessageBox).objectName() == "entityErrorBox"
    assert clues.count_clues(entities_db, clues.ClueFilter()) == before  # all or nothing


def test_routing_rules_are_added_edited_and_deleted(make_workspace, entities_db, qtbot):
    scjg, wjj = dept(entities_db, "SCJG"), dept(entities_db, "WJJ")
    matter = matter_of(entities_db, "SCJG")
    ws = make_workspace("admin", can_edit_rules=True)
    assert ws.tabs.isTabVisible(RULES_TAB)
    with qtbot.waitSignal(ws.rules.loaded, timeout=TIMEOUT):
        ws.tabs.setCurrentIndex(RULES_TAB)
    dialog = ws.rules.add_dialog()
    assert isinstance(dialog, RuleDialog)
    dialog.department.setCurrentIndex(dialog.department.findData(wjj))
    dialog.accept()  # a rule for every clue is refused
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    dialog.matter.setCurrentIndex(dialog.matter.findData(matter))
    with qtbot.waitSignal(ws.rules.loaded, timeout=TIMEOUT):
        dialog.accept()
    [rule] = clues.list_rules(entities_db)
    assert (rule.matter_id, rule.department_id) == (matter, wjj)
    # New clues follow it: the matter's own department no longer gets them.
    clue_id = clues.create_clue(entities_db, "operator", clues.NewClue(
        source="hotline", description="测试分派", uscc=uscc_of(entities_db, 20), matter_id=matter))
    assert clues.clue_detail(entities_db, clue_id).department_id == wjj

    ws.rules.table.selectRow(0)
    dialog = ws.rules.edit_dialog()
    assert not dialog.matter.isEnabled()
    dialog.department.setCurrentIndex(dialog.department.findData(scjg))
    with qtbot.waitSignal(ws.rules.loaded, timeout=TIMEOUT):
        dialog.accept()
    assert [(r.id, r.department_id) for r in clues.list_rules(entities_db)] == [(rule.id, scjg)]

    ws.rules.table.selectRow(0)
    ws.rules.delete_button.click()
    box = visible_dialog(ws, QMessageBox)
    assert box.objectName() == "ruleDeleteConfirm"
    with qtbot.waitSignal(ws.rules.loaded, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert clues.list_rules(entities_db) == []


def test_a_department_user_sees_their_departments_clues_first(console_app, entities_db, tasks, qtbot, tmp_path):
    from core.services.auth import authenticate
    from desktop.services import AppServices
    from desktop.settings import Settings

    scjg = dept(entities_db, "SCJG")
    _clue(entities_db, 40)
    _clue(entities_db, 41, "WJJ")
    user = authenticate(entities_db, "dept_scjg", "tongguan")
    assert user.role_code == "department" and user.department_id == scjg
    ws = workspace_for(AppServices(db=entities_db, tasks=tasks, settings=Settings.open(tmp_path / "c.ini"), user=user))
    qtbot.addWidget(ws)
    qtbot.waitUntil(lambda: ws.reference is not None and ws.desk.model.rowCount() > 0, timeout=TIMEOUT)
    tasks.wait_idle()
    qtbot.wait(10)
    assert not ws.tabs.isTabVisible(RULES_TAB)
    assert ws.desk.filter_bar.department.currentData() == scjg
    assert ws.desk.total == clues.count_clues(entities_db, clues.ClueFilter(open_only=True, department_id=scjg))
    assert {ws.desk.model.row_at(r).department_id for r in range(ws.desk.model.rowCount())} == {scjg}


def test_a_department_user_sees_only_its_rows_even_with_every_department_chosen(console_app, entities_db, tasks,
                                                                                qtbot, tmp_path):
    """The core decides what the desk lists (clue.read): clearing the department filter shows no other rows."""
    from core.services.auth import authenticate
    from desktop.services import AppServices
    from desktop.settings import Settings
    from desktop.cases.filter_bar import ALL

    scjg = dept(entities_db, "SCJG")
    _clue(entities_db, 42)
    other = _clue(entities_db, 43, "WJJ")
    user = authenticate(entities_db, "dept_scjg", "tongguan")
    ws = workspace_for(AppServices(db=entities_db, tasks=tasks, settings=Settings.open(tmp_path / "c.ini"), user=user))
    qtbot.addWidget(ws)
    qtbot.waitUntil(lambda: ws.reference is not None and ws.desk.model.rowCount() > 0, timeout=TIMEOUT)
    bar = ws.desk.filter_bar
    bar.set_state(ALL)                                 # every state
    bar.set_department(None)
    bar.department.setCurrentIndex(bar.department.findData(None))  # every department
    with qtbot.waitSignal(ws.desk.page_loaded, timeout=TIMEOUT):
        bar.filter_changed.emit()
    assert ws.desk.clue_filter().department_id is None and not ws.desk.clue_filter().open_only
    everything = clues.count_clues(entities_db, clues.ClueFilter())
    assert ws.desk.total == clues.count_clues(entities_db, clues.ClueFilter(department_id=scjg)) < everything
    assert {ws.desk.model.row_at(r).department_id for r in range(ws.desk.model.rowCount())} == {scjg}
    assert ws.desk.model.row_of(other) is None
