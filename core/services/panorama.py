"""The entity panorama (全景): everything known about one entity, for one screen.

One call, a handful of indexed queries, frozen results: the UI thread gets plain data.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import (
    BatchDepartment,
    Case,
    Clue,
    Commitment,
    CommitmentVerification,
    Department,
    DrawBatch,
    DrawnObject,
    EntityRecord,
    Industry,
    InspectionTask,
    MarketEntity,
    NotificationPush,
    Tag,
    Town,
    Village,
    entity_tags,
)
from core.clues import OPEN_STATES
from core.errors import NotFound
from core.rights import risk_visible
from core.workdays import ProvisionalNote, WorkdayCalendar, default_calendar, explain_provisional

from .tagging import TagInfo

OPEN_CLUE_STATES = tuple(sorted(OPEN_STATES))  # on someone's clock (core.clues)


@dataclass(frozen=True)
class EntityHeader:
    id: int
    uscc: str
    name: str
    entity_type: str
    industry_code: str
    industry_zh: str
    industry_en: str
    legal_rep: str
    address: str
    town_code: str
    town_zh: str
    town_en: str
    village_code: str
    village_zh: str
    lat: float
    lng: float
    registered_on: dt.date
    status: str
    risk_class: str
    tags: tuple[TagInfo, ...]


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    kind: str
    occurred_on: dt.date
    department_id: int | None
    department_zh: str | None
    department_en: str | None
    title: str
    outcome: str | None
    ref_no: str | None
    amount_yuan: float | None
    valid_until: dt.date | None


@dataclass(frozen=True)
class OpenItem:
    """Something still running for the entity, with its deadline."""

    kind: str  # "clue" | "case" | "push" | "commitment" | "inspection"
    ref: str
    title: str
    state: str
    due_on: dt.date | None
    department_zh: str | None
    department_en: str | None
    title_en: str | None = None  # when the title is fixed vocabulary rather than data
    provisional: ProvisionalNote | None = None  # the deadline counts working days of a provisional year

    def overdue(self, today: dt.date) -> bool:
        return self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class DrawEntry:
    batch_id: int
    batch_name: str
    window_start: dt.date
    window_end: dt.date
    stratum: str
    departments_zh: tuple[str, ...]
    departments_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class ObligationEntry:
    """A double-notification push or a notification-commitment, open or done."""

    kind: str  # "push" | "commitment"
    title: str
    department_zh: str | None
    department_en: str | None
    started_on: dt.date
    due_on: dt.date | None
    done_on: dt.date | None
    status: str
    provisional: ProvisionalNote | None = None  # the deadline counts working days of a provisional year


@dataclass(frozen=True)
class Panorama:
    header: EntityHeader
    timeline: tuple[TimelineEntry, ...]
    open_items: tuple[OpenItem, ...]
    draws: tuple[DrawEntry, ...]
    obligations: tuple[ObligationEntry, ...]


def _departments(s: Session) -> dict[int, Department]:
    return {d.id: d for d in s.scalars(select(Department))}


def _note(calendar: WorkdayCalendar, start: dt.date | None, due: dt.date | None) -> ProvisionalNote | None:
    """Why a working-day deadline counted from ``start`` to ``due`` is provisional, or None."""
    if due is None:
        return None
    if start is None or start >= due:
        return explain_provisional(due, calendar)
    return explain_provisional(calendar.provisional_years(start + dt.timedelta(days=1), due), calendar)


def load_panorama(db: Database, entity_id: int, *, calendar: WorkdayCalendar | None = None,
                  viewer: object | None = None) -> Panorama:
    """Everything about one entity; NotFound if there is no such entity.

    ``viewer`` (the signed-in user) decides whether the risk class and the draw strata
    (which are risk classes) are filled in or left empty (core.rights ``risk.read``).

    The working-day deadlines (clues, pushes, commitment checks) carry the note of
    :func:`core.workdays.explain_provisional` when they count a provisional year of
    ``calendar``; a case's 90 calendar days and an inspection's window end never do.
    """
    cal = calendar or default_calendar()
    with db.sessions() as s:
        show_risk = risk_visible(s, viewer)
        e = s.get(MarketEntity, entity_id)
        if e is None:
            raise NotFound(f"no market entity with id {entity_id}")
        depts = _departments(s)

        def dzh(i: int | None) -> str | None:
            return depts[i].name_zh if i in depts else None

        def den(i: int | None) -> str | None:
            return depts[i].name_en if i in depts else None

        town, village, industry = s.get(Town, e.town_code), s.get(Village, e.village_code), s.get(Industry, e.industry_code)
        tags = tuple(TagInfo(t.id, t.code, t.name_zh, t.name_en, t.colour, t.meaning_zh, t.meaning_en)
                     for t in s.scalars(select(Tag).join(entity_tags, entity_tags.c.tag_id == Tag.id)
                                        .where(entity_tags.c.entity_id == entity_id).order_by(Tag.name_zh)))
        header = EntityHeader(
            e.id, e.uscc, e.name, e.entity_type.value, e.industry_code, industry.name_zh if industry else "",
            industry.name_en if industry else "", e.legal_rep, e.address, e.town_code,
            town.name_zh if town else "", town.name_en if town else "", e.village_code,
            village.name_zh if village else "", e.lat, e.lng, e.registered_on, e.status.value,
            e.risk_class.value if show_risk else "", tags)
        timeline = tuple(
            TimelineEntry(r.id, r.kind.value, r.occurred_on, r.department_id, dzh(r.department_id),
                          den(r.department_id), r.title, r.outcome, r.ref_no, r.amount_yuan, r.valid_until)
            for r in s.scalars(select(EntityRecord).where(EntityRecord.entity_id == entity_id)
                               .order_by(EntityRecord.occurred_on.desc(), EntityRecord.id.desc())))
        open_items: list[OpenItem] = []
        for c in s.scalars(select(Clue).where(Clue.entity_id == entity_id, Clue.state.in_(OPEN_CLUE_STATES))):
            open_items.append(OpenItem("clue", c.ref_no, c.description, c.state.value, c.due_on,
                                       dzh(c.department_id), den(c.department_id),
                                       provisional=_note(cal, c.received_at.date(), c.due_on)))
        for c in s.scalars(select(Case).where(Case.entity_id == entity_id, Case.status == "filed")):
            open_items.append(OpenItem("case", c.ref_no, "立案调查", c.status.value, c.decision_due,
                                       dzh(c.department_id), den(c.department_id), "Case under investigation"))
        for t in s.scalars(select(InspectionTask).where(InspectionTask.entity_id == entity_id,
                                                        InspectionTask.status.in_(("planned", "in_progress")))):
            open_items.append(OpenItem("inspection", f"JC{t.id:06d}", "联合检查" if t.joint else "检查任务",
                                       t.status.value, t.due_on, dzh(t.lead_department_id), den(t.lead_department_id),
                                       "Joint inspection" if t.joint else "Inspection task"))
        obligations: list[ObligationEntry] = []
        for p in s.scalars(select(NotificationPush).where(NotificationPush.entity_id == entity_id)):
            obligations.append(ObligationEntry("push", p.permit_name, dzh(p.department_id), den(p.department_id),
                                               p.pushed_on,
                                               p.claim_due, p.claimed_on, p.status.value,
                                               _note(cal, p.pushed_on, p.claim_due)))
            if p.status.value == "pending":
                open_items.append(OpenItem("push", f"SGZ{p.id:06d}", p.permit_name, "pending", p.claim_due,
                                           dzh(p.department_id), den(p.department_id),
                                           provisional=_note(cal, p.pushed_on, p.claim_due)))
        for c, v in s.execute(select(Commitment, CommitmentVerification)
                              .outerjoin(CommitmentVerification, CommitmentVerification.commitment_id == Commitment.id)
                              .where(Commitment.entity_id == entity_id)).tuples():
            obligations.append(ObligationEntry("commitment", c.matter_name, dzh(c.department_id),
                                               den(c.department_id), c.fulfil_by,
                                               v.due_on if v else None, v.done_on if v else None, c.status.value,
                                               _note(cal, c.fulfil_by, v.due_on) if v else None))
            if c.status.value == "pending":
                open_items.append(OpenItem("commitment", f"CN{c.id:06d}", c.matter_name, "pending",
                                           v.due_on if v else c.fulfil_by, dzh(c.department_id), den(c.department_id),
                                           provisional=_note(cal, c.fulfil_by, v.due_on) if v else None))
        draws = []
        for obj, batch in s.execute(select(DrawnObject, DrawBatch).join(DrawBatch, DrawBatch.id == DrawnObject.batch_id)
                                    .where(DrawnObject.entity_id == entity_id)
                                    .order_by(DrawBatch.window_start.desc())).tuples():
            dept_ids = list(s.scalars(select(BatchDepartment.department_id).where(BatchDepartment.batch_id == batch.id)))
            draws.append(DrawEntry(batch.id, batch.name, batch.window_start, batch.window_end,
                                   obj.stratum.value if show_risk else "",
                                   tuple(dzh(d) or "" for d in dept_ids), tuple(den(d) or "" for d in dept_ids)))
    open_items.sort(key=lambda i: (i.due_on or dt.date.max, i.ref))
    return Panorama(header, timeline, tuple(open_items), tuple(draws), tuple(obligations))


def find_by_uscc(db: Database, code: str) -> int:
    """The id of the entity with this credit code; NotFound otherwise."""
    with db.sessions() as s:
        found = s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == code.strip().upper()))
    if found is None:
        raise NotFound(f"no market entity with credit code {code}")
    return found
