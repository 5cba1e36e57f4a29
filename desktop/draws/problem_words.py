"""The draw checks' problems and the rules they cite, worded by code in the UI language.

The core reports each :class:`~core.draws.Problem` with a stable ``code`` and ``params``
(language-neutral values) and cites a rule constant; the sentences are the desktop's own,
and the catalogue holds their Chinese. A code not in the table falls back to the core's
bilingual text, split.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.draws import Problem
from core.draws.bands import RULE_BANDS, RULE_ORDER
from core.draws.spec import (RULE_AVOIDANCE, RULE_INSPECTOR_POOL, RULE_NO_EXEMPTION, RULE_OBJECT_POOL,
                             RULE_RANDOMNESS, RULE_RATIO, RULE_SAMPLING, RULE_TEAM)
from core.services.draws.checks import RULE_CAPACITY, RULE_MATTER_FIT
from core.services.draws.common import RULE_LEAD, RULE_LIST, RULE_STATUS, RULE_WINDOW
from desktop.bilingual import in_language, table_key

# code, or "code:variant" when one code has several sentences -> English source
PROBLEM_WORDS = {
    "empty_pool": QT_TRANSLATE_NOOP("DrawProblems", "The pool is empty: there is no entity to draw."),
    "duplicate_uscc": QT_TRANSLATE_NOOP("DrawProblems", "USCC {uscc} is in the pool twice."),
    "pool_not_ordered": QT_TRANSLATE_NOOP("DrawProblems", "The pool is not in USCC order: {first} comes before {second}."),
    "unknown_stratum": QT_TRANSLATE_NOOP(
        "DrawProblems", "{count} entities have the risk class {stratum}, not one of A-D (e.g. {example})."),
    "unknown_stratum:rule": QT_TRANSLATE_NOOP("DrawProblems", "The sampling rule names the class {stratum}, not one of A-D."),
    "ratio_and_count:both": QT_TRANSLATE_NOOP("DrawProblems", "The sampling rule gives both ratios and counts."),
    "ratio_and_count:neither": QT_TRANSLATE_NOOP("DrawProblems", "The sampling rule gives neither ratios nor counts."),
    "class_exempt:unset": QT_TRANSLATE_NOOP(
        "DrawProblems", "Class {stratum} has {count} entities but no ratio or count."),
    "class_exempt:ratio": QT_TRANSLATE_NOOP("DrawProblems", "Class {stratum}: a ratio of {value} exempts the class."),
    "class_exempt:count": QT_TRANSLATE_NOOP("DrawProblems", "Class {stratum}: a count of {value} exempts the class."),
    "bad_ratio": QT_TRANSLATE_NOOP("DrawProblems", "Class {stratum}: the ratio {value} is not a number."),
    "ratio_over_100": QT_TRANSLATE_NOOP("DrawProblems", "Class {stratum}: the ratio {value} is above 100%."),
    "bad_count": QT_TRANSLATE_NOOP("DrawProblems", "Class {stratum}: the count {value} is not a whole number."),
    "no_departments": QT_TRANSLATE_NOOP("DrawProblems", "No department takes part in the batch."),
    "duplicate_department": QT_TRANSLATE_NOOP("DrawProblems", "Department {department} is listed twice."),
    "team_too_small": QT_TRANSLATE_NOOP(
        "DrawProblems", "Department {department}: teams of {size}, at least 2 are required."),
    "not_enough_inspectors": QT_TRANSLATE_NOOP(
        "DrawProblems", "Department {department} has {count} eligible inspectors; a team needs {need}."),
    "inspector_department_mismatch": QT_TRANSLATE_NOOP(
        "DrawProblems", "Inspector {inspector} belongs to department {owner}, not to department {department}."),
    "duplicate_inspector": QT_TRANSLATE_NOOP("DrawProblems", "Inspector {inspector} is listed twice."),
    "ratio_out_of_band": QT_TRANSLATE_NOOP(
        "DrawProblems", "Class {stratum}: the ratio {value} is outside the plan's band {band}."),
    "count_out_of_band": QT_TRANSLATE_NOOP(
        "DrawProblems", "Class {stratum}: {count} of {size} ({ratio}); the plan's band {band} means {least}-{most}."),
    "ratio_falls_with_risk": QT_TRANSLATE_NOOP(
        "DrawProblems", "Class {higher}, of higher risk, is sampled at {ratio}, less than class {lower} at {lower_ratio}."),
    "not_draft": QT_TRANSLATE_NOOP("DrawProblems", "The batch is {status}; only a draft can be locked."),
    "window_reversed": QT_TRANSLATE_NOOP("DrawProblems", "The window ends {end}, before it starts {start}."),
    "lead_not_participating": QT_TRANSLATE_NOOP(
        "DrawProblems", "The lead department {department} does not take part in the batch."),
    "no_matters": QT_TRANSLATE_NOOP("DrawProblems", "Department {department} has no inspection matter."),
    "unknown_matter": QT_TRANSLATE_NOOP("DrawProblems", "Matter {matter} does not exist."),
    "matter_of_other_department": QT_TRANSLATE_NOOP(
        "DrawProblems", "Matter {matter} belongs to department {owner}, not to department {department}."),
    "over_capacity": QT_TRANSLATE_NOOP(
        "DrawProblems", "Department {department}: {visits} visits, teams of {size}, {staff} inspectors, {days} working "
        "days in the window: {load} visits per inspector per working day, above the capacity of {capacity}."),
    "matter_not_applicable": QT_TRANSLATE_NOOP(
        "DrawProblems", "{count} pool entities fit none of the batch's matters: {listed}"),
    "no_team_after_avoidance": QT_TRANSLATE_NOOP(
        "DrawProblems", "Department {department}: after withdrawals for entity {entity} (USCC {uscc}) only {free} "
        "inspectors remain; a team needs {size}."),
    "bad_randomness:empty_seed": QT_TRANSLATE_NOOP("DrawProblems", "The seed is empty."),
    "bad_randomness:no_commitment": QT_TRANSLATE_NOOP(
        "DrawProblems", "The seed has no commitment published in advance."),
    "bad_randomness:seed_mismatch": QT_TRANSLATE_NOOP("DrawProblems", "The seed does not match its commitment."),
    "bad_randomness:kind": QT_TRANSLATE_NOOP("DrawProblems", "The kind of randomness is unknown."),
    "bad_randomness:sources": QT_TRANSLATE_NOOP("DrawProblems", "The public random values cannot be used."),
    "no_commitment": QT_TRANSLATE_NOOP(
        "DrawProblems", "A seed draw needs the seed's SHA-256 commitment (64 hex digits) before locking."),
    "no_sources": QT_TRANSLATE_NOOP(
        "DrawProblems", "Enter the public random values published after the batch was locked."),
    "seed_mismatch": QT_TRANSLATE_NOOP(
        "DrawProblems", "The revealed seed does not match the commitment published when the batch was locked."),
}
RULE_WORDS = {
    RULE_TEAM: QT_TRANSLATE_NOOP("DrawRules", "Administrative Penalty Law Art. 42: at least two officers"),
    RULE_AVOIDANCE: QT_TRANSLATE_NOOP(
        "DrawRules", "Administrative Penalty Law Art. 43: an officer with a conflict of interest must withdraw"),
    RULE_NO_EXEMPTION: QT_TRANSLATE_NOOP(
        "DrawRules", "State Council Guideline 2019 No. 5 and the local ratio table: ratios follow the credit-risk "
        "class, no class is exempt"),
    RULE_RATIO: QT_TRANSLATE_NOOP("DrawRules", "A sampling ratio is above 0 and at most 100%"),
    RULE_SAMPLING: QT_TRANSLATE_NOOP("DrawRules", "Each class is sampled by ratio or by count, exactly one"),
    RULE_OBJECT_POOL: QT_TRANSLATE_NOOP("DrawRules", "One list, two pools: the pool of inspection objects"),
    RULE_INSPECTOR_POOL: QT_TRANSLATE_NOOP("DrawRules", "One list, two pools: the pool of law-enforcement inspectors"),
    RULE_RANDOMNESS: QT_TRANSLATE_NOOP(
        "DrawRules", "Public verifiability: RFC 3797 public sources, or a seed committed to in advance"),
    RULE_BANDS: QT_TRANSLATE_NOOP(
        "DrawRules", "The local ratio table: each credit-risk class is sampled within its band; a plan may set its own"),
    RULE_ORDER: QT_TRANSLATE_NOOP(
        "DrawRules", "State Council Guideline 2019 No. 5: the higher the credit risk, the higher the sampling ratio"),
    RULE_CAPACITY: QT_TRANSLATE_NOOP(
        "DrawRules", "State Council Guideline 2019 No. 5: sampling must fit the enforcement staff; the plan's visits "
        "per inspector per working day"),
    RULE_MATTER_FIT: QT_TRANSLATE_NOOP(
        "DrawRules", "One list, two pools: the objects drawn must be ones the batch's inspection matters apply to"),
    RULE_LIST: QT_TRANSLATE_NOOP("DrawRules", "One list, two pools: the list of inspection matters"),
    RULE_WINDOW: QT_TRANSLATE_NOOP("DrawRules", "The inspection window must start before it ends"),
    RULE_STATUS: QT_TRANSLATE_NOOP(
        "DrawRules", "A batch cannot change once locked, and is drawn only after it is locked"),
    RULE_LEAD: QT_TRANSLATE_NOOP("DrawRules", "The lead department takes part in a joint batch"),
}


def _key(p: Problem) -> str:
    return table_key(p.code, p.params)


def is_worded(p: Problem) -> bool:
    """Whether the desktop words ``p`` itself (its code is in the table)."""
    return _key(p) in PROBLEM_WORDS


def problem_text(p: Problem, lang: str) -> str:
    """``p``'s sentence in the UI language: from the table by code, else the core's text split."""
    source = PROBLEM_WORDS.get(_key(p))
    if source is None:
        return in_language(p.message, lang)
    params = {k: str(v) for k, v in p.params.items()}
    if p.code == "matter_not_applicable":
        listed = QCoreApplication.translate("DrawProblems", ", ").join(p.params.get("listed", ()))
        more = QCoreApplication.translate("DrawProblems", ", ...") if p.params.get("more") else ""
        params["listed"] = listed + more
    return QCoreApplication.translate("DrawProblems", source).format(**params)


def rule_text(rule: str, lang: str) -> str:
    """The rule a problem cites, in the UI language (the core's text split when not in the table)."""
    source = RULE_WORDS.get(rule)
    if source is None:
        return in_language(rule, lang)
    return QCoreApplication.translate("DrawRules", source)
