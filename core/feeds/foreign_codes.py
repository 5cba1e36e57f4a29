"""Open311 service codes of systems that are not ours (a 12345 hotline, a town grid system).

An unknown ``service_code`` does not refuse a request: the clue keeps the code and name it came
with (``Clue.foreign_service_code``/``foreign_service_name``, given back on export) and waits,
unrouted, in the center's queue (no department, state received). An administrator maps a
system's code to one of our matters once (``feeds.manage``, audited); later requests with that
code are routed like any other, and the clues already waiting with it are routed at once. A
mapping for system ``*`` holds for every system.

A request naming a credit code the registry does not hold is accepted as well: unlicensed
trading is often exactly what it reports. The clue keeps the code (``Clue.unregistered_uscc``)
and is flagged 主体未登记 (entity not registered).

This module is imported by ``core.services.clues.open311``; it imports nothing from the
services at module level.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import Clue, ClueState, ForeignServiceCode, RegulatoryMatter
from core.errors import NotFound
from core.text_input import check_code, check_text

ANY_SYSTEM = "*"
UNREGISTERED_FLAG = ("主体未登记", "entity not registered")


@dataclass(frozen=True)
class ForeignCode:
    id: int
    source_system: str
    service_code: str
    service_name: str
    matter_code: str
    matter_name: str


@dataclass(frozen=True)
class WaitingCode:
    """A foreign code clues are waiting with, unmapped, and how many."""

    source_system: str | None
    service_code: str
    service_name: str
    clues: int
    latest: dt.datetime | None = None  # when the newest of them was received


def foreign_matters(s: Session) -> dict[tuple[str, str], int]:
    """(system, foreign code) -> matter id, for every mapping."""
    return {(sys, code): matter for sys, code, matter in s.execute(
        select(ForeignServiceCode.source_system, ForeignServiceCode.service_code, ForeignServiceCode.matter_id))}


def service_of(code: str | None, system: str | None, ours: dict[str, RegulatoryMatter],
               mapped: dict[tuple[str, str], int], by_id: dict[int, RegulatoryMatter],
               matter_code: str | None = None) -> tuple[RegulatoryMatter | None, str | None]:
    """(our matter or None, the foreign code to keep or None) for a request's ``service_code``.

    One of our codes is ours; another is a foreign one, mapped by ``system``'s mapping (or the
    ``*`` mapping), else kept unmapped. ``matter_code`` (our own export of a foreign request)
    names the matter it was mapped to.
    """
    if not code:
        return None, None
    if code in ours and matter_code is None:
        return ours[code], None
    if matter_code and matter_code in ours:
        return ours[matter_code], code
    matter_id = mapped.get((system or ANY_SYSTEM, code)) or mapped.get((ANY_SYSTEM, code))
    return (by_id.get(matter_id) if matter_id else None), code


def request_id(c: Clue) -> str:
    """The id the request had where it came from (a foreign system's id, without our key's prefix)."""
    prefix = f"{c.source_system}:" if c.source_system else None
    if prefix and c.source_ref and c.source_ref.startswith(prefix):
        return c.source_ref[len(prefix):]
    return c.source_ref or c.ref_no


def foreign_attributes(c: Clue, matter: RegulatoryMatter | None) -> dict:
    """A foreign clue's own words for ``extended_attributes`` (only those it has, so our own
    requests read as before): its system, the matter its code was mapped to, the 主体未登记 flag."""
    out: dict = {}
    if c.source_system:
        out["source_system"] = c.source_system
    if c.foreign_service_code and matter is not None:
        out["matter_code"] = matter.code
    if c.unregistered_uscc and c.entity_id is None:
        out["entity_registered"] = False
    return out


def list_foreign_codes(db: Database) -> list[ForeignCode]:
    with db.sessions() as s:
        rows = s.execute(select(ForeignServiceCode, RegulatoryMatter).join(
            RegulatoryMatter, RegulatoryMatter.id == ForeignServiceCode.matter_id)
            .order_by(ForeignServiceCode.source_system, ForeignServiceCode.service_code))
        return [ForeignCode(f.id, f.source_system, f.service_code, f.service_name, m.code, m.name_zh)
                for f, m in rows]


def waiting_codes(db: Database) -> list[WaitingCode]:
    """The foreign codes unrouted clues wait with (what the administrator has still to map)."""
    with db.sessions() as s:
        rows = s.execute(select(Clue.source_system, Clue.foreign_service_code, func.max(Clue.foreign_service_name),
                                func.count(), func.max(Clue.received_at)).where(Clue.foreign_service_code.is_not(None), Clue.matter_id.is_(None))
                         .group_by(Clue.source_system, Clue.foreign_service_code)
                         .order_by(Clue.source_system, Clue.foreign_service_code))
        return [WaitingCode(sys, code, name or "", n, latest) for sys, code, name, n, latest in rows]


def map_foreign_code(db: Database, actor: str, *, system: str, service_code: str, matter_code: str,
                     service_name: str = "") -> tuple[int, int]:
    """Map ``system``'s ``service_code`` to our matter ``matter_code`` (or change its mapping), and route
    the clues waiting unrouted with it. Returns (mapping id, clues routed). Audited."""
    from core.services.clues.common import record_step
    from core.services.clues.routing import route

    system = check_code(system, "system", max_length=40, required=True)
    service_code = check_code(service_code, "service_code", max_length=64, required=True)
    service_name = check_text(service_name, "service_name", max_length=120, multiline=False)
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        s = uow.session
        matter = s.scalar(select(RegulatoryMatter).where(RegulatoryMatter.code == matter_code))
        if matter is None:
            raise NotFound(f"没有事项 {matter_code} (no matter {matter_code!r})", where="matter",
                           code="feeds.unknown_matter", params={"value": matter_code})
        row = s.scalar(select(ForeignServiceCode).where(ForeignServiceCode.source_system == system,
                                                         ForeignServiceCode.service_code == service_code))
        before = None
        if row is None:
            row = ForeignServiceCode(source_system=system, service_code=service_code)
            s.add(row)
        else:
            before = {"matter_id": row.matter_id, "service_name": row.service_name}
        row.matter_id = matter.id
        row.service_name = service_name or row.service_name or ""
        s.flush()
        waiting = select(Clue).where(Clue.foreign_service_code == service_code, Clue.matter_id.is_(None),
                                     Clue.department_id.is_(None), Clue.state == ClueState.RECEIVED)
        if system != ANY_SYSTEM:
            waiting = waiting.where(Clue.source_system == system)
        routed = 0
        for clue in s.scalars(waiting.with_for_update()):
            clue.matter_id = matter.id
            town = None
            if clue.source_village_code:
                from core.db.models import Village
                town = s.scalar(select(Village.town_code).where(Village.code == clue.source_village_code))
            dept = route(s, matter.id, None, town)
            if dept is not None:
                clue.department_id, clue.state = dept, ClueState.ASSIGNED
                record_step(uow, clue, ClueState.RECEIVED.value, ClueState.ASSIGNED.value, department_id=dept,
                            note=f"外部代码 {service_code} 已映射为事项 {matter.code} (foreign code mapped)")
                routed += 1
        uow.audit("feeds.foreign_code.map", "foreign_service_code", row.id, before=before,
                  after={"system": system, "service_code": service_code, "matter_id": matter.id,
                         "clues_routed": routed})
        uow.commit()
        return row.id, routed


def delete_foreign_code(db: Database, actor: str, *, system: str, service_code: str) -> None:
    """Forget a mapping (new requests with the code then wait unrouted again). Audited."""
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        row = uow.session.scalar(select(ForeignServiceCode).where(ForeignServiceCode.source_system == system,
                                                                   ForeignServiceCode.service_code == service_code))
        if row is None:
            raise NotFound(f"{system} 的代码 {service_code} 没有映射 (no mapping)", where="service_code",
                           code="feeds.no_foreign_code", params={"value": service_code})
        uow.session.delete(row)
        uow.audit("feeds.foreign_code.delete", "foreign_service_code", row.id,
                  before={"system": system, "service_code": service_code, "matter_id": row.matter_id})
        uow.commit()
