"""The efficiency report of a period: rankings by department, town and person (XLSX or PDF).

Runs in a worker thread: the numbers come from the assessed clocks already loaded. Each
ranking ranks only the units with at least ``min_clocks`` clocks; the others are listed
after them, their rank cell saying why, and the PDF says so under each heading. Cases
whose decision period was extended or paused (规定 Art. 64) are listed apart, in a section
of their own, with their count.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.deadlines import Kind, ProvisionalRows, by_group, day_number, rank_rows
from core.deadlines.summary import below_volume
from core.services import efficiency as service
from desktop.pdf import table_html, write_pdf
from desktop.provisional import years_note

from .tables import below_label, is_below, ranking_note

SHEETS = {"department": ("按部门", "By department"), "town": ("按镇街", "By town"), "person": ("按人员", "By person")}
EXTENDED = ("延期案件", "Extended cases")
EXTENDED_HEADERS = {
    "zh": ["案件编号", "市场主体", "承办部门", "立案日期", "决定期限", "决定日期", "延期次数", "延期天数",
           "不计入天数", "暂停自"],
    "en": ["Case no.", "Entity", "Department", "Filed", "Decision due", "Decided", "Extensions", "Days extended",
           "Days not counted", "Paused since"],
}
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
    if kind is None or kind == Kind.CASE_DECISION:
        out.append(extended_sheet(data, period, lang))
    return out


def extended_sheet(data: service.Efficiency, period, lang: str) -> ReportSheet:
    """The cases with an extension or a pause whose decision falls due in ``period``, apart."""
    zh = lang.startswith("zh")
    lo, hi = (-(10 ** 9), 10 ** 9) if period is None else \
        (day_number(d) if hasattr(d, "year") else int(d) for d in period)
    cases = [c for c in data.extended_cases if lo <= day_number(c.decision_due) <= hi]
    rows = [[c.ref_no, c.entity_name, c.department_zh if zh or not c.department_en else c.department_en,
             c.filed_on, c.decision_due, c.decided_on or "", c.extensions, c.extended_days, c.paused_days,
             c.paused_since or ""] for c in cases]
    extended, paused = sum(1 for c in cases if c.extensions), sum(1 for c in cases if c.paused_since)
    note = (f"延期案件 {extended} 件，正在暂停计算期限 {paused} 件（市场监督管理行政处罚程序规定第六十四条）" if zh else
            f"{extended} cases extended, {paused} paused now (Rules on Administrative Penalty Procedure of Market "
            f"Regulation, Art. 64)")
    return ReportSheet(EXTENDED[0] if zh else EXTENDED[1], EXTENDED_HEADERS["zh" if zh else "en"], rows, note)


def provisional_note(data: service.Efficiency, flags: ProvisionalRows | None, kind: int | None, period,
                     lang: str) -> str:
    """How many clocks of the report rely on a provisional year, why, and which schedule file
    would make them official ("" when every figure is official)."""
    if flags is None or not flags.any():
        return ""
    chosen = flags.rows.copy()
    if kind is not None:
        chosen &= data.items.kind == int(kind)
    if period is not None:
        lo, hi = (day_number(d) for d in period)
        chosen &= (data.items.due >= lo) & (data.items.due <= hi)
    count = int(np.count_nonzero(chosen))
    note = years_note(flags.years)
    if not count or note is None:
        return ""
    head = (f"{count:,} 个期限的日期或工作日数为暂定：" if lang.startswith("zh") else
            f"{count:,} deadlines have provisional dates or working days: ")
    return head + note.text(lang)


def write_report(path: Path, data: service.Efficiency, title: str, kind: int | None, period, lang: str,
                 font_family: str, min_clocks: int = 0, provisional: ProvisionalRows | None = None, *,
                 db=None, actor: str | None = None) -> Path:
    """The report as XLSX or PDF (by suffix); clocks relying on a provisional year of the
    calendar are counted and explained under the title. With ``db`` and ``actor`` the export
    is audited: who, which file, how many rows (every sheet's)."""
    written = _write(path, data, title, kind, period, lang, font_family, min_clocks, provisional)
    if db is not None and actor:
        from core.services.audit_events import record_export

        rows = sum(len(s.rows) for s in report_sheets(data, kind, period, lang, min_clocks))
        record_export(db, actor, "efficiency_report", written, rows, title=title)
    return written


def _write(path: Path, data: service.Efficiency, title: str, kind: int | None, period, lang: str,
           font_family: str, min_clocks: int, provisional: ProvisionalRows | None) -> Path:
    sheets = report_sheets(data, kind, period, lang, min_clocks)
    caveat = provisional_note(data, provisional, kind, period, lang)
    if path.suffix.lower() == ".pdf":
        body = f"<h2 align='center'>{html.escape(title)}</h2>"
        if caveat:
            body += f"<p style='color:#9a6700'>{html.escape(caveat)}</p>"
        for sheet in sheets:
            rows, note = sheet.rows, sheet.note
            if rows and sheet.name in SHEETS["person"]:
                rows = sorted(rows, key=lambda r: (-r[9], -r[8]))[:PDF_PEOPLE]
            body += (f"<h3>{html.escape(sheet.name)}</h3><p>{html.escape(note)}</p>"
                     + table_html(sheet.headers, rows))
        return write_pdf(body, path, title=title, font_family=font_family, landscape=True)
    # The workbook has one title for every sheet: it says what is ranked; each unit below the
    # volume says so in its rank cell.
    return service.write_report_xlsx(path, " ".join(t for t in (title, caveat, ranking_note(min_clocks, 0)) if t),
                                     [(s.name, s.headers, s.rows) for s in sheets])
