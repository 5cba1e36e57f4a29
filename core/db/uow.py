"""The unit of work: one transaction per service call, audited, all-or-nothing.

Leaving the ``with`` block without ``commit()`` rolls back, so a service that fails
half-way leaves nothing behind (Cosmic Python, chapter 6). Audit entries are collected as
the unit goes and chained onto the audit log at commit, in the same transaction: the chain
head is then locked only for the moment of the commit, and always as the last lock taken.

A unit's connection is marked a writer (``engine.WRITE_OPTION``): on SQLite its
transaction begins IMMEDIATE, so what it reads cannot change before it writes (PostgreSQL
services lock the rows they change with ``SELECT ... FOR UPDATE``).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .audit_chain import PendingEntry, append
from .engine import WRITE_OPTION


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class UnitOfWork:
    """A session bound to one actor; audit entries join the same transaction."""

    def __init__(self, session_factory: sessionmaker[Session], actor: str) -> None:
        self._factory = session_factory
        self.actor = actor
        self.session: Session
        self._committed = False
        self._audit: list[PendingEntry] = []

    def __enter__(self) -> "UnitOfWork":
        bind = self._factory.kw.get("bind")
        # Every transaction of this session (after a rollback too) begins as a writer's; a
        # session bound to a Connection joins a transaction its owner already began.
        self.session = (self._factory(bind=bind.execution_options(**{WRITE_OPTION: True}))
                        if isinstance(bind, Engine) else self._factory())
        self._committed = False
        self._audit = []
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._committed:
            self.session.rollback()
        self._audit = []
        self.session.close()

    def commit(self) -> None:
        """Make everything done in this unit permanent, audit entries included."""
        if self._audit:
            self.session.flush()
            append(self.session.connection(), self._audit)
        self.session.commit()
        self._audit = []
        self._committed = True

    def rollback(self) -> None:
        """Discard everything done in this unit so far, recorded audit entries included."""
        self.session.rollback()
        self._audit = []

    def audit(
        self,
        action: str,
        object_type: str,
        object_id: object,
        *,
        before: Any = None,
        after: Any = None,
    ) -> None:
        """Record a change (who, what, before/after); it is written with the unit's commit."""
        self._audit.append(PendingEntry(self.actor, action, object_type, str(object_id),
                                        _dump(before), _dump(after)))
