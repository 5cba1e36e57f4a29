"""The public notice of a drawn batch ("一公开"): who is inspected, on what, by whom, when,
and later with what result.

The notice never carries the credit-risk class, and lists entities in USCC order, not
pick order: strata are drawn A, B, C, D in turn, so pick order would reveal the classes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import (
    ChecklistItem,
    Department,
    DrawnObject,
    DrawPlan,
    DrawRecord,
    DrawStatus,
    InspectionResult,
    InspectionTask,
    MarketEntity,
    RegulatoryMatter,
    TaskStatus,
    task_drawn_objects,
)
from core.errors import ValidationError
from core.sheets import CODE, DATE, NUMBER, TEXT, Column, Sheet, write_xlsx
from core.workdays import ProvisionalNote, WorkdayCalendar, explain_provisional

from .common import default_calendar, get_batch, require_status
from .pools import batch_departments

_IN_CHUNK = 900
OUTCOMES = {
    "no_problems": ("未发现问题", "No problems found"),
    "problems_found": ("发现问题", "Problems found"),
    "pending": ("尚未检查", "Not yet inspected"),
}


@dataclass(frozen=True)
class NoticeRow:
    no: int                         # 1.. in USCC order
    entity_id: int
    entity_name: str
    uscc: str
    address: str
    matters_zh: tuple[str, ...]
    matters_en: tuple[str, ...]
    departments_zh: tuple[str, ...]
    departments_en: tuple[str, ...]
    window_start: dt.date
    window_end: dt.date
    outcome: str | None = None      # with results: "no_problems" | "problems_found" | "pending"
    done_on: dt.date | None = None
    task_id: int | None = None      # with results: the inspection task that visits the entity


def notice_rows(db: Database, batch_id: int, *, with_results: bool = False,
                tasks: Collection[int] | None = None) -> list[NoticeRow]:
    """The rows of a drawn (or published) batch's public notice, in USCC order.

    With ``tasks`` (inspection task ids) only the results of those tasks, numbered from 1:
    the rows of a results notice that publishes them (implies ``with_results``).
    """
    with_results = with_results or tasks is not None
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        require_status(batch, DrawStatus.DRAWN, DrawStatus.PUBLISHED, doing=("公示", "noticed"))
        depts = batch_departments(s, batch)
        dept_names = {d.id: (d.name_zh, d.name_en) for d in s.scalars(
            select(Department).where(Department.id.in_([d.department_id for d in depts])))}
        matter_ids = list(dict.fromkeys(int(m) for d in depts for m in d.matter_ids or ()))
        matters = {m.id: m for m in s.scalars(select(RegulatoryMatter).where(RegulatoryMatter.id.in_(matter_ids)))}
        matters_zh = tuple(matters[m].name_zh for m in matter_ids if m in matters)
        matters_en = tuple(matters[m].name_en for m in matter_ids if m in matters)
        departments_zh = tuple(dept_names[d.department_id][0] for d in depts)
        departments_en = tuple(dept_names[d.department_id][1] for d in depts)
        objects = s.execute(select(DrawnObject.id, DrawnObject.entity_id, MarketEntity.name, MarketEntity.uscc,
                                   MarketEntity.address)
                            .join(MarketEntity, MarketEntity.id == DrawnObject.entity_id)
                            .where(DrawnObject.batch_id == batch_id).order_by(MarketEntity.uscc)).all()
        outcomes: dict[int, tuple[str, dt.date | None, int | None]] = {}
        if with_results:
            outcomes = _outcomes(s, batch.id, [o[0] for o in objects], [o[1] for o in objects], matter_ids)
        if tasks is not None:
            wanted = set(tasks)
            objects = [o for o in objects if outcomes.get(o[0], (None, None, None))[2] in wanted]
        return [NoticeRow(n, e, name, uscc, address, matters_zh, matters_en, departments_zh, departments_en,
                          batch.window_start, batch.window_end,
                          *(outcomes.get(obj, ("pending", None, None)) if with_results else (None, None, None)))
                for n, (obj, e, name, uscc, address) in enumerate(objects, start=1)]


def objects_tasks(s, batch_id: int, object_ids: list[int], entity_ids: list[int]) -> dict[int, int]:
    """Per drawn object of the batch: the task that visits it (linked, else by entity)."""
    task_of: dict[int, int] = {}
    for k in range(0, len(object_ids), _IN_CHUNK):
        task_of.update(s.execute(select(task_drawn_objects.c.drawn_object_id, task_drawn_objects.c.task_id)
                                 .where(task_drawn_objects.c.drawn_object_id.in_(object_ids[k:k + _IN_CHUNK])))
                       .tuples().all())
    if len(task_of) < len(object_ids):  # batches drawn before tasks were linked (the demo's history)
        by_entity = dict(s.execute(select(InspectionTask.entity_id, InspectionTask.id)
                                   .where(InspectionTask.batch_id == batch_id)).tuples().all())
        for obj, e in zip(object_ids, entity_ids):
            if obj not in task_of and e in by_entity:
                task_of[obj] = by_entity[e]
    return task_of


def _outcomes(s, batch_id: int, object_ids: list[int], entity_ids: list[int],
              matter_ids: list[int]) -> dict[int, tuple[str, dt.date | None, int | None]]:
    """Per drawn object: the result of its task on this batch's matters, and the task."""
    task_of = objects_tasks(s, batch_id, object_ids, entity_ids)
    task_ids = sorted(set(task_of.values()))
    status: dict[int, tuple[TaskStatus, dt.date | None]] = {}
    failed: set[int] = set()
    for k in range(0, len(task_ids), _IN_CHUNK):
        chunk = task_ids[k:k + _IN_CHUNK]
        for t, st, done in s.execute(select(InspectionTask.id, InspectionTask.status, InspectionTask.done_on)
                                     .where(InspectionTask.id.in_(chunk))):
            status[t] = (st, done)
        for (t,) in s.execute(select(InspectionResult.task_id)
                              .join(ChecklistItem, ChecklistItem.id == InspectionResult.checklist_item_id)
                              .where(InspectionResult.task_id.in_(chunk), InspectionResult.outcome == "fail",
                                     ChecklistItem.matter_id.in_(matter_ids))):
            failed.add(t)
    out = {}
    for obj, t in task_of.items():
        st, done = status.get(t, (TaskStatus.PLANNED, None))
        if st != TaskStatus.DONE:
            out[obj] = ("pending", None, t)
        else:
            out[obj] = ("problems_found" if t in failed else "no_problems", done, t)
    return out


