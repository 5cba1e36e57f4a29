"""Rule-set versions: list, save a new one, preview what it would move, activate it.

Every saved rule set is kept (a version number, the JSON, who, when); exactly one is
active. Only an administrator (``credit.rules``) saves or activates one. The preview is a
4x4 matrix of how many entities would move from each class (rows, as they are now) to
each class (columns, under the new rules), computed before anything is written.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, update

from core.db.database import Database
from core.db.models import CreditRuleSet
from core.db.models.base import utcnow
from core.errors import NotFound

from .city import CityScores, compute, score_city_in
from .rules import RuleSet, rules_from_json
from .store import active_rules
from .sync import sync_timeline


@dataclass(frozen=True)
class RuleSetInfo:
    version: int
    rules: RuleSet
    note: str
    created_by: str
    created_at: dt.datetime
    active: bool
    applied_at: dt.datetime | None


def rule_sets(db: Database) -> list[RuleSetInfo]:
    """Every saved rule set, newest first."""
    with db.sessions() as s:
        return [RuleSetInfo(r.version, rules_from_json(r.rules, r.version), r.note, r.created_by, r.created_at,
                            r.active, r.applied_at)
                for r in s.scalars(select(CreditRuleSet).order_by(CreditRuleSet.version.desc()))]


def current_rules(db: Database) -> RuleSet:
    """The active rule set."""
    with db.sessions() as s:
        return active_rules(s)


@dataclass(frozen=True)
class Preview:
    """What a rule set would do to the city, before it is applied."""

    matrix: list[list[int]]   # rows: class now (A-D); columns: class under the new rules
    moved: int
    counts_before: dict[str, int]
    counts_after: dict[str, int]


def preview(db: Database, actor: str, rules: RuleSet, as_of: dt.date | None = None) -> Preview:
    """How many entities would move from each class to each other under ``rules``.

    No class is written; new timeline facts do become credit records first (as any scoring
    does), so the preview counts what the city knows today.
    """
    with db.uow(actor) as uow:
        uow.require("credit.rules")
        conn = uow.session.connection()
        sync_timeline(conn)
        result: CityScores = compute(conn, rules, as_of or utcnow().date())
        uow.commit()
    before = {c: sum(row) for c, row in zip("ABCD", result.matrix)}
    return Preview(result.matrix, result.changed, before, result.counts())


def save_rule_set(db: Database, actor: str, rules: RuleSet, note: str = "") -> int:
    """Store ``rules`` as a new version (not active yet); returns its version number."""
    with db.uow(actor) as uow:
        uow.require("credit.rules")
        s = uow.session
        version = int(s.scalar(select(func.coalesce(func.max(CreditRuleSet.version), 0)))) + 1
        s.add(CreditRuleSet(version=version, rules=rules.to_json(), note=(note or "")[:400], created_by=uow.actor,
                            active=False))
        uow.audit("credit.rules.save", "credit_rule_set", version, after={"rules": rules.as_dict(), "note": note})
        uow.touch("settings", ["credit_rules"])
        uow.commit()
        return version


def activate(db: Database, actor: str, version: int, as_of: dt.date | None = None,
             progress: Callable[[float, str], None] = lambda f, m: None) -> CityScores:
    """Make ``version`` the active rule set and rescore the city with it (audited with the move matrix)."""
    with db.uow(actor) as uow:
        uow.require("credit.rules")
        s = uow.session
        row = s.scalar(select(CreditRuleSet).where(CreditRuleSet.version == version))
        if row is None:
            raise NotFound(f"规则版本 {version} 不存在 (no rule set version {version})", where="version")
        before = active_rules(s).version
        s.execute(update(CreditRuleSet).where(CreditRuleSet.active.is_(True)).values(active=False))
        row.active = True
        uow.audit("credit.rules.activate", "credit_rule_set", version, before={"active": before},
                  after={"active": version})
        uow.touch("settings", ["credit_rules"])
        result = score_city_in(uow, rules_from_json(row.rules, version), as_of or utcnow().date(), progress)
        uow.commit()
        return result


@dataclass(frozen=True)
class RulesDesk:
    """What the credit-rules page shows to one user: the versions and what the user may do."""

    versions: list[RuleSetInfo]
    may_edit: bool      # credit.rules: save, preview and activate rule sets
    may_manage: bool    # credit.manage: score the city, move listings


def rules_desk(db: Database, actor: str) -> RulesDesk:
    """The versions and ``actor``'s rights over them (read afresh, as the core will check them).

    The weights and thresholds say how classes are made, and classes are internal: a role
    without ``risk.read`` is refused.
    """
    from core.rights import require, resolve

    with db.sessions() as s:
        principal = resolve(s, actor)
    require(principal, "risk.read")
    return RulesDesk(rule_sets(db), principal.may("credit.rules"), principal.may("credit.manage"))
