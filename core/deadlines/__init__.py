"""One deadline engine for every clock of the command center.

Clue handling, double-notification claims (5 working days), commitment verifications,
inspection tasks, results publication (20 working days, 企业信息公示暂行条例) and case
decisions (90 days, 行政处罚法 Art. 60) are loaded as one columnar table
(:func:`load_items`), given a level per row for any day (:func:`compute_levels`,
vectorised over a cumulative working-day index) and summed up for the efficiency monitor
(:mod:`core.deadlines.summary`)::

    items = load_items(db)
    a = assess(items, date.today(), default_calendar(), load_policy())
    rows = by_group(items, a, "department")
    worst = escalation_list(items, a, limit=20)

No Qt, no ORM objects: numpy arrays in, numpy arrays and small dataclasses out.
"""
from .items import (
    DONE_DATE_ASSUMED,
    DUE_COMPUTED,
    DeadlineItems,
    day_date,
    day_number,
    load_items,
)
from .kinds import KIND_BY_KEY, KINDS, Kind, KindInfo, kind_name
from .levels import (
    LEVEL_NAMES,
    Assessment,
    Level,
    assess,
    compute_levels,
    index_for,
    level_name,
    working_days_overdue,
)
from .policy import DeadlinePolicy, default_policy_path, load_policy, parse_policy
from .provisional import ProvisionalRows, provisional_rows
from .summary import (
    ClaimRow,
    Escalation,
    GroupRow,
    WeekRow,
    by_group,
    claim_rate_in_time,
    drill_down,
    escalation_list,
    rank_rows,
    weekly_trend,
)
from .workindex import WorkdayIndex

__all__ = [
    "DONE_DATE_ASSUMED", "DUE_COMPUTED", "KINDS", "KIND_BY_KEY", "LEVEL_NAMES", "Assessment", "ClaimRow",
    "DeadlineItems", "DeadlinePolicy", "Escalation", "GroupRow", "Kind", "KindInfo", "Level", "ProvisionalRows",
    "WeekRow", "WorkdayIndex", "assess", "by_group", "claim_rate_in_time", "compute_levels", "day_date", "day_number",
    "default_policy_path", "drill_down", "escalation_list", "index_for", "kind_name", "level_name",
    "load_items", "load_policy", "parse_policy", "provisional_rows", "rank_rows", "weekly_trend",
    "working_days_overdue",
]
