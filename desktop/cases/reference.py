"""What the clue desk looks names up in: departments with their matters, towns, villages, industries.

Loaded once per workspace in a worker (:func:`load_cases_reference`) and handed to the UI as
one frozen value. The places come from the city profile, without the tag counts the
Entities workspace needs (counting tags over a whole city is not worth it here).
"""
from __future__ import annotations

from dataclasses import dataclass

from core.db.database import Database
from core.reference import load_profile
from core.services.matters import DepartmentInfo, MatterInfo, departments_with_matters
from desktop.entities.reference import Place

from .words import department_names, matter_label


@dataclass(frozen=True)
class CasesReference:
    departments: tuple[DepartmentInfo, ...]
    towns: tuple[Place, ...]
    villages: tuple[Place, ...]
    industries: tuple[Place, ...]
    centre: tuple[float, float]      # the middle of the city (lat, lng), where a new position starts

    def department_names(self, lang: str) -> dict[int, str]:
        return department_names(self.departments, lang)

    def matters(self) -> tuple[tuple[DepartmentInfo, MatterInfo], ...]:
        return tuple((d, m) for d in self.departments for m in d.matters)

    def matter_names(self, lang: str) -> dict[str, str]:
        """Matter names by code (what a clue's detail carries)."""
        return {m.code: (m.name_zh if lang.startswith("zh") or not m.name_en else m.name_en)
                for _d, m in self.matters()}

    def village_names(self, lang: str) -> dict[str, str]:
        """"town · village" by village code."""
        towns = {t.code: t.name(lang) for t in self.towns}
        return {v.code: f"{towns.get(v.parent or '', '')} · {v.name(lang)}" for v in self.villages}

    def matter_title(self, matter_id: int, lang: str) -> str:
        """"code name" of matter ``matter_id``."""
        return next((matter_label(m, lang) for _d, m in self.matters() if m.id == matter_id), f"#{matter_id}")

    def place_name(self, code: str | None, lang: str) -> str:
        for place in (*self.towns, *self.villages, *self.industries):
            if place.code == code:
                return place.name(lang)
        return code or ""


def load_cases_reference(db: Database) -> CasesReference:
    """Departments (with matters) and the city's places (worker thread)."""
    profile = load_profile(db.meta().get("profile", "yiwu"))
    south, west, north, east = profile.bounds
    return CasesReference(
        departments=tuple(departments_with_matters(db)),
        towns=tuple(Place(t.code, t.name_zh, t.name_en, None, t.lat, t.lng) for t in profile.towns),
        villages=tuple(Place(v.code, v.name_zh, "", v.town_code) for v in profile.villages),
        industries=tuple(Place(i.code, i.name_zh, i.name_en) for i in sorted(profile.industries, key=lambda i: i.code)),
        centre=((south + north) / 2, (west + east) / 2))
