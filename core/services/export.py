"""Exports people can open: entity result sets as CSV (UTF-8 with BOM, for Excel) or XLSX.

Written to a temporary file beside the target and moved into place when complete, so a
cancelled or failed export never leaves a half-written file under the chosen name.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Callable
from pathlib import Path

from core.errors import Cancelled, ValidationError

from .search import EntityFilter, EntityRow, EntitySearch

XLSX_MAX_ROWS = 1_048_575  # one header row below Excel's sheet limit
COLUMNS = (
    ("uscc", "统一社会信用代码", "USCC"), ("name", "名称", "Name"), ("entity_type", "类型", "Type"),
    ("industry_code", "行业代码", "Industry"), ("legal_rep", "法定代表人/经营者", "Legal representative"),
    ("address", "住所/经营场所", "Address"), ("town_code", "镇街代码", "Town code"),
    ("village_code", "村社代码", "Village code"), ("status", "状态", "Status"),
    ("risk_class", "风险分类", "Risk class"), ("registered_on", "成立日期", "Registered on"),
    ("lat", "纬度(WGS-84)", "Latitude (WGS-84)"), ("lng", "经度(WGS-84)", "Longitude (WGS-84)"),
)


def _columns(include_risk: bool) -> tuple[tuple[str, str, str], ...]:
    return tuple(c for c in COLUMNS if include_risk or c[0] != "risk_class")


def export_entities(search: EntitySearch, f: EntityFilter, path: Path, *, lang: str = "zh_CN",
                    sort: str = "id", descending: bool = False, include_risk: bool = True,
                    progress: Callable[[float, str], None] = lambda p, m: None,
                    is_cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write every entity matching ``f`` to ``path`` (.csv or .xlsx); returns the row count.

    ``include_risk=False`` leaves out the credit-risk class, which is internal supervision
    data that users outside the center must not receive.
    """
    path = Path(path)
    fmt = path.suffix.lower()
    if fmt not in (".csv", ".xlsx"):
        raise ValidationError(f"cannot export to {fmt or 'a file without extension'}; use .csv or .xlsx", where=str(path))
    total = search.count(f)
    if fmt == ".xlsx" and total > XLSX_MAX_ROWS:
        raise ValidationError(f"{total:,} rows do not fit one Excel sheet (max {XLSX_MAX_ROWS:,}); export as CSV",
                              where=str(path))
    columns = _columns(include_risk)
    header = [zh if lang.startswith("zh") else en for _, zh, en in columns]

    def values(row: EntityRow) -> list:
        return [getattr(row, key) for key, _, _ in columns]

    tmp = path.with_name(f".{path.name}.part")
    written = 0
    try:
        if fmt == ".csv":
            with open(tmp, "w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(header)
                for batch in search.batches(f, sort=sort, descending=descending):
                    if is_cancelled():
                        raise Cancelled("export cancelled; no file was written")
                    writer.writerows(values(r) for r in batch)
                    written += len(batch)
                    progress(written / max(total, 1), f"{written:,}/{total:,}")
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("市场主体" if lang.startswith("zh") else "Entities")
            sheet.append(header)
            for batch in search.batches(f, sort=sort, descending=descending):
                if is_cancelled():
                    raise Cancelled("export cancelled; no file was written")
                for r in batch:
                    sheet.append(values(r))
                written += len(batch)
                progress(written / max(total, 1), f"{written:,}/{total:,}")
            book.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return written
