"""Who may do what, on which data: the permission table, in one place, readable as data.

Every service call acts as a :class:`Principal` (a user, or a named system account for
imports and CLI jobs) read from the database by the unit of work
(:meth:`core.db.uow.UnitOfWork.require`). A permission is granted to a role with a data
scope; :func:`require` refuses with :class:`~core.errors.PermissionDenied` naming the
permission (and the scope it failed) before the service does anything.

Scopes:

- ``all``  -- any item;
- ``dept`` -- the principal's own department's items;
- ``joint`` -- its own department's items and the joint items it takes part in (a joint
  draw batch or inspection task lists every department that goes);
- ``town`` -- its own town's grid (a clue raised in or about a village of that town).

The table (``-`` refused; a scope granted):

======================  ========  ======  =======  =======  ==========  ====  =====
permission              operator  leader  planner  monitor  department  town  admin
======================  ========  ======  =======  =======  ==========  ====  =====
clue.read               all       all     -        all      joint       town  -
clue.intake             all       all     -        -        dept        town  -
clue.route              all       all     -        -        -           -     -
clue.handle             all       all     -        -        dept        -     -
case.handle             -         all     -        -        dept        -     -
case.clock              all       all     -        -        dept        -     -
push.read               all       all     -        all      dept        -     -
push.claim              all       all     -        -        dept        -     -
commitment.verify       -         all     -        -        dept        -     -
routing.manage          -         all     -        -        -           -     all
entity.read             all       all     all      all      all         all   all
entity.tag              all       all     -        -        -           -     -
entity.locate           all       all     -        -        -           -     -
tag.manage              all       all     -        -        -           -     -
risk.read               all       all     all      all      -           -     all
credit.manage           -         all     -        -        -           -     all
credit.repair           -         all     -        -        dept        -     -
credit.rules            -         -       -        -        -           -     all
draw.read               all       all     all      all      joint       -     all
draw.plan               -         all     all      -        -           -     -
draw.run                -         all     all      -        -           -     -
draw.result             -         -       -        -        joint       -     -
wall.push               all       all     -        -        -           -     -
warning.read            all       all     -        all      -           -     all
warning.review          all       all     -        -        -           -     -
warning.train           -         all     -        -        -           -     all
efficiency.read         all       all     -        all      -           -     -
report.leadership       -         all     -        all      -           -     all
audit.record            all       all     all      all      all         all   all
users.manage            -         -       -        -        -           -     all
data.import             all       -       -        -        -           -     all
data.export             all       -       -        -        -           -     all
feeds.manage            -         -       -        -        -           -     all
feeds.import            all       -       -        -        -           -     all
geo.manage              -         -       -        -        -           -     all
======================  ========  ======  =======  =======  ==========  ====  =====

A clue's actions (core.clues.ACTIONS) map to two permissions (:data:`CLUE_ACTIONS`): the
center's routing (assign, close, reopen, mark as duplicate) and the handling a department
does with what it is given (claim, start, feed back, return, transfer), which the center may
also do on the spot.

The center (operator on duty, leader in command) receives, routes and closes clues; the
leader also rules the routing table (with the administrator, who keeps it as
configuration), decides cases, rules on commitments and may plan draws (it signs plans
off). Planners plan and run draws. Monitors read everything
the efficiency watch needs and change nothing. Department users handle their own
department's clues, pushes, commitments and cases and record results of the inspections
they take part in. Town (grid) users report and follow their own grid's clues. The risk
class (A-D) is shown only to roles with ``risk.read``. A system account has the rights
of its role.

Credit (core.credit): the leader and the administrator score the city, move abnormal
listings to the serious-violation list and import official classes (``credit.manage``);
a credit repair is granted by the leader or by the department that recorded the fact
(``credit.repair``); only the administrator edits the scoring rules (``credit.rules``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.models import RoleCode, User
from core.errors import PermissionDenied

ALL = "all"
DEPT = "dept"
JOINT = "joint"
TOWN = "town"

_O, _L, _P, _M, _D, _T, _A = (RoleCode.OPERATOR, RoleCode.LEADER, RoleCode.PLANNER, RoleCode.MONITOR,
                              RoleCode.DEPARTMENT, RoleCode.TOWN, RoleCode.ADMIN)


def _row(**by_role: str) -> dict[RoleCode, str]:
    return {RoleCode(k): v for k, v in by_role.items()}


# permission -> role -> scope; a role missing from a row is refused.
PERMISSIONS: dict[str, dict[RoleCode, str]] = {
    "clue.read": _row(operator=ALL, leader=ALL, monitor=ALL, department=JOINT, town=TOWN),
    "clue.intake": _row(operator=ALL, leader=ALL, department=DEPT, town=TOWN),
    "clue.route": _row(operator=ALL, leader=ALL),
    "clue.handle": _row(operator=ALL, leader=ALL, department=DEPT),
    "case.handle": _row(leader=ALL, department=DEPT),
    "case.clock": _row(operator=ALL, leader=ALL, department=DEPT),
    "push.read": _row(operator=ALL, leader=ALL, monitor=ALL, department=DEPT),
    "push.claim": _row(operator=ALL, leader=ALL, department=DEPT),
    "commitment.verify": _row(leader=ALL, department=DEPT),
    "routing.manage": _row(leader=ALL, admin=ALL),
    "entity.read": {role: ALL for role in RoleCode},
    "entity.tag": _row(operator=ALL, leader=ALL),
    "entity.locate": _row(operator=ALL, leader=ALL),
    "tag.manage": _row(operator=ALL, leader=ALL),
    "risk.read": _row(operator=ALL, leader=ALL, planner=ALL, monitor=ALL, admin=ALL),
    "credit.manage": _row(leader=ALL, admin=ALL),
    "credit.repair": _row(leader=ALL, department=DEPT),
    "credit.rules": _row(admin=ALL),
    "draw.read": _row(operator=ALL, leader=ALL, planner=ALL, monitor=ALL, department=JOINT, admin=ALL),
    "draw.plan": _row(leader=ALL, planner=ALL),
    "draw.run": _row(leader=ALL, planner=ALL),
    "draw.result": _row(department=JOINT),
    "wall.push": _row(operator=ALL, leader=ALL),
    # Early warnings of the risk model (core.credit.warning_store): they name the risk class, so only
    # roles that read classes see them; the center reviews them (a clue only after a person's review);
    # the leader and the administrator run the model.
    "warning.read": _row(operator=ALL, leader=ALL, monitor=ALL, admin=ALL),
    "warning.review": _row(operator=ALL, leader=ALL),
    "warning.train": _row(leader=ALL, admin=ALL),
    "efficiency.read": _row(operator=ALL, leader=ALL, monitor=ALL),
    # The leadership analysis (core.reports.leadership): it names risk classes and ranks departments,
    # so it is the leaders', the monitor's and the administrator's, internal.
    "report.leadership": _row(leader=ALL, monitor=ALL, admin=ALL),
    "audit.record": {role: ALL for role in RoleCode},
    "users.manage": _row(admin=ALL),
    # Importing and exporting department data files (core.exchange): the center's desk and the administrator.
    "data.import": _row(operator=ALL, admin=ALL),
    "data.export": _row(operator=ALL, admin=ALL),
    # The registration feed's permit-to-department mapping, the commitment catalogue, foreign
    # Open311 codes and API keys (core.feeds): configuration, kept by the administrator.
    "feeds.manage": _row(admin=ALL),
    # Taking registrations from the registration system (entities, pushes, commitments): the desk
    # that imports department data files (data.import), whichever way the registrations come.
    "feeds.import": _row(operator=ALL, admin=ALL),
    # Surveyed town and village boundaries (core.services.boundaries): reference data, the administrator's.
    "geo.manage": _row(admin=ALL),
}

# A clue action's key -> the permission it needs.
CLUE_ACTIONS: dict[str, str] = {
    "assign": "clue.route", "close": "clue.route", "reopen": "clue.route", "duplicate": "clue.route",
    "claim": "clue.handle", "start": "clue.handle", "feed_back": "clue.handle", "return": "clue.handle",
    "transfer": "clue.handle",
}


@dataclass(frozen=True)
class Principal:
    """Who a service call acts as, read from the database at the start of the call."""

    user_id: int
    username: str
    role: RoleCode
    department_id: int | None = None
    town_code: str | None = None
    is_system: bool = False

    def scope(self, permission: str) -> str | None:
        """The data scope ``permission`` is granted with to this principal's role; None: refused."""
        return scope_of(self.role, permission)

    def may(self, permission: str, **where: object) -> bool:
        """Whether :func:`require` would let this principal do ``permission`` on ``where``."""
        try:
            require(self, permission, **where)  # type: ignore[arg-type]
        except PermissionDenied:
            return False
        return True

    @property
    def sees_risk(self) -> bool:
        """Whether the risk class (A-D) may be shown to this principal."""
        return self.scope("risk.read") is not None


