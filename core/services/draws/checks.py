"""What blocks locking a batch: the draw rules (``core.draws.validate``) and the data's own."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import DrawBatch, DrawStatus, RegulatoryMatter
from core.draws import DrawSpec, Problem, validate

from .common import (
    RULE_LEAD,
    RULE_LIST,
    RULE_STATUS,
    RULE_WINDOW,
    Progress,
    get_batch,
    stepper,
)
from .pools import batch_departments, spec_for


def data_problems(s: Session, batch: DrawBatch) -> list[Problem]:
    """Problems only the database can see: status, window, lead, matters of each department."""
    out: list[Problem] = []
    where = f"draw batch {batch.id}"
    if batch.status != DrawStatus.DRAFT:
        out.append(Problem("not_draft", RULE_STATUS,
                           f"抽查批次状态为 {batch.status.value}，只有草稿可以锁定 "
                           f"(the batch is {batch.status.value}; only a draft can be locked)", where))
    if batch.window_end < batch.window_start:
        out.append(Problem("window_reversed", RULE_WINDOW,
                           f"检查时间窗结束日 {batch.window_end} 早于开始日 {batch.window_start} "
                           f"(the window ends {batch.window_end}, before it starts {batch.window_start})", "window"))
    depts = batch_departments(s, batch)
    if depts and batch.lead_department_id not in {d.department_id for d in depts}:
        out.append(Problem("lead_not_participating", RULE_LEAD,
                           f"牵头部门 {batch.lead_department_id} 没有参加本批次 "
                           f"(lead department {batch.lead_department_id} does not take part in the batch)",
                           f"department {batch.lead_department_id}"))
    matter_ids = {int(m) for d in depts for m in d.matter_ids or ()}
    owner = dict(s.execute(select(RegulatoryMatter.id, RegulatoryMatter.department_id)
                           .where(RegulatoryMatter.id.in_(matter_ids))).all()) if matter_ids else {}
    for d in depts:
        if not d.matter_ids:
            out.append(Problem("no_matters", RULE_LIST,
                               f"部门 {d.department_id} 没有选择抽查事项 (department {d.department_id} has no "
                               f"inspection matter)", f"department {d.department_id}"))
        for m in d.matter_ids or ():
            if owner.get(int(m)) is None:
                out.append(Problem("unknown_matter", RULE_LIST, f"监管事项 {m} 不存在 (matter {m} does not exist)",
                                   f"matter {m}"))
            elif owner[int(m)] != d.department_id:
                out.append(Problem("matter_of_other_department", RULE_LIST,
                                   f"监管事项 {m} 属于部门 {owner[int(m)]}，不属于部门 {d.department_id} "
                                   f"(matter {m} belongs to department {owner[int(m)]}, "
                                   f"not to department {d.department_id})", f"department {d.department_id}"))
    return out


def problems_of(s: Session, batch: DrawBatch, *, progress: Progress | None = None) -> tuple[DrawSpec, list[Problem]]:
    """The batch's spec from the live data and every problem that blocks locking it."""
    spec = spec_for(s, batch, progress=progress)
    problems = data_problems(s, batch)
    problems += validate(spec)
    return spec, problems


def check_batch(db: Database, batch_id: int, *, progress: Progress | None = None,
                is_cancelled: Callable[[], bool] | None = None) -> list[Problem]:
    """Every problem that blocks locking batch ``batch_id``; empty when it can be locked."""
    with db.sessions() as s:
        return problems_of(s, get_batch(s, batch_id), progress=stepper(progress, is_cancelled))[1]
