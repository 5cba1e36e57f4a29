"""Tables people open in a spreadsheet program: one writer for every XLSX and CSV export.

What every table gets, whoever writes it:

- the file appears only when complete (a temporary file beside it, then ``os.replace``);
- XLSX: a frozen header row, an auto filter over the table, column widths by content
  (CJK characters count double, capped), an optional title row above the table;
- codes (credit codes, division and industry codes, phone numbers, ids) stay text:
  string cells with the ``@`` format, so a spreadsheet never turns them into numbers;
- percentages are real percentages (the fraction, shown ``0.0%``), dates are dates;
- no string ever becomes a formula. In XLSX every str is an explicit string cell; in CSV
  a value starting with ``= + - @``, tab or CR is prefixed with ``'`` (OWASP "CSV
  injection"), since a CSV cell has no type to say "this is text".
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

TEXT, CODE, NUMBER, PERCENT, DATE = "text", "code", "number", "percent", "date"
KINDS = (TEXT, CODE, NUMBER, PERCENT, DATE)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_FORMAT, PERCENT_FORMAT, DATE_FORMAT = "@", "0.0%", "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 6, 60
WIDTH_SAMPLE = 1000  # rows measured for column widths (a streamed sheet fixes widths before its rows)
# XML 1.0 refuses these; imported data sometimes carries them (openpyxl would raise mid-export).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Percent(float):
    """A fraction that reads as a percentage (``str(Percent(0.923)) == '92.3%'``).

    Written to XLSX as the fraction with the ``0.0%`` format; anywhere else (CSV, PDF,
    a label) its text is the percentage.
    """

    def __str__(self) -> str:
        return f"{100 * float(self):.1f}%"

    def __repr__(self) -> str:
        return f"Percent({float(self)!r})"


@dataclass(frozen=True)
class Column:
    """A column: its header and what its values are (one of ``KINDS``).

    ``text`` and ``number`` keep each value's own type; ``code`` writes every value as
    text; ``percent`` takes fractions; ``date`` takes ``datetime.date``.
    """

    header: str
    kind: str = TEXT

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}; one of {KINDS}")


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook: name, columns (headers or :class:`Column`), rows, optional title."""

    name: str
    columns: Sequence[Column | str]
    rows: Iterable[Sequence[object]]
    title: str | None = None
    widths: dict[int, float] = field(default_factory=dict)  # column index -> width, overriding the measure


def columns_of(columns: Sequence[Column | str]) -> list[Column]:
    return [c if isinstance(c, Column) else Column(c) for c in columns]


def is_formula_like(value: str) -> bool:
    """True when a spreadsheet program would read ``value`` as a formula (or start of one)."""
    return value.startswith(FORMULA_STARTS)


def csv_safe(value: object) -> object:
    """A CSV value that cannot run as a formula: ``'`` before a risky first character."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def display_width(text: str) -> int:
    """Columns ``text`` takes in a spreadsheet: wide (CJK) characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path``, moved into place only if the block completes."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def write_csv(path: str | Path, columns: Sequence[Column | str], rows: Iterable[Sequence[object]]) -> int:
    """Write a UTF-8 (with BOM, for Excel) CSV atomically; returns the number of data rows."""
    cols = columns_of(columns)
    written = 0
    with atomic_path(path) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow([csv_safe(c.header) for c in cols])
            for row in rows:
                writer.writerow([csv_safe(_text(v)) for v in row])
                written += 1
    return written


def write_xlsx(path: str | Path, sheets: Sequence[Sheet]) -> int:
    """Write ``sheets`` to one .xlsx atomically (streamed: fine for a million rows); returns the data rows."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    written = 0
    with atomic_path(path) as tmp:
        for sheet in sheets:
            written += _write_sheet(book, sheet)
        book.save(tmp)
    return written


def _write_sheet(book, spec: Sheet) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    cols = columns_of(spec.columns)
    ws = book.create_sheet(_sheet_name(spec.name))
    rows = iter(spec.rows)
    head = list(islice(rows, WIDTH_SAMPLE))
    for i, width in enumerate(_widths(cols, head), start=1):
        ws.column_dimensions[get_column_letter(i)].width = spec.widths.get(i - 1, width)
    header_row = 1 if spec.title is None else 2
    # Freeze below the header: the title scrolls away, the header stays. (A streamed sheet
    # writes its views, widths included, with the first row: set them before it.)
    ws.freeze_panes = f"A{header_row + 1}"
    if spec.title is not None:
        title = WriteOnlyCell(ws, value=_clean(spec.title))
        title.data_type = "s"
        title.font = Font(bold=True, size=13)
        ws.append([title])
    bold = Font(bold=True)

    def header_cell(text: str):
        cell = WriteOnlyCell(ws, value=_clean(text))
        cell.data_type, cell.font = "s", bold
        return cell

    ws.append([header_cell(c.header) for c in cols])
    count = 0
    for row in _chain(head, rows):
        ws.append([_cell(ws, WriteOnlyCell, c, v) for c, v in zip(cols, row)])
        count += 1
    last = get_column_letter(max(len(cols), 1))
    ws.auto_filter.ref = f"A{header_row}:{last}{header_row + count}"
    return count


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def _sheet_name(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", name).strip("'") or "Sheet"
    return cleaned[:31]


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def _cell(ws, make, column: Column, value: object):
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == CODE or isinstance(value, str):
        cell = make(ws, value=_clean(str(value)))
        cell.data_type = "s"  # never a formula, whatever it starts with
        if kind == CODE or is_formula_like(cell.value):
            cell.number_format = TEXT_FORMAT  # stays text if someone edits the cell
        return cell
    if isinstance(value, bool):
        return make(ws, value=value)
    if kind == PERCENT or isinstance(value, Percent):
        cell = make(ws, value=float(value))
        cell.number_format = PERCENT_FORMAT
        return cell
    if isinstance(value, dt.datetime):
        cell = make(ws, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, dt.date):
        cell = make(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, (int, float)):
        return make(ws, value=value)
    return _cell(ws, make, Column(column.header, CODE if kind == CODE else TEXT), str(value))


def _widths(cols: Sequence[Column], sample: Sequence[Sequence[object]]) -> list[float]:
    widths = []
    for i, col in enumerate(cols):
        longest = display_width(col.header) + 2  # room for the filter button
        for row in sample:
            if i < len(row):
                value = row[i]
                longest = max(longest, 10 if isinstance(value, dt.date) else display_width(_text(value)))
        widths.append(float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 1))))
    return widths
