"""Registration files (XLSX, CSV in UTF-8 or GB18030, JSON), read through the exchange's reader
(:mod:`core.exchange.readers`) with the registration columns below (Chinese headers, English
names accepted as well)."""
from __future__ import annotations

from pathlib import Path

from core.errors import ConfigError, ValidationError

from .registrations import FeedOutcome, take_registrations

HEADERS = {
    "来源编号": "registration_id", "登记编号": "registration_id",
    "统一社会信用代码": "uscc", "名称": "name", "主体类型": "entity_type", "镇街": "town", "村社": "village",
    "行业代码": "industry_code", "住所": "address", "法定代表人": "legal_rep",
    "成立日期": "registered_on", "登记日期": "registered_on",
    "经营范围": "business_scope", "许可事项": "permits", "许可事项编码": "permits",
}
"""Column header -> record key (:func:`core.feeds.registrations.parse_registration`)."""
KEYS = frozenset(HEADERS.values())


def read_registrations(path: str | Path) -> list[dict]:
    """The registrations of ``path`` as dicts of record keys; ValidationError when the file is unreadable
    or lacks the id column."""
    from core.exchange.readers import open_table

    try:
        table = open_table(path)
    except ConfigError as error:
        raise ValidationError(error.message, where=error.where or str(path), code="feeds.unreadable") from None
    keys = [HEADERS.get(h, h if h in KEYS else None) for h in table.header]
    if "registration_id" not in keys:
        raise ValidationError("缺少“来源编号”列（登记的编号） (no 来源编号 column: the registration's own id)",
                              where=str(path), code="feeds.no_id_column")
    records = []
    for _, cells in table.rows:
        record: dict = {}
        for key, cell in zip(keys, cells):
            if key is not None and cell not in (None, "") and key not in record:
                record[key] = cell.strip() if isinstance(cell, str) else cell
        records.append(record)
    return records


def take_registration_file(db, actor: str, path: str | Path, *, system: str) -> FeedOutcome:
    """Take every registration of ``path`` from ``system``: all or nothing, audited, idempotent."""
    return take_registrations(db, actor, read_registrations(path), system=system, where=str(path))
