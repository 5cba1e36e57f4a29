"""Signing in: users of the database, their role and department; demo accounts on demo data.

A sign-in is refused the same way for an unknown name, a wrong password, an inactive
account and a system account, and takes the same path: exactly one password hash is
computed (a dummy one, with today's parameters, when there is no real hash to check).
Failures are counted per user name in the database, so every workstation shares the
count; :class:`~core.services.signin_policy.SignInPolicy` failures in a row lock the name
for a while, and a locked name is refused with the minutes left before any password is
looked at. Every attempt, successful or not, is written to the audit log with the
workstation it came from.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import socket
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import AppMeta, Department, Role, SignInThrottle, User
from core.errors import TongguanError
from core.security import hash_password, needs_rehash, verify_password

from .signin_policy import SignInPolicy, read_sign_in_policy

Clock = Callable[[], dt.datetime]
USERNAME_MAX = 60


class AuthError(TongguanError):
    """Wrong user name or password, or an inactive account (never says which)."""

    code = "auth.failed"


class AccountLocked(AuthError):
    """Too many failed sign-ins for this user name: refused until ``until``."""

    code = "auth.locked"

    def __init__(self, until: dt.datetime, minutes_left: int) -> None:
        super().__init__(f"locked after repeated failed sign-ins; try again in {minutes_left} min")
        self.until = until
        self.minutes_left = minutes_left


@dataclass(frozen=True)
class UserInfo:
    """Who is signed in; handed to every window and recorded as the actor of changes."""

    id: int
    username: str
    display_name: str
    role_code: str
    role_zh: str
    role_en: str
    department_id: int | None
    department_zh: str | None
    department_en: str | None
    is_system: bool = False


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role_code: str


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """``value`` as UTC-aware (SQLite hands back naive datetimes that were stored as UTC)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Made with the same parameters as real hashes, so checking it costs the same.
    return hash_password("no user has this password")


def user_info(s: Session, user: User) -> UserInfo:
    """The frozen view of ``user`` handed across threads and to the UI."""
    role = s.get(Role, user.role_code)
    dept = s.get(Department, user.department_id) if user.department_id is not None else None
    return UserInfo(user.id, user.username, user.display_name, user.role_code.value,
                    role.name_zh if role else user.role_code.value, role.name_en if role else user.role_code.value,
                    user.department_id, dept.name_zh if dept else None, dept.name_en if dept else None,
                    user.is_system)


def authenticate(db: Database, username: str, password: str, *, workstation: str | None = None,
                 clock: Clock | None = None, policy: SignInPolicy | None = None) -> UserInfo:
    """The user whose name and password match; AuthError (or AccountLocked) otherwise.

    ``workstation`` (default: this host's name) is recorded in the audit log; ``clock``
    and ``policy`` default to the real time and the database's lock-out setting.
    """
    name = username.strip()[:USERNAME_MAX]
    now = (clock or _utcnow)()
    host = (workstation or socket.gethostname())[:120]
    with db.bootstrap_uow(name or "(empty)") as uow:  # nobody is signed in yet
        s = uow.session
        rule = policy or read_sign_in_policy(s)
        throttle = s.get(SignInThrottle, name)
        locked_until = aware(throttle.locked_until) if throttle is not None else None
        if locked_until is not None and locked_until > now:
            minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
            _audit(uow, "sign_in.refused", name, None, host, "locked", locked_until=locked_until)
            uow.commit()
            raise AccountLocked(locked_until, minutes)
        user = s.scalar(select(User).where(User.username == name))
        stored = user.password_hash if user is not None and user.password_hash.startswith("scrypt$") else None
        # One hash on every path: an unknown name costs what a known one does.
        matches = verify_password(password, stored or _dummy_hash()) and stored is not None
        reason = ("unknown_user" if user is None else "inactive" if not user.active
                  else "system_account" if user.is_system else None if matches else "wrong_password")
        if reason is None and matches:
            s.execute(delete(SignInThrottle).where(SignInThrottle.username == name))
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            _audit(uow, "sign_in.succeeded", name, user.id, host, None)
            info = user_info(s, user)
            uow.commit()
            return info
        reason = reason or "wrong_password"
        locked = _count_failure(s, name, now, rule)
        _audit(uow, "sign_in.failed", name, user.id if user else None, host, reason, locked_until=locked)
        uow.commit()
    if locked is not None:
        raise AccountLocked(locked, rule.lockout_minutes)
    raise AuthError("wrong user name or password")


def _audit(uow, action: str, name: str, user_id: int | None, host: str, reason: str | None,
           locked_until: dt.datetime | None = None) -> None:
    after = {"username": name, "workstation": host, "result": "success" if reason is None else "failure"}
    if reason is not None:
        after["reason"] = reason
    if locked_until is not None:
        after["locked_until"] = locked_until.isoformat()
    uow.audit(action, "user", user_id if user_id is not None else name, after=after)


def _count_failure(s: Session, name: str, now: dt.datetime, rule: SignInPolicy) -> dt.datetime | None:
    """Add one failure for ``name`` (atomically, whoever else counts); the lock's end if it locks now."""
    dialect = s.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    s.execute(
        insert(SignInThrottle).values(username=name, failed_count=1, last_failed_at=now)
        .on_conflict_do_update(index_elements=["username"],
                               set_={"failed_count": SignInThrottle.failed_count + 1, "last_failed_at": now})
    )
    count = s.scalar(select(SignInThrottle.failed_count).where(SignInThrottle.username == name))
    if count is None or count < rule.max_failures:
        return None
    until = now + dt.timedelta(minutes=rule.lockout_minutes)
    s.execute(update(SignInThrottle).where(SignInThrottle.username == name)
              .values(failed_count=0, locked_until=until))
    return until


def demo_accounts(db: Database) -> list[DemoAccount]:
    """Accounts the sign-in screen may offer: only on a demo database, never on real data."""
    with db.sessions() as s:
        meta = {m.key: m.value for m in s.scalars(select(AppMeta).where(AppMeta.key.in_(("demo", "demo_users"))))}
    if meta.get("demo") != "1":
        return []
    return [DemoAccount(a["username"], a["password"], a["role"]) for a in json.loads(meta.get("demo_users", "[]"))]
