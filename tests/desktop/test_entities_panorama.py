"""Entities workspace, panorama side: opening it, header, timeline filters, open items, map, PDF."""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from desktop.entities.panorama_tables import OVERDUE
from desktop.entities.panorama_view import PanoramaView
from desktop.entities.table_model import column_index

from . import test_entities_support as support
from .test_entities_support import sql, wait_for_results

# The shared fixtures (tests/desktop/conftest.py belongs to the shell).
entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
workspace = support.workspace


def _busiest(db) -> tuple[int, str, int]:
    return sql(db, "SELECT e.id, e.name, COUNT(*) AS n FROM entity_records r JOIN market_entities e "
                   "ON e.id = r.entity_id GROUP BY e.id ORDER BY n DESC, e.id LIMIT 1")[0]


def _find_row(ws, qtbot, name: str) -> int:
    ws.search_page.search_bar.set_text(name)
    wait_for_results(qtbot, ws)
    names = [ws.model.index(r, column_index("name")).data() for r in range(ws.model.rowCount())]
    return names.index(name)


def _wait_panorama(qtbot, ws) -> PanoramaView:
    view = ws.tabs.currentWidget()
    assert isinstance(view, PanoramaView)
    qtbot.waitUntil(lambda: view.panorama is not None)
    return view


def test_double_click_opens_the_panorama_with_name_and_timeline(workspace, entities_db, qtbot):
    entity_id, name, records = _busiest(entities_db)
    row = _find_row(workspace, qtbot, name)
    table = workspace.search_page.table
    rect = table.visualRect(workspace.model.index(row, column_index("name")))
    # A real double-click starts with a press; QTest's double-click event alone has none.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(workspace.panorama_opened):
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = _wait_panorama(qtbot, workspace)
    assert view.entity_id == entity_id
    assert view.findChild(QLabel, "panoramaName").text() == name
    assert workspace.tabs.tabToolTip(workspace.tabs.currentIndex()) == name
    shown = view.timeline.shown()
    assert len(shown) == records == view.timeline.model.rowCount()
    dates = [e.occurred_on for e in shown]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert view.tabs.tabText(0) == f"时间线（{records}）"
    values = [label.text() for label in view.findChildren(QLabel, "panoramaFactValue")]
    uscc = sql(entities_db, "SELECT uscc FROM market_entities WHERE id = :i", i=entity_id)[0][0]
    assert uscc in values


def test_enter_opens_the_panorama_and_an_open_one_is_reused(workspace, entities_db, qtbot):
    entity_id, name, _ = _busiest(entities_db)
    row = _find_row(workspace, qtbot, name)
    table = workspace.search_page.table
    table.setFocus()
    table.setCurrentIndex(workspace.model.index(row, 0))
    with qtbot.waitSignal(workspace.panorama_opened):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    view = _wait_panorama(qtbot, workspace)
    assert view.entity_id == entity_id
    workspace.tabs.setCurrentIndex(0)
    assert workspace.open_panorama(entity_id) is view and workspace.tabs.currentWidget() is view
    assert len(workspace.panoramas()) == 1


def test_timeline_filters_by_kind_and_department(workspace, entities_db, qtbot):
    entity_id, _, _ = _busiest(entities_db)
    view = workspace.open_panorama(entity_id)
    qtbot.waitUntil(lambda: view.panorama is not None)
    kind, count = sql(entities_db, "SELECT kind, COUNT(*) FROM entity_records WHERE entity_id = :i "
                                   "GROUP BY kind ORDER BY COUNT(*) DESC LIMIT 1", i=entity_id)[0]
    view.timeline.set_kind_filter(kind)
    assert len(view.timeline.shown()) == count and {e.kind for e in view.timeline.shown()} == {kind}
    department, in_both = sql(entities_db, "SELECT d.name_zh, COUNT(*) FROM entity_records r JOIN departments d "
                                           "ON d.id = r.department_id WHERE r.entity_id = :i AND r.kind = :k "
                                           "GROUP BY d.name_zh ORDER BY COUNT(*) DESC LIMIT 1", i=entity_id, k=kind)[0]
    view.timeline.set_department_filter(department)
    assert len(view.timeline.shown()) == in_both
    assert {e.department_zh for e in view.timeline.shown()} == {department}
    view.timeline.set_kind_filter("")
    view.timeline.set_department_filter("")
    assert len(view.timeline.shown()) == len(view.panorama.timeline)


def test_open_items_past_their_deadline_are_red(console_app, entities_db, tasks, qtbot):
    entity_id, due = sql(entities_db, "SELECT c.entity_id, COALESCE(v.due_on, c.fulfil_by) FROM commitments c "
                                      "LEFT JOIN commitment_verifications v ON v.commitment_id = c.id "
                                      "WHERE c.status = 'pending' ORDER BY c.id LIMIT 1")[0]
    due = dt.date.fromisoformat(due)
    for today, red in ((due - dt.timedelta(days=1), False), (due + dt.timedelta(days=3), True)):
        view = PanoramaView(entities_db, tasks, entity_id, reference=None, lang="zh_CN", today=today)
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda view=view: view.panorama is not None)
        model = view.open_items_model()
        row = next(r for r in range(model.rowCount()) if model.rows()[r].kind == "commitment")
        assert (model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE) is red
        assert ("逾期" in view.tabs.tabText(1)) is red
        assert model.index(row, 5).data() == ("已逾期 3 天" if red else "剩余 1 天")


def test_the_map_marks_the_entity_inside_the_city(workspace, entities_db, qtbot):
    entity_id, _, _ = _busiest(entities_db)
    view = workspace.open_panorama(entity_id)
    qtbot.waitUntil(lambda: view.panorama is not None)
    view.map.repaint()
    marker = view.map.marker_position()
    assert marker is not None and view.map.rect().contains(marker.toPoint())
    first = QPoint(marker.toPoint())
    _south, west, north, _east = workspace.reference.bounds
    view.map.set_location(north, west)  # the far north-west corner
    view.map.repaint()
    moved = view.map.marker_position()
    assert moved.x() < first.x() and moved.y() < first.y()


def test_a_missing_entity_says_so(workspace, qtbot):
    view = workspace.open_panorama(987654)
    with qtbot.waitSignal(view.load_failed):
        pass
    assert "已不存在" in view.findChild(QLabel, "panoramaMessage").text()


def test_panorama_exports_to_pdf_with_an_embedded_chinese_font(workspace, entities_db, qtbot, tmp_path):
    entity_id, _, _ = _busiest(entities_db)
    view = workspace.open_panorama(entity_id)
    qtbot.waitUntil(lambda: view.panorama is not None)
    target = tmp_path / "全景.pdf"
    with qtbot.waitSignal(view.pdf_written, timeout=20000) as blocker:
        view.export_pdf(target)
    assert blocker.args == [str(target)]
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    fonts = set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", data))
    assert any(b"CJK" in f or b"Han" in f for f in fonts), fonts
    assert not list(tmp_path.glob(".*.part"))
