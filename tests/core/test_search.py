"""Entity search on both dialects: codes, Chinese substrings, filters, sorting, paging."""
import pytest
from sqlalchemy import text

from core.services.search import EntityFilter, EntitySearch


def rows(db, sql, *args):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(sql, *args).all() if args else conn.execute(text(sql)).all()


def sample(db):
    return rows(db, "SELECT id, uscc, name, address, town_code, risk_class FROM market_entities ORDER BY id LIMIT 50")


def test_full_and_partial_credit_codes(demo_db):
    search = EntitySearch(demo_db)
    _, code, *_ = sample(demo_db)[7]
    assert [r.uscc for r in search.page(EntityFilter(text=code))] == [code]
    assert [r.uscc for r in search.page(EntityFilter(text=code.lower()))] == [code]
    prefix = code[:12]
    found = search.page(EntityFilter(text=prefix), limit=5000)
    assert found and all(r.uscc.startswith(prefix) for r in found)
    assert code in {r.uscc for r in found}
    infix = code[9:15]  # middle of the organisation code
    assert code in {r.uscc for r in search.page(EntityFilter(text=infix), limit=5000)}
    two = code[:2]
    assert search.count(EntityFilter(text=two)) == len(rows(demo_db, f"SELECT 1 FROM market_entities WHERE uscc LIKE '{two}%'"))


def test_chinese_name_substrings_of_every_length(demo_db):
    search = EntitySearch(demo_db)
    name = sample(demo_db)[3][2]
    for word in (name[3:6], name[3:5], name[4]):  # 3, 2 and 1 characters
        expected = {r[0] for r in rows(demo_db, "SELECT id, name, address FROM market_entities")
                    if word in r[1] or word in r[2]}
        got = set(search.ids(EntityFilter(text=word)))
        assert got == expected, word
        assert search.count(EntityFilter(text=word)) == len(expected)


def test_address_search(demo_db):
    search = EntitySearch(demo_db)
    address = sample(demo_db)[5][3]
    piece = address[6:11]
    assert sample(demo_db)[5][0] in search.ids(EntityFilter(text=piece))


def test_filters_combine(demo_db):
    search = EntitySearch(demo_db)
    town = "330782008"
    f = EntityFilter(town_codes=(town,), risk_classes=("C", "D"), statuses=("active",))
    expected = rows(demo_db, f"SELECT COUNT(*) FROM market_entities WHERE town_code='{town}' "
                             "AND risk_class IN ('C','D') AND status='active'")[0][0]
    assert 0 < search.count(f) == expected
    assert all(r.town_code == town and r.risk_class in "CD" for r in search.page(f, limit=1000))


def test_tag_filter_requires_every_tag(demo_db):
    search = EntitySearch(demo_db)
    pair = rows(demo_db, "SELECT a.tag_id, b.tag_id, COUNT(*) FROM entity_tags a JOIN entity_tags b "
                         "ON a.entity_id = b.entity_id AND a.tag_id < b.tag_id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1")[0]
    assert search.count(EntityFilter(tag_ids=(pair[0], pair[1]))) == pair[2]
    assert search.count(EntityFilter(tag_ids=(pair[0],))) > pair[2]


def test_sorted_paging_covers_every_row_once(demo_db):
    search = EntitySearch(demo_db)
    f = EntityFilter(risk_classes=("B",))
    total = search.count(f)
    seen, previous = [], None
    for offset in range(0, total, 97):
        page = search.page(f, sort="registered_on", descending=True, offset=offset, limit=97)
        for r in page:
            if previous is not None:
                assert (r.registered_on, r.id) < previous
            previous = (r.registered_on, r.id)
        seen += [r.id for r in page]
    assert len(seen) == len(set(seen)) == total


def test_unsortable_column_is_refused(demo_db):
    with pytest.raises(ValueError, match="cannot sort"):
        EntitySearch(demo_db).page(EntityFilter(), sort="address")


def test_search_text_is_not_sql(demo_db):
    search = EntitySearch(demo_db)
    for nasty in ('"; DROP TABLE market_entities; --', "%", "_", '小"商', "a' OR '1'='1"):
        assert search.count(EntityFilter(text=nasty)) == 0
    assert rows(demo_db, "SELECT COUNT(*) FROM market_entities")[0][0] == 3000


def test_large_selection_passes_as_one_parameter(demo_db):
    """A polygon drawn on the map can select more ids than either database allows parameters."""
    search = EntitySearch(demo_db)
    every = search.ids(EntityFilter())
    chosen = tuple(every[::2])
    assert len(chosen) > 500  # above the inline limit, so the one-parameter form is used
    # Ids that do not exist only shrink the count; duplicates are harmless.
    padded = chosen + tuple(range(10**9, 10**9 + 40000)) + chosen[:10]
    assert search.count(EntityFilter(entity_ids=padded)) == len(chosen)
    risky = EntityFilter(entity_ids=padded, risk_classes=("C", "D"))
    expected = [i for i in search.ids(EntityFilter(risk_classes=("C", "D"))) if i in set(chosen)]
    assert search.ids(risky) == expected
    assert [r.id for r in search.page(risky, limit=7)] == expected[:7]
