"""Routing clues to the responsible department by rules administrators edit.

A rule names any of matter, industry and town (blank matches all) and a department. The
rule matching the most of the clue's fields wins (ties: matter beats industry beats town);
without a matching rule the matter's own department is responsible; without a matter the
center routes the clue by hand.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import Department, Industry, RegulatoryMatter, RoutingRule, Town
from core.errors import NotFound, ValidationError


@dataclass(frozen=True)
class Rule:
    id: int
    matter_id: int | None
    industry_code: str | None
    town_code: str | None
    department_id: int
    note: str


def _weight(rule: RoutingRule) -> tuple[int, int, int, int]:
    fields = (rule.matter_id is not None, rule.industry_code is not None, rule.town_code is not None)
    return (sum(fields), *fields)


def route(s: Session, matter_id: int | None, industry_code: str | None, town_code: str | None) -> int | None:
    """The department responsible for a clue with these fields (None: route by hand)."""
    rules = s.scalars(select(RoutingRule).where(
        (RoutingRule.matter_id.is_(None)) | (RoutingRule.matter_id == matter_id),
        (RoutingRule.industry_code.is_(None)) | (RoutingRule.industry_code == industry_code),
        (RoutingRule.town_code.is_(None)) | (RoutingRule.town_code == town_code))).all()
    if rules:
        return max(rules, key=_weight).department_id
    if matter_id is not None:
        return s.scalar(select(RegulatoryMatter.department_id).where(RegulatoryMatter.id == matter_id))
    return None


def list_rules(db: Database) -> list[Rule]:
    with db.sessions() as s:
        return [Rule(r.id, r.matter_id, r.industry_code, r.town_code, r.department_id, r.note)
                for r in s.scalars(select(RoutingRule).order_by(RoutingRule.id))]


def _check(s: Session, matter_id, industry_code, town_code, department_id) -> None:
    if matter_id is None and industry_code is None and town_code is None:
        raise ValidationError("分派规则至少要指定事项、行业或镇街之一 (a routing rule names a matter, an industry "
                              "or a town)", where="rule", code="routing.needs_key")
    for model, key, value in ((RegulatoryMatter, "matter", matter_id), (Industry, "industry", industry_code),
                              (Town, "town", town_code), (Department, "department", department_id)):
        if value is not None and s.get(model, value) is None:
            raise NotFound(f"没有这个{ {'matter': '事项', 'industry': '行业', 'town': '镇街', 'department': '部门'}[key]}："
                           f"{value} (no {key} {value!r})", where=key, code="routing.unknown",
                           params={"variant": key, "value": value})


def save_rule(db: Database, actor: str, *, department_id: int, matter_id: int | None = None,
              industry_code: str | None = None, town_code: str | None = None, note: str = "") -> int:
    """Add a rule, or change the department of the rule with the same fields. Audited."""
    with db.uow(actor) as uow:
        uow.require("routing.manage")
        s = uow.session
        _check(s, matter_id, industry_code, town_code, department_id)
        rule = s.scalar(select(RoutingRule).where(
            RoutingRule.matter_id.is_(None) if matter_id is None else RoutingRule.matter_id == matter_id,
            RoutingRule.industry_code.is_(None) if industry_code is None else RoutingRule.industry_code == industry_code,
            RoutingRule.town_code.is_(None) if town_code is None else RoutingRule.town_code == town_code))
        before = None
        if rule is None:
            rule = RoutingRule(matter_id=matter_id, industry_code=industry_code, town_code=town_code,
                               department_id=department_id, note=note.strip()[:200])
            s.add(rule)
        else:
            before = {"department_id": rule.department_id, "note": rule.note}
            rule.department_id, rule.note = department_id, note.strip()[:200]
        s.flush()
        uow.audit("clue.routing.save", "routing_rule", rule.id, before=before,
                  after={"matter_id": matter_id, "industry_code": industry_code, "town_code": town_code,
                         "department_id": department_id, "note": rule.note})
        uow.commit()
        return rule.id


def delete_rule(db: Database, actor: str, rule_id: int) -> None:
    with db.uow(actor) as uow:
        uow.require("routing.manage")
        rule = uow.session.get(RoutingRule, rule_id)
        if rule is None:
            raise NotFound(f"分派规则 {rule_id} 不存在 (routing rule {rule_id} does not exist)", where="rule",
                           code="routing.not_found", params={"rule": rule_id})
        before = {"matter_id": rule.matter_id, "industry_code": rule.industry_code, "town_code": rule.town_code,
                  "department_id": rule.department_id}
        uow.session.delete(rule)
        uow.audit("clue.routing.delete", "routing_rule", rule_id, before=before)
        uow.commit()
