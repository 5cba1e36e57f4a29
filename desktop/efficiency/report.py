"""The efficiency report of a period: rankings by department, town and person (XLSX or PDF).

Runs in a worker thread: the numbers come from the assessed clocks already loaded.
"""
from __future__ import annotations

import html
from pathlib import Path

from core.deadlines import Kind, by_group, rank_rows
from core.services import efficiency as service
from desktop.pdf import write_pdf

SHEETS = {"department": ("按部门", "By department"), "town": ("按镇街", "By town"), "person": ("按人员", "By person")}
PDF_PEOPLE = 50  # the PDF lists the people most in need of attention; the workbook lists everyone


def report_sheets(data: service.Efficiency, kind: int | None, period, lang: str):
    zh = lang.startswith("zh")
    headers = service.REPORT_HEADERS["zh" if zh else "en"]
    kinds = None if kind is None else [Kind(kind)]
    out = []
    for group, (name_zh, name_en) in SHEETS.items():
        ranked = rank_rows(by_group(data.items, data.assessment, group, period, kinds=kinds), "on_time_rate")
        out.append((name_zh if zh else name_en, headers, service.report_rows(ranked, data.names, lang)))
    return out


def write_report(path: Path, data: service.Efficiency, title: str, kind: int | None, period, lang: str,
                 font_family: str) -> Path:
    sheets = report_sheets(data, kind, period, lang)
    if path.suffix.lower() == ".pdf":
        body = f"<h2 align='center'>{html.escape(title)}</h2>"
        for name, headers, rows in sheets:
            if rows and name in (SHEETS["person"][0], SHEETS["person"][1]):
                rows = sorted(rows, key=lambda r: (-r[9], -r[8]))[:PDF_PEOPLE]
            head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
            cells = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
            body += (f"<h3>{html.escape(name)}</h3><table width='100%' border='1' cellspacing='0' cellpadding='3' "
                     f"style='border-collapse: collapse'><tr>{head}</tr>{cells}</table>")
        return write_pdf(body, path, title=title, font_family=font_family, landscape=True)
    return service.write_report_xlsx(path, title, sheets)
