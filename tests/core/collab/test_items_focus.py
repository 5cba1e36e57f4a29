"""A click reads only its node's or edge's rows: items_behind gives the same rows as filtering
every row of the period (the way it was done before), on the hand-built history."""
import datetime as dt

import numpy as np
import pytest

from core.collab import Period, build_graph, items_behind
from core.collab.sources import load_rows
from tests.support.accounts import account

from .history import build

MARCH = Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31))


@pytest.fixture
def hist(db):
    return build(db)


def every_row_filtered(db, *, node=None, edge=None, villages=False, viewer=None, limit=500):
    """The rows behind ``node`` or ``edge`` picked out of every row of March, newest first."""
    with db.sessions() as s:
        rows = load_rows(s, MARCH, villages=villages, viewer=viewer)
    keep = rows.source != rows.target
    if node is not None:
        keep &= (rows.source == node) | (rows.target == node)
    if edge is not None:
        keep &= (rows.source == edge[0]) & (rows.target == edge[1])
    idx = np.flatnonzero(keep)
    order = np.lexsort((-rows.object_id[idx], -rows.at[idx].astype("datetime64[D]").view(np.int64)))
    return [(str(rows.kind[i]), str(rows.object_type[i]), int(rows.object_id[i]), str(rows.source[i]),
             str(rows.target[i])) for i in idx[order][:limit]]


def behind(db, **kw):
    return [(i.kind, i.object_type, i.object_id, i.source, i.target) for i in items_behind(db, MARCH, **kw)]


@pytest.mark.parametrize("villages", [False, True])
def test_every_node_and_edge_gives_the_rows_filtered_from_all(db, hist, villages):
    g = build_graph(db, MARCH, villages=villages)
    assert len(g.nodes) >= 6 and len(g.edges) >= 4
    for n in g.nodes:
        expected = every_row_filtered(db, node=n.key, villages=villages)
        assert expected, n.key
        assert behind(db, node=n.key, villages=villages) == expected, n.key
    for e in g.edges:
        expected = every_row_filtered(db, edge=(e.source, e.target), villages=villages)
        assert len(expected) == e.volume
        assert behind(db, edge=(e.source, e.target), villages=villages) == expected, (e.source, e.target)


def test_the_kinds_of_a_node_and_a_limit(db, hist):
    a, d = f"dept:{hist.a}", f"dept:{hist.d}"
    kinds = {k for k, *_ in behind(db, node=a)}
    assert kinds == {"grid_handover", "push", "joint_visit"}
    assert behind(db, node=a, limit=2) == every_row_filtered(db, node=a, limit=2)
    assert behind(db, edge=(d, a)) == []  # the joint visit runs lead -> partner only


def test_a_department_viewer_sees_the_same_rows_either_way(db, hist):
    fire = account(db, "fire", "department", department=hist.d)
    a, d = f"dept:{hist.a}", f"dept:{hist.d}"
    for kw in ({"node": d}, {"node": a}, {"edge": (a, d)}):
        expected = every_row_filtered(db, viewer=fire, **kw)
        assert expected
        assert behind(db, viewer=fire, **kw) == expected
