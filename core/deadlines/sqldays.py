"""Day numbers computed by the database, so loading a million clocks parses no dates.

``epoch_day(date)`` and ``beijing_day(utc timestamp)`` give whole days since 1970-01-01
(the calendar day in Beijing for a timestamp). Converting a million ``datetime.date``
objects in Python costs about a second; the database does it while reading the row.
"""
from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

_JULIAN_EPOCH = 2440587.5  # julianday('1970-01-01')


class epoch_day(FunctionElement):
    """Days since 1970-01-01 of a DATE value (NULL stays NULL)."""

    type = Integer()
    name = "epoch_day"
    inherit_cache = True


class beijing_day(FunctionElement):
    """Days since 1970-01-01 of the Beijing (UTC+8) calendar day of a UTC timestamp."""

    type = Integer()
    name = "beijing_day"
    inherit_cache = True


@compiles(epoch_day, "sqlite")
def _epoch_day_sqlite(element, compiler, **kw) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) - {_JULIAN_EPOCH} AS INTEGER)"


@compiles(epoch_day, "postgresql")
def _epoch_day_pg(element, compiler, **kw) -> str:
    return f"(({compiler.process(element.clauses, **kw)}) - DATE '1970-01-01')"


@compiles(beijing_day, "sqlite")
def _beijing_day_sqlite(element, compiler, **kw) -> str:
    # SQLite keeps timestamps as UTC wall-time text; julianday() counts in exact
    # milliseconds, so midnight never rounds into the wrong day. Days here are > 0,
    # where CAST's truncation is the floor.
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}, '+8 hours') - {_JULIAN_EPOCH} AS INTEGER)"


@compiles(beijing_day, "postgresql")
def _beijing_day_pg(element, compiler, **kw) -> str:
    # China has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tz data.
    return f"(CAST(({compiler.process(element.clauses, **kw)}) AT TIME ZONE 'UTC' + INTERVAL '8 hours' AS DATE)" \
           " - DATE '1970-01-01')"
