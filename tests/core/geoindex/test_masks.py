"""Filter masks and counts agree with the database's own search, on both dialects."""
from __future__ import annotations

import numpy as np
import pytest

from core.geoindex import MapIndex, load_columns
from core.services.search import EntityFilter, EntitySearch

from .helpers import sql


@pytest.fixture(scope="module")
def index(demo_db):
    return MapIndex(load_columns(demo_db))


@pytest.fixture(scope="module")
def pyramid_index(index):
    return MapIndex(index.columns, pyramid=True)


def _filters(demo_db) -> list[EntityFilter]:
    """Filters built from values present in the data (nothing hard-coded about the city)."""
    towns = [r[0] for r in sql(demo_db, "SELECT town_code FROM market_entities GROUP BY town_code ORDER BY COUNT(*) DESC")]
    villages = [r[0] for r in sql(demo_db, "SELECT village_code FROM market_entities GROUP BY village_code "
                                            "ORDER BY COUNT(*) DESC")]
    industries = [r[0] for r in sql(demo_db, "SELECT DISTINCT industry_code FROM market_entities ORDER BY 1")]
    tags = [r[0] for r in sql(demo_db, "SELECT tag_id FROM entity_tags GROUP BY tag_id ORDER BY COUNT(*) DESC")]
    ids = [r[0] for r in sql(demo_db, "SELECT id FROM market_entities ORDER BY id")]
    return [
        EntityFilter(),
        EntityFilter(town_codes=(towns[0], towns[-1])),
        EntityFilter(village_codes=tuple(villages[:3])),
        EntityFilter(industry_codes=tuple(industries[::4])),
        EntityFilter(risk_classes=("C", "D")),
        EntityFilter(entity_types=("enterprise", "cooperative")),
        EntityFilter(statuses=("deregistered", "revoked")),
        EntityFilter(tag_ids=(tags[0],)),
        EntityFilter(tag_ids=(tags[0], tags[1])),
        EntityFilter(tag_ids=(tags[-1],), risk_classes=("A",)),
        EntityFilter(entity_ids=tuple(ids[::97]) + (10**9,)),
        EntityFilter(town_codes=(towns[1],), risk_classes=("B", "C"), statuses=("active",)),
        EntityFilter(town_codes=("not-a-town",)),
    ]


def test_count_and_mask_agree_with_entity_search(demo_db, index, pyramid_index):
    search = EntitySearch(demo_db)
    for f in _filters(demo_db):
        expected = sorted(search.ids(f))
        mask = index.mask(f)
        assert mask.dtype == bool and mask.shape == (len(index.columns),)
        assert sorted(index.columns.ids[mask].tolist()) == expected, f
        assert index.count(f) == len(expected) == search.count(f), f
        assert pyramid_index.count(f) == len(expected), f


def test_text_filters_intersect_the_given_text_ids(demo_db, index):
    search = EntitySearch(demo_db)
    name = sql(demo_db, "SELECT name FROM market_entities ORDER BY id LIMIT 1 OFFSET 17")[0][0]
    for word in (name[3:5], name[2:6]):
        text_ids = np.asarray(search.ids(EntityFilter(text=word)), dtype=np.int64)
        assert text_ids.size
        for f in (EntityFilter(text=word), EntityFilter(text=word, risk_classes=("A", "B"))):
            assert index.count(f, text_ids) == search.count(f)
            assert sorted(index.columns.ids[index.mask(f, text_ids)].tolist()) == search.ids(f)
    with pytest.raises(ValueError):
        index.count(EntityFilter(text=name[3:5]))


def test_masks_are_cached_by_filter_and_read_only(index):
    f = EntityFilter(risk_classes=("D",))
    first = index.mask(f)
    assert index.mask(EntityFilter(risk_classes=("D",))) is first
    with pytest.raises(ValueError):
        first[0] = not first[0]
    ids_a, ids_b = np.asarray(index.columns.ids[:5]), np.asarray(index.columns.ids[5:9])
    g = EntityFilter(text="whatever")
    assert index.count(g, ids_a) == 5 and index.count(g, ids_b) == 4  # same filter, other text ids


def test_town_counts_agree_with_sql(demo_db, index, pyramid_index):
    towns = {r[0]: 0 for r in sql(demo_db, "SELECT code FROM towns")}
    for risk in (None, "C"):
        where = "" if risk is None else f"WHERE risk_class = '{risk}'"
        expected = towns | dict(sql(demo_db, f"SELECT town_code, COUNT(*) FROM market_entities {where} GROUP BY town_code"))
        assert index.town_counts(EntityFilter(), risk=risk) == expected
        assert pyramid_index.town_counts(EntityFilter(), risk=risk) == expected
    f = EntityFilter(statuses=("active",), risk_classes=("A", "C"))
    expected = towns | dict(sql(demo_db, "SELECT town_code, COUNT(*) FROM market_entities WHERE status = 'active' "
                                         "AND risk_class = 'C' GROUP BY town_code"))
    assert index.town_counts(f, risk="C") == pyramid_index.town_counts(f, risk="C") == expected
    with pytest.raises(ValueError):
        index.town_counts(f, risk="Z")


def test_positions_of_ids(demo_db, index):
    wanted = sql(demo_db, "SELECT id, lat, lng FROM market_entities ORDER BY id DESC LIMIT 6")
    ids, lat, lng = index.positions([w[0] for w in wanted] + [-5, 10**12])
    assert ids.tolist() == sorted(w[0] for w in wanted)
    by_id = {w[0]: (w[1], w[2]) for w in wanted}
    assert [(a, b) for a, b in zip(lat.tolist(), lng.tolist())] == [by_id[i] for i in ids.tolist()]
