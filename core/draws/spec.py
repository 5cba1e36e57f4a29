"""What a batch draws from and under which rules; ``validate`` lists what blocks a draw.

A batch ("double random": objects, then inspectors) is fully described by a
:class:`DrawSpec`: the ordered pool with each entity's risk stratum, the sampling rule
per stratum, the departments taking part with their eligible inspectors and team sizes,
and the avoidance data. ``validate`` checks the rules that can be checked before any
randomness is known and names the rule each problem breaks; an empty list means the
batch may be locked and drawn. Whether avoidance leaves enough inspectors for every
drawn entity is only known while drawing (the engine refuses then).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice, pairwise
from numbers import Real
from operator import attrgetter, lt

from core.errors import ValidationError

from .pool import PoolEntry

__all__ = [
    "DEFAULT_RATIOS",
    "RULE_AVOIDANCE",
    "RULE_INSPECTOR_POOL",
    "RULE_NO_EXEMPTION",
    "RULE_OBJECT_POOL",
    "RULE_RANDOMNESS",
    "RULE_RATIO",
    "RULE_SAMPLING",
    "RULE_TEAM",
    "STRATA",
    "Avoidance",
    "DepartmentRule",
    "DrawRefused",
    "DrawSpec",
    "InspectorRef",
    "Problem",
    "SamplingRule",
    "validate",
]

STRATA = ("A", "B", "C", "D")  # credit-risk classes, low to high; drawn in this order
# The published local table's upper bounds (A <= 5%, B 5-20%, C 21-60%, D 61-100%).
DEFAULT_RATIOS = {"A": 0.05, "B": 0.20, "C": 0.60, "D": 1.00}

RULE_TEAM = "行政处罚法 第四十二条：执法人员不得少于两人 (Administrative Penalty Law Art. 42: at least two officers)"
RULE_AVOIDANCE = ("行政处罚法 第四十三条：执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避 "
                  "(Administrative Penalty Law Art. 43: an officer with a conflict of interest must withdraw)")
RULE_NO_EXEMPTION = ("国发〔2019〕5号 与本地抽查比例表：按信用风险分类确定抽查比例，任何类别不得豁免 "
                     "(State Council Guideline 2019 No. 5 and the local ratio table: ratios follow the credit-risk "
                     "class, no class is exempt)")
RULE_RATIO = "抽查比例须大于 0 且不超过 100% (a sampling ratio is above 0 and at most 100%)"
RULE_SAMPLING = "每个类别只能按比例或按固定数量抽取，二者选一 (each class is sampled by ratio or by count, exactly one)"
RULE_OBJECT_POOL = "一单两库：抽查对象名录库 (one list, two pools: the pool of inspection objects)"
RULE_INSPECTOR_POOL = "一单两库：执法检查人员名录库 (one list, two pools: the pool of law-enforcement inspectors)"
RULE_RANDOMNESS = ("随机数须可公开验证：RFC 3797 公开随机源，或事先公布承诺值的种子 "
                   "(public verifiability: RFC 3797 public sources, or a seed committed to in advance)")


@dataclass(frozen=True)
class SamplingRule:
    """How many entities each stratum gives: a ratio (0 < r <= 1) or a fixed count, per stratum."""

    ratios: Mapping[str, float] | None = None
    counts: Mapping[str, int] | None = None
    # A planner's recorded decision to leave the plan's bands (reason, by, at, the bands):
    # carried into the record as ``sampling.override``; it changes nothing in the draw.
    override: Mapping[str, object] | None = None

    def count_for(self, stratum: str, size: int) -> int:
        """Entities to draw from a stratum of ``size``: ceil(size x ratio) capped at size, or min(count, size).

        The ratio is taken at its shortest decimal spelling (0.07 is exactly 7/100), so
        ceil(100 x 0.07) is 7, not the 8 binary floating point would give.
        """
        if size <= 0:
            return 0
        if self.counts is not None:
            return max(0, min(int(self.counts.get(stratum, 0)), size))
        ratio = (self.ratios or {}).get(stratum, 0)
        return max(0, min(math.ceil(Decimal(repr(float(ratio))) * size), size))

    def as_dict(self) -> dict:
        """The rule as JSON data: ``{"ratios": {...}}`` or ``{"counts": {...}}``, and ``"override"``
        only when there is one (a rule without an override is written exactly as before)."""
        if self.counts is not None:
            out: dict = {"counts": {k: int(v) for k, v in sorted(self.counts.items())}}
        else:
            out = {"ratios": {k: float(v) for k, v in sorted((self.ratios or {}).items())}}
        if self.override:
            out["override"] = dict(self.override)
        return out


@dataclass(frozen=True)
class InspectorRef:
    """An eligible inspector (active, certificate valid through the batch window)."""

    id: int
    department_id: int
    village: str | None = None


@dataclass(frozen=True)
class DepartmentRule:
    """A department taking part in a batch: its team size, eligible inspectors and matters."""

    department_id: int
    team_size: int
    inspectors: tuple[InspectorRef, ...]
    matter_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Avoidance:
    """Who may not inspect whom (行政处罚法 Art. 43), and the optional same-village rule."""

    conflicts: frozenset[tuple[int, int]] = frozenset()       # (inspector_id, entity_id)
    last_inspectors: Mapping[int, frozenset[int]] = field(default_factory=dict)  # entity -> last team
    same_village: bool = False


@dataclass(frozen=True)
class DrawSpec:
    """Everything a batch's draw depends on besides the randomness."""

    batch: str
    pool: tuple[PoolEntry, ...]
    sampling: SamplingRule
    departments: tuple[DepartmentRule, ...]
    avoidance: Avoidance = field(default_factory=Avoidance)


