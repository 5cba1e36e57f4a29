"""The panorama marks a working-day deadline counted into 2027 (no published schedule) as
provisional: the marker after the date, the full note as its tooltip, a caption under the tabs
and a note in the PDF; with a 2027 schedule file, the same deadline is plain."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from core.workdays import YearSource, default_calendar, explain_provisional
from desktop.entities.panorama_pdf import panorama_html
from desktop.entities.panorama_view import PanoramaView
from desktop.provisional import marker

from ..support.provisional import make_2027_official
from . import test_entities_support as support
from .test_entities_support import sql

entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
PUSHED, CLAIM_DUE = dt.date(2026, 12, 29), dt.date(2027, 1, 6)  # 5 working days, into 2027


def _push_into_2027(db) -> int:
    """A pending push of some entity, pushed at the end of 2026: its claim is due in 2027."""
    push_id, entity_id = sql(db, "SELECT id, entity_id FROM notification_pushes ORDER BY id LIMIT 1")[0]
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE notification_pushes SET pushed_on = :p, claim_due = :d, status = 'pending', "
                          "claimed_on = NULL WHERE id = :i"),
                     {"p": PUSHED.isoformat(), "d": CLAIM_DUE.isoformat(), "i": push_id})
    return entity_id


def _view(qtbot, db, tasks, entity_id, lang):  # noqa: F811
    view = PanoramaView(db, tasks, entity_id, reference=None, lang=lang, today=dt.date(2026, 12, 30))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.panorama is not None)
    return view


def _deadline(view):
    model = view.open_items_model()
    row = next(r for r in range(model.rowCount()) if model.rows()[r].due_on == CLAIM_DUE)
    index = model.index(row, 4)
    return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.skipif(default_calendar().source_of(2027) is not YearSource.PROVISIONAL, reason="2027 is official here")
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_claim_due_in_2027_is_marked_with_the_note(console_app, entities_db, tasks, qtbot, lang):  # noqa: F811
    view = _view(qtbot, entities_db, tasks, _push_into_2027(entities_db), lang)
    note = explain_provisional(2027)
    shown, tip = _deadline(view)
    assert shown == CLAIM_DUE.isoformat() + marker() and tip == note.text(lang)
    assert not view.provisional.isHidden() and note.reason(lang) in view.provisional.text()
    assert "2027.json" in view.provisional.toolTip()
    html = panorama_html(view.panorama, lang, show_risk=False, today=dt.date(2026, 12, 30))
    assert CLAIM_DUE.isoformat() + marker() in html and "2027.json" in html


def test_with_a_2027_schedule_file_the_claim_is_plain(console_app, entities_db, tasks, qtbot, tmp_path,  # noqa: F811
                                                      monkeypatch):
    make_2027_official(monkeypatch, tmp_path / "calendar")
    view = _view(qtbot, entities_db, tasks, _push_into_2027(entities_db), "zh_CN")
    shown, tip = _deadline(view)
    assert shown == tip == CLAIM_DUE.isoformat()
    assert view.provisional.isHidden()
    assert "2027.json" not in panorama_html(view.panorama, "zh_CN", show_risk=False, today=dt.date(2026, 12, 30))
