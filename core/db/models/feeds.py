"""Feeds from other systems: the registration feed, foreign Open311 codes, API keys, drop folders."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class PermitDepartment(Base):
    """Which department approves a permit (许可事项): by its code, or by words of the business
    scope (经营范围). Administrators edit it; a registration's permit no row matches is pushed
    to the shared to-be-claimed queue."""

    __tablename__ = "feed_permit_departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    permit_code: Mapped[str] = mapped_column(String(40), unique=True)
    permit_name: Mapped[str] = mapped_column(String(120))
    # Words that name this permit in a scope text, separated by "|" (食品经营|食品销售).
    keywords: Mapped[str] = mapped_column(String(400), default="")
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)


class CommitmentMatter(Base):
    """One line of the catalogue of matters handled by notification and commitment (告知承诺事项清单):
    the terms a commitment is opened with when a registration names the matter."""

    __tablename__ = "feed_commitment_matters"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    keywords: Mapped[str] = mapped_column(String(400), default="")
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    commitment_text: Mapped[str] = mapped_column(Text)
    fulfil_days: Mapped[int]
    verification_standard: Mapped[str] = mapped_column(String(400))
    breach_consequence: Mapped[str] = mapped_column(String(400))
    verify_working_days: Mapped[int]


class FeedRegistration(Base):
    """A registration received from the registration system, keyed by its own id: received twice,
    it is taken once. Keeps what it opened (push and commitment ids)."""

    __tablename__ = "feed_registrations"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(40))
    registration_ref: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id"), index=True)
    registered_on: Mapped[dt.date]
    scope_text: Mapped[str] = mapped_column(Text, default="")
    permit_codes: Mapped[list] = mapped_column(default=list)
    push_ids: Mapped[list] = mapped_column(default=list)
    commitment_ids: Mapped[list] = mapped_column(default=list)
    received_at: Mapped[dt.datetime]

    __table_args__ = (UniqueConstraint("source_system", "registration_ref"),)


class ForeignServiceCode(Base):
    """A foreign system's Open311 service code mapped once to one of our matters."""

    __tablename__ = "feed_foreign_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(40))
    service_code: Mapped[str] = mapped_column(String(64))
    service_name: Mapped[str] = mapped_column(String(120), default="")
    matter_id: Mapped[int] = mapped_column(ForeignKey("regulatory_matters.id"))

    __table_args__ = (UniqueConstraint("source_system", "service_code"),)


class Open311Key(Base):
    """A source system's API key for the Open311 endpoint, stored as its SHA-256 only."""

    __tablename__ = "feed_open311_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(40), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str] = mapped_column(String(60))
    revoked_at: Mapped[dt.datetime | None]


class FeedFileResult(Base):
    """What became of one file dropped in a watched folder."""

    __tablename__ = "feed_file_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(40), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime]
    ok: Mapped[bool]
    added: Mapped[int]
    already: Mapped[int]
    problems: Mapped[list] = mapped_column(default=list)
    moved_to: Mapped[str] = mapped_column(String(400))
