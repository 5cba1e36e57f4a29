"""Clues and grid events routed between towns and departments, and the cases they open."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum
from .enums import CaseStatus, ClueSource, ClueState


class Clue(Base):
    """A clue (线索) or grid event, followed until its result is back at the source."""

    __tablename__ = "clues"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref_no: Mapped[str] = mapped_column(String(32), unique=True)
    source: Mapped[ClueSource] = mapped_column(str_enum(ClueSource, "clue_source"))
    source_village_code: Mapped[str | None] = mapped_column(ForeignKey("villages.code"))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("market_entities.id"), index=True)
    lat: Mapped[float | None]
    lng: Mapped[float | None]
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("regulatory_matters.id"))
    description: Mapped[str] = mapped_column(Text)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    handler_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    state: Mapped[ClueState] = mapped_column(str_enum(ClueState, "clue_state"))
    received_at: Mapped[dt.datetime]
    due_on: Mapped[dt.date | None]
    closed_at: Mapped[dt.datetime | None]
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("clues.id"))
    # Where the clue came from outside (an Open311 service_request_id, a hotline ticket).
    source_ref: Mapped[str | None] = mapped_column(String(64), index=True)
    # A foreign system's own words (core.feeds.foreign_codes): its name, the service code and
    # name it sent (given back on export), and a credit code the registry does not hold
    # (主体未登记: kept, the clue flagged by it).
    source_system: Mapped[str | None] = mapped_column(String(40))
    foreign_service_code: Mapped[str | None] = mapped_column(String(64))
    foreign_service_name: Mapped[str | None] = mapped_column(String(120))
    unregistered_uscc: Mapped[str | None] = mapped_column(String(18))

    __table_args__ = (
        Index("ix_clues_state_due_on", "state", "due_on"),
        Index("ix_clues_department_id_state", "department_id", "state"),
        # An import's key: the same request from the same source is never stored twice.
        Index("ux_clues_source_source_ref", "source", "source_ref", unique=True),
    )


class ClueEvent(Base):
    """One step of a clue's life: a state transition with who, when and why."""

    __tablename__ = "clue_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(String(60))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    note: Mapped[str] = mapped_column(String(400), default="")


class Case(Base):
    """A filed case (立案); the decision is due within 90 days (行政处罚法 Art. 60).

    ``decision_due`` is the due date as it stands: 90 days from filing, moved by every
    extension and every ended pause (市场监督管理行政处罚程序规定 Art. 64); the services of
    ``core.services.clues.case_clock`` keep it so in the same transaction as the change.
    """

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref_no: Mapped[str] = mapped_column(String(32), unique=True)
    clue_id: Mapped[int | None] = mapped_column(ForeignKey("clues.id"))
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    filed_on: Mapped[dt.date]
    decision_due: Mapped[dt.date]
    decided_on: Mapped[dt.date | None]
    status: Mapped[CaseStatus] = mapped_column(str_enum(CaseStatus, "case_status"))


class CaseApproval(enum.StrEnum):
    """Who approved an extension of a case's decision period (规定 Art. 64)."""

    HEAD = "head"              # 负责人批准: the first, 30 days
    COLLECTIVE = "collective"  # 集体讨论决定: any further one, its length decided


class CasePauseKind(enum.StrEnum):
    """Periods that do not count towards a case's decision period (规定 Art. 64)."""

    HEARING = "hearing"            # 听证
    ANNOUNCEMENT = "announcement"  # 公告
    TESTING = "testing"            # 检测、检验
    APPRAISAL = "appraisal"        # 鉴定


class CaseExtension(Base):
    """One extension of a case's decision period, with its approval and reason."""

    __tablename__ = "case_extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    approval: Mapped[CaseApproval] = mapped_column(str_enum(CaseApproval, "case_approval"))
    days: Mapped[int]
    approved_on: Mapped[dt.date]
    reason: Mapped[str] = mapped_column(String(400))
    actor: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[dt.datetime]


class CasePause(Base):
    """A period that does not count (hearing, announcement, testing, appraisal): from
    ``started_on`` through ``ended_on``, both days included; open while ``ended_on`` is NULL."""

    __tablename__ = "case_pauses"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[CasePauseKind] = mapped_column(str_enum(CasePauseKind, "case_pause_kind"))
    started_on: Mapped[dt.date]
    ended_on: Mapped[dt.date | None]
    reason: Mapped[str] = mapped_column(String(400))
    started_by: Mapped[str] = mapped_column(String(60))
    ended_by: Mapped[str | None] = mapped_column(String(60))
    recorded_at: Mapped[dt.datetime]


class ClueAttachment(Base):
    """A file kept with a clue (photo, complaint letter): stored in the database with the
    record, so a shared server keeps it for every workstation, with its SHA-256."""

    __tablename__ = "clue_attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    clue_id: Mapped[int] = mapped_column(ForeignKey("clues.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime]
    added_by: Mapped[str] = mapped_column(String(60))


class RoutingRule(Base):
    """Which department a clue goes to, by matter, industry and town (any may be blank:
    a blank matches everything). The most specific matching rule wins; without one the
    matter's own department is responsible. Administrators edit the rules."""

    __tablename__ = "routing_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("regulatory_matters.id"))
    industry_code: Mapped[str | None] = mapped_column(ForeignKey("industries.code"))
    town_code: Mapped[str | None] = mapped_column(ForeignKey("towns.code"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    note: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (UniqueConstraint("matter_id", "industry_code", "town_code"),)