@dataclass(frozen=True)
class Problem:
    """A rule the batch breaks (or, as a warning, strains): stable code, the rule cited, a bilingual message, where."""

    code: str
    rule: str
    message: str
    where: str
    severity: str = "error"   # "error" blocks locking; "warning" is shown and does not
    # what the UI words ``code`` with (language-neutral values); not part of the problem's identity
    params: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)


class DrawRefused(ValidationError):
    """The draw cannot run (or cannot finish) as specified; ``problems`` says why."""

    code = "draw.refused"

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        text = "；".join(p.message for p in self.problems) or "抽取被拒绝 (draw refused)"
        super().__init__(text, where=first.where if first else None)


def validate(spec: DrawSpec) -> list[Problem]:
    """Every problem that blocks locking or drawing ``spec``; empty when it is ready."""
    return _validate(spec, list(map(attrgetter("uscc"), spec.pool)), stratum_letters(spec.pool))


def stratum_letters(pool: tuple[PoolEntry, ...]) -> str | None:
    """The pool's strata as one string (one letter per entry), or None if some stratum is not one letter."""
    try:
        text = "".join(map(attrgetter("stratum"), pool))
    except TypeError:
        return None
    return text if len(text) == len(pool) else None


def _validate(spec: DrawSpec, usccs: list[str], letters: str | None) -> list[Problem]:
    # ``usccs`` and ``letters`` are the pool's columns, taken once and shared with the draw.
    if letters is not None:
        present = {s: letters.count(s) for s in STRATA}
        if sum(present.values()) != len(letters):
            present = dict(Counter(letters))
    else:
        present = dict(Counter(e.stratum for e in spec.pool))
    problems: list[Problem] = []
    problems += _pool_problems(spec.pool, usccs, present)
    problems += _sampling_problems(spec.sampling, present)
    problems += _department_problems(spec.departments)
    return problems


def _pool_problems(pool: tuple[PoolEntry, ...], usccs: list[str], present: Mapping[str, int]) -> list[Problem]:
    out: list[Problem] = []
    if not pool:
        out.append(Problem("empty_pool", RULE_OBJECT_POOL,
                           "抽查对象库为空，没有可抽取的市场主体 (the pool is empty: there is no entity to draw)", "pool"))
        return out
    if not all(map(lt, usccs, islice(usccs, 1, None))):   # strictly increasing, checked at C speed
        for a, b in pairwise(usccs):
            if a == b:
                out.append(Problem("duplicate_uscc", RULE_OBJECT_POOL,
                                   f"统一社会信用代码 {a} 在抽查对象库中出现两次 (USCC {a} is in the pool twice)",
                                   f"USCC {a}", params={"uscc": a}))
                break
            if a > b:
                out.append(Problem("pool_not_ordered", RULE_OBJECT_POOL,
                                   f"抽查对象库未按统一社会信用代码排序：{a} 在 {b} 之前 "
                                   f"(the pool is not in USCC order: {a} comes before {b})", "pool",
                                   params={"first": a, "second": b}))
                break
    unknown = {s: n for s, n in present.items() if s not in STRATA and n}
    for stratum, n in sorted(unknown.items(), key=lambda kv: str(kv[0])):
        example = next(e.uscc for e in pool if e.stratum == stratum)
        out.append(Problem("unknown_stratum", RULE_NO_EXEMPTION,
                           f"{n} 个市场主体的风险类别 {stratum!r} 不是 A-D（如 {example}）"
                           f"({n} entities have risk class {stratum!r}, not one of A-D, e.g. {example})",
                           f"stratum {stratum}", params={"count": n, "stratum": str(stratum), "example": example}))
    return out


