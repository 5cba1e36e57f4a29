"""Reading credit: an entity's records, its current class, linked listings and the explanation.

:func:`records_of` and :func:`current_class` are the interface other credit modules (the
early warning) read; :func:`explain` says why an entity has its class.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import CreditOfficialClass, CreditRecord, MarketEntity
from core.db.models.base import utcnow
from core.errors import NotFound

from .kinds import KINDS, LISTS, SERIOUS
from .rules import CLASSES, RuleSet
from .scoring import KIND_INDEX, NO_DAY, RecordArrays, contributions, end_days, score
from .store import EPOCH, active_rules, day_number


@dataclass(frozen=True)
class CreditRecordRow:
    """One credit record as stored."""

    id: int
    entity_id: int
    kind: str
    occurred_on: dt.date
    valid_until: dt.date | None
    ended_on: dt.date | None
    repaired_on: dt.date | None
    department_id: int | None
    title: str
    source_record_id: int | None


@dataclass(frozen=True)
class CurrentClass:
    """The class in force: computed, or the imported official one (``overridden``)."""

    risk_class: str
    overridden: bool
    official_source: str | None = None


def _row(r: CreditRecord) -> CreditRecordRow:
    return CreditRecordRow(r.id, r.entity_id, r.kind, r.occurred_on, r.valid_until, r.ended_on, r.repaired_on,
                           r.department_id, r.title, r.source_record_id)


def _records(s: Session, entity_ids: list[int]) -> dict[int, list[CreditRecordRow]]:
    out: dict[int, list[CreditRecordRow]] = {i: [] for i in entity_ids}
    for i in range(0, len(entity_ids), 900):
        q = (select(CreditRecord).where(CreditRecord.entity_id.in_(entity_ids[i:i + 900]))
             .order_by(CreditRecord.occurred_on, CreditRecord.id))
        for r in s.scalars(q):
            out[r.entity_id].append(_row(r))
    return out


def records_of(db: Database, entity_ids: Iterable[int]) -> dict[int, list[CreditRecordRow]]:
    """Each entity's credit records, oldest first (an entity without any maps to an empty list)."""
    with db.sessions() as s:
        return _records(s, sorted(set(int(i) for i in entity_ids)))


def _current(s: Session, entity_ids: list[int]) -> dict[int, CurrentClass]:
    out: dict[int, CurrentClass] = {}
    for i in range(0, len(entity_ids), 900):
        part = entity_ids[i:i + 900]
        official = {e: src for e, src in s.execute(select(CreditOfficialClass.entity_id, CreditOfficialClass.source)
                                                   .where(CreditOfficialClass.entity_id.in_(part)))}
        for e, cls in s.execute(select(MarketEntity.id, MarketEntity.risk_class).where(MarketEntity.id.in_(part))):
            out[e] = CurrentClass(str(cls), e in official, official.get(e))
    return out


def current_class(db: Database, entity_ids: Iterable[int]) -> dict[int, CurrentClass]:
    """The class in force of each entity (``market_entities.risk_class``) and whether it is the official one."""
    with db.sessions() as s:
        return _current(s, sorted(set(int(i) for i in entity_ids)))


@dataclass(frozen=True)
class WeightedRecord:
    """A record's part in a score: its weight, the decay on the day, what it adds."""

    record: CreditRecordRow
    weight: float
    decay: float
    contribution: float
    in_force: bool
    ends_on: dt.date | None   # the first day it no longer counts (None: until taken off the list)
    why_not: str              # "" when in force; else "not_yet", "expired", "ended", "repaired"


@dataclass(frozen=True)
class LinkedListing:
    """A serious-violation listing of another entity with the same legal representative."""

    entity_id: int
    uscc: str
    name: str
    listed_on: dt.date
    title: str


@dataclass(frozen=True)
class Explanation:
    """Why an entity has its class: records, weights after decay, total, rule set, override."""

    entity_id: int
    uscc: str
    name: str
    as_of: dt.date
    records: tuple[WeightedRecord, ...]
    base: float
    score: float
    computed_class: str
    floor_kinds: tuple[str, ...]   # kinds in force that set a floor on the class
    rules: RuleSet
    risk_class: str                # the class in force
    overridden: bool
    official_source: str | None
    linked: tuple[LinkedListing, ...]
    linked_total: int

    @property
    def rules_version(self) -> int:
        return self.rules.version


