"""PostgreSQL roles: the application role may add audit entries but never change or remove them.

Two roles (README, "Using PostgreSQL"): the owner owns the tables and runs migrations
(``TONGGUAN_DB_OWNER`` or ``tongguan db upgrade --owner-url``); the application connects
as a role that owns nothing, with full DML on the data tables, SELECT and INSERT on
``audit_log``, and read-only access to the schema version. :func:`grant_app_role` runs as
the owner, after each upgrade, so tables added by later migrations are covered too.
"""
from __future__ import annotations

from sqlalchemy import Connection, Engine, select, text

from core.errors import ConfigError

from .models import AppMeta, Base

APP_ROLE_KEY = "db.app_role"
_APPEND_ONLY = ("audit_log",)


def grant_statements(role: str, owner: str) -> list[str]:
    """The SQL that gives ``role`` exactly the application's rights (owner ``owner``)."""
    r, o = _ident(role), _ident(owner)
    tables = sorted(t for t in Base.metadata.tables if t not in _APPEND_ONLY)
    sql = [f"GRANT USAGE ON SCHEMA public TO {r}",
           f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {r}",
           f"GRANT SELECT ON alembic_version TO {r}"]
    sql += [f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_ident(t)} TO {r}" for t in tables]
    sql += [f"GRANT SELECT, INSERT ON {t} TO {r}" for t in _APPEND_ONLY]
    sql += [f"REVOKE UPDATE, DELETE, TRUNCATE ON {t} FROM {r}" for t in _APPEND_ONLY]
    sql += [f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
            # Tables a later migration adds are usable before the next grant runs.
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {r}"]
    return sql


def grant_app_role(conn: Connection, role: str | None = None) -> str | None:
    """Grant the application role its rights (``role``, or the one remembered); returns the role.

    Only on PostgreSQL (SQLite has no roles); a no-op when no role is named or remembered.
    """
    if conn.dialect.name != "postgresql":
        return None
    remembered = conn.execute(select(AppMeta.value).where(AppMeta.key == APP_ROLE_KEY)).scalar()
    role = role or remembered
    if not role:
        return None
    owner = conn.execute(text("SELECT current_user")).scalar()
    if role == owner:
        raise ConfigError(f"the application role must not be the owner role ({owner})")
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar()
    if not exists:
        raise ConfigError(f"no PostgreSQL role named {role!r}; create it first (see README)")
    for sql in grant_statements(role, owner):
        conn.execute(text(sql))
    if remembered != role:
        conn.execute(AppMeta.__table__.delete().where(AppMeta.key == APP_ROLE_KEY))
        conn.execute(AppMeta.__table__.insert().values(key=APP_ROLE_KEY, value=role))
    return role


def upgrade_and_grant(engine: Engine, app_role: str | None = None) -> tuple[str | None, str | None, str | None]:
    """Migrate as the owner, then grant the application role (named, or remembered) its rights.

    Returns (revision before, revision after, the role granted or None).
    """
    from .migrate import upgrade

    granted: list[str | None] = []
    # One transaction: a grant that fails undoes the upgrade too.
    before, after = upgrade(engine, then=lambda conn: granted.append(grant_app_role(conn, app_role)))
    return before, after, granted[0]


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
