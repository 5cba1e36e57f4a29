"""Exports people can open: entity result sets as CSV (UTF-8 with BOM, for Excel) or XLSX.

Each code (credit code, industry, town, village) has its own column, kept as text, with
the name a person reads in the next column, in the user's language. Written through
:mod:`core.sheets`: atomically, never a formula, header frozen and filtered.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from core.db.database import Database
from core.db.models import Industry, Town, Village
from core.errors import Cancelled, ValidationError
from core.rights import require_risk
from core.sheets import CODE, DATE, NUMBER, TEXT, Column, Sheet, write_csv, write_xlsx
from core.vocabulary import ENTITY_TYPE_NAMES, RISK_NAMES, STATUS_NAMES, name_of

from .search import EntityFilter, EntityRow, EntitySearch

XLSX_MAX_ROWS = 1_048_575  # one header row below Excel's sheet limit
# (key, Chinese header, English header, kind); keys name an EntityRow field or a looked-up name.
COLUMNS = (
    ("uscc", "统一社会信用代码", "USCC", CODE), ("name", "名称", "Name", TEXT),
    ("entity_type_name", "主体类型", "Entity type", TEXT),
    ("industry_code", "行业代码", "Industry code", CODE), ("industry_name", "行业", "Industry", TEXT),
    ("legal_rep", "法定代表人/经营者", "Legal representative", TEXT),
    ("address", "住所/经营场所", "Address", TEXT),
    ("town_code", "镇街代码", "Town code", CODE), ("town_name", "镇街", "Town", TEXT),
    ("village_code", "村社代码", "Village code", CODE), ("village_name", "村社", "Village / community", TEXT),
    ("status_name", "登记状态", "Status", TEXT),
    ("risk_class", "风险分类", "Risk class", CODE), ("risk_name", "风险等级", "Risk level", TEXT),
    ("registered_on", "成立日期", "Registered on", DATE),
    ("lat", "纬度(WGS-84)", "Latitude (WGS-84)", NUMBER), ("lng", "经度(WGS-84)", "Longitude (WGS-84)", NUMBER),
)
RISK_KEYS = ("risk_class", "risk_name")


@dataclass(frozen=True)
class Names:
    """Names of the reference codes an entity row carries, in one language."""

    lang: str
    industries: dict[str, str]
    towns: dict[str, str]
    villages: dict[str, str]

    def value(self, row: EntityRow, key: str) -> object:
        if key == "entity_type_name":
            return name_of(ENTITY_TYPE_NAMES, row.entity_type, self.lang)
        if key == "status_name":
            return name_of(STATUS_NAMES, row.status, self.lang)
        if key == "risk_name":
            return name_of(RISK_NAMES, row.risk_class, self.lang)
        if key == "industry_name":
            return self.industries.get(row.industry_code, "")
        if key == "town_name":
            return self.towns.get(row.town_code, "")
        if key == "village_name":
            return self.villages.get(row.village_code, "")
        return getattr(row, key)


def load_names(db: Database, lang: str) -> Names:
    """Industry, town and village names in ``lang`` (villages have Chinese names only)."""
    zh = lang.startswith("zh")
    with db.sessions() as s:
        industries = {c: (z if zh else e) or z for c, z, e in s.execute(
            select(Industry.code, Industry.name_zh, Industry.name_en))}
        towns = {c: (z if zh else e) or z for c, z, e in s.execute(select(Town.code, Town.name_zh, Town.name_en))}
        villages = dict(s.execute(select(Village.code, Village.name_zh)).tuples().all())
    return Names(lang, industries, towns, villages)


def entity_columns(lang: str, include_risk: bool) -> list[tuple[str, Column]]:
    """(key, column) pairs of an entity export in ``lang``; no risk unless ``include_risk``."""
    zh = lang.startswith("zh")
    return [(key, Column(h_zh if zh else h_en, kind)) for key, h_zh, h_en, kind in COLUMNS
            if include_risk or key not in RISK_KEYS]


def export_entities(search: EntitySearch, f: EntityFilter, path: Path, *, lang: str = "zh_CN",
                    sort: str = "id", descending: bool = False, include_risk: bool = True,
                    progress: Callable[[float, str], None] = lambda p, m: None,
                    is_cancelled: Callable[[], bool] = lambda: False, actor: str | None = None) -> int:
    """Write every entity matching ``f`` to ``path`` (.csv or .xlsx); returns the row count.

    With ``actor`` the export is audited (who, which file, how many rows, with risk or not).

    ``include_risk=False`` leaves out the credit-risk class, which is internal supervision
    data that users outside the center must not receive: for an ``actor`` (or a search whose
    viewer) may not see it (core.rights ``risk.read``), asking for the column, filtering or
    sorting by it is refused before anything is read.
    """
    viewer = actor if actor is not None else search.viewer
    if viewer is not None and (include_risk or f.risk_classes or sort == "risk_class"):
        with search.db.sessions() as s:
            require_risk(s, viewer)
    path = Path(path)
    fmt = path.suffix.lower()
    if fmt not in (".csv", ".xlsx"):
        raise ValidationError(f"cannot export to {fmt or 'a file without extension'}; use .csv or .xlsx", where=str(path))
    total = search.count(f)
    if fmt == ".xlsx" and total > XLSX_MAX_ROWS:
        raise ValidationError(f"{total:,} rows do not fit one Excel sheet (max {XLSX_MAX_ROWS:,}); export as CSV",
                              where=str(path))
    pairs = entity_columns(lang, include_risk)
    names = load_names(search.db, lang)
    written = 0

    def rows() -> Iterator[list]:
        nonlocal written
        for batch in search.batches(f, sort=sort, descending=descending):
            if is_cancelled():
                raise Cancelled("export cancelled; no file was written")
            for r in batch:
                yield [names.value(r, key) for key, _ in pairs]
            written += len(batch)
            progress(written / max(total, 1), f"{written:,}/{total:,}")

    columns = [c for _, c in pairs]
    if fmt == ".csv":
        count = write_csv(path, columns, rows())
    else:
        count = write_xlsx(path, [Sheet("市场主体" if lang.startswith("zh") else "Entities", columns, rows())])
    if actor:
        from .audit_events import record_export
        record_export(search.db, actor, "entities", path, count, include_risk=include_risk)
    return count
