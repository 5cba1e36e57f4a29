"""Entities workspace, export: the whole current result to CSV or XLSX, with cancel."""
from __future__ import annotations

import csv

import openpyxl
from PySide6.QtCore import Qt

from core.errors import Cancelled
from desktop.entities.table_model import column_index
from desktop.i18n import install_language

from . import test_entities_support as support
from .test_entities_support import sql, wait_for_results

# The shared fixtures (tests/desktop/conftest.py belongs to the shell).
entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
workspace = support.workspace


def _search(ws, qtbot, text: str) -> int:
    ws.search_page.search_bar.set_text(text)
    wait_for_results(qtbot, ws)
    return ws.model.total


def test_export_csv_has_every_row_of_the_result(workspace, entities_db, qtbot, tmp_path):
    total = _search(workspace, qtbot, "有限公司")
    assert 200 < total < 3000  # more than one page, less than everything
    target = tmp_path / "结果.csv"
    with qtbot.waitSignal(workspace.export_finished, timeout=20000) as blocker:
        workspace.export_results(target)
    assert blocker.args == [str(target), total]
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == ["统一社会信用代码", "名称"]
    assert len(rows) == total + 1
    assert all("有限公司" in r[1] or "有限公司" in r[5] for r in rows[1:])
    assert "已导出" in workspace.message_bar.text()


def test_export_xlsx_follows_sort_and_language(workspace, entities_db, qtbot, tmp_path, qapp):
    install_language(qapp, "en")
    workspace.search_page.search_bar.combo("town").setCurrentIndex(1)
    wait_for_results(qtbot, workspace)
    total = workspace.model.total
    workspace.model.sort(column_index("name"), Qt.SortOrder.DescendingOrder)
    wait_for_results(qtbot, workspace)
    target = tmp_path / "town.xlsx"
    with qtbot.waitSignal(workspace.export_finished, timeout=20000):
        workspace.export_results(target)
    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Entities"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("USCC", "Name")
    assert len(rows) == total + 1 == sheet.max_row
    names = [r[1] for r in rows[1:]]
    town = workspace.search_page.search_bar.combo("town").currentData()
    expected = [r[0] for r in sql(entities_db, "SELECT name FROM market_entities WHERE town_code = :t "
                                               "ORDER BY name DESC, id DESC", t=town)]
    assert names == expected


def test_a_cancelled_export_writes_no_file(workspace, qtbot, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "all.csv"
    with qtbot.waitSignal(workspace.export_failed, timeout=20000) as blocker:
        workspace.export_results(target).cancel()
    assert isinstance(blocker.args[0], Cancelled)
    assert list(out.iterdir()) == []  # neither the file nor its temporary part
    assert "取消" in workspace.message_bar.text()
