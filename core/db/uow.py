"""The unit of work: one transaction per service call, audited, all-or-nothing.

Leaving the ``with`` block without ``commit()`` rolls back, so a service that fails
half-way leaves nothing behind (Cosmic Python, chapter 6).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from .models import AuditEntry


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

    def __enter__(self) -> "UnitOfWork":
        self.session = self._factory()
        self._committed = False
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._committed:
            self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        """Make everything done in this unit permanent, audit entries included."""
        self.session.commit()
        self._committed = True

    def rollback(self) -> None:
        """Discard everything done in this unit so far."""
        self.session.rollback()

    def audit(
        self,
        action: str,
        object_type: str,
        object_id: object,
        *,
        before: Any = None,
        after: Any = None,
    ) -> None:
        """Record a change (who, what, before/after) in the same transaction as the change."""
        self.session.add(
            AuditEntry(
                actor=self.actor,
                action=action,
                object_type=object_type,
                object_id=str(object_id),
                before=_dump(before),
                after=_dump(after),
            )
        )
