"""Only units with a real volume of clocks are ranked; the rest are listed after them,
unranked, and the caption, the setting and the report say so."""
from __future__ import annotations

import gc

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent

from core.deadlines import by_group
from desktop.efficiency.tables import ranking_note
from desktop.efficiency.workspace import EfficiencyWorkspace
from desktop.settings import RANK_MIN_CLOCKS, Settings

from ..test_entities_support import AS_OF, entities_db, entities_template, tasks  # noqa: F401 - fixtures

TIMEOUT = 30000


@pytest.fixture
def settings(settings_dir):
    return Settings.open(settings_dir / "console.ini")


@pytest.fixture
def make_ws(console_app, entities_db, tasks, qtbot, settings):  # noqa: F811
    made = []

    def make(**kwargs):
        workspace = EfficiencyWorkspace(entities_db, tasks, "monitor", "zh_CN", today=AS_OF, **kwargs)
        qtbot.addWidget(workspace)
        workspace.resize(1400, 860)
        with qtbot.waitSignal(workspace.ready, timeout=TIMEOUT):
            workspace.show()
        made.append(workspace)
        return workspace

    yield make
    tasks.wait_idle()
    QCoreApplication.processEvents()
    for workspace in made:
        workspace.trend.close_plots()
        workspace.close()
        workspace.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _rank_cells(ws):
    return [ws.ranking.item(i, 0).text() for i in range(ws.ranking.rowCount())]


def test_units_with_a_handful_of_clocks_are_listed_after_the_ranked_ones(make_ws):
    ws = make_ws()
    ws.set_choice(group="department", period="all")
    least = RANK_MIN_CLOCKS.default
    assert ws.min_clocks == least == 20
    rows = by_group(ws.data.items, ws.data.assessment, "department")
    small = [r for r in rows if r.key is not None and r.total < least]
    assert small and any(r.total >= least for r in rows)  # the demo city has both kinds of unit
    ranked = ws.ranked()
    ranks = [rank for rank, _ in ranked]
    first_unranked = ranks.index(None)
    assert all(rank is not None for rank in ranks[:first_unranked])
    assert all(rank is None for rank in ranks[first_unranked:])
    assert all(r.total >= least for rank, r in ranked if rank is not None)
    assert {r.key for rank, r in ranked if rank is None} >= {r.key for r in small}
    assert len(ranked) == len(rows)  # nobody is left out
    cells = _rank_cells(ws)
    assert all(c.isdigit() for c in cells[:first_unranked])
    small_keys = {r.key for r in small}
    assert all((cells[i] == "<20") == (r.key in small_keys) for i, (_, r) in enumerate(ranked) if i >= first_unranked)
    caption = ws.ranking_caption.text()
    assert caption == ranking_note(20, len(small)) and "20" in caption and str(len(small)) in caption


def test_the_minimum_is_a_setting_changed_from_the_workspace(make_ws, settings):
    settings[RANK_MIN_CLOCKS] = 5
    ws = make_ws(settings=settings)
    ws.set_choice(group="department", period="all")
    assert ws.min_clocks == 5
    assert all(r.total >= 5 for rank, r in ws.ranked() if rank is not None)
    rows = by_group(ws.data.items, ws.data.assessment, "department")
    biggest = max(r.total for r in rows)
    ws.set_min_clocks(biggest)  # as the spin box does
    assert settings[RANK_MIN_CLOCKS] == biggest
    ranked = [r for rank, r in ws.ranked() if rank is not None]
    assert len(ranked) == sum(1 for r in rows if r.key is not None and r.total == biggest and r.done)
    ws.set_min_clocks(0)  # no minimum: every unit with a clock done is ranked again
    assert len([1 for rank, _ in ws.ranked() if rank is not None]) == sum(
        1 for r in rows if r.key is not None and r.on_time_rate is not None)


def test_the_report_ranks_the_same_units_and_says_so(make_ws, qtbot, tmp_path):
    ws = make_ws()
    ws.set_choice(group="department", period="all")
    for name in ("report.xlsx", "report.pdf"):
        ws.export(tmp_path / name)
    qtbot.waitUntil(lambda: (tmp_path / "report.pdf").exists() and (tmp_path / "report.xlsx").exists(),
                    timeout=TIMEOUT)
    sheet = list(load_workbook(tmp_path / "report.xlsx", read_only=True)["按部门"].iter_rows(values_only=True))
    assert sheet[0][0].endswith(ranking_note(20, 0))  # the title says what is ranked
    body = [r for r in sheet[2:] if r[1]]
    ranked = [r for r in body if isinstance(r[0], int)]
    assert ranked and all(r[2] >= 20 for r in ranked)
    assert [r[1] for r in body[:len(ranked)]] == [r[1] for r in ranked]  # ranked first
    below = [r for r in body if r[2] < 20]
    assert below and all(isinstance(r[0], str) and "20" in r[0] for r in below)
    assert sum(r[2] for r in body) == len(ws.data.items)
