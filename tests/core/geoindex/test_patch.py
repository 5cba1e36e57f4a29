"""Patching the columns for a few changed entities gives what a full load gives, reading only those rows."""
from __future__ import annotations

import datetime as dt
import shutil

import numpy as np
import pytest
from sqlalchemy import text

from core.db.database import Database
from core.geoindex import MapIndex, ViewRequest, load_columns
from core.geoindex.counters import ROWS_READ
from core.geoindex.patch import apply_changes, read_changes, same_content
from core.services import tagging
from core.services.search import EntityFilter
from tests.support.accounts import standard_accounts

from .helpers import sql


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("patch") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=3000, seed=11, as_of=dt.date(2026, 11, 20), chunk=1000))
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


def _patched(db, columns, entity_ids=(), tag_ids=()):
    before = ROWS_READ.snapshot()
    out = apply_changes(columns, read_changes(db, entity_ids, tag_ids))
    return out, ROWS_READ.since(before)


def _assert_same(patched, full):
    assert same_content(patched, full)
    # Same arrays, row for row, once both are put in id order.
    for name in ("ids", "lat", "lng", "x", "y"):
        assert np.array_equal(getattr(patched, name)[patched.id_rows], getattr(full, name)[full.id_rows]), name
    assert np.all(np.diff(patched.x) >= 0)
    assert patched.stamp == full.stamp


@pytest.mark.parametrize("display", ["wgs84", "gcj02"])
def test_a_tag_change_patches_to_what_a_full_load_gives(city, display):
    columns = load_columns(city, display=display)
    tag = tagging.list_tags(city)[0]
    ids = [i for (i,) in sql(city, f"SELECT id FROM market_entities WHERE id NOT IN "
                                   f"(SELECT entity_id FROM entity_tags WHERE tag_id={tag.id}) LIMIT 7")]
    tagged = sql(city, f"SELECT entity_id FROM entity_tags WHERE tag_id={tag.id} LIMIT 3")
    tagging.add_tags(city, "operator", ids, [tag.id])
    tagging.remove_tags(city, "operator", [i for (i,) in tagged], [tag.id])
    changed = ids + [i for (i,) in tagged]
    patched, read = _patched(city, columns, changed)
    assert patched.ids is columns.ids  # nothing moved: the position arrays are shared
    assert read.get("entity_columns") == len(changed)
    assert read.get("entity_tags", 0) < 100  # the changed entities' memberships, not the tag's
    assert not same_content(patched, columns)
    _assert_same(patched, load_columns(city, display=display))


