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
    for limit in (1, 2, 3):  # the newest few: read with a limit where the SQL picks the rows exactly
        for kw in ({"node": a}, {"node": d}, {"edge": (a, d)}):
            assert behind(db, limit=limit, **kw) == every_row_filtered(db, limit=limit, **kw)
    assert behind(db, edge=(d, a)) == []  # the joint visit runs lead -> partner only


def test_a_department_viewer_sees_the_same_rows_either_way(db, hist):
    fire = account(db, "fire", "department", department=hist.d)
    a, d = f"dept:{hist.a}", f"dept:{hist.d}"
    for kw in ({"node": d}, {"node": a}, {"edge": (a, d)}):
        expected = every_row_filtered(db, viewer=fire, **kw)
        assert expected
        assert behind(db, viewer=fire, **kw) == expected


def test_a_bands_clues_and_what_opens_an_item(db, hist):
    from core.collab import clue_items, open_targets

    ids = [hist.clues["g1"], hist.clues["returned"], hist.clues["g2"]]
    items = clue_items(db, ids)
    # All came in at the same moment: the newest id first.
    assert [i.object_id for i in items] == sorted(ids, reverse=True)
    assert all(i.object_type == "clue" and i.label.startswith("XS-T") and "测试商户1" in i.label for i in items)
    assert items[0].at == dt.date(2025, 3, 3)
    assert len(clue_items(db, ids, limit=2)) == 2 and clue_items(db, []) == []
    behind = items_behind(db, MARCH, node=f"dept:{hist.d}")
    targets = open_targets(db, behind)
    assert targets[("inspection_task", hist.task)] == ("entity", hist.e1)  # a visit outside any batch
    pushed = {targets[("push", p)] for p in hist.pushes}
    assert len(pushed) == 1 and next(iter(pushed))[0] == "entity" and next(iter(pushed)) != ("entity", hist.e1)
    assert open_targets(db, items) == {}  # clues open themselves


def test_a_department_sees_the_partners_of_a_task_it_is_on(db, hist):
    """A task led by A with B and D on it: D (a department user) sees A -> B there too."""
    from sqlalchemy import insert

    from core.db.models import InspectionTask, Inspector
    from core.db.models.inspections import task_inspectors

    with db.bootstrap_uow("test-setup") as uow:
        s = uow.session
        team = [Inspector(department_id=d, name=f"联合检查员{k}", certificate_no=f"JOINT{k:03d}",
                          certificate_valid_until=dt.date(2030, 1, 1)) for k, d in enumerate((hist.a, hist.b, hist.d))]
        s.add_all(team)
        task = InspectionTask(entity_id=hist.e1, lead_department_id=hist.a, joint=True, status="done",
                              due_on=dt.date(2025, 3, 25), done_on=dt.date(2025, 3, 24))
        s.add(task)
        s.flush()
        s.execute(insert(task_inspectors), [{"task_id": task.id, "inspector_id": i.id} for i in team])
        uow.commit()
    fire = account(db, "fire", "department", department=hist.d)
    a, b = f"dept:{hist.a}", f"dept:{hist.b}"
    for kw in ({"edge": (a, b)}, {"node": b}, {"node": a}):
        expected = every_row_filtered(db, viewer=fire, **kw)
        assert ("joint_visit", "inspection_task", task.id, a, b) in expected
        assert behind(db, viewer=fire, **kw) == expected
    assert behind(db, edge=(a, b)) == every_row_filtered(db, edge=(a, b))
