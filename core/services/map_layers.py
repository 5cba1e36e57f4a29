"""What the map's town choropleth and overlay layers show, read from the database.

Entity counts come from the columnar index; the measures here are the work items:
open clues, and overdue items (clues past due, cases past their decision date, pushes
not claimed in time, commitment checks past due) per town, plus the positions of open
clues and of a draw batch's drawn entities. Clues without an entity are placed by their
own position or their source village's town.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from core.db.database import Database
from core.db.models import (
    Clue,
    DrawBatch,
    DrawnObject,
    DrawPlan,
    MarketEntity,
    Village,
)

from .map_overlays import CLOSED_CLUE_STATES, ClueMarkers, MapOverlays, clue_markers
from .read_scope import clue_condition, read_scope

__all__ = ["CLOSED_CLUE_STATES", "ClueMarkers", "DrawnBatch", "MapOverlays", "drawn_batches", "drawn_entity_ids",
           "open_clue_markers", "open_clues_by_town", "overdue_by_town"]


@dataclass(frozen=True)
class DrawnBatch:
    id: int
    name: str
    plan_name: str
    year: int
    drawn: int


def _open_clue() -> object:
    return Clue.state.not_in(CLOSED_CLUE_STATES)


def _clue_town():
    village = aliased(Village)
    entity = aliased(MarketEntity)
    town = func.coalesce(entity.town_code, village.town_code)
    return town, entity, village


def open_clues_by_town(db: Database, *, viewer: object | None = None) -> dict[str, int]:
    """Open clues per town code, of the clues ``viewer`` may see (``clue.read``; None: all)."""
    town, entity, village = _clue_town()
    stmt = (select(town, func.count()).select_from(Clue)
            .outerjoin(entity, entity.id == Clue.entity_id)
            .outerjoin(village, village.code == Clue.source_village_code)
            .where(_open_clue()).group_by(town))
    with db.sessions() as s:
        stmt = stmt.where(clue_condition(s, viewer))
        return {code: n for code, n in s.execute(stmt) if code}


def overdue_by_town(db: Database, today: dt.date | None = None, *, viewer: object | None = None) -> dict[str, int]:
    """Overdue clocks per town, as the efficiency monitor counts them (core.deadlines): clues,
    claims, commitment checks, inspection tasks, results publication and case decisions.

    The measure is the efficiency watch's, so it reads under ``efficiency.read`` (core.rights):
    the operator, the leader and the monitor see every town's count (their scope is ``all``);
    every other role (department, town, planner, administrator) is refused
    (:class:`~core.errors.PermissionDenied`) before a clock is read. It is refused, not
    filtered to a department or grid: the clocks mix pushes, inspection tasks and results
    whose department and town reach the table grants none of these roles, and a partial
    count under the same name would read as the town's whole backlog. ``viewer`` None is an
    internal caller and sees everything."""
    from core.deadlines import by_group
    from core.paths import user_cache_dir

    from .efficiency import load_clocks

    with db.sessions() as s:
        read_scope(s, viewer, "efficiency.read")
    items, assessment, _fresh = load_clocks(db, today, snapshot_dir=user_cache_dir())
    return {r.key: r.overdue_all for r in by_group(items, assessment, "town") if r.key is not None and r.overdue_all}


def open_clue_markers(db: Database, today: dt.date | None = None, *, limit: int = 20000,
                      viewer: object | None = None) -> ClueMarkers:
    """Positions (WGS-84) of the open clues ``viewer`` may see: the clue's own point, else its entity's;
    flagged overdue as the deadline engine and :func:`overdue_by_town` count it (not ``due_on < today``)."""
    return clue_markers(db, today, limit=limit, viewer=viewer)


def drawn_batches(db: Database) -> list[DrawnBatch]:
    """Batches that have drawn entities, newest first."""
    stmt = (select(DrawBatch.id, DrawBatch.name, DrawPlan.name, DrawPlan.year, func.count(DrawnObject.id))
            .join(DrawPlan, DrawPlan.id == DrawBatch.plan_id)
            .join(DrawnObject, DrawnObject.batch_id == DrawBatch.id)
            .group_by(DrawBatch.id, DrawBatch.name, DrawPlan.name, DrawPlan.year)
            .order_by(DrawPlan.year.desc(), DrawBatch.id.desc()))
    with db.sessions() as s:
        return [DrawnBatch(*row) for row in s.execute(stmt)]


def drawn_entity_ids(db: Database, batch_id: int) -> list[int]:
    """The entities drawn in a batch, in pick order."""
    stmt = select(DrawnObject.entity_id).where(DrawnObject.batch_id == batch_id).order_by(DrawnObject.pick_order)
    with db.sessions() as s:
        return list(s.scalars(stmt))
