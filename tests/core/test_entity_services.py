"""Panorama, dual tagging, location, exports and sign-in on both dialects."""
import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import AuditEntry, EntityRecord, MarketEntity, entity_tags
from core.demo.builder import build_demo
from core.demo.spec import DemoSpec
from core.errors import NotFound, ValidationError
from core.geo.coords import CoordSystem, from_wgs84, to_wgs84
from core.services import auth, export, panorama, tagging
from core.services.search import EntityFilter, EntitySearch


@pytest.fixture
def city(empty_db_url):
    build_demo(empty_db_url, DemoSpec(entities=600, seed=5, as_of=dt.date(2026, 11, 20), chunk=300))
    db = Database.open(empty_db_url)
    yield db
    db.dispose()


def busiest(db):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT entity_id FROM entity_records GROUP BY entity_id ORDER BY COUNT(*) DESC, entity_id LIMIT 1").scalar()


def test_panorama_gathers_everything(city):
    eid = busiest(city)
    p = panorama.load_panorama(city, eid)
    with city.sessions() as s:
        entity = s.get(MarketEntity, eid)
        n_records = s.scalar(select(func.count()).select_from(EntityRecord).where(EntityRecord.entity_id == eid))
        n_tags = s.scalar(select(func.count()).select_from(entity_tags).where(entity_tags.c.entity_id == eid))
    assert p.header.uscc == entity.uscc and p.header.town_zh.endswith(("街道", "镇"))
    assert p.header.industry_zh and len(p.header.tags) == n_tags
    assert len(p.timeline) == n_records
    assert [t.occurred_on for t in p.timeline] == sorted((t.occurred_on for t in p.timeline), reverse=True)
    assert any(t.department_zh for t in p.timeline)
    assert panorama.find_by_uscc(city, entity.uscc.lower()) == eid
    with pytest.raises(NotFound):
        panorama.load_panorama(city, 10**9)


def test_panorama_lists_open_clues_and_draws(city):
    with city.engine.connect() as conn:
        eid = conn.exec_driver_sql(
            "SELECT entity_id FROM clues WHERE state NOT IN ('closed','duplicate') AND entity_id IS NOT NULL LIMIT 1").scalar()
        drawn = conn.exec_driver_sql("SELECT entity_id FROM drawn_objects LIMIT 1").scalar()
    if eid is not None:
        assert any(i.kind == "clue" for i in panorama.load_panorama(city, eid).open_items)
    p = panorama.load_panorama(city, drawn)
    assert p.draws and p.draws[0].departments_zh


def test_tags_add_remove_undo_with_audit_and_timeline(city):
    tag = tagging.create_tag(city, "operator", code="night_market", name_zh="夜市摊位", name_en="Night market stall",
                             colour="#aa3300", meaning_zh="夜间经营")
    assert tag.code == "night_market"
    with pytest.raises(ValidationError):
        tagging.create_tag(city, "operator", code="night_market", name_zh="重复", name_en="dup", colour="#000000")
    with pytest.raises(ValidationError):
        tagging.create_tag(city, "operator", code="Bad Code", name_zh="x", name_en="x", colour="#000000")
    entities = [1, 2, 3, 4]
    change = tagging.add_tags(city, "operator", entities, [tag.id])
    assert change.entity_count == 4
    again = tagging.add_tags(city, "operator", entities + [5], [tag.id])
    assert again.pairs == ((5, tag.id),)  # only what really changed
    counts = {t.code: t.entity_count for t in tagging.list_tags(city, with_counts=True)}
    assert counts["night_market"] == 5
    assert any(e.title.endswith("夜市摊位") and e.kind == "tag_change"
               for e in panorama.load_panorama(city, 3).timeline)
    undone = tagging.undo(city, "operator", again)
    assert undone.action == "remove" and undone.pairs == ((5, tag.id),)
    removed = tagging.remove_tags(city, "operator", entities, [tag.id])
    assert removed.entity_count == 4
    tagging.undo(city, "operator", removed)
    assert EntitySearch(city).count(EntityFilter(tag_ids=(tag.id,))) == 4
    with city.sessions() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions.count("entity.tags.add") == 3 and actions.count("entity.tags.remove") == 2
    assert "tag.create" in actions


def test_bulk_tagging_is_all_or_nothing(city):
    tag = tagging.list_tags(city)[0]
    with pytest.raises(NotFound):
        tagging.add_tags(city, "operator", [1, 2, 10**9], [tag.id])
    with city.sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "entity.tags.add")) == 0


@pytest.mark.parametrize("system", list(CoordSystem))
def test_location_in_any_system_is_stored_as_wgs84(city, system):
    wgs = (29.3312, 120.1045)
    given = from_wgs84(*wgs, system)
    change = tagging.set_location(city, "operator", 7, *given, system=system)
    assert change.new == pytest.approx(wgs, abs=1e-6)
    if system is not CoordSystem.WGS84:
        assert abs(given[0] - wgs[0]) + abs(given[1] - wgs[1]) > 0.002  # the offsets are real
    with city.sessions() as s:
        e = s.get(MarketEntity, 7)
        assert (e.lat, e.lng) == pytest.approx(wgs, abs=1e-6)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "entity.location")).one()
        assert json.loads(entry.before)["lat"] == change.old[0]


def test_bad_coordinates_are_refused():
    with pytest.raises(ValidationError):
        to_wgs84(129.3, 120.1, "gcj02")


def test_exports_open_with_the_right_rows(city, tmp_path):
    search = EntitySearch(city)
    f = EntityFilter(town_codes=("330782008",))
    n = search.count(f)
    out = tmp_path / "futian.csv"
    assert export.export_entities(search, f, out) == n
    with open(out, encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert table[0][0] == "统一社会信用代码" and len(table) == n + 1
    xlsx = tmp_path / "futian.xlsx"
    fractions = []
    assert export.export_entities(search, f, xlsx, lang="en", progress=lambda p, m: fractions.append(p)) == n
    sheet = load_workbook(xlsx, read_only=True).active
    values = list(sheet.values)
    assert values[0][0] == "USCC" and len(values) == n + 1 and fractions[-1] == pytest.approx(1.0)
    with pytest.raises(ValidationError):
        export.export_entities(search, f, tmp_path / "x.pdf")
    outside = tmp_path / "for_department.csv"
    export.export_entities(search, f, outside, include_risk=False)
    with open(outside, encoding="utf-8-sig") as fh:
        head = next(csv.reader(fh))
    assert not any("风险" in h for h in head) and len(head) == len(table[0]) - len(export.RISK_KEYS)


def test_cancelled_export_leaves_no_file(city, tmp_path):
    from core.errors import Cancelled
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "all.csv"
    with pytest.raises(Cancelled):
        export.export_entities(EntitySearch(city), EntityFilter(), out, is_cancelled=lambda: True)
    assert not list(folder.iterdir())


def test_sign_in_and_demo_accounts(city):
    accounts = auth.demo_accounts(city)
    assert {a.role_code for a in accounts} == {"operator", "leader", "planner", "monitor", "department", "town", "admin"}
    a = next(a for a in accounts if a.role_code == "department")
    user = auth.authenticate(city, a.username, a.password)
    assert user.role_zh == "部门用户" and user.department_zh == "市场监管局"
    with pytest.raises(auth.AuthError):
        auth.authenticate(city, a.username, "wrong")
    with pytest.raises(auth.AuthError):
        auth.authenticate(city, "nobody", a.password)


def test_no_demo_accounts_on_a_real_database(db):
    assert auth.demo_accounts(db) == []
