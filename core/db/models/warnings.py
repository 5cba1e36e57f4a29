"""Early warnings (预警) of the risk model: an entity to look at, with the factors of its score.

A warning is raised by a model run (``core.credit.warning_store``) and waits for a person:
it is *reviewed* (seen, kept in view), *dismissed*, or *made_clue* (the reviewer opened a
clue from it through the clue intake, ``clue_id``). A new run replaces the warnings nobody
has reviewed yet; reviewed ones stay with the model version that raised them.
"""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum, utcnow


class WarningStatus(enum.StrEnum):
    NEW = "new"
    REVIEWED = "reviewed"
    DISMISSED = "dismissed"
    MADE_CLUE = "made_clue"


class CreditWarning(Base):
    """One entity ranked for attention by one model version, with its factors and review."""

    __tablename__ = "credit_warnings"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id", ondelete="CASCADE"), index=True)
    score: Mapped[float]
    rank: Mapped[int]
    # [{"key", "zh", "en", "value", "weight"}], largest weight first
    factors: Mapped[list] = mapped_column(JSON)
    model_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[WarningStatus] = mapped_column(str_enum(WarningStatus, "warning_status"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    reviewer: Mapped[str | None] = mapped_column(String(60))
    reviewed_at: Mapped[dt.datetime | None]
    note: Mapped[str] = mapped_column(String(400), default="")
    clue_id: Mapped[int | None] = mapped_column(ForeignKey("clues.id"))

    __table_args__ = (Index("ix_credit_warnings_status_score", "status", "score"),)
