"""The scoring rules: weights per record kind, decay, validity, thresholds for A-D.

A record's contribution is ``weight * 0.5 ** (age_days / half_life_days)`` while it is in
force (after it occurred, before its validity ends, it is taken off a list or repaired).
An entity's score is ``base`` plus its contributions; the class is the first of A, B, C
whose threshold the score reaches, else D; a kind in ``floors`` makes the class at least
that bad while such a record is in force (a serious-violation listing is D, whatever else).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from core.errors import ValidationError

from .kinds import KINDS

CLASSES = ("A", "B", "C", "D")


def _frozen(d: Mapping) -> Mapping:
    return MappingProxyType(dict(d))


@dataclass(frozen=True)
class RuleSet:
    """One version of the rules; ``version`` 0 is an unsaved draft."""

    weights: Mapping[str, float]
    half_life_days: float
    validity_days: Mapping[str, int | None]
    thresholds: Mapping[str, float]   # minimum score of A, B and C
    floors: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    base: float = 100.0
    version: int = 0

    def __post_init__(self) -> None:
        for name in ("weights", "validity_days", "thresholds", "floors"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        self.check()

    def check(self) -> None:
        """Refuse (ValidationError) rules that name unknown kinds or classes or make no sense."""
        for name in ("weights", "validity_days", "floors"):
            unknown = sorted(set(getattr(self, name)) - set(KINDS))
            if unknown:
                raise ValidationError(f"未知的信用记录类别 {', '.join(unknown)} (unknown record kinds; known: "
                                      f"{', '.join(KINDS)})", where=name)
        if not self.half_life_days > 0:
            raise ValidationError("半衰期须大于 0 天 (the half-life must be more than 0 days)", where="half_life_days")
        if set(self.thresholds) != {"A", "B", "C"}:
            raise ValidationError("须给出 A、B、C 三级的分数线 (give the thresholds of A, B and C)", where="thresholds")
        if not self.thresholds["A"] > self.thresholds["B"] > self.thresholds["C"]:
            raise ValidationError("分数线须 A > B > C (thresholds must fall from A to C)", where="thresholds")
        bad = sorted(k for k, c in self.floors.items() if c not in CLASSES)
        if bad:
            raise ValidationError(f"{', '.join(bad)}: 等级须为 A-D (a floor is a class A-D)", where="floors")
        for kind, days in self.validity_days.items():
            if days is not None and days <= 0:
                raise ValidationError(f"{kind}: 有效期须大于 0 天 (validity must be more than 0 days)",
                                      where="validity_days")

    def weight(self, kind: str) -> float:
        return float(self.weights.get(kind, 0.0))

    def class_of(self, score: float) -> str:
        for cls in ("A", "B", "C"):
            if score >= self.thresholds[cls]:
                return cls
        return "D"

    def as_dict(self) -> dict[str, Any]:
        return {"base": self.base, "weights": dict(self.weights), "half_life_days": self.half_life_days,
                "validity_days": dict(self.validity_days), "thresholds": dict(self.thresholds),
                "floors": dict(self.floors)}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, sort_keys=True)

    def with_changes(self, **changes: Any) -> "RuleSet":
        """A draft (version 0) with ``changes`` merged in (dicts merge key by key)."""
        data = self.as_dict()
        for key, value in changes.items():
            if key not in data:
                raise ValidationError(f"没有规则项 {key} (no rule {key!r})", where=key)
            data[key] = {**data[key], **value} if isinstance(data[key], dict) else value
        return rules_from_dict(data)


def rules_from_dict(data: Mapping[str, Any], version: int = 0) -> RuleSet:
    """A rule set from its dict form (as stored); refuses a malformed one with a clear message."""
    try:
        return RuleSet(weights={k: float(v) for k, v in data["weights"].items()},
                       half_life_days=float(data["half_life_days"]),
                       validity_days={k: (None if v is None else int(v)) for k, v in data["validity_days"].items()},
                       thresholds={k: float(v) for k, v in data["thresholds"].items()},
                       floors=dict(data.get("floors", {})), base=float(data.get("base", 100.0)), version=version)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(f"规则格式有误 (malformed rule set): {exc}", where="rules") from None


def rules_from_json(text: str, version: int = 0) -> RuleSet:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"规则不是有效的 JSON (not valid JSON): {exc.msg}", where="rules") from None
    if not isinstance(data, dict):
        raise ValidationError("规则应为 JSON 对象 (expected a JSON object)", where="rules")
    return rules_from_dict(data, version)


DEFAULT_RULES = RuleSet(
    weights={"penalty": -12, "abnormal": -15, "serious": -40, "broken_commitment": -10,
             "late_annual_report": -5, "upheld_complaint": -3, "dishonesty": -10, "honour": 5},
    half_life_days=730,
    validity_days={"penalty": 1095, "abnormal": None, "serious": 1095, "broken_commitment": 1095,
                   "late_annual_report": 365, "upheld_complaint": 365, "dishonesty": 1095, "honour": 1095},
    thresholds={"A": 97, "B": 88, "C": 72},
    floors={"serious": "D"},
    version=1,
)
"""The built-in rules (version 1 of every database)."""
