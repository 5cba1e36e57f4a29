"""Signing in: users of the database, their role and department; demo accounts on demo data."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from core.db.database import Database
from core.db.models import AppMeta, Department, Role, User
from core.errors import TongguanError
from core.security import verify_password


class AuthError(TongguanError):
    """Wrong user name or password, or an inactive account (never says which)."""

    code = "auth.failed"


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


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role_code: str


def authenticate(db: Database, username: str, password: str) -> UserInfo:
    """The user whose name and password match; AuthError otherwise."""
    with db.sessions() as s:
        row = s.execute(
            select(User, Role, Department)
            .join(Role, Role.code == User.role_code)
            .outerjoin(Department, Department.id == User.department_id)
            .where(User.username == username.strip())
        ).first()
        if row is None or not row.User.active or not verify_password(password, row.User.password_hash):
            raise AuthError("wrong user name or password")
        u, r, d = row
        return UserInfo(u.id, u.username, u.display_name, r.code.value, r.name_zh, r.name_en,
                        u.department_id, d.name_zh if d else None, d.name_en if d else None)


def demo_accounts(db: Database) -> list[DemoAccount]:
    """Accounts the sign-in screen may offer: only on a demo database, never on real data."""
    with db.sessions() as s:
        meta = {m.key: m.value for m in s.scalars(select(AppMeta).where(AppMeta.key.in_(("demo", "demo_users"))))}
    if meta.get("demo") != "1":
        return []
    return [DemoAccount(a["username"], a["password"], a["role"]) for a in json.loads(meta.get("demo_users", "[]"))]
