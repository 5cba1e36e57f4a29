"""Dual tagging: regulatory attribute tags (监管属性) and location (地理位置) of entities.

Every change is audited and written to each entity's timeline; tag changes return a
``TagChange`` that ``undo`` reverses exactly (only the pairs that really changed).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, tuple_

from core.db.database import Database
from core.db.models import EntityRecord, MarketEntity, RecordKind, Tag, entity_tags
from core.errors import NotFound, ValidationError
from core.geo.coords import CoordSystem, to_wgs84

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_BATCH = 500


@dataclass(frozen=True)
class TagInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    colour: str
    meaning_zh: str = ""
    meaning_en: str = ""
    entity_count: int | None = None


@dataclass(frozen=True)
class TagChange:
    """What an add or remove really changed: (entity_id, tag_id) pairs."""

    action: str  # "add" | "remove"
    pairs: tuple[tuple[int, int], ...]

    @property
    def entity_count(self) -> int:
        return len({e for e, _ in self.pairs})


def _info(t: Tag, count: int | None = None) -> TagInfo:
    return TagInfo(t.id, t.code, t.name_zh, t.name_en, t.colour, t.meaning_zh, t.meaning_en, count)


def list_tags(db: Database, *, with_counts: bool = False) -> list[TagInfo]:
    """All tags by Chinese name; optionally with how many entities carry each."""
    with db.sessions() as s:
        counts: dict[int, int] = {}
        if with_counts:
            counts = dict(s.execute(select(entity_tags.c.tag_id, func.count()).group_by(entity_tags.c.tag_id)).all())
        return [_info(t, counts.get(t.id, 0) if with_counts else None)
                for t in s.scalars(select(Tag).order_by(Tag.name_zh))]


def create_tag(db: Database, actor: str, *, code: str, name_zh: str, name_en: str, colour: str,
               meaning_zh: str = "", meaning_en: str = "") -> TagInfo:
    """A new tag; the code is a short lowercase identifier, unique, never reused."""
    if not _CODE.match(code):
        raise ValidationError("tag code must be 2-40 lowercase letters, digits or _ starting with a letter", where="code")
    if not name_zh.strip() or not name_en.strip():
        raise ValidationError("a tag needs a Chinese and an English name", where="name")
    if not _COLOUR.match(colour):
        raise ValidationError(f"colour must look like #1f4e8c, not {colour!r}", where="colour")
    with db.uow(actor) as uow:
        uow.require("tag.manage")
        if uow.session.scalar(select(Tag.id).where(Tag.code == code)) is not None:
            raise ValidationError(f"a tag with code {code!r} already exists", where="code")
        tag = Tag(code=code, name_zh=name_zh.strip(), name_en=name_en.strip(), colour=colour,
                  meaning_zh=meaning_zh.strip(), meaning_en=meaning_en.strip())
        uow.session.add(tag)
        uow.session.flush()
        uow.audit("tag.create", "tag", tag.id, after={"code": code, "name_zh": name_zh, "name_en": name_en,
                                                      "colour": colour})
        info = _info(tag)
        uow.commit()
    return info


def _chunks(items: Sequence, size: int = _BATCH) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _change(db: Database, actor: str, action: str, entity_ids: Iterable[int], tag_ids: Iterable[int]) -> TagChange:
    entities = sorted(set(entity_ids))
    tags = sorted(set(tag_ids))
    if not entities or not tags:
        return TagChange(action, ())
    today = dt.date.today()
    with db.uow(actor) as uow:
        uow.require("entity.tag")
        s = uow.session
        known = {t.id: t for t in s.scalars(select(Tag).where(Tag.id.in_(tags)))}
        missing = set(tags) - set(known)
        if missing:
            raise NotFound(f"no tag with id {sorted(missing)}")
        changed: list[tuple[int, int]] = []
        for batch in _chunks(entities):
            found = set(s.scalars(select(MarketEntity.id).where(MarketEntity.id.in_(batch))))
            if len(found) != len(batch):
                raise NotFound(f"no market entity with id {sorted(set(batch) - found)[:5]}")
            wanted = [(e, t) for e in batch for t in tags]
            have = set(s.execute(select(entity_tags.c.entity_id, entity_tags.c.tag_id).where(
                tuple_(entity_tags.c.entity_id, entity_tags.c.tag_id).in_(wanted))).tuples())
            pairs = [p for p in wanted if (p not in have if action == "add" else p in have)]
            if not pairs:
                continue
            if action == "add":
                s.execute(insert(entity_tags), [{"entity_id": e, "tag_id": t} for e, t in pairs])
            else:
                s.execute(delete(entity_tags).where(tuple_(entity_tags.c.entity_id, entity_tags.c.tag_id).in_(pairs)))
            verb = "添加监管属性" if action == "add" else "移除监管属性"
            s.execute(insert(EntityRecord), [
                {"entity_id": e, "kind": RecordKind.TAG_CHANGE, "occurred_on": today,
                 "title": f"{verb}：{known[t].name_zh}", "outcome": f"操作人：{uow.actor}"}
                for e, t in pairs
            ])
            changed.extend(pairs)
        uow.audit(f"entity.tags.{action}", "market_entity", "bulk" if len(entities) > 1 else entities[0],
                  after={"pairs": changed})
        uow.touch("entities", {e for e, _ in changed})
        uow.touch("tags", {t for _, t in changed})
        uow.commit()
    return TagChange(action, tuple(changed))


def add_tags(db: Database, actor: str, entity_ids: Iterable[int], tag_ids: Iterable[int]) -> TagChange:
    """Put tags on entities (bulk); pairs that already exist are left alone."""
    return _change(db, actor, "add", entity_ids, tag_ids)


def remove_tags(db: Database, actor: str, entity_ids: Iterable[int], tag_ids: Iterable[int]) -> TagChange:
    """Take tags off entities (bulk); absent pairs are ignored."""
    return _change(db, actor, "remove", entity_ids, tag_ids)


def undo(db: Database, actor: str, change: TagChange) -> TagChange:
    """Reverse a change: remove what it added, or add back what it removed."""
    inverse = "remove" if change.action == "add" else "add"
    result: list[tuple[int, int]] = []
    by_tag: dict[int, list[int]] = {}
    for e, t in change.pairs:
        by_tag.setdefault(t, []).append(e)
    for t, entities in by_tag.items():
        result.extend(_change(db, actor, inverse, entities, [t]).pairs)
    return TagChange(inverse, tuple(result))


@dataclass(frozen=True)
class LocationChange:
    entity_id: int
    old: tuple[float, float]
    new: tuple[float, float]


def set_location(db: Database, actor: str, entity_id: int, lat: float, lng: float,
                 system: CoordSystem | str = CoordSystem.WGS84) -> LocationChange:
    """Correct an entity's position; input in any system, stored as WGS-84."""
    wlat, wlng = to_wgs84(lat, lng, system)
    with db.uow(actor) as uow:
        uow.require("entity.locate")
        entity = uow.session.get(MarketEntity, entity_id)
        if entity is None:
            raise NotFound(f"no market entity with id {entity_id}")
        old = (entity.lat, entity.lng)
        entity.lat, entity.lng = round(wlat, 7), round(wlng, 7)
        uow.session.add(EntityRecord(
            entity_id=entity_id, kind=RecordKind.TAG_CHANGE, occurred_on=dt.date.today(),
            title=f"更正地理位置：{entity.lat:.6f}, {entity.lng:.6f}（WGS-84）", outcome=f"操作人：{uow.actor}",
            details=f"input {CoordSystem(system).value} {lat}, {lng}; before {old[0]}, {old[1]}"))
        uow.audit("entity.location", "market_entity", entity_id,
                  before={"lat": old[0], "lng": old[1]},
                  after={"lat": entity.lat, "lng": entity.lng, "input": [lat, lng, CoordSystem(system).value]})
        change = LocationChange(entity_id, old, (entity.lat, entity.lng))
        uow.commit()
    return change
