"""Clocks whose figures rely on a provisional year (2027 has no published schedule) are marked:
a caption with the reason over the ranking, the marker and the full note on their due date,
and the count with the note in the report; with a 2027 schedule file, nothing is marked."""
from __future__ import annotations

import datetime as dt
import gc

import numpy as np
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent

from core.deadlines import Level
from core.workdays import YearSource, default_calendar, explain_provisional
from desktop.efficiency.workspace import EfficiencyWorkspace
from desktop.provisional import marker

from ...support.provisional import make_2027_official
from ..test_entities_support import entities_db, entities_template, tasks  # noqa: F401 - fixtures

TIMEOUT = 30000
IN_2027 = dt.date(2027, 1, 20)  # open clocks are counted into 2027
needs_2027_unknown = pytest.mark.skipif(default_calendar().source_of(2027) is not YearSource.PROVISIONAL,
                                        reason="2027 is official on this machine")


def _workspace(entities_db, tasks, qtbot, lang="zh_CN"):  # noqa: F811
    ws = EfficiencyWorkspace(entities_db, tasks, "monitor", lang, today=IN_2027)
    qtbot.addWidget(ws)
    ws.resize(1400, 860)
    with qtbot.waitSignal(ws.ready, timeout=TIMEOUT):
        ws.show()
    return ws


def _close(ws, tasks):  # noqa: F811
    tasks.wait_idle()
    QCoreApplication.processEvents()
    ws.trend.close_plots()
    ws.close()
    ws.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _overdue_items(ws, qtbot):
    with qtbot.waitSignal(ws.items_shown, timeout=TIMEOUT):
        ws.show_items(None, (Level.OVERDUE, Level.SERIOUSLY_OVERDUE))
    return [(ws.items.item(i, 5).text(), ws.items.item(i, 5).toolTip()) for i in range(ws.items.rowCount())]


@needs_2027_unknown
def test_clocks_counted_into_2027_are_marked_with_the_reason_and_the_file(console_app, entities_db, tasks,  # noqa: F811
                                                                          qtbot, tmp_path):
    ws = _workspace(entities_db, tasks, qtbot)
    try:
        note = explain_provisional(2027)
        assert ws.provisional.years == (2027,) and ws.provisional.rows.any()
        caption = ws.provisional_caption
        assert not caption.isHidden() and note.reason_zh in caption.text() and marker().strip() in caption.text()
        assert caption.toolTip() == note.text("zh_CN") and "2027.json" in caption.toolTip()
        items = _overdue_items(ws, qtbot)
        marked = [tip for text, tip in items if text.endswith(marker())]
        assert marked and all(tip == note.text("zh_CN") for tip in marked)
        ws.set_choice(period="all")
        ws.export(tmp_path / "report.xlsx")
        qtbot.waitUntil(lambda: (tmp_path / "report.xlsx").exists(), timeout=TIMEOUT)
        title = next(load_workbook(tmp_path / "report.xlsx", read_only=True)["按部门"].iter_rows(values_only=True))[0]
        count = int(np.count_nonzero(ws.provisional.rows))
        assert f"{count:,} 个期限" in title and note.text("zh_CN") in title
    finally:
        _close(ws, tasks)


@needs_2027_unknown
def test_the_caption_is_in_english_in_an_english_console(console_app, entities_db, tasks, qtbot):  # noqa: F811
    ws = _workspace(entities_db, tasks, qtbot, lang="en")
    try:
        note = explain_provisional(2027)
        assert note.reason_en in ws.provisional_caption.text()
        assert ws.provisional_caption.toolTip() == note.text("en")
    finally:
        _close(ws, tasks)


def test_with_a_2027_schedule_file_nothing_is_marked(console_app, entities_db, tasks, qtbot, tmp_path,  # noqa: F811
                                                     monkeypatch):
    make_2027_official(monkeypatch, tmp_path / "calendar")
    ws = _workspace(entities_db, tasks, qtbot)
    try:
        assert not ws.provisional.any() and ws.provisional_caption.isHidden()
        items = _overdue_items(ws, qtbot)
        assert items and not any(text.endswith(marker()) or tip != text for text, tip in items)
        ws.export(tmp_path / "report.xlsx")
        qtbot.waitUntil(lambda: (tmp_path / "report.xlsx").exists(), timeout=TIMEOUT)
        title = next(load_workbook(tmp_path / "report.xlsx", read_only=True)["按部门"].iter_rows(values_only=True))[0]
        assert "2027" not in title.replace("2027-01-20", "")
    finally:
        _close(ws, tasks)
