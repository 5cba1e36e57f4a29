"""Accounts tests act as: every service call needs an active user or system account (core.rights).

``account(db, "planner", "planner")`` creates (once) a system account of that role; a
department user names its department by id or code, a town user its town code.
"""
from __future__ import annotations

from sqlalchemy import select

from core.db.database import Database
from core.db.models import Department, RoleCode, User
from core.services.users import ensure_roles


def account(db: Database, username: str, role: str = "operator", *, department: int | str | None = None,
            town: str | None = None, system: bool = True) -> str:
    """The name of an active account ``username`` with ``role`` (created or updated); returns it."""
    with db.bootstrap_uow("test-setup") as uow:
        s = uow.session
        ensure_roles(s)
        dept_id = department
        if isinstance(department, str):
            dept_id = s.scalar(select(Department.id).where(Department.code == department))
            assert dept_id is not None, f"no department {department!r}"
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, display_name=username, password_hash="!test", role_code=RoleCode(role),
                        is_system=system)
            s.add(user)
        user.role_code, user.department_id, user.town_code, user.active = RoleCode(role), dept_id, town, True
        uow.commit()
    return username


def center_accounts(db: Database) -> None:
    """The center's usual test actors: operator, leader, planner, monitor, admin and friends."""
    for name, role in (("operator", "operator"), ("center", "operator"), ("leader", "leader"),
                       ("planner", "planner"), ("monitor", "monitor"), ("admin", "admin"),
                       ("tester", "leader"), ("fuzz", "operator")):
        account(db, name, role)


def dept_user(db: Database, department_id: int) -> str:
    """A department user of ``department_id`` (named ``dept<id>``)."""
    return account(db, f"dept{department_id}", "department", department=department_id)


def standard_accounts(db: Database) -> None:
    """The center's accounts and one department user per department, named by its code in lower case
    (``scjg`` for SCJG); "grid" is the center's grid desk (an operator)."""
    center_accounts(db)
    account(db, "grid", "operator")
    with db.sessions() as s:
        codes = list(s.scalars(select(Department.code)))
    for code in codes:
        account(db, code.lower(), "department", department=code)


def task_user(db: Database, task_id: int) -> str:
    """A department user of the department leading inspection task ``task_id`` (it records results)."""
    from core.db.models import InspectionTask

    with db.sessions() as s:
        return dept_user(db, s.get(InspectionTask, task_id).lead_department_id)
