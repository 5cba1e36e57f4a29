"""Users, roles and law-enforcement inspectors."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum
from .enums import RoleCode


class Role(Base):
    """What a user may do: operator, leader, planner, monitor, department user, town user, admin."""

    __tablename__ = "roles"
    code: Mapped[RoleCode] = mapped_column(str_enum(RoleCode, "role_code"), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))


class User(Base):
    """Someone who signs in to the console."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    password_hash: Mapped[str] = mapped_column(String(200))
    role_code: Mapped[RoleCode] = mapped_column(
        str_enum(RoleCode, "user_role_code"), ForeignKey("roles.code")
    )
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    # A town (grid) user's town: it sees and reports that town's grid clues.
    town_code: Mapped[str | None] = mapped_column(ForeignKey("towns.code"))
    active: Mapped[bool] = mapped_column(default=True)
    # A named non-interactive account for imports and CLI jobs: it never signs in.
    is_system: Mapped[bool] = mapped_column(default=False, server_default=false())


class SignInThrottle(Base):
    """Failed sign-ins per user name, shared by every workstation (lock-out).

    Keyed by the name typed, whether or not such a user exists, so a lock-out does
    not tell which names are real. A successful sign-in or an unlock removes the row.
    """

    __tablename__ = "sign_in_throttle"
    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    failed_count: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    last_failed_at: Mapped[dt.datetime | None]


class Inspector(Base):
    """A certified law-enforcement officer in a department's inspector pool."""

    __tablename__ = "inspectors"
    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    certificate_no: Mapped[str] = mapped_column(String(32), unique=True)
    certificate_valid_until: Mapped[dt.date]
    active: Mapped[bool] = mapped_column(default=True)
    home_village_code: Mapped[str | None] = mapped_column(ForeignKey("villages.code"))


class InspectorConflict(Base):
    """A declared conflict of interest (行政处罚法 Art. 43 avoidance)."""

    __tablename__ = "inspector_conflicts"
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("market_entities.id"), primary_key=True, index=True
    )
    reason: Mapped[str] = mapped_column(String(200))
    declared_on: Mapped[dt.date]
