"""All Tongguan tables; importing this module registers them on ``Base.metadata``."""
from .audit import AuditChainHead, AuditEntry
from .base import Base
from .clues import (
    Case,
    CaseApproval,
    CaseExtension,
    CasePause,
    CasePauseKind,
    Clue,
    ClueAttachment,
    ClueEvent,
    RoutingRule,
)
from .draws import (
    BatchDepartment,
    DrawBatch,
    DrawnObject,
    DrawPlan,
    DrawRecord,
    DrawTeamMember,
    task_drawn_objects,
)
from .credit import CreditOfficialClass, CreditRecord, CreditRepair, CreditRuleSet, CreditTransition
from .entity import EntityRecord, MarketEntity, entity_tags
from .enums import *  # noqa: F403 - the vocabularies belong with the models
from .feeds import (
    CommitmentMatter,
    FeedFileResult,
    FeedRegistration,
    ForeignServiceCode,
    Open311Key,
    PermitDepartment,
)
from .geography import RegionGeometry
from .live import ChangeLogEntry
from .inspections import InspectionResult, InspectionTask, ResultPublication, task_inspectors, task_matters
from .matters import ChecklistItem, RegulatoryMatter
from .notifications import Commitment, CommitmentVerification, NotificationPush
from .people import Inspector, InspectorConflict, Role, SignInThrottle, User
from .reference import AppMeta, Department, Industry, Tag, Town, Village
from .wall import WallView
from .warnings import CreditWarning, WarningStatus

__all__ = [
    "AppMeta", "AuditChainHead", "AuditEntry", "Base", "BatchDepartment", "Case", "CaseApproval", "CaseExtension", "CasePause",
    "CasePauseKind", "ChangeLogEntry", "ChecklistItem", "Clue",
    "ClueAttachment", "ClueEvent", "CommitmentMatter", "FeedFileResult", "FeedRegistration", "ForeignServiceCode",
    "Open311Key", "PermitDepartment", "RegionGeometry", "CreditOfficialClass", "CreditRecord", "CreditRepair", "CreditRuleSet",
    "CreditTransition", "RoutingRule", "Commitment", "CommitmentVerification", "Department", "DrawBatch",
    "DrawPlan", "DrawRecord", "DrawTeamMember", "DrawnObject", "EntityRecord", "Industry",
    "InspectionResult", "InspectionTask", "Inspector", "InspectorConflict",
    "MarketEntity", "NotificationPush", "RegulatoryMatter", "ResultPublication", "Role", "SignInThrottle", "Tag", "Town",
    "CreditWarning", "User", "Village", "WallView", "WarningStatus", "entity_tags", "task_drawn_objects", "task_inspectors", "task_matters",
]
