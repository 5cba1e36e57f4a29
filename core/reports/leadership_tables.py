"""The leadership report as titled tables and chart series, in Chinese or English.

One description serves both outputs: the PDF (desktop.reports.leadership_pdf) prints each
section's tables under its chart; the workbook (:func:`write_xlsx`) has one sheet per table,
named by its section, a cover sheet and a sheet of the charts' data. Every page and every
sheet says 内部资料 (internal): the report names risk classes, which are never published.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from core.deadlines import Kind, kind_name
from core.errors import ValidationError
from core.sheets import Percent, Sheet, write_xlsx as write_sheets

from .leadership import LeadershipReport

INTERNAL = ("内部资料 · 注意保密", "Internal · not for publication")
TITLE = ("领导分析报告", "Leadership analysis report")


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


def t(lang: str, zh: str, en: str) -> str:
    return zh if _zh(lang) else en


@dataclass(frozen=True)
class Chart:
    """A bar chart: one bar group per label, one bar per series."""

    title: str
    labels: list[str]
    series: list[tuple[str, list[float]]]
    percent: bool = False


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list]
    note: str = ""


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    tables: list[Table]
    chart: Chart | None = None
    lead: str = ""  # one sentence a leader reads first
    extra: list[str] = field(default_factory=list)


def _pct(value: float | None):
    return "" if value is None else Percent(value)


def _days(value: float | None):
    return "" if value is None else round(value, 1)


def title(report: LeadershipReport, lang: str) -> str:
    return f"{t(lang, *TITLE)}（{report.start:%Y-%m-%d} — {report.end:%Y-%m-%d}）" if _zh(lang) else \
        f"{TITLE[1]} ({report.start:%Y-%m-%d} to {report.end:%Y-%m-%d})"


def sections(r: LeadershipReport, lang: str) -> list[Section]:
    """The six sections of the report, in order."""
    return [_population(r, lang), _inspections(r, lang), _clues(r, lang), _timeliness(r, lang),
            _overdue(r, lang), _risks(r, lang)]


def _population(r: LeadershipReport, lang: str) -> Section:
    heads = [t(lang, "类别", "Group"), t(lang, "期初在册", "Active at start"), t(lang, "期末在册", "Active at end"),
             t(lang, "净增", "Net change"), t(lang, "新登记", "New registrations"),
             t(lang, "注销", "Deregistered"), t(lang, "吊销", "Revoked")]

    def rows(items):
        return [[x.name(lang), x.active_start, x.active_end, x.net, x.new, x.deregistered, x.revoked] for x in items]

    total = r.population_total
    note = t(lang, "主体未登记注销/吊销日期：注销、吊销按当前状态统计（期末前登记的主体）。",
             "Entities carry no date of deregistration: deregistered and revoked are counted by current status "
             "among entities registered by the period's end.")
    lead = t(lang, f"期末在册市场主体 {total.active_end:,} 户，报告期新登记 {total.new:,} 户，净增 {total.net:,} 户。",
             f"{total.active_end:,} active entities at the period's end; {total.new:,} registered in the period, "
             f"net change {total.net:+,}.")
    chart = Chart(t(lang, "新登记主体（按月）", "New registrations by month"), [m for m, _ in r.new_by_month],
                  [(t(lang, "新登记", "New"), [n for _, n in r.new_by_month])])
    return Section(1, t(lang, "市场主体总量及变化", "Entity population and its change"),
                   [Table(t(lang, "按主体类型", "By entity type"), heads, rows([*r.population_by_type, total]), note),
                    Table(t(lang, "按镇街", "By town"), heads, rows(r.population_by_town))], chart, lead)


def _inspections(r: LeadershipReport, lang: str) -> Section:
    heads = [t(lang, "领域/部门", "Field / department"), t(lang, "完成检查", "Inspections done"),
             t(lang, "发现问题户次", "Visits finding problems"), t(lang, "检查项目", "Items checked"),
             t(lang, "不合格项目", "Items failed"), t(lang, "不合格率", "Failure rate")]

    def rows(items):
        return [[x.name(lang), x.tasks, x.tasks_with_problems, x.items, x.items_failed, _pct(x.fail_rate)]
                for x in items]

    total = r.inspections_total
    matters = [[x.name(lang), x.items, x.items_failed, _pct(x.fail_rate)] for x in r.top_failed_matters]
    note = t(lang, "检查户次按牵头部门计；检查项目按事项所属部门计（联合检查各部门分别计）。",
             "Visits count for the lead department; checklist items for the department of their matter "
             "(a joint visit counts for each department).")
    lead = t(lang, f"完成检查 {total.tasks:,} 户次，发现问题 {total.tasks_with_problems:,} 户次；"
                   f"检查项目不合格率 {_pct(total.fail_rate) or '—'}。",
             f"{total.tasks:,} inspections done, {total.tasks_with_problems:,} found problems; "
             f"checklist failure rate {_pct(total.fail_rate) or '—'}.")
    chart = Chart(t(lang, "各领域检查与发现问题", "Inspections and problems by field"),
                  [x.name(lang) for x in r.inspections_by_field],
                  [(t(lang, "完成检查", "Done"), [x.tasks for x in r.inspections_by_field]),
                   (t(lang, "发现问题", "Problems"), [x.tasks_with_problems for x in r.inspections_by_field])])
    return Section(2, t(lang, "检查及结果（分领域）", "Inspections and outcomes by field"),
                   [Table(t(lang, "按领域", "By field"), heads, rows([*r.inspections_by_field, total]), note),
                    Table(t(lang, "按部门", "By department"), heads, rows(r.inspections_by_department)),
                    Table(t(lang, "不合格项目最多的检查事项", "Matters with the most failed items"),
                          [t(lang, "检查事项（部门）", "Matter (department)"), heads[3], heads[4], heads[5]], matters)],
                   chart, lead)


def _clues(r: LeadershipReport, lang: str) -> Section:
    heads = [t(lang, "来源", "Source"), t(lang, "受理", "Received"), t(lang, "办结", "Closed"),
             t(lang, "按期办结率", "Closed on time"), t(lang, "期末在办", "Open at end"),
             t(lang, "办结用时中位数（工作日）", "Median working days to close"),
             t(lang, "办结用时P90（工作日）", "P90 working days to close")]
    rows = [[x.name(lang), x.received, x.closed, _pct(x.on_time_rate), x.open_at_end, _days(x.median_days),
             _days(x.p90_days)] for x in [*r.clues_by_source, r.clues_total]]
    total = r.clues_total
    lead = t(lang, f"受理线索 {total.received:,} 条，办结 {total.closed:,} 条，办结用时中位数 "
                   f"{_days(total.median_days) if total.median_days is not None else '—'} 个工作日。",
             f"{total.received:,} clues received, {total.closed:,} closed; median "
             f"{_days(total.median_days) if total.median_days is not None else '—'} working days to close.")
    note = t(lang, "办结用时为受理日至办结日之间的工作日数（法定节假日及调休按工作日历计）。",
             "Time to close is the working days from receipt to closure (holidays and make-up days per the "
             "working-day calendar).")
    chart = Chart(t(lang, "线索受理与办结（按来源）", "Clues received and closed by source"),
                  [x.name(lang) for x in r.clues_by_source],
                  [(t(lang, "受理", "Received"), [x.received for x in r.clues_by_source]),
                   (t(lang, "办结", "Closed"), [x.closed for x in r.clues_by_source])])
    return Section(3, t(lang, "线索办理及时效", "Clues and closure times"), [Table(heads[0], heads, rows, note)],
                   chart, lead)


def _timeliness(r: LeadershipReport, lang: str) -> Section:
    heads = [t(lang, "部门", "Department"), t(lang, "到期事项", "Due in period"), t(lang, "已办", "Done"),
             t(lang, "按期", "On time"), t(lang, "逾期未办", "Overdue, open"), t(lang, "未到期", "Not yet due"),
             t(lang, "按期率", "On-time rate")]

    def rows(items):
        return [[x.name(lang), x.total, x.done, x.done_on_time, x.overdue, x.pending, _pct(x.rate)] for x in items]

    claims, ver = r.claims_total, r.verifications_total
    note_claims = t(lang, "认领及时率 = 按期认领 /（已认领 + 逾期未认领），与效能监测一致；目标100%。",
                    "Claim rate = claimed in time / (claimed + unclaimed past due), as in the efficiency monitor; "
                    "the target is 100%.")
    note_ver = t(lang, "核查按期率 = 按期完成 / 已完成，与效能监测一致。",
                 "Verification on-time rate = done on time / done, as in the efficiency monitor.")
    lead = t(lang, f"双告知认领及时率 {_pct(claims.rate) or '—'}，承诺核查按期率 {_pct(ver.rate) or '—'}。",
             f"Double-notification claims in time: {_pct(claims.rate) or '—'}; commitment verifications on time: "
             f"{_pct(ver.rate) or '—'}.")
    top = sorted(r.claims, key=lambda x: -x.total)[:12]
    chart = Chart(t(lang, "双告知认领及时率（按部门）", "Claims in time by department"), [x.name(lang) for x in top],
                  [(t(lang, "及时率", "Rate"), [x.rate or 0.0 for x in top])], percent=True)
    return Section(4, t(lang, "认领与承诺核查时效", "Claim and commitment timeliness"),
                   [Table(t(lang, "双告知认领", "Double-notification claims"), heads, rows([*r.claims, claims]),
                          note_claims),
                    Table(t(lang, "告知承诺核查", "Commitment verifications"), heads,
                          rows([*r.verifications, ver]), note_ver)], chart, lead)


def _overdue(r: LeadershipReport, lang: str) -> Section:
    heads = [t(lang, "部门", "Department"), *(kind_name(k, lang) for k in Kind), t(lang, "已逾期", "Overdue"),
             t(lang, "严重逾期", "Seriously overdue"), t(lang, "合计", "Total")]
    rows = [[x.name(lang), *x.by_kind, x.overdue, x.seriously_overdue, x.total]
            for x in [*r.overdue_by_department, r.overdue_total]]
    lead = t(lang, f"截至 {r.as_of:%Y-%m-%d}，逾期未办 {r.overdue_total.total:,} 件，其中严重逾期 "
                   f"{r.overdue_total.seriously_overdue:,} 件。",
             f"On {r.as_of:%Y-%m-%d}, {r.overdue_total.total:,} clocks are overdue, "
             f"{r.overdue_total.seriously_overdue:,} of them seriously.")
    top = list(r.overdue_by_department[:12])
    chart = Chart(t(lang, "逾期事项最多的部门", "Departments with the most overdue"), [x.name(lang) for x in top],
                  [(t(lang, "已逾期", "Overdue"), [x.overdue for x in top]),
                   (t(lang, "严重逾期", "Seriously overdue"), [x.seriously_overdue for x in top])])
    return Section(5, t(lang, "各部门逾期情况", "Overdue by department"), [Table(heads[0], heads, rows)], chart, lead)


def _risks(r: LeadershipReport, lang: str) -> Section:
    heads = [t(lang, "名称", "Name"), t(lang, "存续主体", "Active entities"), t(lang, "D类主体", "Class D"),
             t(lang, "D类占比", "Class-D share"), t(lang, "逾期事项", "Overdue clocks"),
             t(lang, "每千户逾期", "Overdue per 1,000")]

    def rows(items):
        return [[x.name(lang), x.active, x.class_d, Percent(x.d_share), x.overdue, round(x.overdue_per_1000, 2)]
                for x in items]

    worst = r.risk_towns[0] if r.risk_towns else None
    lead = t(lang, f"全市D类（高风险）主体占比 {Percent(r.city_d_share)}"
                   + (f"；占比最高的镇街为{worst.name_zh}（{Percent(worst.d_share)}）。" if worst else "。"),
             f"City-wide class-D (high risk) share {Percent(r.city_d_share)}"
             + (f"; highest in {worst.name_en} ({Percent(worst.d_share)})." if worst else "."))
    note = t(lang, f"行业仅列存续主体不少于100户者，按D类占比、每千户逾期排序；风险分类为内部信息，不得公开。",
             "Industries with at least 100 active entities, by class-D share, then overdue per 1,000; risk classes "
             "are internal and never published.")
    chart = Chart(t(lang, "各镇街D类主体占比", "Class-D share by town"), [x.name(lang) for x in r.risk_towns],
                  [(t(lang, "D类占比", "Class-D share"), [x.d_share for x in r.risk_towns])], percent=True)
    return Section(6, t(lang, "重点风险", "Top risks"),
                   [Table(t(lang, "镇街", "Towns"), heads, rows(r.risk_towns), note),
                    Table(t(lang, "行业", "Industries"), heads, rows(r.risk_industries))], chart, lead)


def cover_rows(r: LeadershipReport, lang: str) -> list[list]:
    return [[t(lang, "密级", "Classification"), t(lang, *INTERNAL)],
            [t(lang, "报告期", "Period"), f"{r.start:%Y-%m-%d} — {r.end:%Y-%m-%d}"],
            [t(lang, "时限状态截至", "Clocks assessed on"), f"{r.as_of:%Y-%m-%d}"],
            [t(lang, "生成时间", "Generated"), f"{dt.datetime.now():%Y-%m-%d %H:%M}"]]


def write_xlsx(report: LeadershipReport, path: str | Path, lang: str = "zh_CN") -> Path:
    """The report as a workbook: a cover, one sheet per table (named by section) and the charts' data."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("报告须保存为 .xlsx 或 .pdf (the report is written as .xlsx or .pdf)", where=str(path))
    mark = t(lang, *INTERNAL)
    head = title(report, lang)
    sheets = [Sheet(t(lang, "封面", "Cover"), [t(lang, "项目", "Item"), t(lang, "内容", "Value")],
                    cover_rows(report, lang), title=f"{head} — {mark}")]
    chart_rows = []
    for section in sections(report, lang):
        for k, table in enumerate(section.tables, start=1):
            name = f"{section.number}.{k} {table.title}"
            rows = table.rows + ([[table.note]] if table.note else [])
            sheets.append(Sheet(name, table.headers, rows, title=f"{section.number}. {section.title} — {mark}"))
        if section.chart is not None:
            for label_index, label in enumerate(section.chart.labels):
                for series, values in section.chart.series:
                    value = values[label_index]
                    chart_rows.append([section.chart.title, label, series,
                                       Percent(value) if section.chart.percent else value])
    sheets.append(Sheet(t(lang, "图表数据", "Chart data"),
                        [t(lang, "图表", "Chart"), t(lang, "类别", "Label"), t(lang, "系列", "Series"),
                         t(lang, "数值", "Value")], chart_rows, title=f"{head} — {mark}"))
    write_sheets(path, sheets)
    return path
