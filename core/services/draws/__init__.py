"""Double-random draws in the database: plans, batches, locking, drawing, tasks, notices.

The pure algorithms live in ``core.draws``; this package reads their inputs from the
database, freezes them when a batch is locked, writes what a draw produced (drawn
objects, teams, inspection tasks, the record) in one audited transaction, and serves
the views: batch detail, statistics, the public notice, item-by-item results.
"""
from .checks import CheckResult, check_batch
from .detail import (
    BatchDetail,
    DepartmentDetail,
    MatterDetail,
    batch_detail,
    drawn_picks,
    pool_vs_drawn,
)
from .abandonment import AbandonedBatch, abandonment, abandonment_notice
from .lifecycle import (
    DrawnBatch,
    DrawnPick,
    LockedBatch,
    StratumRow,
    TeamMember,
    abandon_batch,
    draw_batch,
    lock_batch,
    publish_batch,
)
from .notices import (
    NoticeRow,
    export_notice_xlsx,
    notice_footer,
    notice_headers,
    notice_lead,
    notice_rows,
    notice_title,
    notice_values,
)
from .plans import (
    BatchSummary,
    PlanSummary,
    create_batch,
    create_plan,
    discard_batch,
    discard_plan,
    list_plans,
    narrow_pool_to_matters,
    set_plan_rules,
    update_batch,
)
from .pools import build_spec, pool_entity_filter
from .records import export_record, public_record_of, read_record_file, verify_batch, write_record_file
from .results import (
    ChecklistLine,
    ResultRecorded,
    TaskChecklist,
    record_result,
    task_checklist,
)

__all__ = [
    "AbandonedBatch", "abandon_batch", "abandonment", "abandonment_notice",
    "BatchDetail", "BatchSummary", "CheckResult", "ChecklistLine", "DepartmentDetail", "DrawnBatch", "DrawnPick", "LockedBatch",
    "MatterDetail", "NoticeRow", "PlanSummary", "ResultRecorded", "StratumRow", "TaskChecklist", "TeamMember",
    "batch_detail", "build_spec", "check_batch", "create_batch", "create_plan", "discard_batch", "discard_plan", "draw_batch",
    "drawn_picks", "export_notice_xlsx", "export_record", "list_plans", "lock_batch", "narrow_pool_to_matters", "notice_footer", "notice_headers", "notice_lead", "public_record_of",
    "notice_rows", "notice_title", "notice_values", "pool_entity_filter", "pool_vs_drawn", "publish_batch",
    "read_record_file", "record_result", "set_plan_rules", "task_checklist", "update_batch", "verify_batch", "write_record_file",
]
