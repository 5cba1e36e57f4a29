"""The leadership analysis as a PDF (charts above their tables) or an XLSX workbook.

The figures come from :func:`core.reports.leadership.build_report` and read as the tables of
:mod:`core.reports.leadership_tables`; this module paints the charts and lays the pages out
through :func:`desktop.pdf.write_pdf`, whose text layer keeps the Chinese searchable. Every
page carries the internal mark (内部资料): the report names risk classes. Safe in a worker thread.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from core.errors import ValidationError
from core.reports.leadership import LeadershipReport
from core.reports.leadership_tables import INTERNAL, Section, cover_rows, sections, t, title, write_xlsx
from desktop.pdf import table_html, write_pdf

from .charts import render_chart

SUFFIXES = (".pdf", ".xlsx")
CHART_WIDTH = 620  # CSS pixels across the text width of an A4 page
WIDE_TABLE_PT = 7


def _numeric(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cell(value: object) -> object:
    """A whole number with thousands separators (the workbook keeps the number itself)."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value


def section_html(section: Section, chart_url: str | None) -> str:
    parts = [f"<h2 style='page-break-before: always'>{section.number}. {html.escape(section.title)}</h2>"]
    if section.lead:
        parts.append(f"<p><b>{html.escape(section.lead)}</b></p>")
    if chart_url:
        parts.append(f"<p align='center'><img src='{chart_url}' width='{CHART_WIDTH}'></p>")
    for table in section.tables:
        right = {k for k in range(1, len(table.headers)) if any(_numeric(r[k]) or hasattr(r[k], "real")
                                                                 for r in table.rows if k < len(r))}
        parts.append(f"<h3>{html.escape(table.title)}</h3>")
        grid = table_html(table.headers, [[_cell(v) for v in row] for row in table.rows], right=right)
        if len(table.headers) > 7:  # many columns: a smaller type, or the last ones fall off the page
            grid = f"<div style='font-size:{WIDE_TABLE_PT}pt'>{grid}</div>"
        parts.append(grid)
        if table.note:
            parts.append(f"<p style='color:#555'>{html.escape(table.note)}</p>")
    return "".join(parts)


def report_html(report: LeadershipReport, lang: str, chart_urls: dict[int, str]) -> str:
    head = (f"<h1 align='center'>{html.escape(title(report, lang))}</h1>"
            + table_html([t(lang, "项目", "Item"), t(lang, "内容", "Value")], cover_rows(report, lang)))
    leads = "".join(f"<li>{html.escape(s.title)}：{html.escape(s.lead)}</li>" if lang.startswith("zh") else
                    f"<li>{html.escape(s.title)}: {html.escape(s.lead)}</li>" for s in sections(report, lang))
    summary = f"<h2>{html.escape(t(lang, '摘要', 'Summary'))}</h2><ul>{leads}</ul>"
    body = "".join(section_html(s, chart_urls.get(s.number)) for s in sections(report, lang))
    return head + summary + body


def write_pdf_report(report: LeadershipReport, path: Path, lang: str, font_family: str) -> Path:
    images: dict[QUrl, QImage] = {}
    urls: dict[int, str] = {}
    for section in sections(report, lang):
        if section.chart is not None and section.chart.labels:
            url = f"chart{section.number}"
            images[QUrl(url)] = render_chart(section.chart, font_family)
            urls[section.number] = url
    return write_pdf(report_html(report, lang, urls), path, title=title(report, lang), font_family=font_family,
                     images=images, page_mark=t(lang, *INTERNAL))


def write_report(report: LeadershipReport, path: Path, lang: str, font_family: str | None, *, db=None,
                 actor: str | None = None) -> Path:
    """The report as PDF or XLSX (by suffix); with ``db`` and ``actor`` the export is audited."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError("报告须保存为 .pdf 或 .xlsx (the report is written as .pdf or .xlsx)", where=str(path))
    if suffix == ".pdf":
        written = write_pdf_report(report, path, lang, font_family or "Noto Sans CJK SC")
    else:
        written = write_xlsx(report, path, lang)
    if db is not None and actor:
        from core.services.audit_events import record_export

        rows = sum(len(tb.rows) for s in sections(report, lang) for tb in s.tables)
        record_export(db, actor, "leadership_report", written, rows, period=f"{report.start}..{report.end}")
    return written
