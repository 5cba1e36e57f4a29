"""A fresh (non-demo) database with its first administrator, a department and a clock to move."""
from __future__ import annotations

import datetime as dt

import pytest

from core.db.models import Department
from core.services.auth import authenticate
from core.services.users import create_first_admin

ADMIN_PASSWORD = "first-admin-pw"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def centre(db):
    """(db, admin UserInfo, department id) on a fresh database."""
    create_first_admin(db, "root", "管理员", ADMIN_PASSWORD)
    with db.bootstrap_uow("installer") as uow:
        department = Department(code="D01", name_zh="综合执法队", name_en="Enforcement Team", group="5")
        uow.session.add(department)
        uow.commit()
        dept_id = department.id
    return db, authenticate(db, "root", ADMIN_PASSWORD, workstation="ws-test"), dept_id
