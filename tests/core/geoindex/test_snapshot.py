"""Snapshots on disk, the data stamp, and open_columns choosing between them."""
from __future__ import annotations

import datetime as dt
import json
import logging
import zipfile

import numpy as np
import pytest
from sqlalchemy import text

from core.db.database import Database
from core.demo.builder import build_demo
from core.demo.spec import DemoSpec
from core.geoindex import (
    MapIndex,
    data_stamp,
    load_columns,
    load_snapshot,
    open_columns,
    save_snapshot,
    snapshot_path,
    synthetic_columns,
)
from core.geoindex import snapshot as snapshot_module
from core.geoindex.columns import CODE_COLUMNS
from core.services.search import EntityFilter
from core.services.tagging import add_tags, set_location

from .helpers import CITY, sql, viewport

ARRAYS = ("ids", "lat", "lng", "x", "y", "id_rows", *CODE_COLUMNS)


@pytest.fixture(scope="module")
def columns():
    return synthetic_columns(5_000, seed=2, bounds=CITY, n_tags=5)


def _same(a, b) -> None:
    for name in ARRAYS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert a.vocab == b.vocab and (a.stamp, a.display) == (b.stamp, b.display)
    assert a.tag_rows.keys() == b.tag_rows.keys()
    assert all(np.array_equal(a.tag_rows[t], b.tag_rows[t]) for t in a.tag_rows)


def test_round_trip_is_exact_and_leaves_no_temporary_files(columns, tmp_path):
    path = save_snapshot(columns, tmp_path / "city.mapindex.npz")
    assert [p.name for p in tmp_path.iterdir()] == ["city.mapindex.npz"]
    loaded = load_snapshot(path, expect_stamp=columns.stamp, display="wgs84")
    assert loaded is not None
    _same(columns, loaded)
    assert load_snapshot(path) is not None  # no expectations: any valid snapshot


def test_stale_foreign_missing_or_damaged_snapshots_yield_none(columns, tmp_path, caplog):
    path = save_snapshot(columns, tmp_path / "a.npz")
    assert load_snapshot(path, expect_stamp="something else") is None
    assert load_snapshot(path, display="gcj02") is None
    assert load_snapshot(tmp_path / "missing.npz") is None

    damaged = tmp_path / "damaged.npz"
    data = path.read_bytes()
    for label, content in (("truncated", data[: len(data) // 2]), ("garbage", b"not a zip at all" * 100)):
        damaged.write_bytes(content)
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert load_snapshot(damaged) is None, label
        assert str(damaged) in caplog.text, label

    # A valid archive of another format version, and one whose columns disagree in length.
    with np.load(path) as z:
        arrays = {name: z[name] for name in z.files}
    meta = json.loads(bytes(arrays["meta"]).decode())
    for label, change in (("version", {"meta": {**meta, "version": 999}}), ("length", {"lat": arrays["lat"][:-1]})):
        fixed = dict(arrays)
        for key, value in change.items():
            fixed[key] = np.frombuffer(json.dumps(value).encode(), np.uint8) if key == "meta" else value
        np.savez(damaged, **fixed)
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert load_snapshot(damaged) is None, label
        assert str(damaged) in caplog.text, label
    assert zipfile.is_zipfile(damaged)


def test_snapshot_paths(tmp_path):
    db = Database.open(str(tmp_path / "city.sqlite"))
    try:
        assert snapshot_path(db) == tmp_path / "city.sqlite.mapindex.npz"
    finally:
        db.dispose()


@pytest.fixture
def small_city(empty_db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot_module, "cache_dir", lambda: tmp_path / "cache")
    build_demo(empty_db_url, DemoSpec(entities=400, seed=4, as_of=dt.date(2026, 11, 20), chunk=200))
    db = Database.open(empty_db_url)
    yield db
    db.dispose()


def _untagged_pair(db) -> tuple[int, int]:
    tags = [r[0] for r in sql(db, "SELECT id FROM tags ORDER BY id")]
    entity = sql(db, "SELECT id FROM market_entities ORDER BY id LIMIT 1")[0][0]
    carried = {r[0] for r in sql(db, "SELECT tag_id FROM entity_tags WHERE entity_id = :e", e=entity)}
    return entity, next(t for t in tags if t not in carried)


def test_data_stamp_changes_with_entities_and_their_tags(small_city):
    db = small_city
    before = data_stamp(db)
    assert data_stamp(db) == before
    entity, tag = _untagged_pair(db)
    with db.engine.begin() as conn:  # written behind the services' back: no audit entry
        conn.execute(text("INSERT INTO entity_tags (entity_id, tag_id) VALUES (:e, :t)"), {"e": entity, "t": tag})
    after_insert = data_stamp(db)
    assert after_insert != before
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM entity_tags WHERE entity_id = :e AND tag_id = :t"), {"e": entity, "t": tag})
    set_location(db, "operator", entity, 29.31, 120.05)  # same tag count, but an audited change
    assert data_stamp(db) not in (before, after_insert)


def test_open_columns_reuses_a_fresh_snapshot_and_rebuilds_a_stale_one(small_city, monkeypatch, tmp_path):
    db = small_city
    path = snapshot_path(db)
    assert path.is_relative_to(tmp_path)
    if db.dialect == "postgresql":
        assert "tongguan@" not in path.name and path.parent.name == "cache"
    assert not path.exists()
    first = open_columns(db)
    assert path.exists() and first.stamp == data_stamp(db)

    def refuse(*args, **kwargs):
        raise AssertionError("a fresh snapshot must not be reloaded from the database")

    with monkeypatch.context() as patch:
        patch.setattr(snapshot_module, "load_columns", refuse)
        _same(first, open_columns(db))

    entity, tag = _untagged_pair(db)
    add_tags(db, "operator", [entity], [tag])
    refreshed = open_columns(db)
    assert refreshed.stamp != first.stamp
    assert entity in refreshed.ids[refreshed.tag_rows[tag]].tolist()
    assert entity not in first.ids[first.tag_rows.get(tag, np.zeros(0, np.int32))].tolist()
    gcj = open_columns(db, display="gcj02")  # another display system: reloaded, not reused
    assert gcj.display == "gcj02" and not np.array_equal(gcj.lat, refreshed.lat)


def test_an_empty_database_gives_empty_columns_that_still_answer(db, tmp_path):
    columns = load_columns(db)
    assert len(columns) == 0 and columns.stamp == data_stamp(db)
    index = MapIndex(columns, pyramid=True)
    result = index.view(viewport(29.3, 120.0, 11, heat=True))
    assert (result.total, result.visible, result.category_visible.tolist()) == (0, 0, [0, 0, 0, 0])
    assert index.town_counts(EntityFilter()) == {} and index.positions([1])[0].size == 0
    assert load_snapshot(save_snapshot(columns, tmp_path / "empty.npz")) is not None
