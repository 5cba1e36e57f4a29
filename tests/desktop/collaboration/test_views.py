"""The drawing widgets on hand-built figures: sizes, colours, clicks, columns (no database)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.collaboration.flow_view import MIN_NODE_H, FlowView, columns_of
from desktop.collaboration.graph_view import GraphView
from desktop.collaboration.scale import NO_DATA, OVERDUE_SHARE, color_at
from desktop.collaboration.words import kind_name

from .samples import sample_flow, sample_graph


@pytest.fixture
def graph_view(console_app, qtbot):
    view = GraphView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    graph = sample_graph()
    view.show_graph(graph, graph.layout(7), "zh_CN")
    return view


def _click(qtbot, view, scene_point) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))


def test_node_area_and_edge_width_follow_volume(graph_view):
    radius = {key: item.radius for key, item in graph_view.nodes.items()}
    assert radius["dept:1"] > radius["town:330782001"] > radius["dept:2"] > radius["town:330782002"] > radius["dept:3"]
    width = {key: item.width for key, item in graph_view.edges.items()}
    assert width[("town:330782001", "dept:1")] > width[("dept:1", "dept:2")] > width[("dept:2", "dept:1")]


def test_edge_colour_follows_the_share_overdue_and_untimed_edges_are_grey(graph_view):
    slow = graph_view.edges[("dept:1", "dept:2")].colour          # half overdue: the late end
    quick = graph_view.edges[("town:330782001", "dept:1")].colour  # 5 % overdue
    joint = graph_view.edges[("dept:2", "dept:3")].colour          # joint visits: nothing timed
    assert slow == color_at(1.0) == OVERDUE_SHARE.color(0.5)
    assert quick.green() > quick.red() and slow.red() > slow.green()
    assert joint == NO_DATA


def test_clicking_a_node_and_an_edge_emits_them(graph_view, qtbot):
    with qtbot.waitSignal(graph_view.node_clicked) as node:
        _click(qtbot, graph_view, graph_view.nodes["dept:3"].pos())
    assert node.args == ["dept:3"]
    with qtbot.waitSignal(graph_view.edge_clicked) as edge:
        _click(qtbot, graph_view, graph_view.scene_point_of_edge("town:330782002", "dept:1"))
    assert edge.args == ["town:330782002", "dept:1"]


def test_labels_stay_in_the_view_and_apart(graph_view):
    view_rect = graph_view.scene().sceneRect()
    rects = [label.sceneBoundingRect() for label in graph_view._labels.values()]
    assert len(rects) == 5
    for i, rect in enumerate(rects):
        assert view_rect.contains(rect)
        assert not any(rect.intersects(other) for other in rects[i + 1:])


def test_the_same_graph_gives_the_same_picture(graph_view):
    first = {key: (item.x(), item.y()) for key, item in graph_view.nodes.items()}
    graph = sample_graph()
    graph_view.show_graph(graph, graph.layout(7), "en")
    assert {key: (item.x(), item.y()) for key, item in graph_view.nodes.items()} == first
    assert graph_view._labels["dept:1"].text() == "Market Regulation"


@pytest.fixture
def flow_view(console_app, qtbot):
    view = FlowView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_flow(sample_flow().bands, str, ["Source", "Routed to", "Transferred to", "Outcome"])
    return view


def test_flow_columns_run_source_department_transfer_outcome():
    columns = columns_of(sample_flow().bands)
    assert {k for k, c in columns.items() if c == 0} == {"src:grid", "src:hotline"}
    assert {k for k, c in columns.items() if c == 1} == {"dept:1", "dept:2"}
    assert {k for k, c in columns.items() if c == 2} == {"xfer:2"}
    assert {k for k, c in columns.items() if c == 3} == {"out:closed", "out:returned", "out:case_filed"}


def test_band_thickness_follows_its_clues(flow_view):
    bands = flow_view.items_by_band
    assert bands[("src:grid", "dept:1")].thickness == pytest.approx(2 * bands[("src:hotline", "dept:1")].thickness)
    node = flow_view.node_rects
    # a node is its clues' height plus the small minimum every node keeps
    assert node["dept:1"].height() - MIN_NODE_H == pytest.approx(4 * (node["dept:2"].height() - MIN_NODE_H))
    leaving = sum(item.thickness for (source, _t), item in bands.items() if source == "dept:1")
    assert leaving == pytest.approx(node["dept:1"].height() - MIN_NODE_H)
    assert max(rect.bottom() for rect in node.values()) <= flow_view.scene().sceneRect().bottom()
    # the transfer band leaves from the top of its department, the way it goes
    assert bands[("dept:1", "xfer:2")].path().elementAt(0).y == pytest.approx(node["dept:1"].top())


def test_clicking_a_band_emits_it_with_its_clues(flow_view, qtbot):
    with qtbot.waitSignal(flow_view.band_clicked) as clicked:
        _click(qtbot, flow_view, flow_view.band_point("dept:2", "out:case_filed"))
    band = clicked.args[0]
    assert (band.source, band.target, band.count) == ("dept:2", "out:case_filed", 15)
    assert band.clue_ids == tuple(range(61, 76))


def test_a_crowded_flow_fits_the_view(console_app, qtbot):
    from core.collab.flows import FlowBand

    view = FlowView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    bands = [FlowBand("src:grid", "dept:0", 1000, 1.0, ()), FlowBand("dept:0", "out:closed", 1000, 2.0, ())]
    for d in range(1, 40):
        bands += [FlowBand("src:hotline", f"dept:{d}", 1, 1.0, ()), FlowBand(f"dept:{d}", "out:open", 1, None, ())]
    view.show_flow(bands, str, [])
    scene = view.scene().sceneRect()
    assert len(view.node_rects) == 44
    assert all(scene.contains(rect) for rect in view.node_rects.values())
    labels = [item.sceneBoundingRect() for item in view.scene().items()
              if type(item).__name__ == "QGraphicsSimpleTextItem"]
    assert 3 <= len(labels) < 44  # the crowd's names give way; none overlaps another
    assert not any(a.intersects(b) for i, a in enumerate(labels) for b in labels[i + 1:])


def test_hovering_shows_the_figures(graph_view):
    tip = graph_view.edges[("dept:1", "dept:2")].toolTip()
    assert "市场监管局 → 综合执法局" in tip
    for figure in ("30", "9.0", "50%", kind_name("clue_transfer"), kind_name("joint_visit"), "60%"):
        assert figure in tip
    node_tip = graph_view.nodes["dept:1"].toolTip()
    assert "120" in node_tip and "0.500" in node_tip


def test_hovering_a_band_shows_its_figures(flow_view):
    tip = flow_view.items_by_band[("dept:2", "out:case_filed")].toolTip()
    assert "dept:2 → out:case_filed" in tip and "15" in tip and "12.0" in tip


def test_the_stage_table_names_where_time_is_lost(console_app, qtbot):
    from desktop.collaboration.stage_table import StageTable
    from desktop.collaboration.words import days_text

    flow = sample_flow()
    table = StageTable()
    qtbot.addWidget(table)
    table.show_stages(flow.stages, flow.slowest_stage(), {1: "市场监管局", 2: "综合执法局"})
    assert table.rows == [None, 1, 2]
    assert table.stages == ("assigned", "claimed", "closed")
    assert table.cell_text(2, "claimed") == days_text(9.0)
    assert table.cell_text(1, "assigned") == ""  # no figure for that department there
    slow = table.item(table.rows.index(2), table.stages.index("claimed"))
    quick = table.item(table.rows.index(1), table.stages.index("claimed"))
    assert slow.font().bold() and not quick.font().bold()
    assert slow.background().color().red() > quick.background().color().red()


def test_the_period_picker_offers_this_year_90_days_and_custom(console_app, qtbot):
    import datetime as dt

    from core.collab import Period
    from desktop.collaboration.period_picker import PeriodPicker

    picker = PeriodPicker(dt.date(2026, 11, 20))
    qtbot.addWidget(picker)
    assert picker.period() == Period(dt.date(2026, 1, 1), dt.date(2026, 11, 20))
    with qtbot.waitSignal(picker.changed) as changed:
        picker.set_choice("90d")
    assert changed.args[0] == Period(dt.date(2026, 8, 23), dt.date(2026, 11, 20))
    with qtbot.waitSignal(picker.changed) as changed:
        picker.set_choice("custom", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert changed.args[0] == Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert picker.as_view() == {"choice": "custom", "start": "2026-03-01", "end": "2026-03-31"}
    with qtbot.waitSignal(picker.changed) as changed:  # typed dates arrive once, when they settle
        picker.end.setDate(picker.end.date().addDays(1))
        picker.end.setDate(picker.end.date().addDays(1))
    assert changed.args[0].end == dt.date(2026, 4, 2)
