"""Publishing inspection results (企业信息公示暂行条例 Arts. 6-7): each within 20 working days.

An inspection result is formed the day the last checklist item of its task is recorded
(the task's ``done_on``, see :mod:`.results`). From that day its own publication clock
runs: due ``policy.duration(results_publication)`` working days later (20 by default, an
administrator may change it in ``deadlines.json``), stopped the day it is published.

Publishing is an action on one or more results of a batch, or on every unpublished result
of the batch at once: it writes a results notice (USCC, name, matters, outcome, date;
never the risk class), records each result as published, puts the publication on each
entity's timeline and audits the whole, in one transaction: if the file cannot be written,
nothing is recorded.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, union

from core.db.database import Database
from core.db.models import (
    DrawnObject,
    DrawStatus,
    EntityRecord,
    InspectionTask,
    RecordKind,
    ResultPublication,
    TaskStatus,
    task_drawn_objects,
)
from core.db.models.base import utcnow
from core.deadlines.kinds import Kind
from core.deadlines.policy import DeadlinePolicy, load_policy
from core.errors import ValidationError
from core.workdays import WorkdayCalendar

from .common import default_calendar, get_batch, require_status
from .notices import OUTCOMES, NoticeRow, export_notice_xlsx, notice_rows

RULE = "企业信息公示暂行条例第六、七条：检查结果自形成之日起20个工作日内公示"
RULE_EN = "Interim Regulations on Enterprise Information Disclosure Arts. 6-7: results published within 20 working days"

# Writes the rows of a results notice to a path (the default writes .xlsx; the desktop
# passes its PDF writer) and returns the path written.
NoticeWriter = Callable[[Path, Sequence[NoticeRow]], Path]


@dataclass(frozen=True)
class PublicationState:
    """Where the publication of one task's result stands on ``today``.

    ``formed_on`` is None while the task has no result (not every item recorded);
    ``working_days_left`` counts the working days in (today, due] of an unpublished result
    not yet late, ``working_days_overdue`` those in (due, today] of a late one (0 on the
    weekend after a Friday deadline: it is late all the same).
    """

    task_id: int
    formed_on: dt.date | None
    due_on: dt.date | None
    published_on: dt.date | None
    working_days_left: int | None = None
    working_days_overdue: int | None = None

    @property
    def state(self) -> str:
        """"no_result", "published", "pending" (still in time) or "overdue"."""
        if self.published_on is not None:
            return "published"
        if self.formed_on is None:
            return "no_result"
        return "overdue" if self.working_days_overdue is not None else "pending"

    @property
    def published_late(self) -> bool:
        return self.published_on is not None and self.due_on is not None and self.published_on > self.due_on


@dataclass(frozen=True)
class ResultsPublished:
    """What one publication did: the results it published, the notice file and its digest."""

    batch_id: int
    task_ids: tuple[int, ...]
    path: Path
    published_on: dt.date
    sha256: str


def _batch_task_ids(s, batch_id: int) -> list[int]:
    """Tasks of the batch (its own and those merged into it through a drawn object), not cancelled."""
    t = InspectionTask
    ids = union(select(t.id.label("task_id")).where(t.batch_id == batch_id),
                select(task_drawn_objects.c.task_id)
                .join(DrawnObject, DrawnObject.id == task_drawn_objects.c.drawn_object_id)
                .where(DrawnObject.batch_id == batch_id)).subquery()
    return list(s.scalars(select(t.id).join(ids, ids.c.task_id == t.id)
                          .where(t.status != TaskStatus.CANCELLED).order_by(t.id)))


def _formed(task: InspectionTask) -> bool:
    return task.status == TaskStatus.DONE


def due_date(formed_on: dt.date, calendar: WorkdayCalendar, policy: DeadlinePolicy) -> dt.date:
    """The last day to publish a result formed on ``formed_on``."""
    return calendar.add_working_days(formed_on, policy.duration(Kind.RESULTS_PUBLICATION)).date


def publication_states(db: Database, batch_id: int, *, today: dt.date | None = None,
                       calendar: WorkdayCalendar | None = None,
                       policy: DeadlinePolicy | None = None) -> dict[int, PublicationState]:
    """Per task of the batch (task id -> state): formed on, due, published on, days left or late."""
    today = today or dt.date.today()
    calendar, policy = calendar or default_calendar(), policy or load_policy()
    with db.sessions() as s:
        get_batch(s, batch_id)
        ids = _batch_task_ids(s, batch_id)
        tasks = {t.id: t for t in s.scalars(select(InspectionTask).where(InspectionTask.id.in_(ids)))} if ids else {}
        published = dict(s.execute(select(ResultPublication.task_id, ResultPublication.published_on)
                                   .where(ResultPublication.task_id.in_(ids))).tuples().all()) if ids else {}
    out: dict[int, PublicationState] = {}
    for task_id in ids:
        task = tasks[task_id]
        formed = task.done_on if _formed(task) else None
        if formed is None:
            out[task_id] = PublicationState(task_id, None, None, published.get(task_id))
            continue
        due = due_date(formed, calendar, policy)
        left = late = None
        if task_id not in published:
            if today <= due:
                left = calendar.working_days_between(today, due).days
            else:
                late = calendar.working_days_between(due, today).days
        out[task_id] = PublicationState(task_id, formed, due, published.get(task_id), left, late)
    return out


def unpublished_results(db: Database, batch_id: int) -> list[int]:
    """The tasks of the batch whose result is formed and not yet published, in id order."""
    with db.sessions() as s:
        get_batch(s, batch_id)
        ids = _batch_task_ids(s, batch_id)
        if not ids:
            return []
        done = s.scalars(select(InspectionTask.id).outerjoin(ResultPublication,
                                                             ResultPublication.task_id == InspectionTask.id)
                         .where(InspectionTask.id.in_(ids), InspectionTask.status == TaskStatus.DONE,
                                ResultPublication.task_id.is_(None)).order_by(InspectionTask.id))
        return list(done)


def _choose(s, batch_id: int, task_ids: Collection[int] | None) -> list[int]:
    """The tasks to publish: ``task_ids`` checked, or every unpublished result of the batch."""
    in_batch = set(_batch_task_ids(s, batch_id))
    wanted = sorted(in_batch if task_ids is None else set(task_ids))
    if task_ids is not None:
        stray = [t for t in wanted if t not in in_batch]
        if stray:
            raise ValidationError(f"检查任务 {', '.join(f'JC{t:06d}' for t in stray)} 不属于本批次 "
                                  f"(task(s) not in this batch)", where=f"batch {batch_id}")
    tasks = {t.id: t for t in s.scalars(select(InspectionTask).where(InspectionTask.id.in_(wanted)))} if wanted else {}
    published = dict(s.execute(select(ResultPublication.task_id, ResultPublication.published_on)
                               .where(ResultPublication.task_id.in_(wanted))).tuples().all()) if wanted else {}
    if task_ids is None:
        chosen = [t for t in wanted if _formed(tasks[t]) and t not in published]
        if not chosen:
            raise ValidationError("本批次没有待公示的检查结果 (this batch has no unpublished results)",
                                  where=f"batch {batch_id}")
        return chosen
    for t in wanted:
        if not _formed(tasks[t]):
            raise ValidationError(f"检查任务 JC{t:06d} 尚未完成，还没有检查结果 "
                                  f"(task {t} is not finished: it has no result to publish yet)", where=f"task {t}")
        if t in published:
            raise ValidationError(f"检查任务 JC{t:06d} 的结果已于 {published[t].isoformat()} 公示 "
                                  f"(the result of task {t} was published on {published[t].isoformat()})",
                                  where=f"task {t}")
    if not wanted:
        raise ValidationError("未选择要公示的检查结果 (no result chosen to publish)", where=f"batch {batch_id}")
    return wanted


def publish_results(db: Database, actor: str, batch_id: int, path: str | Path, *,
                    task_ids: Collection[int] | None = None, lang: str = "zh_CN", on: dt.date | None = None,
                    write: NoticeWriter | None = None) -> ResultsPublished:
    """Publish the results of ``task_ids`` of the batch (None: every unpublished one).

    Writes the results notice to ``path`` (``write``, by default an .xlsx file), records
    each result as published on ``on`` (default today), adds a "results published" entry
    to each entity's timeline and audits the publication with the file's SHA-256. All or
    nothing: a refused result or a file that cannot be written leaves nothing recorded.
    """
    path = Path(path)
    published_on = on or dt.date.today()
    with db.uow(actor) as uow:
        uow.require("draw.run")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.DRAWN, DrawStatus.PUBLISHED, doing=("公示结果", "published"))
        chosen = _choose(s, batch_id, task_ids)
        rows = notice_rows(db, batch_id, tasks=chosen)
        missing = sorted(set(chosen) - {r.task_id for r in rows})
        if missing:
            raise ValidationError(f"检查任务 {', '.join(f'JC{t:06d}' for t in missing)} 不在本批次的抽查名单上 "
                                  f"(task(s) not on this batch's list of drawn entities)", where=f"batch {batch_id}")
        tasks = {t.id: t for t in s.scalars(select(InspectionTask).where(InspectionTask.id.in_(chosen)))}
        late = [t for t in chosen if tasks[t].done_on is not None and tasks[t].done_on > published_on]
        if late:
            raise ValidationError(f"公示日期 {published_on.isoformat()} 早于检查完成日期 "
                                  f"(the publication date is before task {late[0]} was done)", where="on")
        now = utcnow()
        for row in rows:
            task = tasks[row.task_id]
            s.add(ResultPublication(task_id=task.id, batch_id=batch_id, published_on=published_on,
                                    published_at=now, published_by=uow.actor, notice_file=path.name[:260]))
            outcome_zh = OUTCOMES.get(row.outcome or "pending", OUTCOMES["pending"])[0]
            s.add(EntityRecord(
                entity_id=task.entity_id, kind=RecordKind.INSPECTION, occurred_on=published_on,
                department_id=task.lead_department_id, ref_no=f"JC{task.id:06d}", title="抽查结果公示",
                outcome=f"已公示：{outcome_zh}",
                details=json.dumps({"batch": batch_id, "task": task.id, "formed_on": task.done_on.isoformat()
                                    if task.done_on else None, "notice": path.name}, ensure_ascii=False)))
        s.flush()
        written = Path((write or _xlsx_writer(db, batch_id, lang))(path, rows))
        digest = hashlib.sha256(written.read_bytes()).hexdigest()
        uow.audit("inspection.results.publish", "draw_batch", batch_id,
                  after={"tasks": chosen, "published_on": published_on.isoformat(), "file": written.name,
                         "sha256": digest, "count": len(chosen)})
        uow.commit()
    return ResultsPublished(batch_id, tuple(chosen), written, published_on, digest)


def _xlsx_writer(db: Database, batch_id: int, lang: str) -> NoticeWriter:
    def write(path: Path, rows: Sequence[NoticeRow]) -> Path:
        return export_notice_xlsx(db, batch_id, path, lang=lang, with_results=True, rows=rows)
    return write
