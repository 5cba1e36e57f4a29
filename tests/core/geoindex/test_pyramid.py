"""The pyramid answers categorical views with the same totals as the rows."""
from __future__ import annotations

import numpy as np
import pytest

from core.geoindex import MapIndex, synthetic_columns
from core.geoindex.mercator import lat_to_y, lng_to_x
from core.geoindex.synthetic import PROVINCE
from core.services.search import EntityFilter

from .helpers import viewport

CENTRE = ((PROVINCE[0] + PROVINCE[2]) / 2, (PROVINCE[1] + PROVINCE[3]) / 2)


@pytest.fixture(scope="module")
def columns():
    return synthetic_columns(200_000, seed=5)


@pytest.fixture(scope="module")
def pyramid(columns):
    return MapIndex(columns, pyramid=True)


@pytest.fixture(scope="module")
def rows(columns):
    return MapIndex(columns, pyramid=False)


FILTERS = [
    EntityFilter(),
    EntityFilter(risk_classes=("C", "D")),
    EntityFilter(statuses=("active",), entity_types=("enterprise", "cooperative")),
]


def test_a_whole_province_view_equals_the_rows_answer(columns, pyramid, rows):
    town = columns.vocab["town"][int(np.bincount(columns.town).argmax())]
    for zoom, f, colour in [(7, FILTERS[0], "risk"), (8, FILTERS[1], "status"), (7.8, FILTERS[2], "entity_type"),
                            (8, EntityFilter(town_codes=(town,), risk_classes=("A",)), "risk")]:
        req = viewport(*CENTRE, zoom, filter=f, colour_by=colour, heat=True)
        a, b = pyramid.view(req), rows.view(req)
        assert (a.source, b.source) == ("pyramid", "rows")
        assert a.total == b.total == a.visible == b.visible == rows.count(f) > 0
        assert a.category_keys == b.category_keys
        assert a.category_visible.tolist() == b.category_visible.tolist()
        assert a.cluster_count.tolist() == b.cluster_count.tolist()
        assert np.array_equal(a.cluster_cats, b.cluster_cats)
        assert np.allclose(a.cluster_lat, b.cluster_lat, rtol=0, atol=1e-9)
        assert np.allclose(a.cluster_lng, b.cluster_lng, rtol=0, atol=1e-9)
        assert np.allclose(a.heat_w, b.heat_w, rtol=0, atol=1e-12)
        assert a.cell_deg == b.cell_deg


def test_a_partial_view_counts_whole_edge_cells(columns, pyramid, rows):
    biggest = columns.town == np.bincount(columns.town).argmax()
    lat, lng = float(np.median(columns.lat[biggest])), float(np.median(columns.lng[biggest]))
    edge_effect = False
    for zoom in (9, 11):
        level = zoom + 2  # 64 px cells: 2**(zoom + 8) / 64 cells across the world
        cx, cy = np.floor(columns.x * 2 ** level), np.floor(columns.y * 2 ** level)
        for f in FILTERS:
            req = viewport(lat, lng, zoom, filter=f, width=700, height=500)
            a, b = pyramid.view(req), rows.view(req)
            assert a.source == "pyramid" and a.mode == "clusters"
            assert a.total == b.total
            # Every matching entity of every cell the bounds touch, and nothing else.
            west, east = np.floor(lng_to_x([req.west, req.east]) * 2 ** level)
            north, south = np.floor(lat_to_y([req.north, req.south]) * 2 ** level)
            touching = (cx >= west) & (cx <= east) & (cy >= north) & (cy <= south) & rows.mask(f)
            assert a.visible == int(touching.sum()) >= b.visible
            assert a.cluster_count.sum() == a.visible
            edge_effect |= a.visible > b.visible
    assert edge_effect


def test_other_filters_and_colours_fall_back_to_rows(columns, pyramid, rows):
    for req in (viewport(*CENTRE, 8, filter=EntityFilter(tag_ids=(3,))),
                viewport(*CENTRE, 8, colour_by="tags", colour_tags=(1, 2)),
                viewport(*CENTRE, 8, filter=EntityFilter(industry_codes=(columns.vocab["industry"][0],))),
                viewport(*CENTRE, 8, cell_px=60),
                viewport(*CENTRE, 16)):
        a, b = pyramid.view(req), rows.view(req)
        assert a.source == "rows"
        assert (a.total, a.visible, a.cluster_count.tolist(), a.point_id.tolist()) == \
               (b.total, b.visible, b.cluster_count.tolist(), b.point_id.tolist())


def test_counts_and_town_counts_equal_the_rows(columns, pyramid, rows):
    for f in FILTERS:
        assert pyramid.count(f) == rows.count(f)
        assert pyramid.town_counts(f, risk="B") == rows.town_counts(f, risk="B")
    assert pyramid.has_pyramid and not rows.has_pyramid
    assert not MapIndex(columns).has_pyramid  # below the automatic threshold
