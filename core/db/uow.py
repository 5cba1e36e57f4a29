"""The unit of work: one transaction per service call, audited, all-or-nothing.

Leaving the ``with`` block without ``commit()`` rolls back, so a service that fails
half-way leaves nothing behind (Cosmic Python, chapter 6). Audit entries are collected as
the unit goes and chained onto the audit log at commit, in the same transaction: the chain
head is then locked only for the moment of the commit, and always as the last lock taken.

A unit's connection is marked a writer (``engine.WRITE_OPTION``): on SQLite its
transaction begins IMMEDIATE, so what it reads cannot change before it writes (PostgreSQL
services lock the rows they change with ``SELECT ... FOR UPDATE``).

On entry the unit resolves its actor to a :class:`~core.rights.Principal` read from the
database, and refuses a name that is no active user or system account: no free actor
string reaches the audit log. Services then call :meth:`UnitOfWork.require` before they do
anything. Only a *bootstrap* unit (sign-in, the installer, the demo builder, test set-up)
skips the resolution; it records its label as the actor.
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from core.errors import PermissionDenied
from core.rights import Principal, require, resolve

from .audit_chain import PendingEntry, append
from .engine import WRITE_OPTION


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class UnitOfWork:
    """A session bound to one actor; audit entries join the same transaction."""

    def __init__(self, session_factory: sessionmaker[Session], actor: object, *, bootstrap: bool = False) -> None:
        self._factory = session_factory
        self._actor = actor
        self._bootstrap = bootstrap
        self.actor: str = actor if isinstance(actor, str) else str(getattr(actor, "username", actor))
        self.principal: Principal | None = None
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
        if not self._bootstrap:
            try:
                self.principal = resolve(self.session, self._actor)
            except BaseException:
                self.session.rollback()
                self.session.close()
                raise
            self.actor = self.principal.username
        return self

    def require(self, permission: str, **where: object) -> str:
        """Refuse (PermissionDenied) unless this unit's principal may do ``permission`` on ``where``.

        ``where`` is the item's ``department_id``, the ``department_ids`` of a joint item's other
        departments, or its ``town_code`` (see :func:`core.rights.require`); returns the scope.
        """
        if self.principal is None:
            raise PermissionDenied(permission, actor=self.actor)
        return require(self.principal, permission, **where)  # type: ignore[arg-type]

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
