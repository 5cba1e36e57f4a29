"""Recording an inspection task's results in the dialog, checked against the database."""
from __future__ import annotations

import datetime as dt
import os

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from core.db.models import AuditEntry, Clue, ClueSource
from core.services.draws import record_result, task_checklist
from tests.support.accounts import task_user
from desktop.draws.results_dialog import ResultsDialog
from desktop.i18n import install_language
from desktop.tasks import TaskManager

from ...core.services_draws.helpers import batch, lock_and_draw, plan
from ..test_entities_support import entities_db, entities_template, tasks  # noqa: F401 - fixtures


def drawn_task(db) -> int:
    """A task with two matters (several checklist items) from a small drawn batch."""
    drawn = lock_and_draw(db, batch(db, plan(db), depts=(("SCJG", 2, 2),)))
    return drawn.picks[0].task_id


def open_dialog(qtbot, db, manager: TaskManager, task_id: int, actor: str | None = None) -> ResultsDialog:
    actor = task_user(db, task_id) if actor is None else actor  # the lead department records results
    dialog = ResultsDialog(db, manager, actor, task_id, "zh_CN")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.show()
    return dialog


def snapshot(qtbot, dialog: ResultsDialog, name: str, item_id: int | None = None) -> None:
    """With RESULTS_DIALOG_PNG=<directory>, save how the dialog looks (for a human to check the layout)."""
    folder = os.environ.get("RESULTS_DIALOG_PNG")
    if folder:
        if item_id is not None:
            dialog.table.scrollToItem(dialog._rows[item_id].item)
        qtbot.wait(50)
        dialog.grab().save(os.path.join(folder, f"{name}.png"))


def clue_count(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Clue))


def result_audits(db, task_id: int) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "inspection.result", AuditEntry.object_id == str(task_id)))


def test_loading_shows_every_item_grouped_by_matter_with_nothing_chosen(console_app, entities_db, tasks, qtbot):  # noqa: F811
    task_id = drawn_task(entities_db)
    checklist = task_checklist(entities_db, task_id)
    assert len({i.matter_id for i in checklist.items}) == 2 and len(checklist.items) >= 3
    dialog = open_dialog(qtbot, entities_db, tasks, task_id)
    table = dialog.findChild(object, "resultsTable")
    assert table.topLevelItemCount() == 2
    assert sum(table.topLevelItem(i).childCount() for i in range(2)) == len(checklist.items)
    first = checklist.items[0]
    assert table.topLevelItem(0).text(0).startswith(first.matter_code)
    assert first.matter_name_zh in table.topLevelItem(0).text(0)
    assert first.text_zh in table.topLevelItem(0).child(0).text(0)
    assert all(row.outcome.currentIndex() == -1 and not row.clue.isEnabled() for row in dialog._rows.values())
    header = dialog.findChild(object, "resultsHeader").text()
    assert checklist.entity_name in header and checklist.uscc in header and checklist.due_on.isoformat() in header
    assert not dialog.findChild(object, "resultsSave").isEnabled()
    assert dialog.read_only_reason() is None and not dialog.has_unsaved_changes()
    # The language follows the console: matter names, item texts and labels switch.
    install_language(console_app, "en")
    assert dialog.table.headerItem().text(0) == "Checklist item"
    assert first.matter_name_en in table.topLevelItem(0).text(0)
    assert (first.text_en or first.text_zh) in table.topLevelItem(0).child(0).text(0)
    snapshot(qtbot, dialog, "results_en")


def test_saving_records_changed_items_completes_the_task_and_opens_a_clue(console_app, entities_db, tasks, qtbot):  # noqa: F811
    task_id = drawn_task(entities_db)
    items = task_checklist(entities_db, task_id).items
    dialog = open_dialog(qtbot, entities_db, tasks, task_id)
    # First save: one item only; the task starts.
    dialog.set_outcome(items[0].item_id, "pass")
    assert dialog.changed_items() == [items[0].item_id]
    with qtbot.waitSignal(dialog.results_saved, timeout=10000) as saved:
        assert dialog.save()
    assert saved.args == [task_id]
    qtbot.waitUntil(lambda: dialog.checklist.recorded == 1)
    assert task_checklist(entities_db, task_id).status == "in_progress"
    assert result_audits(entities_db, task_id) == 1 and not dialog.has_unsaved_changes()
    # Second save: correct the first, pass all but the last, fail the last with a clue.
    clues_before = clue_count(entities_db)
    dialog.set_outcome(items[0].item_id, "na", "不经营该类食品")
    for line in items[1:-1]:
        dialog.set_outcome(line.item_id, "pass")
    last = items[-1]
    dialog.set_outcome(last.item_id, "fail", "  冷藏柜温度 12℃，超出标准  ", open_clue=True)
    assert dialog._rows[last.item_id].clue.isEnabled() and not dialog._rows[items[1].item_id].clue.isEnabled()
    snapshot(qtbot, dialog, "results_filled", last.item_id)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        assert dialog.save()
    stored = task_checklist(entities_db, task_id)
    assert stored.status == "done" and stored.done_on == dt.date.today()
    by_id = {line.item_id: line for line in stored.items}
    assert (by_id[items[0].item_id].outcome, by_id[items[0].item_id].note) == ("na", "不经营该类食品")
    assert all(by_id[line.item_id].outcome == "pass" and by_id[line.item_id].note == "" for line in items[1:-1])
    assert (by_id[last.item_id].outcome, by_id[last.item_id].note) == ("fail", "冷藏柜温度 12℃，超出标准")
    # Only the changed items were recorded: 1 + (all of them) results in all.
    assert result_audits(entities_db, task_id) == 1 + len(items)
    assert clue_count(entities_db) == clues_before + 1
    with entities_db.sessions() as s:
        clue = s.scalars(select(Clue).order_by(Clue.id.desc())).first()
        assert clue.source == ClueSource.INSPECTION and clue.entity_id == stored.entity_id
        assert clue.matter_id == last.matter_id and "冷藏柜温度" in clue.description
        ref = clue.ref_no
    summary = dialog.findChild(object, "resultsSummary").text()
    # zh_CN: "已保存 13 项检查结果。已生成 1 条线索：XS-…。该任务已完成。"
    assert f"已保存 {len(items)} 项" in summary and ref in summary and "已生成 1 条线索" in summary
    # Now done: read-only, nothing left to save.
    assert dialog.read_only_reason() is not None and dialog.findChild(object, "resultsReadOnly").isVisible()
    assert not dialog.findChild(object, "resultsSave").isVisible()
    snapshot(qtbot, dialog, "results_saved", last.item_id)