def _arrays(rows: list[CreditRecordRow]) -> RecordArrays:
    def day(d: dt.date | None) -> int:
        return NO_DAY if d is None else day_number(d)

    return RecordArrays(
        owner=np.zeros(len(rows), dtype=np.int64),
        kind=np.array([KIND_INDEX.get(r.kind, -1) for r in rows], dtype=np.int64),
        day=np.array([day(r.occurred_on) for r in rows], dtype=np.int64),
        valid_until=np.array([day(r.valid_until) for r in rows], dtype=np.int64),
        ended=np.array([day(r.ended_on) for r in rows], dtype=np.int64),
        repaired=np.array([day(r.repaired_on) for r in rows], dtype=np.int64))


def _why_not(r: CreditRecordRow, end: int, as_of: int) -> str:
    if day_number(r.occurred_on) > as_of:
        return "not_yet"
    if end > as_of:
        return ""
    if r.repaired_on is not None and day_number(r.repaired_on) == end:
        return "repaired"
    if r.ended_on is not None and day_number(r.ended_on) == end:
        return "ended"
    return "expired"


def linked_listings(s: Session, entity_id: int, legal_rep: str, as_of: dt.date,
                    limit: int = 20) -> tuple[tuple[LinkedListing, ...], int]:
    """Serious-violation listings in force of other entities with the same legal representative.

    The register holds the representative's name only, so namesakes are linked too (the
    first 2,000 of them are looked at); the list is capped at ``limit`` and the total says
    how many there are.
    """
    c, m = CreditRecord, MarketEntity
    # Two steps, so each uses its own index (a planner may prefer scanning every listing).
    namesakes = list(s.scalars(select(m.id).where(m.legal_rep == legal_rep, m.id != entity_id)))
    if not namesakes:
        return (), 0
    q = (select(m.id, m.uscc, m.name, c.occurred_on, c.title, c.kind, c.ended_on, c.repaired_on)
         .join(c, c.entity_id == m.id).where(c.entity_id.in_(namesakes[:2000])))
    rows = sorted(((eid, uscc, name, day, title) for eid, uscc, name, day, title, kind, ended, repaired in s.execute(q)
                   if kind == SERIOUS and day <= as_of and ended is None and repaired is None),
                  key=lambda r: (-r[3].toordinal(), r[0]))
    return tuple(LinkedListing(*r) for r in rows[:limit]), len(rows)


def explain_in(s: Session, entity_id: int, as_of: dt.date | None = None, rules: RuleSet | None = None) -> Explanation:
    """:func:`explain` inside an open session."""
    entity = s.get(MarketEntity, entity_id)
    if entity is None:
        raise NotFound(f"市场主体 {entity_id} 不存在 (entity {entity_id} does not exist)", where="entity")
    day = as_of or utcnow().date()
    rules = rules or active_rules(s)
    rows = _records(s, [entity_id])[entity_id]
    arrays = _arrays(rows)
    today = day_number(day)
    live, value = contributions(rules, arrays, today)
    ends = end_days(rules, arrays)
    scores, cls = score(rules, arrays, 1, today)
    weighted = tuple(
        WeightedRecord(r, rules.weight(r.kind), float(np.exp2(-max(today - day_number(r.occurred_on), 0)
                                                             / rules.half_life_days)),
                       float(value[i]), bool(live[i]),
                       None if ends[i] >= NO_DAY else EPOCH + dt.timedelta(days=int(ends[i])),
                       _why_not(r, int(ends[i]), today))
        for i, r in enumerate(rows))
    floors = tuple(sorted({w.record.kind for w in weighted if w.in_force and w.record.kind in rules.floors
                           and rules.floors[w.record.kind] != "A"}))
    current = _current(s, [entity_id])[entity_id]
    linked, total = linked_listings(s, entity_id, entity.legal_rep, day)
    return Explanation(entity.id, entity.uscc, entity.name, day, weighted, rules.base, float(scores[0]),
                       CLASSES[int(cls[0])], floors, rules, current.risk_class, current.overridden,
                       current.official_source, linked, total)


def explain(db: Database, entity_id: int, as_of: dt.date | None = None) -> Explanation:
    """Why ``entity_id`` has its class on ``as_of`` (default today) under the active rule set."""
    with db.sessions() as s:
        return explain_in(s, entity_id, as_of)


def entity_id_of(db: Database, uscc: str) -> int:
    """The id of the entity with credit code ``uscc`` (NotFound if none)."""
    with db.sessions() as s:
        found = s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == uscc.strip().upper()))
    if found is None:
        raise NotFound(f"没有统一社会信用代码为 {uscc} 的市场主体 (no entity with credit code {uscc})", where="uscc")
    return int(found)


__all__ = ["KINDS", "LISTS", "CreditRecordRow", "CurrentClass", "Explanation", "LinkedListing", "WeightedRecord",
           "current_class", "entity_id_of", "explain", "explain_in", "linked_listings", "records_of"]
