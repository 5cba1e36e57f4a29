"""Closed vocabularies of the domain, stored as their string values."""
from __future__ import annotations

import enum


class EntityType(enum.StrEnum):
    ENTERPRISE = "enterprise"
    INDIVIDUAL = "individual"
    COOPERATIVE = "cooperative"


class EntityStatus(enum.StrEnum):
    ACTIVE = "active"
    DEREGISTERED = "deregistered"
    REVOKED = "revoked"


class RiskClass(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class RecordKind(enum.StrEnum):
    """Kinds of what departments know about an entity (its 全景 timeline)."""

    LICENCE = "licence"
    KEY_ITEM = "key_item"
    INSPECTION = "inspection"
    PENALTY = "penalty"
    TEST = "test"
    HONOUR = "honour"
    CREDIT = "credit"
    COMPLAINT = "complaint"
    GRID_EVENT = "grid_event"
    TAG_CHANGE = "tag_change"


class RoleCode(enum.StrEnum):
    OPERATOR = "operator"
    LEADER = "leader"
    PLANNER = "planner"
    MONITOR = "monitor"
    DEPARTMENT = "department"
    ADMIN = "admin"
    TOWN = "town"


class MatterCategory(enum.StrEnum):
    GENERAL = "general"
    KEY = "key"


class DrawStatus(enum.StrEnum):
    DRAFT = "draft"
    LOCKED = "locked"
    DRAWN = "drawn"
    PUBLISHED = "published"


class TaskStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class CheckOutcome(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "na"


class ClueSource(enum.StrEnum):
    GRID = "grid"
    HOTLINE = "hotline"
    DEPARTMENT = "department"
    MODEL = "model"
    INSPECTION = "inspection"


class ClueState(enum.StrEnum):
    RECEIVED = "received"
    ASSIGNED = "assigned"
    CLAIMED = "claimed"
    HANDLING = "handling"
    FED_BACK = "fed_back"
    CLOSED = "closed"
    RETURNED = "returned"
    TRANSFERRED = "transferred"
    DUPLICATE = "duplicate"
    REOPENED = "reopened"


class PushStatus(enum.StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    RETURNED = "returned"


class CommitmentStatus(enum.StrEnum):
    PENDING = "pending"
    FULFILLED = "fulfilled"
    BROKEN = "broken"


class CaseStatus(enum.StrEnum):
    FILED = "filed"
    DECIDED = "decided"
    CLOSED = "closed"
