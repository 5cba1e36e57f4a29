"""Double-notification pushes (先照后证"双告知") and notification-commitments (告知承诺)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum
from .enums import CommitmentStatus, PushStatus


class NotificationPush(Base):
    """A registration pushed to an approving department, to be claimed in 5 working days.

    ``department_id`` is empty while the push waits in the shared to-be-claimed queue.
    """

    __tablename__ = "notification_pushes"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id"), index=True)
    permit_name: Mapped[str] = mapped_column(String(120))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    pushed_on: Mapped[dt.date]
    claim_due: Mapped[dt.date]
    claimed_on: Mapped[dt.date | None]
    status: Mapped[PushStatus] = mapped_column(str_enum(PushStatus, "push_status"))
    return_reason: Mapped[str | None] = mapped_column(String(400))

    __table_args__ = (Index("ix_notification_pushes_department_id_status", "department_id", "status"),)


class Commitment(Base):
    """A permit granted on a written commitment, with its verification terms."""

    __tablename__ = "commitments"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id"), index=True)
    matter_name: Mapped[str] = mapped_column(String(120))
    commitment_text: Mapped[str] = mapped_column(Text)
    fulfil_by: Mapped[dt.date]
    verification_standard: Mapped[str] = mapped_column(String(400))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    breach_consequence: Mapped[str] = mapped_column(String(400))
    status: Mapped[CommitmentStatus] = mapped_column(str_enum(CommitmentStatus, "commitment_status"))
    # The department system the commitment came from and its own id there (core.exchange).
    source_system: Mapped[str | None] = mapped_column(String(40))
    source_ref: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ux_commitments_source", "source_system", "source_ref", unique=True,
              sqlite_where=text("source_ref IS NOT NULL"), postgresql_where=text("source_ref IS NOT NULL")),
    )


class CommitmentVerification(Base):
    """The task of checking a commitment, with a deadline of its own."""

    __tablename__ = "commitment_verifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[dt.date]
    done_on: Mapped[dt.date | None]
    inspector_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    outcome: Mapped[str | None] = mapped_column(String(200))
