"""The permission matrix as specified (issue 13), checked cell by cell against core.rights.

Written out here independently of ``core.rights.PERMISSIONS``: a change to the table that
the specification does not make fails the test. Each cell is one role x permission x data
(its own department's / town's / joint item, or another's) and is refused or allowed.
"""
from __future__ import annotations

from core.db.models import RoleCode
from core.errors import PermissionDenied
from core.rights import PERMISSIONS, Principal, require

ROLES = ("operator", "leader", "planner", "monitor", "department", "town", "admin")
SPEC = {
    "clue.read": "operator=all leader=all monitor=all department=joint town=town",
    "clue.intake": "operator=all leader=all department=dept town=town",
    "clue.route": "operator=all leader=all",
    "clue.handle": "operator=all leader=all department=dept",
    "case.handle": "leader=all department=dept",
    "case.clock": "operator=all leader=all department=dept",
    "push.read": "operator=all leader=all monitor=all department=dept",
    "push.claim": "operator=all leader=all department=dept",
    "commitment.verify": "leader=all department=dept",
    "routing.manage": "leader=all admin=all",
    "entity.read": "operator=all leader=all planner=all monitor=all department=all town=all admin=all",
    "entity.tag": "operator=all leader=all",
    "entity.locate": "operator=all leader=all",
    "tag.manage": "operator=all leader=all",
    "risk.read": "operator=all leader=all planner=all monitor=all admin=all",
    "credit.manage": "leader=all admin=all",
    "credit.repair": "leader=all department=dept",
    "credit.rules": "admin=all",
    "draw.read": "operator=all leader=all planner=all monitor=all department=joint admin=all",
    "draw.plan": "leader=all planner=all",
    "draw.run": "leader=all planner=all",
    "draw.result": "department=joint",
    "wall.push": "operator=all leader=all",
    "warning.read": "operator=all leader=all monitor=all admin=all",  # issue 17: early warnings
    "warning.review": "operator=all leader=all",
    "warning.train": "leader=all admin=all",
    "efficiency.read": "operator=all leader=all monitor=all",
    "report.leadership": "leader=all monitor=all admin=all",  # issue 16: the leadership analysis (internal)
    "audit.record": "operator=all leader=all planner=all monitor=all department=all town=all admin=all",
    "users.manage": "admin=all",
    "data.import": "operator=all admin=all",  # issue 16: import of department data files
    "data.export": "operator=all admin=all",
    "feeds.manage": "admin=all",  # issue 16: feed configuration
    "feeds.import": "operator=all admin=all",  # issue 16: the registration feed (as data.import)
    "geo.manage": "admin=all",  # issue 16: surveyed boundaries
}
OWN_DEPT, OTHER_DEPT, OWN_TOWN, OTHER_TOWN = 7, 8, "330782001", "330782100"


def spec_scope(permission: str, role: str) -> str | None:
    cells = dict(pair.split("=") for pair in SPEC[permission].split())
    return cells.get(role)


def principal(role: str) -> Principal:
    return Principal(1, f"u_{role}", RoleCode(role), OWN_DEPT if role == "department" else None,
                     OWN_TOWN if role == "town" else None)


# The data a call is about: (own?, where) for the item's own department, a joint item it takes part
# in (led by another), and its town's grid.
def data(scope_kind: str, own: bool) -> dict:
    if scope_kind == "joint":
        return {"department_id": OTHER_DEPT, "department_ids": [OWN_DEPT] if own else [9]}
    if scope_kind == "town":
        return {"town_code": OWN_TOWN if own else OTHER_TOWN}
    return {"department_id": OWN_DEPT if own else OTHER_DEPT}


# Which data kinds each scope reaches when the data is the principal's own.
REACHES = {"all": {"dept", "joint", "town"}, "dept": {"dept"}, "joint": {"dept", "joint"}, "town": {"town"}}


def allowed(principal_: Principal, permission: str, where: dict) -> bool:
    try:
        require(principal_, permission, **where)
    except PermissionDenied as refusal:
        assert refusal.permission == permission and refusal.code == "permission.denied"
        return False
    return True


def check_matrix() -> int:
    """Check every cell; returns how many were checked. AssertionError names the first wrong cell."""
    assert set(PERMISSIONS) == set(SPEC), set(PERMISSIONS) ^ set(SPEC)
    cells = 0
    for permission in SPEC:
        for role in ROLES:
            scope = spec_scope(permission, role)
            for kind in ("dept", "joint", "town"):
                for own in (True, False):
                    expected = scope is not None and (scope == "all" or (own and kind in REACHES[scope]))
                    got = allowed(principal(role), permission, data(kind, own))
                    assert got == expected, (permission, role, kind, "own" if own else "other", got)
                    cells += 1
    return cells
