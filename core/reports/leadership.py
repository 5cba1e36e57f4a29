"""The leadership analysis of a period (领导分析报告): six sections of figures, for leaders only.

1. the entity population and its change, by type and by town;
2. inspections done and what they found, by field (the "5+1+X" groups), department and matter;
3. clues received and closed, by source, with the working days to close (median, p90);
4. double-notification claims and commitment verifications in time (the efficiency monitor's
   definitions: :func:`core.deadlines.claim_rate_in_time` and the on-time rate of
   :func:`core.deadlines.by_group`);
5. overdue clocks by department and kind;
6. the top risks: towns and industries by class-D share and overdue clocks.

Risk classes are never published: the report is internal (``report.leadership``: the
leader, the monitor and the administrator). Clocks are assessed as of the period's last day,
or today when the period runs on. Entities carry no date of deregistration: deregistered
and revoked entities are counted by their current status among those registered by the
period's end (the report says so).
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.db.database import Database
from core.deadlines import Kind, WorkdayIndex, assess, by_group, claim_rate_in_time, day_number
from core.deadlines.summary import ClaimRow
from core.errors import Cancelled, ValidationError
from core.services.clues.common import SOURCE_NAMES
from core.vocabulary import ENTITY_TYPE_NAMES

from . import leadership_queries as q

PERMISSION = "report.leadership"
FIELD_NAMES = {
    "market": ("市场监管", "Market regulation"), "ecology": ("生态环境", "Ecology and environment"),
    "culture": ("文化市场", "Culture market"), "transport": ("交通运输", "Transport"),
    "agriculture": ("农业农村", "Agriculture"), "comprehensive": ("综合行政执法", "Comprehensive enforcement"),
    None: ("其他部门", "Other departments"),
}
MIN_INDUSTRY_ACTIVE = 100  # an industry with fewer active entities is too small to rank by share
TOP_INDUSTRIES = 10
TOP_MATTERS = 10

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Named:
    """A row's key and its names; ``name(lang)`` reads the one to show."""

    key: object
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class PopulationRow(Named):
    active_start: int   # active now, registered before the period
    active_end: int     # active now, registered by the period's end
    new: int            # registered in the period (whatever their status now)
    deregistered: int   # status 注销 now, registered by the period's end
    revoked: int        # status 吊销 now, registered by the period's end

    @property
    def net(self) -> int:
        return self.active_end - self.active_start


@dataclass(frozen=True)
class InspectionRow(Named):
    tasks: int                # inspection visits done in the period
    tasks_with_problems: int  # ... with at least one failed checklist item
    items: int                # checklist items checked (passed or failed; n/a left out)
    items_failed: int

    @property
    def fail_rate(self) -> float | None:
        return self.items_failed / self.items if self.items else None


@dataclass(frozen=True)
class ClueRow(Named):
    received: int
    closed: int               # closed in the period (whenever received)
    closed_on_time: int
    open_at_end: int          # received by the as-of day and not closed then
    median_days: float | None  # working days from receipt to closure, of the clues closed in the period
    p90_days: float | None

    @property
    def on_time_rate(self) -> float | None:
        return self.closed_on_time / self.closed if self.closed else None


@dataclass(frozen=True)
class TimelinessRow(Named):
    total: int      # clocks due in the period
    done: int
    done_on_time: int
    overdue: int    # still open and past due on the as-of day
    pending: int    # still open, not yet due
    rate: float | None  # the efficiency monitor's rate (see the module doc)


@dataclass(frozen=True)
class OverdueRow(Named):
    by_kind: tuple[int, ...]  # overdue (incl. seriously) per Kind, in Kind order
    overdue: int
    seriously_overdue: int

    @property
    def total(self) -> int:
        return self.overdue + self.seriously_overdue


@dataclass(frozen=True)
class RiskRow(Named):
    active: int
    class_d: int
    overdue: int  # open clocks past due on the as-of day, of entities of this town or industry

    @property
    def d_share(self) -> float:
        return self.class_d / self.active if self.active else 0.0

    @property
    def overdue_per_1000(self) -> float:
        return 1000 * self.overdue / self.active if self.active else 0.0


