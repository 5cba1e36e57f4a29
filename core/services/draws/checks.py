"""What blocks locking a batch: the draw rules (``core.draws.validate``), the plan's sampling
bands (``core.draws.bands``) and the data's own; and what only strains it (warnings):
inspectors' workload over the window, pool entities no matter of the batch applies to."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import DrawBatch, DrawPlan, DrawStatus, RegulatoryMatter
from core.draws import STRATA, DrawSpec, Problem, validate
from core.draws.bands import band_problems, normalise_bands
from core.draws.spec import stratum_letters
from core.workdays import WorkdayCalendar

from .common import (
    RULE_LEAD,
    RULE_LIST,
    RULE_STATUS,
    RULE_WINDOW,
    Progress,
    default_calendar,
    get_batch,
    stepper,
)
from .pools import batch_departments, spec_for, unfit_entities

# Local practice, so a plan setting (DrawPlan.visit_capacity); this is its default.
DEFAULT_VISIT_CAPACITY = 2.0
RULE_CAPACITY = ("国发〔2019〕5号：抽查比例和频次须与执法力量相适应（本计划每名检查人员每个工作日的检查上限） "
                 "(State Council Guideline 2019 No. 5: sampling must fit the enforcement staff; "
                 "the plan's visits per inspector per working day)")
RULE_MATTER_FIT = ("一单两库：抽查对象须适用本批次的抽查事项 "
                   "(one list, two pools: the objects drawn must be ones the batch's inspection matters apply to)")
_FIRST_UNFIT = 5


class CheckResult(list):
    """The problems that block locking (a list, as before) and, in ``warnings``, what does not."""

    def __init__(self, problems=(), warnings=()) -> None:
        super().__init__(problems)
        self.warnings: list[Problem] = list(warnings)


def data_problems(s: Session, batch: DrawBatch) -> list[Problem]:
    """Problems only the database can see: status, window, lead, matters of each department."""
    out: list[Problem] = []
    where = f"draw batch {batch.id}"
    if batch.status != DrawStatus.DRAFT:
        out.append(Problem("not_draft", RULE_STATUS,
                           f"抽查批次状态为 {batch.status.value}，只有草稿可以锁定 "
                           f"(the batch is {batch.status.value}; only a draft can be locked)", where,
                           params={"status": batch.status.value}))
    if batch.window_end < batch.window_start:
        out.append(Problem("window_reversed", RULE_WINDOW,
                           f"检查时间窗结束日 {batch.window_end} 早于开始日 {batch.window_start} "
                           f"(the window ends {batch.window_end}, before it starts {batch.window_start})", "window",
                           params={"end": str(batch.window_end), "start": str(batch.window_start)}))
    depts = batch_departments(s, batch)
    if depts and batch.lead_department_id not in {d.department_id for d in depts}:
        out.append(Problem("lead_not_participating", RULE_LEAD,
                           f"牵头部门 {batch.lead_department_id} 没有参加本批次 "
                           f"(lead department {batch.lead_department_id} does not take part in the batch)",
                           f"department {batch.lead_department_id}",
                           params={"department": batch.lead_department_id}))
    matter_ids = {int(m) for d in depts for m in d.matter_ids or ()}
    owner = dict(s.execute(select(RegulatoryMatter.id, RegulatoryMatter.department_id)
                           .where(RegulatoryMatter.id.in_(matter_ids))).all()) if matter_ids else {}
    for d in depts:
        if not d.matter_ids:
            out.append(Problem("no_matters", RULE_LIST,
                               f"部门 {d.department_id} 没有选择抽查事项 (department {d.department_id} has no "
                               f"inspection matter)", f"department {d.department_id}",
                               params={"department": d.department_id}))
        for m in d.matter_ids or ():
            if owner.get(int(m)) is None:
                out.append(Problem("unknown_matter", RULE_LIST, f"监管事项 {m} 不存在 (matter {m} does not exist)",
                                   f"matter {m}", params={"matter": m}))
            elif owner[int(m)] != d.department_id:
                out.append(Problem("matter_of_other_department", RULE_LIST,
                                   f"监管事项 {m} 属于部门 {owner[int(m)]}，不属于部门 {d.department_id} "
                                   f"(matter {m} belongs to department {owner[int(m)]}, "
                                   f"not to department {d.department_id})", f"department {d.department_id}",
                                   params={"matter": m, "owner": owner[int(m)], "department": d.department_id}))
    return out


def plan_bands(s: Session, batch: DrawBatch) -> dict:
    plan = s.get(DrawPlan, batch.plan_id)
    return normalise_bands(plan.sampling_bands if plan is not None else None)


def strata_sizes(spec: DrawSpec) -> dict[str, int]:
    letters = stratum_letters(spec.pool)
    if letters is not None:
        return {k: letters.count(k) for k in STRATA}
    sizes = dict.fromkeys(STRATA, 0)
    for e in spec.pool:
        sizes[e.stratum] = sizes.get(e.stratum, 0) + 1
    return sizes


def problems_of(s: Session, batch: DrawBatch, *, progress: Progress | None = None) -> tuple[DrawSpec, list[Problem]]:
    """The batch's spec from the live data and every problem that blocks locking it."""
    spec = spec_for(s, batch, progress=progress)
    problems = data_problems(s, batch)
    problems += validate(spec)
    problems += band_problems(spec.sampling, plan_bands(s, batch), strata_sizes(spec),
                              overridden=bool(batch.band_override))
    return spec, problems


