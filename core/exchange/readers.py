"""Reading exchange files row by row: XLSX (streamed), CSV (UTF-8 with or without BOM, or
GB18030) and JSON, each as a header and an iterator of (row number, cells).

Row numbers are what a person sees: a spreadsheet's line (the header is line 1), a JSON
array's position (the first object is 1).
"""
from __future__ import annotations

import codecs
import csv
import json
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from core.errors import ConfigError
from core.sheets import is_formula_like

FORMATS = ("xlsx", "csv", "json")
_PROBE = 1 << 20


@dataclass
class Table:
    """An opened file: its format, encoding (CSV), header and the rows still to read."""

    path: Path
    format: str
    header: list[str]
    rows: Iterator[tuple[int, list[object]]]
    encoding: str | None = None
    done: Callable[[], float] = lambda: 0.0  # the fraction of the file read so far


def format_of(path: str | Path) -> str:
    """``xlsx``, ``csv`` or ``json`` from the file name; ConfigError otherwise."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise ConfigError(f"不支持的文件类型 (unsupported file type) {suffix or '(none)'!r}: "
                      f"use .xlsx, .csv or .json", where=str(path))


def csv_encoding(path: str | Path) -> str:
    """BOM -> ``utf-8-sig``; else ``utf-8`` when the whole file decodes as UTF-8; else ``gb18030``."""
    with open(path, "rb") as fh:
        head = fh.read(3)
        if head == codecs.BOM_UTF8:
            return "utf-8-sig"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(_PROBE):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8"


def open_table(path: str | Path) -> Table:
    """Open ``path`` for reading; ConfigError (naming the file) when it cannot be read."""
    path = Path(path)
    fmt = format_of(path)
    if not path.is_file():
        raise ConfigError("文件不存在 (file not found)", where=str(path))
    try:
        if fmt == "csv":
            return _csv(path)
        if fmt == "xlsx":
            return _xlsx(path)
        return _json(path)
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise ConfigError(f"无法读取文件 (cannot read the file): {exc}", where=str(path)) from None


def _csv(path: Path) -> Table:
    encoding = csv_encoding(path)
    size = max(path.stat().st_size, 1)
    raw = open(path, "rb")
    fh = io.TextIOWrapper(raw, encoding=encoding, newline="")
    reader = csv.reader(fh)
    header = next(reader, None)
    if header is None:
        fh.close()
        raise ConfigError("文件为空 (the file is empty)", where=str(path))

    def rows() -> Iterator[tuple[int, list[object]]]:
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    yield reader.line_num, ([_unguard(c) for c in row] if "'" in "".join(row) else row)
        finally:
            fh.close()

    return Table(path, "csv", [h.strip() for h in header], rows(), encoding,
                 lambda: 1.0 if raw.closed else min(raw.tell() / size, 1.0))


def _unguard(cell: str) -> str:
    """A cell our CSV writer guarded against formulas ('=..., '-...) as it was written."""
    if cell[:1] == "'" and is_formula_like(cell[1:]):
        return cell[1:]
    return cell


def _xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    it = sheet.iter_rows(values_only=True)
    header = next(it, None)
    if header is None:
        book.close()
        raise ConfigError("文件为空 (the file is empty)", where=str(path))

    total = max((sheet.max_row or 2) - 1, 1)
    at = [0]

    def rows() -> Iterator[tuple[int, list[object]]]:
        try:
            for number, row in enumerate(it, start=2):
                at[0] = number
                if any(v is not None and str(v).strip() for v in row):
                    yield number, list(row)
        finally:
            book.close()

    return Table(path, "xlsx", ["" if h is None else str(h).strip() for h in header], rows(),
                 done=lambda: min(max(at[0] - 1, 0) / total, 1.0))


def _json(path: Path) -> Table:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"不是有效的 JSON (not valid JSON): {exc.msg} (line {exc.lineno})", where=str(path)) from None
    if isinstance(data, dict):
        data = data.get("records")
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ConfigError("须为对象数组，或含 \"records\" 数组的对象 (must be an array of objects, "
                          "or an object with a \"records\" array)", where=str(path))
    header: list[str] = []
    for record in data:
        header.extend(k for k in record if k not in header)

    at = [0]

    def rows() -> Iterator[tuple[int, list[object]]]:
        for number, record in enumerate(data, start=1):
            at[0] = number
            yield number, [record.get(h) for h in header]

    return Table(path, "json", [h.strip() for h in header], rows(), done=lambda: at[0] / max(len(data), 1))
