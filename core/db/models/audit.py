"""The audit log: who changed what, when, with the state before and after, as a hash chain.

Each entry carries its place in the chain (``seq``), the hash of the entry before it and
its own hash (see :mod:`core.db.audit_chain` and ``core/db/AUDIT.md`` for the canonical
form). ``audit_chain`` is a one-row table holding the chain head: appends lock it, so two
writers can never fork the chain, and ``tongguan audit verify`` compares it with the last
entry to notice entries cut off the end.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import DDL, Index, Integer, String, Text, event, insert
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow

GENESIS_HASH = "0" * 64  # the "previous hash" of the first entry


class AuditEntry(Base):
    """One recorded change of shared data (行政处罚法 Art. 47: the process is recorded)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_log_object_type_object_id", "object_type", "object_id"),
        Index("ix_audit_log_at", "at"),
        Index("ux_audit_log_seq", "seq", unique=True),
    )


class AuditChainHead(Base):
    """The chain head: the newest entry's ``seq`` and ``hash`` (one row, id 1)."""

    __tablename__ = "audit_chain"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


# SQLite has no roles: triggers make changing the log a deliberate act (the chain proves it anyway).
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
for _sql in SQLITE_TRIGGERS:
    event.listen(AuditEntry.__table__, "after_create", DDL(_sql).execute_if(dialect="sqlite"))


@event.listens_for(AuditChainHead.__table__, "after_create")
def _genesis(target, connection, **_kw) -> None:
    # Databases made with create_all (not migrations) get their head row too.
    connection.execute(insert(target).values(id=1, seq=0, hash=GENESIS_HASH))
