"""The graph's figures on a hand-built history with known answers (tests/core/collab/history.py)."""
import datetime as dt

import pytest

from core.collab import Period, build_flow, build_graph, items_behind
from core.errors import PermissionDenied, ValidationError
from tests.support.accounts import account

from .history import T1, T2, build

MARCH = Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))


@pytest.fixture
def hist(db):
    return build(db)


def key(dept_id):
    return f"dept:{dept_id}"


def test_edges_carry_counts_medians_and_shares_per_kind(db, hist):
    g = build_graph(db, MARCH)
    a, b, c, d = map(key, (hist.a, hist.b, hist.c, hist.d))
    grid = g.edge(f"town:{T1}", a).kinds["grid_handover"]
    assert (grid.count, grid.median_days, grid.p90_days) == (3, 2.0, 4.4)  # 1, 2 and 5 working days
    routed = g.edge(f"town:{T2}", b).kinds["clue_routing"]
    assert (routed.count, routed.median_days, routed.returned_share) == (2, 0.0, 1.0)  # both sent on
    moved = g.edge(b, c)
    assert moved.kinds["clue_transfer"].count == 1 and moved.kinds["clue_transfer"].median_days == 3.0
    assert moved.kinds["clue_return"].count == 1 and moved.kinds["clue_return"].median_days == 2.0
    assert moved.volume == 2 and moved.median_days == 2.5
    pushed = g.edge(a, d)
    assert pushed.kinds["push"].count == 2 and pushed.kinds["push"].median_days == 4.0  # 7 and 1
    assert pushed.kinds["push"].overdue_share == 0.5
    assert pushed.kinds["joint_visit"].count == 1 and pushed.volume == 3
    assert g.edge(d, a) is None  # edges run the way the work goes


def test_centrality_slowest_edges_forwarders_and_communities(db, hist):
    g = build_graph(db, MARCH)
    a, b, c, d = map(key, (hist.a, hist.b, hist.c, hist.d))
    nodes = {n.key: n for n in g.nodes}
    assert set(nodes) == {a, b, c, d, f"town:{T1}", f"town:{T2}"}
    # Two paths town-A-D and town-B-C: A and B each lie between one pair of six nodes.
    assert nodes[a].betweenness == pytest.approx(0.1) and nodes[b].betweenness == pytest.approx(0.1)
    assert nodes[c].betweenness == 0 and nodes[d].betweenness == 0
    assert nodes[a].degree == pytest.approx(0.4) and nodes[c].degree == pytest.approx(0.2)
    assert nodes[a].volume == 3 + 3 and nodes[c].volume == 2
    assert [(e.source, e.target) for e in g.slowest_edges(3)] == [(a, d), (b, c), (f"town:{T1}", a)]
    fw = {k: (got, sent, share) for k, got, sent, share in g.forwarders(min_received=1)}
    assert fw[b] == (2, 2, 1.0) and fw[a] == (3, 0, 0.0) and fw[c] == (2, 0, 0.0)
    assert g.forwarders(min_received=1)[0][0] == b
    assert set(g.communities()) == {frozenset({a, d}), frozenset({b, c})}
    assert nodes[a].community == nodes[d].community != nodes[b].community == nodes[c].community


def test_layout_is_stable(db, hist):
    first = build_graph(db, MARCH).layout()
    again = build_graph(db, MARCH).layout()
    assert first == again and len(first) == 6
    assert build_graph(db, MARCH).layout(seed=8) != first


def test_items_behind_an_edge_and_a_node(db, hist):
    a, d = key(hist.a), key(hist.d)
    items = items_behind(db, MARCH, edge=(a, d))
    assert sorted((i.object_type, i.object_id) for i in items) == sorted(
        [("push", hist.pushes[0]), ("push", hist.pushes[1]), ("inspection_task", hist.task)])
    assert all(i.label for i in items)
    behind_c = items_behind(db, MARCH, node=key(hist.c))
    assert sorted(i.object_id for i in behind_c) == sorted([hist.clues["transferred"], hist.clues["returned"]])
    assert len(items_behind(db, MARCH, node=a, limit=2)) == 2


def test_kinds_filter_and_period(db, hist):
    only_pushes = build_graph(db, MARCH, kinds=("push",))
    assert [(e.source, e.target) for e in only_pushes.edges] == [(key(hist.a), key(hist.d))]
    assert build_graph(db, Period.year(2024)).edges == ()
    with pytest.raises(ValidationError):
        build_graph(db, MARCH, kinds=("gossip",))
    with pytest.raises(ValidationError):
        Period(dt.date(2025, 3, 2), dt.date(2025, 3, 1))


def test_villages_replace_towns(db, hist):
    g = build_graph(db, MARCH, villages=True)
    assert not any(n.kind == "town" for n in g.nodes)
    assert any(n.kind == "village" and n.name_zh for n in g.nodes)


def test_a_viewer_sees_only_its_scope(db, hist):
    fire = account(db, "fire", "department", department=hist.d)
    g = build_graph(db, MARCH, viewer=fire)
    assert {(e.source, e.target) for e in g.edges} == {(key(hist.a), key(hist.d))}
    town = account(db, "t1", "town", town=T1)
    g = build_graph(db, MARCH, viewer=town)
    assert {(e.source, e.target) for e in g.edges} == {(f"town:{T1}", key(hist.a))}
    admin = account(db, "root", "admin")  # may read inspections (draw.read), not clues or pushes
    g = build_graph(db, MARCH, viewer=admin)
    assert {k for e in g.edges for k in e.kinds} == {"joint_visit"}
    with pytest.raises(PermissionDenied):
        build_graph(db, MARCH, kinds=("clue_routing", "push"), viewer=admin)


def test_flow_bands_stages_and_the_slowest_stage(db, hist):
    f = build_flow(db, MARCH)
    a, b, c = map(key, (hist.a, hist.b, hist.c))
    assert f.clue_count == 5
    grid = f.band("src:grid", a)
    assert grid.count == 3 and grid.median_days == 2.0
    assert f.band("src:hotline", b).count == 2
    moved = f.band(b, f"xfer:{hist.c}")
    assert moved.count == 2 and moved.median_days == 2.5
    assert sorted(moved.clue_ids) == sorted([hist.clues["transferred"], hist.clues["returned"]])
    assert f.band(a, "out:closed").count == 1 and f.band(a, "out:closed").median_days == 7.0
    assert f.band(a, "out:open").count == 2 and f.band(f"xfer:{hist.c}", "out:open").count == 2
    claimed = {st.department_id: st for st in f.stages if st.stage == "claimed"}
    # Stage times in fractional working days between the moments: assigned at 10:00, claimed
    # at 9:00 one, two and five working days later (A); C claims a transfer after three
    # working days to the hour and its return's assignment (10:00) two days later at 9:00.
    assert claimed[hist.a].count == 3 and claimed[hist.a].median_days == round(2 - 1 / 24, 2)
    assert claimed[hist.c].median_days == round((3 + 2 - 1 / 24) / 2, 2)
    assigned = {st.department_id: st for st in f.stages if st.stage == "assigned"}
    assert assigned[hist.a].median_days == round(1 / 24, 2)  # an hour after the clue came in
    assert f.slowest_stage().stage == "claimed" and f.slowest_stage().department_id == hist.a
    only_b = build_flow(db, MARCH, department=hist.b)
    assert only_b.clue_count == 2
    assert build_flow(db, MARCH, source="grid").clue_count == 3
    assert build_flow(db, MARCH, town=T2).clue_count == 2
