"""Publicly verifiable "double random" draws (双随机): objects per risk stratum, then inspectors.

Pure Python + numpy + hashlib: no Qt, no database. See ``core/draws/README.md`` for how a
citizen re-runs a draw by hand.
"""
from .commitment import check_commitment, commit, new_seed
from .engine import (
    ALGORITHM_VERSION,
    DrawOutcome,
    Pick,
    Randomness,
    StratumStats,
    draw_key,
    draw_with_key,
    round_order,
    run_draw,
)
from .joint import Visit, merge_joint_visits
from .pool import PoolEntry, ordered_pool, pool_hash, strata_hash
from .record import (
    VerifyReport,
    make_record,
    randomness_from_record,
    record_digest,
    spec_from_record,
    verify_record,
)
from .rfc3797 import key_string, parse_source, pick_digest, rfc3797_select
from .spec import (
    DEFAULT_RATIOS,
    RULE_AVOIDANCE,
    RULE_TEAM,
    STRATA,
    Avoidance,
    DepartmentRule,
    DrawRefused,
    DrawSpec,
    InspectorRef,
    Problem,
    SamplingRule,
    validate,
)

__all__ = [
    "ALGORITHM_VERSION",
    "DEFAULT_RATIOS",
    "RULE_AVOIDANCE",
    "RULE_TEAM",
    "STRATA",
    "Avoidance",
    "DepartmentRule",
    "DrawOutcome",
    "DrawRefused",
    "DrawSpec",
    "InspectorRef",
    "Pick",
    "PoolEntry",
    "Problem",
    "Randomness",
    "SamplingRule",
    "StratumStats",
    "VerifyReport",
    "Visit",
    "check_commitment",
    "commit",
    "draw_key",
    "draw_with_key",
    "key_string",
    "make_record",
    "merge_joint_visits",
    "new_seed",
    "ordered_pool",
    "parse_source",
    "pick_digest",
    "pool_hash",
    "randomness_from_record",
    "record_digest",
    "rfc3797_select",
    "round_order",
    "run_draw",
    "spec_from_record",
    "strata_hash",
    "validate",
    "verify_record",
]
