"""The Database handle the composition root builds once and hands to services."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from core.live.changes import ChangeHub

from .engine import describe, open_engine, resolve_url
from .models import AppMeta
from .uow import UnitOfWork


@dataclass
class Database:
    """An opened database: engine, session factory and a human label."""

    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)
    changes: ChangeHub = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.changes = ChangeHub()

    @classmethod
    def open(cls, url: str | URL | None = None) -> "Database":
        """Resolve ``url`` (or TONGGUAN_DB, or the default file) and connect."""
        resolved = url if isinstance(url, URL) else resolve_url(url)
        return cls(open_engine(resolved))

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def label(self) -> str:
        return describe(self.engine.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def uow(self, actor: object) -> UnitOfWork:
        """A unit of work acting as ``actor``: an active user's or system account's name, a
        UserInfo or a Principal; any other name is refused on entry (core.rights)."""
        return UnitOfWork(self.sessions, actor, hub=self.changes)

    def bootstrap_uow(self, label: str) -> UnitOfWork:
        """A unit of work for no signed-in principal (sign-in, the installer, set-up); ``label``
        is recorded as its actor. Never hand one to a user's request."""
        return UnitOfWork(self.sessions, label, bootstrap=True, hub=self.changes)

    def meta(self) -> dict[str, str]:
        """All app_meta facts (empty when the schema is not there yet)."""
        with self.sessions() as s:
            return {m.key: m.value for m in s.scalars(select(AppMeta))}

    def dispose(self) -> None:
        self.engine.dispose()
