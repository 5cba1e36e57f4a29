"""Exporting one kind as XLSX, CSV or JSON with the same Chinese columns the import reads.

Rows stream from the database (a million entities never sit in memory) through the one
table writer (core.sheets) or, for JSON, one object per record. A filter narrows the rows:
``town`` (name or code), ``village``, ``type`` (主体类型), ``status``, ``department``,
``source`` (来源系统). The export is audited under its actor (``data.export``).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Select, select

from core import sheets
from core.db.database import Database
from core.db.models import (
    Commitment, Department, EntityRecord, FeedRegistration, MarketEntity, Tag, Town, Village, entity_tags,
)
from core.errors import ValidationError

from . import spec as S
from .readers import format_of
from .spec import KindSpec, spec_of

PERMISSION = "data.export"
FILTERS = ("town", "village", "type", "status", "department", "source")
_CELL = {S.USCC: sheets.CODE, S.CODE: sheets.CODE, S.TOWN: sheets.CODE, S.VILLAGE: sheets.CODE,
         S.INDUSTRY: sheets.CODE, S.DATE: sheets.DATE, S.NUMBER: sheets.NUMBER, S.LAT: sheets.NUMBER,
         S.LNG: sheets.NUMBER}


def parse_filter(text: str | None) -> dict[str, str]:
    """``town=稠城街道,type=企业`` as a dict; ValidationError naming an unknown key."""
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key = key.strip()
        if not sep or key not in FILTERS:
            raise ValidationError(f"未知的筛选条件 (unknown filter) {part.strip()!r}; use {', '.join(FILTERS)}",
                                  where="--filter")
        out[key] = value.strip()
    return out


def _where(query: Select, kind: KindSpec, filters: dict[str, str], session) -> Select:
    e = MarketEntity
    for key, value in filters.items():
        if key == "town":
            code = session.scalar(select(Town.code).where((Town.code == value) | (Town.name_zh == value)))
            query = query.where(e.town_code == (code or value))
        elif key == "village":
            code = session.scalar(select(Village.code).where((Village.code == value) | (Village.name_zh == value)))
            query = query.where(e.village_code == (code or value))
        elif key == "type":
            query = query.where(e.entity_type == S.ENTITY_TYPES.get(value, value))
        elif key == "status":
            query = query.where(e.status == S.STATUSES.get(value, value))
        elif key == "department" and kind.target in ("record", "commitment"):
            dept = session.scalar(select(Department.id).where((Department.code == value.upper())
                                                              | (Department.name_zh == value)))
            table = Commitment if kind.target == "commitment" else EntityRecord
            query = query.where(table.department_id == dept)
        elif key == "source" and kind.target in ("record", "commitment", "registration"):
            table = {"record": EntityRecord, "commitment": Commitment, "registration": FeedRegistration}[kind.target]
            query = query.where(table.source_system == value)
    return query


_ENTITY_COLUMNS = ("uscc", "name", "entity_type", "town_code", "village_code", "industry_code", "address",
                   "legal_rep", "registered_on", "status", "lng", "lat")


def _rows(session, kind: KindSpec, filters: dict[str, str]) -> Iterator[dict]:
    """Each exported record as {field key: value as written}; plain rows, no ORM objects."""
    e = MarketEntity
    dept_names = {d.id: d.name_zh for d in session.scalars(select(Department))}
    types = {v: w for w, v in S.ENTITY_TYPES.items()}
    if kind.target == "entity":
        tag = session.scalar(select(Tag.id).where(Tag.code == S.UNVERIFIED_TAG[0]))
        flagged = select(entity_tags.c.entity_id).where(entity_tags.c.tag_id == tag).scalar_subquery()
        query = select(*(getattr(e, c) for c in _ENTITY_COLUMNS), e.id.in_(flagged).label("unverified")).order_by(e.id)
        for row in session.execute(_where(query, kind, filters, session)).mappings().yield_per(5000):
            out = dict(row)
            out.update(entity_type=types[_value(row["entity_type"])], status=S.STATUS_WORDS[_value(row["status"])],
                       coord_system="WGS-84", unverified="是" if row["unverified"] else "否")
            yield out
    elif kind.target == "registration":
        r = FeedRegistration
        query = select(*(getattr(e, c) for c in _ENTITY_COLUMNS[:8]), r.source_system,
                       r.registration_ref.label("source_ref"), r.registered_on, r.scope_text.label("business_scope"),
                       r.permit_codes).join(e, e.id == r.entity_id).order_by(r.id)
        for row in session.execute(_where(query, kind, filters, session)).mappings().yield_per(5000):
            out = dict(row)
            out.update(entity_type=types[_value(row["entity_type"])],
                       permits=";".join(str(p) for p in row["permit_codes"] or []))
            yield out
    else:
        table = Commitment if kind.target == "commitment" else EntityRecord
        keys = [f.key for f in kind.fields if f.key != "uscc"]
        query = select(e.uscc, *(getattr(table, k) for k in keys)).join(e, e.id == table.entity_id).order_by(table.id)
        if kind.target == "record":
            query = query.where(EntityRecord.kind == kind.record_kind)
        statuses = {v: w for w, v in S.COMMITMENT_STATUSES.items()}
        for row in session.execute(_where(query, kind, filters, session)).mappings().yield_per(5000):
            out = dict(row)
            out["department_id"] = dept_names.get(row["department_id"])
            if kind.target == "commitment":
                out["status"] = statuses[_value(row["status"])]
            yield out


def _value(value: object) -> object:
    return getattr(value, "value", value)


def export_file(db: Database, actor: object, kind: str, path: str | Path, filters: dict[str, str] | None = None) -> int:
    """Write ``kind`` (filtered) to ``path`` in the format its name says; returns the rows written."""
    spec = spec_of(kind)
    fmt = format_of(path)
    filters = filters or {}
    with db.uow(actor) as uow:
        uow.require(PERMISSION)
        rows = _rows(uow.session, spec, filters)
        if fmt == "json":
            count = _write_json(path, spec, rows)
        else:
            columns = [sheets.Column(f.header, _CELL.get(f.type, sheets.TEXT)) for f in spec.fields]
            table = ([r.get(f.key) for f in spec.fields] for r in rows)
            count = (sheets.write_csv(path, columns, table) if fmt == "csv"
                     else sheets.write_xlsx(path, [sheets.Sheet(spec.zh, columns, table)]))
        uow.audit("exchange.export", "export", Path(path).name,
                  after={"kind": kind, "rows": count, "filter": filters, "format": fmt})
        uow.commit()
    return count


def _write_json(path: str | Path, spec: KindSpec, rows: Iterator[dict]) -> int:
    count = 0
    with sheets.atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        fh.write("[")
        for r in rows:
            record = {f.header: _json_value(r.get(f.key)) for f in spec.fields if r.get(f.key) not in (None, "")}
            fh.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            count += 1
        fh.write("\n]\n")
    return count


def _json_value(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else getattr(value, "value", value)