def capacity_warnings(s: Session, batch: DrawBatch, spec: DrawSpec, calendar: WorkdayCalendar) -> list[Problem]:
    """Per department: planned visits x team size / (eligible inspectors x working days of the window)."""
    plan = s.get(DrawPlan, batch.plan_id)
    capacity = float(plan.visit_capacity) if plan is not None and plan.visit_capacity else DEFAULT_VISIT_CAPACITY
    if batch.window_end < batch.window_start:
        return []
    days = calendar.working_days_between(batch.window_start - dt.timedelta(days=1), batch.window_end).days
    sizes = strata_sizes(spec)
    visits = sum(spec.sampling.count_for(k, n) for k, n in sizes.items() if k in STRATA)
    out = []
    for d in spec.departments:
        staff = len({i.id for i in d.inspectors})
        if not visits or not staff:
            continue
        load = visits * d.team_size / (staff * max(days, 1))
        if load > capacity + 1e-9:
            out.append(Problem(
                "over_capacity", RULE_CAPACITY,
                f"部门 {d.department_id}：计划检查 {visits:,} 户，每组 {d.team_size} 人，{staff} 名检查人员，"
                f"检查时间窗 {days} 个工作日，每人每个工作日 {load:.1f} 次，超过上限 {capacity:g} 次 "
                f"(department {d.department_id}: {visits:,} visits, teams of {d.team_size}, {staff} inspectors, "
                f"{days} working days in the window: {load:.1f} visits per inspector per working day, "
                f"above the capacity of {capacity:g})",
                f"department {d.department_id}", severity="warning",
                params={"department": d.department_id, "visits": f"{visits:,}", "size": d.team_size, "staff": staff,
                        "days": days, "load": f"{load:.1f}", "capacity": f"{capacity:g}"}))
    return out


def fit_warnings(s: Session, batch: DrawBatch) -> list[Problem]:
    """Pool entities that no matter of the batch applies to (count and the first few)."""
    count, first = unfit_entities(s, batch, first=_FIRST_UNFIT)
    if not count:
        return []
    listed = "、".join(f"{u} {n}" for u, n in first)
    listed_en = "; ".join(f"{u} {n}" for u, n in first)
    more_zh = "等" if count > len(first) else ""
    more_en = ", ..." if count > len(first) else ""
    return [Problem("matter_not_applicable", RULE_MATTER_FIT,
                    f"对象库中有 {count:,} 个市场主体不适用本批次的任何抽查事项：{listed}{more_zh} "
                    f"({count:,} pool entities fit none of the batch's matters: {listed_en}{more_en})",
                    "pool", severity="warning",
                    params={"count": f"{count:,}", "listed": tuple(f"{u} {n}" for u, n in first),
                            "more": count > len(first)})]


def review(s: Session, batch: DrawBatch, *, progress: Progress | None = None,
           calendar: WorkdayCalendar | None = None) -> CheckResult:
    spec, problems = problems_of(s, batch, progress=progress)
    warnings = capacity_warnings(s, batch, spec, calendar or default_calendar()) + fit_warnings(s, batch)
    return CheckResult(problems, warnings)


def check_batch(db: Database, batch_id: int, *, progress: Progress | None = None,
                is_cancelled: Callable[[], bool] | None = None,
                calendar: WorkdayCalendar | None = None) -> CheckResult:
    """Every problem that blocks locking batch ``batch_id`` (empty when it can be locked), with
    ``.warnings``: what the planner should see but that does not block (workload, matter fit)."""
    with db.sessions() as s:
        return review(s, get_batch(s, batch_id), progress=stepper(progress, is_cancelled), calendar=calendar)
