"""Inspection tasks (one visit, possibly joint) and their item-by-item results."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum, utcnow
from .enums import CheckOutcome, TaskStatus

task_inspectors = Table(
    "task_inspectors",
    Base.metadata,
    Column("task_id", ForeignKey("inspection_tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("inspector_id", ForeignKey("inspectors.id"), primary_key=True, index=True),
)

task_matters = Table(
    "task_matters",
    Base.metadata,
    Column("task_id", ForeignKey("inspection_tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("matter_id", ForeignKey("regulatory_matters.id"), primary_key=True),
)


class InspectionTask(Base):
    """One visit to one entity; joint when several departments go together."""

    __tablename__ = "inspection_tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("draw_batches.id"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id"), index=True)
    lead_department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    joint: Mapped[bool] = mapped_column(default=False)
    status: Mapped[TaskStatus] = mapped_column(str_enum(TaskStatus, "task_status"))
    due_on: Mapped[dt.date]
    done_on: Mapped[dt.date | None]


class InspectionResult(Base):
    """The outcome of one checklist item on one task."""

    __tablename__ = "inspection_results"
    task_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_tasks.id", ondelete="CASCADE"), primary_key=True
    )
    checklist_item_id: Mapped[int] = mapped_column(ForeignKey("checklist_items.id"), primary_key=True)
    outcome: Mapped[CheckOutcome] = mapped_column(str_enum(CheckOutcome, "check_outcome"))
    note: Mapped[str] = mapped_column(String(400), default="")


class ResultPublication(Base):
    """That the result of one inspection task was published (企业信息公示暂行条例 Arts. 6-7).

    A task's result is formed the day its last checklist item is recorded (the task's
    ``done_on``) and must be published within 20 working days of that day (the deadline
    policy's ``results_publication`` duration). No row: not published yet. ``batch_id`` is
    the batch whose results notice published it; ``notice_file`` the file's name.
    """

    __tablename__ = "result_publications"
    task_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_tasks.id", ondelete="CASCADE"), primary_key=True
    )
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("draw_batches.id"), index=True)
    published_on: Mapped[dt.date]
    published_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    published_by: Mapped[str] = mapped_column(String(60))
    notice_file: Mapped[str] = mapped_column(String(260), default="")
