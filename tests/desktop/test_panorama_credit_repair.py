"""Credit repair (信用修复) from the panorama's credit tab: the dialog, the rights, the refusals, the reload."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from sqlalchemy import select

from core.credit import add_record, repair
from core.db.models import AuditEntry, CreditRecord, CreditRepair, Department
from core.errors import PermissionDenied

from . import test_entities_support as support
from .test_entities_support import AS_OF

entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
workspace = support.workspace



def _repaired() -> str:
    """The state "Repaired" in the language installed now (the console fixture installs Chinese)."""
    return QCoreApplication.translate("CreditPanel", "Repaired")


def _department(db, code: str) -> int:
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


def _penalty(db, department: str = "SCJG", days_ago: int = 30) -> tuple[int, int]:
    """A fresh penalty (in force on AS_OF) of ``department`` on a demo entity: (entity id, record id)."""
    entity = support.sql(db, "SELECT id FROM market_entities WHERE status = 'active' ORDER BY id LIMIT 1")[0][0]
    record = add_record(db, "leader", entity, "penalty", AS_OF - dt.timedelta(days=days_ago),
                        "行政处罚：未按规定公示即时信息", department_id=_department(db, department))
    return entity, record


def _section(qtbot, db, tasks, entity_id: int, actor: str):
    from desktop.entities.panorama_view import PanoramaView

    view = PanoramaView(db, tasks, entity_id, reference=None, lang="zh_CN", actor=actor, today=AS_OF)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    view.show()
    view.tabs.setCurrentWidget(view.credit)
    qtbot.waitUntil(lambda: view.credit.panel is not None and view.panorama is not None, timeout=15000)
    return view.credit


def _state_of(section, record_id: int) -> str:
    model = section.table.model()
    row = next(r for r, w in enumerate(model.rows()) if w.record.id == record_id)
    return model.index(row, 3).data()


def _stored(db, record_id: int):
    with db.sessions() as s:
        record = s.get(CreditRecord, record_id)
        repairs = list(s.scalars(select(CreditRepair).where(CreditRepair.record_id == record_id)))
        audits = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "credit.repair",
                                                          AuditEntry.object_id == str(record.entity_id))))
        return record.repaired_on, repairs, audits


def _open_dialog(qtbot, section, record_id: int):
    assert section.select_record(record_id)
    assert section.repair_button.isVisibleTo(section) and section.repair_button.isEnabled()
    qtbot.mouseClick(section.repair_button, Qt.MouseButton.LeftButton)
    dialog = section.repair_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_leader_repairs_a_penalty_through_the_dialog(qtbot, entities_db, tasks):
    entity, record = _penalty(entities_db)
    section = _section(qtbot, entities_db, tasks, entity, "leader")
    assert record in section.panel.repairable and _state_of(section, record) != _repaired()
    dialog = _open_dialog(qtbot, section, record)
    assert dialog.values().on == AS_OF                                  # today by default
    assert AS_OF.isoformat() in dialog.consequence.text()
    dialog.day.setDate(dialog.day.date().addDays(-3))
    dialog.note.setPlainText("已改正违法行为并缴清罚款，作出信用承诺")
    dialog.evidence.setText("整改报告.pdf")
    with qtbot.waitSignal(section.repaired, timeout=15000) as said:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "行政处罚：未按规定公示即时信息" in said.args[0]

    repaired_on, repairs, audits = _stored(entities_db, record)
    day = AS_OF - dt.timedelta(days=3)
    assert repaired_on == day
    assert [(r.repaired_on, r.note, r.attachment_name, r.actor) for r in repairs] == [
        (day, "已改正违法行为并缴清罚款，作出信用承诺", "整改报告.pdf", "leader")]
    assert [json.loads(a.after)["attachment"] for a in audits] == ["整改报告.pdf"]
    qtbot.waitUntil(lambda: _state_of(section, record) == _repaired(), timeout=15000)
    assert record not in section.panel.repairable
    assert section.selected_record().id == record and not section.repair_button.isEnabled()
    tasks.wait_idle()


def test_an_empty_note_or_evidence_is_refused_in_the_dialog_and_nothing_is_written(qtbot, entities_db, tasks):
    entity, record = _penalty(entities_db)
    section = _section(qtbot, entities_db, tasks, entity, "leader")
    dialog = _open_dialog(qtbot, section, record)
    dialog.evidence.setText("整改报告.pdf")
    dialog.note.setPlainText("   ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text() == dialog.tr("Say what the entity did to earn the repair.")
    dialog.note.setPlainText("已整改")
    dialog.evidence.setText("")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.text() == dialog.tr("Choose the evidence file (or type its name).")
    tasks.wait_idle()
    assert _stored(entities_db, record) == (None, [], [])
    dialog.reject()
    assert _stored(entities_db, record) == (None, [], [])


def test_the_date_cannot_precede_the_record_nor_pass_today(qtbot, entities_db, tasks):
    entity, record = _penalty(entities_db, days_ago=5)
    section = _section(qtbot, entities_db, tasks, entity, "leader")
    dialog = _open_dialog(qtbot, section, record)
    dialog.day.setDate(dialog.day.date().addDays(-40))               # clamped to the record's day
    assert dialog.values().on == AS_OF - dt.timedelta(days=5)
    dialog.day.setDate(dialog.day.date().addDays(60))                # clamped to today
    assert dialog.values().on == AS_OF
    dialog.reject()


def test_a_department_user_repairs_its_own_records_only(qtbot, entities_db, tasks):
    entity, record = _penalty(entities_db, "SCJG")
    other = _section(qtbot, entities_db, tasks, entity, "czj")       # 财政局: another department
    assert other.panel.repairable == frozenset()
    assert other.select_record(record)
    assert not other.repair_button.isVisibleTo(other)
    with pytest.raises(PermissionDenied):                             # the core refuses all the same
        repair(entities_db, "czj", record, note="已整改", attachment_name="整改报告.pdf", on=AS_OF)
    own = _section(qtbot, entities_db, tasks, entity, "scjg")
    assert record in own.panel.repairable
    assert own.select_record(record) and own.repair_button.isVisibleTo(own) and own.repair_button.isEnabled()
    assert _stored(entities_db, record) == (None, [], [])
    tasks.wait_idle()


def test_an_already_repaired_record_offers_no_repair(qtbot, entities_db, tasks):
    entity, record = _penalty(entities_db)
    _still, in_force = _penalty(entities_db, days_ago=10)             # the leader may still repair this one
    repair(entities_db, "leader", record, note="已整改", attachment_name="整改报告.pdf", on=AS_OF - dt.timedelta(days=1))
    section = _section(qtbot, entities_db, tasks, entity, "leader")
    assert record not in section.panel.repairable and in_force in section.panel.repairable
    assert section.select_record(record)
    assert _state_of(section, record) == _repaired()
    assert section.repair_button.isVisibleTo(section) and not section.repair_button.isEnabled()
    assert section.select_record(in_force) and section.repair_button.isEnabled()
    tasks.wait_idle()


def test_a_repair_by_another_console_meanwhile_is_said_in_the_dialog(qtbot, entities_db, tasks):
    entity, record = _penalty(entities_db)
    section = _section(qtbot, entities_db, tasks, entity, "leader")
    dialog = _open_dialog(qtbot, section, record)
    repair(entities_db, "leader", record, note="另一终端已办理", attachment_name="a.pdf", on=AS_OF)
    dialog.note.setPlainText("已整改")
    dialog.evidence.setText("b.pdf")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=15000)
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    assert "Traceback" not in dialog.problem.text() and AS_OF.isoformat() in dialog.problem.text()
    qtbot.waitUntil(lambda: _state_of(section, record) == _repaired(), timeout=15000)
    _on, repairs, _audits = _stored(entities_db, record)
    assert [r.note for r in repairs] == ["另一终端已办理"]
    dialog.reject()
    tasks.wait_idle()


def test_the_open_panorama_follows_a_repair_made_elsewhere(qtbot, workspace, entities_db, tasks):
    entity, record = _penalty(entities_db)
    view = workspace.open_panorama(entity)
    qtbot.waitUntil(lambda: view.credit.panel is not None, timeout=15000)
    assert _state_of(view.credit, record) != _repaired()
    repair(entities_db, "leader", record, note="已整改", attachment_name="整改报告.pdf", on=AS_OF)
    qtbot.waitUntil(lambda: _state_of(view.credit, record) == _repaired(), timeout=15000)
    tasks.wait_idle()


def test_a_right_lost_meanwhile_is_refused_in_words_and_nothing_is_written(qtbot, entities_db, tasks):
    from tests.support.accounts import account

    entity, record = _penalty(entities_db)
    section = _section(qtbot, entities_db, tasks, entity, "tester")  # a leader account
    dialog = _open_dialog(qtbot, section, record)
    account(entities_db, "tester", "operator")                         # demoted at another workstation
    dialog.note.setPlainText("已整改")
    dialog.evidence.setText("整改报告.pdf")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=15000)
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    assert dialog.problem.text() == QCoreApplication.translate(
        "CreditRepairDialog", "You may not repair this record: only the leader, or the department "
        "that recorded it, grants a credit repair.")
    assert _stored(entities_db, record) == (None, [], [])
    dialog.reject()
    tasks.wait_idle()
