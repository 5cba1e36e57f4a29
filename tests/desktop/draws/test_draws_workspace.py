"""The Draws workspace end to end on the demo city: plan, batch, check, lock, draw, ceremony,
visits, verification, notices and publication; refusals cite the rule that was broken."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from core.draws.bands import DEFAULT_BANDS
from core.services import draws
from core.services.draws.checks import DEFAULT_VISIT_CAPACITY
from desktop.draws.batch_editor import BatchForm
from desktop.draws.plan_dialog import PlanForm
from desktop.draws.workspace import DrawsWorkspace

from ...core.services_draws.helpers import dept, matters, town_with
from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures

TIMEOUT = 20000


@pytest.fixture
def make_workspace(console_app, entities_db, tasks, qtbot):  # noqa: F811
    made = []

    def make(actor: str = "planner", *, show_risk: bool = True) -> DrawsWorkspace:
        ws = DrawsWorkspace(entities_db, tasks, actor, "zh_CN", show_risk=show_risk, today=dt.date(2026, 11, 25))
        qtbot.addWidget(ws)
        ws.resize(1400, 900)
        ws.show()
        qtbot.waitUntil(lambda: ws._reference is not None, timeout=TIMEOUT)
        made.append(ws)
        return ws

    yield make
    tasks.wait_idle()
    QCoreApplication.processEvents()


def _form(db, *, village: str | None = None, name: str = "食品经营联合抽查") -> BatchForm:
    return BatchForm(name=name, lead_department_id=dept(db, "SCJG"),
                     window_start=dt.date(2027, 3, 1), window_end=dt.date(2027, 4, 30),
                     departments=[(dept(db, "SCJG"), 2, matters(db, "SCJG", 2)), (dept(db, "WJJ"), 2, matters(db, "WJJ"))],
                     pool_filter={"statuses": ["active"], "village_codes": [village or town_with(db)]},
                     # A small village drawn widely: outside the default bands, on purpose and on record.
                     sampling={"ratios": {"A": 0.2, "B": 0.5, "C": 1.0, "D": 1.0},
                               "override": {"reason": "小村全覆盖测试 (a small village drawn widely)"}})


def _status(ws) -> str | None:
    return ws.overview.detail.status if ws.overview.detail is not None else None


def _new_batch(ws, qtbot, db, **form) -> int:
    with qtbot.waitSignal(ws.plans_loaded, timeout=TIMEOUT):
        ws.create_plan(PlanForm(2027, "2027年度双随机抽查计划", dict(DEFAULT_BANDS), DEFAULT_VISIT_CAPACITY))
    qtbot.waitUntil(lambda: ws.tree.current_plan_id() is not None, timeout=TIMEOUT)
    ws.save_batch(_form(db, **form), plan_id=ws.tree.current_plan_id())
    qtbot.waitUntil(lambda: _status(ws) == "draft", timeout=TIMEOUT)
    return ws.batch_id


def test_a_batch_goes_from_plan_to_published_notice(make_workspace, entities_db, qtbot, tmp_path):  # noqa: F811
    ws = make_workspace()
    batch_id = _new_batch(ws, qtbot, entities_db)
    assert ws.tree.current() == ("batch", batch_id)
    assert ws.overview.buttons["lock"].isVisibleTo(ws) and not ws.overview.buttons["draw"].isVisibleTo(ws)
    assert "市场监管局" in ws.overview.facts.text()

    with qtbot.waitSignal(ws.checked, timeout=TIMEOUT) as checked:
        ws.check()
    assert checked.args[0] == []
    assert "可以锁定" in ws.overview.problem_note.text() or "can be locked" in ws.overview.problem_note.text()

    dialog = ws.lock_dialog()
    dialog.seed_radio.setChecked(True)
    assert not dialog.lock_button.isEnabled()  # the seed must be kept first
    dialog.kept.setChecked(True)
    seed = dialog.seed_edit.text()
    commitment = dialog.commitment_edit.text()
    dialog.accept()
    qtbot.waitUntil(lambda: _status(ws) == "locked", timeout=TIMEOUT)
    assert commitment in ws.overview.public.text() and seed not in ws.overview.public.text()
    assert not ws.tabs.isTabEnabled(1)  # no ceremony before the draw

    dialog = ws.draw_dialog()
    dialog.seed.setText("not the seed")
    assert not dialog.draw_button.isEnabled()
    dialog.seed.setText(seed)
    assert dialog.draw_button.isEnabled()
    with qtbot.waitSignal(ws.drawn, timeout=TIMEOUT) as drawn:
        dialog.accept()
    result = drawn.args[0]
    qtbot.waitUntil(lambda: ws.picks_model.rowCount() == len(result.picks), timeout=TIMEOUT)
    assert ws.tabs.currentIndex() == 1 and _status(ws) == "drawn"
    ws.ceremony.show_all()
    shown = [ws.ceremony.picks.item(i).text() for i in range(ws.ceremony.picks.count())]
    assert len(shown) == len(result.picks)
    # The ceremony lists picks in USCC order: pick order would reveal the internal risk class.
    assert [s.split("(")[1].split(")")[0] for s in shown] == sorted(p.uscc for p in result.picks)
    assert seed in ws.ceremony.facts.text()
    team = ws.picks_model.data(ws.picks_model.index(0, ws.picks_model.columns().index("team")))
    assert "市场监管局：" in team and "卫健局：" in team

    with qtbot.waitSignal(ws.verified, timeout=TIMEOUT) as verified:
        ws.verify()
    assert verified.args[0].ok, verified.args[0].problems

    for name in ("notice.xlsx", "notice.pdf"):
        with qtbot.waitSignal(ws.file_written, timeout=TIMEOUT):
            ws.export_notice(tmp_path / name)
    sheet = load_workbook(tmp_path / "notice.xlsx", read_only=True).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert {p.name for p in result.picks} <= set(cells)
    assert not any("风险" in str(c) for c in cells)
    assert (tmp_path / "notice.pdf").read_bytes().startswith(b"%PDF")
    from tests.support.audit_entries import exports
    rows = len(draws.notice_rows(entities_db, batch_id))
    assert [(a, e["file"], e["rows"]) for a, e in exports(entities_db, "draw_notice")[-2:]] == [
        ("planner", "notice.xlsx", rows), ("planner", "notice.pdf", rows)]
    with qtbot.waitSignal(ws.file_written, timeout=TIMEOUT):
        ws.export_record(tmp_path / "record.json")
    assert draws.read_record_file(tmp_path / "record.json")["key"] == result.key

    ws.publish()
    qtbot.waitUntil(lambda: _status(ws) == "published", timeout=TIMEOUT)
    assert draws.batch_detail(entities_db, batch_id).published_at is not None


def test_rfc3797_sources_are_announced_at_lock_and_entered_at_draw(make_workspace, entities_db, qtbot):  # noqa: F811
    ws = make_workspace()
    _new_batch(ws, qtbot, entities_db)
    dialog = ws.lock_dialog()
    assert not dialog.lock_button.isEnabled()  # the sources must be announced
    dialog.announcement.setPlainText("2027-03-02 福利彩票双色球开奖号码")
    dialog.accept()
    qtbot.waitUntil(lambda: _status(ws) == "locked", timeout=TIMEOUT)
    assert "双色球" in ws.overview.public.text()
    dialog = ws.draw_dialog()
    dialog.sources.setPlainText("9319\n2 5 12 8 10\n")
    assert "9319./2.5.8.10.12./" in dialog.state.text() and dialog.draw_button.isEnabled()
    with qtbot.waitSignal(ws.drawn, timeout=TIMEOUT) as drawn:
        dialog.accept()
    assert drawn.args[0].key == "9319./2.5.8.10.12./"
    qtbot.waitUntil(lambda: "9319./2.5.8.10.12./" in ws.overview.public.text(), timeout=TIMEOUT)


def test_a_refused_lock_lists_the_broken_rules(make_workspace, entities_db, qtbot):  # noqa: F811
    ws = make_workspace()
    batch_id = _new_batch(ws, qtbot, entities_db, village="330782999999")
    with qtbot.waitSignal(ws.checked, timeout=TIMEOUT) as checked:
        ws.check()
    assert "empty_pool" in {p.code for p in checked.args[0]}
    texts = ws.overview.problem_texts()
    assert any("一单两库" in t for t in texts)  # the rule is cited
    dialog = ws.lock_dialog()
    dialog.announcement.setPlainText("公开随机源")
    dialog.accept()
    qtbot.waitUntil(lambda: ws.message_bar.isVisible() and ws.message_bar.property("kind") == "error",
                    timeout=TIMEOUT)
    assert draws.batch_detail(entities_db, batch_id).status == "draft"


def test_discarding_a_draft_asks_first(make_workspace, entities_db, qtbot):  # noqa: F811
    ws = make_workspace()
    batch_id = _new_batch(ws, qtbot, entities_db)
    ws.overview.buttons["discard"].click()
    box = ws.findChild(QMessageBox, "drawConfirmBox")
    assert box is not None and "食品经营联合抽查" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not any(b.id == batch_id for p in ws.tree.plans() for b in p.batches), timeout=TIMEOUT)
    assert ws.batch_id is None


def test_without_an_actor_nothing_can_be_changed(make_workspace, entities_db, qtbot):  # noqa: F811
    ws = make_workspace(actor="")
    assert ws.read_only and not ws.new_plan_button.isVisibleTo(ws)
    b = draws.create_batch(entities_db, "planner", draws.create_plan(entities_db, "planner", year=2027, name="P"),
                           **{k: v for k, v in vars(_form(entities_db)).items()})
    ws.refresh()
    qtbot.waitUntil(lambda: ws.select_batch(b), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: _status(ws) == "draft", timeout=TIMEOUT)
    visible = {k for k, button in ws.overview.buttons.items() if button.isVisibleTo(ws)}
    assert visible == {"check"}


def test_department_users_see_no_risk_statistics(make_workspace, entities_db, qtbot):  # noqa: F811
    ws = make_workspace(show_risk=False)
    _new_batch(ws, qtbot, entities_db)
    assert not ws.overview.strata_box.isVisibleTo(ws)
    assert "stratum" not in ws.picks_model.columns()


def test_results_past_their_deadline_are_flagged(console_app, entities_db, qtbot):  # noqa: F811
    from dataclasses import replace

    from desktop.draws.batch_overview import BatchOverview

    from ...core.services_draws.helpers import batch, lock_and_draw, plan

    b = batch(entities_db, plan(entities_db))
    lock_and_draw(entities_db, b)
    detail = draws.batch_detail(entities_db, b)
    overview = BatchOverview(show_risk=True, read_only=False, lang="zh_CN")
    qtbot.addWidget(overview)
    overview.set_detail(detail)
    assert "超期" not in overview.facts.text()  # due in 2027
    overview.set_detail(replace(detail, results_due=dt.date(2026, 1, 5)))
    assert f"已超期：{detail.task_count:,} 项" in overview.facts.text()
