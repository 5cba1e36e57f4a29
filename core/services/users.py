"""Administrators manage users, roles and system accounts; every change is audited.

Each function takes the acting user (:class:`~core.services.auth.UserInfo`) and checks,
inside its own transaction, that this user is still an active administrator; anyone else
gets :class:`~core.errors.PermissionDenied` naming ``users.manage``. A system account is a
named non-interactive account for imports and CLI jobs: it has no password and can never
sign in at the console. The one exception to the rule is :func:`create_first_admin`, which
works only while a database has no administrator at all (a fresh installation).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import Department, Role, RoleCode, SignInThrottle, User
from core.db.uow import UnitOfWork
from core.errors import NotFound, PermissionDenied, ValidationError
from core.security import hash_password, unusable_password

from .auth import USERNAME_MAX, Clock, UserInfo, _utcnow, aware, user_info
from .reference import ROLE_NAMES
from .signin_policy import SignInPolicy, read_sign_in_policy, write_sign_in_policy

MANAGE = "users.manage"
MIN_PASSWORD_LENGTH = 8
_KEEP = object()


class UserRefused(ValidationError):
    """A user change that breaks a rule; ``code`` and ``params`` let the UI word it."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class UserRow:
    """One line of the users list."""

    id: int
    username: str
    display_name: str
    role_code: str
    department_id: int | None
    department_zh: str | None
    department_en: str | None
    active: bool
    is_system: bool
    locked_until: dt.datetime | None


# ---- checks ------------------------------------------------------------------------


def _admin_uow(db: Database, acting: UserInfo) -> UnitOfWork:
    if acting.role_code != RoleCode.ADMIN.value:
        raise PermissionDenied(MANAGE, actor=acting.username, role=acting.role_code)
    return db.uow(acting.username)


def _check_still_admin(s: Session, acting: UserInfo) -> None:
    """The acting user, read again in this transaction, is an active administrator."""
    row = s.get(User, acting.id)
    if row is None or not row.active or row.role_code != RoleCode.ADMIN or row.username != acting.username:
        raise PermissionDenied(MANAGE, actor=acting.username, role=row.role_code.value if row else None)


def _user(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"no user {username!r}", where="users")
    return user


def _check_username(s: Session, username: str) -> str:
    name = username.strip()
    if not name or len(name) > USERNAME_MAX or any(c.isspace() or not c.isprintable() for c in name):
        raise UserRefused("user.bad_name", f"a user name is 1 to {USERNAME_MAX} printable characters "
                          "without spaces", username=name)
    if s.scalar(select(User.id).where(User.username == name)) is not None:
        raise UserRefused("user.exists", f"the user name {name!r} is taken", username=name)
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserRefused("user.password_short", f"a password has at least {MIN_PASSWORD_LENGTH} characters",
                          minimum=MIN_PASSWORD_LENGTH)


def _check_role(s: Session, role_code: str, department_id: int | None) -> RoleCode:
    try:
        role = RoleCode(role_code)
    except ValueError:
        raise UserRefused("user.bad_role", f"no role {role_code!r}", role=role_code) from None
    ensure_roles(s)
    if department_id is not None and s.get(Department, department_id) is None:
        raise NotFound(f"no department {department_id}", where="departments")
    if role is RoleCode.DEPARTMENT and department_id is None:
        raise UserRefused("user.department_required", "a department user needs a department")
    return role


def _other_admins(s: Session, user: User) -> int:
    return s.scalar(select(func.count()).select_from(User).where(
        User.role_code == RoleCode.ADMIN, User.active.is_(True), User.is_system.is_(False), User.id != user.id))


def _keep_an_admin(s: Session, user: User) -> None:
    if user.role_code == RoleCode.ADMIN and user.active and not user.is_system and _other_admins(s, user) == 0:
        raise UserRefused("user.last_admin", "the last administrator cannot be removed or demoted",
                          username=user.username)


def ensure_roles(s: Session) -> None:
    """Insert the built-in roles a fresh database lacks."""
    have = set(s.scalars(select(Role.code)))
    s.add_all(Role(code=code, name_zh=zh, name_en=en) for code, (zh, en) in ROLE_NAMES.items() if code not in have)
    s.flush()


def _snapshot(user: User) -> dict:
    return {"username": user.username, "display_name": user.display_name, "role": user.role_code.value,
            "department_id": user.department_id, "active": user.active, "is_system": user.is_system}


# ---- reading -----------------------------------------------------------------------


def list_users(db: Database, acting: UserInfo, *, clock: Clock | None = None) -> list[UserRow]:
    """Every user and system account, by user name, with whether it is locked now."""
    now = (clock or _utcnow)()
    with _admin_uow(db, acting) as uow:
        s = uow.session
        _check_still_admin(s, acting)
        rows = s.execute(
            select(User, Department, SignInThrottle.locked_until)
            .outerjoin(Department, Department.id == User.department_id)
            .outerjoin(SignInThrottle, SignInThrottle.username == User.username)
            .order_by(User.username)
        ).all()
        result = []
        for user, dept, until in rows:
            until = aware(until)
            result.append(UserRow(user.id, user.username, user.display_name, user.role_code.value,
                                  user.department_id, dept.name_zh if dept else None, dept.name_en if dept else None,
                                  user.active, user.is_system, until if until is not None and until > now else None))
    return result


def departments(db: Database) -> list[tuple[int, str, str, str]]:
    """(id, code, Chinese name, English name) of every department, for choosing one."""
    with db.sessions() as s:
        return [tuple(r) for r in s.execute(
            select(Department.id, Department.code, Department.name_zh, Department.name_en).order_by(Department.id))]


