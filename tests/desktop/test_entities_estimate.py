"""An estimated total (a count too costly for the shared server) is shown as one, and becomes
exact once the pages show where the result ends."""
from __future__ import annotations

from core.services.search import EntityFilter, SearchTotal
from desktop.entities.table_model import column_index

from . import test_entities_support as support
from .test_entities_support import wait_for_results

entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
workspace = support.workspace

NAME = column_index("name")


def _estimate(ws, monkeypatch, count: int) -> None:
    monkeypatch.setattr(ws.model.search, "total", lambda f: SearchTotal(count, estimated=True))


def _search(qtbot, ws, text: str) -> None:
    ws.model.set_filter(EntityFilter(text=text))
    wait_for_results(qtbot, ws)


def test_a_high_estimate_says_about_and_settles_on_the_exact_count(workspace, qtbot, monkeypatch):
    exact = workspace.search.count(EntityFilter(text="店"))
    assert 400 < exact < 3000  # a few pages of the demo city
    _estimate(workspace, monkeypatch, 9_000)
    _search(qtbot, workspace, "店")
    model, page = workspace.model, workspace.search_page
    assert model.estimated and model.total == 9_000 and model.rowCount() == 9_000
    assert "9,000" in page.count_text() and page.count_text() != f"共 {exact:,} 户"
    model.index(exact + 10, NAME).data()  # scrolled past the real end: that page comes back short or empty
    qtbot.waitUntil(lambda: model.rowCount() <= exact + 200, timeout=10_000)
    model.index(model.rowCount() - 1, NAME).data()
    qtbot.waitUntil(lambda: not model.estimated, timeout=10_000)
    assert model.total == model.rowCount() == exact
    assert page.count_text() == f"共 {exact:,} 户"


def test_a_low_estimate_grows_as_pages_come_back_full(workspace, qtbot, monkeypatch):
    exact = workspace.search.count(EntityFilter(text="店"))
    _estimate(workspace, monkeypatch, 100)
    _search(qtbot, workspace, "店")
    model = workspace.model
    assert model.rowCount() > 100  # the first page was full: one more page to scroll into
    while model.estimated:
        last = model.rowCount() - 1
        model.index(last, NAME).data()
        qtbot.waitUntil(lambda: not model.estimated or model.rowCount() - 1 > last, timeout=10_000)
    assert model.total == model.rowCount() == exact
    assert [model.index(r, NAME).data() for r in (0, exact - 1)] != [None, None]


def test_an_estimate_reads_like_people_say_it(workspace, qtbot, monkeypatch):
    _estimate(workspace, monkeypatch, 120_000)
    _search(qtbot, workspace, "店")
    text = workspace.search_page.count_text()
    assert "12" in text and "120,000" not in text  # Chinese counts in 万: "约 12 万 户"
    assert workspace.search_page._count.toolTip()
