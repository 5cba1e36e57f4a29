"""The visits tab shows where each result's publication stands and publishes results: the
selected ones or every unpublished one of the batch, after a confirmation naming how many
and the file (企业信息公示暂行条例 Arts. 6-7)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from core.services import draws
from tests.support.accounts import task_user
from core.services.draws.publication import unpublished_results
from core.workdays import WorkdayCalendar, YearSource, explain_provisional
from desktop.draws import result_publishing
from desktop.draws.workspace import DrawsWorkspace
from desktop.provisional import marker

from ...core.services_draws.helpers import batch, lock_and_draw, plan
from ...support.provisional import make_2027_official
from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures

TIMEOUT = 20000
TODAY = dt.date(2027, 4, 28)


def _finish(db, task_id: int, on: dt.date) -> None:
    for item in draws.task_checklist(db, task_id).items:
        draws.record_result(db, task_user(db, task_id), task_id, item.item_id, "pass", on=on)


@pytest.fixture
def workspace(console_app, entities_db, tasks, qtbot):  # noqa: F811
    b = batch(entities_db, plan(entities_db), depts=(("SCJG", 2, 1),))
    drawn = lock_and_draw(entities_db, b)
    ids = sorted({p.task_id for p in drawn.picks})
    _finish(entities_db, ids[0], dt.date(2027, 3, 5))   # due 2027-04-02: overdue on TODAY
    _finish(entities_db, ids[1], dt.date(2027, 4, 28))  # formed today: 20 working days left
    ws = DrawsWorkspace(entities_db, tasks, "leader", "zh_CN", today=TODAY)
    qtbot.addWidget(ws)
    ws.resize(1400, 900)
    ws.show()
    qtbot.waitUntil(lambda: ws._reference is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(ws.publication_loaded, timeout=TIMEOUT):
        qtbot.waitUntil(lambda: ws.select_batch(b), timeout=TIMEOUT)
    ws.tabs.setCurrentWidget(ws.visits)
    yield ws, b, ids
    tasks.wait_idle()
    QCoreApplication.processEvents()


def _text(ws, task_id: int, role=Qt.ItemDataRole.DisplayRole) -> str:
    model = ws.picks_model
    row = next(r for r in range(model.rowCount()) if model.pick(r).task_id == task_id)
    return model.data(model.index(row, model.columns().index("published")), role)


def _select(ws, task_ids) -> None:
    view, proxy, model = ws.visits.view, ws.visits.proxy, ws.picks_model
    view.clearSelection()
    for r in range(model.rowCount()):
        if model.pick(r).task_id in task_ids:
            view.selectionModel().select(proxy.mapFromSource(model.index(r, 0)),
                                         QItemSelectionModel.SelectionFlag.Select
                                         | QItemSelectionModel.SelectionFlag.Rows)


def test_each_visit_shows_its_publication_state(workspace):
    ws, _b, ids = workspace
    mark = marker() if WorkdayCalendar().source_of(2027) is YearSource.PROVISIONAL else ""
    late = WorkdayCalendar().working_days_between(dt.date(2027, 4, 2), TODAY).days
    words = QCoreApplication.translate
    assert _text(ws, ids[0]) == words("DrawPicks", "Overdue since %1 (%2 working days)") \
        .replace("%1", f"2027-04-02{mark}").replace("%2", str(late))
    due = WorkdayCalendar().add_working_days(TODAY, 20).date
    assert _text(ws, ids[1]) == words("DrawPicks", "Due %1 (%2 working days left)") \
        .replace("%1", f"{due.isoformat()}{mark}").replace("%2", "20")
    assert _text(ws, ids[2]) == ""  # no result yet
    assert ws.visits.publish_button.isEnabled()


def test_publishing_the_selected_result_asks_first_then_writes_and_records(workspace, qtbot, tmp_path, monkeypatch):
    ws, b, ids = workspace
    path = tmp_path / "结果公示.pdf"
    monkeypatch.setattr(result_publishing, "ask_results_path", lambda parent, stem: path)
    _select(ws, {ids[0], ids[2]})  # one with a result, one without
    ws.visits.publish_selected_action.trigger()
    box = ws.findChild(QMessageBox, "drawPublishResultsConfirm")
    assert box is not None and str(path) in box.text()
    assert "1" in box.text()  # one result: the visit without a result is left out, and said so
    assert not path.exists() and unpublished_results(ws.db, b) == [ids[0], ids[1]]  # nothing before Yes
    with qtbot.waitSignal(ws.results_published, timeout=TIMEOUT) as published:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert published.args[0].task_ids == (ids[0],)
    assert path.read_bytes().startswith(b"%PDF")
    assert unpublished_results(ws.db, b) == [ids[1]]
    qtbot.waitUntil(lambda: "2027-04-28" in _text(ws, ids[0]) and "2027-04-02" not in _text(ws, ids[0]),
                    timeout=TIMEOUT)


def test_publishing_every_unpublished_result_of_the_batch(workspace, qtbot, tmp_path, monkeypatch):
    ws, b, ids = workspace
    path = tmp_path / "all.xlsx"
    monkeypatch.setattr(result_publishing, "ask_results_path", lambda parent, stem: path)
    ws.visits.publish_all_action.trigger()
    box = ws.findChild(QMessageBox, "drawPublishResultsConfirm")
    assert "2" in box.text() and str(path) in box.text()
    with qtbot.waitSignal(ws.results_published, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert path.exists() and unpublished_results(ws.db, b) == []
    qtbot.waitUntil(lambda: not ws.visits.publish_button.isEnabled(), timeout=TIMEOUT)  # nothing left
    ws.visits.publish_all_action.trigger()
    assert ws.message_bar.property("kind") == "error"


@pytest.mark.skipif(WorkdayCalendar().source_of(2027) is not YearSource.PROVISIONAL, reason="2027 is official here")
def test_dates_counted_in_2027_are_marked_with_the_note(workspace):
    ws, _b, ids = workspace
    note = explain_provisional(2027)
    for task_id in ids[:2]:
        assert marker() in _text(ws, task_id)
        assert _text(ws, task_id, Qt.ItemDataRole.ToolTipRole) == note.text("zh_CN")
    overview = ws.overview
    due = overview.detail.results_due.isoformat()
    assert f"{due}<span" in overview.facts.text() and marker() in overview.facts.text()
    assert not overview.provisional.isHidden() and note.reason_zh in overview.provisional.text()
    assert overview.provisional.toolTip() == note.text("zh_CN") and "2027.json" in overview.provisional.toolTip()


def test_with_a_2027_schedule_file_no_date_is_marked(console_app, entities_db, tasks, qtbot,  # noqa: F811
                                                     monkeypatch, tmp_path):
    make_2027_official(monkeypatch, tmp_path / "calendar")
    b = batch(entities_db, plan(entities_db), depts=(("SCJG", 2, 1),))
    drawn = lock_and_draw(entities_db, b)
    ids = sorted({p.task_id for p in drawn.picks})
    _finish(entities_db, ids[0], dt.date(2027, 3, 5))
    ws = DrawsWorkspace(entities_db, tasks, "leader", "zh_CN", today=TODAY)
    qtbot.addWidget(ws)
    qtbot.waitUntil(lambda: ws._reference is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(ws.publication_loaded, timeout=TIMEOUT):
        qtbot.waitUntil(lambda: ws.select_batch(b), timeout=TIMEOUT)
    assert "2027-04-02" in _text(ws, ids[0]) and marker() not in _text(ws, ids[0])
    assert not _text(ws, ids[0], Qt.ItemDataRole.ToolTipRole)
    assert marker() not in ws.overview.facts.text() and ws.overview.provisional.isHidden()
    assert ws.overview.detail.results_due.isoformat() in ws.overview.facts.text()
    tasks.wait_idle()
