"""view(): clusters and points against brute force, grid stability, colours, heat."""
from __future__ import annotations

import math
import threading
from collections import Counter

import numpy as np
import pytest

from core.geoindex import MapIndex, ViewRequest, synthetic_columns
from core.services.search import EntityFilter

from .helpers import CITY, cell_of, in_bounds, viewport

CENTRE = ((CITY[0] + CITY[2]) / 2, (CITY[1] + CITY[3]) / 2)


@pytest.fixture(scope="module")
def index():
    return MapIndex(synthetic_columns(40_000, seed=3, bounds=CITY, n_tags=6), pyramid=False)


def _requests(index) -> list[ViewRequest]:
    cols = index.columns
    town = (float(cols.lat[len(cols) // 3]), float(cols.lng[len(cols) // 3]))
    return [
        viewport(*CENTRE, 11),
        viewport(*CENTRE, 10.6, filter=EntityFilter(risk_classes=("C", "D"))),
        viewport(*town, 13, width=800, height=600, colour_by="status"),
        viewport(*town, 14, filter=EntityFilter(tag_ids=(5,)), colour_by="entity_type", cell_px=50, point_limit=20),
        viewport(*town, 12, colour_by="tags", colour_tags=(6, 2), cell_px=80),
    ]


def _brute(index, req: ViewRequest) -> np.ndarray:
    return np.flatnonzero(in_bounds(index.columns, req) & index.mask(req.filter, req.text_ids))


def _brute_categories(index, req: ViewRequest, rows: np.ndarray) -> list[int]:
    cols = index.columns
    if req.colour_by != "tags":
        return cols.codes(req.colour_by)[rows].tolist()
    members = [set(cols.tag_rows[t].tolist()) for t in req.colour_tags]
    return [next((i for i, m in enumerate(members) if r in m), len(members)) for r in rows.tolist()]


def _cell_of_point(lat: float, lng: float, zoom: float, cell_px: float) -> tuple[int, int]:
    px = 256 * 2 ** math.floor(zoom + 0.5)
    x, y = (lng + 180) / 360, 0.5 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)
    return math.floor(x * px / cell_px), math.floor(y * px / cell_px)


def test_clusters_match_a_row_by_row_tally_per_cell_and_category(index):
    cols = index.columns
    for req in _requests(index):
        result = index.view(req)
        rows = _brute(index, req)
        assert result.mode == "clusters", req
        assert result.cluster_count.sum() == result.visible == rows.size > req.point_limit
        assert result.total == int(index.mask(req.filter).sum())
        cats = _brute_categories(index, req, rows)
        assert result.category_visible.tolist() == np.bincount(cats, minlength=len(result.category_keys)).tolist()
        members: dict[tuple[int, int], list[int]] = {}
        for row, cell in zip(rows.tolist(), cell_of(cols, rows, req.zoom, req.cell_px)):
            members.setdefault(cell, []).append(row)
        by_row_cat = dict(zip(rows.tolist(), cats))
        assert len(result.cluster_count) == len(members)
        for lat, lng, n, per_cat in zip(result.cluster_lat, result.cluster_lng, result.cluster_count,
                                        result.cluster_cats):
            # A centroid lies inside its own cell, which names the rows it must stand for.
            cell_rows = members[_cell_of_point(lat, lng, req.zoom, req.cell_px)]
            assert n == len(cell_rows)
            tally = Counter(by_row_cat[r] for r in cell_rows)
            assert per_cat.tolist() == [tally[k] for k in range(len(result.category_keys))]
            assert lng == pytest.approx(float(np.mean(cols.lng[cell_rows])), abs=1e-9)
            y = float(np.mean(cols.y[cell_rows]))
            assert lat == pytest.approx(math.degrees(2 * math.atan(math.exp((0.5 - y) * 2 * math.pi)) - math.pi / 2),
                                        abs=1e-9)
        assert result.point_id.size == 0 and result.heat_w is None


def test_points_mode_returns_exactly_the_visible_matching_entities(index):
    cols = index.columns
    lat, lng = float(cols.lat[len(cols) // 2]), float(cols.lng[len(cols) // 2])
    for req in (viewport(lat, lng, 16), viewport(lat, lng, 14, filter=EntityFilter(tag_ids=(1,)), colour_by="tags",
                                                 colour_tags=(1, 3))):
        result = index.view(req)
        rows = _brute(index, req)
        assert result.mode == "points" and 0 < rows.size <= req.point_limit
        assert result.point_id.tolist() == sorted(cols.ids[rows].tolist()) and result.visible == rows.size
        by_id = dict(zip(cols.ids[rows].tolist(), _brute_categories(index, req, rows)))
        assert result.point_cat.dtype == np.int16
        assert result.point_cat.tolist() == [by_id[i] for i in result.point_id.tolist()]
        back = cols.rows_of(result.point_id)
        assert np.array_equal(result.point_lat, cols.lat[back]) and np.array_equal(result.point_lng, cols.lng[back])
        assert result.cluster_count.size == 0 and result.cluster_cats.shape == (0, len(result.category_keys))


def test_a_view_with_more_entities_than_the_point_limit_clusters(index):
    cols = index.columns
    lat, lng = float(cols.lat[len(cols) // 2]), float(cols.lng[len(cols) // 2])
    req = viewport(lat, lng, 15)
    n = index.view(req).visible
    assert index.view(ViewRequest(**{**req.__dict__, "point_limit": n})).mode == "points"
    assert index.view(ViewRequest(**{**req.__dict__, "point_limit": n - 1})).mode == "clusters"


def test_cells_do_not_move_when_the_view_pans(index):
    req = viewport(*CENTRE, 12)
    panned = viewport(CENTRE[0] + 0.003, CENTRE[1] + 0.004, 12)
    a, b = index.view(req), index.view(panned)
    inner_south, inner_north = max(req.south, panned.south) + 0.02, min(req.north, panned.north) - 0.02
    inner_west, inner_east = max(req.west, panned.west) + 0.02, min(req.east, panned.east) - 0.02

    def inner(r):
        keep = ((r.cluster_lat > inner_south) & (r.cluster_lat < inner_north)
                & (r.cluster_lng > inner_west) & (r.cluster_lng < inner_east))
        return {(round(la, 9), round(ln, 9)): int(n)
                for la, ln, n in zip(r.cluster_lat[keep], r.cluster_lng[keep], r.cluster_count[keep])}

    assert len(inner(a)) > 20
    assert inner(a) == inner(b)


def test_colour_by_tags_first_listed_tag_wins(index):
    req = viewport(*CENTRE, 11, colour_by="tags", colour_tags=(4, 6))
    result = index.view(req)
    assert result.category_keys == ("tag:4", "tag:6", "none")
    rows = _brute(index, req)
    cols = index.columns
    t4, t6 = set(cols.tag_rows[4].tolist()), set(cols.tag_rows[6].tolist())
    both = sum(1 for r in rows.tolist() if r in t4 and r in t6)
    assert both > 0
    assert result.category_visible[0] == sum(1 for r in rows.tolist() if r in t4)
    assert result.category_visible[1] == sum(1 for r in rows.tolist() if r in t6 and r not in t4)


def test_heat_grid_is_four_times_finer_with_weights_up_to_one(index):
    req = viewport(*CENTRE, 12, heat=True)
    result = index.view(req)
    rows = _brute(index, req)
    fine = Counter(cell_of(index.columns, rows, req.zoom, req.cell_px / 4))
    assert result.heat_w is not None and result.heat_w.size == len(fine)
    assert result.heat_w.max() == 1.0 and result.heat_w.min() > 0
    assert sorted(np.rint(result.heat_w * max(fine.values())).astype(int).tolist()) == sorted(fine.values())


def test_cell_size_in_degrees_and_empty_views(index):
    result = index.view(viewport(*CENTRE, 13.4, cell_px=64))
    assert result.cell_deg[0] == pytest.approx(64 * 360 / (256 * 2 ** 13))
    assert result.cell_deg[1] == pytest.approx(result.cell_deg[0] * math.cos(math.radians(CENTRE[0])), rel=1e-3)
    empty = index.view(viewport(10.0, 10.0, 12))
    assert (empty.visible, empty.mode, empty.point_id.size, empty.cluster_count.size) == (0, "points", 0, 0)
    assert empty.total == len(index.columns)
    with pytest.raises(ValueError):
        viewport(*CENTRE, 12, colour_by="industry")


def test_bounds_are_inclusive_on_every_edge(index):
    cols = index.columns
    rows = np.argsort(cols.lat)[[100, 2000, 4000]]
    south, north = float(cols.lat[rows].min()), float(cols.lat[rows].max())
    west, east = float(cols.lng[rows].min()), float(cols.lng[rows].max())
    req = ViewRequest(south=south, west=west, north=north, east=east, zoom=12, width=900, height=700,
                      point_limit=len(cols))
    result = index.view(req)
    brute = np.flatnonzero((cols.lat >= south) & (cols.lat <= north) & (cols.lng >= west) & (cols.lng <= east))
    assert set(cols.ids[rows].tolist()) <= set(result.point_id.tolist())
    assert result.point_id.tolist() == sorted(cols.ids[brute].tolist())


def test_views_on_threads_while_columns_are_replaced(index):
    other = synthetic_columns(5_000, seed=9, bounds=CITY)
    shared = MapIndex(index.columns)
    totals, errors = [], []

    def work():
        try:
            for _ in range(20):
                totals.append(shared.view(viewport(*CENTRE, 11)).total)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for _ in range(5):
        shared.replace_columns(other)
        shared.replace_columns(index.columns)
    for t in threads:
        t.join()
    assert not errors and set(totals) <= {len(other), len(index.columns)}


def test_a_pyramid_built_later_answers_the_same_totals():
    from core.geoindex import MapIndex, ViewRequest, synthetic_columns
    from core.services.search import EntityFilter

    columns = synthetic_columns(50_000, seed=3)
    index = MapIndex(columns, pyramid=False)
    s, n = float(columns.lat.min()), float(columns.lat.max())
    w, e = float(columns.lng.min()), float(columns.lng.max())
    request = ViewRequest(s, w, n, e, zoom=8, width=1600, height=1000, filter=EntityFilter(risk_classes=("A", "B")))
    before = index.view(request)
    assert before.source == "rows" and not index.has_pyramid
    index.build_pyramid()
    after = index.view(request)
    assert index.has_pyramid and after.source == "pyramid"
    assert after.total == before.total and int(after.cluster_count.sum()) == int(before.cluster_count.sum())
