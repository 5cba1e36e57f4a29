"""The map's overlays: one definition of overdue (the deadline engine's), kept current by change records."""
from __future__ import annotations

import datetime as dt
import shutil
from types import SimpleNamespace

import numpy as np
import pytest
from sqlalchemy import text

from core.db.database import Database
from core.geoindex.counters import ROWS_READ
from core.services import map_layers
from core.services.clues import act
from core.services.map_overlays import MapOverlays
from tests.support.accounts import standard_accounts

from .helpers import sql

AS_OF = dt.date(2026, 11, 20)
LATER = dt.date(2027, 3, 1)  # by then much open work is overdue


def change(**fields):
    """A change record as the live bus carries it (core.live.changes.ChangeSet once it exists)."""
    try:
        from core.live.changes import ChangeSet
    except ImportError:
        return SimpleNamespace(**{name: frozenset(v) if not isinstance(v, bool) else v for name, v in fields.items()})
    return ChangeSet(**{name: frozenset(v) if not isinstance(v, bool) else v for name, v in fields.items()})


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("overlays") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=3000, seed=11, as_of=AS_OF, chunk=1000))
    db = Database.open(str(path))
    standard_accounts(db)
    db.dispose()
    return path


@pytest.fixture
def city(template, tmp_path):
    path = tmp_path / "city.sqlite"
    shutil.copy(template, path)
    db = Database.open(str(path))
    yield db
    db.dispose()


def _same_as_a_fresh_load(db, overlays, today, viewer=None):
    fresh = MapOverlays(db, today=today, viewer=viewer)
    assert overlays.clue_markers() == fresh.clue_markers()
    assert overlays.open_clues_by_town() == fresh.open_clues_by_town()
    if viewer is None:
        assert overlays.overdue_by_town() == fresh.overdue_by_town()


def test_a_clue_without_a_due_date_is_overdue_on_the_map_as_the_engine_counts_it(city):
    # An imported clue with no due date: the engine gives it the policy's 10 working days from
    # receipt; "due_on < today" would call it never overdue.
    clue_id, town = sql(city, "SELECT c.id, e.town_code FROM clues c JOIN market_entities e ON e.id = c.entity_id "
                              "WHERE c.state NOT IN ('closed', 'duplicate') AND c.due_on >= :d ORDER BY c.id LIMIT 1",
                    d=str(AS_OF))[0]
    overlays = MapOverlays(city, today=AS_OF)
    before_markers = overlays.clue_markers()
    before_town = overlays.overdue_by_town().get(town, 0)
    with city.engine.begin() as conn:
        conn.execute(text("UPDATE clues SET due_on = NULL, received_at = :r WHERE id = :i"),
                     {"r": "2026-10-01 02:00:00.000000", "i": clue_id})
    assert clue_id not in [i for (i,) in sql(city, "SELECT id FROM clues WHERE due_on < :d", d=str(AS_OF))]
    was_late = dict(zip(before_markers.ids, before_markers.overdue)).get(clue_id)
    assert was_late is False  # before: a due date still ahead
    overlays.apply(change(clues={clue_id}))
    after = dict(zip(*(overlays.clue_markers().ids, overlays.clue_markers().overdue)))
    assert after[clue_id] is True
    assert overlays.overdue_by_town().get(town, 0) == before_town + 1  # both layers: one definition
    assert clue_id in overlays.overdue_clue_ids()
    # The one-off reader the CLI's map export uses agrees too.
    once = map_layers.open_clue_markers(city, AS_OF)
    assert dict(zip(once.ids, once.overdue))[clue_id] is True
    _same_as_a_fresh_load(city, overlays, AS_OF)


