"""Clues in the database: intake and routing, the closed loop of actions, cases, files,
and exchange with town and hotline systems in Open311 GeoReport v2.

The states and the actions allowed from each are in ``core.clues``; every step here is one
audited transaction that also writes the clue's event and a line on the entity's timeline.
"""
from .case_clock import (
    CaseClock,
    Extension,
    Pause,
    case_clock,
    case_clocks,
    extend_case,
    pause_case,
    resume_case,
)
from .common import HANDLING_WORKING_DAYS, SOURCE_NAMES
from .detail import ClueDetail, ClueStep, FileInfo, clue_detail
from .intake import Attachment, NewClue, attach, attachment_content, create_clue
from .listing import ClueFilter, ClueRow, count_clues, list_clues
from .open311 import export_open311, export_requests, import_open311
from .routing import Rule, delete_rule, list_rules, route, save_rule
from .workflow import CASE_DECISION_DAYS, Step, act, decide_case, file_case

__all__ = [
    "CASE_DECISION_DAYS", "HANDLING_WORKING_DAYS", "SOURCE_NAMES", "Attachment", "CaseClock", "Extension", "Pause",
    "case_clock", "case_clocks", "extend_case", "pause_case", "resume_case",
    "ClueDetail", "ClueFilter", "ClueRow", "ClueStep", "FileInfo",
    "NewClue", "Rule", "Step", "act", "attach", "attachment_content", "clue_detail", "count_clues", "list_clues", "create_clue", "decide_case",
    "delete_rule", "export_open311", "export_requests", "file_case", "import_open311", "list_rules", "route",
    "save_rule",
]
