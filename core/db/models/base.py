"""Declarative base, naming convention and small column helpers shared by all models."""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, DateTime, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase

# A fixed naming convention keeps constraint names identical on SQLite and PostgreSQL,
# so Alembic migrations can address them by name on both.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every Tongguan table."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dt.datetime: DateTime(timezone=True),
        dict: JSON,
        list: JSON,
    }


def str_enum(cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column stored as its string value with a CHECK constraint."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in cls),
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


def utcnow() -> dt.datetime:
    """Timezone-aware now, the only clock persistence uses."""
    return dt.datetime.now(dt.timezone.utc)
