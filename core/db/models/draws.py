"""Double-random draw plans: plan -> batch -> drawn objects -> teams."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum, utcnow
from .enums import DrawStatus, RiskClass


class DrawPlan(Base):
    """An annual double-random inspection plan."""

    __tablename__ = "draw_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # {class: [low, high]} ratio bands; None is the default table (core.draws.DEFAULT_BANDS)
    sampling_bands: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    visit_capacity: Mapped[float | None]  # visits per inspector per working day; None is the default


class DrawBatch(Base):
    """One batch of a plan: pool, ratios, departments, window and the draw record."""

    __tablename__ = "draw_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("draw_plans.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    lead_department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    window_start: Mapped[dt.date]
    window_end: Mapped[dt.date]
    status: Mapped[DrawStatus] = mapped_column(str_enum(DrawStatus, "draw_status"))
    pool_filter: Mapped[dict] = mapped_column(default=dict)
    ratio_table: Mapped[dict] = mapped_column(default=dict)
    avoidance_rules: Mapped[dict] = mapped_column(default=dict)
    band_override: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))  # {"reason", "by", "at"}: ratios outside the plan's bands, on purpose
    pool_count: Mapped[int | None]
    pool_hash: Mapped[str | None] = mapped_column(String(64))
    seed_commitment: Mapped[str | None] = mapped_column(String(64))
    random_sources: Mapped[list | None]
    draw_key: Mapped[str | None] = mapped_column(Text)
    algorithm_version: Mapped[str | None] = mapped_column(String(40))
    locked_at: Mapped[dt.datetime | None]
    drawn_at: Mapped[dt.datetime | None]


class BatchDepartment(Base):
    """A department taking part in a batch, its matters and team size (>= 2 by law)."""

    __tablename__ = "batch_departments"
    batch_id: Mapped[int] = mapped_column(ForeignKey("draw_batches.id"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    team_size: Mapped[int] = mapped_column(default=2)
    matter_ids: Mapped[list] = mapped_column(default=list)


class DrawnObject(Base):
    """An entity picked by a batch's draw, in pick order within its risk stratum."""

    __tablename__ = "drawn_objects"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("draw_batches.id"))
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id"), index=True)
    stratum: Mapped[RiskClass] = mapped_column(str_enum(RiskClass, "drawn_stratum"))
    pick_order: Mapped[int]

    __table_args__ = (Index("ix_drawn_objects_batch_id_pick_order", "batch_id", "pick_order"),)


class DrawTeamMember(Base):
    """An inspector drawn for a drawn object on behalf of a department."""

    __tablename__ = "draw_team_members"
    drawn_object_id: Mapped[int] = mapped_column(ForeignKey("drawn_objects.id"), primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"), primary_key=True, index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))


class DrawRecord(Base):
    """The frozen inputs of a locked batch and, once drawn, its published draw record.

    Created when the batch is locked: ``frozen`` holds the ordered pool, the inspector
    pools, the avoidance data and the sampling rule as they were then (the record format
    of ``core.draws`` without randomness or outcome), so later changes to entities or
    inspectors cannot alter the draw. When drawn, ``record`` holds the full record
    (``core.draws.make_record``; the revealed seed is in it and in ``seed``), ``digest``
    its SHA-256, and ``frozen`` is cleared (the record contains it). ``summary`` keeps
    the small facts views need without reading the record (strata sizes and picks, the
    strata hash, the announced sources). ``results_due`` is the results-publication
    deadline: 20 working days after the window ends (企业信息公示暂行条例).
    """

    __tablename__ = "draw_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("draw_batches.id"), unique=True)
    randomness_kind: Mapped[str] = mapped_column(String(10))
    frozen: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    record: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    digest: Mapped[str | None] = mapped_column(String(64))
    seed: Mapped[str | None] = mapped_column(String(128))
    summary: Mapped[dict] = mapped_column(default=dict)
    results_due: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# Which drawn objects an inspection task visits: one per batch whose windows were merged
# into the task (进一次门、查多项事), so a joint task knows every batch it serves.
task_drawn_objects = Table(
    "task_drawn_objects",
    Base.metadata,
    Column("drawn_object_id", ForeignKey("drawn_objects.id"), primary_key=True),
    Column("task_id", ForeignKey("inspection_tasks.id", ondelete="CASCADE"), nullable=False, index=True),
)
