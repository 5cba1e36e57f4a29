"""The registration feed: each registration starts double notification (先照后证"双告知").

A registration (from the registration system, by file, drop folder or a caller) carries the
entity and its business scope (经营范围, and/or the codes of the permits it needs). Taking it:

- finds the entity by its credit code, or registers it (placed at its village's centre);
- pushes the registration to the department that approves each permit, through the
  permit-to-department mapping (:mod:`.mapping`); a permit no mapping names goes to the shared
  to-be-claimed queue (``department_id`` empty), where any department may claim it;
- opens a commitment and its verification for each matter of the commitment catalogue
  (告知承诺事项清单) the registration names;
- remembers the registration by (source system, its own id): taken again, it changes nothing.

A batch is all or nothing: every record is checked first, and one bad record refuses the
batch, naming the record and the field.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import uscc as uscc_codes
from core.db.database import Database
from core.db.models import (
    Commitment,
    CommitmentMatter,
    CommitmentStatus,
    CommitmentVerification,
    EntityType,
    FeedRegistration,
    Industry,
    MarketEntity,
    NotificationPush,
    PermitDepartment,
    PushStatus,
    Town,
    Village,
)
from core.db.models.base import utcnow
from core.errors import InvalidUSCC, ValidationError
from core.text_input import check_code, check_text, shown

from .scope import first_match, keywords_of, read_scope

CLAIM_WORKING_DAYS = 5  # core.services.obligations: claimed within 5 working days
ATTEMPTS = 3
ENTITY_TYPES = {"企业": EntityType.ENTERPRISE, "个体工商户": EntityType.INDIVIDUAL,
                "农民专业合作社": EntityType.COOPERATIVE, **{t.value: t for t in EntityType}}


@dataclass(frozen=True)
class Registration:
    """One checked registration record."""

    ref: str
    uscc: str
    name: str
    entity_type: EntityType
    town: str
    village: str | None
    industry_code: str | None
    address: str
    legal_rep: str
    registered_on: dt.date
    scope_text: str
    permits: tuple[tuple[str, str], ...]  # (code, name)


@dataclass(frozen=True)
class FeedOutcome:
    """What a batch of registrations did."""

    added: int
    already: int
    pushes: int
    queued: int
    commitments: int
    entities_created: int


def _date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = check_text(value, where, max_length=40, multiline=False, required=True).replace("/", "-")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValidationError(f"不是日期 YYYY-MM-DD (not a date): {shown(value)}", where=where,
                              code="feeds.bad_date", params={"value": shown(value)}) from None


def _permits(value: object, where: str) -> tuple[tuple[str, str], ...]:
    """Permit codes as a list (of codes or {"code", "name"}) or as text separated by ";"."""
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        value = [v for v in keywords_of(value.replace(",", ";").replace("，", ";"))]
    if not isinstance(value, list):
        raise ValidationError("许可事项须为编码列表或以分号分隔的文本 (permits are a list of codes or text separated "
                              "by ';')", where=where, code="feeds.bad_permits")
    out = []
    for n, item in enumerate(value, start=1):
        if isinstance(item, dict):
            code = check_code(item.get("code"), f"{where}[{n}].code", max_length=40, required=True)
            name = check_text(item.get("name"), f"{where}[{n}].name", max_length=120, multiline=False)
        else:
            code, name = check_code(item, f"{where}[{n}]", max_length=40, required=True), ""
        out.append((code, name or code))
    return tuple(dict.fromkeys(out))


def parse_registration(raw: object, where: str) -> Registration:
    """``raw`` (a dict of English keys, see :data:`core.feeds.files.HEADERS`) checked; ValidationError
    naming ``where`` and the field otherwise."""
    if not isinstance(raw, dict):
        raise ValidationError("每条登记须是对象 (each registration is an object)", where=where,
                              code="feeds.not_object")
    ref = check_code(raw.get("registration_id"), f"{where}: registration_id", max_length=64, required=True)
    here = f"{where} ({ref})"
    try:
        code = uscc_codes.validate(check_code(raw.get("uscc"), f"{here}: uscc", max_length=40, required=True))
    except InvalidUSCC as error:
        raise ValidationError(error.message, where=f"{here}: uscc", code="feeds.bad_uscc") from None
    kind = check_text(raw.get("entity_type"), f"{here}: entity_type", max_length=20, multiline=False) or (
        "individual" if code[1] == "2" else "cooperative" if code[1] == "3" else "enterprise")
    if kind not in ENTITY_TYPES:
        raise ValidationError(f"主体类型须为 企业/个体工商户/农民专业合作社，不是 {shown(kind)} (unknown entity type)",
                              where=f"{here}: entity_type", code="feeds.bad_entity_type")
    scope = check_text(raw.get("business_scope"), f"{here}: business_scope", max_length=4000)
    permits = _permits(raw.get("permits"), f"{here}: permits")
    if not scope and not permits:
        raise ValidationError("须有经营范围或许可事项 (a registration carries its business scope or permit codes)",
                              where=f"{here}: business_scope", code="feeds.no_scope")
    return Registration(
        ref=ref, uscc=code,
        name=check_text(raw.get("name"), f"{here}: name", max_length=120, required=True, multiline=False),
        entity_type=ENTITY_TYPES[kind],
        town=check_code(raw.get("town"), f"{here}: town", max_length=40, required=True),
        village=check_code(raw.get("village"), f"{here}: village", max_length=60),
        industry_code=check_code(raw.get("industry_code"), f"{here}: industry_code", max_length=4),
        address=check_text(raw.get("address"), f"{here}: address", max_length=200, multiline=False),
        legal_rep=check_text(raw.get("legal_rep"), f"{here}: legal_rep", max_length=40, multiline=False),
        registered_on=_date(raw.get("registered_on") or utcnow().date(), f"{here}: registered_on"),
        scope_text=scope, permits=permits)


class _Config:
    """The mapping and the catalogue, read once per batch."""

    def __init__(self, s: Session) -> None:
        permits = list(s.scalars(select(PermitDepartment)))
        self.permit_by_code = {p.permit_code: p for p in permits}
        self.permit_words = [(p, (*keywords_of(p.keywords), p.permit_name)) for p in permits]
        matters = list(s.scalars(select(CommitmentMatter)))
        self.matter_by_code = {m.code: m for m in matters}
        self.matter_words = [(m, (*keywords_of(m.keywords), m.name)) for m in matters]
        self.central: dict[str, Village] = {}  # town code -> the village nearest its centre
        self.towns = {key: t for t in s.scalars(select(Town)) for key in (t.code, t.name_zh, t.name_en)}
        self.loader = None  # the exchange's entity loader, made at the first new entity


def push_targets(r: Registration, cfg: _Config) -> dict[tuple, tuple[str, int | None]]:
    """(key -> (permit name, department or None for the shared queue)), one per permit."""
    targets: dict[tuple, tuple[str, int | None]] = {}
    for code, name in r.permits:
        m = cfg.permit_by_code.get(code)
        targets.setdefault(("m", m.id) if m else ("code", code),
                           (m.permit_name, m.department_id) if m else (name[:120], None))
    items = read_scope(r.scope_text)
    for item in items.permit:
        m = first_match(item, cfg.permit_words)
        targets.setdefault(("m", m.id) if m else ("item", item),
                           (m.permit_name, m.department_id) if m else (item[:120], None))
    for item in items.other:
        m = first_match(item, cfg.permit_words)
        if m is not None:
            targets.setdefault(("m", m.id), (m.permit_name, m.department_id))
    return targets


def catalogue_matters(r: Registration, cfg: _Config) -> list[CommitmentMatter]:
    """The catalogue's matters the registration names (by permit code or by the scope's words)."""
    found: dict[int, CommitmentMatter] = {}
    for code, _ in r.permits:
        if code in cfg.matter_by_code:
            found.setdefault(cfg.matter_by_code[code].id, cfg.matter_by_code[code])
    items = read_scope(r.scope_text)
    for item in (*items.permit, *items.other):
        m = first_match(item, cfg.matter_words)
        if m is not None:
            found.setdefault(m.id, m)
    return list(found.values())


def _town(cfg: _Config, value: str, where: str) -> Town:
    town = cfg.towns.get(value)
    if town is None:
        raise ValidationError(f"未知的镇街 {shown(value)} (unknown town)", where=where, code="feeds.unknown_town")
    return town


def _village(s: Session, town: Town, value: str | None, where: str, central: dict[str, Village]) -> Village:
    if value:
        village = s.get(Village, value) or s.scalar(select(Village).where(Village.name_zh == value,
                                                                           Village.town_code == town.code))
        if village is None or village.town_code != town.code:
            raise ValidationError(f"{town.name_zh}没有村社 {shown(value)} (unknown village in this town)", where=where,
                                  code="feeds.unknown_village")
        return village
    # No village given: the town's village nearest its centre stands in until the address is checked.
    if town.code in central:
        return central[town.code]
    villages = list(s.scalars(select(Village).where(Village.town_code == town.code)))
    if not villages:
        raise ValidationError(f"{town.name_zh}没有村社 (the town has no village)", where=where,
                              code="feeds.town_without_villages")
    central[town.code] = min(villages, key=lambda v: ((v.lat - town.lat) ** 2 + (v.lng - town.lng) ** 2, v.code))
    return central[town.code]


def _industry(s: Session, code: str | None, where: str) -> str | None:
    if code and s.get(Industry, code) is None:
        raise ValidationError(f"未知的行业代码 {shown(code)} (unknown industry code)", where=where,
                              code="feeds.unknown_industry")
    return code


def _entity(uow, r: Registration, where: str, cfg: _Config) -> tuple[MarketEntity, bool]:
    """The registration's entity by its credit code, or a new one written by the exchange's entity
    loader: placed at its village's centre and tagged 位置待核实, its industry "unclassified" when
    the registration names none (core.exchange.entity_load)."""
    from core.exchange.entity_load import EntityLoader

    s = uow.session
    entity = s.scalar(select(MarketEntity).where(MarketEntity.uscc == r.uscc))
    if entity is not None:
        return entity, False
    town = _town(cfg, r.town, f"{where}: town")
    village = _village(s, town, r.village, f"{where}: village", cfg.central)
    industry = _industry(s, r.industry_code, f"{where}: industry_code")
    s.flush()
    if cfg.loader is None:
        cfg.loader = EntityLoader(uow, r.registered_on)
    loader = cfg.loader
    first = len(loader.new_ids)
    loader.load([{"uscc": r.uscc, "name": r.name, "entity_type": r.entity_type.value, "industry_code": industry,
                  "legal_rep": r.legal_rep, "address": r.address, "town_code": town.code,
                  "village_code": village.code, "lat": village.lat, "lng": village.lng,
                  "registered_on": r.registered_on, "unverified": True}])
    uow.touch("entities", loader.new_ids[first:])
    return s.get(MarketEntity, loader.new_ids[first]), True


def take_registrations(db: Database, actor: str, records: Sequence[object], *, system: str, where: str = "",
                       on: dt.date | None = None, calendar=None) -> FeedOutcome:
    """Take ``records`` (dicts, see :func:`parse_registration`) from ``system``, all or nothing.

    Pushes are dated ``on`` (default today) and due ``CLAIM_WORKING_DAYS`` working days later.
    """
    from core.workdays import default_calendar

    system = check_code(system, "system", max_length=40, required=True)
    parsed = [parse_registration(raw, f"{where}: registration {n}" if where else f"registration {n}")
              for n, raw in enumerate(records, start=1)]
    seen: dict[str, int] = {}
    for n, r in enumerate(parsed, start=1):
        if r.ref in seen:
            raise ValidationError(f"与第 {seen[r.ref]} 条登记重复 (repeats registration {seen[r.ref]}): {r.ref}",
                                  where=f"{where}: registration {n}: registration_id", code="feeds.repeats")
        seen[r.ref] = n
    calendar = calendar or default_calendar()
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _take(db, actor, parsed, system, where, on or utcnow().date(), calendar)
        except IntegrityError:  # another process took the same registration first: read again
            if attempt == ATTEMPTS:
                raise ValidationError("另一进程正在接收相同的登记，请稍后重试 (another process is taking the same "
                                      "registrations; try again)", where=where or system, code="feeds.busy") from None
    raise AssertionError("unreachable")


def _take(db: Database, actor: str, parsed: list[Registration], system: str, where: str, on: dt.date,
          calendar) -> FeedOutcome:
    counts = dict(added=0, already=0, pushes=0, queued=0, commitments=0, entities_created=0)
    with db.uow(actor) as uow:
        uow.require("feeds.import")
        s = uow.session
        cfg = _Config(s)
        claim_due = calendar.add_working_days(on, CLAIM_WORKING_DAYS).date
        known = set(s.scalars(select(FeedRegistration.registration_ref)
                              .where(FeedRegistration.source_system == system)))
        for n, r in enumerate(parsed, start=1):
            if r.ref in known:
                counts["already"] += 1
                continue
            here = f"{where}: registration {n} ({r.ref})" if where else f"registration {n} ({r.ref})"
            entity, created = _entity(uow, r, here, cfg)
            counts["entities_created"] += created
            pushes = [NotificationPush(entity_id=entity.id, permit_name=name, department_id=dept, pushed_on=on,
                                       claim_due=claim_due, status=PushStatus.PENDING)
                      for name, dept in push_targets(r, cfg).values()]
            s.add_all(pushes)
            commitments = []
            for m in catalogue_matters(r, cfg):
                fulfil_by = r.registered_on + dt.timedelta(days=m.fulfil_days)
                c = Commitment(entity_id=entity.id, matter_name=m.name, commitment_text=m.commitment_text,
                               fulfil_by=fulfil_by, verification_standard=m.verification_standard,
                               department_id=m.department_id, breach_consequence=m.breach_consequence,
                               status=CommitmentStatus.PENDING)
                # keyed like an exchanged commitment: its system and (registration id, catalogue code)
                c.source_system, c.source_ref = system, f"{r.ref}#{m.code}"[:64]
                s.add(c)
                s.flush()
                s.add(CommitmentVerification(commitment_id=c.id, due_on=calendar.add_working_days(
                    fulfil_by, m.verify_working_days).date))
                commitments.append(c)
            s.flush()
            s.add(FeedRegistration(source_system=system, registration_ref=r.ref, entity_id=entity.id,
                                   registered_on=r.registered_on, scope_text=r.scope_text,
                                   permit_codes=[c for c, _ in r.permits], push_ids=[p.id for p in pushes],
                                   commitment_ids=[c.id for c in commitments], received_at=utcnow()))
            s.flush()
            known.add(r.ref)
            counts["added"] += 1
            counts["pushes"] += len(pushes)
            counts["queued"] += sum(p.department_id is None for p in pushes)
            counts["commitments"] += len(commitments)
            uow.touch("pushes", [p.id for p in pushes])
            uow.touch("commitments", [c.id for c in commitments])
            uow.audit("feeds.registration", "market_entity", entity.id,
                      after={"system": system, "registration": r.ref, "entity_created": created,
                             "pushes": [[p.permit_name, p.department_id] for p in pushes],
                             "commitments": [c.matter_name for c in commitments]})
        uow.commit()
    return FeedOutcome(**counts)
