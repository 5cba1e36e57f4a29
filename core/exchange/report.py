"""The error report: every problem of an import as one row of a spreadsheet, in Chinese and English."""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from core import sheets

from .spec import KINDS
from .validate import Problem

COLUMNS = (sheets.Column("文件 File"), sheets.Column("行 Row", sheets.NUMBER), sheets.Column("列"),
           sheets.Column("Column"), sheets.Column("值 Value", sheets.CODE), sheets.Column("原因"),
           sheets.Column("Reason"))
_SPLIT = re.compile(r"^(.*?)\s*\((.*)\)(.*)$", re.S)
_ENGLISH = {f.header: f.english for spec in KINDS.values() for f in spec.fields}


def split_reason(reason: str) -> tuple[str, str]:
    """"中文 (English): detail" as ("中文: detail", "English: detail")."""
    match = _SPLIT.match(reason)
    if not match:
        return reason, reason
    zh, en, rest = match.groups()
    return zh + rest, en + rest


def write_report(path: str | Path, problems: Sequence[Problem]) -> int:
    """Write ``problems`` to ``path`` (.xlsx or .csv); returns the number of rows."""
    rows = []
    for p in problems:
        zh, en = split_reason(p.reason)
        rows.append((p.file, p.row, p.column, _ENGLISH.get(p.column, p.column), p.value, zh, en))
    if str(path).lower().endswith(".csv"):
        return sheets.write_csv(path, COLUMNS, rows)
    return sheets.write_xlsx(path, [sheets.Sheet("导入问题 Problems", COLUMNS, rows)])
