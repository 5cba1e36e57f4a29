"""The kinds of credit record, their names, and which timeline facts they come from.

A timeline record (``entity_records``) counts for credit when its kind and title say so;
the mapping is data here, read top to bottom, so anyone can check why a fact counts.
"""
from __future__ import annotations

PENALTY = "penalty"
ABNORMAL = "abnormal"            # 经营异常名录
SERIOUS = "serious"              # 严重违法失信名单
BROKEN_COMMITMENT = "broken_commitment"
LATE_ANNUAL_REPORT = "late_annual_report"
UPHELD_COMPLAINT = "upheld_complaint"
DISHONESTY = "dishonesty"        # another department's dishonesty record (失信记录)
HONOUR = "honour"

KINDS = (PENALTY, ABNORMAL, SERIOUS, BROKEN_COMMITMENT, LATE_ANNUAL_REPORT, UPHELD_COMPLAINT, DISHONESTY, HONOUR)
LISTS = (ABNORMAL, SERIOUS)
"""Kinds that are list memberships: they hold until taken off (``ended_on``), not by age."""

KIND_NAMES: dict[str, tuple[str, str]] = {
    PENALTY: ("行政处罚", "Administrative penalty"),
    ABNORMAL: ("列入经营异常名录", "Abnormal-operation list"),
    SERIOUS: ("列入严重违法失信名单", "Serious-violation list"),
    BROKEN_COMMITMENT: ("未履行告知承诺", "Broken commitment"),
    LATE_ANNUAL_REPORT: ("未按期报送年度报告", "Late annual report"),
    UPHELD_COMPLAINT: ("投诉属实", "Upheld complaint"),
    DISHONESTY: ("其他失信记录", "Other dishonesty record"),
    HONOUR: ("荣誉表彰", "Honour"),
}

UPHELD_OUTCOMES = ("调解成功", "属实", "投诉成立", "责令改正")
"""Complaint outcomes that mean the complaint was upheld (mediation succeeded: the business gave way)."""
REJECTED_OUTCOMES = ("不属实", "不成立", "不予受理", "调解不成")
"""Outcomes that say the opposite, though they contain an upheld word (不属实 holds 属实)."""

REMOVAL_PREFIX = "移出经营异常名录"
SERIOUS_TITLE = "列入严重违法失信名单（列入经营异常名录满三年）"

# (timeline kind, test on the title, credit kind); the first match wins. None: does not count.
TITLE_RULES: tuple[tuple[str, str, str | None], ...] = (
    ("credit", REMOVAL_PREFIX, None),         # handled as the end of a listing, not a record
    ("credit", "列入严重违法失信名单", SERIOUS),
    ("credit", "列入经营异常名录", ABNORMAL),
    ("credit", "未履行告知承诺", BROKEN_COMMITMENT),
    ("credit", "未按期", LATE_ANNUAL_REPORT),
    ("credit", "逾期", LATE_ANNUAL_REPORT),
    ("credit", "失信", DISHONESTY),
)
SOURCE_KINDS = ("penalty", "honour", "complaint", "credit")
"""Timeline kinds that may hold a credit fact."""


def kind_name(kind: str, lang: str = "zh_CN") -> str:
    """A kind's name in ``lang`` (the code itself if unknown)."""
    zh, en = KIND_NAMES.get(kind, (kind, kind))
    return zh if lang.startswith("zh") else en


def classify(kind: str, title: str, outcome: str | None) -> str | None:
    """The credit kind of a timeline record (None: it does not count for credit)."""
    if kind == "penalty":
        return PENALTY
    if kind == "honour":
        return HONOUR
    if kind == "complaint":
        if not outcome or any(o in outcome for o in REJECTED_OUTCOMES):
            return None
        return UPHELD_COMPLAINT if any(o in outcome for o in UPHELD_OUTCOMES) else None
    for source, test, credit_kind in TITLE_RULES:
        if kind == source and test in title:
            return credit_kind
    return None


def is_removal(kind: str, title: str) -> bool:
    """Whether a timeline record takes the entity off the abnormal-operation list."""
    return kind == "credit" and title.startswith(REMOVAL_PREFIX)
