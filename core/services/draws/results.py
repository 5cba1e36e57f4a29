"""Item-by-item inspection results; a failed item can open a clue; a full checklist closes the task."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import (
    BatchDepartment,
    ChecklistItem,
    CheckOutcome,
    Clue,
    ClueEvent,
    ClueSource,
    ClueState,
    EntityRecord,
    InspectionResult,
    InspectionTask,
    Inspector,
    MarketEntity,
    RecordKind,
    RegulatoryMatter,
    TaskStatus,
    task_inspectors,
    task_matters,
)
from core.db.models.base import utcnow
from core.errors import NotFound, ValidationError
from core.workdays import WorkdayCalendar

from .common import CLUE_WORKING_DAYS, default_calendar

_NOTE_MAX = 400


@dataclass(frozen=True)
class ChecklistLine:
    item_id: int
    matter_id: int
    matter_code: str
    matter_name_zh: str
    matter_name_en: str
    department_id: int
    seq: int
    text_zh: str
    text_en: str
    standard_zh: str
    outcome: str | None   # "pass" | "fail" | "na" | None (not recorded yet)
    note: str


@dataclass(frozen=True)
class TaskChecklist:
    task_id: int
    batch_id: int | None
    entity_id: int
    entity_name: str
    uscc: str
    address: str
    lead_department_id: int
    joint: bool
    status: str
    due_on: dt.date
    done_on: dt.date | None
    inspectors: tuple[tuple[int, str, int], ...]   # (id, name, department id)
    items: tuple[ChecklistLine, ...]

    @property
    def recorded(self) -> int:
        return sum(1 for i in self.items if i.outcome is not None)


@dataclass(frozen=True)
class ResultRecorded:
    task_id: int
    checklist_item_id: int
    outcome: str
    task_status: str
    remaining: int            # items of the task still without an outcome
    clue_id: int | None
    clue_ref: str | None


def task_checklist(db: Database, task_id: int) -> TaskChecklist:
    """The items of every matter of the task, in matter then item order, with any outcome."""
    with db.sessions() as s:
        task = s.get(InspectionTask, task_id)
        if task is None:
            raise NotFound(f"检查任务 {task_id} 不存在 (inspection task {task_id} does not exist)",
                           where=f"task {task_id}")
        entity = s.get(MarketEntity, task.entity_id)
        results = {r.checklist_item_id: r for r in
                   s.scalars(select(InspectionResult).where(InspectionResult.task_id == task_id))}
        rows = s.execute(select(ChecklistItem, RegulatoryMatter)
                         .join(RegulatoryMatter, RegulatoryMatter.id == ChecklistItem.matter_id)
                         .join(task_matters, task_matters.c.matter_id == RegulatoryMatter.id)
                         .where(task_matters.c.task_id == task_id)
                         .order_by(RegulatoryMatter.code, ChecklistItem.seq)).all()
        items = tuple(ChecklistLine(
            i.id, m.id, m.code, m.name_zh, m.name_en, m.department_id, i.seq, i.text_zh, i.text_en, i.standard_zh,
            results[i.id].outcome.value if i.id in results else None, results[i.id].note if i.id in results else "")
            for i, m in rows)
        team = tuple(s.execute(select(Inspector.id, Inspector.name, Inspector.department_id)
                               .join(task_inspectors, task_inspectors.c.inspector_id == Inspector.id)
                               .where(task_inspectors.c.task_id == task_id)
                               .order_by(Inspector.department_id, Inspector.id)).tuples().all())
        return TaskChecklist(task.id, task.batch_id, task.entity_id, entity.name, entity.uscc, entity.address,
                             task.lead_department_id, task.joint, task.status.value, task.due_on, task.done_on,
                             team, items)


def _open_clue(s, actor: str, task: InspectionTask, item: ChecklistItem, matter: RegulatoryMatter, note: str,
               calendar: WorkdayCalendar, working_days: int) -> Clue:
    entity = s.get(MarketEntity, task.entity_id)
    now = utcnow()
    today = now.date()
    due = calendar.add_working_days(today, working_days).date
    text = f"检查任务 JC{task.id:06d} 发现问题：{item.text_zh}"
    if note:
        text += f"；{note}"
    clue = Clue(ref_no=f"XS-{uuid.uuid4().hex[:24]}", source=ClueSource.INSPECTION,
                source_village_code=entity.village_code, entity_id=entity.id, lat=entity.lat, lng=entity.lng,
                matter_id=matter.id, description=text, department_id=matter.department_id,
                state=ClueState.ASSIGNED, received_at=now, due_on=due)
    s.add(clue)
    s.flush()
    clue.ref_no = f"XS{today:%Y%m%d}{clue.id:06d}"
    s.add(ClueEvent(clue_id=clue.id, at=now, actor=actor, from_state=None, to_state=ClueState.RECEIVED.value,
                    note=f"检查任务 JC{task.id:06d}"))
    s.add(ClueEvent(clue_id=clue.id, at=now, actor=actor, from_state=ClueState.RECEIVED.value,
                    to_state=ClueState.ASSIGNED.value, department_id=matter.department_id, note=""))
    return clue


def record_result(db: Database, actor: str, task_id: int, checklist_item_id: int, outcome: str, note: str = "",
                  *, open_clue: bool = False, on: dt.date | None = None, calendar: WorkdayCalendar | None = None,
                  clue_working_days: int = CLUE_WORKING_DAYS) -> ResultRecorded:
    """Record one checklist item's outcome ("pass", "fail", "na") on a task.

    A failed item with ``open_clue`` opens a clue (source "inspection") for the matter's
    department, due ``clue_working_days`` working days later. The first result starts the
    task; the last one completes it (``done_on`` = ``on`` or today) and adds an
    inspection entry to the entity's timeline. A result may be corrected until then.
    """
    try:
        value = CheckOutcome(outcome)
    except ValueError:
        raise ValidationError(f"检查结果须为 pass、fail 或 na，不是 {outcome!r} (outcome must be pass, fail or na)",
                              where="outcome") from None
    note = (note or "").strip()
    if len(note) > _NOTE_MAX:
        raise ValidationError(f"备注最多 {_NOTE_MAX} 字 (the note is longer than {_NOTE_MAX} characters)",
                              where="note")
    if open_clue and value != CheckOutcome.FAIL:
        raise ValidationError("只有不合格项才能生成线索 (only a failed item opens a clue)", where="open_clue")
    with db.uow(actor) as uow:
        s = uow.session
        task = s.scalars(select(InspectionTask).where(InspectionTask.id == task_id).with_for_update()).first()
        if task is None:
            raise NotFound(f"检查任务 {task_id} 不存在 (inspection task {task_id} does not exist)",
                           where=f"task {task_id}")
        joint = s.scalars(select(BatchDepartment.department_id).where(
            BatchDepartment.batch_id == task.batch_id)).all() if task.joint and task.batch_id is not None else ()
        uow.require("draw.result", department_id=task.lead_department_id, department_ids=joint)
        if task.status in (TaskStatus.DONE, TaskStatus.CANCELLED):
            raise ValidationError(f"检查任务 JC{task_id:06d} 已{'完成' if task.status == TaskStatus.DONE else '取消'}，"
                                  f"不能再记录结果 (task {task_id} is {task.status.value}; results can no longer change)",
                                  where=f"task {task_id}")
        item = s.get(ChecklistItem, checklist_item_id)
        in_task = item is not None and s.scalar(
            select(func.count()).select_from(task_matters)
            .where(task_matters.c.task_id == task_id, task_matters.c.matter_id == item.matter_id))
        if not in_task:
            raise ValidationError(f"检查项 {checklist_item_id} 不属于任务 JC{task_id:06d} 的检查事项 "
                                  f"(checklist item {checklist_item_id} is not on task {task_id}'s matters)",
                                  where=f"checklist item {checklist_item_id}")
        matter = s.get(RegulatoryMatter, item.matter_id)
        existing = s.get(InspectionResult, (task_id, checklist_item_id))
        before = {"outcome": existing.outcome.value, "note": existing.note} if existing else None
        if existing is None:
            s.add(InspectionResult(task_id=task_id, checklist_item_id=checklist_item_id, outcome=value, note=note))
        else:
            existing.outcome, existing.note = value, note
        clue = None
        if open_clue:
            clue = _open_clue(s, uow.actor, task, item, matter, note, calendar or default_calendar(), clue_working_days)
        s.flush()
        total = s.scalar(select(func.count()).select_from(ChecklistItem)
                         .join(task_matters, task_matters.c.matter_id == ChecklistItem.matter_id)
                         .where(task_matters.c.task_id == task_id)) or 0
        outcomes = [o for (o,) in s.execute(select(InspectionResult.outcome).where(InspectionResult.task_id == task_id))]
        remaining = total - len(outcomes)
        old_status = task.status
        if remaining <= 0:
            task.status = TaskStatus.DONE
            task.done_on = on or dt.date.today()
            failed = sum(1 for o in outcomes if o == CheckOutcome.FAIL)
            s.add(EntityRecord(
                entity_id=task.entity_id, kind=RecordKind.INSPECTION, occurred_on=task.done_on,
                department_id=task.lead_department_id, ref_no=f"JC{task.id:06d}",
                title="联合检查（双随机）" if task.joint else "双随机抽查",
                outcome=f"发现问题 {failed} 项" if failed else "未发现问题"))
        elif task.status == TaskStatus.PLANNED:
            task.status = TaskStatus.IN_PROGRESS
        uow.audit("inspection.result", "inspection_task", task_id, before=before,
                  after={"item": checklist_item_id, "outcome": value.value, "note": note,
                         "clue": clue.ref_no if clue else None, "task_status": task.status.value})
        if clue is not None:
            uow.audit("clue.open", "clue", clue.id, after={"ref_no": clue.ref_no, "source": "inspection",
                                                           "task": task_id, "matter": matter.id,
                                                           "department": matter.department_id,
                                                           "due_on": clue.due_on.isoformat()})
        if task.status != old_status:
            uow.audit("inspection.task.status", "inspection_task", task_id, before={"status": old_status.value},
                      after={"status": task.status.value,
                             "done_on": task.done_on.isoformat() if task.done_on else None})
        result = ResultRecorded(task_id, checklist_item_id, value.value, task.status.value, max(remaining, 0),
                                clue.id if clue else None, clue.ref_no if clue else None)
        uow.commit()
    return result