def notice_title(db: Database, batch_id: int, *, lang: str = "zh_CN", with_results: bool = False) -> str:
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        plan = s.get(DrawPlan, batch.plan_id)
        if lang.startswith("zh"):
            return f"{plan.name}：{batch.name} {'抽查结果公示' if with_results else '抽查对象名单公示'}"
        return f"{plan.name}: {batch.name} — {'inspection results' if with_results else 'entities to be inspected'}"


PROVISIONAL_MARK = {"zh": "（暂定）", "en": " (provisional)"}


def _results_due(s, batch) -> dt.date | None:
    return s.scalar(select(DrawRecord.results_due).where(DrawRecord.batch_id == batch.id))


def results_due_note(batch, due: dt.date | None, calendar: WorkdayCalendar) -> ProvisionalNote | None:
    """Why the results due date (20 working days after the window) is provisional, or None."""
    if due is None or due <= batch.window_end:
        return None
    return explain_provisional(calendar.provisional_years(batch.window_end + dt.timedelta(days=1), due), calendar)


def notice_lead(db: Database, batch_id: int, *, lang: str = "zh_CN", with_results: bool = False,
                calendar: WorkdayCalendar | None = None) -> str:
    """The sentence above the notice's table: who drew, how many, from what pool, when, and
    by when the results are published (marked provisional when counted across a year whose
    holiday schedule is not known; the footer says why).

    A fact the batch does not carry (no lead department, a pool size never recorded, no
    results deadline before the draw) is left out of the sentence, never printed as empty or None.
    """
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        count = s.scalar(select(func.count()).select_from(DrawnObject).where(DrawnObject.batch_id == batch_id)) or 0
        lead = s.get(Department, batch.lead_department_id) if batch.lead_department_id is not None else None
        due = _results_due(s, batch)
    window = f"{batch.window_start.isoformat()} — {batch.window_end.isoformat()}"
    pool = batch.pool_count
    zh = lang.startswith("zh")
    note = results_due_note(batch, due, calendar or default_calendar())
    due_text = "" if due is None else due.isoformat() + (PROVISIONAL_MARK["zh" if zh else "en"] if note else "")
    if zh:
        what = "现将抽查结果公示如下" if with_results else "现将抽查对象名单公示如下"
        who = f"{lead.name_zh}牵头，" if lead is not None and lead.name_zh else ""
        drawn = (f"从 {pool:,} 户检查对象中随机抽取 {count:,} 户" if pool is not None else
                 f"随机抽取 {count:,} 户（检查对象库户数未记录）")
        by = f"，检查结果于 {due_text} 前公示" if due_text else ""
        return f"根据“双随机、一公开”监管要求，{who}{drawn}，检查时间 {window}{by}。{what}。"
    what = "The results are published below." if with_results else "The entities to be inspected are listed below."
    who = f", led by {lead.name_en}" if lead is not None and lead.name_en else ""
    drawn = (f"{count:,} entities were drawn at random from a pool of {pool:,}" if pool is not None else
             f"{count:,} entities were drawn at random (the pool size was not recorded)")
    by = f"; results published by {due_text}" if due_text else ""
    return f"Under the \"double random, one public\" rules{who}, {drawn}; inspection window {window}{by}. {what}"


