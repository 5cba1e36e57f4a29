"""Departments and the matters they inspect ("one list"), for planning joint inspections."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from core.db.database import Database
from core.db.models import Department, Inspector, RegulatoryMatter


@dataclass(frozen=True)
class MatterInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    category: str  # "general" | "key"


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    group: str
    inspectors: int  # active, certificate valid on ``on``
    matters: tuple[MatterInfo, ...]

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") or not self.name_en else self.name_en


def departments_with_matters(db: Database, *, on: dt.date | None = None) -> list[DepartmentInfo]:
    """Every department with its matters and how many inspectors it can send on ``on``."""
    on = on or dt.date.today()
    with db.sessions() as s:
        counts = dict(s.execute(
            select(Inspector.department_id, func.count())
            .where(Inspector.active.is_(True), Inspector.certificate_valid_until >= on)
            .group_by(Inspector.department_id)).all())
        matters: dict[int, list[MatterInfo]] = {}
        for m in s.scalars(select(RegulatoryMatter).order_by(RegulatoryMatter.code)):
            matters.setdefault(m.department_id, []).append(
                MatterInfo(m.id, m.code, m.name_zh, m.name_en, m.category.value))
        return [DepartmentInfo(d.id, d.code, d.name_zh, d.name_en, d.group, counts.get(d.id, 0),
                               tuple(matters.get(d.id, ())))
                for d in s.scalars(select(Department).order_by(Department.id))]
