"""load_columns on a demo city, on SQLite and PostgreSQL, against what SQL says."""
from __future__ import annotations

import numpy as np
import prcoords
import pytest

from core.errors import Cancelled
from core.geoindex import data_stamp, load_columns
from core.geoindex.mercator import lat_to_y, lng_to_x

from .helpers import sql

ATTRIBUTES = {"risk": "risk_class", "entity_type": "entity_type", "status": "status",
              "industry": "industry_code", "town": "town_code", "village": "village_code"}


@pytest.fixture(scope="module")
def columns(demo_db):
    return load_columns(demo_db)


def test_counts_per_attribute_agree_with_sql(demo_db, columns):
    assert len(columns) == sql(demo_db, "SELECT COUNT(*) FROM market_entities")[0][0] > 0
    for name, column in ATTRIBUTES.items():
        expected = dict(sql(demo_db, f"SELECT {column}, COUNT(*) FROM market_entities GROUP BY {column}"))
        vocab = columns.vocab[name]
        counts = np.bincount(columns.codes(name), minlength=len(vocab))
        assert {vocab[i]: int(n) for i, n in enumerate(counts) if n} == expected, name


def test_tags_agree_with_sql(demo_db, columns):
    expected: dict[int, set[int]] = {}
    for entity_id, tag_id in sql(demo_db, "SELECT entity_id, tag_id FROM entity_tags"):
        expected.setdefault(tag_id, set()).add(entity_id)
    assert len(expected) > 3
    assert set(columns.tag_rows) == set(expected)
    for tag, rows in columns.tag_rows.items():
        assert rows.dtype == np.int32 and np.all(np.diff(rows) > 0)
        assert set(columns.ids[rows].tolist()) == expected[tag]


def test_every_row_matches_its_database_row(demo_db, columns):
    db_rows = sql(demo_db, "SELECT id, lat, lng, risk_class, town_code, village_code FROM market_entities ORDER BY id")
    order = columns.id_rows
    assert columns.ids[order].tolist() == [r[0] for r in db_rows]
    assert np.array_equal(columns.lat[order], [r[1] for r in db_rows])
    assert np.array_equal(columns.lng[order], [r[2] for r in db_rows])
    risk = np.asarray(columns.vocab["risk"])[columns.risk[order]]
    village = np.asarray(columns.vocab["village"])[columns.village[order]]
    assert risk.tolist() == [r[3] for r in db_rows]
    assert village.tolist() == [r[5] for r in db_rows]


def test_rows_are_sorted_west_to_east_with_projected_positions(columns):
    assert np.all(np.diff(columns.x) >= 0)
    assert np.array_equal(columns.x, lng_to_x(columns.lng))
    assert np.array_equal(columns.y, lat_to_y(columns.lat))
    assert columns.display == "wgs84"
    assert len(columns.rows_of(columns.ids[::7])) == len(columns.ids[::7])


def test_vocabularies_list_every_reference_code(demo_db, columns):
    assert columns.vocab["town"] == tuple(sorted(r[0] for r in sql(demo_db, "SELECT code FROM towns")))
    assert columns.vocab["village"] == tuple(sorted(r[0] for r in sql(demo_db, "SELECT code FROM villages")))
    assert columns.vocab["risk"] == ("A", "B", "C", "D")


def test_stamp_is_the_databases_current_stamp(demo_db, columns):
    assert columns.stamp == data_stamp(demo_db)


def test_gcj02_display_converts_every_position_like_prcoords(demo_db, columns):
    gcj = load_columns(demo_db, display="gcj02")
    assert gcj.display == "gcj02"
    rows = gcj.rows_of(columns.ids[::5])
    wgs_rows = columns.rows_of(columns.ids[::5])
    for r, w in zip(rows[:500], wgs_rows[:500]):
        expected = prcoords.wgs_gcj(prcoords.Coords(float(columns.lat[w]), float(columns.lng[w])))
        got = prcoords.Coords(float(gcj.lat[r]), float(gcj.lng[r]))
        assert got.distance(expected) < 0.01
    assert np.array_equal(gcj.y, lat_to_y(gcj.lat))
    assert np.all(np.diff(gcj.x) >= 0)


def test_progress_reaches_the_end_and_cancel_stops(demo_db):
    seen: list[tuple[int, int]] = []
    load_columns(demo_db, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    calls = []

    def cancel_after_two() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        load_columns(demo_db, is_cancelled=cancel_after_two)


def test_unknown_display_is_refused(demo_db):
    with pytest.raises(ValueError):
        load_columns(demo_db, display="bd09")
