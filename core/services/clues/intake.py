"""A clue comes in: check what was given, find the entity, route it, start its clock.

The entity is named by its USCC, or the clue carries a location (and the grid village)
when nobody knows the entity yet. Routing follows the administrators' rules unless the
center names the department; a routed clue is assigned at once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import uscc as uscc_codes
from core.db.database import Database
from core.db.models import (
    Clue,
    ClueAttachment,
    ClueSource,
    ClueState,
    MarketEntity,
    RegulatoryMatter,
    Village,
)
from core.db.models.base import utcnow
from core.errors import NotFound, ValidationError
from core.text_input import check_code, check_text
from core.workdays import WorkdayCalendar, default_calendar

from .common import HANDLING_WORKING_DAYS, department_name, get_clue, new_ref, record_step, require_on_clue
from .routing import route

MAX_ATTACHMENT_BYTES = 20 * 2**20
MAX_DESCRIPTION = 2000


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    media_type: str = ""

    @classmethod
    def from_file(cls, path: str | Path) -> Attachment:
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise ValidationError(f"附件超过 20 MB (an attachment is at most 20 MB): {path.name} is "
                                      f"{size / 2**20:.1f} MB", where=str(path),
                                      code="clue.attachment_too_big", params={"file": path.name})
            return cls(path.name, path.read_bytes())
        except OSError as error:
            raise ValidationError(f"附件无法读取 (the attachment cannot be read): {error}", where=str(path),
                                  code="clue.attachment_unreadable", params={"file": path.name}) from None


@dataclass(frozen=True)
class NewClue:
    source: str                       # grid | hotline | department | model | inspection
    description: str
    uscc: str | None = None           # the entity, when known
    lat: float | None = None          # else where it is (WGS-84)
    lng: float | None = None
    village_code: str | None = None   # the grid village that reported it
    matter_id: int | None = None
    department_id: int | None = None  # the center's choice; else the routing rules decide
    source_ref: str | None = None     # the id in the system it came from
    received_at: dt.datetime | None = None
    attachments: Sequence[Attachment] = field(default_factory=tuple)


def _entity(s: Session, code: str | None) -> MarketEntity | None:
    if not code:
        return None
    compact = uscc_codes.validate(code)
    entity = s.scalar(select(MarketEntity).where(MarketEntity.uscc == compact))
    if entity is None:
        raise NotFound(f"没有统一社会信用代码为 {compact} 的市场主体 (no market entity has USCC {compact})",
                       where="uscc", code="clue.no_entity", params={"uscc": compact})
    return entity


def _checked(s: Session, new: NewClue) -> tuple[MarketEntity | None, Village | None]:
    try:
        ClueSource(new.source)
    except ValueError:
        raise ValidationError(f"线索来源须为 {', '.join(ClueSource)} 之一，不是 {new.source!r} "
                              f"(unknown clue source)", where="source", code="clue.unknown_source",
                              params={"source": new.source, "allowed": ", ".join(ClueSource)}) from None
    text = (new.description or "").strip() if isinstance(new.description, str) else new.description
    if not text:
        raise ValidationError("请描述线索内容 (a clue needs a description)", where="description",
                              code="clue.needs_description")
    if isinstance(text, str) and len(text) > MAX_DESCRIPTION:
        raise ValidationError(f"线索描述不超过 {MAX_DESCRIPTION} 字 (at most {MAX_DESCRIPTION} characters)",
                              where="description", code="clue.description_too_long", params={"max": MAX_DESCRIPTION})
    check_text(text, "description", max_length=MAX_DESCRIPTION)  # NUL, broken Unicode: as PostgreSQL would
    check_code(new.source_ref, "source_ref", max_length=64)
    for n, a in enumerate(new.attachments):
        check_text(a.filename, f"attachments[{n}]", max_length=200, required=True, multiline=False)
    entity = _entity(s, new.uscc)
    village = s.get(Village, new.village_code) if new.village_code else None
    if new.village_code and village is None:
        raise NotFound(f"没有代码为 {new.village_code} 的村社 (no village {new.village_code})", where="village",
                       code="clue.no_village", params={"village": new.village_code})
    if entity is None and (new.lat is None or new.lng is None) and village is None:
        raise ValidationError("线索须指明市场主体（统一社会信用代码）或发生位置 "
                              "(a clue names the entity by its USCC, or where it is)", where="uscc",
                              code="clue.needs_place")
    if new.lat is not None and not (-90 <= new.lat <= 90 and -180 <= new.lng <= 180):
        raise ValidationError(f"位置坐标无效 (not a position): {new.lat}, {new.lng}", where="location",
                              code="clue.bad_position", params={"lat": new.lat, "lng": new.lng})
    if new.matter_id is not None and s.get(RegulatoryMatter, new.matter_id) is None:
        raise NotFound(f"监管事项 {new.matter_id} 不存在 (no matter {new.matter_id})", where="matter",
                       code="clue.no_matter", params={"matter": new.matter_id})
    department_name(s, new.department_id)  # NotFound for an unknown department
    for a in new.attachments:
        if len(a.content) > MAX_ATTACHMENT_BYTES:
            raise ValidationError(f"附件超过 20 MB (an attachment is at most 20 MB): {a.filename}",
                                  where=a.filename, code="clue.attachment_too_big",
                                  params={"file": a.filename})
    return entity, village


def add_attachments(s: Session, actor: str, clue_id: int, attachments: Sequence[Attachment]) -> None:
    now = utcnow()
    for a in attachments:
        media = a.media_type or mimetypes.guess_type(a.filename)[0] or "application/octet-stream"
        s.add(ClueAttachment(clue_id=clue_id, filename=Path(a.filename).name[:200], media_type=media[:100],
                             size=len(a.content), sha256=hashlib.sha256(a.content).hexdigest(), content=a.content,
                             added_at=now, added_by=actor))


def create_clue(db: Database, actor: str, new: NewClue, *, calendar: WorkdayCalendar | None = None,
                handling_working_days: int | None = None) -> int:
    """Store ``new`` (received, then assigned if a department is known); returns the clue id.

    The handling deadline is ``handling_working_days`` (default by source) working days
    after it was received. Attachments are kept with the clue. One transaction, audited.
    """
    calendar = calendar or default_calendar()
    with db.uow(actor) as uow:
        s = uow.session
        entity, village = _checked(s, new)
        received = new.received_at or utcnow()
        days = handling_working_days if handling_working_days is not None else HANDLING_WORKING_DAYS[new.source]
        town = entity.town_code if entity else (village.town_code if village else None)
        department = new.department_id or route(s, new.matter_id, entity.industry_code if entity else None, town)
        uow.require("clue.intake", department_id=department, town_code=town)
        clue = Clue(ref_no=new_ref("XS", received.date()), source=ClueSource(new.source),
                    source_village_code=village.code if village else (entity.village_code if entity else None),
                    entity_id=entity.id if entity else None,
                    lat=new.lat if new.lat is not None else (entity.lat if entity else village.lat),
                    lng=new.lng if new.lng is not None else (entity.lng if entity else village.lng),
                    matter_id=new.matter_id, description=new.description.strip(), department_id=department,
                    state=ClueState.RECEIVED, received_at=received,
                    due_on=calendar.add_working_days(received.date(), days).date, source_ref=new.source_ref)
        s.add(clue)
        s.flush()
        record_step(uow, clue, None, ClueState.RECEIVED.value, at=received)
        if department is not None:
            clue.state = ClueState.ASSIGNED
            how = "按分派规则" if new.department_id is None else "指定"
            record_step(uow, clue, ClueState.RECEIVED.value, ClueState.ASSIGNED.value, department_id=department,
                        note=f"{how}分派 ({'routing rules' if new.department_id is None else 'chosen'})", at=received)
        add_attachments(s, uow.actor, clue.id, new.attachments)
        uow.commit()
        return clue.id


def attach(db: Database, actor: str, clue_id: int, attachments: Sequence[Attachment]) -> None:
    """Keep more files with a clue (audited)."""
    with db.uow(actor) as uow:
        require_on_clue(uow, "clue.intake", get_clue(uow.session, clue_id))
        for a in attachments:
            if len(a.content) > MAX_ATTACHMENT_BYTES:
                raise ValidationError(f"附件超过 20 MB (an attachment is at most 20 MB): {a.filename}",
                                      where=a.filename, code="clue.attachment_too_big",
                                  params={"file": a.filename})
        add_attachments(uow.session, uow.actor, clue_id, attachments)
        uow.audit("clue.attach", "clue", clue_id, after={"files": [a.filename for a in attachments]})
        uow.commit()


def attachment_content(db: Database, attachment_id: int, actor: str | None = None) -> tuple[str, bytes]:
    """(file name, bytes) of a kept attachment; the bytes are checked against their SHA-256.

    With ``actor`` the opening is audited (who, which clue, which file) before the bytes are given out.
    """
    with db.sessions() as s:
        a = s.get(ClueAttachment, attachment_id)
        if a is None:
            raise NotFound(f"附件 {attachment_id} 不存在 (attachment {attachment_id} does not exist)", where="attachment",
                           code="clue.no_attachment", params={"attachment": attachment_id})
        if hashlib.sha256(a.content).hexdigest() != a.sha256:
            raise ValidationError(f"附件 {a.filename} 已损坏：校验值不符 (the stored file no longer matches its "
                                  f"SHA-256)", where=a.filename, code="clue.attachment_corrupt",
                                  params={"file": a.filename})
        filename, content, clue_id = a.filename, bytes(a.content), a.clue_id
    if actor:
        from core.services.audit_events import record_attachment_open
        record_attachment_open(db, actor, attachment_id, clue_id, filename, len(content))
    return filename, content
