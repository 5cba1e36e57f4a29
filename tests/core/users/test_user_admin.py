"""Administrators manage users; everyone else is refused by name of the missing permission."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.db.models import AuditEntry, User
from core.errors import NotFound, PermissionDenied
from core.services.auth import AuthError, authenticate
from core.services.signin_policy import SignInPolicy
from core.services.users import (
    MANAGE,
    UserRefused,
    create_first_admin,
    create_system_account,
    create_user,
    deactivate,
    list_users,
    principal,
    reset_password,
    set_sign_in_policy,
    unlock,
    update_user,
)

from .conftest import ADMIN_PASSWORD


def _actions(db) -> list[tuple[str, str]]:
    with db.sessions() as s:
        return [(e.actor, e.action) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
                if e.action.startswith("user.")]


def test_an_administrator_creates_edits_resets_and_deactivates(centre, clock):
    db, admin, dept = centre
    create_user(db, admin, "li", "李", "operator", "li-password")
    update_user(db, admin, "li", role_code="department", department_id=dept)
    rows = {r.username: r for r in list_users(db, admin, clock=clock)}
    assert (rows["li"].role_code, rows["li"].department_zh, rows["li"].active) == ("department", "综合执法队", True)
    reset_password(db, admin, "li", "new-password")
    with pytest.raises(AuthError):
        authenticate(db, "li", "li-password", clock=clock)
    assert authenticate(db, "li", "new-password", clock=clock).department_id == dept
    deactivate(db, admin, "li")
    with pytest.raises(AuthError):
        authenticate(db, "li", "new-password", clock=clock)
    assert [a for a in _actions(db) if a[1] != "user.create_first_admin"] == [
        ("root", "user.create"), ("root", "user.update"), ("root", "user.password_reset"), ("root", "user.update")]
    with db.sessions() as s:  # no password or hash in the audit log
        assert not any("scrypt" in (e.after or "") or "password" in (e.after or "").replace('"username"', "")
                       for e in s.scalars(select(AuditEntry)) if e.action.startswith("user."))


@pytest.mark.parametrize("role", ["operator", "leader", "planner", "monitor", "department"])
def test_everyone_but_an_administrator_is_refused_naming_the_permission(centre, clock, role):
    db, admin, dept = centre
    create_user(db, admin, "li", "李", role, "li-password", dept)
    li = authenticate(db, "li", "li-password", clock=clock)
    calls = [lambda: list_users(db, li), lambda: create_user(db, li, "x1", "", "admin", "x-password"),
             lambda: create_system_account(db, li, "x2", "", "admin"),
             lambda: update_user(db, li, "li", role_code="admin"), lambda: reset_password(db, li, "root", "12345678"),
             lambda: unlock(db, li, "root"), lambda: deactivate(db, li, "root"),
             lambda: set_sign_in_policy(db, li, SignInPolicy(100, 1))]
    for call in calls:
        with pytest.raises(PermissionDenied) as info:
            call()
        assert info.value.code == "permission.denied" and info.value.permission == MANAGE
    with db.sessions() as s:
        assert s.scalar(select(User.role_code).where(User.username == "li")).value == role
        assert s.scalar(select(User.active).where(User.username == "root")) is True


def test_a_demoted_administrator_loses_the_right_at_once(centre, clock):
    db, admin, _ = centre
    create_user(db, admin, "wu", "吴", "admin", "wu-password")
    wu = authenticate(db, "wu", "wu-password", clock=clock)
    update_user(db, admin, "wu", role_code="operator")
    with pytest.raises(PermissionDenied):  # wu's UserInfo still says admin; the database does not
        list_users(db, wu)


def test_the_last_administrator_stays(centre):
    db, admin, _ = centre
    with pytest.raises(UserRefused) as info:
        deactivate(db, admin, "root")
    assert info.value.code == "user.last_admin"
    with pytest.raises(UserRefused):
        update_user(db, admin, "root", role_code="operator")


def test_rules_on_names_passwords_and_departments(centre):
    db, admin, _ = centre
    for call, code in ((lambda: create_user(db, admin, "root", "", "operator", "long-enough"), "user.exists"),
                       (lambda: create_user(db, admin, "a b", "", "operator", "long-enough"), "user.bad_name"),
                       (lambda: create_user(db, admin, "ab", "", "operator", "short"), "user.password_short"),
                       (lambda: create_user(db, admin, "ab", "", "department", "long-enough"),
                        "user.department_required")):
        with pytest.raises(UserRefused) as info:
            call()
        assert info.value.code == code
    with pytest.raises(NotFound):
        reset_password(db, admin, "nobody", "long-enough")


def test_a_system_account_acts_for_cli_jobs_but_never_signs_in(centre, clock):
    db, admin, _ = centre
    create_system_account(db, admin, "sys_admin", "脚本", "admin")
    job = principal(db, "sys_admin")
    assert job.is_system and job.role_code == "admin"
    assert [r.username for r in list_users(db, job)] == ["root", "sys_admin"]
    with db.sessions() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "sys_admin"))
    with pytest.raises(AuthError):
        authenticate(db, "sys_admin", stored, clock=clock)
    with pytest.raises(UserRefused) as info:
        reset_password(db, admin, "sys_admin", "long-enough")
    assert info.value.code == "user.system_no_password"


def test_a_fresh_database_has_no_user_with_a_known_password(db):
    from core.demo.people import DEMO_PASSWORD

    with db.sessions() as s:
        assert s.scalar(select(User.id)) is None  # nobody until an administrator is created
    create_first_admin(db, "chief", "", "chosen-at-install")
    with pytest.raises(UserRefused) as info:
        create_first_admin(db, "second", "", "chosen-at-install")
    assert info.value.code == "user.admin_exists"
    for name in ("chief", "admin", "operator"):
        for known in (DEMO_PASSWORD, "admin", "password", "123456", ""):
            with pytest.raises(AuthError) as refused:
                authenticate(db, name, known, policy=SignInPolicy(100, 1))
            assert refused.value.code == "auth.failed"  # refused, not merely locked
    assert authenticate(db, "chief", "chosen-at-install").role_code == "admin"
    with db.sessions() as s:
        assert json.loads(s.scalar(select(AuditEntry.after).where(
            AuditEntry.action == "user.create_first_admin")))["username"] == "chief"