def test_a_fail_without_a_note_is_refused_and_nothing_is_stored(console_app, entities_db, tasks, qtbot):  # noqa: F811
    task_id = drawn_task(entities_db)
    items = task_checklist(entities_db, task_id).items
    clues_before = clue_count(entities_db)
    dialog = open_dialog(qtbot, entities_db, tasks, task_id)
    dialog.set_outcome(items[0].item_id, "pass")
    dialog.set_outcome(items[1].item_id, "fail", "   ", open_clue=True)
    assert not dialog.save()
    tasks.wait_idle()
    qtbot.wait(50)
    summary = dialog.findChild(object, "resultsSummary")
    assert "不符合" in summary.text() and items[1].text_zh in summary.text() and summary.property("kind") == "error"
    stored = task_checklist(entities_db, task_id)
    assert stored.recorded == 0 and stored.status == "planned"
    assert clue_count(entities_db) == clues_before and result_audits(entities_db, task_id) == 0
    assert dialog.has_unsaved_changes()
    snapshot(qtbot, dialog, "results_refused")
    # Closing asks first; Cancel keeps the dialog and the edits.
    dialog.reject()
    box = dialog.discard_box
    assert box is not None and box.isVisible() and dialog.isVisible()
    box.button(box.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.has_unsaved_changes()
    dialog.reject()
    dialog.discard_box.button(box.StandardButton.Discard).click()
    assert not dialog.isVisible()


def test_a_done_task_opens_read_only(console_app, entities_db, tasks, qtbot):  # noqa: F811
    task_id = drawn_task(entities_db)
    for line in task_checklist(entities_db, task_id).items:
        record_result(entities_db, task_user(entities_db, task_id), task_id, line.item_id, "pass")
    dialog = open_dialog(qtbot, entities_db, tasks, task_id)
    assert dialog.checklist.status == "done"
    assert all(row.outcome.currentText() and not row.outcome.isEnabled() and row.note.isReadOnly()
               and not row.clue.isEnabled() for row in dialog._rows.values())
    note = dialog.findChild(object, "resultsReadOnly")
    assert note.isVisible() and dt.date.today().isoformat() in note.text()
    assert not dialog.findChild(object, "resultsSave").isVisible()
    dialog.set_outcome(dialog.checklist.items[0].item_id, "fail", "试图修改")
    assert not dialog.save() and not dialog.has_unsaved_changes()
    assert task_checklist(entities_db, task_id).items[0].outcome == "pass"


def test_without_a_signed_in_user_the_results_are_read_only(console_app, entities_db, tasks, qtbot):  # noqa: F811
    task_id = drawn_task(entities_db)
    dialog = open_dialog(qtbot, entities_db, tasks, task_id, actor="")
    assert dialog.checklist.status == "planned" and "未登录" in dialog.read_only_reason()
    assert not any(row.outcome.isEnabled() for row in dialog._rows.values())
    assert not dialog.findChild(object, "resultsSave").isVisible()


def test_a_task_completed_elsewhere_meanwhile_shows_the_error_and_turns_read_only(console_app, entities_db, tasks,  # noqa: F811
                                                                                   qtbot):
    task_id = drawn_task(entities_db)
    items = task_checklist(entities_db, task_id).items
    dialog = open_dialog(qtbot, entities_db, tasks, task_id)
    dialog.set_outcome(items[0].item_id, "fail", "无证经营", open_clue=True)
    for line in items:  # another inspector finishes the task first
        record_result(entities_db, task_user(entities_db, task_id), task_id, line.item_id, "pass")
    clues_before = clue_count(entities_db)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        assert dialog.save()
    box = dialog.findChild(QMessageBox, "entityErrorBox")
    assert box is not None and "done" in box.informativeText()
    assert "已保存 0 项" in dialog.summary.text() and dialog.summary.property("kind") == "error"
    assert dialog.read_only_reason() is not None and not dialog.has_unsaved_changes()
    assert task_checklist(entities_db, task_id).items[0].outcome == "pass" and clue_count(entities_db) == clues_before
    box.close()