@dataclass(frozen=True)
class LeadershipReport:
    """Every figure of the report; rows of each table, best-known order first."""

    start: dt.date
    end: dt.date
    as_of: dt.date
    population_by_type: tuple[PopulationRow, ...]
    population_by_town: tuple[PopulationRow, ...]
    population_total: PopulationRow
    new_by_month: tuple[tuple[str, int], ...]
    inspections_by_field: tuple[InspectionRow, ...]
    inspections_by_department: tuple[InspectionRow, ...]
    inspections_total: InspectionRow
    top_failed_matters: tuple[InspectionRow, ...]
    clues_by_source: tuple[ClueRow, ...]
    clues_total: ClueRow
    claims: tuple[TimelinessRow, ...]
    claims_total: TimelinessRow
    verifications: tuple[TimelinessRow, ...]
    verifications_total: TimelinessRow
    overdue_by_department: tuple[OverdueRow, ...]
    overdue_total: OverdueRow
    risk_towns: tuple[RiskRow, ...]
    risk_industries: tuple[RiskRow, ...]
    city_d_share: float
    elapsed_s: float = 0.0


def _step(progress: Progress | None, is_cancelled: Callable[[], bool] | None, fraction: float, message: str):
    if is_cancelled is not None and is_cancelled():
        raise Cancelled("已取消 (cancelled)")
    if progress is not None:
        progress(fraction, message)


def build_report(db: Database, start: dt.date, end: dt.date, *, viewer: object | None = None,
                 today: dt.date | None = None, calendar=None, policy=None, snapshot_dir=None,
                 progress: Progress | None = None, is_cancelled: Callable[[], bool] | None = None
                 ) -> LeadershipReport:
    """The figures of ``start``..``end`` (inclusive), for ``viewer`` (refused without ``report.leadership``)."""
    from core.services.efficiency import load_clocks
    from core.services.read_scope import read_scope
    from core.workdays import default_calendar

    if end < start:
        raise ValidationError("报告期结束日早于开始日 (the period ends before it starts)", where=f"{start}..{end}")
    began = time.perf_counter()
    with db.sessions() as s:
        read_scope(s, viewer, PERMISSION)
    calendar = calendar or default_calendar()
    as_of = min(end, today or dt.date.today())
    _step(progress, is_cancelled, 0.02, "读取主体 (entities)")
    with db.engine.connect() as conn:
        groups = q.population_groups(conn, end, start)
        days = q.registrations_by_day(conn, start, end)
        _step(progress, is_cancelled, 0.3, "读取检查 (inspections)")
        tasks, items_rows = q.inspection_tasks(conn, start, end), q.inspection_items(conn, start, end)
        sources, names = q.clue_sources(conn), q.names(conn)
    _step(progress, is_cancelled, 0.45, "读取时限 (clocks)")
    clocks, _, _ = load_clocks(db, as_of, calendar=calendar, policy=policy, snapshot_dir=snapshot_dir)
    from core.deadlines import load_policy

    assessment = assess(clocks, as_of, calendar, policy or load_policy())
    _step(progress, is_cancelled, 0.85, "汇总 (summing up)")
    with db.engine.connect() as conn:
        overdue_entities = clocks.entity[_overdue_mask(assessment)]
        industry_of = q.industries_of(conn, overdue_entities)
    pop_type, pop_town, pop_total = _population(groups, names)
    by_field, by_dept, insp_total, matters = _inspections(tasks, items_rows, names)
    clue_rows, clue_total = _clues(clocks, sources, start, end, as_of, calendar)
    claims, claims_total = _claims(claim_rate_in_time(clocks, assessment, (start, end)), names)
    verifications, ver_total = _verifications(clocks, assessment, start, end, names)
    overdue, overdue_total = _overdue(clocks, assessment, names)
    towns, industries, d_share = _risks(groups, clocks, assessment, overdue_entities, industry_of, names)
    _step(progress, is_cancelled, 1.0, "完成 (done)")
    return LeadershipReport(start, end, as_of, pop_type, pop_town, pop_total, _months(days), by_field, by_dept,
                            insp_total, matters, clue_rows, clue_total, claims, claims_total, verifications,
                            ver_total, overdue, overdue_total, towns, industries, d_share,
                            time.perf_counter() - began)


# ---- sections ------------------------------------------------------------------------

