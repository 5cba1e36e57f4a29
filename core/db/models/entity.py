"""The market entity (市场主体), its tags and its records (全景)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum
from .enums import EntityStatus, EntityType, RecordKind, RiskClass

entity_tags = Table(
    "entity_tags",
    Base.metadata,
    Column("entity_id", ForeignKey("market_entities.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
    Index("ix_entity_tags_tag_id_entity_id", "tag_id", "entity_id"),
)


class MarketEntity(Base):
    """One registered market entity, keyed by its Unified Social Credit Code."""

    __tablename__ = "market_entities"
    id: Mapped[int] = mapped_column(primary_key=True)
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    entity_type: Mapped[EntityType] = mapped_column(str_enum(EntityType, "entity_type"))
    industry_code: Mapped[str] = mapped_column(ForeignKey("industries.code"), index=True)
    legal_rep: Mapped[str] = mapped_column(String(40), index=True)  # linked credit (core.credit)
    address: Mapped[str] = mapped_column(String(200))
    town_code: Mapped[str] = mapped_column(ForeignKey("towns.code"), index=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("villages.code"), index=True)
    lat: Mapped[float]
    lng: Mapped[float]
    registered_on: Mapped[dt.date] = mapped_column(index=True)
    status: Mapped[EntityStatus] = mapped_column(str_enum(EntityStatus, "entity_status"), index=True)
    risk_class: Mapped[RiskClass] = mapped_column(str_enum(RiskClass, "risk_class"), index=True)

    # Substring search: pg_trgm GIN indexes on PostgreSQL (SQLite uses an FTS5 table,
    # see core.db.text_search). Declared here so migrations and bulk loads know them.
    __table_args__ = tuple(
        Index(f"ix_market_entities_{col}_trgm", col, postgresql_using="gin",
              postgresql_ops={col: "gin_trgm_ops"}).ddl_if(dialect="postgresql")
        for col in ("uscc", "name", "address")
    )


class EntityRecord(Base):
    """One fact a department holds about an entity; together they form its timeline.

    A single table with a ``kind`` keeps "the whole timeline in time order" one indexed
    query; kind-specific detail that no query filters on lives in ``details``.
    """

    __tablename__ = "entity_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("market_entities.id", ondelete="CASCADE"))
    kind: Mapped[RecordKind] = mapped_column(str_enum(RecordKind, "record_kind"))
    occurred_on: Mapped[dt.date]
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    ref_no: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(200))
    amount_yuan: Mapped[float | None]
    valid_until: Mapped[dt.date | None]
    details: Mapped[str | None] = mapped_column(Text)
    # The department system the record came from and its own id there (core.exchange).
    source_system: Mapped[str | None] = mapped_column(String(40))
    source_ref: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_entity_records_entity_id_occurred_on", "entity_id", "occurred_on"),
        Index("ix_entity_records_kind_occurred_on", "kind", "occurred_on"),
        Index("ux_entity_records_source", "kind", "source_system", "source_ref", unique=True,
              sqlite_where=text("source_ref IS NOT NULL"), postgresql_where=text("source_ref IS NOT NULL")),
    )
