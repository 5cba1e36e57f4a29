"""The reference data the Entities workspace shows: division, industry and tag names.

Loaded once per workspace in a worker (:func:`load_reference`) and handed to the UI as
one frozen value; the table, the filters and the map look names up here instead of
showing codes. Village names exist in Chinese only, so they show in Chinese in English too.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from core.db.database import Database
from core.reference import load_profile
from core.services.tagging import TagInfo, list_tags


@dataclass(frozen=True)
class Place:
    """A town (with its centre) or a village (centre unknown: lat/lng None)."""

    code: str
    name_zh: str
    name_en: str
    parent: str | None = None
    lat: float | None = None
    lng: float | None = None

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_zh


@dataclass(frozen=True)
class EntityReference:
    """Towns, villages, industries and tags of the city, with lookups by code."""

    city_zh: str
    city_en: str
    bounds: tuple[float, float, float, float]  # south, west, north, east (WGS-84)
    towns: tuple[Place, ...]
    villages: tuple[Place, ...]
    industries: tuple[Place, ...]
    tags: tuple[TagInfo, ...]
    _by_code: Mapping[str, Place] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Town, village and industry codes have different lengths (9, 12, 4), so one map serves.
        index = {p.code: p for p in (*self.towns, *self.villages, *self.industries)}
        object.__setattr__(self, "_by_code", MappingProxyType(index))

    def name(self, code: str, lang: str) -> str:
        """The name of a town, village or industry code; the code itself when unknown."""
        place = self._by_code.get(code)
        return place.name(lang) if place is not None else code

    def villages_of(self, town_code: str) -> tuple[Place, ...]:
        return tuple(v for v in self.villages if v.parent == town_code)

    def tag(self, tag_id: int) -> TagInfo | None:
        return next((t for t in self.tags if t.id == tag_id), None)

    def with_tags(self, tags: list[TagInfo] | tuple[TagInfo, ...]) -> EntityReference:
        """The same reference with a fresh tag list (after a tag was created)."""
        return replace(self, tags=tuple(tags))


def load_reference(db: Database) -> EntityReference:
    """Read the database's city profile and its tags (worker thread)."""
    profile = load_profile(db.meta().get("profile", "yiwu"))
    towns = tuple(Place(t.code, t.name_zh, t.name_en, None, t.lat, t.lng) for t in profile.towns)
    villages = tuple(Place(v.code, v.name_zh, "", v.town_code) for v in profile.villages)
    industries = tuple(Place(i.code, i.name_zh, i.name_en) for i in sorted(profile.industries, key=lambda i: i.code))
    return EntityReference(profile.name_zh, profile.name_en, tuple(profile.bounds), towns, villages, industries,
                           tuple(list_tags(db, with_counts=True)))
