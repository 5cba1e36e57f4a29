"""The Credit rules workspace on the demo city: the administrator edits a rule set, previews
the moves, saves and activates it, and the database agrees with what the page showed; the
leader reads and moves listings; a department user is refused by the core."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from core.credit import DEFAULT_RULES, add_record, due_transitions, preview, rule_sets
from core.db.models import AuditEntry, CreditRecord, CreditRuleSet, MarketEntity
from desktop.credit.rules_page import CreditRulesPage
from desktop.credit.rules_editor import NO_LIMIT

from .test_entities_support import AS_OF, entities_db, entities_template  # noqa: F401 - fixtures

TIMEOUT = 30000


@pytest.fixture
def make_page(console_app, entities_db, tasks, qtbot):  # noqa: F811
    def make(actor: str, changes=None) -> CreditRulesPage:
        page = CreditRulesPage(entities_db, tasks, actor, "zh_CN", today=AS_OF, changes=changes)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitUntil(lambda: page.desk is not None or page.message_bar.isVisible(), timeout=TIMEOUT)
        tasks.wait_idle()
        return page
    return make


def _classes(db) -> dict[str, int]:
    with db.sessions() as s:
        return dict(s.execute(select(MarketEntity.risk_class, func.count()).group_by(MarketEntity.risk_class)).all())


def test_the_administrator_previews_saves_and_activates_a_stricter_rule_set(make_page, entities_db, qtbot, tasks):
    page = make_page("admin")
    assert [i.version for i in page.desk.versions] == [1] and page.desk.may_edit and page.desk.may_manage
    assert page.chosen().version == 1 and page.chosen().active and page.versions.item(0, 3).text() == "内置规则"
    assert page.editor.rules().as_dict() == DEFAULT_RULES.as_dict()  # the form shows the active rules
    assert not page.buttons["save"].isEnabled() and not page.buttons["activate"].isEnabled()

    page.editor.thresholds["A"].setValue(99.5)
    page.editor.weights["penalty"].setValue(-30)
    assert page.buttons["save"].isEnabled() and "未保存" in page.state.text()
    with qtbot.waitSignal(page.previewed, timeout=TIMEOUT) as seen:
        page.preview_draft()
    expected = preview(entities_db, "admin", page.editor.rules(), AS_OF)
    assert seen.args[0].matrix == expected.matrix and expected.moved > 0
    assert page.matrix.matrix == expected.matrix
    assert page.matrix.cell_text(0, 1) == f"{expected.matrix[0][1]:,}"  # A now -> B
    assert f"{expected.moved:,}" in page.matrix_note.text()
    assert [i.version for i in rule_sets(entities_db)] == [1]  # a preview writes no rule set

    page.note.setText("处罚权重加重")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.save_draft()
    qtbot.waitUntil(lambda: page.chosen() is not None and page.chosen().version == 2, timeout=TIMEOUT)
    saved = rule_sets(entities_db)[0]
    assert saved.version == 2 and not saved.active and saved.note == "处罚权重加重" and saved.created_by == "admin"
    assert saved.rules.thresholds["A"] == 99.5 and saved.rules.weight("penalty") == -30
    assert page.buttons["activate"].isEnabled()

    before = _classes(entities_db)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT):
        page.activate_chosen(confirmed=True)
    with entities_db.sessions() as s:
        assert s.scalar(select(CreditRuleSet.version).where(CreditRuleSet.active.is_(True))) == 2
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "credit.rules.activate", AuditEntry.actor == "admin")) == 1
    after = _classes(entities_db)
    assert after != before and after.get("A", 0) < before.get("A", 0)
    assert "2" in page.message_bar.text()
    tasks.wait_idle()


def test_rules_that_make_no_sense_are_refused_and_nothing_is_saved(make_page, entities_db, qtbot):
    page = make_page("admin")
    page.editor.thresholds["B"].setValue(99)  # above A's 97
    page.save_draft()
    assert page.message_bar.isVisible() and "A > B > C" in page.message_bar.text()
    assert [i.version for i in rule_sets(entities_db)] == [1]
    page.editor.thresholds["B"].setValue(88)
    page.editor.validity["penalty"].setValue(NO_LIMIT)
    assert page.editor.rules().validity_days["penalty"] is None  # "until taken off"


def test_the_leader_reads_the_rules_but_cannot_change_them(make_page, entities_db):
    page = make_page("leader")
    assert not page.desk.may_edit and page.desk.may_manage
    assert page.tabs.currentIndex() == 0 and page.versions.isVisible()
    assert not any(b.isVisibleTo(page) for b in page.buttons.values()) and not page.note.isVisibleTo(page)
    assert page.editor.base.isReadOnly() and not page.editor.floors["serious"].isEnabled()
    assert page.transitions.score_button.isVisibleTo(page.transitions)


def test_a_department_user_is_refused_by_the_core(make_page):
    page = make_page("scjg")
    assert page.desk is None and page.message_bar.isVisible()
    assert page.versions.rowCount() == 0


def test_a_listing_three_years_old_is_shown_due_and_moved(make_page, entities_db, qtbot):
    with entities_db.sessions() as s:
        entity_id = s.scalar(select(MarketEntity.id).order_by(MarketEntity.id).limit(1))
    listed = AS_OF - dt.timedelta(days=3 * 365 + 5)
    add_record(entities_db, "leader", entity_id, "abnormal", listed, "列入经营异常名录（通过登记的住所无法联系）")
    page = make_page("leader")
    panel = page.transitions
    qtbot.waitUntil(lambda: any(d.entity_id == entity_id for d in panel.due()), timeout=TIMEOUT)
    due_now = [d for d in due_transitions(entities_db, AS_OF) if d.moves_on <= AS_OF]
    assert panel.move_button.isEnabled() and f"{len(due_now):,}" in panel.summary.text()
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT):
        panel.move_due(confirmed=True)
    with entities_db.sessions() as s:
        kinds = set(s.scalars(select(CreditRecord.kind).where(CreditRecord.entity_id == entity_id,
                                                               CreditRecord.ended_on.is_(None))))
        assert s.scalar(select(MarketEntity.risk_class).where(MarketEntity.id == entity_id)) == "D"
    assert "serious" in kinds and "abnormal" not in kinds
    qtbot.waitUntil(lambda: not any(d.entity_id == entity_id for d in panel.due()), timeout=TIMEOUT)


def test_the_page_answers_the_console_keys(make_page):
    from desktop.shortcuts import Listing, Refreshable

    page = make_page("leader")
    assert isinstance(page, Refreshable) and isinstance(page, Listing)
    assert page.main_view() is page.versions
    page.tabs.setCurrentIndex(1)
    assert page.main_view() is page.transitions.table


def test_double_clicking_a_coming_transition_opens_the_entity(make_page, qtbot):
    page = make_page("leader")
    page.tabs.setCurrentIndex(1)
    page.transitions.within.setValue(365)
    qtbot.waitUntil(lambda: page.transitions.table.rowCount() > 0, timeout=TIMEOUT)
    first = page.transitions.due()[0]
    assert page.transitions.table.item(0, 1).text() == first.uscc
    with qtbot.waitSignal(page.transitions.entity_requested) as opened:
        page.transitions.table.doubleClicked.emit(page.transitions.table.model().index(0, 2))
    assert opened.args == [first.entity_id]


def test_a_rule_set_saved_at_another_console_is_heard(make_page, entities_db, qtbot, tasks):
    from core.credit import save_rule_set
    from core.live.changes import ChangeSet
    from desktop.live.bus import ChangeBus

    bus = ChangeBus.detached()
    try:
        page = make_page("admin", changes=bus)
        loads = []
        page.loaded.connect(loads.append)
        bus.publish(ChangeSet(clues=frozenset({1}), change_id=1))  # nothing of the rules
        qtbot.wait(400)
        tasks.wait_idle()
        assert loads == []
        save_rule_set(entities_db, "admin", DEFAULT_RULES.with_changes(base=101.0), "另一工作站")
        bus.publish(ChangeSet(settings=frozenset({"credit_rules"}), change_id=2))
        qtbot.waitUntil(lambda: bool(loads) and len(loads[-1].versions) == 2, timeout=TIMEOUT)
        assert page.versions.rowCount() == 2 and page.versions.item(0, 3).text() == "另一工作站"
        bus.publish(ChangeSet(everything=True, change_id=3))
        qtbot.waitUntil(lambda: len(loads) >= 2, timeout=TIMEOUT)
    finally:
        tasks.wait_idle()
        bus.close()
