"""Push a view to the big-screen wall, and read what the wall should show.

A workstation "pushes" its current view; the wall PC polls :func:`latest_view` and
shows the newest one. Every push is audited like any change of shared data.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from core.db.database import Database
from core.db.models import WallView
from core.errors import ValidationError

_MAX_TITLE = 200


@dataclass(frozen=True)
class PushedView:
    id: int
    pushed_at: dt.datetime
    pushed_by: str
    workspace: str
    title: str
    view: dict


def _pushed(row: WallView) -> PushedView:
    at = row.pushed_at
    if at.tzinfo is None:  # SQLite keeps no zone; we always store UTC
        at = at.replace(tzinfo=dt.timezone.utc)
    return PushedView(row.id, at, row.pushed_by, row.workspace, row.title, dict(row.view))


def push_view(db: Database, actor: str, *, workspace: str, title: str, view: dict) -> PushedView:
    """Record ``view`` as what the wall shows next; returns the stored push."""
    title = title.strip()
    if not title:
        raise ValidationError("a view pushed to the wall needs a title", where="wall title")
    if not workspace:
        raise ValidationError("a view pushed to the wall must name its workspace", where="wall workspace")
    with db.uow(actor) as uow:
        uow.require("wall.push")
        row = WallView(pushed_by=uow.actor, workspace=workspace, title=title[:_MAX_TITLE], view=view)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("wall.push", "wall_view", row.id, after={"workspace": workspace, "title": row.title, "view": view})
        pushed = _pushed(row)
        uow.commit()
    return pushed


def latest_view(db: Database, *, workspace: str | None = None) -> PushedView | None:
    """The newest pushed view (of ``workspace``, if given), or None."""
    stmt = select(WallView).order_by(WallView.id.desc()).limit(1)
    if workspace:
        stmt = stmt.where(WallView.workspace == workspace)
    with db.sessions() as s:
        row = s.scalars(stmt).first()
        return _pushed(row) if row is not None else None
