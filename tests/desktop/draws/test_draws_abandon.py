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


def _tree_state(ws, batch_id) -> str | None:
    from desktop.draws.plan_tree import _ID_ROLE

    tree = ws.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if int(top.child(j).data(0, _ID_ROLE)) == batch_id:
                return top.child(j).text(1)
    return None


def test_an_abandoned_batch_shows_who_when_and_why_and_cannot_be_drawn(make_workspace, entities_db, qtbot,
                                                                       tmp_path):  # noqa: F811
    from desktop.draws.plan_tree import status_label

    ws = make_workspace()
    batch_id = _new_batch(ws, qtbot, entities_db)
    dialog = ws.lock_dialog()
    dialog.announcement.setPlainText("2027-03-02 福利彩票双色球开奖号码")
    dialog.accept()
    qtbot.waitUntil(lambda: _status(ws) == "locked", timeout=TIMEOUT)
    assert _tree_state(ws, batch_id) == status_label("locked") and ws.overview.buttons["draw"].isEnabled()
    ws.abandon(batch_id, "开奖中止，未公布号码")
    qtbot.waitUntil(lambda: ws.overview.detail is not None and ws.overview.detail.abandoned is not None,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: _tree_state(ws, batch_id) == status_label("abandoned"), timeout=TIMEOUT)
    d = ws.overview.detail
    assert d.status == "locked" and d.abandoned["by"] == "planner"
    assert status_label("abandoned") != status_label("locked")
    assert status_label("abandoned") in ws.overview.title.text()
    public = ws.overview.public.text()
    assert "开奖中止，未公布号码" in public and "planner" in public and d.abandoned["at"][:4] in public
    for key in ("draw", "abandon"):
        button = ws.overview.buttons[key]
        assert button.isVisibleTo(ws) and not button.isEnabled(), key
    assert ws.draw_dialog() is None
    [summary] = [b for p in draws.list_plans(entities_db) for b in p.batches if b.id == batch_id]
    assert summary.abandoned and summary.status == "locked"
    ws.overview.grab().save(str(tmp_path / "abandoned.png"))
