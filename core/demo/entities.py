"""Market entities of the demo city, generated one chunk at a time with numpy."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.reference import CityProfile

from .codes import TYPE_DIGIT, demo_usccs
from .entities_types import RISKS, TYPES
from .names import NameMaker
from .spec import STREAM_ENTITIES, STREAM_TAGS, DemoSpec

ENTITY_COLUMNS = (
    "id", "uscc", "name", "entity_type", "industry_code", "legal_rep", "address",
    "town_code", "village_code", "lat", "lng", "registered_on", "status", "risk_class",
)
FIRST_YEAR = 1992


@dataclass(frozen=True)
class Geography:
    """Villages as arrays, with the probability an entity is located in each."""

    village_codes: np.ndarray
    town_codes: np.ndarray  # town of each village
    lat: np.ndarray
    lng: np.ndarray
    spread_deg: np.ndarray  # scatter around the village centre
    p: np.ndarray

    @classmethod
    def build(cls, profile: CityProfile, centres: dict[str, tuple[float, float]]) -> "Geography":
        towns = {t.code: t for t in profile.towns}
        per_town: dict[str, int] = {}
        for v in profile.villages:
            per_town[v.town_code] = per_town.get(v.town_code, 0) + 1
        villages = sorted(profile.villages, key=lambda v: v.code)
        weight = np.array([towns[v.town_code].density / per_town[v.town_code] for v in villages])
        return cls(
            village_codes=np.array([v.code for v in villages]),
            town_codes=np.array([v.town_code for v in villages]),
            lat=np.array([centres[v.code][0] for v in villages]),
            lng=np.array([centres[v.code][1] for v in villages]),
            spread_deg=np.array([0.004 if towns[v.town_code].kind == "street" else 0.007 for v in villages]),
            p=weight / weight.sum(),
        )


@dataclass(frozen=True)
class EntityChunk:
    """The columns of one generated chunk that later stages need again."""

    ids: np.ndarray
    type_idx: np.ndarray
    industry_idx: np.ndarray
    village_idx: np.ndarray
    registered: np.ndarray  # datetime64[D]
    risk_idx: np.ndarray
    status: np.ndarray
    rows: list[tuple]


def _registration_dates(rng: np.random.Generator, n: int, as_of: np.datetime64) -> np.ndarray:
    # Yiwu's entity count grew ~12% a year; sample years from that growth curve.
    last_year = int(as_of.astype("datetime64[Y]").astype(int)) + 1970
    years = np.arange(FIRST_YEAR, last_year + 1)
    w = 1.12 ** (years - FIRST_YEAR)
    year = rng.choice(years, size=n, p=w / w.sum())
    start = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    end = np.minimum((year - 1969).astype("datetime64[Y]").astype("datetime64[D]"), as_of)
    return start + (rng.random(n) * (end - start).astype(np.int64)).astype(np.int64)


class EntityGenerator:
    """Generates entities chunk by chunk; identical output for identical spec."""

    def __init__(self, spec: DemoSpec, profile: CityProfile, geography: Geography) -> None:
        self.spec = spec
        self.profile = profile
        self.geo = geography
        self.names = NameMaker(profile)
        mix = profile.demo_mix
        self.type_p = np.array([mix.entity_types[t] for t in TYPES])
        self.type_p /= self.type_p.sum()
        self.risk_p = np.array([mix.risk_classes[r] for r in RISKS])
        self.risk_p /= self.risk_p.sum()
        self.industries = list(profile.industries)
        self.industry_codes = np.array([i.code for i in self.industries])
        self.industry_p_by_type = []
        for t in TYPES:
            w = np.array([i.weight if t in i.types else 0.0 for i in self.industries])
            self.industry_p_by_type.append(w / w.sum())
        self.tags = list(profile.tags)
        tag_pos = {t.code: k for k, t in enumerate(self.tags)}
        self.tag_p = np.zeros((len(self.industries), len(self.tags)))
        for i, ind in enumerate(self.industries):
            for code, prob in ind.tags.items():
                self.tag_p[i, tag_pos[code]] = prob

    def chunk(self, index: int, start: int, n: int) -> EntityChunk:
        """Entities ``start .. start+n-1`` (ids are 1-based)."""
        rng = self.spec.rng(STREAM_ENTITIES, index)
        as_of = np.datetime64(self.spec.as_of, "D")
        ids = np.arange(start + 1, start + n + 1)
        type_idx = rng.choice(len(TYPES), size=n, p=self.type_p)
        industry_idx = np.empty(n, dtype=np.int64)
        for t in range(len(TYPES)):
            sel = np.flatnonzero(type_idx == t)
            industry_idx[sel] = rng.choice(len(self.industries), size=len(sel), p=self.industry_p_by_type[t])
        village_idx = rng.choice(len(self.geo.village_codes), size=n, p=self.geo.p)
        spread = self.geo.spread_deg[village_idx]
        lat = np.round(self.geo.lat[village_idx] + rng.normal(0, 1, n) * spread, 6)
        lng = np.round(self.geo.lng[village_idx] + rng.normal(0, 1, n) * spread * 1.15, 6)
        registered = _registration_dates(rng, n, as_of)
        age_years = (as_of - registered).astype(np.int64) / 365.25
        gone = rng.random(n) < np.clip(0.01 + 0.012 * age_years, 0, 0.35)
        status = np.where(gone, np.where(rng.random(n) < 0.12, "revoked", "deregistered"), "active")
        risk_idx = rng.choice(len(RISKS), size=n, p=self.risk_p)
        type_names = np.array(TYPES)[type_idx]
        digit = np.array([TYPE_DIGIT[t] for t in TYPES])[type_idx]
        usccs = demo_usccs(ids - 1, digit, self.profile.county_code)
        town_codes = self.geo.town_codes[village_idx]
        names, reps, addresses = self.names.make(rng, type_idx, industry_idx, town_codes, village_idx)
        rows = list(zip(
            ids.tolist(), usccs, names, type_names.tolist(), self.industry_codes[industry_idx].tolist(),
            reps, addresses, town_codes.tolist(), self.geo.village_codes[village_idx].tolist(),
            lat.tolist(), lng.tolist(), np.datetime_as_string(registered).tolist(), status.tolist(),
            np.array(RISKS)[risk_idx].tolist(),
        ))
        return EntityChunk(ids, type_idx, industry_idx, village_idx, registered, risk_idx, status, rows)

    def tag_rows(self, index: int, chunk: EntityChunk, tag_ids: list[int], key_area_tag: int | None,
                 key_area_towns: set[str]) -> list[tuple[int, int]]:
        """(entity_id, tag_id) pairs drawn from each industry's tag probabilities."""
        rng = self.spec.rng(STREAM_TAGS, index)
        p = self.tag_p[chunk.industry_idx]
        hit = rng.random(p.shape) < p
        ent, tag = np.nonzero(hit)
        pairs = list(zip(chunk.ids[ent].tolist(), np.array(tag_ids)[tag].tolist()))
        if key_area_tag is not None and key_area_towns:
            towns = self.geo.town_codes[chunk.village_idx]
            in_area = np.isin(towns, list(key_area_towns)) & (rng.random(len(towns)) < 0.3)
            pairs.extend((int(e), key_area_tag) for e in chunk.ids[in_area])
        return sorted(set(pairs))
