"""A clue's handling deadline counted into 2027 (no published schedule) is marked provisional in
the clue table and the clue's detail, with the full note as tooltip; with a 2027 schedule file
it is plain."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from core.workdays import YearSource, default_calendar, explain_provisional
from desktop.cases.clue_table import COLUMNS
from desktop.provisional import marker

from ...support.provisional import make_2027_official

RECEIVED, DUE = "2026-12-28 09:30:00", dt.date(2027, 1, 11)  # 10 working days, into 2027


def _clue_into_2027(db) -> int:
    with db.engine.begin() as conn:
        clue_id = conn.execute(text("SELECT id FROM clues WHERE closed_at IS NULL ORDER BY id LIMIT 1")).scalar()
        conn.execute(text("UPDATE clues SET received_at = :r, due_on = :d WHERE id = :i"),
                     {"r": RECEIVED, "d": DUE.isoformat(), "i": clue_id})
    return clue_id


def _due_cell(ws, qtbot, clue_id):
    desk = ws.desk
    desk.refresh(select=clue_id)
    qtbot.waitUntil(lambda: desk.model.row_of(clue_id) is not None, timeout=20000)
    index = desk.model.index(desk.model.row_of(clue_id), COLUMNS.index("due"))
    return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.skipif(default_calendar().source_of(2027) is not YearSource.PROVISIONAL, reason="2027 is official here")
def test_a_clue_due_in_2027_is_marked_with_the_note(make_workspace, entities_db, qtbot):
    clue_id = _clue_into_2027(entities_db)
    ws = make_workspace(today=dt.date(2026, 12, 30))
    shown, tip = _due_cell(ws, qtbot, clue_id)
    note = explain_provisional(2027)
    assert shown == DUE.isoformat() + marker() and tip == note.text("zh_CN") and "2027.json" in tip


def test_with_a_2027_schedule_file_the_clue_deadline_is_plain(make_workspace, entities_db, qtbot, monkeypatch,
                                                              tmp_path):
    make_2027_official(monkeypatch, tmp_path / "calendar")
    clue_id = _clue_into_2027(entities_db)
    ws = make_workspace(today=dt.date(2026, 12, 30))
    shown, tip = _due_cell(ws, qtbot, clue_id)
    assert shown == DUE.isoformat() and marker() not in (tip or "")
