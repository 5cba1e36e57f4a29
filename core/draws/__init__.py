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
from .public_record import PUBLIC_FORMAT, is_public, public_differences, public_record
from .record import (
    CHECKS,
    NOT_PUBLIC,
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
    "CHECKS",
    "NOT_PUBLIC",
    "PUBLIC_FORMAT",
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
    "is_public",
    "key_string",
    "make_record",
    "merge_joint_visits",
    "new_seed",
    "ordered_pool",
    "parse_source",
    "pick_digest",
    "pool_hash",
    "public_differences",
    "public_record",
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
