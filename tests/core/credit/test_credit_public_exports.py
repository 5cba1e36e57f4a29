"""Classes stay internal: no public export carries a class, whatever the classes are now."""
from __future__ import annotations

import datetime as dt
import json

from openpyxl import load_workbook
from sqlalchemy import select

from core.credit import score_city
from core.db.models import DrawBatch, DrawnObject, DrawRecord, DrawStatus, MarketEntity
from core.services import draws
from core.services.export import export_entities
from core.services.search import EntityFilter, EntitySearch

RISK_WORDS = ("风险", "信用等级", "分类", "risk", "class", "stratum", "等级")


def _cells(path) -> list[list[object]]:
    sheet = load_workbook(path, read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _no_class_column(rows: list[list[object]], classes: list[str]) -> None:
    """No header names a class and no column holds, row by row, the listed entities' classes."""
    header = next(r for r in rows if sum(c is not None for c in r) > 2)
    assert not [h for h in header if h and any(w in str(h).lower() for w in RISK_WORDS)], header
    body = rows[rows.index(header) + 1:]
    for column in zip(*body):
        values = [str(v) for v in column if v is not None]
        assert not (values and set(values) <= set("ABCD")), f"a column of classes: {values[:10]}"
    assert classes  # the test looked at entities that have classes


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_notices_public_records_and_public_entity_lists_carry_no_class(demo_db, tmp_path):
    score_city(demo_db, "leader", as_of=dt.date(2026, 11, 20))   # computed classes in force
    with demo_db.sessions() as s:
        batches = s.scalars(select(DrawBatch.id).where(DrawBatch.status.in_(
            [DrawStatus.DRAWN, DrawStatus.PUBLISHED])).order_by(DrawBatch.id)).all()
        recorded = [b for b in s.scalars(select(DrawRecord.batch_id)) if b in batches]
        classes = [c for (c,) in s.execute(select(MarketEntity.risk_class).join(
            DrawnObject, DrawnObject.entity_id == MarketEntity.id).where(DrawnObject.batch_id.in_(batches)))]
    assert batches and recorded
    for batch in batches:
        for with_results in (False, True):
            path = draws.export_notice_xlsx(demo_db, batch, tmp_path / f"notice{batch}{with_results}.xlsx",
                                            with_results=with_results)
            _no_class_column(_cells(path), classes)
    for batch in recorded:
        public = draws.public_record_of(demo_db, batch)
        assert not [k for k in _keys(public) if any(w in k.lower() for w in ("risk", "class", "stratum", "band"))]
        policy = public.pop("sampling")            # the ratio per class is public policy, no entity's class
        assert set(policy) == {"ratios"}
        text = json.dumps(public, ensure_ascii=False)
        assert not [c for c in ('"A"', '"B"', '"C"', '"D"') if c in text]
    # The entity list as a user without risk.read gets it (a department user).
    search = EntitySearch(demo_db, viewer="scjg")
    path = tmp_path / "entities.xlsx"
    export_entities(search, EntityFilter(), path, include_risk=False, actor="scjg")
    with demo_db.sessions() as s:
        entity_classes = [str(c) for c in s.scalars(select(MarketEntity.risk_class).limit(50))]
    _no_class_column(_cells(path), entity_classes)
