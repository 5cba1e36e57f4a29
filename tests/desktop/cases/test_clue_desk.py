"""The clue desk end to end on the demo city: a clue registered in the dialog and walked through
its states by the action buttons; the database is checked after every step."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from core.clues import ACTIONS
from core.services import clues
from desktop.cases.action_dialogs import ActionDialog
from desktop.cases.clue_table import COLUMNS
from desktop.cases.new_clue_dialog import NewClueDialog
from desktop.i18n import install_language

from .conftest import AS_OF, TIMEOUT, dept, matter_of, uscc_of, visible_dialog


def _shown(qtbot, ws, clue_id: int, state: str | None = None) -> None:
    """Wait until the detail panel shows ``clue_id`` (in ``state``)."""
    def ready() -> bool:
        d = ws.desk.detail.detail
        return d is not None and d.id == clue_id and (state is None or d.state == state)
    qtbot.waitUntil(ready, timeout=TIMEOUT)


def _click(ws, qtbot, key: str):
    """Click the action button ``key``; returns the dialog it opened, if any."""
    button = ws.desk.detail.action_buttons[key]
    qtbot.waitUntil(lambda: button.isVisibleTo(ws))  # new buttons show once the layout has run
    assert button.text() == ACTIONS[key].name_zh
    button.click()
    return None if not (ACTIONS[key].needs_note or ACTIONS[key].needs_department or ACTIONS[key].needs_original) \
        else visible_dialog(ws, ActionDialog)


def _new_clue(db, *, code: str = "SCJG", nth: int = 5) -> int:
    return clues.create_clue(db, "operator", clues.NewClue(source="hotline", description="群众反映商户销售过期食品",
                                                           uscc=uscc_of(db, nth), matter_id=matter_of(db, code)))


def test_a_clue_goes_from_the_new_clue_dialog_to_closed(make_workspace, entities_db, qtbot):
    ws = make_workspace()
    uscc, matter = uscc_of(entities_db, 3), matter_of(entities_db, "SCJG")
    dialog = ws.new_clue_dialog()
    assert isinstance(dialog, NewClueDialog)
    dialog.source.setCurrentIndex(dialog.source.findData("hotline"))
    dialog.create_button.click()  # nothing described yet: refused in the dialog
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    dialog.description.setPlainText("群众反映该店销售过期牛奶")
    dialog.uscc.setText("91330782NOTACODE1X")
    dialog.create_button.click()
    assert dialog.isVisible() and "91330782NOTACODE1X" in dialog.problem.text()
    dialog.uscc.setText(uscc.lower())
    dialog.matter.setCurrentIndex(dialog.matter.findData(matter))
    with qtbot.waitSignal(ws.clue_created, timeout=TIMEOUT) as created:
        dialog.create_button.click()
    clue_id = created.args[0]
    detail = clues.clue_detail(entities_db, clue_id)
    assert detail.state == "assigned" and detail.department_id == dept(entities_db, "SCJG")  # by the matter
    assert detail.uscc == uscc and detail.description == "群众反映该店销售过期牛奶"

    # On show in the table (newest first) and chosen.
    qtbot.waitUntil(lambda: ws.desk.model.row_of(clue_id) == 0, timeout=TIMEOUT)
    assert ws.desk.model.data(ws.desk.model.index(0, COLUMNS.index("ref"))) == detail.ref_no
    assert ws.desk.model.data(ws.desk.model.index(0, COLUMNS.index("state"))) == "已分派"
    _shown(qtbot, ws, clue_id, "assigned")
    assert set(ws.desk.detail.action_buttons) == {"claim", "return", "duplicate"}
    assert not ws.desk.detail.case_button.isVisibleTo(ws)

    for key, state in (("claim", "claimed"), ("start", "handling")):
        with qtbot.waitSignal(ws.acted, timeout=TIMEOUT):
            assert _click(ws, qtbot, key) is None
        assert clues.clue_detail(entities_db, clue_id).state == state
        _shown(qtbot, ws, clue_id, state)
        assert ws.desk.detail.case_button.isVisibleTo(ws)  # a case can be filed from here

    dialog = _click(ws, qtbot, "feed_back")
    assert dialog.department is None and dialog.original is None and dialog.note is not None
    dialog.ok_button.click()  # an empty result is refused in the dialog
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
    assert clues.clue_detail(entities_db, clue_id).state == "handling"
    dialog.note.setPlainText("已现场核查，责令下架过期牛奶")
    with qtbot.waitSignal(ws.acted, timeout=TIMEOUT):
        dialog.ok_button.click()
    detail = clues.clue_detail(entities_db, clue_id)
    assert detail.state == "fed_back" and detail.result == "已现场核查，责令下架过期牛奶"
    _shown(qtbot, ws, clue_id, "fed_back")
    assert "已现场核查" in ws.desk.detail.steps.text()
    assert set(ws.desk.detail.action_buttons) == {"close", "reopen"}

    with qtbot.waitSignal(ws.acted, timeout=TIMEOUT):
        _click(ws, qtbot, "close")
    detail = clues.clue_detail(entities_db, clue_id)
    assert detail.state == "closed" and detail.closed_at is not None
    assert [s.to_state for s in detail.steps] == ["received", "assigned", "claimed", "handling", "fed_back", "closed"]
    assert all(s.actor == "leader" for s in detail.steps[2:])
    _shown(qtbot, ws, clue_id, "closed")  # still on show, though "Open" no longer lists it
    qtbot.waitUntil(lambda: ws.desk.model.row_of(clue_id) is None, timeout=TIMEOUT)
    assert set(ws.desk.detail.action_buttons) == {"reopen"}
    assert ws.message_bar.isVisible() and detail.ref_no in ws.message_bar.text()


def test_return_asks_whose_it_is_and_why(make_workspace, entities_db, qtbot):
    scjg, wjj = dept(entities_db, "SCJG"), dept(entities_db, "WJJ")
    clue_id = _new_clue(entities_db)
    ws = make_workspace()
    ws.desk.refresh(select=clue_id)
    _shown(qtbot, ws, clue_id, "assigned")
    dialog = _click(ws, qtbot, "return")
    assert dialog.department.findData(scjg) == -1  # not back to itself
    dialog.note.setPlainText("不属于本部门职责")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)  # no department chosen
    dialog.department.setCurrentIndex(dialog.department.findData(wjj))
    dialog.note.setPlainText("   ")
    dialog.ok_button.click()
    assert dialog.isVisible()  # a reason in words is needed too
    assert clues.clue_detail(entities_db, clue_id).state == "assigned"
    dialog.note.setPlainText("不属于本部门职责，应由卫健局处理")
    with qtbot.waitSignal(ws.acted, timeout=TIMEOUT):
        dialog.ok_button.click()
    detail = clues.clue_detail(entities_db, clue_id)
    assert detail.state == "returned"
    assert detail.steps[-1].department_id == wjj and detail.steps[-1].note == "不属于本部门职责，应由卫健局处理"


def test_a_duplicate_names_its_original_by_reference(make_workspace, entities_db, qtbot):
    original, clue_id = _new_clue(entities_db, nth=7), _new_clue(entities_db, nth=8)
    ws = make_workspace()
    ws.desk.refresh(select=clue_id)
    _shown(qtbot, ws, clue_id, "assigned")
    dialog = _click(ws, qtbot, "duplicate")
    dialog.original.setText("XS19990101-NOSUCH")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: ws.message_bar.isVisible() and ws.message_bar.property("kind") == "error", timeout=TIMEOUT)
    assert "XS19990101-NOSUCH" in ws.message_bar.text()
    assert clues.clue_detail(entities_db, clue_id).state == "assigned"
    dialog = _click(ws, qtbot, "duplicate")
    dialog.original.setText(clues.clue_detail(entities_db, original).ref_no.lower())
    with qtbot.waitSignal(ws.acted, timeout=TIMEOUT):
        dialog.ok_button.click()
    detail = clues.clue_detail(entities_db, clue_id)
    assert detail.state == "duplicate" and detail.duplicate_of_id == original


def test_a_case_is_filed_from_a_claimed_clue_after_confirmation(make_workspace, entities_db, qtbot):
    clue_id = _new_clue(entities_db, nth=9)
    clues.act(entities_db, "scjg", clue_id, "claim")
    ws = make_workspace()
    ws.desk.refresh(select=clue_id)
    _shown(qtbot, ws, clue_id, "claimed")
    ws.desk.detail.case_button.click()
    box = visible_dialog(ws, QMessageBox)
    assert box.objectName() == "clueCaseConfirm"
    with qtbot.waitSignal(ws.case_filed, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    detail = clues.clue_detail(entities_db, clue_id)
    assert len(detail.case_refs) == 1 and detail.state == "claimed"
    qtbot.waitUntil(lambda: detail.case_refs[0] in ws.desk.detail.facts.text(), timeout=TIMEOUT)


def test_without_an_actor_nothing_can_be_changed(make_workspace, entities_db, qtbot):
    clue_id = _new_clue(entities_db, nth=10)
    ws = make_workspace(actor="")
    assert ws.read_only and not ws.new_clue_button.isVisibleTo(ws) and not ws.import_button.isVisibleTo(ws)
    assert ws.export_button.isVisibleTo(ws) and ws.new_clue_dialog() is None
    ws.desk.refresh(select=clue_id)
    _shown(qtbot, ws, clue_id, "assigned")
    assert ws.desk.detail.action_buttons == {} and not ws.desk.detail.case_button.isVisibleTo(ws)
    assert ws.request_action("claim") is None
    ws.tabs.setCurrentIndex(1)
    assert not ws.pushes.claim_queue_button.isVisibleTo(ws) and not ws.pushes.return_button.isVisibleTo(ws)
    assert clues.clue_detail(entities_db, clue_id).state == "assigned"


def test_overdue_clues_are_red_and_can_be_listed_alone(make_workspace, entities_db, qtbot, qtmodeltester):
    late = clues.create_clue(entities_db, "operator", clues.NewClue(
        source="grid", description="占道经营", uscc=uscc_of(entities_db, 12), matter_id=matter_of(entities_db, "SCJG"),
        received_at=dt.datetime(2026, 10, 9, 2, 0, tzinfo=dt.UTC)))
    in_time = _new_clue(entities_db, nth=13)  # received today: due in two weeks
    ws = make_workspace()
    qtmodeltester.check(ws.desk.model)
    with qtbot.waitSignal(ws.desk.page_loaded, timeout=TIMEOUT):
        ws.desk.filter_bar.overdue.setChecked(True)
    model = ws.desk.model
    expected = clues.count_clues(entities_db, clues.ClueFilter(overdue_on=AS_OF))
    assert expected > 0 and ws.desk.total == expected and model.row_of(late) is not None
    assert model.row_of(in_time) is None
    due = COLUMNS.index("due")
    for row in range(model.rowCount()):
        r = model.row_at(row)
        assert not r.closed and r.due_on < AS_OF
        color = model.data(model.index(row, due), role=9)  # Qt.ForegroundRole
        assert color is not None and color.name() == "#b3261e"
    ws.desk.filter_bar.overdue.setChecked(False)
    ws.desk.filter_bar.set_state("all")
    with qtbot.waitSignal(ws.desk.page_loaded, timeout=TIMEOUT):
        ws.desk.filter_bar.filter_changed.emit()
    closed = [n for n in range(model.rowCount()) if model.row_at(n).closed]
    assert closed and model.data(model.index(closed[0], due), role=9) is None


@pytest.mark.parametrize("lang, claim", [("en", "Claim"), ("zh_CN", "签收")])
def test_action_buttons_follow_the_language(make_workspace, entities_db, console_app, qtbot, lang, claim):
    clue_id = _new_clue(entities_db, nth=11)
    ws = make_workspace()
    ws.desk.refresh(select=clue_id)
    _shown(qtbot, ws, clue_id, "assigned")
    install_language(console_app, lang)
    qtbot.waitUntil(lambda: "claim" in ws.desk.detail.action_buttons
                    and ws.desk.detail.action_buttons["claim"].text() == claim, timeout=TIMEOUT)
    if lang == "en":
        assert ws.tabs.tabText(0) == "Clues" and ws.desk.detail.case_button.text() == "File a case…"


def test_files_come_with_a_new_clue_and_can_be_opened_and_saved(make_workspace, entities_db, qtbot, tmp_path):
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg" * 100)
    ws = make_workspace()
    opened = []
    ws.open_url = opened.append
    dialog = ws.new_clue_dialog()
    dialog.description.setPlainText("网格员拍到店外占道堆放")
    dialog.by_village.setChecked(True)
    assert not dialog.uscc.isVisibleTo(dialog) and dialog.village.isVisibleTo(dialog)
    dialog.create_button.click()
    assert dialog.isVisible()  # no village chosen yet
    dialog.village.setCurrentIndex(5)
    village = dialog.village.currentData()
    dialog.add_paths([photo])
    with qtbot.waitSignal(ws.clue_created, timeout=TIMEOUT) as created:
        dialog.create_button.click()
    clue_id = created.args[0]
    detail = clues.clue_detail(entities_db, clue_id)
    assert detail.entity_id is None and detail.source_village_code == village
    assert detail.state == "received"  # no matter, no entity: the center routes it by hand
    assert [f.filename for f in detail.files] == ["现场照片.jpg"]
    _shown(qtbot, ws, clue_id)
    assert ws.desk.detail.files.count() == 1 and set(ws.desk.detail.action_buttons) == {"assign", "duplicate"}

    ws.desk.detail.open_file_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=TIMEOUT)
    assert open(opened[0].toLocalFile(), "rb").read() == photo.read_bytes()
    target = tmp_path / "saved.jpg"
    with qtbot.waitSignal(ws.file_written, timeout=TIMEOUT):
        ws.save_attachment(detail.files[0].id, target)
    assert target.read_bytes() == photo.read_bytes()

    dialog = _click(ws, qtbot, "assign")
    assert dialog.note is None and dialog.original is None
    dialog.department.setCurrentIndex(dialog.department.findData(dept(entities_db, "XZZF")))
    with qtbot.waitSignal(ws.acted, timeout=TIMEOUT):
        dialog.ok_button.click()
    detail = clues.clue_detail(entities_db, clue_id)
    assert detail.state == "assigned" and detail.department_id == dept(entities_db, "XZZF")


def test_a_department_user_gets_only_the_department_actions(make_workspace, entities_db, qtbot):
    clue_id = _new_clue(entities_db, nth=12)
    ws = make_workspace(role="department")
    ws.desk.refresh(select=clue_id)
    _shown(qtbot, ws, clue_id, "assigned")
    assert set(ws.desk.detail.action_buttons) == {"claim", "return"}  # no "mark as duplicate": the center's
    center = make_workspace(role="operator")
    center.desk.refresh(select=clue_id)
    _shown(qtbot, center, clue_id, "assigned")
    assert set(center.desk.detail.action_buttons) == {"claim", "return", "duplicate"}
