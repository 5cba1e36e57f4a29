"""Credit (信用): the records a class is computed from, the rule sets, lists and repairs.

A credit record is the credit side of a timeline fact (``source_record_id``) or a listing
the credit service itself writes (an abnormal-operation listing moving to the
serious-violation list). Its ``kind`` is one of :data:`core.credit.kinds.KINDS`; kinds are
plain strings so a rule set can name them without a schema change.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class CreditRecord(Base):
    """One fact that counts for (or against) an entity's credit, with its validity and repair."""

    __tablename__ = "credit_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    occurred_on: Mapped[dt.date]
    valid_until: Mapped[dt.date | None]    # publicity ends (None: the kind's default validity)
    ended_on: Mapped[dt.date | None]       # taken off a list (移出), or moved to another list
    repaired_on: Mapped[dt.date | None]    # credit repair (信用修复) granted
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    title: Mapped[str] = mapped_column(String(200))
    source_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("entity_records.id", ondelete="SET NULL"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_credit_records_kind_occurred_on", "kind", "occurred_on"),)


class CreditRuleSet(Base):
    """One version of the scoring rules (weights, decay, thresholds) as JSON; one is active."""

    __tablename__ = "credit_rule_sets"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(unique=True)
    rules: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(String(400), default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(default=False, index=True)
    applied_at: Mapped[dt.datetime | None]


class CreditOfficialClass(Base):
    """A class imported from the official credit system; it overrides the computed one."""

    __tablename__ = "credit_official_classes"
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id", ondelete="CASCADE"), primary_key=True)
    risk_class: Mapped[str] = mapped_column(String(1))
    source: Mapped[str] = mapped_column(String(200))
    imported_on: Mapped[dt.date]
    imported_by: Mapped[str] = mapped_column(String(64))


class CreditTransition(Base):
    """An abnormal-operation listing moved to the serious-violation list after 3 years."""

    __tablename__ = "credit_transitions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id", ondelete="CASCADE"), index=True)
    from_record_id: Mapped[int] = mapped_column(ForeignKey("credit_records.id", ondelete="CASCADE"), unique=True)
    to_record_id: Mapped[int] = mapped_column(ForeignKey("credit_records.id", ondelete="CASCADE"))
    due_on: Mapped[dt.date]
    applied_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))


class CreditRepair(Base):
    """A credit repair (信用修复): who granted it, when, on what evidence."""

    __tablename__ = "credit_repairs"
    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("credit_records.id", ondelete="CASCADE"), index=True)
    repaired_on: Mapped[dt.date]
    note: Mapped[str] = mapped_column(String(1000))
    attachment_name: Mapped[str] = mapped_column(String(255))
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
