"""A clue as the console shows it: its fields, its steps, its files and what may happen next."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from core.clues.states import allowed_actions
from core.db.database import Database
from core.db.models import Case, ClueAttachment, ClueEvent, MarketEntity, RegulatoryMatter
from core.rights import require
from core.services.read_scope import principal_of

from .common import clue_town, get_clue


@dataclass(frozen=True)
class ClueStep:
    at: dt.datetime
    actor: str
    from_state: str | None
    to_state: str
    department_id: int | None
    note: str


@dataclass(frozen=True)
class FileInfo:
    id: int
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ClueDetail:
    id: int
    ref_no: str
    source: str
    source_ref: str | None
    source_village_code: str | None
    entity_id: int | None
    uscc: str | None
    entity_name: str | None
    lat: float | None
    lng: float | None
    matter_id: int | None
    matter_code: str | None
    description: str
    department_id: int | None
    state: str
    received_at: dt.datetime
    due_on: dt.date | None
    closed_at: dt.datetime | None
    duplicate_of_id: int | None
    steps: tuple[ClueStep, ...]
    files: tuple[FileInfo, ...]
    case_refs: tuple[str, ...]
    actions: tuple[str, ...]       # keys of the actions its state allows
    # A foreign system's words (core.feeds.foreign_codes): its name, the code and name it sent,
    # and a credit code the registry does not hold (主体未登记).
    source_system: str | None = None
    foreign_service_code: str | None = None
    foreign_service_name: str | None = None
    unregistered_uscc: str | None = None

    @property
    def updated_at(self) -> dt.datetime:
        return self.steps[-1].at if self.steps else self.received_at

    @property
    def result(self) -> str:
        """The last result fed back (what the source sees)."""
        return next((st.note for st in reversed(self.steps) if st.to_state == "fed_back"), "")


def clue_detail(db: Database, clue_id: int, *, viewer: object | None = None) -> ClueDetail:
    """Clue ``clue_id``; refused (``clue.read``) when ``viewer`` may not see it (None: a core caller)."""
    with db.sessions() as s:
        c = get_clue(s, clue_id)
        principal = principal_of(s, viewer)
        if principal is not None:
            require(principal, "clue.read", department_id=c.department_id, town_code=clue_town(s, c))
        entity = s.get(MarketEntity, c.entity_id) if c.entity_id else None
        matter = s.get(RegulatoryMatter, c.matter_id) if c.matter_id else None
        steps = tuple(ClueStep(e.at, e.actor, e.from_state, e.to_state, e.department_id, e.note)
                      for e in s.scalars(select(ClueEvent).where(ClueEvent.clue_id == c.id)
                                         .order_by(ClueEvent.at, ClueEvent.id)))
        files = tuple(FileInfo(*row) for row in s.execute(
            select(ClueAttachment.id, ClueAttachment.filename, ClueAttachment.media_type, ClueAttachment.size,
                   ClueAttachment.sha256).where(ClueAttachment.clue_id == c.id).order_by(ClueAttachment.id)))
        cases = tuple(s.scalars(select(Case.ref_no).where(Case.clue_id == c.id).order_by(Case.id)))
        return ClueDetail(
            c.id, c.ref_no, c.source.value, c.source_ref, c.source_village_code, c.entity_id,
            entity.uscc if entity else None, entity.name if entity else None, c.lat, c.lng, c.matter_id,
            matter.code if matter else None, c.description, c.department_id, c.state.value,
            c.received_at, c.due_on, c.closed_at, c.duplicate_of_id, steps, files, cases,
            tuple(a.key for a in allowed_actions(c.state)), c.source_system, c.foreign_service_code,
            c.foreign_service_name, c.unregistered_uscc)
