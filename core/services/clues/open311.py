"""Clues in the public Open311 GeoReport v2 vocabulary, so town and hotline systems can
exchange them: a JSON array of service requests.

Standard fields: service_request_id, status (open/closed), status_notes, service_name,
service_code (the matter code), description, agency_responsible, requested_datetime,
updated_datetime, expected_datetime (the handling deadline, end of that day in Beijing
time), address, address_id (the grid village), lat, long. What GeoReport has no word for
(our state, source, USCC, the department's code, the duplicate's original) travels in
``extended_attributes``, as GeoReport allows, so our own export comes back whole.

A system that is not ours sends its own service codes and names credit codes the registry may
not hold: the request is accepted all the same (see :mod:`core.feeds.foreign_codes`); the
clue keeps the foreign code (exported back as ``service_code``) and the unregistered credit
code, and an unmapped code leaves the clue in the center's unrouted queue.

An import is all or nothing: every request is checked first and one bad request refuses
the file, naming the request and the field. An import is keyed by the request's source
reference (``extended_attributes.source_ref``, else its ``service_request_id``; unique per
source in the database): importing a file again, or twice at once, adds nothing twice.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core import uscc as uscc_codes
from core.clues.states import CLOSED_STATES
from core.db.database import Database
from core.db.models import (
    Clue,
    ClueEvent,
    ClueSource,
    ClueState,
    Department,
    MarketEntity,
    RegulatoryMatter,
    Village,
)
from core.db.models.base import utcnow
from core.errors import InvalidUSCC, ValidationError
from core.feeds.foreign_codes import foreign_attributes, foreign_matters, request_id, service_of
from core.jsonfile import read_json_file
from core.text_input import check_code, check_number, check_text, shown
from core.workdays import default_calendar

from ..read_scope import clue_condition
from .common import HANDLING_WORKING_DAYS, new_ref, record_step
from .intake import MAX_DESCRIPTION
from .routing import route

BEIJING = dt.timezone(dt.timedelta(hours=8))
EXT = "extended_attributes"
IMPORT_ATTEMPTS = 3  # another workstation's import of the same requests may commit first


def _when(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(BEIJING).isoformat(timespec="seconds")


def _request(c: Clue, events: list[ClueEvent], matters: dict, departments: dict, entities: dict,
             villages: dict, refs: dict[int, str]) -> dict:
    last = events[-1] if events else None
    matter = matters.get(c.matter_id)
    dept = departments.get(c.department_id)
    entity = entities.get(c.entity_id)
    return {
        "service_request_id": request_id(c),
        "status": "closed" if c.state in CLOSED_STATES else "open",
        "status_notes": last.note if last else "",
        "service_name": c.foreign_service_name or (matter.name_zh if matter else ""),
        "service_code": c.foreign_service_code or (matter.code if matter else ""),
        "description": c.description,
        "agency_responsible": dept.name_zh if dept else "",
        "service_notice": "",
        "requested_datetime": _when(c.received_at),
        "updated_datetime": _when(last.at if last else c.received_at),
        "expected_datetime": (dt.datetime.combine(c.due_on, dt.time(23, 59, 59), BEIJING).isoformat()
                              if c.due_on else None),
        "address": entity.address if entity else (villages[c.source_village_code].name_zh
                                                  if c.source_village_code in villages else ""),
        "address_id": c.source_village_code or "",
        "zipcode": "",
        "lat": c.lat,
        "long": c.lng,
        "media_url": "",
        EXT: {"ref_no": c.ref_no, "source": c.source.value, "state": c.state.value,
              "uscc": entity.uscc if entity else c.unregistered_uscc, "agency_code": dept.code if dept else None,
              "duplicate_of": refs.get(c.duplicate_of_id), "source_ref": c.source_ref or c.ref_no,
              **foreign_attributes(c, matter)},
    }


def export_requests(db: Database, clue_ids: Iterable[int] | None = None, *,
                    viewer: object | None = None) -> list[dict]:
    """The clues (all, or ``clue_ids``) ``viewer`` may see (``clue.read``, core.services.read_scope;
    None: every clue) as GeoReport v2 service requests, oldest first; refused for a role without it."""
    with db.sessions() as s:
        seen = clue_condition(s, viewer)
        if clue_ids is None:
            clues = list(s.scalars(select(Clue).where(seen)))
        else:  # in chunks: SQLite takes a limited number of parameters per statement
            wanted = sorted(set(int(i) for i in clue_ids))
            clues = [c for chunk in range(0, len(wanted), 900)
                     for c in s.scalars(select(Clue).where(Clue.id.in_(wanted[chunk:chunk + 900]), seen))]
        clues.sort(key=lambda c: (c.received_at, c.id))
        ids = [c.id for c in clues]
        events: dict[int, list[ClueEvent]] = {}
        for chunk in range(0, len(ids), 900):
            for e in s.scalars(select(ClueEvent).where(ClueEvent.clue_id.in_(ids[chunk:chunk + 900]))
                               .order_by(ClueEvent.at, ClueEvent.id)):
                events.setdefault(e.clue_id, []).append(e)
        matters = {m.id: m for m in s.scalars(select(RegulatoryMatter))}
        departments = {d.id: d for d in s.scalars(select(Department))}
        villages = {v.code: v for v in s.scalars(select(Village))}
        wanted = {c.entity_id for c in clues if c.entity_id}
        entities: dict[int, MarketEntity] = {}
        wanted_list = sorted(wanted)
        for chunk in range(0, len(wanted_list), 900):
            entities.update({e.id: e for e in s.scalars(select(MarketEntity).where(
                MarketEntity.id.in_(wanted_list[chunk:chunk + 900])))})
        originals = sorted({c.duplicate_of_id for c in clues if c.duplicate_of_id})
        refs: dict[int, str] = {}
        if originals:
            refs = {i: ref for i, ref in s.execute(select(Clue.id, Clue.ref_no).where(Clue.id.in_(originals)))}
        return [_request(c, events.get(c.id, []), matters, departments, entities, villages, refs) for c in clues]


def export_open311(db: Database, path: str | Path, clue_ids: Iterable[int] | None = None,
                   actor: str | None = None, *, viewer: object | None = None) -> int:
    """Write the requests ``viewer`` may see to ``path`` (JSON, UTF-8) atomically; returns how many
    (audited with ``actor``). Nothing is written when the viewer's role may not read clues."""
    requests = export_requests(db, clue_ids, viewer=viewer)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_text(json.dumps(requests, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    if actor:
        from core.services.audit_events import record_export
        record_export(db, actor, "open311", path, len(requests))
    return len(requests)


# ---- import -------------------------------------------------------------------------


def _time(value: Any, where: str, *, required: bool = True) -> dt.datetime | None:
    if value in (None, ""):
        if required:
            raise ValidationError("缺少时间 (a date-time is required)", where=where, code="import.needs_time")
        return None
    text = check_text(value, where, max_length=40, multiline=False)
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(f"不是 ISO 8601 时间 (not an ISO 8601 date-time): {shown(value)}", where=where,
                              code="import.bad_time", params={"value": shown(value)}) from None
    if not 1900 <= when.year <= 2200:
        raise ValidationError(f"年份须在 1900–2200 之间 (the year must be 1900-2200): {shown(value)}", where=where,
                              code="import.bad_year", params={"value": shown(value)})
    return when if when.tzinfo else when.replace(tzinfo=BEIJING)


class _Lookups:
    def __init__(self, s, system: str | None = None) -> None:
        self.matters = {m.code: m for m in s.scalars(select(RegulatoryMatter))}
        self.matter_ids = {m.id: m for m in self.matters.values()}
        self.foreign = foreign_matters(s)
        self.system = system
        departments = list(s.scalars(select(Department)))
        self.dept_by_code = {d.code: d for d in departments}
        self.dept_by_name = {d.name_zh: d for d in departments} | {d.name_en: d for d in departments}
        self.villages = {v.code: v for v in s.scalars(select(Village))}
        self.known_refs = set(s.scalars(select(Clue.ref_no))) | set(s.scalars(
            select(Clue.source_ref).where(Clue.source_ref.is_not(None))))
        self.session = s


def _source_ref(ext: dict, rid: str, here: str) -> str:
    """The request's import key: its ``source_ref`` when given (never empty or null), else its id."""
    if "source_ref" not in ext:
        return rid
    value = check_code(ext["source_ref"], f"{here}: {EXT}.source_ref", max_length=64)
    if not value:
        raise ValidationError("source_ref 是导入的键，不能为空 (the source reference is the import's key: it cannot "
                              "be empty or null)", where=f"{here}: {EXT}.source_ref", code="import.no_source_ref")
    return value


def _parse(n: int, r: Any, look: _Lookups) -> dict:
    """The clue fields of request ``n``; ``known`` when already imported; ValidationError naming the field.

    Every field is checked as text, number or code before it is looked up or stored, the
    same on SQLite as on PostgreSQL (see :mod:`core.text_input`).
    """
    if not isinstance(r, dict):
        raise ValidationError("每个请求须是 JSON 对象 (each request is a JSON object)", where=f"request {n}",
                              code="import.not_object")
    rid = check_code(r.get("service_request_id"), f"request {n}: service_request_id", max_length=64)
    here = f"request {n} ({rid or 'no id'})"
    if not rid:
        raise ValidationError("缺少 service_request_id (service_request_id is required)",
                              where=f"{here}: service_request_id", code="import.no_request_id")
    ext = r.get(EXT) or {}
    if not isinstance(ext, dict):
        raise ValidationError(f"{EXT} 须是对象 (must be an object)", where=f"{here}: {EXT}",
                              code="import.ext_not_object", params={"ext": EXT})
    ref_no = check_code(ext.get("ref_no"), f"{here}: {EXT}.ref_no", max_length=32)
    source_ref = _source_ref(ext, rid, here)
    status = r.get("status")
    if not isinstance(status, str) or status not in ("open", "closed"):
        raise ValidationError(f"status 须为 open 或 closed，不是 {shown(status)} (status must be open or closed)",
                              where=f"{here}: status", code="import.bad_status",
                              params={"value": shown(status)})
    description = check_text(r.get("description"), f"{here}: description", max_length=MAX_DESCRIPTION,
                             required=True)
    code = check_code(r.get("service_code"), f"{here}: service_code", max_length=64)
    system = check_code(ext.get("source_system"), f"{here}: {EXT}.source_system", max_length=40) or look.system
    matter, foreign = service_of(code, system, look.matters, look.foreign, look.matter_ids,
                                 check_code(ext.get("matter_code"), f"{here}: {EXT}.matter_code", max_length=40))
    service_name = check_text(r.get("service_name"), f"{here}: service_name", max_length=120, multiline=False)
    agency = check_code(ext.get("agency_code"), f"{here}: {EXT}.agency_code", max_length=16)
    agency_name = check_text(r.get("agency_responsible"), f"{here}: agency_responsible", max_length=120,
                             multiline=False)
    dept = look.dept_by_code.get(agency) if agency else look.dept_by_name.get(agency_name)
    if (agency or agency_name) and dept is None:
        raise ValidationError(f"未知的部门 {shown(agency or agency_name)} (unknown agency)",
                              where=f"{here}: {f'{EXT}.agency_code' if agency else 'agency_responsible'}",
                              code="import.unknown_agency", params={"value": shown(agency or agency_name)})
    entity = unregistered = None
    uscc = check_code(ext.get("uscc"), f"{here}: {EXT}.uscc", max_length=40)
    if uscc:
        try:
            compact = uscc_codes.validate(uscc)
        except InvalidUSCC as error:
            raise ValidationError(error.message, where=f"{here}: {EXT}.uscc") from None
        entity = look.session.scalar(select(MarketEntity).where(MarketEntity.uscc == compact))
        unregistered = compact if entity is None else None  # 主体未登记: kept, the clue flagged
    village = check_code(r.get("address_id"), f"{here}: address_id", max_length=12)
    if village and village not in look.villages:
        raise ValidationError(f"未知的村社代码 {shown(village)} (unknown village)", where=f"{here}: address_id",
                              code="import.unknown_village", params={"value": shown(village)})
    lat, lng = r.get("lat"), r.get("long")
    lat = None if lat in (None, "") else check_number(lat, f"{here}: lat", minimum=-90, maximum=90)
    lng = None if lng in (None, "") else check_number(lng, f"{here}: long", minimum=-180, maximum=180)
    if (lat is None) != (lng is None):
        raise ValidationError("lat 与 long 须同时给出 (lat and long go together)", where=f"{here}: lat",
                              code="import.lat_long_together")
    if entity is None and lat is None and village is None:
        raise ValidationError("须有市场主体、位置或村社之一 (needs an entity, a position or a village)",
                              where=f"{here}: lat", code="import.needs_place")
    source = check_code(ext.get("source"), f"{here}: {EXT}.source", max_length=20) or "hotline"
    state = check_code(ext.get("state"), f"{here}: {EXT}.state", max_length=20) or (
        "closed" if status == "closed" else None)
    try:
        ClueSource(source)
        if state is not None:
            ClueState(state)
    except ValueError as error:
        raise ValidationError(str(error), where=f"{here}: {EXT}.{'state' if state else 'source'}") from None
    expected = _time(r.get("expected_datetime"), f"{here}: expected_datetime", required=False)
    # Checked even when already imported: a file is refused or taken whole.
    if system and "source_ref" not in ext:  # two systems' ids may coincide: the key names the system
        source_ref = f"{system}:{rid}"[:64]
    known = source_ref in look.known_refs or (rid in look.known_refs and not system) or bool(
        ref_no and ref_no in look.known_refs)
    return {"rid": rid, "ref_no": ref_no, "source_ref": source_ref, "known": known, "system": system,
            "foreign": foreign, "foreign_name": (service_name or None) if foreign else None,
            "unregistered": unregistered,
            "source": source, "state": state, "matter": matter, "dept": dept, "entity": entity,
            "village": village, "lat": lat, "lng": lng, "description": description,
            "requested": _time(r.get("requested_datetime"), f"{here}: requested_datetime"),
            "updated": _time(r.get("updated_datetime"), f"{here}: updated_datetime", required=False),
            "expected": expected.astimezone(BEIJING).date() if expected else None,
            "notes": check_text(r.get("status_notes"), f"{here}: status_notes", max_length=400),
            "duplicate_of": check_code(ext.get("duplicate_of"), f"{here}: {EXT}.duplicate_of", max_length=32)}


def _no_repeats(parsed: list[dict | None]) -> None:
    """One file names each request once: a repeated id or reference number would store a clue twice."""
    seen: dict[str, int] = {}
    for n, p in enumerate(parsed, start=1):
        if p is None:
            continue
        for key, field in ((p["rid"], "service_request_id"), (p["ref_no"], f"{EXT}.ref_no"),
                           (p["source_ref"], f"{EXT}.source_ref")):
            if key is None:
                continue
            if key in seen and seen[key] != n:
                raise ValidationError(f"与第 {seen[key]} 个请求重复 (repeats request {seen[key]}): {shown(key)}",
                                      where=f"request {n} ({p['rid']}): {field}",
                                      code="import.repeats", params={"first": seen[key], "key": shown(key)})
            seen[key] = n


def import_open311(db: Database, actor: str, path: str | Path, *, system: str | None = None) -> tuple[int, int]:
    """Import the requests of ``path`` (sent by ``system``: its name is kept on the clues and picks
    the mapping of its service codes); returns (new, already imported). All or nothing.

    When another import of the same requests commits first (the key is unique), the file
    is read against the database again: what that import added counts as already imported.
    """
    data = read_json_file(path, error=ValidationError)
    if isinstance(data, dict) and isinstance(data.get("service_requests"), list):
        data = data["service_requests"]
    if not isinstance(data, list):
        raise ValidationError("Open311 文件须是服务请求数组 (an Open311 file is a JSON array of service requests)",
                              where=str(path), code="import.not_array")
    return import_requests(db, actor, data, where=str(path), system=system)


def import_requests(db: Database, actor: str, data: list, *, where: str, system: str | None = None) -> tuple[int, int]:
    """Import ``data`` (service requests) as :func:`import_open311` does a file's; ``where`` names them."""
    calendar = default_calendar()
    for attempt in range(1, IMPORT_ATTEMPTS + 1):
        try:
            return _import(db, actor, where, data, calendar, system)
        except IntegrityError:
            if attempt == IMPORT_ATTEMPTS:
                raise ValidationError("另一工作站正在导入相同的请求，请稍后重试 (another workstation is importing "
                                      "the same requests; try again)", where=where,
                                      code="import.busy") from None
    raise AssertionError("unreachable")


def _import(db: Database, actor: str, path: str, data: list, calendar, system: str | None) -> tuple[int, int]:
    with db.uow(actor) as uow:
        uow.require("clue.intake")
        s = uow.session
        look = _Lookups(s, system)
        parsed = []
        for n, r in enumerate(data, start=1):
            try:
                parsed.append(_parse(n, r, look))
            except ValidationError as error:
                raise ValidationError(error.message, where=f"{path}: {error.where}", code=error.code,
                                      params=error.params) from None
        try:
            _no_repeats(parsed)
        except ValidationError as error:
            raise ValidationError(error.message, where=f"{path}: {error.where}", code=error.code,
                                      params=error.params) from None
        fresh = [p for p in parsed if not p["known"]]
        for p in fresh:
            _store(uow, p, calendar)
        _link_duplicates(s, fresh, path)
        # The object is the file's name (audit object ids hold 40 characters); the after, its path.
        uow.audit("clue.import.open311", "file", Path(path).name[:40],
                  after={"path": str(path), "system": system, "imported": len(fresh),
                         "already_here": len(parsed) - len(fresh)})
        uow.commit()
    return len(fresh), len(parsed) - len(fresh)


def _store(uow, p: dict, calendar) -> None:
    s = uow.session
    entity, village = p["entity"], p["village"]
    vrow = s.get(Village, village) if village else None
    # A foreign code nobody has mapped yet: the center's unrouted queue, not a guess by place.
    dept = p["dept"].id if p["dept"] else None if (p["foreign"] and not p["matter"]) else route(
        s, p["matter"].id if p["matter"] else None, entity.industry_code if entity else None,
        entity.town_code if entity else (vrow.town_code if vrow else None))
    state = ClueState(p["state"]) if p["state"] else (ClueState.ASSIGNED if dept else ClueState.RECEIVED)
    received = p["requested"].astimezone(dt.timezone.utc)
    due = p["expected"] or calendar.add_working_days(received.date(), HANDLING_WORKING_DAYS[p["source"]]).date
    clue = Clue(ref_no=p["ref_no"] or new_ref("XS", received.date()), source=ClueSource(p["source"]),
                source_village_code=village or (entity.village_code if entity else None),
                entity_id=entity.id if entity else None,
                lat=p["lat"] if p["lat"] is not None else (entity.lat if entity else vrow.lat),
                lng=p["lng"] if p["lng"] is not None else (entity.lng if entity else vrow.lng),
                matter_id=p["matter"].id if p["matter"] else None, description=p["description"],
                department_id=dept, state=state, received_at=received, due_on=due, source_ref=p["source_ref"],
                source_system=p["system"], foreign_service_code=p["foreign"], foreign_service_name=p["foreign_name"],
                unregistered_uscc=p["unregistered"])
    s.add(clue)
    s.flush()
    updated = (p["updated"] or p["requested"]).astimezone(dt.timezone.utc)
    if state in CLOSED_STATES:
        clue.closed_at = updated
    record_step(uow, clue, None, state.value, note=p["notes"], department_id=dept, at=updated or utcnow())


def _link_duplicates(s, fresh: list[dict], path) -> None:
    """Point imported duplicates at their originals (already here, or in the same file)."""
    for p in fresh:
        if not p["duplicate_of"]:
            continue
        original = s.scalar(select(Clue.id).where(Clue.ref_no == p["duplicate_of"]))
        if original is None:
            raise ValidationError(f"重复件的原始线索 {p['duplicate_of']} 不存在 (the original of a duplicate is "
                                  f"missing)", where=f"{path}: request {p['rid']}: {EXT}.duplicate_of",
                                  code="import.missing_original", params={"original": p["duplicate_of"]})
        clue = s.scalar(select(Clue).where(Clue.ref_no == p["ref_no"])) if p["ref_no"] else None
        if clue is not None:
            clue.duplicate_of_id = original