def test_a_location_change_moves_the_row_and_keeps_the_order(city):
    columns = load_columns(city)
    west = int(columns.ids[0])  # the westernmost entity moves to the far east, another a little
    middle = int(columns.ids[len(columns) // 2])
    lat, lng = sql(city, f"SELECT lat, lng FROM market_entities WHERE id={middle}")[0]
    east_lng = float(columns.lng.max()) + 0.01
    tagging.set_location(city, "operator", west, float(columns.lat[0]), east_lng)
    tagging.set_location(city, "operator", middle, lat + 0.002, lng - 0.003)
    patched, read = _patched(city, columns, [west, middle])
    assert read.get("entity_columns") == 2
    assert int(patched.ids[-1]) == west
    full = load_columns(city)
    _assert_same(patched, full)
    index = MapIndex(patched, pyramid=True)
    assert index.count(EntityFilter()) == len(full)


def test_new_and_deleted_entities_and_a_rewritten_tag(city):
    columns = load_columns(city)
    gone = int(columns.ids[100])
    with city.engine.begin() as conn:  # what a bulk import or a cleanup does behind the services
        conn.execute(text("DELETE FROM entity_tags WHERE entity_id=:i"), {"i": gone})
        conn.execute(text("DELETE FROM market_entities WHERE id=:i"), {"i": gone})
        cols = [r[1] for r in conn.execute(text("PRAGMA table_info(market_entities)"))]
        picked = ", ".join(c for c in cols if c not in ("id", "uscc", "name"))
        conn.execute(text(f"INSERT INTO market_entities (uscc, name, {picked}) SELECT '91330782MA0NEW001X', "
                          f"'新主体', {picked} FROM market_entities WHERE id=(SELECT MIN(id) FROM market_entities)"))
        new_id = conn.execute(text("SELECT MAX(id) FROM market_entities")).scalar_one()
        tag = conn.execute(text("SELECT MIN(id) FROM tags")).scalar_one()
        conn.execute(text("DELETE FROM entity_tags WHERE tag_id=:t AND entity_id % 2 = 0"), {"t": tag})
        conn.execute(text("INSERT INTO entity_tags (entity_id, tag_id) VALUES (:e, :t)"), {"e": new_id, "t": tag})
    patched, read = _patched(city, columns, [gone, new_id], [tag])
    assert read["entity_columns"] == 1  # the deleted one has no row to read
    _assert_same(patched, load_columns(city))


def test_the_patched_index_answers_like_a_fresh_one(city):
    columns = load_columns(city)
    index = MapIndex(columns, pyramid=True)
    tag = tagging.list_tags(city)[1]
    moved = [int(i) for i in columns.ids[::500]]
    for k, entity in enumerate(moved):
        lat, lng = sql(city, f"SELECT lat, lng FROM market_entities WHERE id={entity}")[0]
        tagging.set_location(city, "operator", entity, lat + 0.01 * (k % 3 - 1), lng + 0.02)
    tagging.add_tags(city, "operator", moved, [tag.id])
    with city.engine.begin() as conn:
        conn.execute(text("UPDATE market_entities SET risk_class='D' WHERE id IN (%s)" % ",".join(map(str, moved))))
    before = ROWS_READ.snapshot()
    index.patch(city, moved)
    assert ROWS_READ.since(before)["entity_columns"] == len(moved)
    fresh = MapIndex(load_columns(city), pyramid=True)
    assert index.has_pyramid
    s, w, n, e = sql(city, "SELECT MIN(lat), MIN(lng), MAX(lat), MAX(lng) FROM market_entities")[0]
    for f in (EntityFilter(), EntityFilter(risk_classes=("D",)), EntityFilter(tag_ids=(tag.id,))):
        assert index.count(f) == fresh.count(f)
        assert index.town_counts(f) == fresh.town_counts(f)
        for zoom in (9, 11, 13):
            req = ViewRequest(south=s, west=w, north=n, east=e, zoom=zoom, width=1600, height=1000, filter=f)
            a, b = index.view(req), fresh.view(req)
            assert (a.mode, a.total, a.visible, a.source) == (b.mode, b.total, b.visible, b.source)
            assert np.array_equal(a.cluster_count, b.cluster_count)
            assert np.allclose(a.cluster_lat, b.cluster_lat) and np.allclose(a.cluster_lng, b.cluster_lng)
            assert np.array_equal(a.cluster_cats, b.cluster_cats)


def test_patches_and_overlays_on_each_database(empty_db_url):
    """SQLite and PostgreSQL: a tag change, a move and a clue step, against full reads."""
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec
    from core.live.changes import ChangeSet
    from core.services.map_overlays import MapOverlays

    build_demo(empty_db_url, DemoSpec(entities=1500, seed=5, as_of=dt.date(2026, 11, 20), chunk=1000))
    db = Database.open(empty_db_url)
    try:
        standard_accounts(db)
        index = MapIndex(load_columns(db), pyramid=True)
        overlays = MapOverlays(db, today=dt.date(2027, 3, 1))
        overlays.load()
        tag = tagging.list_tags(db)[0]
        entity = int(index.columns.ids[10])
        lat, lng = sql(db, f"SELECT lat, lng FROM market_entities WHERE id={entity}")[0]
        tagging.add_tags(db, "operator", [entity], [tag.id])
        tagging.set_location(db, "operator", entity, lat + 0.01, lng)
        clue = sql(db, "SELECT id FROM clues WHERE state = 'fed_back' ORDER BY id LIMIT 1")
        changes = ChangeSet(entities=frozenset({entity}), clues=frozenset(c for (c,) in clue))
        if clue:
            from core.services.clues import act
            act(db, "operator", clue[0][0], "close")
        before = ROWS_READ.snapshot()
        index.patch(db, [entity])
        overlays.apply(changes)
        assert ROWS_READ.since(before)["entity_columns"] == 1
        _assert_same(index.columns, load_columns(db))
        fresh = MapOverlays(db, today=dt.date(2027, 3, 1))
        assert overlays.clue_markers() == fresh.clue_markers()
        assert overlays.overdue_by_town() == fresh.overdue_by_town()
    finally:
        db.dispose()


def test_a_lazy_snapshot_waits_for_the_changes_it_does_not_hold(city, tmp_path):
    from core.geoindex import LazySnapshot, data_stamp, load_snapshot

    now = [0.0]
    saver = LazySnapshot(tmp_path / "city.mapindex.npz", interval_s=60, clock=lambda: now[0])
    columns = load_columns(city)
    tag = tagging.list_tags(city)[0]
    entity = int(columns.ids[5])
    tagging.add_tags(city, "operator", [entity], [tag.id])
    patched, _read = _patched(city, columns, [entity])
    applied = sql(city, "SELECT MAX(id) FROM change_log")[0][0]
    saver.mark(patched)
    assert saver.dirty and not saver.due()
    now[0] = 61.0
    assert saver.due()
    tagging.add_tags(city, "operator", [int(columns.ids[6])], [tag.id])  # committed, not yet applied
    assert not saver.flush(city, applied)
    assert saver.dirty
    assert saver.flush(city, sql(city, "SELECT MAX(id) FROM change_log")[0][0])  # (as if applied)
    assert not saver.dirty
    saved = load_snapshot(tmp_path / "city.mapindex.npz", expect_stamp=data_stamp(city))
    assert saved is not None and entity in saved.ids[saved.tag_rows[tag.id]].tolist()
