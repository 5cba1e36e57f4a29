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

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, text
from sqlalchemy.orm import Session, sessionmaker

from core.errors import PermissionDenied
from core.live.changes import ChangeCollector, ChangeHub, ChangeSet, with_id
from core.rights import Principal, require, resolve

from .audit_chain import PendingEntry, append
from .engine import WRITE_OPTION
from .models.base import utcnow
from .models.live import ChangeLogEntry

NOTIFY_CHANNEL = "tongguan_changes"
"""The PostgreSQL channel a commit notifies with its change_log id (core/live/follow.py listens)."""
_PRUNE_EVERY = 500
_KEEP = dt.timedelta(days=1)
_change_log = ChangeLogEntry.__table__


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class UnitOfWork:
    """A session bound to one actor; audit entries join the same transaction."""

    def __init__(self, session_factory: sessionmaker[Session], actor: object, *, bootstrap: bool = False,
                 hub: ChangeHub | None = None) -> None:
        self._factory = session_factory
        self._hub = hub
        self._changes = ChangeCollector()
        self.committed_changes: ChangeSet | None = None
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
        self._changes.clear()
        self.committed_changes = None
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
        self._changes.clear()
        self.session.close()

    def commit(self) -> None:
        """Make everything done in this unit permanent, audit entries and change record included.

        After the commit, this process's change listeners hear what changed (``db.changes``).
        """
        changes = self._changes.changeset()
        if self._audit or changes:
            self.session.flush()
            conn = self.session.connection()
            if self._audit:
                append(conn, self._audit)
            if changes:
                changes = with_id(changes, _record(conn, changes))
        self.session.commit()
        self._audit = []
        self._changes.clear()
        self._committed = True
        self.committed_changes = changes if changes else None
        if changes and self._hub is not None:
            self._hub.publish(changes)

    def rollback(self) -> None:
        """Discard everything done in this unit so far, recorded audit entries and changes included."""
        self.session.rollback()
        self._audit = []
        self._changes.clear()

    def touch(self, kind: str, ids: object = ()) -> None:
        """Record that ``ids`` of ``kind`` (a :data:`core.live.KINDS` name, or "everything") changed.

        Audited objects are recorded by :meth:`audit` already; this names what one entry
        cannot (the entities of a bulk change, say).
        """
        self._changes.touch(kind, ids)  # type: ignore[arg-type]

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
        self._changes.audited(object_type, object_id)


def _record(conn: Connection, changes: ChangeSet) -> int:
    """Store ``changes`` in change_log (and wake PostgreSQL listeners at commit); returns its id."""
    now = utcnow()
    change_id = int(conn.execute(insert(_change_log).values(at=now, changes=changes.to_json())
                                 .returning(_change_log.c.id)).scalar_one())
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": NOTIFY_CHANNEL, "payload": str(change_id)})
    if change_id % _PRUNE_EVERY == 0:
        conn.execute(delete(_change_log).where(_change_log.c.at < now - _KEEP))
    return change_id