def scope_of(role: RoleCode | str, permission: str) -> str | None:
    """The scope the permission table grants ``role`` for ``permission`` (None: refused)."""
    row = PERMISSIONS.get(permission)
    if row is None:
        raise KeyError(f"no permission {permission!r}")
    return row.get(RoleCode(role))


def require(principal: Principal, permission: str, *, department_id: int | None = None,
            department_ids: Iterable[int | None] = (), town_code: str | None = None) -> str:
    """Refuse unless ``principal`` may do ``permission`` on the item described; return the scope.

    ``department_id`` is the item's own department; ``department_ids`` the other departments
    taking part in a joint item; ``town_code`` the town of the item's grid.
    """
    scope = principal.scope(permission)
    params = {"role": principal.role.value}
    if scope is None:
        raise PermissionDenied(permission, actor=principal.username, **params)
    if scope == ALL:
        return scope
    mine = principal.department_id
    if scope == DEPT and mine is not None and department_id == mine:
        return scope
    if scope == JOINT and mine is not None and (department_id == mine or mine in set(department_ids)):
        return scope
    if scope == TOWN and principal.town_code is not None and town_code == principal.town_code:
        return scope
    raise PermissionDenied(permission, actor=principal.username, scope=scope, **params)


class UnknownActor(PermissionDenied):
    """The name a call acts as is no active user or system account."""

    code = "permission.unknown_actor"

    def __init__(self, actor: str) -> None:
        super().__init__("session.actor", actor=actor)
        self.message = f"{actor!r} is no active user or system account"


