"""Reference data of a city profile (divisions, departments, matters, tags, industries, names).

    from core.reference import load_profile
    yiwu = load_profile()            # packaged resources/profiles/yiwu.json, cached
    yiwu.town("330782008").name_en   # 'Futian Subdistrict'

Data files live in the ``resources`` package (``resources/profiles``,
``resources/reference``); broken or inconsistent files raise
:class:`core.errors.ConfigError` naming the file and field.
"""
from __future__ import annotations

from .loader import available_profiles, clear_cache, load_profile
from .model import (
    CATEGORIES, ENTITY_TYPES, FIVE_FIELDS, GROUPS, RISK_CLASSES, TOWN_KINDS, Bounds,
    ChecklistItem, CityProfile, DemoMix, Department, Industry, LatLng, Matter, NameFamily,
    NameParts, RiskRatio, Tag, Town, Village,
)

__all__ = [
    "CATEGORIES", "ENTITY_TYPES", "FIVE_FIELDS", "GROUPS", "RISK_CLASSES", "TOWN_KINDS",
    "Bounds", "ChecklistItem", "CityProfile", "DemoMix", "Department", "Industry", "LatLng",
    "Matter", "NameFamily", "NameParts", "RiskRatio", "Tag", "Town", "Village",
    "available_profiles", "clear_cache", "load_profile",
]