def test_a_clue_step_recomputes_the_overlays_from_a_few_rows(city):
    overlays = MapOverlays(city, today=LATER)
    overlays.load()
    markers = overlays.clue_markers()
    late = [i for i, o in zip(markers.ids, markers.overdue) if o]
    states = dict(sql(city, "SELECT id, state FROM clues"))
    clue_id = next(i for i in late if states[i] in ("fed_back", "received", "assigned", "returned", "transferred",
                                                    "claimed"))
    town = overlays.open_clues_by_town()
    overdue = overlays.overdue_by_town()
    before = ROWS_READ.snapshot()
    if states[clue_id] == "fed_back":
        act(city, "operator", clue_id, "close")
    else:  # the center links it to an earlier clue as a duplicate: the clock stops
        original = next(i for i, st in sorted(states.items()) if i != clue_id and st != "duplicate")
        act(city, "operator", clue_id, "duplicate", original_id=original)
    overlays.apply(change(clues={clue_id}))
    read = ROWS_READ.since(before)
    assert "entity_columns" not in read and "entity_tags" not in read
    assert read.get("clocks", 0) == 1 and read.get("clues", 0) == 0  # its clock; a closed clue is no marker
    assert clue_id not in overlays.clue_markers().ids
    assert sum(overlays.open_clues_by_town().values()) == sum(town.values()) - 1
    assert sum(overlays.overdue_by_town().values()) == sum(overdue.values()) - 1
    _same_as_a_fresh_load(city, overlays, LATER)


def test_new_clues_cases_and_entity_moves_follow_too(city):
    overlays = MapOverlays(city, today=LATER)
    overlays.load()
    clue_id, entity_id = sql(city, "SELECT id, entity_id FROM clues WHERE entity_id IS NOT NULL "
                                   "AND state NOT IN ('closed', 'duplicate') ORDER BY id LIMIT 1")[0]
    case_id = sql(city, "SELECT id FROM cases WHERE status = 'filed' ORDER BY id LIMIT 1")[0][0]
    with city.engine.begin() as conn:
        conn.execute(text("UPDATE clues SET lat = NULL, lng = NULL WHERE id = :i"), {"i": clue_id})
    overlays.apply(change(clues={clue_id}))  # placed by its entity now
    with city.engine.begin() as conn:
        conn.execute(text("UPDATE market_entities SET lat = lat + 0.01 WHERE id = :e"), {"e": entity_id})
        conn.execute(text("UPDATE cases SET decision_due = :d WHERE id = :c"), {"d": "2030-01-01", "c": case_id})
    overlays.apply(change(entities={entity_id}, cases={case_id}))
    _same_as_a_fresh_load(city, overlays, LATER)
    moved = dict(zip(overlays.clue_markers().ids, overlays.clue_markers().lats))[clue_id]
    assert moved == pytest.approx(sql(city, f"SELECT lat FROM market_entities WHERE id={entity_id}")[0][0])


def test_a_department_sees_its_own_clues_and_no_overdue_measure(city):
    from core.errors import PermissionDenied
    from tests.support.accounts import account

    dept = sql(city, "SELECT department_id FROM clues WHERE state NOT IN ('closed', 'duplicate') "
                     "AND department_id IS NOT NULL LIMIT 1")[0][0]
    viewer = account(city, "dept_map", "department", department=dept)
    overlays = MapOverlays(city, today=LATER, viewer=viewer)
    ids = np.array(overlays.clue_markers().ids)
    own = {i for (i,) in sql(city, f"SELECT id FROM clues WHERE department_id={dept}")}
    assert ids.size and set(ids.tolist()) <= own
    with pytest.raises(PermissionDenied):
        overlays.overdue_by_town()
    other = sql(city, f"SELECT id FROM clues WHERE department_id != {dept} AND entity_id IS NOT NULL LIMIT 1")[0][0]
    assert other not in ids
    with city.engine.begin() as conn:  # handed to this department (and reopened)
        conn.execute(text("UPDATE clues SET department_id = :d, state = 'handling', closed_at = NULL WHERE id = :i"),
                     {"d": dept, "i": other})
    overlays.apply(change(clues={other}))
    assert other in overlays.clue_markers().ids
    _same_as_a_fresh_load(city, overlays, LATER, viewer=viewer)
