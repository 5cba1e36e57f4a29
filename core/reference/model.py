"""Immutable reference data of a city profile: divisions, departments, matters, tags, industries.

Everything here is plain data: frozen dataclasses, tuples and read-only mappings, built and
checked by :mod:`core.reference.loader`. Nothing imports Qt or touches a database.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import NamedTuple

from core.errors import NotFound

ENTITY_TYPES = ("individual", "enterprise", "cooperative")
RISK_CLASSES = ("A", "B", "C", "D")
TOWN_KINDS = ("street", "town", "township")
GROUPS = ("5", "1", "X")
FIVE_FIELDS = ("market", "ecology", "culture", "transport", "agriculture")
CATEGORIES = ("general", "key")


def _empty() -> Mapping:
    return MappingProxyType({})


class LatLng(NamedTuple):
    """A WGS-84 point; unpacks as ``lat, lng``."""

    lat: float
    lng: float


class Bounds(NamedTuple):
    """A WGS-84 box."""

    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lng: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lng <= self.east


@dataclass(frozen=True)
class Town:
    """A town-level division (街道 street, 镇 town, 乡 township) with its approximate centre."""

    code: str
    name_zh: str
    name_en: str
    kind: str
    lat: float
    lng: float
    density: float  # relative weight for placing demo entities

    @property
    def short_zh(self) -> str:
        """The name without its 街道/镇/乡 ending, as used inside entity names (稠城, 佛堂)."""
        for end in ("街道", "镇", "乡"):
            if self.name_zh.endswith(end) and len(self.name_zh) > len(end):
                return self.name_zh[: -len(end)]
        return self.name_zh


@dataclass(frozen=True)
class Village:
    """A village or community committee (村/社区) under a town."""

    code: str
    name_zh: str
    town_code: str


@dataclass(frozen=True)
class Department:
    """An enforcement department; ``group`` is its place in "5+1+X", ``field`` its domain."""

    code: str
    name_zh: str
    name_en: str
    group: str
    field: str | None


@dataclass(frozen=True)
class ChecklistItem:
    seq: int
    text_zh: str
    text_en: str
    standard_zh: str


@dataclass(frozen=True)
class Matter:
    """A regulatory matter (监管事项) with its standard checklist (检查表单).

    ``tags`` names the regulatory tags of the entities the matter applies to; empty means
    it applies to every entity. ``industries`` and ``entity_types`` (``applies_to`` in
    matters.json) name the objects a draw for the matter may pick; empty means every one.
    """

    code: str
    department: str
    name_zh: str
    name_en: str
    category: str
    legal_basis: str
    checklist: tuple[ChecklistItem, ...]
    tags: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tag:
    """A regulatory attribute tag (监管属性)."""

    code: str
    name_zh: str
    name_en: str
    colour: str
    meaning_zh: str
    meaning_en: str


@dataclass(frozen=True)
class Industry:
    """A GB/T 4754-2017 class with its demo weight, allowed entity types and tag odds."""

    code: str
    name_zh: str
    name_en: str
    weight: float
    types: tuple[str, ...]
    tags: Mapping[str, float] = field(default_factory=_empty)

    def __hash__(self) -> int:
        return hash(("industry", self.code))


@dataclass(frozen=True)
class RiskRatio:
    """Sampling ratio range (fractions of the pool) for one credit-risk class."""

    cls: str
    min: float
    max: float


@dataclass(frozen=True)
class DemoMix:
    """Shares the demo generator draws entity types and risk classes from."""

    entity_types: Mapping[str, float]
    risk_classes: Mapping[str, float]
    key_area_tag: str | None = None
    key_area_towns: tuple[str, ...] = ()


Weighted = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class NameFamily:
    """Business words of an industry family (饰品, 玩具, 餐饮...) for entity names."""

    code: str
    name_zh: str
    industries: tuple[str, ...]
    words: tuple[str, ...]
    words_by_type: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    suffixes: Mapping[str, Weighted] = field(default_factory=_empty)

    def __hash__(self) -> int:
        return hash(("name_family", self.code))

    def words_for(self, entity_type: str) -> tuple[str, ...]:
        return self.words_by_type.get(entity_type, self.words)


@dataclass(frozen=True, eq=False)
class NameParts:
    """Material for synthetic names of people, entities and addresses.

    Weights are relative (not necessarily summing to 1). Patterns are ``str.format``
    templates: entity patterns use {county} {county_short} {town} {core} {word} {suffix};
    address patterns use {county} {town_full} {road} {village} {market} {number}.
    """

    surnames: Weighted
    given_chars: tuple[str, ...]
    given_length: Mapping[int, float]
    trade_cores: tuple[str, ...]
    patterns: Mapping[str, Weighted]
    suffixes: Mapping[str, Weighted]
    families: tuple[NameFamily, ...]
    address_patterns: Weighted
    number_max: int
    roads: Mapping[str, tuple[str, ...]]
    road_stems: tuple[str, ...]
    road_kinds: tuple[str, ...]
    markets: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)

    @cached_property
    def _family_by_industry(self) -> Mapping[str, NameFamily]:
        return MappingProxyType({code: f for f in self.families for code in f.industries})

    def family_of(self, industry_code: str) -> NameFamily:
        try:
            return self._family_by_industry[industry_code]
        except KeyError:
            raise NotFound(f"no name family for industry {industry_code}") from None

    def suffixes_for(self, entity_type: str, industry_code: str) -> Weighted:
        """The family's own suffixes for this type if it has them, else the type's defaults."""
        return self.family_of(industry_code).suffixes.get(entity_type) or self.suffixes[entity_type]


@dataclass(frozen=True, eq=False)
class CityProfile:
    """Everything the product knows about one city: map, divisions, departments, rules.

    Compared and hashed by identity: load_profile() caches one instance per name.
    """

    name: str
    county_code: str
    name_zh: str
    name_en: str
    centre: LatLng
    bounds: Bounds
    towns: tuple[Town, ...]
    villages: tuple[Village, ...]
    departments: tuple[Department, ...]
    matters: tuple[Matter, ...]
    tags: tuple[Tag, ...]
    industries: tuple[Industry, ...]
    names: NameParts
    sampling_table: Mapping[str, RiskRatio]
    demo_mix: DemoMix
    zoom: int = 11
    divisions_source: Mapping[str, object] = field(default_factory=_empty, compare=False)

    @property
    def short_zh(self) -> str:
        """County name without 市/县/区 (义乌), as in 鑫源（义乌）饰品有限公司."""
        if self.name_zh[-1:] in ("市", "县", "区") and len(self.name_zh) > 2:
            return self.name_zh[:-1]
        return self.name_zh

    @cached_property
    def _index(self) -> dict[str, Mapping[str, object]]:
        def by_code(items):
            return MappingProxyType({i.code: i for i in items})
        return {
            "town": by_code(self.towns), "village": by_code(self.villages),
            "department": by_code(self.departments), "matter": by_code(self.matters),
            "tag": by_code(self.tags), "industry": by_code(self.industries),
        }

    def _get(self, kind: str, code: str):
        try:
            return self._index[kind][code]
        except KeyError:
            raise NotFound(f"no {kind} {code!r} in profile {self.name}", where=f"profile {self.name}") from None

    def town(self, code: str) -> Town:
        return self._get("town", code)

    def village(self, code: str) -> Village:
        return self._get("village", code)

    def department(self, code: str) -> Department:
        return self._get("department", code)

    def matter(self, code: str) -> Matter:
        return self._get("matter", code)

    def tag(self, code: str) -> Tag:
        return self._get("tag", code)

    def industry(self, code: str) -> Industry:
        return self._get("industry", code)

    def villages_of(self, town_code: str) -> tuple[Village, ...]:
        return tuple(v for v in self.villages if v.town_code == town_code)

    def matters_of(self, department_code: str) -> tuple[Matter, ...]:
        return tuple(m for m in self.matters if m.department == department_code)

    def departments_in(self, group: str) -> tuple[Department, ...]:
        return tuple(d for d in self.departments if d.group == group)
