"""Load a city profile's reference data (divisions, departments, matters, tags) into a database."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from core.db.models import (
    AppMeta,
    ChecklistItem,
    Department,
    Industry,
    RegulatoryMatter,
    Role,
    RoleCode,
    Tag,
    Town,
    Village,
)
from core.db.uow import UnitOfWork
from core.reference import CityProfile

from .geography import approximate_village_centres

ROLE_NAMES = {
    RoleCode.OPERATOR: ("值班操作员", "Operator"),
    RoleCode.LEADER: ("指挥长", "Leader"),
    RoleCode.PLANNER: ("抽查计划员", "Inspection planner"),
    RoleCode.MONITOR: ("效能监察员", "Efficiency monitor"),
    RoleCode.DEPARTMENT: ("部门用户", "Department user"),
    RoleCode.ADMIN: ("系统管理员", "Administrator"),
    RoleCode.TOWN: ("乡镇网格用户", "Town grid user"),
}


def seed_reference(uow: UnitOfWork, profile: CityProfile) -> bool:
    """Insert the profile's reference rows into an empty database; False if already there.

    The caller commits; the audit entry records which profile was loaded.
    """
    s = uow.session
    if s.scalar(select(func.count()).select_from(Town)):
        return False
    centres = approximate_village_centres(profile)
    s.add_all(Role(code=code, name_zh=zh, name_en=en) for code, (zh, en) in ROLE_NAMES.items())
    s.add_all(
        Town(code=t.code, name_zh=t.name_zh, name_en=t.name_en, kind=t.kind, lat=t.lat, lng=t.lng)
        for t in profile.towns
    )
    s.flush()
    s.add_all(
        Village(code=v.code, name_zh=v.name_zh, town_code=v.town_code,
                lat=centres[v.code][0], lng=centres[v.code][1])
        for v in profile.villages
    )
    depts = {
        d.code: Department(code=d.code, name_zh=d.name_zh, name_en=d.name_en, group=d.group, field=d.field)
        for d in profile.departments
    }
    s.add_all(depts.values())
    s.add_all(Industry(code=i.code, name_zh=i.name_zh, name_en=i.name_en) for i in profile.industries)
    s.add_all(
        Tag(code=t.code, name_zh=t.name_zh, name_en=t.name_en, colour=t.colour,
            meaning_zh=t.meaning_zh, meaning_en=t.meaning_en)
        for t in profile.tags
    )
    s.flush()
    for m in profile.matters:
        matter = RegulatoryMatter(
            code=m.code, department_id=depts[m.department].id, name_zh=m.name_zh,
            name_en=m.name_en, category=m.category, legal_basis=m.legal_basis,
            applies_to=({"industries": list(m.industries), "entity_types": list(m.entity_types)}
                        if m.industries or m.entity_types else None),
        )
        matter.items = [
            ChecklistItem(seq=c.seq, text_zh=c.text_zh, text_en=c.text_en, standard_zh=c.standard_zh)
            for c in m.checklist
        ]
        s.add(matter)
    s.add_all([
        AppMeta(key="profile", value=profile.name),
        AppMeta(key="county_code", value=profile.county_code),
        AppMeta(key="city_name_zh", value=profile.name_zh),
        AppMeta(key="city_name_en", value=profile.name_en),
        AppMeta(key="village_centres", value="approximate"),
    ])
    uow.audit("reference.seed", "profile", profile.name, after={
        "towns": len(profile.towns), "villages": len(profile.villages),
        "departments": len(profile.departments), "matters": len(profile.matters),
    })
    s.flush()
    return True


def meta_json(value: object) -> str:
    """Serialise a value for app_meta."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
