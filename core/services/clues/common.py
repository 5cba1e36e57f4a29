"""What the clue services share: lookups, the event + timeline + audit of every step."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clues.states import state_name
from core.credit.city import rescore
from core.credit.kinds import classify
from core.db.models import Clue, ClueEvent, ClueSource, Department, EntityRecord, MarketEntity, RecordKind, Village
from core.db.models.base import utcnow
from core.db.uow import UnitOfWork
from core.errors import NotFound

# Local practice for how long a clue may take, by where it came from (working days);
# callers may pass their own (the deadline policy).
HANDLING_WORKING_DAYS = {"grid": 5, "hotline": 10, "department": 15, "model": 15, "inspection": 10}

SOURCE_NAMES = {
    "grid": ("网格上报", "Town grid"),
    "hotline": ("投诉举报（12345）", "Complaint / 12345"),
    "department": ("部门系统推送", "Department system"),
    "model": ("数据模型预警", "Data-model warning"),
    "inspection": ("检查发现", "Inspection finding"),
}


def new_ref(prefix: str, day: dt.date) -> str:
    return f"{prefix}{day:%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"


def get_clue(s: Session, clue_id: int, *, for_update: bool = False) -> Clue:
    clue = s.get(Clue, clue_id, with_for_update=for_update)
    if clue is None:
        raise NotFound(f"线索 {clue_id} 不存在 (clue {clue_id} does not exist)", where="clue")
    return clue


def clue_town(s: Session, clue: Clue) -> str | None:
    """The town of the grid a clue was raised in (its village's town, else its entity's)."""
    if clue.source_village_code is not None:
        return s.scalar(select(Village.town_code).where(Village.code == clue.source_village_code))
    if clue.entity_id is not None:
        return s.scalar(select(MarketEntity.town_code).where(MarketEntity.id == clue.entity_id))
    return None


def require_on_clue(uow: UnitOfWork, permission: str, clue: Clue) -> None:
    """Refuse unless the unit's principal may do ``permission`` on ``clue`` (its department, its town)."""
    uow.require(permission, department_id=clue.department_id, town_code=clue_town(uow.session, clue))


def department_name(s: Session, department_id: int | None) -> str:
    if department_id is None:
        return ""
    d = s.get(Department, department_id)
    if d is None:
        raise NotFound(f"部门 {department_id} 不存在 (department {department_id} does not exist)", where="department")
    return d.name_zh


def record_step(uow: UnitOfWork, clue: Clue, from_state: str | None, to_state: str, *, note: str = "",
                department_id: int | None = None, at: dt.datetime | None = None) -> ClueEvent:
    """One step of a clue: its event, a line on the entity's timeline (if the entity is known), the audit."""
    s = uow.session
    at = at or utcnow()
    event = ClueEvent(clue_id=clue.id, at=at, actor=uow.actor, from_state=from_state, to_state=to_state,
                      department_id=department_id, note=note[:400])
    s.add(event)
    if clue.entity_id is not None:
        source = SOURCE_NAMES.get(getattr(clue.source, "value", clue.source), ("线索", "Clue"))[0]
        where = department_name(s, department_id)
        title = f"线索 {clue.ref_no}（{source}）{state_name(to_state)}" + (f"：{where}" if where else "")
        kind = RecordKind.GRID_EVENT if clue.source == ClueSource.GRID else RecordKind.COMPLAINT
        s.add(EntityRecord(entity_id=clue.entity_id, occurred_on=at.date(), department_id=department_id,
                           kind=kind, ref_no=clue.ref_no[:40], title=title[:200], outcome=note[:200] or None))
        if classify(kind.value, title, note[:200] or None) is not None:
            s.flush()
            if rescore(s, [clue.entity_id]):  # an upheld complaint counts for the entity's class at once
                uow.touch("entities", [clue.entity_id])  # its class moved: maps and lists follow
    uow.audit(f"clue.{to_state}", "clue", clue.id, before={"state": from_state},
              after={"state": to_state, "department_id": department_id, "note": note})
    return event
