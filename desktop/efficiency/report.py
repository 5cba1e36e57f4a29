"""The efficiency report of a period: rankings by department, town and person (XLSX or PDF).

Runs in a worker thread: the numbers come from the assessed clocks already loaded. Each
ranking ranks only the units with at least ``min_clocks`` clocks; the others are listed
after them, their rank cell saying why, and the PDF says so under each heading.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from core.deadlines import Kind, by_group, rank_rows
from core.deadlines.summary import below_volume
from core.services import efficiency as service
from desktop.pdf import table_html, write_pdf

from .tables import below_label, is_below, ranking_note

SHEETS = {"department": ("按部门", "By department"), "town": ("按镇街", "By town"), "person": ("按人员", "By person")}
PDF_PEOPLE = 50  # the PDF lists the people most in need of attention; the workbook lists everyone


@dataclass(frozen=True)
class ReportSheet:
    name: str
    headers: list[str]
    rows: list[list]
    note: str          # what is ranked: "ranked: units with at least N clocks; M below that …"


def report_sheets(data: service.Efficiency, kind: int | None, period, lang: str, min_clocks: int = 0
                  ) -> list[ReportSheet]:
    zh = lang.startswith("zh")
    headers = service.REPORT_HEADERS["zh" if zh else "en"]
    kinds = None if kind is None else [Kind(kind)]
    out = []
    for group, (name_zh, name_en) in SHEETS.items():
        grouped = by_group(data.items, data.assessment, group, period, kinds=kinds)
        ranked = rank_rows(grouped, "on_time_rate", min_clocks=min_clocks)
        rows = service.report_rows(ranked, data.names, lang)
        for row, (rank, r) in zip(rows, ranked):
            if rank is None and is_below(r, min_clocks):
                row[0] = below_label(min_clocks)
        out.append(ReportSheet(name_zh if zh else name_en, headers, rows,
                               ranking_note(min_clocks, below_volume(grouped, min_clocks))))
    return out


def write_report(path: Path, data: service.Efficiency, title: str, kind: int | None, period, lang: str,
                 font_family: str, min_clocks: int = 0) -> Path:
    sheets = report_sheets(data, kind, period, lang, min_clocks)
    if path.suffix.lower() == ".pdf":
        body = f"<h2 align='center'>{html.escape(title)}</h2>"
        for sheet in sheets:
            rows, note = sheet.rows, sheet.note
            if rows and sheet.name in SHEETS["person"]:
                rows = sorted(rows, key=lambda r: (-r[9], -r[8]))[:PDF_PEOPLE]
            body += (f"<h3>{html.escape(sheet.name)}</h3><p>{html.escape(note)}</p>"
                     + table_html(sheet.headers, rows))
        return write_pdf(body, path, title=title, font_family=font_family, landscape=True)
    # The workbook has one title for every sheet: it says what is ranked; each unit below the
    # volume says so in its rank cell.
    return service.write_report_xlsx(path, f"{title} {ranking_note(min_clocks, 0)}",
                                     [(s.name, s.headers, s.rows) for s in sheets])
