"""Synthetic columns for benchmarks at province scale (no database needed).

Entities cluster like a real province: towns are Gaussian blobs of lognormal size,
villages smaller blobs inside them, with the demo city's attribute mix (risk A60/B25/C12/D3).
The same ``n`` and ``seed`` always give the same columns.
"""
from __future__ import annotations

import numpy as np

from .columns import ENTITY_TYPES, RISKS, STATUSES, EntityColumns, assemble

PROVINCE = (27.0, 118.0, 31.2, 122.9)  # south, west, north, east: about Zhejiang's extent
RISK_MIX = (0.60, 0.25, 0.12, 0.03)
TYPE_MIX = (0.33, 0.65, 0.02)
STATUS_MIX = (0.85, 0.12, 0.03)
VILLAGES_PER_TOWN = 12
INDUSTRIES = 60
ENTITIES_PER_TOWN = 8_000


def _pick(rng: np.random.Generator, shares: tuple[float, ...], n: int) -> np.ndarray:
    """``n`` class indices drawn with the given shares (faster than ``rng.choice(p=...)``)."""
    u = rng.random(n, dtype=np.float32)
    code = np.zeros(n, dtype=np.uint8)
    for edge in np.cumsum(shares)[:-1]:
        code += u >= edge
    return code


def synthetic_columns(n: int, *, seed: int = 0, bounds: tuple[float, float, float, float] = PROVINCE,
                      n_tags: int = 20) -> EntityColumns:
    """``n`` made-up entities inside ``bounds`` (south, west, north, east), WGS-84 display."""
    rng = np.random.default_rng(seed)
    south, west, north, east = bounds
    n_towns = max(1, min(n // ENTITIES_PER_TOWN, 60_000 // VILLAGES_PER_TOWN))
    margin_lat, margin_lng = (north - south) * 0.05, (east - west) * 0.05
    town_lat = rng.uniform(south + margin_lat, north - margin_lat, n_towns)
    town_lng = rng.uniform(west + margin_lng, east - margin_lng, n_towns)
    town_weight = rng.lognormal(0.0, 1.0, n_towns)
    town_sigma = 0.01 + 0.02 * town_weight / town_weight.max()

    # Ids run town by town (row order is spatial anyway); np.repeat beats drawing per entity.
    town = np.repeat(np.arange(n_towns), rng.multinomial(n, town_weight / town_weight.sum()))
    sub = rng.integers(0, VILLAGES_PER_TOWN, size=n)
    village = town * VILLAGES_PER_TOWN + sub
    village_dlat = rng.normal(0.0, 1.0, (n_towns * VILLAGES_PER_TOWN, 2))
    spread = town_sigma[town]
    lat = town_lat[town] + spread * (village_dlat[village, 0] + 0.3 * rng.normal(size=n))
    lng = town_lng[town] + spread * (village_dlat[village, 1] + 0.3 * rng.normal(size=n))
    np.clip(lat, south, north, out=lat)
    np.clip(lng, west, east, out=lng)

    codes = {
        "risk": _pick(rng, RISK_MIX, n),
        "entity_type": _pick(rng, TYPE_MIX, n),
        "status": _pick(rng, STATUS_MIX, n),
        "industry": rng.integers(0, INDUSTRIES, size=n),
        "town": town,
        "village": village,
    }
    vocab = {
        "risk": RISKS, "entity_type": ENTITY_TYPES, "status": STATUSES,
        "industry": tuple(f"I{i:03d}" for i in range(INDUSTRIES)),
        "town": tuple(f"{330000000 + i:09d}" for i in range(n_towns)),
        "village": tuple(f"{330000000 + i // VILLAGES_PER_TOWN:09d}{i % VILLAGES_PER_TOWN:03d}"
                         for i in range(n_towns * VILLAGES_PER_TOWN)),
    }
    # Tag prevalence from 0.2 % to 15 %, like the demo city's regulatory tags.
    shares = np.geomspace(0.002, 0.15, n_tags) if n_tags else np.zeros(0)
    tags = {tag + 1: np.flatnonzero(rng.random(n, dtype=np.float32) < share) for tag, share in enumerate(shares)}
    return assemble(ids=np.arange(1, n + 1, dtype=np.int64), lat_wgs=lat, lng_wgs=lng, codes=codes, vocab=vocab,
                    tag_members=tags, display="wgs84", stamp=f"synthetic:{n}:{seed}:{n_tags}:{bounds}")
