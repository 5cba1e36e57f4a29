"""Entity exports a civil servant can read: names beside codes in the user's language, codes
kept as text, and an entity named like a formula exported as its name."""
import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from core.db.database import Database
from core.db.models import Industry, MarketEntity, Town, Village
from core.demo.builder import build_demo
from core.demo.spec import DemoSpec
from core.services import export
from core.services.search import EntityFilter, EntitySearch

EVIL_NAME = '=HYPERLINK("http://x","y")'
EVIL_REP = "+86 579 8552 0000"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def city(request, tmp_path_factory):
    from tests.conftest import _empty_url

    url = _empty_url(request.param, tmp_path_factory.mktemp("export"))
    build_demo(url, DemoSpec(entities=300, seed=7, as_of=dt.date(2026, 11, 20), chunk=300))
    db = Database.open(url)
    with db.engine.begin() as conn:
        first, second = conn.execute(select(MarketEntity.id).order_by(MarketEntity.id).limit(2)).scalars().all()
        conn.execute(update(MarketEntity).where(MarketEntity.id == first).values(name=EVIL_NAME, legal_rep=EVIL_REP))
        conn.execute(update(MarketEntity).where(MarketEntity.id == second).values(entity_type="individual",
                                                                                    status="active"))
    yield db
    db.dispose()


def _entities(db, ids):
    with db.sessions() as s:
        rows = s.execute(select(MarketEntity, Industry, Town, Village)
                         .join(Industry, Industry.code == MarketEntity.industry_code)
                         .join(Town, Town.code == MarketEntity.town_code)
                         .join(Village, Village.code == MarketEntity.village_code)
                         .where(MarketEntity.id.in_(ids)).order_by(MarketEntity.id)).all()
        return [(e.uscc, e.name, e.industry_code, e.town_code, e.village_code, i.name_zh, i.name_en, t.name_zh,
                 t.name_en, v.name_zh) for e, i, t, v in rows]


def _table(ws):
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    return header, [dict(zip(header, r)) for r in rows[1:]]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_xlsx_has_names_beside_codes_as_text(city, tmp_path, lang):
    ids = (1, 2)
    path = tmp_path / "e.xlsx"
    assert export.export_entities(EntitySearch(city), EntityFilter(entity_ids=ids), path, lang=lang) == 2
    ws = load_workbook(path).active
    header, body = _table(ws)
    zh = lang == "zh_CN"
    k = dict(zip(["uscc", "name", "type", "industry_code", "industry", "town_code", "town", "village_code",
                  "village", "status", "rep"],
                 ["统一社会信用代码", "名称", "主体类型", "行业代码", "行业", "镇街代码", "镇街", "村社代码", "村社",
                  "登记状态", "法定代表人/经营者"] if zh else
                 ["USCC", "Name", "Entity type", "Industry code", "Industry", "Town code", "Town", "Village code",
                  "Village / community", "Status", "Legal representative"]))
    assert set(k.values()) <= set(header)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:") and ws.auto_filter.ref.endswith("3")
    for row, (uscc, name, ind, town, village, ind_zh, ind_en, town_zh, town_en, village_zh) in zip(
            body, _entities(city, ids)):
        for key, value in (("uscc", uscc), ("industry_code", ind), ("town_code", town), ("village_code", village)):
            cell = row[k[key]]
            assert cell.value == value and cell.data_type == "s" and cell.number_format == "@", key
        assert row[k["industry"]].value == (ind_zh if zh else ind_en)
        assert row[k["town"]].value == (town_zh if zh else town_en)
        assert row[k["village"]].value == village_zh
    evil, plain = body
    assert evil[k["name"]].value == EVIL_NAME and evil[k["name"]].data_type == "s"  # not a live formula
    assert evil[k["rep"]].value == EVIL_REP and evil[k["rep"]].data_type == "s"
    assert plain[k["type"]].value == ("个体工商户" if zh else "Individual business")
    assert plain[k["status"]].value == ("存续" if zh else "Active")
    registered = plain["成立日期" if zh else "Registered on"]
    assert registered.is_date and registered.number_format == "yyyy-mm-dd"


def test_csv_neutralises_formulas_and_keeps_labels(city, tmp_path):
    path = tmp_path / "e.csv"
    export.export_entities(EntitySearch(city), EntityFilter(entity_ids=(1, 2)), path, include_risk=False)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    evil, plain = (dict(zip(header, r)) for r in rows)
    assert evil["名称"] == "'" + EVIL_NAME and evil["法定代表人/经营者"] == "'" + EVIL_REP
    assert plain["主体类型"] == "个体工商户" and plain["登记状态"] == "存续"
    assert plain["镇街"].endswith(("街道", "镇")) and plain["村社"] and plain["行业"]
    assert not any("风险" in h for h in header)
    assert not set(plain.values()) & {"A", "B", "C", "D"}
