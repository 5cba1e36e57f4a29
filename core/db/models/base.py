"""Declarative base, naming convention and small column helpers shared by all models."""
from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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


_clock: ContextVar[Callable[[], dt.datetime] | None] = ContextVar("tongguan_clock", default=None)


def utcnow() -> dt.datetime:
    """Timezone-aware now, the only clock persistence uses (see :func:`clock_from`)."""
    clock = _clock.get()
    return clock() if clock is not None else dt.datetime.now(dt.timezone.utc)


@contextmanager
def clock_from(start: dt.datetime, step: dt.timedelta = dt.timedelta(seconds=1)) -> Iterator[None]:
    """Within the block (this thread or task), ``utcnow()`` reads ``start`` and moves on by ``step``
    at each reading: work done through the services gets reproducible times (the demo city)."""
    ticks = itertools.count()
    token = _clock.set(lambda: start + next(ticks) * step)
    try:
        yield
    finally:
        _clock.reset(token)
