"""The Draws workspace abandons a locked batch after asking for the reason, which is published."""
from core.services import draws

from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures
from .test_draws_workspace import TIMEOUT, _new_batch, _status, make_workspace  # noqa: F401 - fixture


def test_abandon_asks_for_the_reason_and_publishes_it(make_workspace, entities_db, qtbot):  # noqa: F811
    ws = make_workspace()
    batch_id = _new_batch(ws, qtbot, entities_db)
    assert not ws.overview.buttons["abandon"].isVisible() or not ws.overview.buttons["abandon"].isEnabled()
    dialog = ws.lock_dialog()
    dialog.announcement.setPlainText("2027-03-02 福利彩票双色球开奖号码")
    dialog.accept()
    qtbot.waitUntil(lambda: _status(ws) == "locked", timeout=TIMEOUT)
    assert ws.overview.buttons["abandon"].isEnabled()
    ask = ws.abandon_dialog(ws.overview.detail)
    assert ask.objectName() == "drawAbandonDialog" and ws.overview.detail.name in ask.labelText()
    ask.setTextValue("开奖中止，未公布号码")
    ask.accept()
    qtbot.waitUntil(lambda: draws.abandonment(entities_db, batch_id) is not None, timeout=TIMEOUT)
    assert draws.abandonment(entities_db, batch_id).reason == "开奖中止，未公布号码"
    assert "开奖中止" in draws.abandonment_notice(draws.abandonment(entities_db, batch_id))
