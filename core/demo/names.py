"""Chinese names of people, entities and addresses, made from a profile's name parts.

Choices are drawn with numpy per (entity type, industry) group, then put together with
``str.format`` in one pass, so a chunk of 50,000 entities takes well under a second.
"""
from __future__ import annotations

import numpy as np

from core.reference import CityProfile
from core.reference.model import Weighted

from .entities_types import TYPES

_ADMIN_SUFFIXES = ("社区居民委员会", "社区居委会", "村民委员会", "村委会", "居民委员会", "居委会")


def _weighted(rng: np.random.Generator, options: Weighted, n: int) -> np.ndarray:
    values = np.array([v for v, _ in options], dtype=object)
    p = np.array([w for _, w in options], dtype=float)
    return values[rng.choice(len(values), size=n, p=p / p.sum())]


def _pick(rng: np.random.Generator, options: tuple[str, ...], n: int) -> np.ndarray:
    return np.array(options, dtype=object)[rng.integers(0, len(options), n)]


def village_short_name(name_zh: str) -> str:
    """"江滨社区居委会" -> "江滨社区", "下骆宅村委会" -> "下骆宅村" (what an address says)."""
    for suffix in _ADMIN_SUFFIXES:
        if name_zh.endswith(suffix):
            stem = name_zh[: -len(suffix)]
            return stem + ("社区" if "社区" in suffix or suffix.startswith("居") else "村")
    return name_zh


class NameMaker:
    """Builds names for one profile; every draw comes from the caller's generator."""

    def __init__(self, profile: CityProfile) -> None:
        self.profile = profile
        self.parts = profile.names
        self.town_short = {t.code: t.short_zh for t in profile.towns}
        self.town_full = {t.code: t.name_zh for t in profile.towns}
        villages = sorted(profile.villages, key=lambda v: v.code)
        self.village_names = np.array([village_short_name(v.name_zh) for v in villages], dtype=object)

    def people(self, rng: np.random.Generator, n: int) -> list[str]:
        """Personal names: a surname and one or two given characters."""
        surnames = _weighted(rng, self.parts.surnames, n)
        lengths = _weighted(rng, tuple(self.parts.given_length.items()), n)
        first = _pick(rng, self.parts.given_chars, n)
        second = _pick(rng, self.parts.given_chars, n)
        return [s + a + (b if k == 2 else "") for s, a, b, k in zip(surnames, first, second, lengths)]

    def make(self, rng: np.random.Generator, type_idx: np.ndarray, industry_idx: np.ndarray,
             town_codes: np.ndarray, village_idx: np.ndarray) -> tuple[list[str], list[str], list[str]]:
        """(entity names, legal representatives, addresses) for one chunk."""
        n = len(type_idx)
        industries = self.profile.industries
        pattern = np.empty(n, dtype=object)
        word = np.empty(n, dtype=object)
        suffix = np.empty(n, dtype=object)
        groups = type_idx * len(industries) + industry_idx
        for g in np.unique(groups):
            sel = np.flatnonzero(groups == g)
            t, i = divmod(int(g), len(industries))
            etype, code = TYPES[t], industries[i].code
            pattern[sel] = _weighted(rng, self.parts.patterns[etype], len(sel))
            word[sel] = _pick(rng, self.parts.family_of(code).words_for(etype), len(sel))
            suffix[sel] = _weighted(rng, self.parts.suffixes_for(etype, code), len(sel))
        core = _pick(rng, self.parts.trade_cores, n)
        county, county_short = self.profile.name_zh, self.profile.short_zh
        names = [
            p.format(county=county, county_short=county_short, town=self.town_short[tc], core=c, word=w, suffix=s)
            for p, tc, c, w, s in zip(pattern, town_codes.tolist(), core, word, suffix)
        ]
        return names, self.people(rng, n), self._addresses(rng, town_codes, village_idx)

    def _addresses(self, rng: np.random.Generator, town_codes: np.ndarray, village_idx: np.ndarray) -> list[str]:
        n = len(town_codes)
        pattern = _weighted(rng, self.parts.address_patterns, n)
        number = rng.integers(1, self.parts.number_max + 1, n).tolist()
        road = np.empty(n, dtype=object)
        market = np.empty(n, dtype=object)
        for town in np.unique(town_codes):
            sel = np.flatnonzero(town_codes == town)
            roads = self.parts.roads.get(str(town)) or tuple(
                s + k for s in self.parts.road_stems for k in self.parts.road_kinds)
            road[sel] = _pick(rng, roads, len(sel))
            markets = self.parts.markets.get(str(town))
            if markets:
                market[sel] = _pick(rng, markets, len(sel))
        # Towns without a market use the street-address form instead.
        fallback = self.parts.address_patterns[0][0]
        county = self.profile.name_zh
        return [
            (p if (m is not None or "{market}" not in p) else fallback).format(
                county=county, town_full=self.town_full[tc], road=r, village=v, market=m, number=num)
            for p, tc, r, v, m, num in zip(pattern, town_codes.tolist(), road,
                                           self.village_names[village_idx], market, number)
        ]