def principal(db: Database, username: str) -> UserInfo:
    """The active user or system account ``username`` (who a CLI job acts as)."""
    with db.sessions() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            raise NotFound(f"no active user or system account {username!r}", where="users")
        return user_info(s, user)


# ---- changing ----------------------------------------------------------------------


def create_user(db: Database, acting: UserInfo, username: str, display_name: str, role_code: str,
                password: str, department_id: int | None = None) -> int:
    """A new interactive user; returns its id."""
    _check_password(password)
    return _create(db, acting, username, display_name, role_code, department_id, hash_password(password), False)


def create_system_account(db: Database, acting: UserInfo, username: str, display_name: str, role_code: str,
                          department_id: int | None = None) -> int:
    """A named non-interactive account for imports and CLI jobs (no password); returns its id."""
    return _create(db, acting, username, display_name, role_code, department_id, unusable_password(), True)


def _create(db: Database, acting: UserInfo, username: str, display_name: str, role_code: str,
            department_id: int | None, password_hash: str, is_system: bool) -> int:
    with _admin_uow(db, acting) as uow:
        s = uow.session
        _check_still_admin(s, acting)
        name = _check_username(s, username)
        role = _check_role(s, role_code, department_id)
        user = User(username=name, display_name=(display_name.strip() or name)[:60], password_hash=password_hash,
                    role_code=role, department_id=department_id, active=True, is_system=is_system)
        s.add(user)
        s.flush()
        uow.audit("user.create_system" if is_system else "user.create", "user", user.id, after=_snapshot(user))
        uow.commit()
        return user.id


def update_user(db: Database, acting: UserInfo, username: str, *, role_code: str | None = None,
                department_id: int | None | object = _KEEP, display_name: str | None = None,
                active: bool | None = None) -> None:
    """Change a user's role, department, display name or active flag (what is given)."""
    with _admin_uow(db, acting) as uow:
        s = uow.session
        _check_still_admin(s, acting)
        user = _user(s, username)
        before = _snapshot(user)
        new_dept = user.department_id if department_id is _KEEP else department_id
        new_role = _check_role(s, role_code if role_code is not None else user.role_code.value, new_dept)
        if (new_role != RoleCode.ADMIN or active is False) and user.role_code == RoleCode.ADMIN:
            _keep_an_admin(s, user)
        user.role_code, user.department_id = new_role, new_dept
        if display_name is not None and display_name.strip():
            user.display_name = display_name.strip()[:60]
        if active is not None:
            user.active = active
        if _snapshot(user) != before:
            uow.audit("user.update", "user", user.id, before=before, after=_snapshot(user))
        uow.commit()


def deactivate(db: Database, acting: UserInfo, username: str) -> None:
    """The user can no longer sign in or act; the account and its history stay."""
    update_user(db, acting, username, active=False)


def reset_password(db: Database, acting: UserInfo, username: str, password: str) -> None:
    """Give an interactive user a new password (the old one stops working) and unlock it."""
    _check_password(password)
    with _admin_uow(db, acting) as uow:
        s = uow.session
        _check_still_admin(s, acting)
        user = _user(s, username)
        if user.is_system:
            raise UserRefused("user.system_no_password", "a system account has no password", username=username)
        user.password_hash = hash_password(password)
        s.execute(delete(SignInThrottle).where(SignInThrottle.username == username))
        uow.audit("user.password_reset", "user", user.id, after={"username": username})
        uow.commit()


def unlock(db: Database, acting: UserInfo, username: str) -> bool:
    """Lift a lock-out and clear the failure count of ``username``; False if it had none."""
    with _admin_uow(db, acting) as uow:
        s = uow.session
        _check_still_admin(s, acting)
        row = s.get(SignInThrottle, username)
        if row is None:
            return False
        before = {"failed_count": row.failed_count, "locked_until": aware(row.locked_until)}
        s.delete(row)
        uow.audit("user.unlock", "user", username, before=before)
        uow.commit()
        return True


def set_sign_in_policy(db: Database, acting: UserInfo, policy: SignInPolicy) -> None:
    """Store the lock-out setting every workstation applies."""
    with _admin_uow(db, acting) as uow:
        s = uow.session
        _check_still_admin(s, acting)
        before = read_sign_in_policy(s)
        write_sign_in_policy(s, policy)
        uow.audit("sign_in.policy", "app_meta", "sign_in",
                  before=before.__dict__, after=policy.__dict__)
        uow.commit()


# ---- a fresh installation ------------------------------------------------------------


def has_admin(db: Database) -> bool:
    """True when some active interactive administrator exists."""
    with db.sessions() as s:
        return bool(s.scalar(select(func.count()).select_from(User).where(
            User.role_code == RoleCode.ADMIN, User.active.is_(True), User.is_system.is_(False))))


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> int:
    """The first administrator of a database that has none, with the password given now."""
    _check_password(password)
    with db.bootstrap_uow(username.strip()[:USERNAME_MAX] or "installer") as uow:
        s = uow.session
        if s.scalar(select(func.count()).select_from(User).where(
                User.role_code == RoleCode.ADMIN, User.active.is_(True), User.is_system.is_(False))):
            raise UserRefused("user.admin_exists", "this database already has an administrator: "
                              "ask one to create your account")
        name = _check_username(s, username)
        ensure_roles(s)
        user = User(username=name, display_name=(display_name.strip() or name)[:60],
                    password_hash=hash_password(password), role_code=RoleCode.ADMIN, active=True, is_system=False)
        s.add(user)
        s.flush()
        uow.audit("user.create_first_admin", "user", user.id, after=_snapshot(user))
        uow.commit()
        return user.id
