"""The change log: what each commit changed, for the consoles of other processes."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ChangeLogEntry(Base):
    """One commit's :class:`core.live.changes.ChangeSet` as JSON (see core/live).

    Written in the committing transaction; followers read rows newer than the last id
    they saw. Rows older than a day are pruned: a console that slept longer reloads.
    """

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    changes: Mapped[str] = mapped_column(Text)
