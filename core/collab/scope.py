"""Read scope for the collaboration views, kind by kind (core.services.read_scope).

A graph mixes kinds read under different permissions: clues under ``clue.read``, pushes and
commitments under ``push.read``, inspection visits under ``draw.read``. A role lacking one
permission simply sees no edges of its kinds; a role lacking all of them is refused.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from core.db.models.base import utcnow
from core.errors import PermissionDenied
from core.rights import ALL, Principal
from core.services.read_scope import principal_of, read_scope

BEIJING = dt.timedelta(hours=8)
PERMISSION_OF = {
    "joint_visit": "draw.read",
    "clue_routing": "clue.read",
    "clue_transfer": "clue.read",
    "clue_return": "clue.read",
    "clue_duplicate": "clue.read",
    "grid_handover": "clue.read",
    "push": "push.read",
    "commitment": "push.read",
}


class Viewer:
    """The viewer resolved once for a call, with the kinds it may read."""

    def __init__(self, session: Session, viewer: object | None) -> None:
        self.principal: Principal | None = principal_of(session, viewer)
        self._session = session

    def scope(self, permission: str) -> str | None:
        """The scope of ``permission`` (ALL for an internal caller), None when refused."""
        if self.principal is None:
            return ALL
        return self.principal.scope(permission)

    def readable(self, kinds) -> tuple[str, ...]:
        """The ``kinds`` this viewer may read; PermissionDenied when it may read none."""
        kinds = tuple(kinds)
        allowed = tuple(k for k in kinds if self.scope(PERMISSION_OF[k]) is not None)
        if kinds and not allowed:
            read_scope(self._session, self.principal, PERMISSION_OF[kinds[0]])  # raises, naming it
            raise PermissionDenied("no collaboration data may be read", where="collaboration")
        return allowed

    @property
    def department_id(self) -> int | None:
        return self.principal.department_id if self.principal is not None else None


def local_today() -> dt.date:
    """Today in Beijing on the persistence clock (the demo's clock inside a build)."""
    return (utcnow() + BEIJING).date()
