"""The draw record: everything needed to re-run a draw, and the re-run that checks it.

``make_record`` writes a JSON-serialisable dict holding the algorithm version, the
ordered pool (USCC, entity id, stratum, village) with its hash and count, the sampling
rule, each department's ordered inspector pool and team size, the avoidance data, the
randomness (public sources, or seed and commitment), the key, and the outcome.
``verify_record`` recomputes the pool hash, the key, the commitment and the whole draw
from the record alone and lists every difference it finds.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from ._gc import gc_paused
from .commitment import check_commitment
from .engine import ALGORITHM_VERSION, DrawOutcome, Randomness, draw_with_key
from .pool import PoolEntry, pool_hash, strata_hash
from .public_record import is_public, verify_public
from .rfc3797 import key_string
from .spec import (
    Avoidance,
    DepartmentRule,
    DrawRefused,
    DrawSpec,
    InspectorRef,
    SamplingRule,
    validate,
)

__all__ = [
    "CHECKS",
    "NOT_PUBLIC",
    "VerifyReport",
    "check_randomness",
    "make_record",
    "randomness_from_record",
    "record_digest",
    "spec_from_record",
    "verify_record",
]

_MAX_LISTED = 20  # differences listed per kind before "... and N more"


def make_record(spec: DrawSpec, randomness: Randomness, outcome: DrawOutcome, *,
                meta: Mapping | None = None) -> dict:
    """The self-contained record of a draw (JSON-serialisable, ``json.dumps(sort_keys=True)``)."""
    with gc_paused():
        return _make_record(spec, randomness, outcome, meta)


def _make_record(spec: DrawSpec, randomness: Randomness, outcome: DrawOutcome, meta: Mapping | None) -> dict:
    pool = spec.pool
    av = spec.avoidance
    return {
        "algorithm": ALGORITHM_VERSION,
        "batch": spec.batch,
        "meta": dict(meta or {}),
        "pool": {
            "count": len(pool),
            "hash": pool_hash(e.uscc for e in pool),
            "strata_hash": strata_hash(pool),
            "fields": ["uscc", "entity_id", "stratum", "village"],
            "entries": [[e.uscc, e.entity_id, e.stratum, e.village] for e in pool],
        },
        "sampling": spec.sampling.as_dict(),
        "departments": [
            {"department_id": d.department_id, "team_size": d.team_size, "matter_ids": list(d.matter_ids),
             "inspectors": [[i.id, i.village] for i in sorted(d.inspectors, key=lambda i: i.id)]}
            for d in spec.departments],
        "avoidance": {
            "conflicts": sorted([int(i), int(e)] for i, e in av.conflicts),
            "last_inspectors": sorted([int(e), sorted(int(i) for i in ids)] for e, ids in av.last_inspectors.items()),
            "same_village": bool(av.same_village),
        },
        "randomness": {"kind": randomness.kind, "sources": [list(s) for s in randomness.sources],
                       "seed": randomness.seed, "commitment": randomness.commitment},
        "key": outcome.key,
        "outcome": {
            "picks": [{"order": p.order, "entity_id": p.entity_id, "uscc": p.uscc, "stratum": p.stratum,
                       "teams": [{"department_id": d, "inspectors": list(t)} for d, t in p.teams.items()]}
                      for p in outcome.picks],
            "strata": [{"stratum": s.stratum, "pool": s.pool, "drawn": s.drawn} for s in outcome.strata],
            "alternates": outcome.alternates,
        },
    }


def record_digest(record: Mapping) -> str:
    """SHA-256 (hex) of the record's canonical JSON (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of re-running a record: ``ok`` and, if not, where it differs.

    ``kind`` is "full" or "public"; ``checks`` the codes of the checks run (see ``CHECKS``)
    and ``not_checked`` those a record of this kind cannot support.
    """

    ok: bool
    problems: tuple[str, ...]
    kind: str = "full"
    checks: tuple[str, ...] = ()
    not_checked: tuple[str, ...] = ()


# What each check proves, (中文, English); ``verify_record`` reports them by code.
CHECKS: dict[str, tuple[str, str]] = {
    "pool": ("对象名录：统一社会信用代码有序、不重复，数量和名录哈希值与公布的一致",
             "the pool: codes in order, each once, and its count and hash are those published"),
    "strata_hash": ("风险分层哈希值与锁定时固定的一致：锁定后没有主体被改换分层",
                    "the strata hash fixed at locking: no entity changed class after the batch was locked"),
    "randomness": ("随机数：密钥串由公开随机源算出，或种子与事先公布的承诺值相符",
                   "the randomness: the key follows from the public sources, or the seed matches its commitment"),
    "rules": ("抽取规则（validate）：分层、比例、检查组人数、执法人员名录库",
              "the draw rules (validate): classes, ratios, team sizes, inspector pools"),
    "picks": ("逐一重新抽取对象：每个被抽中的主体、顺序和分层都相同",
              "the entities re-drawn one by one: every pick, its order and its class"),
    "teams": ("重新分配检查人员（含回避）：每个检查组都相同，替补次数相同",
              "the inspectors re-assigned, withdrawals included: every team and the number of alternates"),
    "drawn_in_pool": ("被抽中的主体都在公布的名录中，且各只一次",
                      "every drawn entity is in the published pool, once"),
    "teams_line": ("各部门检查组按密钥串排出的轮转队列依次产生；被跳过（回避）的人次等于记录的替补次数",
                   "each department's teams come from its line, which the key fixes, in turn; the inspectors "
                   "passed over (withdrawals) are as many as the record's alternates"),
}
_FULL_CHECKS = ("pool", "strata_hash", "randomness", "rules", "picks", "teams")
# What a public record cannot support, and why: the classes, villages and conflicts are not in it.
NOT_PUBLIC: dict[str, tuple[str, str]] = {
    "picks": ("哪些主体被抽中：需要各主体的风险等级（只在完整记录中）",
              "which entities were drawn: that needs each entity's class (only in the full record)"),
    "strata_hash": ("锁定后分层未被改动：需要风险等级", "that no class changed after locking: needs the classes"),
    "counts": ("各风险等级的名录数和抽取数是否符合抽取比例：各等级数量不公开（结合检查组顺序可推出主体的风险等级）",
               "whether each class's number drawn follows the sampling rule: the class sizes are not published "
               "(with the order of the teams they would give away an entity's class)"),
    "withdrawals": ("每次跳过的回避理由（利害关系申报、上次检查组、同村）：需要完整记录",
                    "why each passed-over inspector withdrew (declared conflict, last team, same village): "
                    "needs the full record"),
    "team_entity": ("哪个检查组检查哪个主体：不公布（密钥串决定第几个检查组对应第几次抽取，对应关系会透露主体在抽取顺序中的位置，"
                    "从而透露其风险等级的线索）",
                    "which team inspects which entity: not published (the key fixes which team goes with which "
                    "pick number, so the link would tell an entity's place in the draw order, a hint of its class)"),
}


def spec_from_record(record: Mapping) -> DrawSpec:
    """The DrawSpec a record describes (pool in the record's order, as published)."""
    with gc_paused():
        return _spec_from_record(record)


def _spec_from_record(record: Mapping) -> DrawSpec:
    pool = tuple(PoolEntry(str(u), int(e), str(s), v) for u, e, s, v in record["pool"]["entries"])
    sampling = record["sampling"]
    rule = SamplingRule(ratios=sampling.get("ratios"), counts=sampling.get("counts"),
                        override=sampling.get("override"))
    departments = tuple(
        DepartmentRule(int(d["department_id"]), int(d["team_size"]),
                       tuple(InspectorRef(int(i), int(d["department_id"]), v) for i, v in d["inspectors"]),
                       tuple(int(m) for m in d.get("matter_ids", ())))
        for d in record["departments"])
    av = record.get("avoidance") or {}
    avoidance = Avoidance(
        conflicts=frozenset((int(i), int(e)) for i, e in av.get("conflicts", ())),
        last_inspectors={int(e): frozenset(int(i) for i in ids) for e, ids in av.get("last_inspectors", ())},
        same_village=bool(av.get("same_village", False)))
    return DrawSpec(str(record.get("batch", "")), pool, rule, departments, avoidance)


def randomness_from_record(record: Mapping) -> Randomness:
    r = record["randomness"]
    return Randomness(kind=r["kind"], sources=tuple(tuple(s) for s in r.get("sources", ())),
                      seed=r.get("seed", ""), commitment=r.get("commitment", ""))


def verify_record(record: Mapping) -> VerifyReport:
    """Check ``record`` from itself alone: a full record is re-run whole (hash, key,
    commitment, rules, every pick and team); a public one gets every check that needs no
    class (see ``core.draws.public_record``). The report names the checks run and not run."""
    problems: list[str] = []
    ran: list[str] = []
    public = is_public(record)
    try:
        with gc_paused():
            if public:
                verify_public(record, problems, ran)
            else:
                _verify(record, problems, ran)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        problems.append(f"记录格式有误 (the record is malformed): {type(exc).__name__}: {exc}")
    if public:
        return VerifyReport(ok=not problems, problems=tuple(problems), kind="public", checks=tuple(ran),
                            not_checked=tuple(NOT_PUBLIC))
    return VerifyReport(ok=not problems, problems=tuple(problems), checks=tuple(ran),
                        not_checked=tuple(c for c in _FULL_CHECKS if c not in ran))


def _verify(record: Mapping, problems: list[str], ran: list[str]) -> None:
    if record.get("algorithm") != ALGORITHM_VERSION:
        problems.append(f"algorithm {record.get('algorithm')!r} is not supported (this is {ALGORITHM_VERSION})")
        return
    spec = spec_from_record(record)
    pool = record["pool"]
    usccs = [e.uscc for e in spec.pool]
    if list(usccs) != sorted(usccs) or len(set(usccs)) != len(usccs):
        problems.append("pool is not in USCC order without duplicates")
    if pool.get("count") != len(spec.pool):
        problems.append(f"pool count differs: record says {pool.get('count')}, pool has {len(spec.pool)}")
    given = pool_hash(usccs)
    if pool.get("hash") != given:
        problems.append(f"pool hash differs: record says {pool.get('hash')}, pool gives {given}")
    given = strata_hash(spec.pool)
    if pool.get("strata_hash") != given:
        problems.append(f"strata hash differs: record says {pool.get('strata_hash')}, pool gives {given}")
    ran += ["pool", "strata_hash"]
    key = check_randomness(record, problems)
    ran.append("randomness")
    if key is None:
        return
    invalid = validate(spec)
    ran.append("rules")
    if invalid:
        problems += [f"{p.where}: {p.message}" for p in invalid]
        return
    try:
        outcome = draw_with_key(spec, key)
    except DrawRefused as exc:
        problems += [f"re-run refused: {p.message}" for p in exc.problems]
        return
    _compare_outcome(record["outcome"], outcome, problems)
    ran += ["picks", "teams"]


def check_randomness(record: Mapping, problems: list[str]) -> str | None:
    """The key the record's randomness gives (None if unusable); differences go to ``problems``."""
    r = randomness_from_record(record)
    said = record.get("key")
    if r.kind == "seed":
        if not check_commitment(r.seed, r.commitment):
            problems.append("commitment does not match the seed")
        key = "seed:" + r.seed
    elif r.kind == "rfc3797":
        key = key_string(r.sources)
        if said != key:
            parts = str(said).split("/")[:-1]
            if len(parts) != len(r.sources):
                problems.append(f"key differs: record says {said!r}, the {len(r.sources)} sources give {key!r}")
            for n, source in enumerate(r.sources, start=1):
                mine = key_string([source])
                if n <= len(parts) and parts[n - 1] + "/" != mine:
                    problems.append(f"source {n}: record key has {parts[n - 1] + '/'!r}, "
                                    f"the source values {list(source)} give {mine!r}")
            if not any(p.startswith(("source ", "key differs")) for p in problems):
                problems.append(f"key differs: record says {said!r}, sources give {key!r}")
        return key
    else:
        problems.append(f"unknown kind of randomness: {r.kind!r}")
        return None
    if said != key:
        problems.append(f"key differs: record says {said!r}, the seed gives {key!r}")
    return key


def _compare_outcome(said: Mapping, outcome: DrawOutcome, problems: list[str]) -> None:
    strata = {s["stratum"]: s for s in said.get("strata", ())}
    for s in outcome.strata:
        r = strata.get(s.stratum)
        if r is None or r.get("pool") != s.pool or r.get("drawn") != s.drawn:
            shown = f"pool {r.get('pool')}, drawn {r.get('drawn')}" if r else "nothing"
            problems.append(f"stratum {s.stratum}: record has {shown}, re-run gives pool {s.pool}, drawn {s.drawn}")
    picks = said.get("picks", ())
    if len(picks) != len(outcome.picks):
        problems.append(f"record has {len(picks)} picks, re-run gives {len(outcome.picks)}")
    differences: list[str] = []
    for rec, mine in zip(picks, outcome.picks):
        n = mine.order
        if rec.get("order") != n:
            differences.append(f"pick {n}: record numbers it {rec.get('order')}")
        if rec.get("entity_id") != mine.entity_id or rec.get("uscc") != mine.uscc:
            differences.append(f"pick {n}: record has entity {rec.get('entity_id')} (USCC {rec.get('uscc')}), "
                               f"re-run gives entity {mine.entity_id} (USCC {mine.uscc})")
            continue
        if rec.get("stratum") != mine.stratum:
            differences.append(f"pick {n}: record has stratum {rec.get('stratum')}, re-run gives {mine.stratum}")
        teams = {t["department_id"]: tuple(t["inspectors"]) for t in rec.get("teams", ())}
        for d, team in mine.teams.items():
            if teams.get(d) != team:
                shown = ", ".join(map(str, teams[d])) if d in teams else "no team"
                differences.append(f"pick {n}, department {d}: record has inspectors {shown}, "
                                   f"re-run gives {', '.join(map(str, team))}")
        for d in teams.keys() - mine.teams.keys():
            differences.append(f"pick {n}: record has a team of department {d}, which takes no part")
    problems += differences[:_MAX_LISTED]
    if len(differences) > _MAX_LISTED:
        problems.append(f"... and {len(differences) - _MAX_LISTED} more differences in the picks")
    if said.get("alternates") != outcome.alternates:
        problems.append(f"alternates differ: record says {said.get('alternates')}, re-run gives {outcome.alternates}")
