"""Sign-in: lock-out after N failures, the same code path for unknown names, every attempt audited."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

import core.services.auth as auth
from core.db.models import AuditEntry, SignInThrottle, User
from core.security import hash_password
from core.services.auth import AccountLocked, AuthError, authenticate
from core.services.signin_policy import SignInPolicy, read_sign_in_policy
from core.services.users import create_system_account, create_user, set_sign_in_policy, unlock

from .conftest import ADMIN_PASSWORD


def _audit(db, action: str | None = None) -> list[AuditEntry]:
    with db.sessions() as s:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if action:
            query = query.where(AuditEntry.action == action)
        return list(s.scalars(query))


def _fail(db, name: str, clock, times: int) -> list[BaseException]:
    errors = []
    for _ in range(times):
        with pytest.raises(AuthError) as info:
            authenticate(db, name, "wrong-password", clock=clock, workstation="ws-7")
        errors.append(info.value)
    return errors


def test_locks_after_the_set_number_of_failures_and_refuses_without_checking(centre, clock, monkeypatch):
    db, admin, _ = centre
    create_user(db, admin, "li", "李", "operator", "li-password")
    errors = _fail(db, "li", clock, 5)
    assert [type(e) for e in errors[:4]] == [AuthError] * 4
    assert isinstance(errors[4], AccountLocked) and errors[4].minutes_left == 15

    calls = []
    monkeypatch.setattr(auth, "verify_password", lambda *a: calls.append(a) or True)
    clock.advance(minutes=10)
    with pytest.raises(AccountLocked) as info:
        authenticate(db, "li", "li-password", clock=clock)
    assert info.value.minutes_left == 5
    assert calls == []  # the right password is not even looked at while locked


def test_lock_ends_after_the_time_and_success_resets_the_count(centre, clock):
    db, admin, _ = centre
    create_user(db, admin, "li", "李", "operator", "li-password")
    _fail(db, "li", clock, 5)
    clock.advance(minutes=15, seconds=1)
    assert authenticate(db, "li", "li-password", clock=clock).username == "li"
    with db.sessions() as s:
        assert s.get(SignInThrottle, "li") is None
    # After a success the count starts again: four failures do not lock.
    errors = _fail(db, "li", clock, 4)
    assert not any(isinstance(e, AccountLocked) for e in errors)
    assert authenticate(db, "li", "li-password", clock=clock).username == "li"


def test_the_setting_is_read_from_the_database(centre, clock):
    db, admin, _ = centre
    assert read_sign_in_policy(db.sessions()) == SignInPolicy(5, 15)
    set_sign_in_policy(db, admin, SignInPolicy(max_failures=2, lockout_minutes=60))
    create_user(db, admin, "li", "李", "operator", "li-password")
    errors = _fail(db, "li", clock, 2)
    assert isinstance(errors[1], AccountLocked) and errors[1].minutes_left == 60
    assert _audit(db, "sign_in.policy")[-1].actor == "root"


def test_unknown_names_lock_too_so_a_lock_out_reveals_nothing(centre, clock):
    db, _, _ = centre
    errors = _fail(db, "ghost", clock, 5)
    assert isinstance(errors[4], AccountLocked)


def test_an_administrator_unlocks(centre, clock):
    db, admin, _ = centre
    create_user(db, admin, "li", "李", "operator", "li-password")
    _fail(db, "li", clock, 5)
    assert unlock(db, admin, "li") is True
    assert authenticate(db, "li", "li-password", clock=clock).username == "li"
    assert _audit(db, "user.unlock")[-1].actor == "root"


@pytest.mark.parametrize("name", ["root", "ghost", "sys_import", "gone"])
def test_every_refusal_takes_the_same_path_one_hash(centre, clock, monkeypatch, name):
    db, admin, _ = centre
    create_system_account(db, admin, "sys_import", "导入任务", "operator")
    create_user(db, admin, "gone", "离职", "operator", "gone-password")
    with db.bootstrap_uow("t") as uow:
        uow.session.scalar(select(User).where(User.username == "gone")).active = False
        uow.commit()
    seen: list[str] = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda pw, stored: seen.append(stored) or real(pw, stored))
    with pytest.raises(AuthError) as info:
        authenticate(db, name, "gone-password" if name == "gone" else "not-it", clock=clock)
    assert str(info.value) == "wrong user name or password"
    assert len(seen) == 1
    # The hash checked has today's parameters whether or not the name is real.
    assert seen[0].split("$")[:4] == hash_password("x").split("$")[:4]


def test_a_system_account_cannot_sign_in_even_with_a_password_hash(centre, clock):
    db, admin, _ = centre
    create_system_account(db, admin, "sys_import", "导入任务", "admin")
    with db.bootstrap_uow("t") as uow:  # even if someone writes a real hash into it
        uow.session.scalar(select(User).where(User.username == "sys_import")).password_hash = hash_password("pw123456")
        uow.commit()
    with pytest.raises(AuthError):
        authenticate(db, "sys_import", "pw123456", clock=clock)
    assert json.loads(_audit(db, "sign_in.failed")[-1].after)["reason"] == "system_account"


def test_success_and_failure_are_audited_with_workstation_and_reason(centre, clock):
    db, _, _ = centre
    authenticate(db, "root", ADMIN_PASSWORD, clock=clock, workstation="ws-3")
    _fail(db, "root", clock, 1)
    _fail(db, "nobody", clock, 1)
    ok = _audit(db, "sign_in.succeeded")[-1]
    assert ok.actor == "root" and json.loads(ok.after) == {"username": "root", "workstation": "ws-3",
                                                           "result": "success"}
    failed = [json.loads(e.after) for e in _audit(db, "sign_in.failed")]
    assert [(f["username"], f["reason"], f["workstation"], f["result"]) for f in failed] == [
        ("root", "wrong_password", "ws-7", "failure"), ("nobody", "unknown_user", "ws-7", "failure")]


def test_a_locked_refusal_is_audited(centre, clock):
    db, _, _ = centre
    _fail(db, "root", clock, 6)
    refused = _audit(db, "sign_in.refused")
    assert len(refused) == 1 and json.loads(refused[0].after)["reason"] == "locked"


def test_an_old_hash_is_upgraded_on_the_next_successful_sign_in(centre, clock, monkeypatch):
    db, admin, _ = centre
    import core.security as security

    monkeypatch.setattr(security, "_N", 2**12)
    create_user(db, admin, "li", "李", "operator", "li-password")
    monkeypatch.undo()
    with db.sessions() as s:
        old = s.scalar(select(User.password_hash).where(User.username == "li"))
    assert old.startswith("scrypt$4096$")
    authenticate(db, "li", "li-password", clock=clock)
    with db.sessions() as s:
        new = s.scalar(select(User.password_hash).where(User.username == "li"))
    assert new.split("$")[:4] == hash_password("x").split("$")[:4] and new != old
    assert authenticate(db, "li", "li-password", clock=clock).username == "li"
