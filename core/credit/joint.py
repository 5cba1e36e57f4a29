"""Joint reward and punishment (联合奖惩): red and black lists and each department's measures.

The lists and measures are reference data (``resources/reference/joint_measures.json``);
membership follows from an entity's credit records in force, so "why" is always a record.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sqlalchemy import select

from core.db.database import Database
from core.db.models import Department
from core.db.models.base import utcnow
from core.errors import ConfigError, NotFound

from .kinds import KINDS
from .records import WeightedRecord, explain_in

FILE = "joint_measures.json"
ALL_DEPARTMENTS = "*"


@dataclass(frozen=True)
class JointList:
    code: str
    name_zh: str
    name_en: str
    member_when: tuple[str, ...]
    unless_any: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    code: str
    list_code: str
    departments: tuple[str, ...]
    name_zh: str
    name_en: str
    basis_zh: str
    basis_en: str

    def applies_to(self, department_code: str | None) -> bool:
        return ALL_DEPARTMENTS in self.departments or department_code in self.departments


@dataclass(frozen=True)
class JointMeasures:
    lists: tuple[JointList, ...]
    measures: tuple[Measure, ...]


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key} must be a non-empty string", where=where)
    return value


def parse_measures(data: object, label: str = FILE, department_codes: frozenset[str] | None = None) -> JointMeasures:
    """Check and read the joint-measures document; ConfigError names the file and field."""
    if not isinstance(data, dict) or not isinstance(data.get("lists"), list) or not isinstance(data.get("measures"), list):
        raise ConfigError("expected an object with lists and measures", where=label)
    lists = []
    for i, item in enumerate(data["lists"]):
        where = f"{label}: lists[{i}]"
        kinds = tuple(item.get("member_when") or ())
        unless = tuple(item.get("unless_any") or ())
        unknown = sorted(set(kinds + unless) - set(KINDS))
        if unknown or not kinds:
            raise ConfigError(f"member_when/unless_any name credit kinds ({', '.join(KINDS)}); bad: {unknown}",
                              where=where)
        lists.append(JointList(_text(item, "code", where), _text(item, "name_zh", where),
                               _text(item, "name_en", where), kinds, unless))
    codes = {jl.code for jl in lists}
    measures = []
    for i, item in enumerate(data["measures"]):
        where = f"{label}: measures[{i}]"
        if item.get("list") not in codes:
            raise ConfigError(f"list must be one of {sorted(codes)}", where=where)
        departments = tuple(item.get("departments") or ())
        if not departments:
            raise ConfigError("departments must list department codes or \"*\"", where=where)
        if department_codes is not None:
            unknown = sorted(set(departments) - department_codes - {ALL_DEPARTMENTS})
            if unknown:
                raise ConfigError(f"unknown department codes {unknown}", where=where)
        measures.append(Measure(_text(item, "code", where), item["list"], departments,
                                _text(item, "name_zh", where), _text(item, "name_en", where),
                                _text(item, "basis_zh", where), _text(item, "basis_en", where)))
    return JointMeasures(tuple(lists), tuple(measures))


@lru_cache(maxsize=1)
def load_measures() -> JointMeasures:
    """The packaged joint measures, checked against the packaged departments (cached)."""
    root = resources.files("resources").joinpath("reference")
    label = f"resources/reference/{FILE}"
    try:
        data = json.loads(root.joinpath(FILE).read_text(encoding="utf-8"))
        departments = json.loads(root.joinpath("departments.json").read_text(encoding="utf-8"))["departments"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot read: {exc}", where=label) from None
    return parse_measures(data, label, frozenset(d["code"] for d in departments))


@dataclass(frozen=True)
class Membership:
    """An entity on a list, and the records in force that put it there."""

    list: JointList
    because: tuple[WeightedRecord, ...]


@dataclass(frozen=True)
class AppliedMeasure:
    measure: Measure
    membership: Membership


@dataclass(frozen=True)
class MeasuresFor:
    """Which measures ``department`` applies to an entity, and why (its list memberships)."""

    entity_id: int
    department_code: str | None
    memberships: tuple[Membership, ...]
    measures: tuple[AppliedMeasure, ...]


def memberships(records: tuple[WeightedRecord, ...], joint: JointMeasures) -> tuple[Membership, ...]:
    in_force = [w for w in records if w.in_force]
    out = []
    for jl in joint.lists:
        because = tuple(w for w in in_force if w.record.kind in jl.member_when)
        if because and not any(w.record.kind in jl.unless_any for w in in_force):
            out.append(Membership(jl, because))
    return tuple(out)


def measures_for(db: Database, entity_id: int, department_id: int | None, as_of: dt.date | None = None,
                 joint: JointMeasures | None = None) -> MeasuresFor:
    """The joint measures department ``department_id`` applies to ``entity_id`` and why.

    ``department_id=None`` (a center user) gets every department's measures.
    """
    joint = joint or load_measures()
    with db.sessions() as s:
        code = None
        if department_id is not None:
            code = s.scalar(select(Department.code).where(Department.id == department_id))
            if code is None:
                raise NotFound(f"部门 {department_id} 不存在 (department {department_id} does not exist)",
                               where="department")
        explanation = explain_in(s, entity_id, as_of or utcnow().date())
    member = memberships(explanation.records, joint)
    by_list = {m.list.code: m for m in member}
    applied = tuple(AppliedMeasure(m, by_list[m.list_code]) for m in joint.measures
                    if m.list_code in by_list and (code is None or m.applies_to(code)))
    return MeasuresFor(entity_id, code, member, applied)