def _sampling_problems(rule: SamplingRule, present: Mapping[str, int]) -> list[Problem]:
    out: list[Problem] = []
    if (rule.ratios is None) == (rule.counts is None):
        both = rule.ratios is not None
        out.append(Problem("ratio_and_count", RULE_SAMPLING,
                           ("抽查规则同时给出了比例和数量 (the sampling rule gives both ratios and counts)" if both else
                            "抽查规则既没有比例也没有数量 (the sampling rule gives neither ratios nor counts)"),
                           "sampling", params={"variant": "both" if both else "neither"}))
        return out
    table = rule.ratios if rule.ratios is not None else rule.counts
    by_ratio = rule.ratios is not None
    for key in sorted(table, key=str):
        if key not in STRATA:
            out.append(Problem("unknown_stratum", RULE_NO_EXEMPTION,
                               f"抽查规则中的类别 {key!r} 不是 A-D (the sampling rule names class {key!r}, not one of A-D)",
                               f"stratum {key}", params={"variant": "rule", "stratum": str(key)}))
    for stratum in STRATA:
        where = f"stratum {stratum}"
        if stratum not in table:
            if present.get(stratum):
                out.append(Problem("class_exempt", RULE_NO_EXEMPTION,
                                   f"{stratum} 类有 {present[stratum]} 个市场主体，但抽查规则没有规定其比例或数量 "
                                   f"(class {stratum} has {present[stratum]} entities but no ratio or count)", where,
                                   params={"variant": "unset", "stratum": stratum, "count": present[stratum]}))
            continue
        value = table[stratum]
        if by_ratio:
            out += _ratio_problems(stratum, value)
        else:
            out += _count_problems(stratum, value)
    return out


def _ratio_problems(stratum: str, value: object) -> list[Problem]:
    where = f"stratum {stratum}"
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(float(value)):
        return [Problem("bad_ratio", RULE_RATIO, f"{stratum} 类的抽查比例 {value!r} 不是有效数字 "
                        f"(class {stratum}: ratio {value!r} is not a number)", where,
                        params={"stratum": stratum, "value": repr(value)})]
    if value <= 0:
        return [Problem("class_exempt", RULE_NO_EXEMPTION, f"{stratum} 类的抽查比例为 {float(value):.0%}，等于豁免该类 "
                        f"(class {stratum}: a ratio of {float(value):.0%} exempts the class)", where,
                        params={"variant": "ratio", "stratum": stratum, "value": f"{float(value):.0%}"})]
    if value > 1:
        return [Problem("ratio_over_100", RULE_RATIO, f"{stratum} 类的抽查比例 {float(value):.0%} 超过 100% "
                        f"(class {stratum}: ratio {float(value):.0%} is above 100%)", where,
                        params={"stratum": stratum, "value": f"{float(value):.0%}"})]
    return []


def _count_problems(stratum: str, value: object) -> list[Problem]:
    where = f"stratum {stratum}"
    if isinstance(value, bool) or not isinstance(value, int):
        return [Problem("bad_count", RULE_SAMPLING, f"{stratum} 类的抽取数量 {value!r} 不是整数 "
                        f"(class {stratum}: count {value!r} is not a whole number)", where,
                        params={"stratum": stratum, "value": repr(value)})]
    if value <= 0:
        return [Problem("class_exempt", RULE_NO_EXEMPTION, f"{stratum} 类的抽取数量为 {value}，等于豁免该类 "
                        f"(class {stratum}: a count of {value} exempts the class)", where,
                        params={"variant": "count", "stratum": stratum, "value": value})]
    return []


def _department_problems(departments: tuple[DepartmentRule, ...]) -> list[Problem]:
    out: list[Problem] = []
    if not departments:
        out.append(Problem("no_departments", RULE_INSPECTOR_POOL,
                           "没有参与抽查的部门 (no department takes part in the batch)", "departments"))
    seen_departments: set[int] = set()
    owner: dict[int, int] = {}
    for rule in departments:
        d = rule.department_id
        where = f"department {d}"
        if d in seen_departments:
            out.append(Problem("duplicate_department", RULE_INSPECTOR_POOL,
                               f"部门 {d} 重复出现 (department {d} is listed twice)", where, params={"department": d}))
            continue
        seen_departments.add(d)
        if rule.team_size < 2:
            out.append(Problem("team_too_small", RULE_TEAM,
                               f"部门 {d} 每组 {rule.team_size} 名检查人员，至少需要 2 名 "
                               f"(department {d}: teams of {rule.team_size}, at least 2 are required)", where,
                               params={"department": d, "size": rule.team_size}))
        ids = [ref.id for ref in rule.inspectors]
        if len(set(ids)) < max(rule.team_size, 2):
            need = max(rule.team_size, 2)
            out.append(Problem("not_enough_inspectors", RULE_INSPECTOR_POOL,
                               f"部门 {d} 只有 {len(set(ids))} 名符合条件的检查人员，每组需要 {need} 名 "
                               f"(department {d} has {len(set(ids))} eligible inspectors, a team needs {need})", where,
                               params={"department": d, "count": len(set(ids)), "need": need}))
        for ref in rule.inspectors:
            if ref.department_id != d:
                out.append(Problem("inspector_department_mismatch", RULE_INSPECTOR_POOL,
                                   f"检查人员 {ref.id} 属于部门 {ref.department_id}，不能列入部门 {d} 的名录库 "
                                   f"(inspector {ref.id} belongs to department {ref.department_id}, "
                                   f"not to department {d})", where,
                                   params={"inspector": ref.id, "owner": ref.department_id, "department": d}))
            elif ref.id in owner:
                out.append(Problem("duplicate_inspector", RULE_INSPECTOR_POOL,
                                   f"检查人员 {ref.id} 在名录库中出现两次 (inspector {ref.id} is listed twice)", where,
                                   params={"inspector": ref.id}))
            owner[ref.id] = d
    return out