def _population(groups: list[tuple], names: dict) -> tuple[tuple, tuple, PopulationRow]:
    def tally(key_of) -> dict:
        out: dict = {}
        for town, _industry, etype, status, new, _d, n in groups:
            c = out.setdefault(key_of(town, str(etype)), [0, 0, 0, 0, 0])
            status = str(status)
            if status == "active":
                c[1] += n
                c[0] += 0 if new else n
            c[2] += n if new else 0
            c[3] += n if status == "deregistered" else 0
            c[4] += n if status == "revoked" else 0
        return out

    by_type = tally(lambda town, etype: etype)
    by_town = tally(lambda town, etype: town)
    type_rows = tuple(PopulationRow(k, *ENTITY_TYPE_NAMES.get(k, (k, k)), *by_type.get(k, [0] * 5))
                      for k in ENTITY_TYPE_NAMES if k in by_type)
    town_rows = tuple(PopulationRow(k, *names["towns"].get(k, (k, k)), *v) for k, v in sorted(by_town.items()))
    total = PopulationRow(None, "合计", "Total", *(sum(getattr(r, f) for r in type_rows) for f in
                                                  ("active_start", "active_end", "new", "deregistered", "revoked")))
    return type_rows, town_rows, total


def _months(days: list[tuple[dt.date, int]]) -> tuple[tuple[str, int], ...]:
    months: dict[str, int] = {}
    for day, n in days:
        months[f"{day:%Y-%m}"] = months.get(f"{day:%Y-%m}", 0) + n
    return tuple(sorted(months.items()))


def _inspections(tasks, items_rows, names) -> tuple[tuple, tuple, InspectionRow, tuple]:
    depts = names["departments"]
    per_dept: dict[int, list[int]] = {}
    per_matter: dict[int, list[int]] = {}
    for dep, n, failed in tasks:
        c = per_dept.setdefault(dep, [0, 0, 0, 0])
        c[0] += n
        c[1] += failed
    for matter, dep, outcome, n in items_rows:
        if outcome == "na":
            continue
        for c in (per_dept.setdefault(dep, [0, 0, 0, 0]), per_matter.setdefault(matter, [dep, 0, 0])):
            c[-2] += n
            c[-1] += n if outcome == "fail" else 0
    dept_rows = tuple(InspectionRow(d, depts.get(d, (str(d), str(d)))[0], depts.get(d, (str(d), str(d)))[1], *c)
                      for d, c in sorted(per_dept.items()))
    per_field: dict = {}
    for r in dept_rows:
        field = depts.get(r.key, (None, None, None))[2]
        c = per_field.setdefault(field, [0, 0, 0, 0])
        for i, f in enumerate(("tasks", "tasks_with_problems", "items", "items_failed")):
            c[i] += getattr(r, f)
    field_rows = tuple(InspectionRow(f, *FIELD_NAMES.get(f, (str(f), str(f))), *per_field[f])
                       for f in FIELD_NAMES if f in per_field)
    total = InspectionRow(None, "合计", "Total", *(sum(getattr(r, f) for r in dept_rows) for f in
                                                  ("tasks", "tasks_with_problems", "items", "items_failed")))
    worst = sorted(((m, c) for m, c in per_matter.items() if c[2]), key=lambda mc: (-mc[1][2], mc[0]))
    matter_rows = tuple(
        InspectionRow(m, f"{names['matters'].get(m, (str(m),))[0]}（{depts.get(c[0], ('',))[0]}）",
                      f"{names['matters'].get(m, ('', str(m)))[1]} ({depts.get(c[0], ('', ''))[1]})",
                      0, 0, c[1], c[2]) for m, c in worst[:TOP_MATTERS])
    return field_rows, dept_rows, total, matter_rows


def _clues(clocks, sources: dict[int, str], start, end, as_of, calendar) -> tuple[tuple, ClueRow]:
    rows = np.flatnonzero(clocks.kind == Kind.CLUE_HANDLING)
    ids, begin, due, done = clocks.item_id[rows], clocks.start[rows], clocks.due[rows], clocks.done[rows]
    order = list(SOURCE_NAMES)
    code_of = {key: i for i, key in enumerate(order)}
    source = np.fromiter((code_of.get(sources.get(int(i)), -1) for i in ids), dtype=np.int64, count=len(ids))
    lo, hi, now = day_number(start), day_number(end), day_number(as_of)
    received = (begin >= lo) & (begin <= hi)
    closed = (done >= lo) & (done <= hi)
    still_open = (begin <= now) & ((done < 0) | (done > now))
    days = np.zeros(len(rows), dtype=np.int64)
    if closed.any():
        index = WorkdayIndex.build(calendar, int(begin[closed].min()), int(done[closed].max()))
        days[closed] = index.count(done[closed]) - index.count(begin[closed])

    def row(key, zh, en, sel) -> ClueRow:
        took = days[sel & closed]
        median = float(np.median(took)) if len(took) else None
        p90 = float(np.percentile(took, 90)) if len(took) else None
        return ClueRow(key, zh, en, int((sel & received).sum()), int((sel & closed).sum()),
                       int((sel & closed & (done <= due)).sum()), int((sel & still_open).sum()), median, p90)

    out = [row(key, *SOURCE_NAMES[key], source == i) for i, key in enumerate(order)]
    out = [r for r in out if r.received or r.closed or r.open_at_end]
    return tuple(out), row(None, "合计", "Total", np.ones(len(rows), bool))


