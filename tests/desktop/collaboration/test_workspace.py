"""The Collaboration workspace on a small demo city: clicks list what is behind them and
open it, exports open, the wall takes the view, the language switches, changes refresh."""
from __future__ import annotations

import datetime as dt

import networkx as nx
import openpyxl
import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from core.collab import Period, build_flow, items_behind
from core.collab.flows import CaseFlow, FlowBand
from core.collab.suggest import JointSuggestion
from core.live.changes import ChangeSet
from core.services.wall import latest_view
from desktop.collaboration import suggestions_page
from desktop.collaboration.workspace import FLOWS, GRAPH, SUGGESTIONS, CollaborationWorkspace
from desktop.i18n import install_language

TODAY = dt.date(2026, 11, 20)  # the demo city's "as of" day


class FakeNavigator:
    """Records what was opened; answers every target, as the window's navigator does."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, int]] = []

    def can(self, _target: str) -> bool:
        return True

    def open_clue(self, clue_id: int) -> bool:
        self.opened.append(("clue", clue_id))
        return True

    def open_batch(self, batch_id: int) -> bool:
        self.opened.append(("batch", batch_id))
        return True

    def open_entity(self, entity_id: int) -> bool:
        self.opened.append(("entity", entity_id))
        return True


class FakeBus(QObject):
    changed = Signal(object)


@pytest.fixture
def make_workspace(demo_services, qtbot):
    made = []

    def make(actor: str = "monitor", **kwargs) -> CollaborationWorkspace:
        ws = CollaborationWorkspace(demo_services.db, demo_services.tasks, actor, "zh_CN", today=TODAY, **kwargs)
        qtbot.addWidget(ws)
        ws.resize(1300, 800)
        ws.show()
        qtbot.waitExposed(ws)
        made.append(ws)
        return ws

    yield make
    demo_services.tasks.wait_idle(10000)


def _graph_ready(ws, qtbot):
    qtbot.waitUntil(lambda: ws.graph_page.graph is not None, timeout=20000)
    return ws.graph_page.graph


def test_clicking_a_node_lists_its_items_and_each_opens(make_workspace, demo_services, qtbot):
    navigator = FakeNavigator()
    ws = make_workspace(navigator=navigator)
    graph = _graph_ready(ws, qtbot)
    busiest = max(graph.nodes, key=lambda n: (n.volume, n.key))
    expected = items_behind(demo_services.db, Period(dt.date(2026, 1, 1), TODAY), node=busiest.key, viewer="monitor")
    assert expected, "the demo city has hand-overs"
    with qtbot.waitSignal(ws.graph_page.items_shown, timeout=20000) as shown:
        qtbot.mouseClick(ws.graph_page.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=ws.graph_page.view.mapFromScene(ws.graph_page.view.nodes[busiest.key].pos()))
    assert shown.args == [len(expected)]
    assert ws.graph_page.items.labels() == [i.label for i in expected]
    assert busiest.name_zh in ws.graph_page.items.title.text()
    clue_rows = [r for r, i in enumerate(expected) if i.object_type == "clue"]
    assert clue_rows
    assert ws.graph_page.items.open_row(clue_rows[0])
    assert navigator.opened == [("clue", expected[clue_rows[0]].object_id)]


def test_a_measure_row_chooses_its_edge_and_lists_it(make_workspace, qtbot):
    ws = make_workspace()
    graph = _graph_ready(ws, qtbot)
    slow = graph.slowest_edges(1)[0]
    with qtbot.waitSignal(ws.graph_page.items_shown, timeout=20000) as shown:
        ws.graph_page.measures.edge_chosen.emit(slow.source, slow.target)
    assert shown.args == [slow.volume]
    assert ws.graph_page.view._chosen is ws.graph_page.view.edges[(slow.source, slow.target)]


def test_the_kind_filter_rebuilds_the_graph_with_those_kinds_only(make_workspace, qtbot):
    ws = make_workspace()
    _graph_ready(ws, qtbot)
    with qtbot.waitSignal(ws.graph_page.loaded, timeout=20000):
        ws.graph_page.set_filters(kinds=("joint_visit",))
        ws.graph_page.load(ws.period_picker.period())
    kinds = {k for e in ws.graph_page.graph.edges for k in e.kinds}
    assert kinds == {"joint_visit"}


def test_a_band_click_lists_its_clues(make_workspace, demo_services, qtbot):
    navigator = FakeNavigator()
    ws = make_workspace(navigator=navigator)
    with qtbot.waitSignal(ws.flow_page.loaded, timeout=20000):
        ws.tabs.setCurrentIndex(FLOWS)
    flow = ws.flow_page.flow
    assert flow == build_flow(demo_services.db, Period(dt.date(2026, 1, 1), TODAY), viewer="monitor")
    band = max(flow.bands, key=lambda b: (b.count, b.source, b.target))
    with qtbot.waitSignal(ws.flow_page.items_shown, timeout=20000) as shown:
        ws.flow_page.view.choose_band(band.source, band.target)
    assert shown.args == [band.count]
    assert sorted(i.object_id for i in ws.flow_page.items.items) == sorted(band.clue_ids)
    assert ws.flow_page.items.open_row(0)
    assert navigator.opened[0][0] == "clue" and navigator.opened[0][1] in band.clue_ids


def test_exports_write_files_that_open(make_workspace, qtbot, tmp_path):
    ws = make_workspace()
    graph = _graph_ready(ws, qtbot)
    for kind, name in (("graphml", "g.graphml"), ("xlsx", "g.xlsx"), ("png", "g.png")):
        with qtbot.waitSignal(ws.exported, timeout=20000):
            ws.export_to(kind, tmp_path / name)
    read = nx.read_graphml(tmp_path / "g.graphml")
    assert set(read.nodes) == {n.key for n in graph.nodes} and read.number_of_edges() == len(graph.edges)
    book = openpyxl.load_workbook(tmp_path / "g.xlsx")
    assert len(book.sheetnames) == 3
    names = [row[0] for row in book.worksheets[0].iter_rows(min_row=3, values_only=True)]
    assert sorted(names) == sorted(n.name_zh for n in graph.nodes)
    assert not QImage(str(tmp_path / "g.png")).isNull()

    with qtbot.waitSignal(ws.flow_page.loaded, timeout=20000):
        ws.tabs.setCurrentIndex(FLOWS)
    with qtbot.waitSignal(ws.exported, timeout=20000):
        ws.export_to("xlsx", tmp_path / "f.xlsx")
    bands = list(openpyxl.load_workbook(tmp_path / "f.xlsx").worksheets[0].iter_rows(min_row=3, values_only=True))
    assert sum(row[2] for row in bands) == sum(b.count for b in ws.flow_page.flow.bands)


def test_push_to_wall_stores_the_period_and_filters(make_workspace, demo_services, qtbot):
    ws = make_workspace(actor="leader")
    _graph_ready(ws, qtbot)
    ws.graph_page.set_filters(kinds=("clue_routing", "push"), villages=False)
    with qtbot.waitSignal(ws.pushed, timeout=20000):
        ws.push_to_wall()
    pushed = latest_view(demo_services.db, workspace="collaboration")
    assert pushed.view["period"] == {"choice": "year", "start": "2026-01-01", "end": "2026-11-20"}
    assert pushed.view["filters"] == {"kinds": ["clue_routing", "push"], "villages": False}
    assert pushed.view["scene"] == "collaboration"


def test_a_role_that_may_not_push_has_the_button_off(make_workspace, qtbot):
    ws = make_workspace(actor="monitor", may_push=False)
    assert not ws.wall_button.isEnabled()


def test_english_names_and_words_after_a_language_switch(make_workspace, console_app, qtbot):
    ws = make_workspace()
    graph = _graph_ready(ws, qtbot)
    node = max(graph.nodes, key=lambda n: (n.volume, n.key))
    assert ws.graph_page.view._labels[node.key].text().startswith(node.name_zh[:3])
    install_language(console_app, "en")
    try:
        assert ws.tabs.tabText(FLOWS) == "Case flows"
        assert ws.graph_page.view._labels[node.key].text().startswith(node.name_en[:10])
        assert ws.graph_page.measures.rows_of(0)[0][0] == node.name_en
        assert ws.graph_page.kind_boxes["joint_visit"].text() == "Joint inspection"
    finally:
        install_language(console_app, "zh_CN")
    assert ws.graph_page.view._labels[node.key].text().startswith(node.name_zh[:3])


def test_changes_to_clues_refresh_and_others_do_not(make_workspace, qtbot):
    bus = FakeBus()
    ws = make_workspace(changes=bus)
    _graph_ready(ws, qtbot)
    bus.changed.emit(ChangeSet(tags=frozenset({1})))
    assert not ws._refresh_timer.isActive()
    node = max(ws.graph_page.graph.nodes, key=lambda n: (n.volume, n.key)).key
    with qtbot.waitSignal(ws.graph_page.items_shown, timeout=20000):
        ws.graph_page.view.choose_node(node)
    bus.changed.emit(ChangeSet(clues=frozenset({3})))
    assert ws._refresh_timer.isActive()
    # the refresh rebuilds the graph and lists the clicked node's items anew
    with qtbot.waitSignals([ws.graph_page.loaded, ws.graph_page.items_shown], timeout=20000):
        ws._refresh_timer.timeout.emit()
    assert ws.graph_page.view._chosen is ws.graph_page.view.nodes[node]


def test_the_workspace_does_not_widen_a_small_window(make_workspace, qtbot):
    ws = make_workspace()
    assert ws.minimumSizeHint().width() < 1000


def test_the_joint_batch_is_drafted_only_after_confirmation(make_workspace, monkeypatch, qtbot):
    made: list[JointSuggestion] = []

    def fake_create(db, actor, suggestion):
        made.append(suggestion)
        return 41

    monkeypatch.setattr(suggestions_page, "create_joint_draft", fake_create)
    navigator = FakeNavigator()
    ws = make_workspace(actor="planner", navigator=navigator)
    page = ws.suggestions_page
    suggestion = JointSuggestion((3, 5), (11, 12, 13), 6, 3, 3, ("A01", "B02"), year=2026)
    names = {3: ("市场监管局", "Market Regulation"), 5: ("消防支队", "Fire Brigade")}
    page.show_suggestions(names, [suggestion])
    assert page.table.item(0, 0).text() == "市场监管局、消防支队"
    assert not page.create_button.isEnabled()
    page.table.selectRow(0)
    page.ask_create().button(QMessageBox.StandardButton.Cancel).click()
    assert made == []
    with qtbot.waitSignal(page.draft_created, timeout=20000) as created:
        page.ask_create().button(QMessageBox.StandardButton.Yes).click()
    assert created.args == [41] and made == [suggestion]
    page.open_batch_button.click()
    assert navigator.opened == [("batch", 41)]
    assert ws.tabs.indexOf(page) == SUGGESTIONS


def test_hand_built_flow_draws_without_a_database_answer(make_workspace, qtbot):
    ws = make_workspace()
    ws.tabs.setCurrentIndex(GRAPH)
    flow = CaseFlow((FlowBand("src:grid", "dept:none", 3, None, (1, 2, 3)),), (), 3)
    ws.flow_page.show_flow(flow)
    assert set(ws.flow_page.view.node_rects) == {"src:grid", "dept:none"}
    assert ws.flow_page.label("dept:none") not in ("", "dept:none")


def test_a_joint_visit_opens_its_batch_and_a_commitment_its_entity(make_workspace, demo_services, qtbot):
    from sqlalchemy import select

    from core.db.models import Commitment, InspectionTask

    navigator = FakeNavigator()
    ws = make_workspace(navigator=navigator)
    graph = _graph_ready(ws, qtbot)
    for kind, model, column in (("joint_visit", InspectionTask, InspectionTask.batch_id),
                                ("commitment", Commitment, Commitment.entity_id)):
        edge = next(e for e in graph.edges if kind in e.kinds)
        with qtbot.waitSignal(ws.graph_page.items_shown, timeout=20000):
            ws.graph_page.view.choose_edge(edge.source, edge.target)
        items = ws.graph_page.items.items
        row = next(r for r, i in enumerate(items) if i.kind == kind)
        with demo_services.db.sessions() as s:
            expected = s.scalar(select(column).where(model.id == items[row].object_id))
        navigator.opened.clear()
        assert ws.graph_page.items.open_row(row)
        assert navigator.opened == [("batch" if kind == "joint_visit" else "entity", expected)]


def test_the_window_keys_reach_the_workspace(make_workspace, qtbot):
    from desktop.shortcuts import Exportable, Listing, Refreshable

    ws = make_workspace()
    assert isinstance(ws, Refreshable) and isinstance(ws, Exportable) and isinstance(ws, Listing)
    assert ws.main_view() is ws.graph_page.items.table
    ws.tabs.setCurrentIndex(SUGGESTIONS)
    assert ws.main_view() is ws.suggestions_page.table
    shown = []
    ws.export_menu.popup = shown.append  # the offscreen platform cannot show a popup
    ws.export_dialog()
    assert shown == [ws.export_button.mapToGlobal(ws.export_button.rect().bottomLeft())]
    assert not ws.graphml_action.isEnabled()  # GraphML is the graph's alone
