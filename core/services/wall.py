"""Push a view to the big-screen wall, and read what the wall should show.

A workstation "pushes" its current view; the wall follows the change bus (or polls
:func:`latest_view`) and shows the newest one, then returns to its playlist;
:func:`push_history` lists the pushes. Every push is audited like any change of shared data.

A push's ``view`` says what to show by its ``kind`` (:func:`view_kind`):

- ``{"kind": "entity", "entity_id": 12}``: one market entity (its card, its place on the map);
- ``{"kind": "clue", "clue_id": 34}``: one clue (number, state, department, town, deadline);
- ``{"kind": "case", "case_id": 5}``: one case (number, department, decision deadline);
- ``{"kind": "batch", "batch_id": 7}``: a draw batch (the draw ceremony scene shows it);
- ``{"kind": "map", "center": [lat, lng], "zoom": 12, "town": "330782001", "layers": [...],
  "entity_ids": [...]}``: a map view as the map workspace describes it (every key optional;
  a view with no ``kind`` is a map view, as the map workspace pushed before kinds existed);
- ``{"kind": "scene", "scene": "rankings"}``: pin one of the wall's scenes
  (:data:`core.services.wall_figures.SCENES`) until the next push.

:func:`describe_push` turns a push into what the wall shows for it (:class:`PushedItem`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from core.db.database import Database
from core.db.models import WallView
from core.errors import ValidationError

_MAX_TITLE = 200
VIEW_KINDS = ("entity", "clue", "case", "batch", "map", "scene")


@dataclass(frozen=True)
class PushedView:
    id: int
    pushed_at: dt.datetime
    pushed_by: str
    workspace: str
    title: str
    view: dict


@dataclass(frozen=True)
class Fact:
    """One line of a pushed item's card: a label and its value, in Chinese and English."""

    label_zh: str
    label_en: str
    value_zh: str
    value_en: str


@dataclass(frozen=True)
class PushedItem:
    """What the wall shows for a push: a heading, facts, and where it is.

    ``kind`` is the view's kind (:data:`VIEW_KINDS`); ``object_id`` the entity, clue, case
    or batch id (None for a map view or a scene); ``found`` False when that object is not
    in the database (the card says so). ``entity_ids`` are entities to mark on the map,
    ``lat``/``lng`` where to centre it (None: the view does not say); ``scene`` the scene a
    "scene" push pins.
    """

    push: PushedView
    kind: str
    object_id: int | None
    heading_zh: str
    heading_en: str
    facts: tuple[Fact, ...] = ()
    entity_ids: tuple[int, ...] = ()
    lat: float | None = None
    lng: float | None = None
    zoom: int | None = None
    scene: str | None = None
    found: bool = True


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


def push_history(db: Database, limit: int = 20) -> list[PushedView]:
    """The newest ``limit`` pushes, newest first (the wall's history)."""
    stmt = select(WallView).order_by(WallView.id.desc()).limit(max(0, int(limit)))
    with db.sessions() as s:
        return [_pushed(row) for row in s.scalars(stmt)]


def view_kind(view: dict) -> str:
    """What a pushed ``view`` names: one of :data:`VIEW_KINDS` ("map" when it says nothing)."""
    kind = view.get("kind") if isinstance(view, dict) else None
    return kind if kind in VIEW_KINDS else "map"


def latest_view(db: Database, *, workspace: str | None = None) -> PushedView | None:
    """The newest pushed view (of ``workspace``, if given), or None."""
    stmt = select(WallView).order_by(WallView.id.desc()).limit(1)
    if workspace:
        stmt = stmt.where(WallView.workspace == workspace)
    with db.sessions() as s:
        row = s.scalars(stmt).first()
        return _pushed(row) if row is not None else None


def describe_push(db: Database, pushed: PushedView, today: dt.date | None = None) -> PushedItem:
    """What the wall shows for ``pushed``: a heading and facts in both languages, deadlines
    levelled for ``today`` (Beijing; default: now). See :mod:`core.services.wall_items`."""
    from .wall_items import describe

    return describe(db, pushed, today)

__all__ = ["VIEW_KINDS", "Fact", "PushedItem", "PushedView", "describe_push", "latest_view", "push_history",
           "push_view", "view_kind"]