def _dept_names(names, key) -> tuple[str, str]:
    if key is None:
        return "（待认领 / 未分派）", "(shared queue / not routed)"
    zh, en, _ = names["departments"].get(key, (str(key), str(key), None))
    return zh, en


def _claims(rows: list[ClaimRow], names) -> tuple[tuple, TimelinessRow]:
    def conv(r: ClaimRow, zh: str, en: str) -> TimelinessRow:
        return TimelinessRow(r.department_id, zh, en, r.pushes, r.claimed, r.claimed_in_time, r.unclaimed_overdue,
                             r.pending, r.rate)

    total = ClaimRow.total(rows)
    return tuple(conv(r, *_dept_names(names, r.department_id)) for r in rows), conv(total, "合计", "Total")


def _verifications(clocks, assessment, start, end, names) -> tuple[tuple, TimelinessRow]:
    groups = by_group(clocks, assessment, "department", (start, end), kinds=[Kind.COMMITMENT_VERIFICATION])
    rows = tuple(TimelinessRow(g.key, *_dept_names(names, g.key), g.total, g.done, g.done_on_time, g.overdue_all,
                               g.on_time + g.due_soon, g.on_time_rate) for g in groups)
    done, on_time = sum(r.done for r in rows), sum(r.done_on_time for r in rows)
    total = TimelinessRow(None, "合计", "Total", sum(r.total for r in rows), done, on_time,
                          sum(r.overdue for r in rows), sum(r.pending for r in rows), on_time / done if done else None)
    return rows, total


def _overdue_mask(assessment) -> np.ndarray:
    from core.deadlines import Level

    return np.isin(assessment.levels, [Level.OVERDUE, Level.SERIOUSLY_OVERDUE])


def _overdue(clocks, assessment, names) -> tuple[tuple, OverdueRow]:
    per_kind = {k: {g.key: g.overdue_all for g in by_group(clocks, assessment, "department", kinds=[k])} for k in Kind}
    rows = []
    for g in by_group(clocks, assessment, "department"):
        if g.overdue_all:
            rows.append(OverdueRow(g.key, *_dept_names(names, g.key), tuple(per_kind[k].get(g.key, 0) for k in Kind),
                                   g.overdue, g.seriously_overdue))
    rows.sort(key=lambda r: (-r.total, str(r.key)))
    total = OverdueRow(None, "合计", "Total", tuple(sum(r.by_kind[k] for r in rows) for k in range(len(Kind))),
                       sum(r.overdue for r in rows), sum(r.seriously_overdue for r in rows))
    return tuple(rows), total


def _risks(groups, clocks, assessment, overdue_entities, industry_of, names) -> tuple[tuple, tuple, float]:
    active_town: dict[str, list[int]] = {}
    active_industry: dict[str, list[int]] = {}
    for town, industry, _etype, status, _new, class_d, n in groups:
        if str(status) != "active":
            continue
        for bucket, key in ((active_town, town), (active_industry, industry)):
            c = bucket.setdefault(key, [0, 0])
            c[0] += n
            c[1] += n if class_d else 0
    town_overdue = {g.key: g.overdue_all for g in by_group(clocks, assessment, "town")}
    industry_overdue: dict[str, int] = {}
    for entity in overdue_entities:
        code = industry_of.get(int(entity))
        if code is not None:
            industry_overdue[code] = industry_overdue.get(code, 0) + 1

    def ranked(rows: list[RiskRow]) -> list[RiskRow]:
        return sorted(rows, key=lambda r: (-r.d_share, -r.overdue_per_1000, str(r.key)))

    towns = ranked([RiskRow(k, *names["towns"].get(k, (k, k)), a, d, town_overdue.get(k, 0))
                    for k, (a, d) in active_town.items()])
    industries = ranked([RiskRow(k, *names["industries"].get(k, (k, k)), a, d, industry_overdue.get(k, 0))
                         for k, (a, d) in active_industry.items() if a >= MIN_INDUSTRY_ACTIVE])
    active, class_d = sum(c[0] for c in active_town.values()), sum(c[1] for c in active_town.values())
    return tuple(towns), tuple(industries[:TOP_INDUSTRIES]), class_d / active if active else 0.0