def notice_footer(db: Database, batch_id: int, *, lang: str = "zh_CN", calendar: WorkdayCalendar | None = None) -> str:
    """The line under the table: the pool hash and the full record's digest (the public
    record names it), then, when the lead's results date is provisional, why and which
    schedule file would make it official.

    Never prints an empty value or None: a batch imported from before draws were recorded
    (the demo's history) has no draw record, and the footer says so and why it cannot be
    re-run.
    """
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        note = results_due_note(batch, _results_due(s, batch), calendar or default_calendar())
    line = _verification_line(db, batch_id, lang)
    if note is None:
        return line
    if lang.startswith("zh"):
        return f"{line}注：标注“暂定”的日期：{note.text(lang)}"
    return f"{line} Note on the date marked “provisional”: {note.text(lang)}"


def _verification_line(db: Database, batch_id: int, lang: str) -> str:
    with db.sessions() as s:
        batch = get_batch(s, batch_id)
        record = s.scalar(select(DrawRecord).where(DrawRecord.batch_id == batch_id))
        digest = record.digest if record is not None else None
    zh = lang.startswith("zh")
    pool_hash = batch.pool_hash or ("未记录" if zh else "not recorded")
    if digest and batch.draw_key:
        if zh:
            return (f"名录哈希值（SHA-256）：{pool_hash}；随机数密钥串：{batch.draw_key}；抽取记录摘要：{digest}。"
                    f"任何人可用载明此摘要的公开抽取记录核对名录、随机数和检查组，监督审查方可用完整抽取记录"
                    f"复核整个抽取（tongguan draw verify）。")
        return (f"Pool hash (SHA-256): {pool_hash}; key: {batch.draw_key}; record digest: {digest}. "
                f"Anyone can check the pool, the randomness and the teams with the public draw record, which names "
                f"this digest; auditors re-run the whole draw from the full record (tongguan draw verify).")
    if record is None:
        why_zh = "本批次为系统启用前导入，无抽取记录"
        why_en = "this batch was imported from before draws were recorded: there is no draw record"
    elif not digest:
        why_zh = "本批次尚未完成抽取，无抽取记录摘要"
        why_en = "this batch has not been drawn yet: there is no record digest"
    else:
        why_zh = "本批次的随机数密钥串未记录"
        why_en = "this batch's key was not recorded"
    if zh:
        return (f"名录哈希值（SHA-256）：{pool_hash}。{why_zh}（无随机数密钥串和抽取记录摘要），"
                f"不能用 tongguan draw verify 复核本次抽取。")
    return (f"Pool hash (SHA-256): {pool_hash}. {why_en[0].upper()}{why_en[1:]} (no key, no record digest), "
            f"so this draw cannot be re-run with tongguan draw verify.")


def notice_headers(lang: str, with_results: bool) -> list[str]:
    zh = lang.startswith("zh")
    header = (["序号", "市场主体名称", "统一社会信用代码", "住所/经营场所", "抽查事项", "检查部门", "检查时间"] if zh else
              ["No.", "Entity", "USCC", "Address", "Matters", "Departments", "Inspection window"])
    if with_results:
        header += ["检查结果", "检查完成日期"] if zh else ["Result", "Inspected on"]
    return header


def notice_values(row: NoticeRow, lang: str, with_results: bool) -> list:
    """A row under :func:`notice_headers`; the inspection date is a ``date`` (its text is ISO), or ""."""
    zh = lang.startswith("zh")
    sep = "、" if zh else "; "
    values = [row.no, row.entity_name, row.uscc, row.address,
              sep.join(row.matters_zh if zh else row.matters_en),
              sep.join(row.departments_zh if zh else row.departments_en),
              f"{row.window_start.isoformat()} — {row.window_end.isoformat()}"]
    if with_results:
        label = OUTCOMES.get(row.outcome or "pending", OUTCOMES["pending"])
        values += [label[0] if zh else label[1], row.done_on or ""]
    return values


def notice_columns(lang: str, with_results: bool) -> list[Column]:
    """The notice's columns for a spreadsheet: the number counts, the credit code stays text."""
    kinds = {0: NUMBER, 2: CODE, 8: DATE}
    return [Column(h, kinds.get(i, TEXT)) for i, h in enumerate(notice_headers(lang, with_results))]


def export_notice_xlsx(db: Database, batch_id: int, path: str | Path, *, lang: str = "zh_CN",
                       with_results: bool = False, rows: Sequence[NoticeRow] | None = None) -> Path:
    """Write the batch's public notice to an .xlsx file (no risk class anywhere): the title
    in the first row, the table below it. ``rows`` (from :func:`notice_rows`) are written
    instead of every row of the batch: a results notice of some results only."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("公示表须保存为 .xlsx (the notice is written as an .xlsx file)", where=str(path))
    if rows is None:
        rows = notice_rows(db, batch_id, with_results=with_results)
    title = notice_title(db, batch_id, lang=lang, with_results=with_results)
    write_xlsx(path, [Sheet("公示" if lang.startswith("zh") else "Notice", notice_columns(lang, with_results),
                            [notice_values(row, lang, with_results) for row in rows], title=title)])
    return path