def resolve(session: Session, actor: object) -> Principal:
    """The :class:`Principal` of ``actor`` (a user name, a UserInfo or a Principal), read afresh.

    Refused (:class:`UnknownActor`) unless the name is an active user or system account, so
    a free name never reaches the audit log and a deactivated user loses its rights at once.
    """
    name = actor if isinstance(actor, str) else getattr(actor, "username", None)
    if not isinstance(name, str) or not name:
        raise UnknownActor(str(actor))
    user = session.scalar(select(User).where(User.username == name))
    if user is None or not user.active:
        raise UnknownActor(name)
    return Principal(user.id, user.username, RoleCode(user.role_code), user.department_id,
                     getattr(user, "town_code", None), bool(user.is_system))


def risk_visible(session: Session, viewer: object | None) -> bool:
    """Whether the risk class may be shown to ``viewer`` (a name, UserInfo or Principal).

    ``None`` is a caller inside the core with no user behind it (a report, a benchmark);
    every user-facing read passes its viewer, resolved here like a unit of work's actor.
    """
    if viewer is None:
        return True
    principal = viewer if isinstance(viewer, Principal) else resolve(session, viewer)
    return principal.sees_risk


def require_risk(session: Session, viewer: object | None) -> None:
    """Refuse (``risk.read``) a filter, sort or column on the risk class to a viewer who may not see it."""
    if not risk_visible(session, viewer):
        principal = viewer if isinstance(viewer, Principal) else resolve(session, viewer)
        require(principal, "risk.read")
