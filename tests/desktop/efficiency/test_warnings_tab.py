"""The Warnings tab: warnings with their factors; a person's decision, a clue only when asked."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select

from core.db.database import Database
from core.db.models import Clue, ClueSource, CreditWarning, MarketEntity
from desktop.efficiency.warnings_tab import WarningsPanel
from tests.support.accounts import account

TIMEOUT = 20000
FACTORS = [{"key": "fail_rate", "zh": "既往检查问题率", "en": "share of past inspections that found problems",
            "value": "80%", "weight": 1.52},
           {"key": "age_years", "zh": "成立年限", "en": "years since registration", "value": "1.2", "weight": -0.31}]


@pytest.fixture
def warned_db(demo_url):
    db = Database.open(demo_url)
    account(db, "operator", "operator")
    account(db, "monitor", "monitor")
    with db.sessions() as s:
        entities = list(s.scalars(select(MarketEntity.id).order_by(MarketEntity.id).limit(3)))
    with db.bootstrap_uow("test-setup") as uow:
        uow.session.execute(CreditWarning.__table__.delete())
        uow.session.execute(insert(CreditWarning), [
            {"entity_id": e, "score": 0.9 - i / 10, "rank": i + 1, "factors": FACTORS, "model_version": "lr1-test",
             "status": "new", "note": "", "created_at": dt.datetime.now(dt.timezone.utc)}
            for i, e in enumerate(entities)])
        uow.commit()
    yield db
    db.dispose()


def _panel(db, tasks, qtbot, actor, lang="zh_CN") -> WarningsPanel:
    panel = WarningsPanel(db, tasks, actor, lang)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.show()
    return panel


def test_the_tab_lists_warnings_and_shows_the_factors_of_the_chosen_one(console_app, warned_db, tasks, qtbot):
    panel = _panel(warned_db, tasks, qtbot, "monitor")
    assert panel.table.rowCount() == 3
    assert [panel.table.item(r, 0).text() for r in range(3)] == ["1", "2", "3"]
    assert not panel.clue_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(1)
    assert panel.factors.rowCount() == 2
    assert panel.factors.item(0, 0).text() == "既往检查问题率" and panel.factors.item(0, 2).text() == "+1.52"
    assert panel.factors.item(1, 2).text() == "-0.31"
    assert panel.rows[1].name in panel.entity_label.text()
    assert "No model run yet" in panel.caption.text() or "tongguan warning train" in panel.caption.text()


def test_make_a_clue_records_the_decision_and_opens_a_clue(console_app, warned_db, tasks, qtbot):
    panel = _panel(warned_db, tasks, qtbot, "operator", "en")
    panel.table.selectRow(0)
    chosen = panel.current()
    assert panel.factors.item(0, 0).text() == "share of past inspections that found problems"
    panel.note.setText("please check on site")
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        panel.clue_button.click()
    after = next(w for w in panel.rows if w.id == chosen.id)
    assert after.status == "made_clue" and after.reviewer == "operator" and after.clue_id
    assert panel.current().id == chosen.id and not panel.clue_button.isEnabled()  # decided: no second decision
    with warned_db.sessions() as s:
        clue = s.get(Clue, after.clue_id)
        assert clue.source == ClueSource.MODEL and clue.entity_id == chosen.entity_id


def test_a_role_that_may_not_review_is_told_and_nothing_changes(console_app, warned_db, tasks, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.efficiency.warnings_tab.show_error", lambda parent, title, error: shown.append(error))
    panel = _panel(warned_db, tasks, qtbot, "monitor")
    panel.table.selectRow(0)
    panel.dismiss_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert "warning.review" in str(shown[0])
    with warned_db.sessions() as s:
        assert {w.status.value for w in s.scalars(select(CreditWarning))} == {"new"}
