"""Reference tables: administrative divisions, departments, industries, tags, metadata."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AppMeta(Base):
    """Key/value facts about the database itself (city profile, demo seed, schema notes)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(4000))


class Town(Base):
    """A town (镇) or street (街道), 9-digit division code."""

    __tablename__ = "towns"
    code: Mapped[str] = mapped_column(String(9), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(10))  # "street" | "town"
    lat: Mapped[float]
    lng: Mapped[float]


class Village(Base):
    """A village or community (村/社区): the grid level, 12-digit code."""

    __tablename__ = "villages"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(60))
    town_code: Mapped[str] = mapped_column(ForeignKey("towns.code"), index=True)
    lat: Mapped[float]
    lng: Mapped[float]


class Department(Base):
    """An enforcement department, grouped by "5+1+X"."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_zh: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(120))
    group: Mapped[str] = mapped_column(String(1))  # "5", "1" or "X"
    field: Mapped[str | None] = mapped_column(String(20))


class Industry(Base):
    """A GB/T 4754-2017 industry class."""

    __tablename__ = "industries"
    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(160))


class Tag(Base):
    """A regulatory attribute tag (监管属性) that can be put on entities."""

    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(80))
    colour: Mapped[str] = mapped_column(String(7))
    meaning_zh: Mapped[str] = mapped_column(String(400), default="")
    meaning_en: Mapped[str] = mapped_column(String(400), default="")
