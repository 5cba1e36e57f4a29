"""Regulatory matters (监管事项) and their standard checklists (检查表单)."""
from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, str_enum
from .enums import MatterCategory


class RegulatoryMatter(Base):
    """A matter a department inspects, general or key (full-coverage) supervision."""

    __tablename__ = "regulatory_matters"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(200))
    category: Mapped[MatterCategory] = mapped_column(str_enum(MatterCategory, "matter_category"))
    legal_basis: Mapped[str] = mapped_column(String(400))
    # {"industries": [...], "entity_types": [...]}; an empty or missing list means every one
    applies_to: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    items: Mapped[list["ChecklistItem"]] = relationship(
        back_populates="matter", order_by="ChecklistItem.seq"
    )


class ChecklistItem(Base):
    """One line of a matter's standard checklist."""

    __tablename__ = "checklist_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("regulatory_matters.id"))
    seq: Mapped[int]
    text_zh: Mapped[str] = mapped_column(String(400))
    text_en: Mapped[str] = mapped_column(String(400))
    standard_zh: Mapped[str] = mapped_column(String(400), default="")
    matter: Mapped[RegulatoryMatter] = relationship(back_populates="items")

    __table_args__ = (UniqueConstraint("matter_id", "seq"),)
