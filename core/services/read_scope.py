"""What a viewer may see in a listing: the "see" permission's scope (core.rights) as a SQL condition.

Every user-facing list takes its ``viewer`` (a user name, a UserInfo or a Principal, resolved
afresh like a unit of work's actor). ``None`` is a caller inside the core with no user behind
it (a report, a benchmark, a CLI job acting for the center) and sees everything. A role without
the permission is refused (:class:`~core.errors.PermissionDenied`) before anything is read; a
scoped role gets a WHERE condition, so the database returns only its rows.

Which permission a listing reads under:

- clues (list, detail, the map's clue layer): ``clue.read`` -- a department its own
  department's clues (a clue has one department at a time, so its "joint" reach is its own),
  a town user its own grid's (the clue's village's town, else its entity's);
- notification pushes, commitment verifications and cases: ``push.read`` -- the center and
  the monitor every one, a department its own department's (the shared queue of unclaimed
  pushes is offered to whoever may claim, ``push.claim``);
- the efficiency monitor: ``efficiency.read`` -- the center and the monitor; others refused.
"""
from __future__ import annotations

from sqlalchemy import ColumnElement, false, func, select, true
from sqlalchemy.orm import Session, aliased

from core.db.models import Clue, MarketEntity, Village
from core.rights import ALL, DEPT, JOINT, TOWN, Principal, require, resolve


def principal_of(session: Session, viewer: object | None) -> Principal | None:
    """The viewer's :class:`Principal` (None for an internal caller)."""
    if viewer is None or isinstance(viewer, Principal):
        return viewer
    return resolve(session, viewer)


def read_scope(session: Session, viewer: object | None, permission: str) -> tuple[str, Principal | None]:
    """(scope, principal) of ``viewer`` for ``permission``; refused when the role lacks it."""
    principal = principal_of(session, viewer)
    if principal is None:
        return ALL, None
    scope = principal.scope(permission)
    if scope is None:
        require(principal, permission)  # raises PermissionDenied naming the permission and role
    return scope, principal


def department_condition(session: Session, viewer: object | None, permission: str,
                         column) -> ColumnElement[bool]:
    """WHERE condition on an item's department ``column`` for ``viewer`` under ``permission``."""
    scope, principal = read_scope(session, viewer, permission)
    if scope == ALL:
        return true()
    if scope in (DEPT, JOINT) and principal is not None and principal.department_id is not None:
        return column == principal.department_id
    return false()  # a town user (or a department user with no department) sees none of these


def clue_town_expr():
    """SQL for the town of a clue's grid: its source village's town, else its entity's."""
    village, entity = aliased(Village), aliased(MarketEntity)
    village_town = (select(village.town_code).where(village.code == Clue.source_village_code)
                    .correlate(Clue).scalar_subquery())
    entity_town = select(entity.town_code).where(entity.id == Clue.entity_id).correlate(Clue).scalar_subquery()
    return func.coalesce(village_town, entity_town)


def clue_condition(session: Session, viewer: object | None) -> ColumnElement[bool]:
    """WHERE condition on :class:`Clue` rows for ``viewer`` under ``clue.read``."""
    scope, principal = read_scope(session, viewer, "clue.read")
    if scope == ALL:
        return true()
    if scope == TOWN and principal is not None and principal.town_code is not None:
        return clue_town_expr() == principal.town_code
    return department_condition(session, principal, "clue.read", Clue.department_id)
