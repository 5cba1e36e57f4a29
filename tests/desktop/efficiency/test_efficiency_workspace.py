"""The efficiency workspace on the demo city: numbers add up to the engine's, drill-down lists
exactly the items behind a number, the trend follows the chosen row, reports open."""
from __future__ import annotations

import gc

import numpy as np
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent

from core.deadlines import Level, by_group
from desktop.efficiency.workspace import EfficiencyWorkspace

from ..test_entities_support import AS_OF, entities_db, entities_template, tasks  # noqa: F401 - fixtures

TIMEOUT = 30000


@pytest.fixture
def ws(console_app, entities_db, tasks, qtbot):  # noqa: F811
    workspace = EfficiencyWorkspace(entities_db, tasks, "monitor", "zh_CN", today=AS_OF)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 860)
    with qtbot.waitSignal(workspace.ready, timeout=TIMEOUT):
        workspace.show()
    yield workspace
    tasks.wait_idle()
    QCoreApplication.processEvents()
    # pyqtgraph's scene must go in a known order, not whenever the garbage collector runs.
    workspace.trend.close_plots()
    workspace.close()
    workspace.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_the_ranking_matches_the_engine_and_the_kpis_add_up(ws, qtbot):
    ws.set_choice(group="department", period="all")
    d = ws.data
    rows = by_group(d.items, d.assessment, "department")
    assert sorted(r.total for _, r in ws.ranked()) == sorted(r.total for r in rows)
    assert int(ws.kpis["clocks"].text().replace(",", "")) == len(d.items)
    serious = int((d.assessment.levels == Level.SERIOUSLY_OVERDUE).sum())
    assert int(ws.kpis["serious"].text().replace(",", "")) == serious
    rates = [r.on_time_rate for rank, r in ws.ranked() if rank is not None]
    assert rates == sorted(rates, reverse=True)  # best first, shared places for ties
    assert ws.ranking.rowCount() == len(rows)


def test_a_number_drills_down_to_exactly_its_items(ws, qtbot):
    ws.set_choice(group="department", period="all")
    ranked = ws.ranked()
    row_index = max(range(len(ranked)), key=lambda i: ranked[i][1].done_late)
    row = ranked[row_index][1]
    with qtbot.waitSignal(ws.items_shown, timeout=TIMEOUT) as shown:
        ws.ranking.click(row_index, "on_time_rate")  # the rate drills into the ones done late
    assert shown.args[0] == min(row.done_late, 500) > 0
    assert ws.tabs.currentIndex() == 1
    states = {ws.items.item(i, 6).text() for i in range(ws.items.rowCount())}
    assert states == {"逾期办结"}
    assert f"{row.done_late:,}" in ws.items_caption.text()
    assert all(ws.items.item(i, 1).text() for i in range(ws.items.rowCount()))  # every item has its number


def test_grouping_by_person_and_kind_filters(ws, qtbot):
    ws.set_choice(group="person", period="all", kind=1)  # double-notification claims
    d = ws.data
    pushes = int((d.items.kind == 1).sum())
    assert sum(r.total for _, r in ws.ranked()) == pushes
    ws.set_choice(group="town", kind=0)
    assert sum(r.total for _, r in ws.ranked()) == int((d.items.kind == 0).sum())


def test_the_trend_follows_the_chosen_row(ws, qtbot):
    ws.set_choice(group="department", period="all")
    city = [w.done for w in ws.trend.weeks()]
    ws.ranking.selectRow(0)
    one = [w.done for w in ws.trend.weeks()]
    assert len(city) == len(one) == 12
    assert all(a >= b for a, b in zip(city, one)) and sum(city) > sum(one)


def test_the_report_opens_in_excel_and_as_pdf(ws, qtbot, tmp_path):
    ws.set_choice(period="all")
    for name in ("report.xlsx", "report.pdf"):
        ws.export(tmp_path / name)
    qtbot.waitUntil(lambda: (tmp_path / "report.pdf").exists() and (tmp_path / "report.xlsx").exists(),
                    timeout=TIMEOUT)
    book = load_workbook(tmp_path / "report.xlsx", read_only=True)
    assert book.sheetnames == ["按部门", "按镇街", "按人员", "延期案件"]  # extended cases apart (规定 Art. 64)
    rows = list(book["按部门"].iter_rows(values_only=True))
    assert rows[1][:3] == ("排名", "名称", "时限事项")
    assert sum(r[2] for r in rows[2:]) == len(ws.data.items)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_escalation_list_shows_the_worst_first(ws, qtbot):
    d = ws.data
    serious = int((d.assessment.levels == Level.SERIOUSLY_OVERDUE).sum())
    qtbot.waitUntil(lambda: ws.escalation.rowCount() == min(serious, 100), timeout=TIMEOUT)
    late = [int(ws.escalation.item(i, 7).text().replace(",", "")) for i in range(ws.escalation.rowCount())]
    assert late == sorted(late, reverse=True)
    assert np.all(np.array(late) >= 5)


def test_claims_in_time_per_department_add_up_to_the_headline(ws, qtbot):
    from core.deadlines import ClaimRow, claim_rate_in_time

    ws.set_choice(period="all")
    rows = claim_rate_in_time(ws.data.items, ws.data.assessment)
    assert ws.claims.rowCount() == len(rows)
    pushes = sum(int(ws.claims.item(i, 1).text().replace(",", "")) for i in range(ws.claims.rowCount()))
    assert pushes == int((ws.data.items.kind == 1).sum())
    total = ClaimRow.total(rows)
    assert ws.kpis["claims"].text() == f"{100 * total.rate:.1f}%"
    rates = [float(ws.claims.item(i, 6).text().rstrip("%")) for i in range(ws.claims.rowCount())
             if ws.claims.item(i, 6).text() != "—"]
    assert rates == sorted(rates)  # worst first


def test_the_warm_up_after_sign_in_prepares_the_snapshot(console_app, entities_db, tasks, qtbot, tmp_path,  # noqa: F811
                                                         monkeypatch):
    from types import SimpleNamespace

    import desktop.efficiency as efficiency
    from core.services.efficiency import load_clocks

    monkeypatch.setattr("core.paths.user_cache_dir", lambda: tmp_path)
    efficiency.warm_up(SimpleNamespace(db=entities_db, tasks=tasks), delay_ms=0)
    qtbot.waitUntil(lambda: any((tmp_path / "deadlines").glob("*.npz")), timeout=TIMEOUT)
    tasks.wait_idle()

    def no_database_read(*_a, **_k):
        raise AssertionError("the clocks were read from the database again")

    monkeypatch.setattr("core.services.efficiency.load_items", no_database_read)
    items, _assessment, fresh = load_clocks(entities_db, AS_OF, snapshot_dir=tmp_path)
    assert fresh and len(items) > 0  # served by the snapshot the warm-up wrote
