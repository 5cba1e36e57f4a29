"""A whole credit code is one equality look-up; totals are exact where an index counts them and say
so when they are estimates (PostgreSQL), on the small demo city of each dialect."""
from __future__ import annotations

import pytest
from sqlalchemy import event, select

from core.db.models import MarketEntity
from core.services import search as search_module
from core.services.search import EntityFilter, EntitySearch, SearchTotal, rounded


@pytest.fixture
def statements(demo_db):
    """The SQL statements the database is sent while the test runs."""
    sent: list[str] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)
    event.listen(demo_db.engine, "before_cursor_execute", remember)
    yield sent
    event.remove(demo_db.engine, "before_cursor_execute", remember)


def _entity(db, entity_id: int = 1234):
    with db.sessions() as s:
        return s.execute(select(MarketEntity.id, MarketEntity.uscc, MarketEntity.name)
                         .where(MarketEntity.id == entity_id)).one()


def test_a_whole_credit_code_is_looked_up_by_equality(demo_db, statements):
    entity = _entity(demo_db)
    search = EntitySearch(demo_db)
    for typed in (entity.uscc, entity.uscc.lower(), f"  {entity.uscc} "):
        statements.clear()
        rows = search.page(EntityFilter(text=typed))
        assert [r.id for r in rows] == [entity.id]
        assert search.count(EntityFilter(text=typed)) == 1 and search.total(EntityFilter(text=typed)) == SearchTotal(1)
        sql = " ".join(statements).lower()
        assert "market_entities.uscc = " in sql, sql
        assert " like " not in sql and "match" not in sql and "entity_fts" not in sql, sql
    # a code with a wrong check character is not a code: it is still searched as a substring
    wrong = entity.uscc[:17] + ("0" if entity.uscc[17] != "0" else "1")
    statements.clear()
    assert search.page(EntityFilter(text=wrong)) == []
    assert "market_entities.uscc = " not in " ".join(statements).lower()
    part = entity.uscc[2:12]  # and part of a code still finds it
    assert entity.id in [r.id for r in search.page(EntityFilter(text=part))]


def test_rounded_keeps_two_significant_digits():
    assert [rounded(n) for n in (0, 7, 99, 123, 1_234, 84_321, 123_456, 1_249_999)] == \
        [0, 7, 99, 120, 1_200, 84_000, 120_000, 1_200_000]


def test_totals_are_exact_where_cheap_and_estimates_say_so(demo_db, monkeypatch):
    entity = _entity(demo_db)
    search = EntitySearch(demo_db)
    word2 = entity.name[3:5]
    filters = [EntityFilter(), EntityFilter(text=word2), EntityFilter(text=entity.name[:4]),
               EntityFilter(town_codes=("330782001",)), EntityFilter(risk_classes=("A",)),
               EntityFilter(statuses=("active",), text=word2)]
    for f in filters:  # the small city: every count is cheap, so exact
        assert search.total(f) == SearchTotal(search.count(f), estimated=False), f
    if demo_db.dialect != "postgresql":
        monkeypatch.setattr(search_module, "EXACT_COST_LIMIT", -1.0)
        assert all(not search.total(f).estimated for f in filters)  # SQLite always counts
        return
    monkeypatch.setattr(search_module, "EXACT_COST_LIMIT", -1.0)  # as if each count would scan a big city
    for f in filters:
        total, exact = search.total(f), search.count(f)
        assert total.estimated, f
        assert total.count == rounded(total.count) and 0 <= total.count <= 3000, (f, total)
    everything = search.total(EntityFilter())
    assert everything.estimated and everything.count == rounded(3000)  # pg_class.reltuples after ANALYZE
    risk_a = search.total(EntityFilter(risk_classes=("A",)))  # the planner's estimate, from column statistics
    exact = search.count(EntityFilter(risk_classes=("A",)))
    assert abs(risk_a.count - exact) <= 0.25 * exact + 100, (risk_a, exact)
